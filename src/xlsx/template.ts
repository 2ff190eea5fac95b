/**
 * The blank official template of 附件2 / 附件3, written with exceljs (Node and the browser; no Node API here).
 *
 * Every title, header, hint, width, template row count and dropdown value comes from src/core/notice.
 * Dropdowns read a very-hidden lists sheet through defined names, with ONE data validation per column range.
 */
import ExcelJS from 'exceljs';
import { TABLES, VARIANTS, tableTitle, type TableKey, type Variant } from '../core/notice/tables';
import { APPLICANT_BASICS, AUTHORITY_BASICS, JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, TEXT_FIELD_KINDS, type FieldSpec, type FormSpec } from '../core/notice/forms';
import { NOTICE } from '../core/notice/limits';
import { colLetter, dropdownFor, orgNatureList, type DropdownList } from './template-lists';

export interface TemplateOptions {
  /** One sheet per table (default; the header can be frozen) or the notice's stacked layout on one sheet. */
  readonly layout?: 'perTable' | 'stacked';
  /** Last sheet row covered by the dropdowns and text formats of a per-table sheet (default 1000). */
  readonly lastRow?: number;
  /** Write the 基本情况 form sheet (default true). */
  readonly form?: boolean;
  /** Workbook creation date (default: a fixed date, so the same call writes the same workbook). */
  readonly created?: Date;
}

/** Where each table sits in the template: what the tests and the Office adapter can rely on. */
export interface TemplateTablePlan {
  readonly table: TableKey;
  readonly sheet: string;
  readonly title: string;
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly templateRows: number;
  /** The "..." row after the numbered rows. */
  readonly continuationRow: number;
  /** Last row the dropdown and text-format ranges cover. */
  readonly lastValidatedRow: number;
  readonly columns: readonly { readonly key: string; readonly header: string; readonly letter: string }[];
}

export interface TemplatePlan {
  readonly variant: Variant;
  readonly formSheet?: string;
  readonly listsSheet: string;
  readonly tables: readonly TemplateTablePlan[];
}

export const LISTS_SHEET = '下拉选项';
/** The sheet holding all tables in the stacked layout, named after the notice's （二）试点安排. */
export const STACKED_SHEET = '二、试点安排';
export const CONTINUATION = '...';

const DEFAULT_LAST_ROW = 1000;
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HINT_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF808080' } };

/** exceljs supports range validations (`dataValidations.add('C3:C1000', …)`) but its typings omit the member. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
function rangeValidations(ws: ExcelJS.Worksheet): RangeValidations {
  return (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
}

export function formFor(variant: Variant): FormSpec {
  return variant === '附件2' ? AUTHORITY_BASICS : APPLICANT_BASICS;
}

/** Sheet name for a table in the per-table layout: its short name (服务机构 …). */
export function tableSheetName(table: TableKey): string {
  return TABLES[table].shortName;
}

/** The layout writeTemplate produces, without writing anything. */
export function templatePlan(variant: Variant, opts: TemplateOptions = {}): TemplatePlan {
  const layout = opts.layout ?? 'perTable';
  const lastRow = opts.lastRow ?? DEFAULT_LAST_ROW;
  const tables: TemplateTablePlan[] = [];
  let row = 1;
  for (const vt of VARIANTS[variant].tables) {
    const spec = TABLES[vt.table];
    if (layout === 'perTable') row = 1;
    const titleRow = row;
    const headerRow = titleRow + 1;
    const firstDataRow = headerRow + 1;
    const continuationRow = firstDataRow + vt.templateRows;
    tables.push({
      table: vt.table,
      sheet: layout === 'perTable' ? tableSheetName(vt.table) : STACKED_SHEET,
      title: tableTitle(variant, vt.table),
      titleRow,
      headerRow,
      firstDataRow,
      templateRows: vt.templateRows,
      continuationRow,
      lastValidatedRow: layout === 'perTable' ? Math.max(lastRow, continuationRow) : continuationRow,
      columns: spec.columns.map((c, i) => ({ key: c.key, header: c.header, letter: colLetter(i + 1) })),
    });
    row = continuationRow + 2;
  }
  return {
    variant,
    ...(opts.form === false ? {} : { formSheet: formFor(variant).title }),
    listsSheet: LISTS_SHEET,
    tables,
  };
}

