/**
 * Cell rules: one cell's text in, issues out (plus what was read, for the row and table rules).
 */
import type { Issue } from '../issues';
import type { VocabularyKey } from '../notice/tables';
import { AGENCY_TYPES, INDUSTRIES, PRODUCT_SERVICE_TYPES, SCHEME_TYPES, type Vocabulary } from '../notice/vocabularies';
import type { CategoryMatch } from '../fields/category';
import { readMobileAndEmail, readPersonAndPhone, replaceSpan, type EmailToken, type MobileAndEmail, type PersonAndPhone, type PhoneToken } from '../fields/contact';
import { checkPersonName } from '../fields/person';
import type { PhoneCheck } from '../fields/phone';
import { makeIssue, type IssueLocation } from './catalog';

export const COLUMN_VOCABULARIES: Readonly<Record<VocabularyKey, readonly Vocabulary[]>> = {
  agencyType: [AGENCY_TYPES],
  industry: [INDUSTRIES],
  schemeType: [SCHEME_TYPES],
  schemeField: [INDUSTRIES, PRODUCT_SERVICE_TYPES],
};

/** Issues for a category cell already matched. */
export function categoryIssues(m: CategoryMatch, at: IssueLocation, label: string): Issue[] {
  const v = m.input;
  switch (m.kind) {
    case 'empty':
    case 'exact':
    case 'other':
      return [];
    case 'spelling':
      return [makeIssue('category.spelling', at, { zh: `“${v}”应写为“${m.official}”`, en: `"${v}" should read "${m.official}"` }, { value: m.official ?? v, certain: true })];
    case 'variant':
    case 'alias':
      return [
        makeIssue(
          'category.not-in-vocabulary',
          at,
          { zh: `${label}“${v}”应写为通知规定的“${m.official}”`, en: `${label} "${v}" is written "${m.official}" in the notice` },
          { value: m.official ?? v, certain: true },
        ),
      ];
    case 'near':
      return [
        m.open
          ? makeIssue('category.near-miss', at, { zh: `“${v}”是否应为“${m.official}”？`, en: `did you mean "${m.official}" for "${v}"?` }, { value: m.official ?? v, certain: false })
          : makeIssue('category.not-in-vocabulary', at, { zh: `“${v}”是否应为“${m.official}”？`, en: `did you mean "${m.official}" for "${v}"?` }, { value: m.official ?? v, certain: false }),
      ];
    case 'several':
      return [makeIssue('category.several-values', at, { zh: `“${v}”含 ${m.officials?.join('、')}，请只填一项`, en: `"${v}" holds ${m.officials?.join(', ')}; give one` })];
    case 'hint':
      return [makeIssue('category.hint-left', at, { zh: `请将提示“${v}”替换为实际${label}`, en: `replace the hint "${v}" with the actual value` })];
    case 'unknown':
      return [
        m.open
          ? makeIssue('category.unlisted', at, { zh: `${label}“${v}”不在通知列举的取值中`, en: `${label} "${v}" is not among the listed values` })
          : makeIssue('category.not-in-vocabulary', at, { zh: `${label}“${v}”不是通知规定的取值`, en: `${label} "${v}" is not a value the notice allows` }),
      ];
  }
}

function emailIssues(text: string, email: EmailToken, at: IssueLocation): Issue[] {
  const c = email.check;
  if (c.valid) {
    return c.suggestion
      ? [makeIssue('contact.email-typo', at, { zh: `“${email.raw}”是否应为“${c.suggestion}”？`, en: `did you mean "${c.suggestion}"?` }, { value: replaceSpan(text, email, c.suggestion), certain: false })]
      : [];
  }
  if (c.normalizedValid) {
    // Spaces around the @ (qianjin @ qq.com) are named as such: "full-width characters" would send the reader
    // looking for a ＠ that is not there.
    const spaced = /\s/.test(email.raw.trim());
    return [
      makeIssue(
        'contact.email-invalid',
        at,
        spaced
          ? { zh: `“${email.raw}”中有多余的空格，应为“${c.normalized}”`, en: `"${email.raw}" has stray spaces; it reads "${c.normalized}"` }
          : { zh: `“${email.raw}”含全角字符或多余符号，应为“${c.normalized}”`, en: `"${email.raw}" has full-width or stray characters; it reads "${c.normalized}"` },
        { value: replaceSpan(text, email, c.normalized), certain: true },
      ),
    ];
  }
  return [
    makeIssue(
      'contact.email-invalid',
      at,
      c.suggestion ? { zh: `“${email.raw}”是否应为“${c.suggestion}”？`, en: `"${email.raw}": did you mean "${c.suggestion}"?` } : { zh: `“${email.raw}”`, en: `"${email.raw}"` },
      c.suggestion ? { value: replaceSpan(text, email, c.suggestion), certain: false } : undefined,
    ),
  ];
}

