/**
 * 插入模板's 基本情况 form sheet: exact sheet, labels, formats, dropdowns and the joint-applicant table, the
 * same layout as the exceljs template, a fixed number of round trips, and a read-back through the core locator.
 */
import { APPLICANT_BASICS, AUTHORITY_BASICS, JOINT_APPLICANT_COLUMNS, ORG_NATURES, dropdownValues, type Variant } from '../../src/core/notice';
import type { GridWorkbook } from '../../src/core/grid/types';
import { locateSubmission } from '../../src/core/locate';
import { buildTemplateWorkbook } from '../../src/xlsx/template';
import { LISTS_SHEET, TemplateExistsError, checkWorkbook, insertTemplate, planTemplate } from '../../src/office';
import { gridSheetFrom, parseMergedAreas } from '../../src/office/grid';
import { charsToPoints } from '../../src/office/units';
import { createExcelDouble, requirementsUpTo, type WorkbookDouble, type WorksheetDouble } from './excel-double';

const ok = requirementsUpTo('1.9');

async function inserted(variant: Variant, rows?: number) {
  const double = createExcelDouble();
  const result = await insertTemplate(double.asExcel, variant, { requirements: ok, rows });
  return { ...double, result, book: double.context.workbook };
}

/** The double's workbook as the core sees a workbook: values, number formats and merges, cell for cell. */
function gridOf(book: WorkbookDouble): GridWorkbook {
  return {
    file: book.name,
    sheets: book.sheets.map((s) => {
      const box = s.usedBox();
      const values: unknown[][] = [];
      const numberFormat: unknown[][] = [];
      if (box)
        for (let r = box.r0; r <= box.r1; r++) {
          values.push([]);
          numberFormat.push([]);
          for (let c = box.c0; c <= box.c1; c++) {
            values[values.length - 1].push(s.peek(r, c)?.value ?? '');
            numberFormat[numberFormat.length - 1].push(s.peek(r, c)?.numberFormat ?? 'General');
          }
        }
      const merges = parseMergedAreas(s.merges.map((m) => `'${s.name}'!${m.address}`).join(','));
      return gridSheetFrom({ name: s.name, visibility: s.visibility, merges, ...(box ? { used: { rowIndex: box.r0, columnIndex: box.c0, values, numberFormat } } : {}) });
    }),
  };
}

function labels(sheet: WorksheetDouble, from: number, to: number): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (let r = from; r <= to; r++) out.push([`A${r}`, sheet.valueAt(`A${r}`)]);
  return out;
}

function listSource(v: { rule?: unknown }): string {
  return (v.rule as { list: { source: string } }).list.source;
}

describe('附件2: 一、基本情况', () => {
  test('its own sheet, before the tables: title, labels in A, values merged over B:D', async () => {
    const { book, result } = await inserted('附件2');
    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, '一、基本情况', '表1 服务机构', '表2 服务对象', '表3 服务方案']);
    expect(result.plan.form.sheet).toBe('一、基本情况');
    const form = book.sheet('一、基本情况')!;
    expect(form.valueAt('A1')).toBe('一、基本情况');
    expect(form.formatsAt('A1:D1')).toMatchObject({ 'font.bold': true, 'font.size': 14 });
    expect(labels(form, 2, 9)).toEqual([
      ['A2', '地方行业主管部门'],
      ['A3', '负责人（处级）姓名'],
      ['A4', '负责人（处级）职务'],
      ['A5', '联系人姓名'],
      ['A6', '联系人部门'],
      ['A7', '联系人职务'],
      ['A8', '联系电话（座机/手机号）'],
      ['A9', '邮箱'],
    ]);
    expect(labels(form, 2, 9).map(([, v]) => v)).toEqual(AUTHORITY_BASICS.fields.map((f) => f.label));
    expect(form.valueAt('A10')).toBeUndefined();
    for (let r = 2; r <= 9; r++) expect(form.formatsAt(`A${r}`)).toMatchObject({ 'font.bold': true, 'fill.color': '#DDEBF7' });
    expect(form.merges.map((m) => m.address)).toEqual(['A1:D1', 'B2:D2', 'B3:D3', 'B4:D4', 'B5:D5', 'B6:D6', 'B7:D7', 'B8:D8', 'B9:D9']);
    // The hint the notice prints beside 地方行业主管部门, in grey.
    expect(form.valueAt('B2')).toBe('（全称）');
    expect(form.formatsAt('B2')).toMatchObject({ 'font.color': '#808080' });
    expect(['A', 'B', 'C', 'D'].map((L) => form.formatsAt(`${L}:${L}`).columnWidth)).toEqual([28, 30, 20, 30].map(charsToPoints));
    // No 单位性质 and no joint applicants in 附件2's form.
    expect(form.validations).toEqual([]);
    expect(book.allTables.map((t) => t.name)).toEqual(['PT_agencies', 'PT_targets', 'PT_schemes']);
    expect(form.pageLayout.orientation).toBe('Portrait');
    expect(form.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });

  test('联系电话 is text before any value; other value cells keep General', async () => {
    const { book, context } = await inserted('附件2');
    const form = book.sheet('一、基本情况')!;
    expect(form.formatAt('B8')).toBe('@');
    for (const a of ['B2', 'B3', 'B5', 'B9']) expect(form.formatAt(a)).toBeUndefined();
    const ops = context.ops.filter((o) => o.sheet === '一、基本情况').map((o) => o.kind);
    expect(ops.lastIndexOf('numberFormat')).toBeLessThan(ops.indexOf('values'));
  });
});

