/**
 * Masking for sharing (`--mask`, the task pane's 隐去手机和邮箱): every writer of the summary (the .xlsx writers,
 * the Office.js writer, the CSV export) passes every text cell through maskText — the person's own cells, the
 * normalised columns, provenance, and each 问题清单 column (原值, 说明, Message, 建议修改为, 相关单元格). Names are
 * left as written. Pure: text in, text out.
 *
 * What is masked is decided on the text's NFKC form, character by character, so full-width digits (１３８…),
 * ideographic spaces, full-width dashes and ＠ count as their ASCII selves. Characters outside a masked stretch are
 * kept exactly as written; a masked number is written with ASCII digits.
 *
 * Phone-like: any run of 7 or more digits, where a "run" may continue over a space, dash, dot or ) between groups of
 * at least 3 digits (138 0013 8000, 010-68206187, ０１０－６８２０６１８７, (010)68206187, +86 138-0013-8000), so a valid mobile, an
 * invalid one (12331984058, 1371234567), a landline, a fax, an ID or bank number are all caught, whatever a
 * validator made of them. Two numbers side by side (13800138000 13900139000) stay two numbers. A number keeps
 * its first 3 and last 4 digits (138****8000, 010****6187); a shorter one keeps less so that at least 4 digits are
 * always hidden (1371234567 → 137****567, 6820618 → 6****18). A leading 86 country code is kept (+86138****8000).
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen), which NFKC keeps, count for nothing among the
 * digits and separators of a number: 138\u200B0013\u200B8000 is 138****8000 like 13800138000.
 *
 * Deliberately NOT masked, because they are not personal and a shared summary is useless without them:
 * - a digit run inside a 统一社会信用代码 or 组织机构代码 written with letters: an 18- or 9-character token of
 *   letters and digits with a letter before its last character (91350200MA31234567, MA1234567). A token whose
 *   only letter is the last one (…X) is masked: that is the shape of a 身份证号, which is personal;
 * - an 8-digit run that reads as a date from 1900 to 2099 (20231215 in a file name or a 成立时间 cell).
 * Everything else that is long enough is masked, knowingly including some numbers that are not personal: an
 * all-digit 统一社会信用代码 (indistinguishable from an 18-digit 身份证号), an amount written as 1000000 (amounts in
 * these tables are 万元 and short, and 1,000,000 with separators stays), a timestamp. A masked summary is for
 * sharing; a reviewer who needs those digits has the unmasked one. Losing a few harmless digits is the price of
 * never showing a phone number, however it was typed.
 *
 * E-mail-like: any @ (or ＠, ﹫) with a word character right after it and a local part right before it, even when
 * malformed (qinhui77@foxmail, liming@qq,com). The local part keeps its first character (z***@qq.com,
 * q***@foxmail); the domain is kept. The local part is the run of characters an address may hold (letters,
 * digits, . _ % + - '), or, when there is none, the run of letters and digits before the @ (张三@163.com).
 * "Right before" and "right after" look through spaces of any kind (after NFKC the ideographic and no-break spaces
 * are spaces), line breaks and zero-width characters: qianjin @ qq.com is read by the validator as qianjin@qq.com
 * (normalizeEmail drops them), so it is an address here too — q*** @ qq.com. Zero-width characters inside the local
 * part (qian\u200Bjin@…, pasted from a web page) do not end it either.
 */

/** A stretch of the normalised text to replace: [start, end) in `Shadow.text` units. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text with each code point replaced by its own NFKC form, and the way back to the written characters. */
interface Shadow {
  readonly points: readonly string[];
  readonly pieces: readonly string[];
  /** Offset of each piece in `text`. */
  readonly starts: readonly number[];
  /** `text` index → code point index. */
  readonly owner: readonly number[];
  readonly text: string;
}

const NFKC = new Map<string, string>();

function nfkc(point: string): string {
  if (point.length === 1 && point.charCodeAt(0) < 0x80) return point;
  let out = NFKC.get(point);
  if (out === undefined) {
    out = point.normalize('NFKC');
    if (NFKC.size < 4096) NFKC.set(point, out);
  }
  return out;
}

function shadow(text: string): Shadow {
  const points = Array.from(text);
  const pieces: string[] = [];
  const starts: number[] = [];
  const owner: number[] = [];
  let offset = 0;
  points.forEach((p, i) => {
    const piece = nfkc(p);
    pieces.push(piece);
    starts.push(offset);
    for (let j = 0; j < piece.length; j++) owner.push(i);
    offset += piece.length;
  });
  return { points, pieces, starts, owner, text: pieces.join('') };
}

