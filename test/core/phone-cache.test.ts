/**
 * The phone checks' memo: bounded, and the same answers as libphonenumber asked the long way
 * (parse, isValid() and getType()) on every call.
 */
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { BoundedCache, isAllocatedMobile, isValidFixedLine, PHONE_CACHE_LIMIT, phoneCacheSizes } from '../../src/core/fields/phone';

function reference(digits: string, types: readonly string[]): boolean {
  try {
    const p = parsePhoneNumberFromString(digits, 'CN');
    const type = p?.getType();
    return !!p && p.isValid() && !!type && types.includes(type);
  } catch {
    return false;
  }
}

describe('BoundedCache', () => {
  test('never holds more than its limit, keeps the newest entries, answers what was stored', () => {
    const c = new BoundedCache<number>(10);
    for (let i = 0; i < 1000; i++) {
      c.set(`k${i}`, i);
      expect(c.size).toBeLessThanOrEqual(10);
      expect(c.get(`k${i}`)).toBe(i);
    }
    expect(c.get('k999')).toBe(999);
    expect(c.get('k0')).toBeUndefined();
    c.clear();
    expect(c.size).toBe(0);
  });

  test('a limit of 1 still works', () => {
    const c = new BoundedCache<string>(1);
    c.set('a', 'x');
    c.set('b', 'y');
    expect(c.size).toBe(1);
    expect(c.get('b')).toBe('y');
  });
});

describe('phone checks, cached', () => {
  const mobileShaped = fc.stringMatching(/^1[3-9]\d{9}$/);
  const fixedShaped = fc.oneof(fc.stringMatching(/^0[1-9]\d{8,10}$/), fc.constantFrom('01068206187', '02161234567', '075583765432', '0106820618', '4008001234'));

  test('isAllocatedMobile equals parse + isValid + getType, first call and cached call', () => {
    fc.assert(
      fc.property(mobileShaped, (d) => {
        const want = reference(d, ['MOBILE', 'FIXED_LINE_OR_MOBILE']);
        expect(isAllocatedMobile(d)).toBe(want);
        expect(isAllocatedMobile(d)).toBe(want);
      }),
      { numRuns: 2000 },
    );
    for (const d of ['13800138000', '19138570839', '11111111111', '10000000000', '17951234567', '']) expect(isAllocatedMobile(d)).toBe(reference(d, ['MOBILE', 'FIXED_LINE_OR_MOBILE']));
  });

  test('isValidFixedLine equals parse + isValid + getType, first call and cached call', () => {
    fc.assert(
      fc.property(fixedShaped, (d) => {
        const want = reference(d, ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);
        expect(isValidFixedLine(d)).toBe(want);
        expect(isValidFixedLine(d)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  test('the caches stay within their limit', () => {
    const sizes = phoneCacheSizes();
    expect(sizes.mobile).toBeLessThanOrEqual(PHONE_CACHE_LIMIT);
    expect(sizes.fixed).toBeLessThanOrEqual(PHONE_CACHE_LIMIT);
  });
});