/** What a phone check says, as issues for a cell where a landline is allowed. */
export function phoneProblemIssues(text: string, token: { raw: string; start: number; end: number; check: PhoneCheck }, at: IssueLocation, invalidCode: 'phone.invalid' | 'contact.phone-invalid'): Issue[] {
  const c = token.check;
  const out: Issue[] = [];
  for (const p of c.problems) {
    if (p === 'mobile-unallocated') out.push(makeIssue(invalidCode === 'phone.invalid' ? 'phone.unallocated' : 'contact.mobile-unallocated', at, { zh: token.raw, en: token.raw }));
    else if (p === 'no-area-code') out.push(makeIssue('phone.no-area-code', at, { zh: `“${token.raw}”请加上区号，如 010-${c.digits}`, en: `add the area code to "${token.raw}", e.g. 010-${c.digits}` }));
    else if (p === 'missing-leading-zero' && c.display)
      out.push(makeIssue('phone.missing-leading-zero', at, { zh: `“${token.raw}”应为“${c.display}”`, en: `"${token.raw}" reads "${c.display}"` }, { value: replaceSpan(text, token, c.display), certain: true }));
    else if (p === 'invalid') out.push(makeIssue(invalidCode, at, { zh: `“${token.raw}”`, en: `"${token.raw}"` }));
  }
  return out;
}

export interface MobileEmailRead {
  readonly issues: Issue[];
  readonly mobile?: string;
  readonly email?: string;
  readonly phone?: string;
  /** The cell as read (readMobileAndEmail), for the row's normalised reading; absent for a blank cell. */
  readonly read?: MobileAndEmail;
}

/** 联系方式（手机与邮箱）: a valid mainland mobile AND a valid e-mail. `personText` is the row's 联系人 cell. */
export function checkMobileAndEmailCell(text: string, at: IssueLocation, personText?: string): MobileEmailRead {
  const issues: Issue[] = [];
  if (!text.trim()) return { issues };
  const r = readMobileAndEmail(text);
  let mobile: string | undefined;
  let phone: string | undefined;
  if (r.mobile) {
    mobile = r.mobile.check.digits;
    phone = r.mobile.check.display;
    if (r.mobile.check.problems.includes('mobile-unallocated')) issues.push(makeIssue('contact.mobile-unallocated', at, { zh: r.mobile.raw, en: r.mobile.raw }));
  } else if (r.phones.length > 0) {
    const p: PhoneToken = r.phones[0];
    phone = p.check.display;
    const what =
      p.check.kind === 'fixed'
        ? { zh: `“${p.raw}”是固定电话，此处应填手机号码`, en: `"${p.raw}" is a fixed line; a mobile is required here` }
        : p.check.kind === 'service'
          ? { zh: `“${p.raw}”是400/800服务号码，此处应填手机号码`, en: `"${p.raw}" is a service number; a mobile is required here` }
          : { zh: `“${p.raw}”不是有效的手机号码（11位，1开头）`, en: `"${p.raw}" is not a valid mobile (11 digits starting with 1)` };
    issues.push(makeIssue('contact.mobile-invalid', at, what));
  } else {
    const moved = personText ? checkPersonName(personText) : undefined;
    const personMobile = moved?.problem === 'is-number' ? readMobileAndEmail(personText ?? '').mobile : undefined;
    issues.push(
      makeIssue(
        'contact.mobile-missing',
        at,
        personMobile ? { zh: `手机号码“${personMobile.raw}”填在了联系人一栏`, en: `the mobile "${personMobile.raw}" was typed into 联系人` } : undefined,
        personMobile ? { value: `${personMobile.check.digits}；${text.trim()}`, certain: false } : undefined,
      ),
    );
  }
  let email: string | undefined;
  if (r.email) {
    email = r.email.check.normalizedValid ? r.email.check.normalized : undefined;
    issues.push(...emailIssues(text, r.email, at));
  } else {
    issues.push(makeIssue('contact.email-missing', at));
  }
  const mobiles = r.phones.filter((p) => p.check.kind === 'mobile').length;
  if (mobiles > 1 || r.emails.length > 1) issues.push(makeIssue('contact.extra-values', at));
  // Keys as { issues, ...mobile?, ...email?, ...phone?, read } had them, assigned rather than spread (every contact cell).
  const out: { -readonly [K in keyof MobileEmailRead]: MobileEmailRead[K] } = { issues };
  if (mobile) out.mobile = mobile;
  if (email) out.email = email;
  if (phone) out.phone = phone;
  out.read = r;
  return out;
}