/**
 * The written text with `reps` (sorted, not overlapping) applied: code points wholly outside every replacement are
 * copied as written; a code point cut by a replacement (its NFKC form is "1日", say) keeps its uncut part in NFKC form.
 */
function applyReplacements(s: Shadow, reps: readonly Replacement[]): string {
  let out = '';
  let pos = 0;
  const copyUntil = (to: number) => {
    while (pos < to) {
      const k = s.owner[pos];
      const end = s.starts[k] + s.pieces[k].length;
      if (pos === s.starts[k] && end <= to) {
        out += s.points[k];
        pos = end;
      } else {
        const stop = Math.min(end, to);
        out += s.text.slice(pos, stop);
        pos = stop;
      }
    }
  };
  for (const r of reps) {
    copyUntil(r.start);
    out += r.text;
    pos = r.end;
  }
  copyUntil(s.text.length);
  return out;
}

// ---- e-mails ----------------------------------------------------------------------------------------------

const LOCAL_ASCII = /[A-Za-z0-9._%+\-']/;
const WORD_BEFORE = /[\p{L}\p{N}\p{M}]+$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Invisible characters normalizeEmail removes; NFKC keeps them. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
/** What may stand between a local part, the @ and the domain and still make one address: spaces, line breaks, zero-width. */
const GAP = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/;

function emailReplacements(n: string): Replacement[] {
  const reps: Replacement[] = [];
  let floor = 0;
  for (let at = n.indexOf('@'); at >= 0; at = n.indexOf('@', at + 1)) {
    let after = at + 1;
    while (after < n.length && GAP.test(n[after])) after++;
    if (!WORD_START.test(n.slice(after, after + 2))) continue;
    // The local part ends where the gap before the @ begins; the gap itself is kept as written.
    let end = at;
    while (end > floor && GAP.test(n[end - 1])) end--;
    let start = end;
    while (start > floor && (LOCAL_ASCII.test(n[start - 1]) || ZERO_WIDTH.test(n[start - 1]))) start--;
    // Zero-width characters before the first visible one are not part of the address (nor its first character).
    while (start < end && ZERO_WIDTH.test(n[start])) start++;
    if (start === end) {
      const m = WORD_BEFORE.exec(n.slice(floor, end));
      if (m) start = end - m[0].length;
    }
    const local = n.slice(start, end);
    if (!HAS_WORD.test(local)) continue;
    const first = String.fromCodePoint(local.codePointAt(0)!);
    reps.push({ start, end, text: `${first}***` });
    floor = at + 1;
  }
  return reps;
}

/** E-mail-like text shown as z***@qq.com (first character of the local part, domain as written). */
export function maskEmails(text: string): string {
  if (!text.normalize('NFKC').includes('@')) return text;
  const s = shadow(text);
  const reps = emailReplacements(s.text);
  return reps.length ? applyReplacements(s, reps) : text;
}

// ---- phone-like digit runs --------------------------------------------------------------------------------

/** Fewest digits a run needs to be masked. */
export const MASK_MIN_DIGITS = 7;
/**
 * What may join two digit groups of one number (after NFKC: ideographic space is a space, － is -, ． is .): a space
 * or two, a tab, a dash or a dot (138.0013.8000), or the ) closing an area code ((010)68206187).
 */
const SEPARATOR = /^(?: {1,2}|\t| ?[-\u2010-\u2015\u2212\u30FC.] ?|\) ?)$/;
/** A later group of a number has at least this many digits (2023-12-31 is not a number; 138 0013 8000 is). */
const MIN_JOINED_GROUP = 3;
const DATE_8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
const ALNUM = /[A-Za-z0-9]/;
const MARK = /^\p{M}/u;
const COUNTRY_MOBILE = /^86(1[3-9]\d{9})$/;
/** Digits, with any zero-width characters between them (see ZERO_WIDTH). */
const DIGIT_GROUP = /\d+(?:[\u200B-\u200D\u2060\uFEFF\u00AD]+\d+)*/g;
const ZERO_WIDTH_ALL = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Digits kept: the first 3 and last 4 of a long number, less of a short one, always hiding at least 4. */
function hideDigits(d: string): string {
  const keep = Math.min(7, d.length - 4);
  const tail = Math.min(4, Math.ceil(keep / 2));
  const head = keep - tail;
  return `${d.slice(0, head)}****${d.slice(d.length - tail)}`;
}

