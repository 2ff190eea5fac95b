/**
 * A file with a second table of a kind (服务对象（第一批） and 服务对象（第二批）): one table of each kind is read, so the
 * second one's rows are not in the summary. That must never look like "balanced, nothing missing": the file gets an
 * error, and every display of the reconciliation counts and names the rows left out.
 */
import ExcelJS from 'exceljs';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { reconciliationBlock, reconciliationStatus } from '../../src/core/aggregate/report';
import { TABLES } from '../../src/core/notice/tables';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { humanReport, jsonReport } from '../../src/cli/aggregate-report';
import { checkFile, type FileResult } from '../../src/xlsx/check';

const T = TABLES.targets.columns.map((c) => c.header);
const A = TABLES.agencies.columns.map((c) => c.header);
const S = TABLES.schemes.columns.map((c) => c.header);

/** A sheet with a title row, a header row and data rows, added to `wb`. */
function put(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
}

async function book(second: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const target = (i: number) => [i, `企业${i}科技有限公司`, '工业互联网', `联系人${i}`, `1381234${String(5600 + i)} u${i}@qq.com`];
  put(wb, '服务机构', '表1 服务机构基本情况', A, [[1, '鼎安财产保险股份有限公司', '保险公司', '张伟 13812345678', '是，牵头单位']]);
  put(wb, '服务对象（第一批）', '表2 服务对象基本情况', T, [target(1), target(2)]);
  put(wb, '服务对象（第二批）', '表2 服务对象基本情况', T, Array.from({ length: second }, (_, i) => target(10 + i)));
  put(wb, '服务方案', '表3 服务方案基本情况', S, [[1, '制造业网络安全保险服务方案', '企业类', '工业互联网', '周杰', '15112345678 zhoujie@163.com']]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function summarise(results: FileResult[]) {
  return aggregate(
    results.map((r) => ({ file: r.file, issues: r.issues, ...(r.submission ? { submission: r.submission } : {}), ...(r.normalized ? { normalized: r.normalized } : {}) })),
    { normalizeRow, now: () => new Date(Date.UTC(2024, 0, 1)) },
  );
}

describe('a second table of a kind with data rows', () => {
  let result: FileResult;
  beforeAll(async () => {
    result = checkFile(await book(3), '内蒙古自治区-附件2.xlsx');
  });

  test('the file gets an error naming the sheet, the rows left out and where they belong', () => {
    const found = result.issues.filter((i) => i.code === 'workbook.table-not-merged');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', sheet: '服务对象（第二批）', cell: 'A2' });
    expect(found[0].message).toBe(
      '工作表“服务对象（第二批）”第 2 行又有一张服务对象表，其中 3 行数据没有汇总（每个文件每种表只读一张，已读取工作表“服务对象（第一批）”第 2 行的那张）。请把这些行移入工作表“服务对象（第一批）”第 2 行的表中后重新报送；如是重复或作废的数据，请删除。',
    );
    expect(result.submission?.unmerged).toEqual([{ reason: 'second-table', table: 'targets', sheet: '服务对象（第二批）', headerRow: 2, rows: 3 }]);
    expect(result.submission?.tables.targets?.rows).toHaveLength(2);
  });

  test('the reconciliation counts them, and no display says nothing is missing', () => {
    const summary = summarise([result]);
    expect(summary.reconciliation.balanced).toBe(true);
    expect(summary.reconciliation.notMerged).toEqual([{ reason: 'second-table', fileIndex: 0, file: '内蒙古自治区-附件2.xlsx', table: 'targets', sheet: '服务对象（第二批）', headerRow: 2, rows: 3 }]);
    expect(reconciliationStatus(summary)).toContain('但另有 3 行在隐藏工作表或文件的第二张同种表中，未汇总');
    expect(reconciliationBlock(summary).rows).toContainEqual(['内蒙古自治区-附件2.xlsx', '服务对象（工作表“服务对象（第二批）”第 2 行的第二张同种表）', 3, 0, '未汇总']);
    const text = humanReport(summary, { skipped: [] }, undefined);
    expect(text).not.toContain('没有遗漏');
    expect(text).toContain('✗ 但另有 3 行在隐藏工作表或文件的第二张同种表中，未汇总');
    expect(text).toContain('内蒙古自治区-附件2.xlsx：工作表“服务对象（第二批）”第 2 行的第二张同种表（服务对象），3 行');
    expect(jsonReport(summary, { skipped: [] }, undefined).reconciliation.notMerged).toEqual([{ reason: 'second-table', file: '内蒙古自治区-附件2.xlsx', fileIndex: 0, table: 'targets', sheet: '服务对象（第二批）', headerRow: 2, rows: 3 }]);
  });
});

test('a second table without data rows is only a warning, and the reconciliation is plainly balanced', async () => {
  const r = checkFile(await book(0), '内蒙古自治区-附件2.xlsx');
  expect(r.issues.filter((i) => i.code.startsWith('workbook.')).map((i) => [i.code, i.severity])).toEqual([['workbook.duplicate-table', 'warning']]);
  expect(r.submission?.unmerged).toBeUndefined();
  const summary = summarise([r]);
  expect(summary.reconciliation.notMerged).toEqual([]);
  expect(humanReport(summary, { skipped: [] }, undefined)).toContain('没有遗漏或多出的行');
});

test('an unreadable file: the rows read are all in, but no display says nothing is missing', async () => {
  const good = checkFile(await book(0), '内蒙古自治区-附件2.xlsx');
  const bad = checkFile(new Uint8Array(0), '山东省-附件2.xlsx');
  const summary = summarise([good, bad]);
  expect([summary.reconciliation.balanced, summary.reconciliation.complete, summary.reconciliation.unreadable]).toEqual([true, false, 1]);
  const text = humanReport(summary, { skipped: [] }, undefined);
  expect(text).not.toContain('没有遗漏');
  expect(text).toContain('✗ 但有 1 个文件无法读取，其中的行都不在汇总中');
  expect(reconciliationStatus(summary)).toBe('读取的行都已汇总（读取行数 = 汇总行数）；但1 个文件无法读取，其中的行都不在汇总中（见文件列表）。Rows read are all in the summary, but 1 file(s) unreadable.');
  expect(reconciliationBlock(summary).title).toContain('有未读取的文件或未汇总的行');
  expect(jsonReport(summary, { skipped: [] }, undefined).reconciliation).toMatchObject({ balanced: true, complete: false, unreadable: 1 });
  // And with every file read: complete.
  const all = summarise([good]);
  expect([all.reconciliation.complete, reconciliationStatus(all)]).toEqual([true, '全部一致：读取行数 = 汇总行数 (balanced)']);
});

describe('other rows not in the summary', () => {
  test('a table on a hidden sheet: its rows are counted as not merged (the reconciliation is not complete)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book(0)) as unknown as ExcelJS.Buffer);
    const old = wb.addWorksheet('服务对象（补报）', { state: 'hidden' });
    old.addRow(['表2 服务对象基本情况']);
    old.addRow(T);
    for (let i = 0; i < 5; i++) old.addRow([i + 1, `补报企业${i}有限公司`, '车联网', '王五', `1391234567${i} w${i}@qq.com`]);
    const r = checkFile(new Uint8Array(await wb.xlsx.writeBuffer()), '广西壮族自治区-附件2.xlsx');
    expect(r.submission?.unmerged).toEqual([{ reason: 'hidden-sheet', table: 'targets', sheet: '服务对象（补报）', headerRow: 2, rows: 5 }]);
    const summary = summarise([r]);
    expect([summary.reconciliation.balanced, summary.reconciliation.complete]).toEqual([true, false]);
    expect(humanReport(summary, { skipped: [] }, undefined)).toContain('广西壮族自治区-附件2.xlsx：隐藏工作表“服务对象（补报）”第 2 行的表（服务对象），5 行');
    expect(reconciliationBlock(summary).rows).toContainEqual(['广西壮族自治区-附件2.xlsx', '服务对象（隐藏工作表“服务对象（补报）”第 2 行的表）', 5, 0, '未汇总']);
  });

  test('an empty template table above the filled-in one: the one with data is read, the empty one only noted', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb, '服务机构', '表1 服务机构基本情况', A, [[1, '鼎安财产保险股份有限公司', '保险公司', '张伟 13812345678', '是，牵头单位']]);
    put(wb, '服务对象', '表2 服务对象基本情况', T, [[1], ['…']]);
    put(wb, '服务对象（填报）', '表2 服务对象基本情况', T, [1, 2].map((i) => [i, `企业${i}科技有限公司`, '工业互联网', `联系人${i}`, `1381234560${i} u${i}@qq.com`]));
    put(wb, '服务方案', '表3 服务方案基本情况', S, [[1, '制造业网络安全保险服务方案', '企业类', '工业互联网', '周杰', '15112345678 zhoujie@163.com']]);
    const r = checkFile(new Uint8Array(await wb.xlsx.writeBuffer()), '浙江省-附件2.xlsx');
    expect(r.submission?.tables.targets?.sheet).toBe('服务对象（填报）');
    expect(r.submission?.tables.targets?.rows).toHaveLength(2);
    expect(r.submission?.unmerged).toBeUndefined();
    expect(r.issues.filter((i) => i.code.startsWith('workbook.')).map((i) => [i.code, i.sheet])).toEqual([['workbook.duplicate-table', '服务对象']]);
  });

});
