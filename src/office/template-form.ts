/**
 * The 基本情况 form of 插入模板 (附件2 一、基本情况 / 附件3 （一）基本信息) on its own sheet, laid out as the
 * exceljs template lays it out (src/xlsx/template.ts), so the form locator reads either back the same way:
 *
 *   row 1      title, merged A:D
 *   row 2 …    label in A (bold, filled) | value merged B:D (text format for phones, codes and dates; hints)
 *   then       联合申报单位 (附件3 only): label merged down A, a real Excel table in B:D, three rows
 *
 * Labels, hints and kinds come from src/core/notice/forms; nothing here names a field.
 * Split into a pure plan and a writer that only queues (the caller owns every `context.sync()`).
 */
import { APPLICANT_BASICS, FORMS, JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, ORG_NATURES, TEXT_FIELD_KINDS, dropdownValues, type FieldKind, type FieldSpec, type FormSpec, type Variant, type VocabularyKey } from '../core/notice';
import { columnLetter } from '../core/grid/types';
import { allDropdownLists, LIST_KEYS, LISTS_SHEET, type DropdownList } from './lists';
import { charsToPoints } from './units';

/** A list on the lists sheet: the tables' vocabularies, plus 单位性质, which only the form offers. */
export type SheetList = Omit<DropdownList, 'key'> & { readonly key: VocabularyKey | 'orgNature' };

/** 单位性质, in the column after the tables' lists on the same very-hidden sheet, under a workbook name. */
export function orgNatureList(): SheetList {
  const values = dropdownValues(ORG_NATURES);
  const column = columnLetter(LIST_KEYS.length);
  return {
    key: 'orgNature',
    name: 'PT_List_orgNature',
    values,
    open: ORG_NATURES.open,
    column,
    formula: `=${LISTS_SHEET}!$${column}$1:$${column}$${values.length}`,
  };
}

/**
 * Every list the lists sheet holds, in its column order: the tables' vocabularies, then 单位性质. Whoever writes
 * the sheet (插入模板, 汇总) writes all of them, so rewriting it never empties a name another writer relies on.
 */
export function workbookLists(): SheetList[] {
  return [...allDropdownLists(), orgNatureList()];
}

/** Column widths of the form sheet, in characters (as src/xlsx/template.ts). */
export const FORM_WIDTHS: readonly number[] = [28, 30, 20, 30];
export const FORM_TITLE_ROW = 1;
export const FORM_FIRST_FIELD_ROW = 2;
/** Blank rows of the 联合申报单位 table (rows are added as needed). */
export const JOINT_ROWS = 3;


export interface PlannedFormField {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly row: number;
  /** A2 */
  readonly labelAddress: string;
  /** B2: where the value goes (top-left of the merged value cell). */
  readonly valueAddress: string;
  /** B2:D2 */
  readonly valueMerge: string;
  readonly text: boolean;
  readonly hint?: string;
  readonly rowHeight: number;
  readonly list?: SheetList;
}

export interface PlannedJointColumn {
  readonly key: string;
  readonly header: string;
  readonly letter: string;
  readonly text: boolean;
  readonly list?: SheetList;
}

export interface PlannedJointTable {
  readonly label: string;
  /** Excel table name, e.g. PT_jointApplicants. */
  readonly tableName: string;
  /** A14:A17, merged. */
  readonly labelAddress: string;
  /** B14:D14 */
  readonly headerAddress: string;
  /** B14:D17: the Excel table, header included. */
  readonly tableAddress: string;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly columns: readonly PlannedJointColumn[];
}

export interface PlannedForm {
  readonly form: FormSpec['key'];
  readonly sheet: string;
  readonly title: string;
  /** A1:D1 */
  readonly titleAddress: string;
  readonly widths: readonly { readonly letter: string; readonly widthPoints: number }[];
  readonly fields: readonly PlannedFormField[];
  readonly joint?: PlannedJointTable;
}

/** The form the variant's submitter fills in: the one whose attachments include the variant. */
export function formSpecFor(variant: Variant): FormSpec {
  const spec = FORMS.find((f) => f.attachments.includes(variant));
  if (!spec) throw new Error(`no 基本情况 form for ${variant}`);
  return spec;
}

/** Sheets as the tables' sheets are numbered (一、基本情况 (2)); table names as theirs (PT_jointApplicants_2). */
function sheetWithSuffix(base: string, suffix: number): string {
  return suffix > 1 ? `${base} (${suffix})` : base;
}

function tableWithSuffix(base: string, suffix: number): string {
  return suffix > 1 ? `${base}_${suffix}` : base;
}

