import { validateSubmission } from '../../src/core/rules/validate';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { TABLES, type TableKey } from '../../src/core/notice/tables';
import { FIXTURES } from './fixture-data';
import { fixtureSubmission, keyOfHeader, type FixtureName } from './helpers';

const names = Object.keys(FIXTURES) as FixtureName[];

describe.each(names)('fixture %s', (name) => {
  const expected = FIXTURES[name].issues as readonly { table: TableKey; row: number; column: string; cell: string; kind: string; fix?: string }[];
  const issues = validateSubmission(fixtureSubmission(name));

  test('every expected issue is reported at its cell with its code', () => {
    for (const e of expected) {
      const column = keyOfHeader(e.table, e.column);
      const found = issues.find((i) => i.code === e.kind && i.table === e.table && i.row === e.row && i.column === column);
      expect(found).toBeDefined();
      expect(found?.cell).toBe(e.cell);
      if (e.fix !== undefined) expect(found?.fix).toEqual({ value: e.fix, certain: true });
    }
  });

  test('no error on any other cell', () => {
    const unexpected = issues.filter(
      (i) => i.severity === 'error' && !expected.some((e) => e.kind === i.code && e.row === i.row && keyOfHeader(e.table, e.column) === i.column),
    );
    expect(unexpected).toEqual([]);
  });

  test('every row normalises with its mobile and e-mail', () => {
    const sub = fixtureSubmission(name);
    for (const [key, t] of Object.entries(sub.tables) as [TableKey, NonNullable<(typeof sub.tables)[TableKey]>][]) {
      for (const row of t.rows) {
        const n = normalizeRow(key, row);
        expect(n.nameKey.length).toBeGreaterThan(0);
        if (TABLES[key].columns.some((c) => c.kind === 'mobileAndEmail') && !expected.some((e) => e.row === row.row && e.table === key)) {
          expect(n.mobile).toMatch(/^1[3-9]\d{9}$/);
          expect(n.email).toMatch(/@/);
        }
        if (key === 'agencies') expect(n.phone).toBeDefined();
      }
    }
  });
});

test('the fixtures produce exactly their expected issues, no warnings or infos besides', () => {
  const all = names.flatMap((n) => validateSubmission(fixtureSubmission(n)).map((i) => `${n} ${i.code} ${i.cell}`));
  const want = names.flatMap((n) => (FIXTURES[n].issues as readonly { kind: string; cell: string }[]).map((e) => `${n} ${e.kind} ${e.cell}`));
  expect(all.sort()).toEqual(want.sort());
});
