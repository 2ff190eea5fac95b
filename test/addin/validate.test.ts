import { checkFile } from '../../src/xlsx/check';
import { TABLES } from '../../src/core/notice';
import type { Issue } from '../../src/core/issues';
import { applyFixes, checkWorkbook, clearMarks, selectIssueCell } from '../../src/office';
import { OfficeFeatureError } from '../../src/office/requirements';
import { markFormula, planMarks } from '../../src/office/marks';
import { READ_BLOCK_CELLS, needsTextFormat } from '../../src/office/validate';
import { createExcelDouble, requirementsUpTo, type ContextDouble } from './excel-double';
import { fixture, fixtureDouble } from './fixture-book';

const ok = requirementsUpTo('1.13');
const FIXTURE_DIRS = ['01-江苏省', '03-广东省', '05-厦门市', '08-北京市'];

function key(i: Issue): string {
  return [i.code, i.severity, i.sheet ?? '', i.cell ?? '', i.fix ? `${i.fix.value}|${i.fix.certain}` : ''].join(' ');
}

/** A 附件3 服务对象 table of `rows` rows on one sheet; every third row has no e-mail (an error). */
function targetsBook(rows: number): { context: ContextDouble; asExcel: Excel.RequestContext } {
  const double = createExcelDouble();
  const values: unknown[][] = [['表1 服务对象基本情况'], TABLES.targets.columns.map((c) => c.header)];
  for (let i = 1; i <= rows; i++) {
    const mobile = 13800000000 + i;
    values.push([i, `星海${i}号科技有限公司`, '电信和互联网', '张伟', i % 3 === 0 ? String(mobile) : `${mobile} u${i}@qq.com`]);
  }
  double.context.workbook.name = '广东省附件3表格.xlsx';
  double.context.workbook.seedSheet('表1 服务对象', values);
  return double;
}

