/**
 * Normalise once: the validator hands every row's normalised reading over (validateAndNormalize, checkFile's
 * FileResult.normalized) and the aggregator reuses it. The readings must be exactly normalizeRow's, and the summary
 * built from them exactly the one built with deps.normalizeRow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { aggregate } from '../../src/core/aggregate/aggregate';
import type { AggregateInput } from '../../src/core/aggregate/types';
import { TABLES, TABLE_KEYS, type TableKey } from '../../src/core/notice/tables';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { validateAndNormalize, validateSubmission } from '../../src/core/rules/validate';
import type { Submission, TableRow } from '../../src/core/submission/types';
import { checkFile, type FileResult } from '../../src/xlsx/check';
import { submission, table } from '../core/helpers';
import { fixtureInputs, fixturesDir, FIXED_NOW, loadFixtures, makeSubmission } from './helpers';

const KEY_ORDER = ['nameKey', 'type', 'industry', 'mobile', 'email', 'person', 'phone', 'lead'];

const unused = (): never => {
  throw new Error('deps.normalizeRow called although the input carried the row');
};

function expectSameAsNormalizeRow(sub: Submission, normalized: FileResult['normalized']): void {
  for (const key of TABLE_KEYS) {
    const t = sub.tables[key];
    if (!t) {
      expect(normalized?.[key]).toBeUndefined();
      continue;
    }
    expect(normalized?.[key]).toHaveLength(t.rows.length);
    t.rows.forEach((row, i) => expect(normalized?.[key]?.[i]).toStrictEqual(normalizeRow(key, row)));
  }
}

function withReadings(inputs: readonly AggregateInput[]): AggregateInput[] {
  return inputs.map((i) => (i.submission ? { ...i, normalized: validateAndNormalize(i.submission).normalized } : i));
}

describe('validateAndNormalize', () => {
  test('issues are validateSubmission\'s, readings normalizeRow\'s, on the shared fixtures', () => {
    for (const input of fixtureInputs()) {
      const sub = input.submission!;
      const r = validateAndNormalize(sub);
      expect(r.issues).toStrictEqual(validateSubmission(sub));
      expectSameAsNormalizeRow(sub, r.normalized);
    }
  });

  test('leftover rows, blank cells, a table beyond the variant and a table stored under another key', () => {
    const sub = makeSubmission({
      file: 'x.xlsx',
      region: '江苏省',
      agencies: [
        ['甲保险股份有限公司', '保险公司', '张三 13800138000 zs@qq.com', '是，牵头'],
        ['', '', '', ''],
        ['...', '（如保险公司等）', '', ''],
        ['乙', '', '   ', '否'],
      ],
      targets: [['丙公司', '电信与互联网', '', '13800138000；ZS＠QQ。COM']],
    });
    const odd: Submission = { ...sub, variant: '附件3', tables: { ...sub.tables, schemes: { ...sub.tables.targets!, table: 'targets' } } };
    for (const s of [sub, odd]) {
      const r = validateAndNormalize(s);
      expect(r.issues).toStrictEqual(validateSubmission(s));
      expectSameAsNormalizeRow(s, r.normalized);
    }
  });

  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ' ', '...', '13800138000', 'zs@qq.com', '张三 13800138000', '010-68206187转801', '１３８００１３８０００；zs＠qq。com', '保险公司', '电信与互联网', '工业互连网', '（企业类、产品服务类）', '是，牵头', '否'),
  );
  const rowOf = (key: TableKey) => fc.array(anyCell, { minLength: TABLES[key].columns.length, maxLength: TABLES[key].columns.length });

  test('readings equal normalizeRow on any cells (property)', () => {
    fc.assert(
      fc.property(fc.array(rowOf('agencies'), { maxLength: 5 }), fc.array(rowOf('targets'), { maxLength: 5 }), fc.array(rowOf('schemes'), { maxLength: 5 }), (a, t, s) => {
        const sub = submission({ agencies: table('agencies', a), targets: table('targets', t), schemes: table('schemes', s) }, '附件2');
        expectSameAsNormalizeRow(sub, validateAndNormalize(sub).normalized);
        // normalizeRow's shape: keys in the documented order, none set to undefined (JSON and writers see the same).
        for (const key of TABLE_KEYS) {
          for (const row of sub.tables[key]?.rows ?? []) {
            const n = normalizeRow(key, row);
            const keys = Object.keys(n);
            expect(keys).toEqual(KEY_ORDER.filter((k) => keys.includes(k)));
            expect(Object.values(n).every((v) => v !== undefined)).toBe(true);
            expect('lead' in n).toBe(key === 'agencies');
          }
        }
      }),
    );
  });
});

describe('aggregate with the rows\' readings handed over', () => {
  test('the same summary as with deps.normalizeRow, on the shared fixtures, without calling it', () => {
    const inputs = fixtureInputs();
    const reference = aggregate(inputs, { normalizeRow, now: FIXED_NOW });
    const reused = aggregate(withReadings(inputs), { normalizeRow: unused, now: FIXED_NOW });
    expect(reused).toStrictEqual(reference);
    expect(reference.crossIssues.length).toBeGreaterThan(0);
  });

  test('a table whose readings are missing or of another length falls back to deps.normalizeRow', () => {
    const inputs = fixtureInputs();
    const reference = aggregate(inputs, { normalizeRow, now: FIXED_NOW });
    const calls: TableKey[] = [];
    const counting = (t: TableKey, r: TableRow) => (calls.push(t), normalizeRow(t, r));
    const partial = withReadings(inputs).map((i, n) => {
      if (n !== 0 || !i.normalized) return i;
      // agencies left out, targets one row short, schemes kept.
      const { schemes, targets } = i.normalized;
      return { ...i, normalized: { ...(schemes ? { schemes } : {}), ...(targets ? { targets: targets.slice(1) } : {}) } };
    });
    expect(aggregate(partial, { normalizeRow: counting, now: FIXED_NOW })).toStrictEqual(reference);
    const first = inputs[0].submission!;
    expect(calls).toEqual([...Array<TableKey>(first.tables.agencies?.rows.length ?? 0).fill('agencies'), ...Array<TableKey>(first.tables.targets?.rows.length ?? 0).fill('targets')]);
  });
});

describe('checkFile', () => {
  const files: string[] = [];
  for (const fx of loadFixtures()) files.push(join(fixturesDir(), fx.folder, fx.file));
  const samples = join(__dirname, '../samples/submissions');
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.xlsx')).sort()) files.push(join(samples, f));

  test('carries each row\'s normalizeRow, parallel to the rows read', () => {
    expect(files.length).toBeGreaterThan(4);
    for (const path of files) {
      const r = checkFile(new Uint8Array(readFileSync(path)), path);
      if (!r.submission) continue;
      expectSameAsNormalizeRow(r.submission, r.normalized);
    }
  });

  test('the CLI\'s aggregation of checkFile results is the same with and without the readings', () => {
    const results = files.map((p) => checkFile(new Uint8Array(readFileSync(p)), p));
    const inputs: AggregateInput[] = results.map((r) => ({ file: r.file, issues: r.issues, ...(r.submission ? { submission: r.submission } : {}), ...(r.error ? { error: r.error } : {}) }));
    const reference = aggregate(inputs, { normalizeRow, now: FIXED_NOW });
    const reused = aggregate(
      results.map((r, i) => ({ ...inputs[i], ...(r.normalized ? { normalized: r.normalized } : {}) })),
      { normalizeRow: unused, now: FIXED_NOW },
    );
    expect(reused).toStrictEqual(reference);
  });
});