/** A digit run glued to letters in a token shaped like a 统一社会信用代码 (18) or 组织机构代码 (9) with letters. */
function inCodeToken(n: string, start: number, end: number): boolean {
  // Zero-width characters are read through here too, so the token is the one a reader sees (and counts).
  let a = start;
  while (a > 0 && (ALNUM.test(n[a - 1]) || ZERO_WIDTH.test(n[a - 1]))) a--;
  let z = end;
  while (z < n.length && (ALNUM.test(n[z]) || ZERO_WIDTH.test(n[z]))) z++;
  if (a === start && z === end) return false;
  const raw = n.slice(a, z);
  const token = ZERO_WIDTH.test(raw) ? raw.replace(ZERO_WIDTH_ALL, '') : raw;
  // A combining mark after the token would fold into its last letter: not a clean token.
  if (MARK.test(n.slice(z, z + 2))) return false;
  return (token.length === 18 || token.length === 9) && /[A-Za-z]/.test(token.slice(0, -1));
}

interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

/** Not phone-like on its own: a date, or digits inside a code token (see above). */
function exempt(n: string, g: Group): boolean {
  return (g.digits.length === 8 && DATE_8.test(g.digits)) || inCodeToken(n, g.start, g.end);
}

function phoneReplacements(n: string): Replacement[] {
  const groups: Group[] = [];
  // Zero-width characters between digits (138\u200B0013\u200B8000, pasted from a web page) are invisible: the
  // digits read as one group, so the number is masked as if they were not there.
  for (const m of n.matchAll(DIGIT_GROUP)) {
    const digits = ZERO_WIDTH.test(m[0]) ? m[0].replace(ZERO_WIDTH_ALL, '') : m[0];
    groups.push({ start: m.index!, end: m.index! + m[0].length, digits });
  }
  // Digits touching * are the visible ends of a number masked already (138****8000): they join nothing, so
  // masking twice changes nothing.
  const joins = (g: Group) => n[g.start - 1] !== '*' && n[g.end] !== '*';
  const reps: Replacement[] = [];
  for (let i = 0; i < groups.length; ) {
    let j = i;
    let total = groups[i].digits.length;
    while (j + 1 < groups.length) {
      const next = groups[j + 1].digits.length;
      const between = n.slice(groups[j].end, groups[j + 1].start);
      // Zero-width characters beside a separator are as invisible there as between digits.
      if (!SEPARATOR.test(ZERO_WIDTH.test(between) ? between.replace(ZERO_WIDTH_ALL, '') : between)) break;
      if (next < MIN_JOINED_GROUP || !joins(groups[j]) || !joins(groups[j + 1])) break;
      if (j === i) {
        // A short first group joins only as a country code (86 138 0013 8000), not as a day or a count;
        // a date or a code stands alone (20231215 138…), though a date-like group after an area code joins it.
        if (total < MIN_JOINED_GROUP && groups[i].digits !== '86') break;
        if (exempt(n, groups[i])) break;
      }
      // Two whole numbers side by side stay two.
      if (total >= MASK_MIN_DIGITS && next >= MASK_MIN_DIGITS) break;
      total += next;
      j++;
    }
    const first = groups[i];
    const last = groups[j];
    const digits = groups.slice(i, j + 1).map((g) => g.digits).join('');
    const single = i === j;
    const second = groups[i + 1];
    i = j + 1;
    if (total < MASK_MIN_DIGITS) continue;
    if (single && exempt(n, first)) continue;
    const cc = COUNTRY_MOBILE.exec(digits);
    let text: string;
    if (cc) {
      // Keep the country code and what separates it: +86 138****8000, +86138****8000.
      const sep = !single && first.digits === '86' ? n.slice(first.end, second.start) : '';
      text = `86${sep}${hideDigits(cc[1])}`;
    } else text = hideDigits(digits);
    reps.push({ start: first.start, end: last.end, text });
  }
  return reps;
}

/** Phone-like digit runs (7 or more digits, see above) shown as 138****8000. */
export function maskPhones(text: string): string {
  if (countDigits(text.normalize('NFKC')) < MASK_MIN_DIGITS) return text;
  const s = shadow(text);
  const reps = phoneReplacements(s.text);
  return reps.length ? applyReplacements(s, reps) : text;
}

/** The former name: mobiles are masked as every other phone-like number now. */
export const maskMobiles = maskPhones;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Both masks, e-mails first (13800138000@qq.com → 1***@qq.com); text with neither is returned unchanged. */
export function maskText(text: string): string {
  return maskPhones(maskEmails(text));
}
