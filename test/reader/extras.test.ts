/**
 * Columns a table has beyond the notice's (备注 …) are carried with each row and kept in the summary's 其他列
 * column: 说明 says every row keeps its values, so no cell the file held may vanish unseen.
 */
import { aggregate } from '../../src/core/aggregate/aggregate';
import { EXTRAS_KEY, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import { summaryCsvFiles } from '../../src/core/csv/export';
import { locateSubmission } from '../../src/core/locate';
import { TABLES } from '../../src/core/notice/tables';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { jsonFile } from '../../src/cli/json';
import { sheet, workbook } from './grid-builder';

const H = TABLES.targets.columns.map((c) => c.header);

function located() {
  return locateSubmission(
    workbook(
      '辽宁省.xlsx',
      sheet('服务对象', [
        ['表2 服务对象基本情况'],
        [...H, '备注', '联系人2'],
        [1, '锦州远航机床制造有限公司', '工业互联网', '任玉兰', '18217862595 renyulan37@foxmail.com', '已完成风险评估', '王五 13912345678'],
        [2, '鞍山翔宇燃气集团有限公司', '能源', '吕梓涵', '13100551779 lvzihan@126.com'],
      ]),
    ),
  );
}

test('other headed columns inside the table are kept per row, in column order, with header and cell', () => {
  const rows = located().submission.tables.targets?.rows ?? [];
  expect(rows[0].extras).toEqual([
    { header: '备注', text: '已完成风险评估', cell: 'F3' },
    { header: '联系人2', text: '王五 13912345678', cell: 'G3' },
  ]);
  // A row with nothing in them has none; the table's own columns never appear among them.
  expect(rows[1].extras).toBeUndefined();
});

test('the summary keeps them in 其他列 (sheet and CSV), and validate --json lists them', () => {
  const { submission } = located();
  const summary = aggregate([{ file: '辽宁省.xlsx', issues: [], submission }], { normalizeRow, now: () => new Date(0) });
  const columns = summaryColumns('targets');
  const at = columns.findIndex((c) => c.key === EXTRAS_KEY);
  expect(columns[at].header).toBe('其他列（原表中的其他内容）');
  expect(summary.rows.targets.map((r) => summaryRowValues(r, columns)[at])).toEqual(['备注：已完成风险评估；联系人2：王五 13912345678', '']);
  const csv = summaryCsvFiles(summary).find((f) => f.name === '服务对象.csv')?.text ?? '';
  expect(csv).toContain('备注：已完成风险评估；联系人2：王五 13912345678');
  // Masked like every other cell.
  expect(summaryCsvFiles(summary, { mask: true }).find((f) => f.name === '服务对象.csv')?.text).toContain('联系人2：王五 139****5678');
  const json = jsonFile({ file: '辽宁省.xlsx', status: 'ok', submission, issues: [] });
  expect((json.tables.targets as { rows: { extras?: unknown }[] }).rows[0].extras).toEqual([
    { header: '备注', text: '已完成风险评估', cell: 'F3' },
    { header: '联系人2', text: '王五 13912345678', cell: 'G3' },
  ]);
});
