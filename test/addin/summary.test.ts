import { aggregate } from '../../src/core/aggregate/aggregate';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ISSUE_COLUMNS, issueRowValues, jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import type { AggregateInput, Summary } from '../../src/core/aggregate/types';
import { TABLES } from '../../src/core/notice';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { checkFile } from '../../src/xlsx/check';
import { buildSummaryWorkbook, SUMMARY_SHEETS, SUMMARY_TABLE_NAMES } from '../../src/xlsx/summary';
import { dropdownFor } from '../../src/xlsx/template-lists';
import { checkWorkbook, insertTemplate, LISTS_SHEET, OFFICE_SUMMARY_SHEETS, OFFICE_SUMMARY_TABLES, planSummary, writeSummary } from '../../src/office';
import { OfficeFeatureError } from '../../src/office/requirements';
import { totalCells } from '../../src/office/chunks';
import { MAX_PIVOT_HIDDEN_ITEMS } from '../../src/office/summary-plan';
import { workbookLists } from '../../src/office/template-form';
import { charsToPoints } from '../../src/office/units';
import { createExcelDouble, requirementsUpTo, type ContextDouble, type WorkbookDouble } from './excel-double';
import type ExcelJS from 'exceljs';
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

/**
 * A summary of one generated submission with `rows` 服务对象 rows; with `copies` > 1 the same file was sent that many
 * times (the later copies' rows are all flagged as duplicates of the first's).
 */
async function generatedSummary(rows: number, copies = 1): Promise<Summary> {
  const { context, asExcel } = createExcelDouble();
  const values: unknown[][] = [['表1 服务对象基本情况'], TABLES.targets.columns.map((c) => c.header)];
  const industries = ['电信和互联网', '工业互联网', '车联网', '医疗卫生'];
  for (let i = 1; i <= rows; i++) values.push([i, `星海${i}号科技有限公司`, industries[i % 4], '张伟', `${13800000000 + i} u${i}@qq.com`]);
  context.workbook.name = '广东省附件3表格.xlsx';
  context.workbook.seedSheet('表1 服务对象', values);
  const check = await checkWorkbook(asExcel, { requirements: ok });
  const files = Array.from({ length: copies }, (_, i) => (i === 0 ? context.workbook.name : `广东省附件3表格（第${i + 1}次报送）.xlsx`));
  return aggregate(
    files.map((file) => ({ file, submission: check.submission, issues: check.issues })),
    deps,
  );
}

const DUPLICATE_HEADER = summaryColumns('targets').find((c) => c.key === 'duplicateOf')!.header;

/** The 重复（首次出现于） texts of the duplicate-flagged 服务对象 rows, as the table holds them. */
function duplicateTexts(s: Summary): string[] {
  const i = summaryColumns('targets').findIndex((c) => c.key === 'duplicateOf');
  return s.rows.targets.filter((r) => r.duplicateOf).map((r) => String(summaryRowValues(r)[i]));
}

/** 统计's region × 行业领域 counts, zeros left out: what the PivotTable must show. */
function statisticsCounts(s: Summary): Map<string, Map<string, number>> {
  const tab = s.statistics.regionByIndustry;
  return new Map(
    tab.rows
      .filter((r) => r.total > 0)
      .map((r) => [r.label, new Map(tab.columns.map((c, j) => [c, r.counts[j]] as const).filter(([, n]) => n > 0))] as const),
  );
}

