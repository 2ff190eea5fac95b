import { TABLES, VARIANTS, tableTitle, dropdownValues, AGENCY_TYPES, SCHEME_TYPES, INDUSTRIES, PRODUCT_SERVICE_TYPES } from '../../src/core/notice';
import { insertTemplate, planTemplate, TemplateExistsError, LISTS_SHEET, MAX_TEMPLATE_ROWS } from '../../src/office';
import { OfficeFeatureError } from '../../src/office/requirements';
import { charsToPoints } from '../../src/office/units';
import { createExcelDouble, requirementsUpTo, parseAddress, type WorksheetDouble } from './excel-double';

const ok = requirementsUpTo('1.9');

function textCellsKeptDigits(sheet: WorksheetDouble, letters: string[]): void {
  for (const [key, cell] of sheet.cells) {
    const c = Number(key.split(',')[1]);
    const r = Number(key.split(',')[0]);
    if (r < 2) continue; // title and header rows
    if (letters.includes(String.fromCharCode(65 + c)) && cell.value !== undefined) expect(cell.formatAtWrite).toBe('@');
  }
}

describe('insertTemplate 附件2', () => {
  test('writes one sheet per table with the notice\'s titles, headers, numbered rows and hints', async () => {
    const { context, asExcel } = createExcelDouble();
    const result = await insertTemplate(asExcel, '附件2', { requirements: ok });
    const book = context.workbook;

    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, '一、基本情况', '表1 服务机构', '表2 服务对象', '表3 服务方案']);
    expect(book.allTables.map((t) => t.name)).toEqual(['PT_agencies', 'PT_targets', 'PT_schemes']);
    expect(result.printSetup).toBe(true);

    const agencies = book.sheet('表1 服务机构')!;
    expect(agencies.valueAt('A1')).toBe('表1 服务机构基本情况');
    expect(agencies.merges).toEqual([{ address: 'A1:E1', across: false }]);
    expect(agencies.formatsAt('A1:E1')).toMatchObject({ 'font.bold': true, horizontalAlignment: 'Center' });
    expect(book.table('PT_agencies')!.address).toBe('A2:E7');
    expect(book.table('PT_agencies')!.headers).toEqual(['序号', '机构名称', '机构类型', '联系人及联系方式', '责任分工（是否牵头及分工）']);
    expect(agencies.getRange('A3:A7').values).toEqual([[1], [2], [3], [4], [5]]);
    expect(agencies.getRange('A8').values).toEqual([['']]);
    expect(agencies.frozenRows).toBe(2);
    expect(agencies.formatsAt('A2:E2')).toMatchObject({ 'font.bold': true, wrapText: true });

    const targets = book.sheet('表2 服务对象')!;
    expect(targets.valueAt('A1')).toBe(tableTitle('附件2', 'targets'));
    expect(book.table('PT_targets')!.address).toBe('A2:E12');
    expect(targets.valueAt('A12')).toBe(10);

    const schemes = book.sheet('表3 服务方案')!;
    expect(schemes.valueAt('A1')).toBe('表3 服务方案基本情况');
    expect(schemes.merges[0].address).toBe('A1:F1');
    expect(book.table('PT_schemes')!.headers).toEqual(['序号', '方案名称', '方案类型', '行业领域', '联系人', '联系方式（手机与邮箱）']);
    // The hints sit in the first row, where the notice prints them.
    expect(schemes.getRange('A3:F3').values).toEqual([[1, '', '（企业类、产品服务类）', '（如电信和互联网、工业互联网、车联网等）', '', '']]);
    expect(schemes.getRange('C4:D4').values).toEqual([['', '']]);
  });

  test('every header, title and width comes from the core\'s tables', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    for (const vt of VARIANTS['附件2'].tables) {
      const t = context.workbook.table(`PT_${vt.table}`)!;
      expect(t.headers).toEqual(TABLES[vt.table].columns.map((c) => c.header));
      expect(t.worksheet.valueAt('A1')).toBe(tableTitle('附件2', vt.table));
      TABLES[vt.table].columns.forEach((c, i) => {
        const L = String.fromCharCode(65 + i);
        expect(t.worksheet.formatsAt(`${L}:${L}`).columnWidth).toBe(charsToPoints(c.width));
      });
    }
  });

  test('text columns are formatted "@" before any value is written', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    const agencies = context.workbook.sheet('表1 服务机构')!;
    expect(agencies.peek(parseAddress('D3').r0, parseAddress('D3').c0)?.numberFormat).toBe('@');
    expect(agencies.peek(parseAddress('D7').r0, parseAddress('D7').c0)?.numberFormat).toBe('@');
    expect(agencies.peek(parseAddress('D8').r0, parseAddress('D8').c0)?.numberFormat).toBeUndefined();
    expect(agencies.peek(parseAddress('B3').r0, parseAddress('B3').c0)?.numberFormat).toBeUndefined();
    const schemes = context.workbook.sheet('表3 服务方案')!;
    expect(schemes.peek(2, 5)?.numberFormat).toBe('@');
    // In the op log, each sheet's number formats precede its first value write.
    for (const s of ['表1 服务机构', '表2 服务对象', '表3 服务方案']) {
      const ops = context.ops.filter((o) => o.sheet === s);
      const lastFormat = ops.map((o) => o.kind).lastIndexOf('numberFormat');
      const firstValues = ops.map((o) => o.kind).indexOf('values');
      expect(lastFormat).toBeGreaterThanOrEqual(0);
      expect(lastFormat).toBeLessThan(firstValues);
    }
    textCellsKeptDigits(agencies, ['D']);
    textCellsKeptDigits(schemes, ['F']);
  });

  test('dropdowns come from a very hidden lists sheet through workbook names', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    const book = context.workbook;
    const lists = book.sheet(LISTS_SHEET)!;
    expect(lists.visibility).toBe('VeryHidden');

    const agencyTypes = dropdownValues(AGENCY_TYPES);
    expect(book.namedItems.get('pt_list_agencytype')!.formula).toBe(`=PT_Lists!$A$1:$A$${agencyTypes.length}`);
    expect(lists.getRange(`A1:A${agencyTypes.length}`).values).toEqual(agencyTypes.map((v) => [v]));
    expect(lists.getRange(`C1:C2`).values).toEqual(dropdownValues(SCHEME_TYPES).map((v) => [v]));
    const field = [...dropdownValues(INDUSTRIES), ...dropdownValues(PRODUCT_SERVICE_TYPES)];
    expect(book.namedItems.get('pt_list_schemefield')!.formula).toBe(`=PT_Lists!$D$1:$D$${field.length}`);
    expect(lists.getRange(`D1:D${field.length}`).values).toEqual(field.map((v) => [v]));
    expect([...book.namedItems.values()].map((n) => n.name)).toEqual(['PT_List_agencyType', 'PT_List_industry', 'PT_List_schemeType', 'PT_List_schemeField', 'PT_List_orgNature']);

    const agencies = book.sheet('表1 服务机构')!;
    expect(agencies.validations).toEqual([
      {
        address: 'C3:C7',
        rule: { list: { inCellDropDown: true, source: '=PT_List_agencyType' } },
        errorAlert: expect.objectContaining({ showAlert: true, style: 'Warning', title: '机构类型' }),
      },
    ]);
    expect(book.sheet('表2 服务对象')!.validations.map((v) => [v.address, (v.rule as { list: { source: string } }).list.source])).toEqual([['C3:C12', '=PT_List_industry']]);
    const schemes = book.sheet('表3 服务方案')!.validations;
    expect(schemes.map((v) => [v.address, (v.rule as { list: { source: string } }).list.source, (v.errorAlert as { style: string }).style])).toEqual([
      ['C3:C7', '=PT_List_schemeType', 'Stop'], // closed list: 企业类 / 产品服务类 only
      ['D3:D7', '=PT_List_schemeField', 'Warning'],
    ]);
  });

  test('print setup: landscape, one page wide, header repeated', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    const layout = context.workbook.sheet('表2 服务对象')!.pageLayout;
    expect(layout.orientation).toBe('Landscape');
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(layout.printTitleRows).toBe('$2:$2');
    // The form comes first, as in the notice; its first value cell is selected.
    expect(context.workbook.active).toBe('一、基本情况');
    expect(context.workbook.selection).toBe('一、基本情况!B2');
  });

  test('a host that refuses print setup still gets the tables', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.refusePageLayout = true;
    const result = await insertTemplate(asExcel, '附件2', { requirements: ok });
    expect(result.printSetup).toBe(false);
    expect(context.workbook.allTables).toHaveLength(3);
    expect(context.syncCount).toBe(3);
  });
});

