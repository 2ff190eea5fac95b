/**
 * E-mail addresses: zod's e-mail rule after pure normalisation (NFKC — full-width ＠ and letters —, trim,
 * `mailto:` removed, 。／． in the domain → `.`, domain lower-cased). A fix is certain only when normalisation
 * alone makes the address valid; typo repairs (`@163` → `@163.com`, `.con` → `.com`, `@gmial.com`) are suggestions.
 */
import { z } from 'zod';
import { nfkc } from '../text/normalize';

const EMAIL = z.email();

/** Mail domains people in China use most; typo suggestions are drawn towards these. */
export const COMMON_MAIL_DOMAINS: readonly string[] = [
  'qq.com', '163.com', '126.com', 'sina.com', 'sina.cn', 'sohu.com', '139.com', '189.cn', 'wo.cn', 'foxmail.com',
  'yeah.net', 'aliyun.com', '21cn.com', 'tom.com', 'vip.qq.com', 'vip.163.com', 'vip.sina.com', 'gmail.com',
  'outlook.com', 'hotmail.com', 'mail.com', 'live.com', 'yahoo.com', 'icloud.com', 'msn.com',
];

/** A domain written without its suffix: `@163` → 163.com. */
const BARE_DOMAINS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const d of COMMON_MAIL_DOMAINS) {
    const head = d.slice(0, d.indexOf('.'));
    if (head !== 'vip' && !m.has(head)) m.set(head, d);
  }
  return m;
})();

const TLD_TYPOS: ReadonlyMap<string, string> = new Map([
  ['con', 'com'], ['cmo', 'com'], ['comm', 'com'], ['cpm', 'com'], ['xom', 'com'], ['vom', 'com'], ['om', 'com'], ['cm', 'com'], ['co', 'com'], ['coom', 'com'], ['ocm', 'com'],
  ['ent', 'net'], ['nte', 'net'], ['nett', 'net'], ['cb', 'cn'], ['cnn', 'cn'],
]);

export type EmailProblem = 'empty' | 'needs-normalisation' | 'invalid';

export interface EmailCheck {
  readonly input: string;
  /** The normalised address (always computed). */
  readonly normalized: string;
  /** The address as written is a valid e-mail. */
  readonly valid: boolean;
  /** The normalised address is a valid e-mail (a certain fix when `valid` is false). */
  readonly normalizedValid: boolean;
  /** A typo repair to propose (never certain). */
  readonly suggestion?: string;
  readonly problems: readonly EmailProblem[];
}

/** NFKC, trim, mailto: removed, 。． → . in the domain, domain lower-cased, spaces around @ and dots dropped. */
export function normalizeEmail(text: string): string {
  let t = nfkc(text).replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').trim();
  t = t.replace(/^mailto:\s*/i, '');
  t = t.replace(/^[<《(（[【'"“‘]+|[>》)）\]】'"”’。.;；,，、]+$/gu, '');
  const at = t.lastIndexOf('@');
  if (at < 0) return t;
  const local = t.slice(0, at).trim();
  const domain = t
    .slice(at + 1)
    .trim()
    .replace(/[。．｡]/g, '.')
    .replace(/\s*\.\s*/g, '.')
    .toLowerCase();
  return `${local}@${domain}`;
}

/** zod's e-mail rule. */
export function isValidEmail(text: string): boolean {
  return EMAIL.safeParse(text).success;
}

/** Damerau–Levenshtein distance ≤ 1: one insertion, deletion, substitution or transposition (gmial → gmail). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A typo repair for a normalised address, if one is plausible. */
export function suggestEmail(normalized: string): string | undefined {
  let t = normalized.replace(/\s+/g, '');
  // @qq,com / @qq，com
  t = t.replace(/@([a-z0-9-]+)[,，]([a-z]{2,4})$/i, '@$1.$2');
  if (!t.includes('@')) {
    // the @ typed as a similar key or lost: zs#qq.com, zs qq.com
    const m = /^([a-z0-9._%+-]+)[#＃$（(]?((?:[a-z0-9-]+\.)+[a-z]{2,})$/i.exec(t);
    if (m && COMMON_MAIL_DOMAINS.some((d) => m[2].toLowerCase().endsWith(d))) t = `${m[1]}@${m[2]}`;
    else return undefined;
  }
  const at = t.lastIndexOf('@');
  const local = t.slice(0, at).replace(/@/g, '');
  let domain = t.slice(at + 1).toLowerCase().replace(/\.+$/, '').replace(/\.{2,}/g, '.');
  if (!domain.includes('.')) {
    const full = BARE_DOMAINS.get(domain);
    if (!full) return undefined;
    domain = full;
  } else {
    const dot = domain.lastIndexOf('.');
    const tld = domain.slice(dot + 1);
    const fixedTld = TLD_TYPOS.get(tld);
    if (fixedTld && !COMMON_MAIL_DOMAINS.includes(domain)) domain = `${domain.slice(0, dot)}.${fixedTld}`;
    if (!COMMON_MAIL_DOMAINS.includes(domain) && /[a-z]/.test(domain.slice(0, domain.indexOf('.')))) {
      // gmial.com → gmail.com; only for letter domains (163/126/139 are all real, never "corrected").
      let best: string | undefined;
      for (const d of COMMON_MAIL_DOMAINS) {
        if (/^\d/.test(d) || d.length < 8) continue;
        if (withinOneEdit(domain, d)) {
          best = d;
          break;
        }
      }
      if (best) domain = best;
    }
  }
  const out = `${local}@${domain}`;
  if (out === normalized || !isValidEmail(out)) return undefined;
  return out;
}

/** Check one address as written. */
export function checkEmail(text: string): EmailCheck {
  const input = text.trim();
  const normalized = normalizeEmail(text);
  if (!normalized) return { input, normalized, valid: false, normalizedValid: false, problems: ['empty'] };
  if (isValidEmail(input)) {
    const suggestion = suggestTypoOnly(input);
    // Literals, not `...(suggestion ? { suggestion } : {})`: same keys in the same order, without a spread per address.
    return suggestion ? { input, normalized, valid: true, normalizedValid: true, problems: [], suggestion } : { input, normalized, valid: true, normalizedValid: true, problems: [] };
  }
  if (isValidEmail(normalized)) return { input, normalized, valid: false, normalizedValid: true, problems: ['needs-normalisation'] };
  const suggestion = suggestEmail(normalized);
  return suggestion ? { input, normalized, valid: false, normalizedValid: false, problems: ['invalid'], suggestion } : { input, normalized, valid: false, normalizedValid: false, problems: ['invalid'] };
}

/** A valid address on a misspelt well-known domain (zs@qq.con, zs@gmial.com) — still worth a warning. */
function suggestTypoOnly(valid: string): string | undefined {
  const domain = valid.slice(valid.lastIndexOf('@') + 1).toLowerCase();
  if (COMMON_MAIL_DOMAINS.includes(domain)) return undefined;
  const s = suggestEmail(normalizeEmail(valid));
  if (!s || s.toLowerCase() === valid.toLowerCase()) return undefined;
  // Only towards a well-known mail domain: a company's own domain is never "corrected".
  return COMMON_MAIL_DOMAINS.includes(s.slice(s.lastIndexOf('@') + 1)) ? s : undefined;
}