/** Every validation in the workbook: sheet, address, the list it offers (read through its name), alert style and title. */
function validationsIn(book: WorkbookDouble): { sheet: string; address: string; values: string[]; style: string; title: string }[] {
  return book.sheets.flatMap((sheet) =>
    sheet.validations.map((v) => {
      const rule = v.rule as { list: { inCellDropDown: boolean; source: string } };
      expect(rule.list.inCellDropDown).toBe(true);
      const formula = book.namedItems.get(rule.list.source.replace(/^=/, '').toLowerCase())!.formula;
      const [listSheet, area] = formula.replace(/^=/, '').split('!');
      const values = book.sheet(listSheet)!.getRange(area.replace(/\$/g, '')).values.map((r) => String(r[0]));
      const alert = v.errorAlert as { showAlert: boolean; style: string; title: string };
      expect(alert.showAlert).toBe(true);
      return { sheet: sheet.name, address: v.address, values, style: alert.style, title: alert.title };
    }),
  );
}

/** The validations the exceljs summary writes for the same summary, in the same shape. */
function xlsxValidations(s: Summary): { sheet: string; address: string; values: string[]; style: string; title: string }[] {
  const wb = buildSummaryWorkbook(s);
  return wb.worksheets.flatMap((ws) => {
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
    return Object.entries(model).map(([address, dv]) => ({
      sheet: ws.name,
      address,
      values: [...dropdownFor(dv!.formulae[0].replace(/^List_/, '') as Parameters<typeof dropdownFor>[0]).values],
      style: dv!.errorStyle === 'warning' ? 'Warning' : 'Stop',
      title: dv!.errorTitle!,
    }));
  });
}

/** Counts, after each sync, of the validations in the workbook. */
function validationsPerSync(context: ContextDouble): number[] {
  const after: number[] = [];
  const original = context.sync.bind(context);
  context.sync = async () => {
    await original();
    after.push(context.workbook.sheets.reduce((n, sh) => n + sh.validations.length, 0));
  };
  return after;
}

/** Column letter of a summary column of 服务对象. */
function targetsColumn(key: string): string {
  return String.fromCharCode(65 + summaryColumns('targets').findIndex((c) => c.key === key));
}

function cellsOf(summary: Summary, options: { pivot?: boolean } = {}): number {
  return totalCells(planSummary(summary, options).blocks);
}