describe('insertTemplate 附件3', () => {
  test('two tables numbered 表1 and 表2, 15 and 4 rows', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件3', { requirements: ok });
    const book = context.workbook;
    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, '（一）基本信息', '表1 服务对象', '表2 服务方案']);
    expect(book.sheet('表1 服务对象')!.valueAt('A1')).toBe('表1 服务对象基本情况');
    expect(book.table('PT_targets')!.address).toBe('A2:E17');
    expect(book.table('PT_schemes')!.address).toBe('A2:F6');
  });
});

describe('round trips do not grow with rows', () => {
  test.each([undefined, 10, 10000])('rows = %p: three syncs', async (rows) => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok, rows });
    expect(context.syncCount).toBe(3);
    if (rows) {
      const targets = context.workbook.sheet('表2 服务对象')!;
      expect(context.workbook.table('PT_targets')!.address).toBe(`A2:E${rows + 2}`);
      expect(targets.valueAt(`A${rows + 2}`)).toBe(rows);
      expect(targets.validations[0].address).toBe(`C3:C${rows + 2}`);
      expect(targets.peek(rows + 1, 4)?.numberFormat).toBe('@');
    }
  });

  test('row counts out of range are refused before any round trip', async () => {
    const { context, asExcel } = createExcelDouble();
    await expect(insertTemplate(asExcel, '附件2', { requirements: ok, rows: 0 })).rejects.toThrow(OfficeFeatureError);
    await expect(insertTemplate(asExcel, '附件2', { requirements: ok, rows: MAX_TEMPLATE_ROWS + 1 })).rejects.toThrow(/1 到/);
    await expect(insertTemplate(asExcel, '附件2', { requirements: ok, rows: 2.5 })).rejects.toThrow(OfficeFeatureError);
    expect(context.syncCount).toBe(0);
  });
});