describe('附件3: （一）基本信息', () => {
  test('labels, text formats on codes, phones and dates, 单位性质 dropdown, the 400-字 hint', async () => {
    const { book } = await inserted('附件3');
    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, '（一）基本信息', '表1 服务对象', '表2 服务方案']);
    const form = book.sheet('（一）基本信息')!;
    expect(form.valueAt('A1')).toBe('（一）基本信息');
    expect(labels(form, 2, 14)).toEqual([
      ['A2', '牵头单位'],
      ['A3', '所在地区'],
      ['A4', '组织机构代码/三证合一码'],
      ['A5', '成立时间'],
      ['A6', '通讯地址'],
      ['A7', '注册资本（万元）'],
      ['A8', '联系人'],
      ['A9', '联系电话'],
      ['A10', '传真'],
      ['A11', '邮箱'],
      ['A12', '单位性质'],
      ['A13', '申报单位简介'],
      ['A14', '联合申报单位'],
    ]);
    expect(labels(form, 2, 13).map(([, v]) => v)).toEqual(APPLICANT_BASICS.fields.map((f) => f.label));

    // 组织机构代码, 成立时间, 联系电话, 传真: text; the rest General.
    expect(['B4', 'B5', 'B9', 'B10'].map((a) => form.formatAt(a))).toEqual(['@', '@', '@', '@']);
    for (const a of ['B2', 'B3', 'B6', 'B7', 'B8', 'B11', 'B12', 'B13']) expect(form.formatAt(a)).toBeUndefined();

    expect(form.valueAt('B2')).toBe('（全称）');
    expect(form.valueAt('B13')).toBe(APPLICANT_BASICS.fields.find((f) => f.kind === 'text400')!.hint);
    expect(String(form.valueAt('B13'))).toMatch(/不超过400字/);
    expect(form.formatsAt('B13:D13')).toMatchObject({ rowHeight: 90, wrapText: true });
    expect(form.formatsAt('B12:D12')).toMatchObject({ rowHeight: 22 });

    expect(form.validations.map((v) => [v.address, listSource(v), (v.errorAlert as { style: string; title: string }).style, (v.errorAlert as { title: string }).title])).toEqual([
      ['B12', '=PT_List_orgNature', 'Stop', '单位性质'],
      ['C15:C17', '=PT_List_orgNature', 'Stop', '单位性质'],
    ]);
  });

  test('联合申报单位 is a real Excel table in B:D with a merged label, text codes and the 单位性质 list', async () => {
    const { book } = await inserted('附件3');
    const form = book.sheet('（一）基本信息')!;
    const joint = book.table('PT_jointApplicants')!;
    expect(joint.worksheet.name).toBe('（一）基本信息');
    expect(joint.address).toBe('B14:D17');
    expect(joint.headers).toEqual(JOINT_APPLICANT_COLUMNS.map((c) => c.label));
    expect(joint.headers).toEqual(['单位名称', '单位性质', '组织机构代码/三证合一码']);
    expect(joint.showFilterButton).toBe(false);
    expect(form.merges.map((m) => m.address)).toContain('A14:A17');
    expect(form.formatsAt('A14:A17')).toMatchObject({ 'font.bold': true });
    expect(['D15', 'D16', 'D17'].map((a) => form.formatAt(a))).toEqual(['@', '@', '@']);
    expect(['B15', 'C15', 'D18'].map((a) => form.formatAt(a))).toEqual([undefined, undefined, undefined]);
    expect(book.allTables.map((t) => t.name)).toEqual(['PT_jointApplicants', 'PT_targets', 'PT_schemes']);
  });

  test('单位性质 is a named list on the very hidden lists sheet, after the tables\' lists', async () => {
    const { book } = await inserted('附件3');
    const natures = dropdownValues(ORG_NATURES);
    expect(book.namedItems.get('pt_list_orgnature')!.formula).toBe(`=PT_Lists!$E$1:$E$${natures.length}`);
    expect(book.sheet(LISTS_SHEET)!.getRange(`E1:E${natures.length}`).values).toEqual(natures.map((v) => [v]));
    expect(book.sheet(LISTS_SHEET)!.visibility).toBe('VeryHidden');
  });
});