describe('checkWorkbook reads the workbook as the file path does', () => {
  test.each(FIXTURE_DIRS)('%s: the same issues as checkFile on the .xlsx, in two round trips', async (dir) => {
    const { context, asExcel, expected } = fixtureDouble(dir);
    const result = await checkWorkbook(asExcel, { requirements: ok });
    const { bytes, file } = fixture(dir);
    const fromFile = checkFile(bytes, file);
    expect(result.issues.map(key)).toEqual(fromFile.issues.map(key));
    expect(result.submission.region?.name).toBe(expected.region);
    expect(result.submission.variant).toBe(expected.variant);
    for (const t of result.tables) expect(t.rows).toBe(expected.rowCounts[t.table]);
    expect(context.syncCount).toBe(2);
    expect(result.marked).toBe(0);
    expect(context.ops).toEqual([]); // a check without marks writes nothing
  });

  test('03-广东省: the full-width ＠ at 服务对象!E11 is an error with its certain fix', async () => {
    const { asExcel } = fixtureDouble('03-广东省');
    const result = await checkWorkbook(asExcel, { requirements: ok });
    const issue = result.issues.find((i) => i.code === 'contact.email-invalid');
    expect(issue).toMatchObject({ severity: 'error', sheet: '服务对象', cell: 'E11', table: 'targets', fix: { value: 'xiongwei@126.com/18214225453', certain: true } });
    expect(result.tables).toEqual([
      { table: 'agencies', sheet: '服务机构', headerRow: 3, rows: 5 },
      { table: 'targets', sheet: '服务对象', headerRow: 3, rows: 9 },
      { table: 'schemes', sheet: '服务方案', headerRow: 3, rows: 3 },
    ]);
  });

  test('phones stored as numbers are read as their digits, not 1.38E+10', async () => {
    const { asExcel } = targetsBook(3);
    const result = await checkWorkbook(asExcel, { requirements: ok });
    const rows = result.submission.tables.targets!.rows;
    expect(rows[2].cells.contact.text).toBe('13800000003');
    expect(rows[0].cells.contact.text).toBe('13800000001 u1@qq.com');
    expect(result.issues.filter((i) => i.code.startsWith('contact.mobile'))).toEqual([]);
    expect(result.issues.filter((i) => i.sheet === '表1 服务对象' && i.severity === 'error').map((i) => i.cell)).toEqual(['E5']);
  });

  test('merged cells are read where the host has them (ExcelApi 1.13): a vertical merge fills the rows under it', async () => {
    const seed = (book: ContextDouble['workbook']) =>
      book.seedSheet(
        'S',
        [
          ['表1 服务对象基本情况'],
          TABLES.targets.columns.map((c) => c.header),
          [1, '甲公司', '工业互联网', '张伟', '13800000001 a@qq.com'],
          [2, '乙公司', '', '李娜', '13800000002 b@qq.com'],
        ],
        { merges: ['A1:E1', 'C3:C4'] },
      );
    const missingC4 = (issues: Issue[]) => issues.filter((i) => i.cell === 'C4' && i.code === 'required.missing');
    const withMerges = createExcelDouble();
    seed(withMerges.context.workbook);
    expect(missingC4((await checkWorkbook(withMerges.asExcel, { requirements: ok })).issues)).toEqual([]);
    expect(withMerges.context.syncCount).toBe(2);
    // An older host reads the same sheet without merge information: C4 is then empty.
    const without = createExcelDouble();
    seed(without.context.workbook);
    expect(missingC4((await checkWorkbook(without.asExcel, { requirements: requirementsUpTo('1.12') })).issues)).toHaveLength(1);
  });

  test('hidden sheets are read (and reported), the lists sheet is not data', async () => {
    const { asExcel, context } = targetsBook(2);
    context.workbook.seedSheet('旧数据', [['企业名称'], ['某公司']], { visibility: 'Hidden' });
    context.workbook.seedSheet('PT_Lists', [['保险公司'], ['再保险公司']], { visibility: 'VeryHidden' });
    const result = await checkWorkbook(asExcel, { requirements: ok });
    expect(result.issues.filter((i) => i.code === 'workbook.hidden-sheet').map((i) => i.sheet)).toEqual(['旧数据']);
  });
});

describe('a workbook too large for one response (Excel on the web: 5 MB)', () => {
  test('is read again in row blocks: the same issues and marks as a one-shot read, every response under the limit', async () => {
    const rows = 6000;
    const oneShot = await checkWorkbook(targetsBook(rows).asExcel, { mark: true, requirements: ok });

    const big = targetsBook(rows);
    // The double counts a response as values + number formats: the used range is 2 × 6,002 × 5 = 60,020, refused;
    // a block of READ_BLOCK_CELLS (20,000 cells) sends back 40,000.
    big.context.responseLimitCells = 2 * READ_BLOCK_CELLS;
    const blocked = await checkWorkbook(big.asExcel, { mark: true, requirements: ok });
    expect(blocked.issues.map(key)).toEqual(oneShot.issues.map(key));
    expect(blocked.marked).toBe(oneShot.marked);
    expect(blocked.tables).toEqual(oneShot.tables);
    expect(big.context.refusedResponses).toEqual([60_020]);
    expect(Math.max(...big.context.responseCellsPerSync)).toBeLessThanOrEqual(2 * READ_BLOCK_CELLS);
    // sheets, the refused read, sizes + merges + marks, ceil(6,002 rows / 4,000 rows per block) = 2 blocks, marks:
    // a fallback costs round trips only past the limit.
    expect(big.context.syncCount).toBe(1 + 1 + 1 + 2 + 1);
  });

  test('blocks are halved while the host still refuses them, down to what it accepts', async () => {
    const big = targetsBook(3000);
    big.context.responseLimitCells = 9_000; // 20,000-cell blocks are refused, then 10,000, then 5,000 (2 × 5,000 > 9,000) …
    const blocked = await checkWorkbook(big.asExcel, { requirements: ok });
    const oneShot = await checkWorkbook(targetsBook(3000).asExcel, { requirements: ok });
    expect(blocked.issues.map(key)).toEqual(oneShot.issues.map(key));
    expect(Math.max(...big.context.responseCellsPerSync)).toBeLessThanOrEqual(9_000);
    expect(big.context.refusedResponses.length).toBeGreaterThan(1);
  });

  test('a refusal that is not about size is not retried', async () => {
    const { context, asExcel } = targetsBook(10);
    await checkWorkbook(asExcel, { requirements: ok }); // warm: the double answers
    context.failure = new Error('GeneralException');
    await expect(checkWorkbook(asExcel, { requirements: ok })).rejects.toThrow('GeneralException');
  });
});

