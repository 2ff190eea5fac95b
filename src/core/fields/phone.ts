/**
 * Mainland phone numbers: mobiles checked against real allocated ranges (libphonenumber's full metadata — the
 * default `min` metadata accepts 11111111111), fixed lines with area code, 400/800 service numbers.
 * Pure: takes text, returns a structured result, never throws.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'fixed' | 'service';

/**
 * - `mobile-unallocated`: looks like a mobile (1[3-9] + 9 digits) but the range is not allocated — check it (warning).
 * - `no-area-code`: a 7–8 digit local number without its area code (warning).
 * - `missing-leading-zero`: a fixed line whose leading 0 was lost (1068206187); `display` is the repaired form.
 * - `service-number`: a 400/800 number (fine where a landline is allowed, not as a mobile).
 * - `invalid`: not a mainland number at all.
 */
export type PhoneProblem = 'mobile-unallocated' | 'no-area-code' | 'missing-leading-zero' | 'service-number' | 'invalid';

export interface PhoneCheck {
  /** The text examined (after NFKC and trimming). */
  readonly input: string;
  readonly kind?: PhoneKind;
  /** National digits: 13800138000, 01068206187, 4008001234 (a fixed line keeps its leading 0). */
  readonly digits?: string;
  /** Display form: 13800138000, 010-68206187, 010-68206187-801, 400-800-1234. */
  readonly display?: string;
  readonly extension?: string;
  /** Usable as a number for this kind (possibly with a warning-level problem). */
  readonly ok: boolean;
  readonly problems: readonly PhoneProblem[];
}

/** 1[3-9] + 9 digits: the shape of a mainland mobile. */
export const MOBILE_SHAPE = /^1[3-9]\d{9}$/;

/** Most entries a phone-number cache keeps; when full, the oldest half is dropped (a run's hot numbers stay). */
export const PHONE_CACHE_LIMIT = 50_000;

/** A bounded memo: insertion-ordered Map, the older half evicted when it reaches `limit`. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(readonly limit: number) {}
  get size(): number {
    return this.map.size;
  }
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.limit) {
      let drop = Math.max(1, this.map.size >> 1);
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/**
 * libphonenumber's type of a CN national number, undefined when it does not parse or matches no type.
 * With the max metadata (which has types) PhoneNumber.isValid() is exactly getType() !== undefined, so the type
 * alone answers both questions and the number's patterns are matched once, not twice.
 */
function numberType(digits: string): string | undefined {
  try {
    return parsePhoneNumberFromString(digits, 'CN')?.getType();
  } catch {
    return undefined;
  }
}

const mobileCache = new BoundedCache<boolean>(PHONE_CACHE_LIMIT);

/** Whether an 11-digit mobile lies in an allocated range (libphonenumber max metadata). Cached. */
export function isAllocatedMobile(digits: string): boolean {
  const cached = mobileCache.get(digits);
  if (cached !== undefined) return cached;
  const type = numberType(digits);
  const ok = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  mobileCache.set(digits, ok);
  return ok;
}

const fixedCache = new BoundedCache<boolean>(PHONE_CACHE_LIMIT);

/** Whether 0 + area code + subscriber is a valid mainland fixed line. Cached. */
export function isValidFixedLine(digitsWithZero: string): boolean {
  const cached = fixedCache.get(digitsWithZero);
  if (cached !== undefined) return cached;
  const type = numberType(digitsWithZero);
  const ok = type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
  fixedCache.set(digitsWithZero, ok);
  return ok;
}

/** The phone caches' sizes (for tests: they stay bounded). */
export function phoneCacheSizes(): { mobile: number; fixed: number } {
  return { mobile: mobileCache.size, fixed: fixedCache.size };
}

/** Area code length (without the 0): 10 and 2X are two digits, the rest three. */
function areaLength(national: string): number {
  return national[0] === '1' || national[0] === '2' ? 2 : 3;
}

/** 010-68206187 from 01068206187. */
export function formatFixed(digitsWithZero: string, extension?: string): string {
  const national = digitsWithZero.slice(1);
  const n = areaLength(national);
  const base = `0${national.slice(0, n)}-${national.slice(n)}`;
  return extension ? `${base}-${extension}` : base;
}

