/**
 * Contact cells: 联系方式（手机与邮箱） holds a mobile AND an e-mail in one cell, in any order with any separator;
 * 联系人及联系方式 holds a person's name and a reachable number. Every token keeps its span in the cell's own
 * text, so a fix can replace exactly that token and leave the rest of the cell as the person wrote it.
 */
import { nfkc } from '../text/normalize';
import { checkEmail, type EmailCheck } from './email';
import { checkPhone, type PhoneCheck } from './phone';

export interface Span {
  /** The token exactly as written in the cell. */
  readonly raw: string;
  /** Offsets in the cell text: text.slice(start, end) === raw. */
  readonly start: number;
  readonly end: number;
}

export interface EmailToken extends Span {
  readonly check: EmailCheck;
}

export interface PhoneToken extends Span {
  readonly check: PhoneCheck;
}

export interface ContactParse {
  readonly text: string;
  readonly emails: readonly EmailToken[];
  readonly phones: readonly PhoneToken[];
  /** What is left once numbers, e-mails, labels and separators are taken out (a person's name, usually). */
  readonly rest: string;
}

const W = 'A-Za-z0-9\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF10-\\uFF19';
/** local@domain, with full-width ＠, 。/． dots, and `,com` typed for `.com`. */
const EMAIL_RE = new RegExp(
  `[${W}._%+\\-\\uFF0E\\uFF3F\\uFF0D]+[@\\uFF20]\\s?[${W}\\-\\uFF0D]+(?:(?:[.\\uFF0E\\u3002\\uFF61]|[,\\uFF0C](?=(?:com|cn|net|org)(?![${W}])))[${W}\\-\\uFF0D]+)*`,
  'gi',
);
const D = '0-9\\uFF10-\\uFF19';
const PHONE_RE = new RegExp(
  `(?:[+\\uFF0B][ \\t]*)?[(\\uFF08]?[${D}](?:[${D}\\-\\uFF0D\\u2014()\\uFF08\\uFF09 \\t\\u3000]*[${D}])?(?:[ \\t]*(?:转|分机|ext\\.?|[xX#])[ \\t]*[${D}]{1,6})?`,
  'g',
);

const LABELS =
  /(?:联系人及联系方式|联系方式|联系人|联系电话|电话号码|电话|手机号码|手机号|手机|移动电话|座机|固话|办公电话|电子邮箱|电子邮件|邮箱地址|邮箱|邮件|姓名|\b(?:e-?mail|mailto|mail|tel|phone|mobile)\b)\s*[:：]?/gi;
const SEPARATOR_CLASS = `[\\s,，;；、/／|｜:：()（）[\\]【】<>《》"“”'‘’。.]`;
const SEPARATORS = new RegExp(`${SEPARATOR_CLASS}+`, 'g');
/** Nothing but separators: no label can match (every label has a letter), so the rest is empty. */
const ONLY_SEPARATORS = new RegExp(`^${SEPARATOR_CLASS}*$`);

/** What is left of a cell once its tokens are blanked: labels and separators out, spaces folded. */
function restText(leftover: string): string {
  const t = nfkc(leftover);
  // Most contact cells leave only the separator between number and address (a space, ，, ；, a line break).
  if (ONLY_SEPARATORS.test(t)) return '';
  return t.replace(LABELS, ' ').replace(SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
}

function digitCount(s: string): number {
  let n = 0;
  for (const ch of nfkc(s)) if (ch >= '0' && ch <= '9') n++;
  return n;
}

/** Find every e-mail and every phone-like run in a cell. Never throws. */
export function parseContact(text: string): ContactParse {
  const emails: EmailToken[] = [];
  let masked = text;
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
    const raw = m[0];
    emails.push({ raw, start: m.index, end: m.index + raw.length, check: checkEmail(raw) });
  }
  if (emails.length) {
    let out = '';
    let pos = 0;
    for (const e of emails) {
      out += text.slice(pos, e.start) + ' '.repeat(e.end - e.start);
      pos = e.end;
    }
    masked = out + text.slice(pos);
  }

  const phones: PhoneToken[] = [];
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(masked); m; m = PHONE_RE.exec(masked)) {
    for (const part of splitRun(m[0], m.index)) {
      if (digitCount(part.raw) < 5) continue;
      // A literal, not { ...part, check }: object spread was the costliest line of a contact cell's parse.
      phones.push({ raw: part.raw, start: part.start, end: part.end, check: checkPhone(part.raw) });
    }
  }

  let rest = '';
  let pos = 0;
  // Pushed, not [...emails, ...phones]: spreading was a measurable share of the parse.
  const spans: Span[] = [];
  for (const e of emails) spans.push(e);
  for (const ph of phones) spans.push(ph);
  spans.sort((x, y) => x.start - y.start);
  for (const s of spans) {
    rest += text.slice(pos, s.start) + ' ';
    pos = s.end;
  }
  rest += text.slice(pos);
  return { text, emails, phones, rest: restText(rest) };
}