describe('re-inserting never destroys data', () => {
  test('refuses by default and changes nothing', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    const targets = context.workbook.sheet('表2 服务对象')!;
    targets.getRange('B3').values = [['某某科技有限公司']];
    const before = context.workbook.sheets.length;
    const err = await insertTemplate(asExcel, '附件2', { requirements: ok }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateExistsError);
    expect((err as TemplateExistsError).message).toMatch(/未做任何改动/);
    expect((err as TemplateExistsError).existing).toContain('工作表「表1 服务机构」');
    expect((err as TemplateExistsError).messageEn).toMatch(/Nothing was changed/);
    expect(context.workbook.sheets.length).toBe(before);
    expect(targets.valueAt('B3')).toBe('某某科技有限公司');
  });

  test('附件3 after 附件2 clashes on the table names only, and is refused', async () => {
    const { asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    await expect(insertTemplate(asExcel, '附件3', { requirements: ok })).rejects.toThrow(/PT_targets/);
  });

  test('alongside adds a numbered copy and keeps the original', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件2', { requirements: ok });
    context.workbook.sheet('表1 服务机构')!.getRange('B3').values = [['某保险公司']];
    await insertTemplate(asExcel, '附件2', { requirements: ok, onExisting: 'alongside' });
    await insertTemplate(asExcel, '附件2', { requirements: ok, onExisting: 'alongside' });
    const book = context.workbook;
    expect(book.sheets.map((s) => s.name)).toEqual([
      LISTS_SHEET,
      '一、基本情况', '表1 服务机构', '表2 服务对象', '表3 服务方案',
      '一、基本情况 (2)', '表1 服务机构 (2)', '表2 服务对象 (2)', '表3 服务方案 (2)',
      '一、基本情况 (3)', '表1 服务机构 (3)', '表2 服务对象 (3)', '表3 服务方案 (3)',
    ]);
    expect(book.allTables.map((t) => t.name).slice(3)).toEqual(['PT_agencies_2', 'PT_targets_2', 'PT_schemes_2', 'PT_agencies_3', 'PT_targets_3', 'PT_schemes_3']);
    expect(book.sheet('表1 服务机构')!.valueAt('B3')).toBe('某保险公司');
    // One lists sheet and one set of names, re-pointed rather than duplicated.
    expect(book.sheets.filter((s) => s.name === LISTS_SHEET)).toHaveLength(1);
    expect(book.namedItems.size).toBe(5);
    expect(book.sheet(LISTS_SHEET)!.visibility).toBe('VeryHidden');
  });
});

describe('requirement sets', () => {
  test('Excel older than ExcelApi 1.9 gets a clear Chinese message and no round trip', async () => {
    const { context, asExcel } = createExcelDouble();
    const err = await insertTemplate(asExcel, '附件2', { requirements: requirementsUpTo('1.8') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeFeatureError);
    expect((err as Error).message).toMatch(/Excel 版本过旧.*ExcelApi 1\.9/);
    expect(context.syncCount).toBe(0);
  });

  test('outside Office (no checker) the insertion is refused, not attempted', async () => {
    const { asExcel } = createExcelDouble();
    await expect(insertTemplate(asExcel, '附件2')).rejects.toThrow(OfficeFeatureError);
  });
});

describe('planTemplate', () => {
  test('is pure data and matches the variant', () => {
    const plan = planTemplate('附件3');
    expect(plan.tables.map((t) => [t.sheet, t.tableName, t.title, t.tableAddress])).toEqual([
      ['表1 服务对象', 'PT_targets', '表1 服务对象基本情况', 'A2:E17'],
      ['表2 服务方案', 'PT_schemes', '表2 服务方案基本情况', 'A2:F6'],
    ]);
  });
});
