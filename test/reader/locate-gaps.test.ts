/**
 * Where a table ends. A gap, a note or a total row inside a table must not end it when data follows: those rows
 * would be lost while the reconciliation (rows read = rows in summary) still balanced. Rows that are not data are
 * said (row.skipped, with their cells), and a table that really ended still ends.
 */
import fc from 'fast-check';
import { locateSubmission } from '../../src/core/locate';
import { isTotal } from '../../src/core/locate/text';
import { TABLES } from '../../src/core/notice/tables';
import { sheet, workbook, type Cellish } from './grid-builder';

const H = TABLES.targets.columns.map((c) => c.header);
const TITLE = '表2 服务对象基本情况';

function row(seq: Cellish, name: string, i: number): Cellish[] {
  return [seq, name, '工业互联网', `联系人${i}`, `1381234${String(5600 + i).padStart(4, '0')} u${i}@qq.com`];
}

function read(rows: Cellish[][], merges: { r0: number; c0: number; r1: number; c1: number }[] = []) {
  const { submission, issues } = locateSubmission(workbook('安徽省.xlsx', sheet('服务对象', [[TITLE], H, ...rows], { merges })));
  return { rows: submission.tables.targets?.rows ?? [], issues };
}

describe('a table goes on past gaps, notes and totals when data follows', () => {
  test('three blank rows, then a partial row, then a full row: both are read', () => {
    const { rows } = read([row(1, '甲精密机械有限公司', 1), row(2, '乙云数据科技有限公司', 2), [], [], [], [undefined, '丙智能网联汽车有限公司', '车联网', undefined, '15012345678 c@126.com'], row(4, '丁智能制造有限公司', 4)]);
    expect(rows.map((r) => [r.row, r.cells.name?.text])).toEqual([
      [3, '甲精密机械有限公司'],
      [4, '乙云数据科技有限公司'],
      [8, '丙智能网联汽车有限公司'],
      [9, '丁智能制造有限公司'],
    ]);
  });

  test('names that begin with 合计 / 小计 / 总计 are names; a 合计 row is skipped and said', () => {
    const { rows, issues } = read([row(1, '合计宝网络科技有限公司', 1), row(2, '小计算科技有限公司', 2), row(3, '总计划设计院有限公司', 3), ['合计', '3家']]);
    expect(rows.map((r) => r.cells.name?.text)).toEqual(['合计宝网络科技有限公司', '小计算科技有限公司', '总计划设计院有限公司']);
    const skipped = issues.filter((i) => i.code === 'row.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: 'info', table: 'targets', sheet: '服务对象', row: 6, cell: 'A6' });
    expect(skipped[0].message).toBe('表2 服务对象中有 1 行不是数据，未读入：第 6 行（合计行“合计”）。如其中有数据，请改为完整的一行后重新报送。');
  });

  test('a 注： line inside the table, data below it: the note is skipped and said, the data read', () => {
    const { rows, issues } = read([row(1, '甲精密机械有限公司', 1), ['注：以下为补报企业'], row(2, '乙科技有限公司', 2)]);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    expect(issues.find((i) => i.code === 'row.skipped')?.message).toContain('第 4 行（说明行“注：以下为补报企业”）');
  });

  test('a note merged across the table, data below it: the same', () => {
    const { rows } = read([row(1, '甲精密机械有限公司', 1), ['以下为第二批'], row(2, '乙科技有限公司', 2)], [{ r0: 3, c0: 0, r1: 3, c1: 4 }]);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
  });

  test('a table that ends still ends: notes and a signature under it are not rows, nor said', () => {
    const { rows, issues } = read([row(1, '甲精密机械有限公司', 1), row(2, '乙科技有限公司', 2), [], ['注：1. 行业领域按附件填写。'], ['2. 联系方式请填写手机和邮箱。'], ['填报人：张三', undefined, '联系电话：010-68208888']]);
    expect(rows.map((r) => r.row)).toEqual([3, 4]);
    expect(issues.filter((i) => i.code === 'row.skipped')).toEqual([]);
  });

  test('a second table stacked below still starts its own table', () => {
    const schemes = TABLES.schemes.columns.map((c) => c.header);
    const { submission } = locateSubmission(
      workbook('安徽省.xlsx', sheet('S', [[TITLE], H, row(1, '甲精密机械有限公司', 1), [], [], [], ['表3 服务方案基本情况'], schemes, [1, '方案A', '企业类', '工业互联网', '王五', '13700137000 e@f.cn']])),
    );
    expect(submission.tables.targets?.rows.map((r) => r.row)).toEqual([3]);
    expect(submission.tables.schemes?.rows.map((r) => r.row)).toEqual([9]);
  });

  test('isTotal: the word alone or with a count, not a name that begins with it', () => {
    for (const t of ['合计', '合 计', '合计：', '合计:3家', '小计 12 项', '总计', '共计5家']) expect([t, isTotal(t)]).toEqual([t, true]);
    for (const t of ['合计宝网络科技有限公司', '总计划设计院有限公司', '小计算科技有限公司', '共计算中心']) expect([t, isTotal(t)]).toEqual([t, false]);
  });
});

describe('property: every full data row is read, whatever lies between them', () => {
  type Piece = { kind: 'data' } | { kind: 'blank'; n: number } | { kind: 'note' } | { kind: 'total' } | { kind: 'ellipsis' } | { kind: 'partial' };
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    { arbitrary: fc.constant<Piece>({ kind: 'data' }), weight: 5 },
    { arbitrary: fc.integer({ min: 1, max: 6 }).map<Piece>((n) => ({ kind: 'blank', n })), weight: 2 },
    fc.constant<Piece>({ kind: 'note' }),
    fc.constant<Piece>({ kind: 'total' }),
    fc.constant<Piece>({ kind: 'ellipsis' }),
    fc.constant<Piece>({ kind: 'partial' }),
  );

  test('data rows in, notes / totals / ellipses out and said; nothing after the last data row but blanks is read', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 25 }), (pieces) => {
        const rows: Cellish[][] = [];
        const data: number[] = [];
        const partial: number[] = [];
        const notData: number[] = [];
        let seq = 0;
        for (const p of pieces) {
          const sheetRow = rows.length + 3;
          if (p.kind === 'data') {
            seq++;
            rows.push(row(seq, `企业${seq}有限公司`, seq));
            data.push(sheetRow);
          } else if (p.kind === 'blank') for (let i = 0; i < p.n; i++) rows.push([]);
          else if (p.kind === 'note') {
            rows.push([`注：第${sheetRow}行的说明`]);
            notData.push(sheetRow);
          } else if (p.kind === 'total') {
            rows.push(['合计', `${seq}家`]);
            notData.push(sheetRow);
          } else if (p.kind === 'ellipsis') {
            rows.push(['...', '...']);
            notData.push(sheetRow);
          } else {
            rows.push([undefined, `部分${sheetRow}有限公司`, '车联网']);
            partial.push(sheetRow);
          }
        }
        const { rows: got, issues } = read(rows);
        const gotRows = got.map((r) => r.row);
        const lastData = data.length ? data[data.length - 1] : 0;
        // Every full row is read, and every partial row above the last full row (it is inside the table).
        for (const r of data) expect(gotRows).toContain(r);
        for (const r of partial.filter((x) => x < lastData)) expect(gotRows).toContain(r);
        // Notes, totals and ellipses are never data; those inside the table (above the last data row) are said.
        for (const r of notData) expect(gotRows).not.toContain(r);
        const said = issues.filter((i) => i.code === 'row.skipped').flatMap((i) => [...i.message.matchAll(/第 (\d+) 行/g)].map((m) => Number(m[1])));
        for (const r of notData.filter((x) => x < lastData)) expect(said).toContain(r);
        // Nothing is read that is not a data or partial row.
        for (const r of gotRows) expect([...data, ...partial]).toContain(r);
      }),
      { numRuns: 300 },
    );
  });
});