/**
 * A run of digits with spaces may hold one number written in groups (138 0013 8000, 010 68206187) or two
 * numbers side by side (13800138000 13900139000). Merge groups while they still fit one number.
 */
function splitRun(raw: string, offset: number): Span[] {
  const parts: { s: number; e: number }[] = [];
  const re = /[^ \t\u3000]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) parts.push({ s: m.index, e: m.index + m[0].length });
  const out: Span[] = [];
  let cur: { s: number; e: number } | undefined;
  let curDigits = 0;
  for (const p of parts) {
    const d = digitCount(raw.slice(p.s, p.e));
    if (cur && curDigits >= 10 && curDigits + d > 12) {
      out.push(span(raw, cur, offset));
      cur = undefined;
      curDigits = 0;
    }
    if (!cur) cur = { ...p };
    else cur.e = p.e;
    curDigits += d;
  }
  if (cur) out.push(span(raw, cur, offset));
  return out;
}

function span(raw: string, r: { s: number; e: number }, offset: number): Span {
  return { raw: raw.slice(r.s, r.e), start: offset + r.s, end: offset + r.e };
}

/** The cell text with one token replaced: a fix writes the whole cell, keeping everything else as written. */
export function replaceSpan(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

export interface MobileAndEmail extends ContactParse {
  /** The first token that is a mobile (allocated or not). */
  readonly mobile?: PhoneToken;
  /** The first e-mail token. */
  readonly email?: EmailToken;
}

/** 联系方式（手机与邮箱）. */
export function readMobileAndEmail(text: string): MobileAndEmail {
  const p = parseContact(text);
  const mobile = p.phones.find((t) => t.check.kind === 'mobile');
  const email = p.emails.find((t) => t.check.valid) ?? p.emails.find((t) => t.check.normalizedValid) ?? p.emails[0];
  // Keys as { ...p, mobile?, email? } had them, without the cost of spreading.
  const out: { -readonly [K in keyof MobileAndEmail]: MobileAndEmail[K] } = { text: p.text, emails: p.emails, phones: p.phones, rest: p.rest };
  if (mobile) out.mobile = mobile;
  if (email) out.email = email;
  return out;
}

export interface PersonAndPhone extends ContactParse {
  /** The name left beside the number, when there is one. */
  readonly person?: string;
  /** The first number usable as a contact (mobile, fixed line, 400/800), else the first phone-like token. */
  readonly phone?: PhoneToken;
}

/** 联系人及联系方式: 闫旭，19138570839 / 邓辉\n15073571432 / 孙丽：15785375366. */
export function readPersonAndPhone(text: string): PersonAndPhone {
  const p = parseContact(text);
  const phone = p.phones.find((t) => t.check.ok) ?? p.phones.find((t) => t.check.kind) ?? p.phones[0];
  const person = p.rest.length > 0 ? p.rest : undefined;
  // Keys as { ...p, person?, phone? } had them, without the cost of spreading.
  const out: { -readonly [K in keyof PersonAndPhone]: PersonAndPhone[K] } = { text: p.text, emails: p.emails, phones: p.phones, rest: p.rest };
  if (person) out.person = person;
  if (phone) out.phone = phone;
  return out;
}