describe('marks', () => {
  test('03-广东省: one red conditional format on 服务对象!E11, tagged as ours, in a third round trip', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    const result = await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(result.marked).toBe(1);
    expect(context.syncCount).toBe(3);
    const cfs = context.workbook.sheet('服务对象')!.conditionalFormats;
    expect(cfs).toEqual([
      expect.objectContaining({ type: 'Custom', address: 'E11', formula: '=ISTEXT("PilotTables-mark:error:1")', fill: '#FFC7CE', fontColor: '#9C0006' }),
    ]);
    // Marks are formats only: no value, number format or cell fill was written.
    expect(context.ops.map((o) => `${o.kind} ${o.address}`)).toEqual([
      'conditionalFormats.add E11',
      'conditionalFormat.formula E11',
      'conditionalFormat.fill.color E11',
      'conditionalFormat.font.color E11',
    ]);
  });

  test('errors red, warnings yellow, one rule per sheet and severity; a cell with both is red', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.seedSheet('S', [
      ['表1 服务对象基本情况'],
      TABLES.targets.columns.map((c) => c.header),
      [1, '甲公司', '养殖业', '张伟', '13800000001 a@qq.com'], // C3: not a listed industry (warning)
      [2, '乙公司', '电信与互联网', '李娜', '13800000001 a@qq.com'], // C4: a variant (error, certain fix); E4: shared mobile and e-mail (warnings)
      [3, '丙公司', '车联网', '王强', '13800000003 c@qq.com'],
    ]);
    const result = await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(result.issues.filter((i) => i.sheet === 'S' && i.cell).map((i) => `${i.severity} ${i.cell}`).sort()).toEqual(['error C4', 'warning C3', 'warning E4', 'warning E4']);
    expect(context.workbook.sheet('S')!.conditionalFormats.map((c) => [c.address, c.formula, c.fill, c.fontColor])).toEqual([
      ['C4', markFormula('error', 1), '#FFC7CE', '#9C0006'],
      ['C3, E4', markFormula('warning', 2), '#FFEB9C', '#9C5700'],
    ]);
    expect(result.marked).toBe(3);
  });

  test.each([10, 10000])('%i rows: the same three round trips, and a bounded number of rules', async (rows) => {
    const { context, asExcel } = targetsBook(rows);
    const result = await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(context.syncCount).toBe(3);
    expect(result.marked).toBe(Math.floor(rows / 3));
    const cfs = context.workbook.sheet('表1 服务对象')!.conditionalFormats;
    expect(cfs.length).toBe(Math.ceil(Math.floor(rows / 3) / 100));
    expect(cfs[0].address.startsWith('E5, E8, E11')).toBe(true);
  });

  test('checking again replaces our marks instead of piling them up', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    await checkWorkbook(asExcel, { mark: true, requirements: ok });
    await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(context.workbook.sheet('服务对象')!.conditionalFormats).toHaveLength(1);
    // The user fixes the cell: the next marking check leaves no mark.
    context.workbook.sheet('服务对象')!.cell(10, 4).value = 'xiongwei@126.com/18214225453';
    const result = await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(result.marked).toBe(0);
    expect(context.workbook.sheet('服务对象')!.conditionalFormats).toHaveLength(0);
  });

  test('clearMarks removes exactly ours and leaves the user\'s fill and conditional formats', async () => {
    const { context, asExcel } = fixtureDouble('08-北京市');
    const sheet = context.workbook.sheet('附件2')!;
    // The user's own formatting, in our very colour, on a marked cell.
    sheet.getRange('C6').format.fill.color = '#FFC7CE';
    const userRule = sheet.getRange('E12:E18').conditionalFormats.add('Custom');
    userRule.custom.rule.formula = '=LEN(E12)>40';
    userRule.custom.format.fill.color = '#FFC7CE';
    await context.sync();
    const result = await checkWorkbook(asExcel, { mark: true, requirements: ok });
    expect(sheet.conditionalFormats.length).toBeGreaterThan(1);

    const before = context.syncCount;
    const cleared = await clearMarks(asExcel, { requirements: ok });
    expect(cleared).toBe(result.marked);
    expect(context.syncCount - before).toBe(3);
    expect(sheet.conditionalFormats).toEqual([expect.objectContaining({ address: 'E12:E18', formula: '=LEN(E12)>40', fill: '#FFC7CE' })]);
    expect(sheet.formatsAt('C6')).toEqual({ 'fill.color': '#FFC7CE' });
    // Nothing left to clear: two round trips, nothing written.
    expect(await clearMarks(asExcel, { requirements: ok })).toBe(0);
  });

  test('planMarks merges runs of a column and keeps the error when a cell has both', () => {
    const at = (cell: string, severity: Issue['severity']): Issue => ({ code: 'x', severity, table: 'targets', sheet: 'S', cell, message: '', messageEn: '' });
    const plan = planMarks([at('E5', 'error'), at('E6', 'error'), at('E7', 'error'), at('E9', 'error'), at('C2', 'warning'), at('E6', 'warning'), at('B1', 'info'), { ...at('A1', 'error'), sheet: 'Gone' }], new Set(['S']));
    expect(plan.rules).toEqual([
      { sheet: 'S', severity: 'error', address: 'E5:E7, E9', cells: 4 },
      { sheet: 'S', severity: 'warning', address: 'C2', cells: 1 },
    ]);
    expect(plan.cells).toBe(5);
    expect(markFormula('warning', 3)).toBe('=ISTEXT("PilotTables-mark:warning:3")');
  });

  test('marking needs ExcelApi 1.9: a clear message, no round trip', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    const err = await checkWorkbook(asExcel, { mark: true, requirements: requirementsUpTo('1.8') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeFeatureError);
    expect((err as Error).message).toMatch(/标记问题单元格.*ExcelApi 1\.9/);
    expect((err as OfficeFeatureError).messageEn).toMatch(/mark invalid cells/);
    expect(context.syncCount).toBe(0);
  });
});

