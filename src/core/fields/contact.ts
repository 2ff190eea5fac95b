/**
 * Contact cells: 联系方式（手机与邮箱） holds a mobile AND an e-mail in one cell, in any order with any separator;
 * 联系人及联系方式 holds a person's name and a reachable number. Every token keeps its span in the cell's own
 * text, so a fix can replace exactly that token and leave the rest of the cell as the person wrote it.
 */
import { nfkc } from '../text/normalize';
import { checkEmail, type EmailCheck } from './email';
import { checkPhone, isValidFixedLine, MOBILE_SHAPE, type PhoneCheck } from './phone';

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
/** Spaces within a line (ASCII, tab, no-break, ideographic): people leave them around the @ (qianjin @ qq.com). */
const INLINE_SPACE = '[^\\S\\r\\n]';
/**
 * EMAIL_RE with spaces on either side of the @ (qianjin @ qq.com): normalizeEmail drops them, so such an address gets
 * a certain fix rather than being missed (the mask hides it either way). Before the @ they stay within the line;
 * after it one line break is read, as EMAIL_RE does. Used only for cells with such spaces (SPACE_AT): the extra
 * space classes double the cost of the search, and nearly every cell has none.
 */
const EMAIL_SPACED_RE = new RegExp(
  `[${W}._%+\\-\\uFF0E\\uFF3F\\uFF0D]+${INLINE_SPACE}*[@\\uFF20]\\s?${INLINE_SPACE}*[${W}\\-\\uFF0D]+(?:(?:[.\\uFF0E\\u3002\\uFF61]|[,\\uFF0C](?=(?:com|cn|net|org)(?![${W}])))[${W}\\-\\uFF0D]+)*`,
  'gi',
);
/** A space before an @, or more than the one whitespace EMAIL_RE reads after it. */
const SPACE_AT = new RegExp(`${INLINE_SPACE}[@\\uFF20]|[@\\uFF20]\\s${INLINE_SPACE}`);
/** Spaces before the @ (local part, then the @). */
const SPACED_AT = new RegExp(`^([^@\\uFF20]*?)${INLINE_SPACE}+[@\\uFF20]`);
const D = '0-9\\uFF10-\\uFF19';
/**
 * An extension: 转 / 分机 / ext / x / # and up to 6 digits, spaces allowed around the mark. Captured on its own so it
 * is joined to the number before it whatever splitRun makes of the groups (王强 (0755)8888 9999 转 123).
 */
const EXTENSION = `[ \\t]*(?:转|分机|[eE][xX][tT]\\.?|[xX#])[ \\t]*[${D}]{1,6}`;
const PHONE_RE = new RegExp(
  `(?:[+\\uFF0B][ \\t]*)?[(\\uFF08]?[${D}](?:[${D}\\-\\uFF0D\\u2014()\\uFF08\\uFF09 \\t\\u3000]*[${D}])?(${EXTENSION})?`,
  'g',
);
/**
 * Digit groups joined by dots (139.1234.5678, 0755.8888.9999): every group at least 3 digits, no digit or dotted
 * digit touching either end. A dot is a decimal point or a date separator far more often than a phone separator, so
 * such a run is read as one number only when its digits are unambiguous (dottedIsPhone); 2023.10.01, 12345.67,
 * 1.3800138000 and 192.168.100.200 never are.
 */
