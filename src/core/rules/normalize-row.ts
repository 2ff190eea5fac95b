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
  // Keys in a fixed order, each only when it has a value (no `key: undefined`).
  const out: { -readonly [K in keyof NormalizedRow]: NormalizedRow[K] } = { nameKey: pre.nameKey ?? nameKey(text('name')) };
  if (table === 'agencies') {
    const c = pre.personAndPhone ?? readPersonAndPhone(text('contact'));
    const type = official('type', 'agencyType');
    if (type !== undefined) out.type = type;
    const mobile = c.phones.find((p) => p.check.kind === 'mobile')?.check.digits;
    if (mobile !== undefined) out.mobile = mobile;
    const email = c.emails.find((e) => e.check.normalizedValid)?.check.normalized;
    if (email !== undefined) out.email = email;
    if (c.person !== undefined) out.person = c.person;
    const phone = c.phone?.check.display;
    if (phone !== undefined) out.phone = phone;
    out.lead = pre.lead ?? isLeadRole(text('role'));
    return out;
  }
  const c = pre.mobileAndEmail ?? readMobileAndEmail(text('contact'));
  if (table === 'schemes') {
    const type = official('type', 'schemeType');
    if (type !== undefined) out.type = type;
    const industry = official('industry', 'schemeField');
    if (industry !== undefined) out.industry = industry;
  } else {
    const industry = official('industry', 'industry');
    if (industry !== undefined) out.industry = industry;
  }
  const mobile = c.mobile?.check.digits;
  if (mobile !== undefined) out.mobile = mobile;
  if (c.email?.check.normalizedValid) out.email = c.email.check.normalized;
  const personText = normalizeText(text('contactPerson'));
  if (personText) out.person = checkPersonName(personText).name ?? personText;
  const phone = (c.mobile ?? c.phones[0])?.check.display;
  if (phone !== undefined) out.phone = phone;
  return out;
}

export function normalizeRow(table: TableKey, row: TableRow): NormalizedRow {
  return normalizeRowFrom(table, row, {});
}