/** Write the blank template of 附件2 or 附件3 and return the .xlsx bytes. */
export async function writeTemplate(variant: Variant, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const wb = buildTemplateWorkbook(variant, opts);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The template as an exceljs workbook, for callers that add to it before writing. */
export function buildTemplateWorkbook(variant: Variant, opts: TemplateOptions = {}): ExcelJS.Workbook {
  const plan = templatePlan(variant, opts);
  const wb = new ExcelJS.Workbook();
  const date = opts.created ?? FIXED_DATE;
  wb.creator = 'Pilot Tables 试点表格助手';
  wb.lastModifiedBy = 'Pilot Tables 试点表格助手';
  wb.created = date;
  wb.modified = date;
  wb.title = `${NOTICE.number} ${variant}（${VARIANTS[variant].submitter}）表格`;

  const lists = new ListsSheet(wb);
  if (plan.formSheet) writeForm(wb, formFor(variant), lists);

  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const t of plan.tables) {
    let ws = sheets.get(t.sheet);
    if (!ws) {
      ws = wb.addWorksheet(t.sheet, {
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
        views: opts.layout === 'stacked' ? [] : [{ state: 'frozen', xSplit: 0, ySplit: t.headerRow, topLeftCell: `A${t.firstDataRow}` }],
      });
      if (opts.layout !== 'stacked') ws.pageSetup.printTitlesRow = `${t.titleRow}:${t.headerRow}`;
      sheets.set(t.sheet, ws);
    }
    writeTable(ws, t, lists, opts.layout !== 'stacked');
  }
  lists.finish();
  return wb;
}

function writeTable(ws: ExcelJS.Worksheet, t: TemplateTablePlan, lists: ListsSheet, wholeColumns: boolean): void {
  const spec = TABLES[t.table];
  const width = spec.columns.length;
  const last = colLetter(width);

  // Widths: the widest spec wins when tables share a sheet.
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width);
  });

  // Title, merged over the table width.
  ws.mergeCells(`A${t.titleRow}:${last}${t.titleRow}`);
  const title = ws.getCell(`A${t.titleRow}`);
  title.value = t.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(t.titleRow).height = 26;

  // Headers.
  const header = ws.getRow(t.headerRow);
  header.height = 36;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  // Numbered rows, hints in the first one, then the "..." row.
  for (let n = 0; n <= t.templateRows; n++) {
    const r = ws.getRow(t.firstDataRow + n);
    spec.columns.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, ...(c.kind === 'seq' ? { horizontal: 'center' as const } : {}) };
      if (c.text) cell.numFmt = '@';
    });
    if (n < t.templateRows) {
      r.getCell(1).value = n + 1;
      if (n === 0) {
        spec.columns.forEach((c, i) => {
          if (!c.hint) return;
          const cell = r.getCell(i + 1);
          cell.value = c.hint;
          cell.font = HINT_FONT;
        });
      }
    } else {
      const cell = r.getCell(1);
      cell.value = CONTINUATION;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }
  }

  // Text format and dropdowns: one range per column.
  spec.columns.forEach((c, i) => {
    const letter = colLetter(i + 1);
    if (c.text && wholeColumns) ws.getColumn(i + 1).numFmt = '@';
    if (!c.vocabulary) return;
    const list = lists.publish(dropdownFor(c.vocabulary));
    rangeValidations(ws).add(`${letter}${t.firstDataRow}:${letter}${t.lastValidatedRow}`, listValidation(list, c));
  });
}