/** Pure: where every label, value, list and the joint-applicant table of the variant's form go. */
export function planForm(variant: Variant, suffix = 1): PlannedForm {
  const spec = formSpecFor(variant);
  const last = columnLetter(FORM_WIDTHS.length - 1);
  const nature = orgNatureList();
  const fields = spec.fields.map((f: FieldSpec, i): PlannedFormField => {
    const row = FORM_FIRST_FIELD_ROW + i;
    return {
      key: f.key,
      label: f.label,
      kind: f.kind,
      row,
      labelAddress: `A${row}`,
      valueAddress: `B${row}`,
      valueMerge: `B${row}:${last}${row}`,
      text: TEXT_FIELD_KINDS.has(f.kind),
      hint: f.hint,
      rowHeight: f.kind === 'text400' ? 90 : 22,
      list: f.kind === 'orgNature' ? nature : undefined,
    };
  });
  let joint: PlannedJointTable | undefined;
  if (spec === APPLICANT_BASICS) {
    const headerRow = FORM_FIRST_FIELD_ROW + fields.length;
    const lastRow = headerRow + JOINT_ROWS;
    const lastCol = columnLetter(JOINT_APPLICANT_COLUMNS.length);
    joint = {
      label: JOINT_APPLICANTS_LABEL,
      tableName: tableWithSuffix('PT_jointApplicants', suffix),
      labelAddress: `A${headerRow}:A${lastRow}`,
      headerAddress: `B${headerRow}:${lastCol}${headerRow}`,
      tableAddress: `B${headerRow}:${lastCol}${lastRow}`,
      headerRow,
      lastRow,
      columns: JOINT_APPLICANT_COLUMNS.map((c, i) => ({
        key: c.key,
        header: c.label,
        letter: columnLetter(i + 1),
        text: TEXT_FIELD_KINDS.has(c.kind),
        list: c.kind === 'orgNature' ? nature : undefined,
      })),
    };
  }
  return {
    form: spec.key,
    sheet: sheetWithSuffix(spec.title, suffix),
    title: spec.title,
    titleAddress: `A${FORM_TITLE_ROW}:${last}${FORM_TITLE_ROW}`,
    widths: FORM_WIDTHS.map((w, i) => ({ letter: columnLetter(i), widthPoints: charsToPoints(w) })),
    fields,
    ...(joint ? { joint } : {}),
  };
}

/** Validation from a list on the lists sheet: closed lists stop other values, open ones warn. */
export function queueDropdown(range: Excel.Range, title: string, list: Pick<SheetList, 'name' | 'open' | 'values'>): void {
  const dv = range.dataValidation;
  dv.rule = { list: { inCellDropDown: true, source: `=${list.name}` } };
  dv.errorAlert = {
    showAlert: true,
    style: list.open ? 'Warning' : 'Stop',
    title,
    message: list.open ? `「${title}」请优先从下拉列表中选择；列表外的值会在校验时提示核实。` : `「${title}」只能填写：${list.values.join('、')}。`,
  };
}

const LABEL_FILL = '#DDEBF7';
const HINT_COLOR = '#808080';

/** Queues the form sheet (no sync). Number formats are queued before any value, so codes keep their digits. */
export function writeForm(workbook: Excel.Workbook, f: PlannedForm): void {
  const sheet = workbook.worksheets.add(f.sheet);

  // Text format first, before any value reaches the sheet.
  for (const field of f.fields) if (field.text) sheet.getRange(field.valueAddress).numberFormat = [['@']];
  if (f.joint) {
    const j = f.joint;
    for (const c of j.columns) if (c.text) sheet.getRange(`${c.letter}${j.headerRow + 1}:${c.letter}${j.lastRow}`).numberFormat = Array.from({ length: JOINT_ROWS }, () => ['@']);
  }

  for (const w of f.widths) sheet.getRange(`${w.letter}:${w.letter}`).format.columnWidth = w.widthPoints;

  const title = sheet.getRange(f.titleAddress);
  title.merge(false);
  sheet.getRange(`A${FORM_TITLE_ROW}`).values = [[f.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  title.format.horizontalAlignment = 'Left';
  title.format.verticalAlignment = 'Center';
  title.format.rowHeight = 26;

  for (const field of f.fields) {
    const label = sheet.getRange(field.labelAddress);
    label.values = [[field.label]];
    labelStyle(label);
    const value = sheet.getRange(field.valueMerge);
    value.merge(false);
    value.format.verticalAlignment = 'Center';
    value.format.wrapText = true;
    value.format.rowHeight = field.rowHeight;
    if (field.hint) {
      const hint = sheet.getRange(field.valueAddress);
      hint.values = [[field.hint]];
      hint.format.font.italic = true;
      hint.format.font.color = HINT_COLOR;
    }
    if (field.list) queueDropdown(sheet.getRange(field.valueAddress), field.label, field.list);
  }

  if (f.joint) {
    const j = f.joint;
    const label = sheet.getRange(j.labelAddress);
    label.merge(false);
    sheet.getRange(`A${j.headerRow}`).values = [[j.label]];
    labelStyle(label);

    addHeaderedTable(sheet, { ...j, headers: j.columns.map((c) => c.header) }, 'TableStyleLight9');
    for (const c of j.columns) if (c.list) queueDropdown(sheet.getRange(`${c.letter}${j.headerRow + 1}:${c.letter}${j.lastRow}`), c.header, c.list);
  }
}

/**
 * An Excel table over a header row the template writes itself: bold, wrapped, centred headers, no filter buttons
 * (a fill-in form, not a list to sort). Returns the header range for callers that size it.
 */
export function addHeaderedTable(
  sheet: Excel.Worksheet,
  t: { readonly headerAddress: string; readonly tableAddress: string; readonly tableName: string; readonly headers: readonly string[] },
  style: string,
): Excel.Range {
  sheet.getRange(t.headerAddress).values = [[...t.headers]];
  const table = sheet.tables.add(t.tableAddress, true);
  table.name = t.tableName;
  table.style = style;
  table.showFilterButton = false;
  const header = sheet.getRange(t.headerAddress);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  return header;
}

function labelStyle(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.fill.color = LABEL_FILL;
  range.format.wrapText = true;
  range.format.horizontalAlignment = 'Center';
  range.format.verticalAlignment = 'Center';
}

/** Print setup of the form sheet (queued in the caller's print-setup round trip): portrait, one page wide. */
export function queueFormPageLayout(workbook: Excel.Workbook, f: PlannedForm): void {
  const layout = workbook.worksheets.getItem(f.sheet).pageLayout;
  layout.orientation = 'Portrait';
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
}
