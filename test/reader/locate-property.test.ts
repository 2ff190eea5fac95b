import fc from 'fast-check';
import { locateSubmission } from '../../src/core/locate';
import { TABLES, TABLE_KEYS, VARIANTS, tableTitle, type TableKey } from '../../src/core/notice/tables';
import { place, sheet, workbook, type Cellish } from './grid-builder';

const HAN = '华信安盾云联数智远恒泰达通明瑞鼎新星汉锐航科技网络保险服务方案'.split('');
const word = (min: number, max: number) => fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const mobile = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`);
const email = fc.tuple(fc.constantFrom('zs', 'li', 'wang', 'abc'), fc.integer({ min: 1, max: 999 }), fc.constantFrom('qq.com', '163.com')).map(([a, n, d]) => `${a}${n}@${d}`);
const sep = fc.constantFrom(' ', '；', '/', '\n', '，');

/** A valid-looking cell for a column key. */
function cellFor(key: string): fc.Arbitrary<string> {
  switch (key) {
    case 'name':
      return word(2, 8).map((w) => `${w}有限公司`);
    case 'type':
      return fc.constantFrom('保险公司', '网络安全企业', '企业类', '产品服务类');
    case 'industry':
      return fc.constantFrom('工业互联网', '车联网', '电信和互联网', '金融');
    case 'contactPerson':
      return word(2, 3);
    case 'contact':
      return fc.oneof(fc.tuple(mobile, sep, email).map(([m, s, e]) => `${m}${s}${e}`), fc.tuple(word(2, 3), mobile).map(([n, m]) => `${n}，${m}`));
    case 'role':
      return fc.constantFrom('是，牵头单位', '否，负责风险评估', '否');
    default:
      return word(1, 4);
  }
}

function rowFor(table: TableKey): fc.Arbitrary<Record<string, string>> {
  const cols = TABLES[table].columns.filter((c) => c.key !== 'seq');
  return fc.tuple(...cols.map((c) => cellFor(c.key))).map((vals) => Object.fromEntries(cols.map((c, i) => [c.key, vals[i]])));
}

const quirks = fc.record({
  title: fc.boolean(),
  lineBreaks: fc.boolean(),
  halfWidth: fc.boolean(),
  remark: fc.boolean(),
  blanks: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
  ellipsis: fc.boolean(),
  hint: fc.boolean(),
  total: fc.boolean(),
  stacked: fc.constantFrom('none', 'above', 'below'),
  trailingBlank: fc.integer({ min: 0, max: 3 }),
});

function header(table: TableKey, q: { lineBreaks: boolean; halfWidth: boolean }): string[] {
  return TABLES[table].columns.map((c) => {
    let h = c.header;
    if (q.halfWidth) h = h.replace('（', ' (').replace('）', ')');
    if (q.lineBreaks && h.length > 3) h = `${h.slice(0, 2)}\n${h.slice(2)}`;
    return h;
  });
}

test('any table at any offset with any quirks is found with exactly its rows', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...TABLE_KEYS).chain((table) =>
        fc.tuple(fc.constant(table), fc.array(rowFor(table), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }), quirks),
      ),
      ([table, data, r0, c0, q]) => {
        const variant = '附件2';
        const cols = TABLES[table].columns;
        const block: Cellish[][] = [];
        if (q.title) block.push([tableTitle(variant, table)]);
        const head: Cellish[] = header(table, q);
        const remarkAt = q.remark ? cols.length : -1;
        if (q.remark) head.push('备注');
        block.push(head);
        const hasHint = cols.some((c) => c.hint);
        if (q.hint && hasHint) block.push(cols.map((c) => c.hint ?? ''));
        const blankAfter = new Set(q.blanks.map((b) => b % data.length));
        const expected: { row: number; cells: Record<string, string> }[] = [];
        data.forEach((d, i) => {
          const line: Cellish[] = cols.map((c) => (c.key === 'seq' ? i + 1 : d[c.key]));
          if (remarkAt >= 0) line.push(i % 2 ? '无' : '');
          block.push(line);
          expected.push({ row: 0, cells: { seq: String(i + 1), ...d } });
          (expected[expected.length - 1] as { blockRow?: number }).blockRow = block.length - 1;
          if (blankAfter.has(i) && i < data.length - 1) block.push([]);
        });
        if (q.ellipsis) block.push(['...']);
        if (q.total) block.push(['合计', `${data.length}家`]);
        for (let k = 0; k < q.trailingBlank; k++) block.push([]);

        const other: TableKey = table === 'agencies' ? 'targets' : 'agencies';
        const otherBlock: Cellish[][] = [[tableTitle(variant, other)], TABLES[other].columns.map((c) => c.header), TABLES[other].columns.map((c, i) => (c.key === 'seq' ? 1 : `其他${i}`))];
        const g: Cellish[][] = [];
        let start = r0;
        if (q.stacked === 'above') {
          place(g, r0, c0, otherBlock);
          start = r0 + otherBlock.length + 1;
        }
        place(g, start, c0, block);
        if (q.stacked === 'below') place(g, start + block.length + 1, c0, otherBlock);

        const { submission } = locateSubmission(workbook('江苏省.xlsx', sheet('S', g)));
        const got = submission.tables[table];
        expect(got).toBeDefined();
        const want = expected.map((e) => ({ row: start + (e as { blockRow?: number }).blockRow! + 1, cells: e.cells }));
        const have = (got?.rows ?? []).map((r) => ({ row: r.row, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text])) }));
        expect(have).toEqual(want);
        expect(got?.columns?.seq).toBe(String.fromCharCode(65 + c0));
        if (q.stacked !== 'none') expect(submission.tables[other]?.rows).toHaveLength(1);
        expect(VARIANTS[variant]).toBeDefined();
      },
    ),
    { numRuns: 400 },
  );
});