describe('applyFixes', () => {
  test('08-北京市: writes the certain fixes only, each once, in three round trips', async () => {
    const { context, asExcel } = fixtureDouble('08-北京市');
    const { issues } = await checkWorkbook(asExcel, { requirements: ok });
    const certain = issues.filter((i) => i.fix?.certain);
    const uncertain = issues.filter((i) => i.fix && !i.fix.certain);
    expect(certain.map((i) => i.cell)).toEqual(['C6', 'C13']);
    expect(uncertain.map((i) => i.cell)).toEqual(['E16']);
    const sheet = context.workbook.sheet('附件2')!;
    const e16 = sheet.valueAt('E16');

    const before = context.syncCount;
    expect(await applyFixes(asExcel, issues)).toBe(2);
    expect(context.syncCount - before).toBe(3);
    expect(sheet.valueAt('C6')).toBe('保险中介机构');
    expect(sheet.valueAt('C13')).toBe('电信和互联网');
    expect(sheet.valueAt('E16')).toBe(e16);
    expect(context.ops.filter((o) => o.kind === 'values').map((o) => o.address)).toEqual(['C6', 'C13']);
    // Category cells take the value as text in a General cell: no number format touched.
    expect(context.ops.filter((o) => o.kind === 'numberFormat')).toEqual([]);
    const again = await checkWorkbook(asExcel, { requirements: ok });
    expect(again.issues.filter((i) => i.code === 'category.not-in-vocabulary')).toEqual([]);
  });

  test('03-广东省: a contact fix is written as text (@ before the value)', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    const { issues } = await checkWorkbook(asExcel, { requirements: ok });
    expect(await applyFixes(asExcel, issues)).toBe(1);
    const sheet = context.workbook.sheet('服务对象')!;
    expect(sheet.valueAt('E11')).toBe('xiongwei@126.com/18214225453');
    expect(sheet.peek(10, 4)?.formatAtWrite).toBe('@');
    expect(context.ops.map((o) => `${o.kind} ${o.address}`)).toEqual(['numberFormat E11', 'values E11']);
  });

  test('a cell edited since the check is left alone', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    const { issues } = await checkWorkbook(asExcel, { requirements: ok });
    context.workbook.userEdit('服务对象', 'E11', '熊伟 18214225453 xw@126.com');
    expect(await applyFixes(asExcel, issues)).toBe(0);
    expect(context.workbook.sheet('服务对象')!.valueAt('E11')).toBe('熊伟 18214225453 xw@126.com');
  });

  test('two different certain fixes for one cell cancel out; fixes on a deleted sheet are skipped', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.seedSheet('S', [['a', 'b']]);
    const issue = (cell: string, value: string, sheet = 'S', was = 'a'): Issue => ({ code: 'x', severity: 'error', table: 'targets', column: 'name', sheet, cell, value: was, message: '', messageEn: '', fix: { value, certain: true } });
    const n = await applyFixes(asExcel, [issue('A1', 'x'), issue('A1', 'y'), issue('B1', 'c', 'S', 'b'), issue('B1', 'c', 'S', 'b'), issue('A1', 'z', 'Gone')]);
    expect(n).toBe(1);
    expect(context.workbook.sheet('S')!.getRange('A1:B1').values).toEqual([['a', 'c']]);
  });

  test('nothing certain: no round trip at all', async () => {
    const { context, asExcel } = createExcelDouble();
    const uncertain: Issue = { code: 'x', severity: 'error', table: 'targets', sheet: 'S', cell: 'A1', message: '', messageEn: '', fix: { value: 'v', certain: false } };
    expect(await applyFixes(asExcel, [uncertain])).toBe(0);
    expect(context.syncCount).toBe(0);
  });

  test.each([
    ['13800138000', true],
    ['+8613800138000', true],
    ['=HYPERLINK("x")', true],
    ['0571-88001234', true],
    ['2024-01-28', true],
    ['TRUE', true],
    ['电信和互联网', false],
    ['xiongwei@126.com/18214225453', false],
  ])('needsTextFormat(%p) = %p', (value, expected) => {
    expect(needsTextFormat(value)).toBe(expected);
  });
});

describe('selectIssueCell', () => {
  test('activates the sheet and selects the cell in one round trip', async () => {
    const { context, asExcel } = fixtureDouble('03-广东省');
    await selectIssueCell(asExcel, '服务对象', 'E11');
    expect(context.workbook.active).toBe('服务对象');
    expect(context.workbook.selection).toBe('服务对象!E11');
    expect(context.syncCount).toBe(1);
  });

  test('a sheet that is gone gives a Chinese message', async () => {
    const { asExcel } = fixtureDouble('03-广东省');
    await expect(selectIssueCell(asExcel, '已删除', 'A1')).rejects.toThrow(/无法选中工作表「已删除」/);
  });
});