function formatService(d: string): string {
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}

const LABEL = /^(?:联系电话|电话号码|电话|手机号码|手机号|手机|移动电话|座机|固话|办公电话|tel|phone|mobile|mob)\s*[:：]?\s*/i;
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$/i;

/** Digits and an extension out of a written number: spaces, brackets, dashes, +86/0086, 转801, -801. */
export function splitNumber(text: string): { digits: string; extension?: string; hadPlus: boolean } {
  let t = text.normalize('NFKC').trim().replace(LABEL, '');
  let extension: string | undefined;
  const ext = EXTENSION.exec(t);
  if (ext && /\d/.test(t.slice(0, ext.index))) {
    extension = ext[1];
    t = t.slice(0, ext.index);
  }
  const hadPlus = /^\s*\+/.test(t);
  const groups = t.split(/[^0-9]+/).filter((g) => g.length > 0);
  let digits = groups.join('');
  // +86 / 0086 / 86 prefixes.
  let international = false;
  if (hadPlus && digits.startsWith('86')) {
    digits = digits.slice(2);
    international = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (digits.startsWith('86') && digits.length === 13 && MOBILE_SHAPE.test(digits.slice(2))) digits = digits.slice(2);
  // A fixed line written "+86 10 …" drops its trunk 0 by convention.
  if (international && digits.length >= 9 && digits.length <= 11 && !MOBILE_SHAPE.test(digits) && !digits.startsWith('0')) digits = `0${digits}`;
  // A trailing short group after a full number is an extension written with a dash: 010-68206187-801.
  if (!extension && groups.length >= 2) {
    const last = groups[groups.length - 1];
    const head = digits.slice(0, digits.length - last.length);
    if (last.length <= 5 && (/^0\d{9,11}$/.test(head) && isValidFixedLine(head))) {
      extension = last;
      digits = head;
    }
  }
  return { digits, extension, hadPlus };
}

interface PhoneOptions {
  /** Where a landline is allowed (联系电话（座机/手机号）, 联系人及联系方式). Default true. */
  readonly allowFixed?: boolean;
}

/** Check one written number. */
export function checkPhone(text: string, options: PhoneOptions = {}): PhoneCheck {
  const allowFixed = options.allowFixed ?? true;
  const input = text.normalize('NFKC').trim();
  const { digits, extension } = splitNumber(input);
  const base = { input, extension };
  if (!digits) return { ...base, ok: false, problems: ['invalid'] };

  if (MOBILE_SHAPE.test(digits)) {
    const allocated = isAllocatedMobile(digits);
    return { ...base, kind: 'mobile', digits, display: digits, ok: true, problems: allocated ? [] : ['mobile-unallocated'] };
  }
  if (/^(?:400|800)\d{7}$/.test(digits)) {
    return { ...base, kind: 'service', digits, display: formatService(digits), ok: allowFixed, problems: ['service-number'] };
  }
  if (/^0\d{9,11}$/.test(digits)) {
    const ok = isValidFixedLine(digits);
    return ok
      ? { ...base, kind: 'fixed', digits, display: formatFixed(digits, extension), ok: allowFixed, problems: [] }
      : { ...base, ok: false, problems: ['invalid'] };
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) {
    return { ...base, kind: 'fixed', digits, display: extension ? `${digits}-${extension}` : digits, ok: allowFixed, problems: ['no-area-code'] };
  }
  if (/^[1-9]\d{9,10}$/.test(digits) && isValidFixedLine(`0${digits}`)) {
    const repaired = `0${digits}`;
    return { ...base, kind: 'fixed', digits: repaired, display: formatFixed(repaired, extension), ok: false, problems: ['missing-leading-zero'] };
  }
  return { ...base, ok: false, problems: ['invalid'] };
}

/** A mobile only (联系方式（手机与邮箱））: fixed lines and service numbers are not accepted. */
export function checkMobile(text: string): PhoneCheck {
  const r = checkPhone(text, { allowFixed: false });
  if (r.kind === 'mobile') return r;
  return { ...r, ok: false, problems: r.problems.includes('invalid') ? r.problems : [...r.problems, 'invalid'] };
}
