/**
 * normalizeRow: the normalised reading of one row (official categories, mobile, e-mail, person, lead), which the
 * aggregator shows beside the person's own text. Never throws; what cannot be read is left out.
 */
import type { TableKey } from '../notice/tables';
import type { NormalizedRow } from '../submission/normalized';
import type { TableRow } from '../submission/types';
import { matchCategory } from '../fields/category';
import { readMobileAndEmail, readPersonAndPhone } from '../fields/contact';
import { checkPersonName } from '../fields/person';
import { isLeadRole } from '../fields/role';
import { nameKey, normalizeText } from '../text/normalize';
import { COLUMN_VOCABULARIES } from './cells';

function official(text: string | undefined, vocab: keyof typeof COLUMN_VOCABULARIES): string | undefined {
  if (!text) return undefined;
  const m = matchCategory(text, COLUMN_VOCABULARIES[vocab]);
  return m.kind === 'exact' || m.kind === 'spelling' || m.kind === 'variant' || m.kind === 'alias' || m.kind === 'other' ? m.official : undefined;
}

export function normalizeRow(table: TableKey, row: TableRow): NormalizedRow {
  const text = (key: string): string => row.cells[key]?.text ?? '';
  const base = { nameKey: nameKey(text('name')) };
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  if (table === 'agencies') {
    const c = readPersonAndPhone(text('contact'));
    const email = c.emails.find((e) => e.check.normalizedValid)?.check.normalized;
    return clean({
      ...base,
      type: official(text('type'), 'agencyType'),
      mobile: c.phones.find((p) => p.check.kind === 'mobile')?.check.digits,
      email,
      person: c.person,
      phone: c.phone?.check.display,
      lead: isLeadRole(text('role')),
    });
  }
  const c = readMobileAndEmail(text('contact'));
  const personText = normalizeText(text('contactPerson'));
  const person = personText ? (checkPersonName(personText).name ?? personText) : undefined;
  return clean({
    ...base,
    ...(table === 'schemes' ? { type: official(text('type'), 'schemeType'), industry: official(text('industry'), 'schemeField') } : { industry: official(text('industry'), 'industry') }),
    mobile: c.mobile?.check.digits,
    email: c.email?.check.normalizedValid ? c.email.check.normalized : undefined,
    person,
    phone: (c.mobile ?? c.phones[0])?.check.display,
  });
}
