import { aggregate } from '../../src/core/aggregate/aggregate';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ISSUE_COLUMNS, issueRowValues, jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import type { AggregateInput, Summary } from '../../src/core/aggregate/types';
import { TABLES } from '../../src/core/notice';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { checkFile } from '../../src/xlsx/check';
import { SUMMARY_SHEETS, SUMMARY_TABLE_NAMES } from '../../src/xlsx/summary';
import { checkWorkbook, OFFICE_SUMMARY_SHEETS, OFFICE_SUMMARY_TABLES, planSummary, writeSummary } from '../../src/office';
import { OfficeFeatureError } from '../../src/office/requirements';
import { totalCells } from '../../src/office/chunks';
import { charsToPoints } from '../../src/office/units';
import { createExcelDouble, requirementsUpTo } from './excel-double';
import { fixture } from './fixture-book';

const ok = requirementsUpTo('1.9');
const deps = { normalizeRow, now: () => new Date('2024-02-01T08:00:00Z') };
const DIRS = ['01-江苏省', '03-广东省', '05-厦门市', '08-北京市'];

function fixtureSummary(): Summary {
  const inputs: AggregateInput[] = DIRS.map((d) => {
    const { bytes, file } = fixture(d);
    const r = checkFile(bytes, file);
    return { file, submission: r.submission, issues: r.issues };
  });
  return aggregate(inputs, deps);
}

/** A summary of one generated submission with `rows` 服务对象 rows. */
async function generatedSummary(rows: number): Promise<Summary> {
  const { context, asExcel } = createExcelDouble();
  const values: unknown[][] = [['表1 服务对象基本情况'], TABLES.targets.columns.map((c) => c.header)];
  const industries = ['电信和互联网', '工业互联网', '车联网', '医疗卫生'];
  for (let i = 1; i <= rows; i++) values.push([i, `星海${i}号科技有限公司`, industries[i % 4], '张伟', `${13800000000 + i} u${i}@qq.com`]);
  context.workbook.name = '广东省附件3表格.xlsx';
  context.workbook.seedSheet('表1 服务对象', values);
  const check = await checkWorkbook(asExcel, { requirements: ok });
  return aggregate([{ file: context.workbook.name, submission: check.submission, issues: check.issues }], deps);
}

/** Column letter of a summary column of 服务对象. */
function targetsColumn(key: string): string {
  return String.fromCharCode(65 + summaryColumns('targets').findIndex((c) => c.key === key));
}

function cellsOf(summary: Summary, options: { pivot?: boolean } = {}): number {
  return totalCells(planSummary(summary, options).blocks);
}

