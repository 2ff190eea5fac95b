/**
 * normalizeRow: the normalised reading of one row (official categories, mobile, e-mail, person, lead), which the
 * aggregator shows beside the person's own text. Never throws; what cannot be read is left out.
 *
 * The validator reads the same cells (category matches, contact parses, the lead mark) while it checks them;
 * normalizeRowFrom builds the row from those readings so a row is parsed once, and computes whatever was not
 * handed over. normalizeRow(table, row) is normalizeRowFrom(table, row, {}).
 */
import type { TableKey } from '../notice/tables';
import type { NormalizedRow } from '../submission/normalized';
import type { TableRow } from '../submission/types';
import { matchCategory, type CategoryMatch } from '../fields/category';
import { readMobileAndEmail, readPersonAndPhone, type MobileAndEmail, type PersonAndPhone } from '../fields/contact';
import { checkPersonName } from '../fields/person';
import { isLeadRole } from '../fields/role';
import { nameKey, normalizeText } from '../text/normalize';
import { COLUMN_VOCABULARIES } from './cells';

/**
 * What the validator already read from a row, each exactly what the function named would return for that cell's
 * text (row.cells[key]?.text ?? ''). Anything left out is computed here.
 */
export interface RowReadings {
  /** nameKey(name text). */
  nameKey?: string;
  /** matchCategory(text, the column's vocabularies), by column key (`type`, `industry`). */
  categories?: Partial<Record<string, CategoryMatch>>;
  /** readPersonAndPhone(contact text), agencies. */
  personAndPhone?: PersonAndPhone;
  /** readMobileAndEmail(contact text), targets and schemes. */
  mobileAndEmail?: MobileAndEmail;
  /** isLeadRole(role text), agencies. */
  lead?: boolean;
}

function officialOf(m: CategoryMatch): string | undefined {
  return m.kind === 'exact' || m.kind === 'spelling' || m.kind === 'variant' || m.kind === 'alias' || m.kind === 'other' ? m.official : undefined;
}

export function normalizeRowFrom(table: TableKey, row: TableRow, pre: RowReadings): NormalizedRow {
  const text = (key: string): string => row.cells[key]?.text ?? '';
  const official = (key: string, vocab: keyof typeof COLUMN_VOCABULARIES): string | undefined => {
    const given = pre.categories?.[key];
    if (given) return officialOf(given);
    const t = text(key);
    if (!t) return undefined;
    return officialOf(matchCategory(t, COLUMN_VOCABULARIES[vocab]));
  };
  const base = { nameKey: pre.nameKey ?? nameKey(text('name')) };
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  if (table === 'agencies') {
    const c = pre.personAndPhone ?? readPersonAndPhone(text('contact'));
    const email = c.emails.find((e) => e.check.normalizedValid)?.check.normalized;
    return clean({
      ...base,
      type: official('type', 'agencyType'),
      mobile: c.phones.find((p) => p.check.kind === 'mobile')?.check.digits,
      email,
      person: c.person,
      phone: c.phone?.check.display,
      lead: pre.lead ?? isLeadRole(text('role')),
    });
  }
  const c = pre.mobileAndEmail ?? readMobileAndEmail(text('contact'));
  const personText = normalizeText(text('contactPerson'));
  const person = personText ? (checkPersonName(personText).name ?? personText) : undefined;
  return clean({
    ...base,
    ...(table === 'schemes' ? { type: official('type', 'schemeType'), industry: official('industry', 'schemeField') } : { industry: official('industry', 'industry') }),
    mobile: c.mobile?.check.digits,
    email: c.email?.check.normalizedValid ? c.email.check.normalized : undefined,
    person,
    phone: (c.mobile ?? c.phones[0])?.check.display,
  });
}

export function normalizeRow(table: TableKey, row: TableRow): NormalizedRow {
  return normalizeRowFrom(table, row, {});
}
