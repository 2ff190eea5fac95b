/**
 * Text normalisation shared by every comparison in the core. Comparing is always done on normalised text;
 * what is shown and written back is the person's own text unless a fix says otherwise.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u3000]+/g;

/**
 * Characters NFKC leaves alone whatever surrounds them: printable ASCII, CJK unified ideographs and a few common
 * CJK marks (· — ‘’“” 、。〈〉《》「」『』【】). None has a decomposition, none is the second half of a canonical
 * composition, none is whitespace or zero-width (test/core/normalize-fast.test.ts checks this over every code point).
 */
export const NFKC_STABLE_CHARS = '!-~\u00B7\u2014\u2018-\u201D\u3001\u3002\u3008-\u3011\u4E00-\u9FFF';

/** Text normalizeText returns unchanged: stable characters in words separated by single spaces, nothing to trim. */
const ALREADY_NORMAL = new RegExp(`^(?:[${NFKC_STABLE_CHARS}]+(?: [${NFKC_STABLE_CHARS}]+)*)?$`);

/**
 * Text NFKC returns unchanged: ASCII (controls have no decomposition and compose with nothing) and the stable
 * characters above. Phones, e-mails and most names are such text.
 */
const NFKC_IDENTITY = new RegExp(`^[\\x00-\\x7F${NFKC_STABLE_CHARS}]*$`);

/** value.normalize('NFKC'), without calling into ICU for text it would return unchanged. */
export function nfkc(value: string): string {
  return NFKC_IDENTITY.test(value) ? value : value.normalize('NFKC');
}

/** NFKC (full-width letters, digits, ＠ and brackets to half-width), zero-width characters removed, spaces folded, trimmed. */
export function normalizeText(value: string): string {
  // Most cells (names, numbers, e-mails, plain Chinese) are already normal; one scan is far cheaper than NFKC.
  if (ALREADY_NORMAL.test(value)) return value;
  return nfkc(value).replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** normalizeText with every space removed: for names and categories, where 保险 公司 means 保险公司. */
export function compactText(value: string): string {
  return normalizeText(value).replace(/ /g, '');
}

/** Trailing sentence punctuation people add to a cell value (。；; ，,、.). */
export function stripTrailingPunctuation(value: string): string {
  return value.replace(/[。．.；;，,、\s]+$/u, '');
}

/**
 * Names nameKey returns unchanged: NFKC-stable characters with no space, no A-Z and no 【】 (the only stable
 * characters the key rewrites), not ending in punctuation it strips (。 . ; , 、). Most company names.
 */
const NAME_KEY_STABLE = /^(?:[!-@[-~\u00B7\u2014\u2018-\u201D\u3001\u3002\u3008-\u300F\u4E00-\u9FFF]*[!-+\-/-:<-@[-~\u00B7\u2014\u2018-\u201D\u3008-\u300F\u4E00-\u9FFF])?$/;

/**
 * The key two names are the same under: compact, brackets unified, trailing punctuation dropped, case folded.
 * 星汉智能装备股份有限公司 and "星汉智能装备股份有限公司 " and its full-width-bracket spelling share one key.
 */
export function nameKey(value: string): string {
  if (NAME_KEY_STABLE.test(value)) return value;
  return stripTrailingPunctuation(compactText(value))
    .replace(/[（【［〔]/g, '(')
    .replace(/[）】］〕]/g, ')')
    .toLowerCase();
}

/** Text from any cell value a source gives (Office.js values, parsed numbers, booleans). */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A number as exact digits where it is an integer (13800138000, never 1.38E+10). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** A number as a person reads it: integers as exact digits, others without float noise (0.1 + 0.2 → 0.3). */
export function numberCellText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? numberText(n) : String(Number(n.toPrecision(15)));
}