/** The bundled sample submissions, read as the CLI reads them. */
function sampleInputs(): AggregateInput[] {
  const dir = resolve(__dirname, '../samples/submissions');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((file) => {
      const r = checkFile(readFileSync(join(dir, file)), file);
      return { file, submission: r.submission, issues: r.issues };
    });
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
    // The dropdowns' lists sheet first, very hidden, as 插入模板 writes it.
    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, ...result.sheets]);
    expect(book.sheet(LISTS_SHEET)!.visibility).toBe('VeryHidden');
    expect(result.pivotTable).toBe(true);
    expect(result.pivotExcludesDuplicates).toBe(true);
    expect(result.dropdowns).toBe(true);
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

    // PivotTable: region × 行业领域, counting 企业名称 over the 服务对象 table; the fixtures' one duplicate row hidden
    // by a report filter on 重复（首次出现于）, which Excel puts two rows above the PivotTable (A3, under the note).
    expect(duplicateTexts(summary)).toHaveLength(1);
    expect(book.pivots).toEqual([
      {
        name: 'PT_Pivot_RegionIndustry',
        sheet: '数据透视',
        source: 'PT_Targets',
        destination: 'A5',
        rows: ['来源地区'],
        columns: ['所在行业领域（规范值）'],
        data: [{ name: '企业名称', summarizeBy: 'Count' }],
        filters: [{ name: '重复（首次出现于）', enableMultipleFilterItems: true, hidden: duplicateTexts(summary) }],
      },
    ]);
    expect(book.pivotCounts('PT_Pivot_RegionIndustry')).toEqual(statisticsCounts(summary));
    expect(book.sheet('数据透视')!.valueAt('A2')).toBe('不含标为重复的 1 行（筛选“重复（首次出现于）”只保留空白），与“统计”一致。\u3000The 1 duplicate-flagged rows are filtered out, as on 统计.');
    // Chart over the region × industry block, without its 合计 row and column.
    const tab = summary.statistics.regionByIndustry;
    expect(book.sheet('统计')!.chartList).toEqual([
      expect.objectContaining({ type: 'ColumnClustered', source: `A2:${String.fromCharCode(65 + tab.columns.length)}${2 + tab.rows.length}`, seriesBy: 'Columns', title: '服务对象：地区 × 所在行业领域' }),
    ]);
    expect(book.sheet('统计')!.getRange(`A2:A${2 + tab.rows.length}`).values.map((r) => r[0])).toEqual([tab.rowLabel, ...tab.rows.map((r) => r.label)]);

    const cells = cellsOf(summary);
    // Probe, create (with the lists and dropdowns), value chunks, finish, PivotTable (with its filter): 4 + chunks.
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
    expect(result.pivotExcludesDuplicates).toBe(false);
    // Range.dataValidation is ExcelApi 1.8 too: no dropdowns, no lists sheet.
    expect(result.dropdowns).toBe(false);
    expect(context.workbook.sheets.map((s) => s.name)).toEqual(result.sheets);
    expect(context.workbook.sheets.every((s) => s.validations.length === 0)).toBe(true);
    expect(context.workbook.namedItems.size).toBe(0);
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
    const s = aggregate(sampleInputs(), deps);
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
    // The reconciliation on the cover counts them: its 合计 line for 联合申报单位 (after it come rows not merged, such
    // as the 四川 sample's hidden old sheet).
    const [start, end] = book.table('PT_Reconciliation')!.address.split(':').map((a) => Number(a.replace(/[A-Z]+/, '')));
    const lines = book.sheet('说明')!.getRange(`A${start}:E${end}`).values;
    expect(lines).toContainEqual(['合计', '联合申报单位', 6, 6, '一致']);
    expect(lines[lines.length - 1]).toEqual(['四川省附件2表格（修改版）.xlsx', '服务对象（隐藏工作表“旧版（勿用）”第 2 行的表）', 3, 0, '未汇总']);
  });

  test('mask hides mobiles and e-mails in every cell', async () => {
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, summary, { requirements: ok, mask: true });
    const texts = [...context.workbook.sheet('服务对象')!.cells.values()].map((c) => String(c.value ?? ''));
    expect(texts.some((t) => /1[3-9]\d{9}/.test(t))).toBe(false);
    expect(texts.some((t) => /\*{4}/.test(t))).toBe(true);
    // The PivotTable filter hides the entries as masked in the table (an unknown entry would fail the request).
    expect(result.pivotExcludesDuplicates).toBe(true);
    expect(context.workbook.pivotCounts('PT_Pivot_RegionIndustry')).toEqual(statisticsCounts(summary));
  });
});