describe('the same layout as the exceljs template', () => {
  test.each(['附件2', '附件3'] as const)('%s: every label, hint, text format and merge at the same address', async (variant) => {
    const { book } = await inserted(variant);
    const wb = buildTemplateWorkbook(variant);
    const plan = planTemplate(variant);
    const ws = wb.getWorksheet(plan.form.sheet)!;
    expect(ws).toBeDefined();
    const office = book.sheet(plan.form.sheet)!;
    const lastRow = ws.rowCount;
    expect(lastRow).toBe(variant === '附件2' ? 9 : 17);
    for (let r = 1; r <= lastRow; r++)
      for (const L of ['A', 'B', 'C', 'D']) {
        const cell = ws.getCell(`${L}${r}`);
        // exceljs reports a merged area's value and style on every cell of it; Office holds them in the top-left.
        const slave = cell.isMerged && cell.master !== cell;
        expect([`${L}${r}`, office.valueAt(`${L}${r}`)]).toEqual([`${L}${r}`, slave ? undefined : (cell.value ?? undefined)]);
        // Text cells are text in both (phones, codes, 成立时间: TEXT_FIELD_KINDS), and only those.
        if (!slave) expect([`${L}${r}`, office.formatAt(`${L}${r}`) === '@']).toEqual([`${L}${r}`, cell.numFmt === '@']);
      }
    const xlsxMerges = (ws.model as unknown as { merges: string[] }).merges.slice().sort();
    expect(office.merges.map((m) => m.address).sort()).toEqual(xlsxMerges);
  });
});

describe('round trips', () => {
  test.each([
    ['附件2', 10],
    ['附件2', 10000],
    ['附件3', 10],
    ['附件3', 10000],
  ] as const)('%s, %p rows: still three syncs with the form', async (variant, rows) => {
    const { context, book, result } = await inserted(variant, rows);
    expect(context.syncCount).toBe(3);
    expect(book.sheet(result.plan.form.sheet)).toBeDefined();
    expect(result.printSetup).toBe(true);
  });

  test('a host that refuses print setup keeps the form too', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.refusePageLayout = true;
    const result = await insertTemplate(asExcel, '附件3', { requirements: ok });
    expect(result.printSetup).toBe(false);
    expect(context.workbook.table('PT_jointApplicants')).toBeDefined();
    expect(context.syncCount).toBe(3);
  });
});

describe('re-inserting never destroys the form', () => {
  test('a sheet named like the form makes the insertion refuse, and nothing changes', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.seedSheet('一、基本情况', [['一、基本情况'], ['地方行业主管部门', '广东省通信管理局']]);
    const err = await insertTemplate(asExcel, '附件2', { requirements: ok }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateExistsError);
    expect((err as TemplateExistsError).existing).toEqual(['工作表「一、基本情况」']);
    expect(context.workbook.sheets.map((s) => s.name)).toEqual(['一、基本情况']);
    expect(context.workbook.sheet('一、基本情况')!.valueAt('B2')).toBe('广东省通信管理局');
    expect(context.syncCount).toBe(1);
  });

  test('alongside numbers the form sheet and the joint-applicant table with the rest', async () => {
    const { context, asExcel } = createExcelDouble();
    await insertTemplate(asExcel, '附件3', { requirements: ok });
    context.workbook.userEdit('（一）基本信息', 'B2', '某某科技有限公司');
    await expect(insertTemplate(asExcel, '附件3', { requirements: ok })).rejects.toThrow(/（一）基本信息.*PT_jointApplicants/);
    const result = await insertTemplate(asExcel, '附件3', { requirements: ok, onExisting: 'alongside' });
    expect(result.plan.form.sheet).toBe('（一）基本信息 (2)');
    const book = context.workbook;
    expect(book.sheets.map((s) => s.name)).toEqual([LISTS_SHEET, '（一）基本信息', '表1 服务对象', '表2 服务方案', '（一）基本信息 (2)', '表1 服务对象 (2)', '表2 服务方案 (2)']);
    expect(book.table('PT_jointApplicants_2')!.worksheet.name).toBe('（一）基本信息 (2)');
    expect(book.sheet('（一）基本信息')!.valueAt('B2')).toBe('某某科技有限公司');
    expect(book.sheet('（一）基本信息 (2)')!.valueAt('B2')).toBe('（全称）');
  });
});