describe('writeSummary', () => {
  let summary: Summary;
  beforeAll(() => {
    summary = fixtureSummary();
  });

  test('the sheets and tables of the .xlsx summary, under the same names', () => {
    const { lists: _lists, ...xlsxSheets } = SUMMARY_SHEETS;
    const { pivot: _pivot, ...officeSheets } = OFFICE_SUMMARY_SHEETS;
    expect(officeSheets).toEqual(xlsxSheets);
    expect(OFFICE_SUMMARY_TABLES).toEqual(SUMMARY_TABLE_NAMES);
  });

  test('writes 说明, the three tables, 联合申报单位, 统计, 问题清单 and a PivotTable sheet as new sheets', async () => {
    const { context, asExcel } = createExcelDouble();
    const progress: [number, number][] = [];
    const result = await writeSummary(asExcel, summary, { requirements: ok, onProgress: (d, t) => progress.push([d, t]) });
    const book = context.workbook;
    expect(result.sheets).toEqual(['说明', '服务机构', '服务对象', '服务方案', '联合申报单位', '统计', '问题清单', '数据透视']);
    expect(book.sheets.map((s) => s.name)).toEqual(result.sheets);
    expect(result.pivotTable).toBe(true);
    expect(result.chart).toBe(true);

    const n = summary.rows;
    expect(book.allTables.map((t) => [t.name, t.worksheet.name, t.address])).toEqual([
      ['PT_Files', '说明', `A11:M${11 + summary.files.length}`],
      // One 合计 line per table, 联合申报单位 included.
      ['PT_Reconciliation', '说明', `A${11 + summary.files.length + 3}:E${11 + summary.files.length + 3 + summary.reconciliation.lines.length + 4}`],
      ['PT_Agencies', '服务机构', `A1:${String.fromCharCode(64 + summaryColumns('agencies').length)}${n.agencies.length + 1}`],
      ['PT_Targets', '服务对象', `A1:${String.fromCharCode(64 + summaryColumns('targets').length)}${n.targets.length + 1}`],
      ['PT_Schemes', '服务方案', `A1:${String.fromCharCode(64 + summaryColumns('schemes').length)}${n.schemes.length + 1}`],
      // The fixtures have no joint applicants: header and one blank row.
      ['PT_JointApplicants', '联合申报单位', `A1:${String.fromCharCode(64 + jointApplicantColumns().length)}2`],
      ['PT_Issues', '问题清单', `A1:M${summary.issues.length + 1}`],
    ]);
    expect(book.table('PT_Targets')!.headers).toEqual(summaryColumns('targets').map((c) => c.header));
    expect(book.table('PT_Issues')!.headers).toEqual(ISSUE_COLUMNS.map((c) => c.header));
    expect(book.table('PT_Targets')!.style).toBe('TableStyleMedium2');

    // Every row as the core lays it out; the issues in order.
    const targets = book.sheet('服务对象')!;
    const width = summaryColumns('targets').length;
    const last = String.fromCharCode(64 + width);
    expect(targets.getRange(`A2:${last}${n.targets.length + 1}`).values).toEqual(n.targets.map((r) => summaryRowValues(r)));
    expect(book.sheet('问题清单')!.getRange(`A2:M${summary.issues.length + 1}`).values).toEqual(summary.issues.map(issueRowValues));
    expect(book.sheet('说明')!.valueAt('A1')).toBe('网络安全保险服务试点 汇总表');
    expect(book.sheet('统计')!.valueAt('A1')).toBe('服务对象：地区 × 所在行业领域\u3000Targets: region × industry');

    // Phones, e-mails and codes are text before their value arrives; counts stay numbers.
    const columns = summaryColumns('targets');
    for (const key of ['contact', 'n.mobile', 'n.email', 'cell']) {
      const c = columns.findIndex((x) => x.key === key);
      for (let r = 1; r <= n.targets.length; r++) expect(targets.peek(r, c)?.formatAtWrite).toBe('@');
    }
    const count = columns.findIndex((x) => x.key === 'issueCount');
    expect(targets.peek(1, count)?.formatAtWrite).toBe('General');
    expect(typeof targets.peek(1, count)?.value).toBe('number');

    expect(targets.frozenRows).toBe(1);
    expect(book.sheet('问题清单')!.frozenRows).toBe(1);
    columns.forEach((c, i) => {
      const L = String.fromCharCode(65 + i);
      expect(targets.formatsAt(`${L}:${L}`).columnWidth).toBe(charsToPoints(c.width));
    });
    expect(targets.formatsAt(`A1:${last}1`)['font.bold']).toBe(true);

    // PivotTable: region × 行业领域, counting 企业名称 over the 服务对象 table.
    expect(book.pivots).toEqual([
      { name: 'PT_Pivot_RegionIndustry', sheet: '数据透视', source: 'PT_Targets', destination: 'A3', rows: ['来源地区'], columns: ['所在行业领域（规范值）'], data: [{ name: '企业名称', summarizeBy: 'Count' }] },
    ]);
    // Chart over the region × industry block, without its 合计 row and column.
    const tab = summary.statistics.regionByIndustry;
    expect(book.sheet('统计')!.chartList).toEqual([
      expect.objectContaining({ type: 'ColumnClustered', source: `A2:${String.fromCharCode(65 + tab.columns.length)}${2 + tab.rows.length}`, seriesBy: 'Columns', title: '服务对象：地区 × 所在行业领域' }),
    ]);
    expect(book.sheet('统计')!.getRange(`A2:A${2 + tab.rows.length}`).values.map((r) => r[0])).toEqual([tab.rowLabel, ...tab.rows.map((r) => r.label)]);

    const cells = cellsOf(summary);
    expect(result.syncs).toBe(4 + Math.ceil(cells / 10000));
    expect(context.syncCount).toBe(result.syncs);
    expect(progress[0]).toEqual([0, cells]);
    expect(progress[progress.length - 1]).toEqual([cells, cells]);
    expect(book.active).toBe('说明');
  });

  test('never overwrites: an existing sheet pushes the whole set (sheets, tables, pivot) to the next free number', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.seedSheet('说明', [['用户自己的说明']]);
    await writeSummary(asExcel, summary, { requirements: ok });
    const result = await writeSummary(asExcel, summary, { requirements: ok });
    expect(result.sheets).toEqual(['说明 (3)', '服务机构 (3)', '服务对象 (3)', '服务方案 (3)', '联合申报单位 (3)', '统计 (3)', '问题清单 (3)', '数据透视 (3)']);
    const book = context.workbook;
    expect(book.sheet('说明')!.valueAt('A1')).toBe('用户自己的说明');
    expect(book.sheet('说明 (2)')!.valueAt('A1')).toBe('网络安全保险服务试点 汇总表');
    expect(book.allTables.map((t) => t.name).filter((x) => x.startsWith('PT_Targets'))).toEqual(['PT_Targets_2', 'PT_Targets_3']);
    expect(book.pivots.map((p) => [p.name, p.source])).toEqual([
      ['PT_Pivot_RegionIndustry_2', 'PT_Targets_2'],
      ['PT_Pivot_RegionIndustry_3', 'PT_Targets_3'],
    ]);
  });

  test.each([10, 10000])('%i 服务对象 rows: syncs = 4 + ceil(cells / 10,000), chunks of 10,000 cells', async (rows) => {
    const s = await generatedSummary(rows);
    expect(s.rows.targets).toHaveLength(rows);
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, s, { requirements: ok });
    const cells = cellsOf(s);
    expect(result.syncs).toBe(4 + Math.ceil(cells / 10000));
    // Each chunk request carries its values and their number formats: 2 × 10,000 but the last.
    const chunkLoads = context.cellsPerSync.slice(2, 2 + Math.ceil(cells / 10000));
    expect(chunkLoads.slice(0, -1).every((c) => c === 20000)).toBe(true);
    expect(chunkLoads.reduce((a, b) => a + b, 0)).toBe(2 * cells);
    expect(context.workbook.sheet('服务对象')!.valueAt(`${targetsColumn('name')}${rows + 1}`)).toBe(`星海${rows}号科技有限公司`);
  });

  test('a chunk refused as too large is sent again at half the size', async () => {
    const s = await generatedSummary(3000);
    const { context, asExcel } = createExcelDouble();
    context.payloadLimitCells = 12000; // 10,000 values + formats is too much; 5,000 fits
    const result = await writeSummary(asExcel, s, { requirements: ok, chunkCells: 10000 });
    const cells = cellsOf(s);
    expect(context.refusedBatches).toEqual([20000]);
    expect(result.syncs).toBe(4 + 1 + Math.ceil(cells / 5000));
    expect(context.cellsPerSync.slice(2, -2).every((c) => c <= 10000)).toBe(true);
    expect(context.workbook.sheet('服务对象')!.getRange(`${targetsColumn('name')}2:${targetsColumn('name')}3001`).values.map((r) => r[0])).toEqual(s.rows.targets.map((r) => r.values.name));
  });

  test('the chunk size is an option, and other errors are not retried', async () => {
    const s = await generatedSummary(100);
    const small = createExcelDouble();
    const result = await writeSummary(small.asExcel, s, { requirements: ok, chunkCells: 500 });
    expect(result.syncs).toBe(4 + Math.ceil(cellsOf(s) / 500));

    const failing = createExcelDouble();
    const original = failing.context.sync.bind(failing.context);
    let n = 0;
    failing.context.sync = async () => {
      if (++n === 3) failing.context.failure = new Error('GeneralException: something else');
      return original();
    };
    await expect(writeSummary(failing.asExcel, s, { requirements: ok })).rejects.toThrow('GeneralException');
    expect(n).toBe(3);
  });

  test('without ExcelApi 1.8 there is no PivotTable, the rest is written; below 1.7 nothing is', async () => {
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, summary, { requirements: requirementsUpTo('1.7') });
    expect(result.pivotTable).toBe(false);
    expect(result.sheets).not.toContain('数据透视');
    expect(result.syncs).toBe(3 + Math.ceil(cellsOf(summary, { pivot: false }) / 10000));
    expect(context.workbook.allTables).toHaveLength(7);

    const old = createExcelDouble();
    const err = await writeSummary(old.asExcel, summary, { requirements: requirementsUpTo('1.6') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeFeatureError);
    expect((err as Error).message).toMatch(/写入汇总.*ExcelApi 1\.7/);
    expect(old.context.syncCount).toBe(0);
  });

  test('an empty summary still gets valid tables (one blank row each)', async () => {
    const empty = aggregate([], deps);
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, empty, { requirements: ok });
    expect(result.pivotTable).toBe(false);
    expect(result.chart).toBe(false);
    expect(context.workbook.table('PT_Targets')!.address).toBe(`A1:${String.fromCharCode(64 + summaryColumns('targets').length)}2`);
    expect(context.workbook.sheet('服务对象')!.valueAt('A2')).toBeUndefined();
    expect(context.workbook.table('PT_JointApplicants')!.headers).toEqual(jointApplicantColumns().map((c) => c.header));
    expect(context.workbook.table('PT_JointApplicants')!.address).toBe(`A1:${String.fromCharCode(64 + jointApplicantColumns().length)}2`);
    expect(context.workbook.sheet('联合申报单位')!.valueAt('A2')).toBeUndefined();
  });

  test('联合申报单位 of the 附件3 samples: a table with provenance, codes written as text, frozen header, widths', async () => {
    const dir = resolve(__dirname, '../samples/submissions');
    const inputs: AggregateInput[] = readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((file) => {
        const r = checkFile(readFileSync(join(dir, file)), file);
        return { file, submission: r.submission, issues: r.issues };
      });
    const s = aggregate(inputs, deps);
    expect(s.jointApplicants).toHaveLength(6);
    const { context, asExcel } = createExcelDouble();
    await writeSummary(asExcel, s, { requirements: ok });
    const book = context.workbook;
    const columns = jointApplicantColumns();
    const last = String.fromCharCode(64 + columns.length);
    expect(book.table('PT_JointApplicants')).toMatchObject({ address: `A1:${last}7`, style: 'TableStyleMedium2' });
    expect(book.table('PT_JointApplicants')!.worksheet.name).toBe('联合申报单位');
    expect(book.table('PT_JointApplicants')!.headers).toEqual(columns.map((c) => c.header));
    const sheet = book.sheet('联合申报单位')!;
    expect(sheet.getRange(`A2:${last}7`).values).toEqual(s.jointApplicants.map((r) => jointApplicantRowValues(r, columns)));
    expect(sheet.getRange(`A2:${last}7`).values.map((r) => r[1])).toEqual(new Array(6).fill('安盾财产保险股份有限公司'));
    const code = columns.findIndex((c) => c.key === 'creditCode');
    for (let r = 1; r <= 6; r++) {
      expect(sheet.peek(r, code)?.formatAtWrite).toBe('@');
      expect(String(sheet.peek(r, code)?.value)).toMatch(/^[0-9A-Z]{18}$/);
    }
    expect(sheet.frozenRows).toBe(1);
    columns.forEach((c, i) => {
      const L = String.fromCharCode(65 + i);
      expect(sheet.formatsAt(`${L}:${L}`).columnWidth).toBe(charsToPoints(c.width));
    });
    expect(sheet.formatsAt(`A1:${last}1`)['font.bold']).toBe(true);
    // The reconciliation on the cover counts them: its last 合计 line.
    const end = Number(book.table('PT_Reconciliation')!.address.split(':')[1].replace(/[A-Z]+/, ''));
    expect(book.sheet('说明')!.getRange(`A${end}:E${end}`).values).toEqual([['合计', '联合申报单位', 6, 6, '一致']]);
  });

  test('mask hides mobiles and e-mails in every cell', async () => {
    const { context, asExcel } = createExcelDouble();
    await writeSummary(asExcel, summary, { requirements: ok, mask: true });
    const texts = [...context.workbook.sheet('服务对象')!.cells.values()].map((c) => String(c.value ?? ''));
    expect(texts.some((t) => /1[3-9]\d{9}/.test(t))).toBe(false);
    expect(texts.some((t) => /\*{4}/.test(t))).toBe(true);
  });
});