/** Excel refuses titles over 32 characters and messages over 255 (prompt) / 225 (error). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function listValidation(list: DropdownList, c: { header?: string; label?: string }): ExcelJS.DataValidation {
  const what = c.header ?? c.label ?? list.label;
  const v = listValidationText(list, what);
  return { ...v, promptTitle: clip(v.promptTitle, 32), errorTitle: clip(v.errorTitle, 32), prompt: clip(v.prompt, 255), error: clip(v.error, 225) };
}

function listValidationText(list: DropdownList, what: string): ExcelJS.DataValidation & { promptTitle: string; errorTitle: string; prompt: string; error: string } {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [list.name],
    showInputMessage: true,
    promptTitle: `请选择${what}`,
    prompt: list.open ? `从列表中选择；列表外的值会被标为“请核实”。` : `只能从列表中选择。`,
    showErrorMessage: true,
    errorStyle: list.open ? 'warning' : 'stop',
    errorTitle: list.open ? `${what}不在列表中` : `${what}无效`,
    error: list.open
      ? `“${what}”建议使用通知中的名称：${list.values.join('、')}。确定要保留吗？`
      : `“${what}”只能是：${list.values.join('、')}。`,
  };
}

/** The very-hidden sheet of dropdown values, one column per list, each published under a defined name. */
class ListsSheet {
  private readonly published = new Map<string, { list: DropdownList; letter: string }>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  publish(list: DropdownList): DropdownList {
    if (this.published.has(list.name)) return list;
    const letter = colLetter(this.published.size + 1);
    this.wb.definedNames.add(`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`, list.name);
    this.published.set(list.name, { list, letter });
    return list;
  }

  /** Written last, so it is the last sheet whatever order the others were made in. */
  finish(): void {
    const ws = this.wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
    for (const { list, letter } of this.published.values()) {
      ws.getCell(`${letter}1`).value = list.label;
      list.values.forEach((v, i) => {
        ws.getCell(`${letter}${i + 2}`).value = v;
      });
      ws.getColumn(letter).width = 24;
    }
  }
}

function writeForm(wb: ExcelJS.Workbook, form: FormSpec, lists: ListsSheet): void {
  const ws = wb.addWorksheet(form.title, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 20;
  ws.getColumn(4).width = 30;

  ws.mergeCells('A1:D1');
  const title = ws.getCell('A1');
  title.value = form.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 26;

  let row = 2;
  for (const f of form.fields) {
    writeFormField(ws, row, f, lists);
    row++;
  }

  if (form === APPLICANT_BASICS) {
    // 联合申报单位: a small table of its own, rows added as needed.
    const first = row;
    const label = ws.getCell(`A${row}`);
    label.value = JOINT_APPLICANTS_LABEL;
    JOINT_APPLICANT_COLUMNS.forEach((c, i) => {
      const cell = ws.getRow(row).getCell(i + 2);
      cell.value = c.label;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    const jointRows = 3;
    for (let n = 1; n <= jointRows; n++) {
      JOINT_APPLICANT_COLUMNS.forEach((c, i) => {
        if (TEXT_FIELD_KINDS.has(c.kind)) ws.getRow(row + n).getCell(i + 2).numFmt = '@';
      });
    }
    const natureCol = JOINT_APPLICANT_COLUMNS.findIndex((c) => c.kind === 'orgNature');
    if (natureCol >= 0) {
      const letter = colLetter(natureCol + 2);
      const list = lists.publish(orgNatureList());
      rangeValidations(ws).add(`${letter}${row + 1}:${letter}${row + jointRows}`, listValidation(list, { label: JOINT_APPLICANT_COLUMNS[natureCol].label }));
    }
    row += jointRows;
    ws.mergeCells(`A${first}:A${row}`);
    label.font = { bold: true };
    label.fill = HEADER_FILL;
    label.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let r = first; r <= row; r++) for (let c = 1; c <= 4; c++) ws.getRow(r).getCell(c).border = BORDER;
  }
}

function writeFormField(ws: ExcelJS.Worksheet, row: number, f: FieldSpec, lists: ListsSheet): void {
  const label = ws.getCell(`A${row}`);
  label.value = f.label;
  label.font = { bold: true };
  label.fill = HEADER_FILL;
  label.border = BORDER;
  label.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(`B${row}:D${row}`);
  const value = ws.getCell(`B${row}`);
  value.border = BORDER;
  value.alignment = { vertical: 'middle', wrapText: true };
  if (TEXT_FIELD_KINDS.has(f.kind)) value.numFmt = '@';
  if (f.hint) {
    value.value = f.hint;
    value.font = HINT_FONT;
  }
  if (f.kind === 'text400') ws.getRow(row).height = 90;
  else ws.getRow(row).height = 22;
  if (f.kind === 'orgNature') {
    const list = lists.publish(orgNatureList());
    rangeValidations(ws).add(`B${row}`, listValidation(list, { label: f.label }));
  }
}