describe('writeSummary: dropdowns on the category columns', () => {
  let summary: Summary;
  beforeAll(() => {
    summary = fixtureSummary();
  });

  test('each category column of each data sheet, over its data rows, as the .xlsx summary: same ranges, lists, alert styles; sent with the create request', async () => {
    const { context, asExcel } = createExcelDouble();
    const after = validationsPerSync(context);
    const result = await writeSummary(asExcel, summary, { requirements: ok });
    const book = context.workbook;
    const n = summary.rows;

    const found = validationsIn(book);
    // 机构类型 (H) on 服务机构, 所在行业领域 (H) on 服务对象, 方案类型 (H) and 行业领域 (I) on 服务方案; nothing on the
    // normalised columns, 联合申报单位, 统计 or 问题清单.
    expect(found.map((v) => [v.sheet, v.address, v.title])).toEqual([
      ['服务机构', `H2:H${n.agencies.length + 1}`, '机构类型'],
      ['服务对象', `H2:H${n.targets.length + 1}`, '所在行业领域'],
      ['服务方案', `H2:H${n.schemes.length + 1}`, '方案类型'],
      ['服务方案', `I2:I${n.schemes.length + 1}`, '行业领域'],
    ]);
    expect(found).toEqual(xlsxValidations(summary));
    // 方案类型 is a closed list: stop; the others are open (the notice ends them with 等): warning.
    expect(found.map((v) => v.style)).toEqual(['Warning', 'Warning', 'Stop', 'Warning']);
    expect(book.sheet('服务方案')!.validations[0].errorAlert).toEqual({ showAlert: true, style: 'Stop', title: '方案类型', message: '「方案类型」只能填写：企业类、产品服务类。' });
    expect((book.sheet('服务对象')!.validations[0].errorAlert as { message: string }).message).toBe('「所在行业领域」请优先从下拉列表中选择；列表外的值会在校验时提示核实。');
    // The lists sheet holds every list under its workbook name, 单位性质 included (插入模板 relies on it).
    for (const list of workbookLists()) {
      expect(book.namedItems.get(list.name.toLowerCase())!.formula).toBe(list.formula);
      expect(book.sheet(LISTS_SHEET)!.getRange(`${list.column}1:${list.column}${list.values.length}`).values).toEqual(list.values.map((v) => [v]));
    }

    // All in round trip 2 (the create request, with the lists' cells): no sync was added for them.
    expect(after).toEqual([0, 4, 4, ...new Array<number>(result.syncs - 3).fill(4)]);
    expect(context.cellsPerSync[1]).toBe(workbookLists().reduce((c, l) => c + l.values.length, 0));
    expect(result.syncs).toBe(4 + Math.ceil(cellsOf(summary) / 10000));
  });

  test('an empty summary: each dropdown covers its table\'s blank row (Excel reports H2:H2 as H2)', async () => {
    const { context, asExcel } = createExcelDouble();
    const empty = aggregate([], deps);
    expect(planSummary(empty).validations.map((v) => v.address)).toEqual(['H2:H2', 'H2:H2', 'H2:H2', 'I2:I2']);
    await writeSummary(asExcel, empty, { requirements: ok });
    expect(validationsIn(context.workbook).map((v) => [v.sheet, v.address])).toEqual([
      ['服务机构', 'H2'],
      ['服务对象', 'H2'],
      ['服务方案', 'H2'],
      ['服务方案', 'I2'],
    ]);
  });

  test('10,000 rows: one validation per column over all of them, and still 4 + ceil(cells / 10,000) syncs', async () => {
    const s = await generatedSummary(10000);
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, s, { requirements: ok });
    expect(validationsIn(context.workbook).map((v) => [v.sheet, v.address])).toEqual([
      ['服务机构', 'H2'],
      ['服务对象', 'H2:H10001'],
      ['服务方案', 'H2'],
      ['服务方案', 'I2'],
    ]);
    expect(result.syncs).toBe(4 + Math.ceil(cellsOf(s) / 10000));
  });

  test('after 插入模板 the lists sheet is rewritten in place: one PT_Lists, every name still defined, the template\'s dropdowns intact', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    const before = context.syncCount;
    const templateRules = context.workbook.sheets.flatMap((sh) => sh.validations.map((v) => [sh.name, v.address, v.rule]));
    const result = await writeSummary(asExcel, summary, { requirements: ok });
    const book = context.workbook;
    expect(book.sheets.filter((sh) => sh.name === LISTS_SHEET)).toHaveLength(1);
    expect(book.sheet(LISTS_SHEET)!.visibility).toBe('VeryHidden');
    for (const list of workbookLists()) {
      expect(book.namedItems.get(list.name.toLowerCase())!.formula).toBe(list.formula);
      expect(book.sheet(LISTS_SHEET)!.getRange(`${list.column}1:${list.column}${list.values.length}`).values).toEqual(list.values.map((v) => [v]));
    }
    expect(book.sheets.filter((sh) => !result.sheets.includes(sh.name)).flatMap((sh) => sh.validations.map((v) => [sh.name, v.address, v.rule]))).toEqual(templateRules);
    // The template's PT_agencies … take the summary's table names (Excel compares them case-insensitively): set 2.
    expect(result.sheets[1]).toBe('服务机构 (2)');
    expect(validationsIn(book).filter((v) => result.sheets.includes(v.sheet))).toEqual(xlsxValidations(summary).map((v) => ({ ...v, sheet: `${v.sheet} (2)` })));
    expect(context.syncCount - before).toBe(4 + Math.ceil(cellsOf(summary) / 10000));
  });
});

