import { TABLE_KEYS } from '../../src/core/notice/tables';
import { readSubmission } from '../../src/xlsx/read';
import { fixtureDirs, keyOfHeader, loadFixture } from './helpers';

const dirs = fixtureDirs();

test('the shared fixtures are present', () => {
  expect(dirs.length).toBeGreaterThanOrEqual(4);
});

describe.each(dirs)('fixture %s', (dir) => {
  const { expected, bytes, file } = loadFixture(dir);
  const { submission, issues } = readSubmission(bytes, file);

  test('region and variant', () => {
    expect(submission.region?.name).toBe(expected.region);
    expect(submission.variant).toBe(expected.variant);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('exactly the expected tables', () => {
    expect(Object.keys(submission.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  });

  for (const key of TABLE_KEYS) {
    const exp = expected.tables[key];
    if (!exp) continue;
    test(`${key}: sheet, header rows, columns`, () => {
      const got = submission.tables[key];
      expect(got).toBeDefined();
      expect(got?.sheet).toBe(exp.sheet);
      expect(got?.headerRows).toEqual(exp.headerRows);
      const cols: Record<string, string> = {};
      for (const [header, letter] of Object.entries(exp.columns)) cols[keyOfHeader(key, header)] = letter;
      expect(got?.columns).toEqual(cols);
    });
    test(`${key}: every data row and cell text`, () => {
      const got = submission.tables[key];
      const rows = (got?.rows ?? []).map((r) => ({ row: r.row, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text])) }));
      const want = exp.dataRows.map((r) => ({ row: r.row, cells: Object.fromEntries(Object.entries(r.cells).map(([h, t]) => [keyOfHeader(key, h), t])) }));
      expect(rows).toEqual(want);
      expect(rows.length).toBe(expected.rowCounts[key]);
    });
    test(`${key}: every cell carries its A1 address`, () => {
      const got = submission.tables[key];
      for (const r of got?.rows ?? []) {
        for (const [k, c] of Object.entries(r.cells)) expect(c.cell).toBe(`${got?.columns?.[k]}${r.row}`);
      }
    });
  }
});