const DOTTED_RE = new RegExp(`(?<![${D}]|[${D}][.\\uFF0E])[${D}]{3,}(?:[.\\uFF0E][${D}]{3,})+(?![${D}]|[.\\uFF0E][${D}])`, 'g');

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
  const emailRe = SPACE_AT.test(text) ? EMAIL_SPACED_RE : EMAIL_RE;
  emailRe.lastIndex = 0;
  for (let m = emailRe.exec(text); m; m = emailRe.exec(text)) {
    const raw = m[0];
    const spaced = emailRe === EMAIL_SPACED_RE ? SPACED_AT.exec(raw) : null;
    if (spaced && MOBILE_SHAPE.test(nfkc(spaced[1]))) {
      // 13800138000 @139.com: a whole mobile, a space, then an @. It may be the mobile and an address that lost its
      // local part, or the mobile used as the local part; neither is certain, so the mobile stays a mobile (as it
      // was read before spaces around the @ were allowed) and the search goes on after it.
      emailRe.lastIndex = m.index + spaced[1].length;
      continue;
    }
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

  // Dots that join the groups of an unambiguous number become spaces here (same length, so offsets hold) and the
  // number is then read like one written with spaces; raw text is still taken from `masked`, dots and all.
  const scan = masked.includes('.') || masked.includes('\uFF0E') ? dotsToSpaces(masked) : masked;
  const phones: PhoneToken[] = [];
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(scan); m; m = PHONE_RE.exec(scan)) {
    const ext = m[1] ?? '';
    const parts = splitRun(m[0].slice(0, m[0].length - ext.length), m.index);
    // The extension belongs to the number just before it, however many groups that number was written in.
    if (ext && parts.length) parts[parts.length - 1] = { start: parts[parts.length - 1].start, end: m.index + m[0].length };
    for (const part of parts) {
      const raw = masked.slice(part.start, part.end);
      if (digitCount(raw) < 5) continue;
      // A literal, not { ...part, check }: object spread was the costliest line of a contact cell's parse.
      phones.push({ raw, start: part.start, end: part.end, check: checkPhone(raw) });
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
 * Whether digit groups joined by dots are one phone number: an 11-digit mobile (139.1234.5678, 139.12345678) or a
 * fixed line with its area code (010.6820.6187, 0755.8888.9999), its first group being the 3 or 4 digits a mobile
 * prefix or an area code is written as. Anything else (a date, an amount such as 1380013.8000, a version, an IP
 * address) keeps its dots and is read as before.
 */
function dottedIsPhone(run: string): boolean {
  const t = nfkc(run);
  const firstGroup = t.indexOf('.');
  if (firstGroup < 3 || firstGroup > 4) return false;
  const digits = t.replace(/[^0-9]/g, '');
  if (MOBILE_SHAPE.test(digits)) return true;
  return /^0\d{9,11}$/.test(digits) && isValidFixedLine(digits);
}

/** The text with the dots of each unambiguous dotted number (dottedIsPhone) replaced by spaces, offsets unchanged. */
function dotsToSpaces(text: string): string {
  DOTTED_RE.lastIndex = 0;
  let out = '';
  let pos = 0;
  for (let m = DOTTED_RE.exec(text); m; m = DOTTED_RE.exec(text)) {
    if (!dottedIsPhone(m[0])) continue;
    out += text.slice(pos, m.index) + m[0].replace(/[.\uFF0E]/g, ' ');
    pos = m.index + m[0].length;
  }
  return pos === 0 ? text : out + text.slice(pos);
}

/** +86 or 0086 alone, as the first group(s) of a run. */
const COUNTRY_CODE = /^(?:\+[ \t]*86|0086)$/;

/**
 * A run of digits with spaces may hold one number written in groups (138 0013 8000, 010 68206187) or two
 * numbers side by side (13800138000 13900139000). Merge groups while they still fit one number.
 * Offsets only: the caller takes the raw text from the cell (the run it scanned may have dots turned into spaces).
 */
function splitRun(raw: string, offset: number): { start: number; end: number }[] {
  const parts: { s: number; e: number }[] = [];
  const re = /[^ \t\u3000]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) parts.push({ s: m.index, e: m.index + m[0].length });
  const out: { start: number; end: number }[] = [];
  let cur: { s: number; e: number } | undefined;
  let curDigits = 0;
  for (const p of parts) {
    const d = digitCount(raw.slice(p.s, p.e));
    if (cur && curDigits >= 10 && curDigits + d > 12) {
      out.push({ start: offset + cur.s, end: offset + cur.e });
      cur = undefined;
      curDigits = 0;
    }
    if (!cur) cur = { ...p };
    else cur.e = p.e;
    curDigits += d;
    // A country code written before the number (+86 1391 2345 678, 0086 …) is not one of its digits: counted, it
    // made the number look full before its last group.
    if (curDigits <= 4 && COUNTRY_CODE.test(nfkc(raw.slice(cur.s, cur.e)))) curDigits = 0;
  }
  if (cur) out.push({ start: offset + cur.s, end: offset + cur.e });
  return out;
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