describe('writeSummary: the PivotTable counts what 统计 counts', () => {
  test('a file sent twice: every row of the second copy is hidden by the 重复（首次出现于） filter; counts equal 统计; no extra sync', async () => {
    const s = await generatedSummary(10, 2);
    expect(s.rows.targets).toHaveLength(20);
    const duplicates = duplicateTexts(s);
    expect(duplicates).toHaveLength(10);
    expect(duplicates[0]).toBe('《广东省附件3表格.xlsx》 表1 服务对象 B3');
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, s, { requirements: ok });
    const book = context.workbook;
    expect(result.pivotTable).toBe(true);
    expect(result.pivotExcludesDuplicates).toBe(true);
    expect(book.pivot('PT_Pivot_RegionIndustry')).toMatchObject({
      destination: 'A5',
      rows: ['来源地区'],
      columns: ['所在行业领域（规范值）'],
      filters: [{ name: DUPLICATE_HEADER, enableMultipleFilterItems: true, hidden: duplicates }],
    });
    // Each region × industry as on 统计: 10 enterprises, not 20.
    expect(book.pivotCounts('PT_Pivot_RegionIndustry')).toEqual(statisticsCounts(s));
    expect(book.pivotCounts('PT_Pivot_RegionIndustry')).toEqual(new Map([['广东省', new Map([['电信和互联网', 2], ['工业互联网', 3], ['车联网', 3], ['医疗卫生', 2]])]]));
    expect(book.sheet('数据透视')!.valueAt('A2')).toMatch(/^不含标为重复的 10 行/);
    // The table itself keeps every row, flagged.
    expect(book.table('PT_Targets')!.address).toBe(`A1:${String.fromCharCode(64 + summaryColumns('targets').length)}21`);
    expect(result.syncs).toBe(4 + Math.ceil(cellsOf(s) / 10000));
    expect(context.syncCount).toBe(result.syncs);
  });

  test('the 12 samples (辽宁省 sent an updated file, enterprises listed by two regions): the PivotTable equals 统计 cell by cell', async () => {
    const s = aggregate(sampleInputs(), deps);
    expect(duplicateTexts(s)).toHaveLength(12);
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, s, { requirements: ok });
    expect(result.pivotExcludesDuplicates).toBe(true);
    const counts = context.workbook.pivotCounts('PT_Pivot_RegionIndustry');
    expect(counts).toEqual(statisticsCounts(s));
    expect([...counts.values()].reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0)).toBe(s.statistics.regionByIndustry.total);
    // Without the filter the PivotTable would count every row.
    expect(s.statistics.regionByIndustry.total).toBe(s.rows.targets.length - 12);
  });

  test('no duplicates: no filter, no note, the PivotTable at A3 as before', async () => {
    const s = await generatedSummary(10);
    expect(duplicateTexts(s)).toEqual([]);
    const { context, asExcel } = createExcelDouble();
    const result = await writeSummary(asExcel, s, { requirements: ok });
    expect(result.pivotTable).toBe(true);
    expect(result.pivotExcludesDuplicates).toBe(false);
    expect(context.workbook.pivot('PT_Pivot_RegionIndustry')).toMatchObject({ destination: 'A3', filters: [] });
    expect(context.workbook.sheet('数据透视')!.valueAt('A2')).toBeUndefined();
    expect(context.workbook.pivotCounts('PT_Pivot_RegionIndustry')).toEqual(statisticsCounts(s));
    expect(context.ops.some((o) => o.kind.startsWith('pivot.filters') || o.kind === 'pivot.item.visible')).toBe(false);
  });

  test('a host that refuses the PivotTable request keeps everything else, and no note claims a filter', async () => {
    const s = await generatedSummary(10, 2);
    const { context, asExcel } = createExcelDouble();
    const original = context.sync.bind(context);
    const last = 4 + Math.ceil(cellsOf(s) / 10000);
    let n = 0;
    context.sync = async () => {
      if (++n === last) context.failure = new Error('ApiNotFound: filterHierarchies');
      return original();
    };
    const result = await writeSummary(asExcel, s, { requirements: ok });
    expect(result).toMatchObject({ pivotTable: false, pivotExcludesDuplicates: false, dropdowns: true, chart: true, syncs: last });
    expect(context.workbook.pivots).toEqual([]);
    expect(context.workbook.allTables).toHaveLength(7);
    expect(context.workbook.sheet('数据透视')!.valueAt('A2')).toBeUndefined();
    expect(validationsIn(context.workbook)).toHaveLength(4);
  });

  test('too many duplicate entries to hide in one request: no filter, the note says the PivotTable counts them', async () => {
    expect(MAX_PIVOT_HIDDEN_ITEMS).toBe(5000);
    const s = await generatedSummary(10, 2);
    const within = planSummary(s, { maxHiddenItems: 10 }).pivot!;
    expect(within.filter).toEqual({ field: DUPLICATE_HEADER, hidden: duplicateTexts(s) });
    const over = planSummary(s, { maxHiddenItems: 9 }).pivot!;
    expect(over.filter).toBeUndefined();
    expect(over.destination).toBe('A3');
    expect(over.note).toEqual({
      address: 'A2',
      text: '含标为重复的 10 行（太多，未筛除）；“统计”不含这些行。\u3000Counts the 10 duplicate-flagged rows (too many to filter out); 统计 leaves them out.',
    });
  });
});

