/**
 * The compiled mobile check (CN's national and mobile patterns from the max metadata, built once) must give
 * exactly libphonenumber's own answer: parse the digits for CN and ask getType(). The reference is computed here,
 * independently of src/core/fields/phone.ts.
 */
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { allocatedMobileFast, checkPhone, isAllocatedMobile, mobileFastPathActive } from '../../src/core/fields/phone';

function referenceMobile(digits: string): boolean {
  const type = parsePhoneNumberFromString(digits, 'CN')?.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/** The fast answer where it gives one, else the reference: what isAllocatedMobile computes on a cache miss. */
function fastOrReference(digits: string): boolean {
  return allocatedMobileFast(digits) ?? referenceMobile(digits);
}

describe('mobile fast path', () => {
  test('is active with the installed metadata', () => {
    expect(mobileFastPathActive()).toBe(true);
  });

  test('random 1[3-9] + 9 digits: same answer as getType() (uncached fast path and cached isAllocatedMobile)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (d) => {
        const want = referenceMobile(d);
        expect(fastOrReference(d)).toBe(want);
        expect(isAllocatedMobile(d)).toBe(want);
      }),
      { numRuns: 20000 },
    );
  });

  test('every 5-digit prefix 13000–19999 (the mobile pattern decides on at most 5 digits), three suffixes each', () => {
    let fast = 0;
    let total = 0;
    for (let p = 13000; p <= 19999; p++) {
      for (const suffix of ['000000', '999999', String((p * 7919) % 1_000_000).padStart(6, '0')]) {
        const d = `${p}${suffix}`;
        const got = allocatedMobileFast(d);
        total++;
        if (got === undefined) continue;
        fast++;
        if (got !== referenceMobile(d)) throw new Error(`${d}: fast ${got}, getType() ${referenceMobile(d)}`);
      }
    }
    // Only the prefixes the parser may rewrite (179xx carrier codes) go the long way.
    expect(fast / total).toBeGreaterThan(0.95);
  });

  test('numbers the parser may rewrite, or not mobile-shaped, are left to getType()', () => {
    for (const d of ['17912345678', '17900000000', '11111111111', '10000000000', '1380013800', '138001380001', '']) {
      expect(allocatedMobileFast(d)).toBeUndefined();
      expect(isAllocatedMobile(d)).toBe(referenceMobile(d));
    }
  });

  test.each([
    ['13800138000', true],
    ['19138570839', true],
    ['19000000000', true],
    ['17400000000', true],
    ['17405999999', true],
    ['17406000000', false],
    ['16100000000', true],
    ['14000000000', false],
    ['14012345678', false],
    ['14100000000', false],
    ['17412345678', false],
    ['17912345678', false],
  ])('%s allocated: %s (as today)', (digits, allocated) => {
    expect(referenceMobile(digits)).toBe(allocated);
    expect(isAllocatedMobile(digits)).toBe(allocated);
    expect(checkPhone(digits).problems).toEqual(allocated ? [] : ['mobile-unallocated']);
  });
});