export interface PersonPhoneRead extends Omit<MobileEmailRead, 'read'> {
  readonly person?: string;
  /** The cell as read (readPersonAndPhone), for the row's normalised reading; absent for a blank cell. */
  readonly read?: PersonAndPhone;
}

/** 联系人及联系方式: a person's name and a reachable number (mobile, fixed line with area code, 400/800). */
export function checkPersonAndPhoneCell(text: string, at: IssueLocation): PersonPhoneRead {
  const issues: Issue[] = [];
  if (!text.trim()) return { issues };
  const r = readPersonAndPhone(text);
  let mobile: string | undefined;
  let phone: string | undefined;
  if (!r.phone) {
    issues.push(makeIssue('contact.phone-missing', at));
  } else {
    if (r.phone.check.kind === 'mobile') mobile = r.phone.check.digits;
    phone = r.phone.check.display;
    issues.push(...phoneProblemIssues(text, r.phone, at, 'contact.phone-invalid'));
    // A 400/800 number reaches a switchboard, not necessarily the person named beside it (README: phone.service-number).
    // Said once, and only when the cell gives no mobile or fixed line of the person's own. Not in phoneProblemIssues:
    // the form's 联系电话 already reports it there, for its own field kinds.
    if (r.phone.check.kind === 'service' && !r.phones.some((p) => p.check.ok && p.check.kind !== 'service')) {
      issues.push(makeIssue('phone.service-number', at, { zh: `“${r.phone.raw}”`, en: `"${r.phone.raw}"` }));
    }
  }
  let email: string | undefined;
  if (r.emails.length > 0) {
    const e = r.emails[0];
    if (e.check.normalizedValid) email = e.check.normalized;
    issues.push(...emailIssues(text, e, at));
  }
  if (!r.person) issues.push(makeIssue('contact.person-missing', at));
  // Keys as { issues, ...person?, ...mobile?, ...email?, ...phone?, read } had them, assigned rather than spread.
  const out: { -readonly [K in keyof PersonPhoneRead]: PersonPhoneRead[K] } = { issues };
  if (r.person) out.person = r.person;
  if (mobile) out.mobile = mobile;
  if (email) out.email = email;
  if (phone) out.phone = phone;
  out.read = r;
  return out;
}

/** 联系人: a name, not a number or an e-mail. */
export function checkPersonCell(text: string, at: IssueLocation): Issue[] {
  if (!text.trim()) return [];
  const c = checkPersonName(text);
  // Quoted as written (王五（经理）, not its normalised 王五(经理)): the reviewer searches the file for it.
  const shown = text.trim();
  switch (c.problem) {
    case undefined:
    case 'empty':
      return [];
    case 'is-number':
      return [makeIssue('contact.name-is-number', at, { zh: `“${shown}”是号码，请填写联系人姓名`, en: `"${shown}" is a number; give the person's name` })];
    case 'is-email':
      return [makeIssue('contact.name-is-email', at, { zh: `“${shown}”是邮箱，请填写联系人姓名`, en: `"${shown}" is an e-mail; give the person's name` })];
    case 'has-number':
      return [makeIssue('contact.name-has-number', at, { zh: `“${shown}”`, en: `"${shown}"` }, c.name ? { value: c.name, certain: false } : undefined)];
    case 'several':
      return [makeIssue('contact.name-several', at, { zh: `“${shown}”，请只填一位联系人`, en: `"${shown}"; give one person` })];
    case 'unusual':
      return [makeIssue('contact.name-unusual', at, { zh: `“${shown}”`, en: `"${shown}"` })];
  }
}