describe('read back by the core locator', () => {
  test('附件3: the variant, both tables and the form fields typed into the double', async () => {
    const { book } = await inserted('附件3');
    book.name = '福建省附件3表格.xlsx';
    book.userEdit('（一）基本信息', 'B2', '福州某某网络安全服务有限公司');
    book.userEdit('（一）基本信息', 'B3', '福建省福州市');
    book.userEdit('（一）基本信息', 'B4', '91350100M000100Y43');
    book.userEdit('（一）基本信息', 'B9', '13800138000');
    book.userEdit('（一）基本信息', 'B12', '民营企业');
    book.userEdit('（一）基本信息', 'B15', '某某财产保险股份有限公司福建分公司');
    book.userEdit('表1 服务对象', 'B3', '福州某某科技有限公司');

    const { submission, located, issues } = locateSubmission(gridOf(book));
    expect(submission.variant).toBe('附件3');
    expect(located.map((t) => [t.table, t.sheet, t.headerRows])).toEqual([
      ['targets', '表1 服务对象', [1]],
      ['schemes', '表2 服务方案', [1]],
    ]);
    expect(submission.tables.targets).toMatchObject({ sheet: '表1 服务对象', headerRows: [2] });
    expect(submission.tables.targets!.rows[0].cells.name).toMatchObject({ text: '福州某某科技有限公司', cell: 'B3' });
    expect(submission.tables.schemes).toMatchObject({ sheet: '表2 服务方案', headerRows: [2] });
    const at = (key: string) => submission.form?.find((f) => f.key === key);
    expect(at('lead')).toEqual({ key: 'lead', text: '福州某某网络安全服务有限公司', sheet: '（一）基本信息', cell: 'B2' });
    expect(at('region')).toMatchObject({ text: '福建省福州市', cell: 'B3' });
    expect(at('creditCode')).toMatchObject({ text: '91350100M000100Y43', cell: 'B4' });
    expect(at('contactPhone')).toMatchObject({ text: '13800138000', cell: 'B9' });
    expect(at('nature')).toMatchObject({ text: '民营企业', cell: 'B12' });
    expect(at('fax')).toMatchObject({ text: '', cell: 'B10' });
    // Every field of the form is found, each at its value cell.
    expect(submission.form!.map((f) => [f.key, f.cell])).toEqual(APPLICANT_BASICS.fields.map((f, i) => [f.key, `B${i + 2}`]));
    expect(issues.filter((i) => i.code.startsWith('workbook.') && i.severity !== 'info').map((i) => i.code)).toEqual([]);
  });

  test('附件2: the variant, the three tables and the authority form', async () => {
    const { book } = await inserted('附件2');
    book.userEdit('一、基本情况', 'B2', '广东省通信管理局');
    book.userEdit('一、基本情况', 'B8', '020-83300000');
    const { submission, located } = locateSubmission(gridOf(book));
    expect(submission.variant).toBe('附件2');
    expect(located.map((t) => t.sheet)).toEqual(['表1 服务机构', '表2 服务对象', '表3 服务方案']);
    expect(submission.form!.find((f) => f.key === 'authority')).toEqual({ key: 'authority', text: '广东省通信管理局', sheet: '一、基本情况', cell: 'B2' });
    expect(submission.form!.find((f) => f.key === 'contactPhone')).toMatchObject({ text: '020-83300000', cell: 'B8' });
    expect(submission.form!.map((f) => f.cell)).toEqual(AUTHORITY_BASICS.fields.map((_, i) => `B${i + 2}`));
    expect(submission.region?.name).toBe('广东省');
  });

  test('and through the add-in\'s own 校验 (checkWorkbook), with the form\'s issues', async () => {
    const { book, asExcel } = await inserted('附件3');
    book.userEdit('（一）基本信息', 'B4', '91350100M000100Y4'); // one character short
    const result = await checkWorkbook(asExcel, { requirements: requirementsUpTo('1.13') });
    expect(result.submission.variant).toBe('附件3');
    expect(result.submission.form!.find((f) => f.key === 'creditCode')).toMatchObject({ text: '91350100M000100Y4', sheet: '（一）基本信息', cell: 'B4' });
    expect(result.issues.find((i) => i.cell === 'B4' && i.sheet === '（一）基本信息')?.code).toBe('credit.invalid-length');
  });
});
