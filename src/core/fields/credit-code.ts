/**
 * 统一社会信用代码 (GB 32100-2015) and the legacy 组织机构代码 (GB 11714-1997).
 *
 * 统一社会信用代码: 18 characters from 0-9 A-H J-N P-R T-U W-Y (no I O S V Z): 登记管理部门 (1), 机构类别 (1),
 * 登记管理机关行政区划码 (6 digits), 主体标识码 = 组织机构代码 (9, itself GB 11714-checked), check character (1):
 * C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1) mod 31, 31 → 0.
 * 组织机构代码: 8 body characters (0-9 A-Z) + check: C9 = 11 − (Σ Ci·Wi mod 11), W = 3 7 9 10 5 8 4 2; 10 → X, 11 → 0.
 */
import type { GridCell } from '../grid/types';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** 登记管理部门代码: 1 机构编制 … 9 工商 (市场监管), A 中央军委改革和编制办公室, N 农业, Y 其他. */
const REGISTRATION_AUTHORITIES = /^[1-9ANY]$/;

const USCC_VALUE = new Map<string, number>([...USCC_CHARSET].map((c, i) => [c, i]));

/** The check character of the first 17 characters, or undefined if one is outside the charset. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_VALUE.get(first17[i]);
    if (v === undefined) return undefined;
    sum += v * USCC_WEIGHTS[i];
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[c];
}

function orgValue(ch: string): number | undefined {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return undefined;
}

/** The GB 11714 check character of an 8-character body, or undefined if a character is not 0-9 A-Z. */
export function orgCodeCheckChar(body8: string): string | undefined {
  if (body8.length !== 8) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgValue(body8[i]);
    if (v === undefined) return undefined;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CreditCodeProblem =
  | 'empty'
  | 'stored-as-number' // precision lost: 9.13E+17 or a >15-digit number cell
  | 'bad-length'
  | 'bad-charset' // I O S V Z or other characters
  | 'bad-check' // check character wrong
  | 'bad-structure' // 登记管理部门 / 行政区划 positions impossible
  | 'embedded-org-code' // positions 9–17 fail GB 11714 (the whole code's check passes)
  | 'needs-normalisation'; // valid once spaces / lower case / full-width are fixed

export interface CreditCodeCheck {
  readonly input: string;
  readonly kind?: 'uscc' | 'orgCode';
  /** Upper-cased, half-width, spaces removed; 组织机构代码 written with its hyphen (12345678-9). */
  readonly normalized: string;
  /** The code as written is valid. */
  readonly valid: boolean;
  readonly problems: readonly CreditCodeProblem[];
  /** The expected check character when it is wrong. */
  readonly expectedCheck?: string;
}

/** Check a 统一社会信用代码 or 组织机构代码 as written; `raw` tells a number-stored code. */
export function checkCreditCode(text: string, raw?: GridCell): CreditCodeCheck {
  const input = text.trim();
  if (!input) return { input, normalized: '', valid: false, problems: ['empty'] };
  const numberStored = (raw?.type === 'number' && (input.replace(/\D/g, '').length > 15 || /e\+?\d/i.test(input))) || /^\d(?:\.\d+)?e\+?\d+$/i.test(input);
  if (numberStored) return { input, normalized: input, valid: false, problems: ['stored-as-number'] };

  const compact = input.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]/g, '').toUpperCase();
  const problems: CreditCodeProblem[] = [];
  const asWritten = input;

  if (compact.length === 18) {
    const result = checkUscc(compact);
    const valid = result.problems.length === 0 && asWritten === compact;
    if (result.problems.length === 0 && asWritten !== compact) problems.push('needs-normalisation');
    return { input, kind: 'uscc', normalized: compact, valid, problems: [...problems, ...result.problems], ...(result.expectedCheck ? { expectedCheck: result.expectedCheck } : {}) };
  }
  const org = /^([0-9A-Z]{8})-?([0-9A-Z])$/.exec(compact.replace(/[－—–]/g, '-'));
  if (org) {
    const body = org[1];
    const check = org[2];
    const expected = orgCodeCheckChar(body);
    const normalized = `${body}-${check}`;
    if (expected === undefined) return { input, kind: 'orgCode', normalized, valid: false, problems: ['bad-charset'] };
    if (expected !== check) return { input, kind: 'orgCode', normalized, valid: false, problems: ['bad-check'], expectedCheck: expected };
    const canonical = asWritten === normalized || asWritten === `${body}${check}`;
    return { input, kind: 'orgCode', normalized, valid: canonical, problems: canonical ? [] : ['needs-normalisation'] };
  }
  return { input, normalized: compact, valid: false, problems: ['bad-length'] };
}

function checkUscc(code: string): { problems: CreditCodeProblem[]; expectedCheck?: string } {
  for (const ch of code) if (!USCC_VALUE.has(ch)) return { problems: ['bad-charset'] };
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { problems: ['bad-check'], ...(expected ? { expectedCheck: expected } : {}) };
  const problems: CreditCodeProblem[] = [];
  if (!REGISTRATION_AUTHORITIES.test(code[0]) || !/^\d{6}$/.test(code.slice(2, 8))) problems.push('bad-structure');
  const body = code.slice(8, 16);
  if (orgCodeCheckChar(body) !== code[16]) problems.push('embedded-org-code');
  return { problems };
}

/** A valid 统一社会信用代码 from its first 17 characters (tests and generated data). */
export function completeUscc(first17: string): string | undefined {
  const c = usccCheckChar(first17);
  return c === undefined ? undefined : first17 + c;
}
