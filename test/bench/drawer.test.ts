/**
 * The bench draws 500-row tables, far more than the bundled samples: names run out and the drawer falls back.
 * A fallback whose pattern did not match its base (中国电信股份有限公司北京分公司 against /有限公司$/) returned the
 * base unchanged and looped forever, so the generator hung at about 70 agencies. The guards below turn such a
 * loop into a failure instead of a hung test run.
 */
import { REGIONS } from '../../src/core/notice/regions';
import { Drawer, drawRecords } from '../../src/samples/generate-records';
import { Rng } from '../../src/samples/prng';

const GUARD = 1000;

function guarded(fallback: (base: string, n: number) => string): (base: string, n: number) => string {
  let calls = 0;
  return (base, n) => {
    if (++calls > GUARD) throw new Error(`fallback keeps returning taken names for ${base}`);
    return fallback(base, n);
  };
}

afterEach(() => jest.restoreAllMocks());

test('a fallback that cannot change its base still yields a new name', () => {
  const d = new Drawer(new Rng(1));
  const names = Array.from({ length: 5 }, () => d.unique(() => '某某分公司', guarded((b) => b)));
  expect(new Set(names).size).toBe(5);
  // The first draw is the name itself; later ones are numbered after it.
  expect(names[0]).toBe('某某分公司');
  expect(names.slice(1).every((n) => n.startsWith('某某分公司（'))).toBe(true);
});

test('500 agencies, targets and schemes are drawn, with unique names in each table', () => {
  const original = Drawer.prototype.unique;
  jest.spyOn(Drawer.prototype, 'unique').mockImplementation(function (this: Drawer, make, fallback) {
    return original.call(this, make, guarded(fallback));
  });
  const r = drawRecords(new Drawer(new Rng(9000)), { variant: '附件2', region: REGIONS[0], authority: 'miit', rows: { agencies: 500, targets: 500, schemes: 500 } });
  expect(r.agencies).toHaveLength(500);
  expect(r.targets).toHaveLength(500);
  expect(r.schemes).toHaveLength(500);
  for (const rows of [r.agencies, r.targets, r.schemes]) expect(new Set(rows.map((x) => x.name)).size).toBe(rows.length);
});