describe('the Excel double refuses what Excel refuses', () => {
  test('a list validation naming an undefined name, an unknown PivotTable item, hiding the last visible item', async () => {
    const { context, asExcel } = createExcelDouble();
    const book = context.workbook;
    const sheet = book.seedSheet('S', [['k', 'v'], ['a', 1], ['b', 2], ['', 3]]);
    sheet.getRange('A2:A3').dataValidation.rule = { list: { inCellDropDown: true, source: '=PT_List_missing' } };
    await expect(context.sync()).rejects.toThrow('InvalidArgument');
    expect(sheet.validations).toEqual([]);

    sheet.tables.add('A1:B4', true);
    await context.sync();
    const pt = (asExcel.workbook.worksheets.getItem('S') as unknown as Excel.Worksheet).pivotTables.add('P', asExcel.workbook.tables.getItem('Table1'), 'D1' as unknown as Excel.Range);
    await context.sync();
    const f = pt.filterHierarchies.add(pt.hierarchies.getItem('k'));
    f.fields.getItem('k').items.getItem('zzz').visible = false;
    await expect(context.sync()).rejects.toThrow('ItemNotFound');
    const g = pt.filterHierarchies.add(pt.hierarchies.getItem('k'));
    g.fields.getItem('k').items.getItem('A').visible = false; // items match case-insensitively
    g.fields.getItem('k').items.getItem('b').visible = false;
    await context.sync();
    expect(book.pivot('P')!.filters.at(-1)!.hidden).toEqual(['a', 'b']);
    const h = pt.filterHierarchies.add(pt.hierarchies.getItem('k'));
    h.fields.getItem('k').items.getItem('a').visible = false;
    h.fields.getItem('k').items.getItem('b').visible = false;
    h.fields.getItem('k').items.getItem('(blank)').visible = false;
    await expect(context.sync()).rejects.toThrow('at least one pivot item');
  });
});

