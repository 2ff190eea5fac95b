/**
 * Mainland phone numbers: mobiles checked against real allocated ranges (libphonenumber's full metadata — the
 * default `min` metadata accepts 11111111111), fixed lines with area code, 400/800 service numbers.
 * Pure: takes text, returns a structured result, never throws.
 */
import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { nfkc } from '../text/normalize';

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

/** The part of a number type's metadata the mobile check reads (present at runtime, not in the package's typings). */
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): readonly number[] | undefined;
}

/** The part of libphonenumber's numbering plan the mobile check reads. */
interface PlanFacts {
  callingCode(): string;
  IDDPrefix(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalNumberPattern(): string;
  type(type: string): TypeDefinition | undefined;
}

function isPlanFacts(plan: unknown): plan is PlanFacts {
  if (typeof plan !== 'object' || plan === null) return false;
  const methods = ['callingCode', 'IDDPrefix', 'nationalPrefixForParsing', 'nationalNumberPattern', 'type'];
  return methods.every((m) => typeof (plan as Record<string, unknown>)[m] === 'function');
}

/**
 * CN's mobile facts from the same max metadata getType() reads, compiled once. getType() builds
 * `new RegExp('^(?:' + pattern + ')$')` for the national pattern, then tries the (huge) fixed-line pattern, then
 * mobile, on every call; that was most of the phone checks' time.
 */
interface MobileFacts {
  /** Numbers starting like an IDD prefix, a national/carrier prefix or the calling code: the parser may rewrite them. */
  readonly rewritten: readonly RegExp[];
  readonly national: RegExp;
  readonly mobile: RegExp;
  readonly mobileLengths: readonly number[] | undefined;
}

function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/**
 * Undefined when the metadata is not shaped as this code expects (another package version): then every number
 * takes the long way, so an upgrade can make the check slower, never different.
 */
function loadMobileFacts(): MobileFacts | undefined {
  try {
    const metadata = new Metadata(maxMetadata);
    metadata.selectNumberingPlan('CN');
    const plan: unknown = metadata.numberingPlan;
    if (!isPlanFacts(plan)) return undefined;
    const mobile = plan.type('MOBILE');
    // getType() answers FIXED_LINE_OR_MOBILE for any fixed line when the mobile pattern is missing or empty.
    if (!mobile || !mobile.pattern()) return undefined;
    // One country on +86, so the parser never picks another country's plan for a CN national number.
    if (maxMetadata.country_calling_codes[plan.callingCode()]?.length !== 1) return undefined;
    const prefixes = [plan.IDDPrefix(), plan.nationalPrefixForParsing(), plan.callingCode()].filter((p): p is string => !!p);
    return {
      rewritten: prefixes.map((p) => new RegExp(`^(?:${p})`)),
      national: entirely(plan.nationalNumberPattern()),
      mobile: entirely(mobile.pattern()),
      mobileLengths: mobile.possibleLengths(),
    };
  } catch {
    return undefined;
  }
}

const MOBILE_FACTS = loadMobileFacts();

/**
 * getType() is MOBILE or FIXED_LINE_OR_MOBILE exactly when the national number matches the national pattern and
 * the mobile type (its lengths, then its pattern) — whether it also matches fixed line only picks between the two.
 * That holds when the parser keeps the digits as the national number, i.e. no prefix it strips can match; those
 * numbers (179xx… carrier codes) and anything not mobile-shaped get undefined here and go the long way.
 */
function fastAllocatedMobile(digits: string): boolean | undefined {
  const facts = MOBILE_FACTS;
  if (!facts || !MOBILE_SHAPE.test(digits) || facts.rewritten.some((re) => re.test(digits))) return undefined;
  if (!facts.national.test(digits)) return false;
  if (facts.mobileLengths && !facts.mobileLengths.includes(digits.length)) return false;
  return facts.mobile.test(digits);
}

function slowAllocatedMobile(digits: string): boolean {
  const type = numberType(digits);
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

const mobileCache = new BoundedCache<boolean>(PHONE_CACHE_LIMIT);

/**
 * Whether an 11-digit mobile lies in an allocated range (libphonenumber max metadata). The compiled check answers
 * most numbers faster than a lookup in a large cache would, so only the numbers it defers on are cached.
 */
export function isAllocatedMobile(digits: string): boolean {
  const fast = fastAllocatedMobile(digits);
  if (fast !== undefined) return fast;
  const cached = mobileCache.get(digits);
  if (cached !== undefined) return cached;
  const ok = slowAllocatedMobile(digits);
  mobileCache.set(digits, ok);
  return ok;
}

/** For tests: whether the compiled fast path is active (false means every number takes the long way). */
export function mobileFastPathActive(): boolean {
  return MOBILE_FACTS !== undefined;
}

/** For tests: the fast path's own answer, undefined where it defers to getType(). Not cached. */
export function allocatedMobileFast(digits: string): boolean | undefined {
  return fastAllocatedMobile(digits);
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
  let t = nfkc(text).trim().replace(LABEL, '');
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

/**
 * The result object, keys always in this order (input, extension, then the rest) as before. Built as a literal:
 * spreading a shared `base` cost more than the whole check.
 */
function result(input: string, extension: string | undefined, kind: PhoneKind, digits: string, display: string, ok: boolean, problems: PhoneProblem[]): PhoneCheck {
  return { input, extension, kind, digits, display, ok, problems };
}

function invalid(input: string, extension: string | undefined): PhoneCheck {
  return { input, extension, ok: false, problems: ['invalid'] };
}

/** Check one written number. */
export function checkPhone(text: string, options: PhoneOptions = {}): PhoneCheck {
  const allowFixed = options.allowFixed ?? true;
  const input = nfkc(text).trim();
  const { digits, extension } = splitNumber(input);
  if (!digits) return invalid(input, extension);

  if (MOBILE_SHAPE.test(digits)) {
    const allocated = isAllocatedMobile(digits);
    return result(input, extension, 'mobile', digits, digits, true, allocated ? [] : ['mobile-unallocated']);
  }
  if (/^(?:400|800)\d{7}$/.test(digits)) {
    return result(input, extension, 'service', digits, formatService(digits), allowFixed, ['service-number']);
  }
  if (/^0\d{9,11}$/.test(digits)) {
    return isValidFixedLine(digits) ? result(input, extension, 'fixed', digits, formatFixed(digits, extension), allowFixed, []) : invalid(input, extension);
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) {
    return result(input, extension, 'fixed', digits, extension ? `${digits}-${extension}` : digits, allowFixed, ['no-area-code']);
  }
  if (/^[1-9]\d{9,10}$/.test(digits) && isValidFixedLine(`0${digits}`)) {
    const repaired = `0${digits}`;
    return result(input, extension, 'fixed', repaired, formatFixed(repaired, extension), false, ['missing-leading-zero']);
  }
  return invalid(input, extension);
}

/** A mobile only (联系方式（手机与邮箱））: fixed lines and service numbers are not accepted. */
export function checkMobile(text: string): PhoneCheck {
  const r = checkPhone(text, { allowFixed: false });
  if (r.kind === 'mobile') return r;
  return { ...r, ok: false, problems: r.problems.includes('invalid') ? r.problems : [...r.problems, 'invalid'] };
}
