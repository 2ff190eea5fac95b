/**
 * 插入模板: writes the 基本情况 form and the tables of 附件2 or 附件3 into the open workbook through Office.js.
 *
 * The form on its own sheet (一、基本情况 / （一）基本信息, laid out as the .xlsx template: see ./template-form),
 * then one sheet per table (表1 服务机构, 表2 服务对象 …): each table keeps its own column widths, print setup and
 * frozen header, the reader finds one table per sheet, and a person sees the notice's numbering in the tabs.
 *
 * Every fact (titles, headers, hints, widths, text columns, vocabularies, row counts) is read from src/core/notice.
 * The number of `context.sync()` calls is fixed (probe, write, print setup) whatever the row count.
 */
import { TABLES, VARIANTS, tableTitle, type TableKey, type Variant } from '../core/notice';
import { columnLetter } from '../core/grid/types';
import { dropdownList, LISTS_SHEET, type DropdownList } from './lists';
import { addHeaderedTable, planForm, queueDropdown, queueFormPageLayout, workbookLists, writeForm, type PlannedForm, type SheetList } from './template-form';
import { OfficeFeatureError, requireExcelApi, type RequirementSource } from './requirements';
import { charsToPoints } from './units';

/** Most rows a single insertion writes (keeps one request well under Excel on the web's 5 MB limit). */
export const MAX_TEMPLATE_ROWS = 50000;
/** First sheet row of the title, the header and the data. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export interface InsertOptions {
  /** Numbered rows per table; default: as many as the notice prints (VARIANTS templateRows). */
  readonly rows?: number;
  /** What to do when the sheets or tables already exist: refuse (default), or add a copy with a suffix. */
  readonly onExisting?: 'refuse' | 'alongside';
  /** Requirement-set checker; defaults to Office.context.requirements. */
  readonly requirements?: RequirementSource;
}

export interface PlannedColumn {
  readonly key: string;
  readonly header: string;
  readonly letter: string;
  readonly widthPoints: number;
  readonly text: boolean;
  readonly hint?: string;
  readonly list?: DropdownList;
}

export interface PlannedTable {
  readonly table: TableKey;
  readonly sheet: string;
  /** Excel table name, e.g. PT_agencies. */
  readonly tableName: string;
  readonly title: string;
  readonly rows: number;
  readonly columns: readonly PlannedColumn[];
  /** A1:E1 */
  readonly titleAddress: string;
  /** A2:E2 */
  readonly headerAddress: string;
  /** A2:E7: the Excel table, header included. */
  readonly tableAddress: string;
  readonly lastRow: number;
}

export interface TemplatePlan {
  readonly variant: Variant;
  readonly suffix: number;
  /** The 基本情况 form, on the sheet before the tables. */
  readonly form: PlannedForm;
  readonly tables: readonly PlannedTable[];
  readonly lists: readonly SheetList[];
}

export interface InsertResult {
  readonly plan: TemplatePlan;
  /** False when the host refused the print setup; the tables are there either way. */
  readonly printSetup: boolean;
}

export class TemplateExistsError extends OfficeFeatureError {
  readonly existing: readonly string[];
  constructor(existing: readonly string[]) {
    super(
      'template.exists',
      `工作簿中已有同名的工作表或表格：${existing.join('、')}。为保护已填写的数据，未做任何改动。如需另建一份，请选择「另建一份（加编号）」。`,
      `The workbook already has: ${existing.join(', ')}. Nothing was changed, to protect data already entered. Choose "add a copy (numbered)" to insert another set.`,
    );
    this.existing = existing;
  }
}

function sheetName(variant: Variant, table: TableKey, suffix: number): string {
  const number = VARIANTS[variant].tables.find((t) => t.table === table)?.number;
  const base = `表${number} ${TABLES[table].shortName}`;
  return suffix > 1 ? `${base} (${suffix})` : base;
}

function tableName(table: TableKey, suffix: number): string {
  return suffix > 1 ? `PT_${table}_${suffix}` : `PT_${table}`;
}

/** The template as data: what goes where. Pure; the tests and the writer share it. */
export function planTemplate(variant: Variant, options: { rows?: number; suffix?: number } = {}): TemplatePlan {
  const suffix = options.suffix ?? 1;
  if (options.rows !== undefined && (!Number.isInteger(options.rows) || options.rows < 1 || options.rows > MAX_TEMPLATE_ROWS)) {
    throw new OfficeFeatureError(
      'template.rows',
      `行数应为 1 到 ${MAX_TEMPLATE_ROWS} 之间的整数。`,
      `The row count must be a whole number from 1 to ${MAX_TEMPLATE_ROWS}.`,
    );
  }
  const tables = VARIANTS[variant].tables.map((vt): PlannedTable => {
    const spec = TABLES[vt.table];
    const rows = options.rows ?? vt.templateRows;
    const last = columnLetter(spec.columns.length - 1);
    const lastRow = HEADER_ROW + rows;
    const columns = spec.columns.map((c, i): PlannedColumn => {
      return {
        key: c.key,
        header: c.header,
        letter: columnLetter(i),
        widthPoints: charsToPoints(c.width),
        text: c.text,
        hint: c.hint,
        list: c.vocabulary ? dropdownList(c.vocabulary) : undefined,
      };
    });
    return {
      table: vt.table,
      sheet: sheetName(variant, vt.table, suffix),
      tableName: tableName(vt.table, suffix),
      title: tableTitle(variant, vt.table),
      rows,
      columns,
      titleAddress: `A${TITLE_ROW}:${last}${TITLE_ROW}`,
      headerAddress: `A${HEADER_ROW}:${last}${HEADER_ROW}`,
      tableAddress: `A${HEADER_ROW}:${last}${lastRow}`,
      lastRow,
    };
  });
  // The lists sheet holds every list, so a later insertion of the other variant finds its names defined.
  return { variant, suffix, form: planForm(variant, suffix), tables, lists: workbookLists() };
}

function column(rows: number, value: string | number | ((i: number) => string | number)): (string | number)[][] {
  const out: (string | number)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = [typeof value === 'function' ? value(i) : value];
  return out;
}

/**
 * Inserts the variant's form and tables. Refuses (TemplateExistsError) when any of its sheets or tables exists,
 * unless `onExisting: 'alongside'`, which adds a numbered copy (一、基本情况 (2), 表1 服务机构 (2), PT_agencies_2).
 */
export async function insertTemplate(context: Excel.RequestContext, variant: Variant, options: InsertOptions = {}): Promise<InsertResult> {
  requireExcelApi('1.9', '插入模板', 'insert template', options.requirements);
  planTemplate(variant, { rows: options.rows }); // validates the options before any round trip

  // Round trip 1: what exists already.
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name');
  const tables = workbook.tables.load('items/name');
  const names = workbook.names.load('items/name');
  await context.sync();

  const sheetNames = new Set(sheets.items.map((s) => s.name));
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const definedNames = new Set(names.items.map((n) => n.name.toLowerCase()));
  const clashes = (p: TemplatePlan): string[] => {
    const out: string[] = [];
    if (sheetNames.has(p.form.sheet)) out.push(`工作表「${p.form.sheet}」`);
    if (p.form.joint && tableNames.has(p.form.joint.tableName.toLowerCase())) out.push(`表格 ${p.form.joint.tableName}`);
    for (const t of p.tables) {
      if (sheetNames.has(t.sheet)) out.push(`工作表「${t.sheet}」`);
      if (tableNames.has(t.tableName.toLowerCase())) out.push(`表格 ${t.tableName}`);
    }
    return out;
  };

  let plan = planTemplate(variant, { rows: options.rows });
  const found = clashes(plan);
  if (found.length > 0) {
    if (options.onExisting !== 'alongside') throw new TemplateExistsError(found);
    let suffix = 2;
    while (clashes((plan = planTemplate(variant, { rows: options.rows, suffix }))).length > 0) suffix++;
  }

  // Round trip 2: everything is queued, then sent at once.
  writeLists(workbook, sheetNames.has(LISTS_SHEET), plan.lists, definedNames);
  writeForm(workbook, plan.form);
  for (const t of plan.tables) writeTable(workbook, t);
  // The form comes first, as in the notice: the person starts with its first value.
  const first = workbook.worksheets.getItem(plan.form.sheet);
  first.activate();
  first.getRange(plan.form.fields[0].valueAddress).select();
  await context.sync();

  // Round trip 3: print setup (ExcelApi 1.9). A host that refuses it does not undo the template.
  let printSetup = true;
  try {
    queueFormPageLayout(workbook, plan.form);
    for (const t of plan.tables) {
      const layout = workbook.worksheets.getItem(t.sheet).pageLayout;
      layout.orientation = 'Landscape';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      layout.setPrintTitleRows(`$${HEADER_ROW}:$${HEADER_ROW}`);
    }
    await context.sync();
  } catch {
    printSetup = false;
  }
  return { plan, printSetup };
}

/**
 * Queues the very-hidden lists sheet and one workbook name per list (no sync). `exists`: the sheet is already there;
 * `definedNames`: the workbook's names, lower-cased. Shared by 插入模板 and the in-Excel 汇总.
 */
export function writeLists(workbook: Excel.Workbook, exists: boolean, lists: readonly SheetList[], definedNames: ReadonlySet<string>): void {
  // The lists sheet is the add-in's own (no user data), so it is rewritten to the current vocabularies.
  const sheet = exists ? workbook.worksheets.getItem(LISTS_SHEET) : workbook.worksheets.add(LISTS_SHEET);
  if (exists) sheet.getRange().clear('Contents');
  for (const list of lists) {
    sheet.getRange(`${list.column}1:${list.column}${list.values.length}`).values = list.values.map((v) => [v]);
    if (definedNames.has(list.name.toLowerCase())) workbook.names.getItem(list.name).formula = list.formula;
    else workbook.names.add(list.name, list.formula, `试点表格助手下拉列表 / Pilot Tables dropdown (${list.key})`);
  }
  sheet.visibility = 'VeryHidden';
}

function writeTable(workbook: Excel.Workbook, t: PlannedTable): void {
  const sheet = workbook.worksheets.add(t.sheet);
  const bodyRange = (c: PlannedColumn) => `${c.letter}${FIRST_DATA_ROW}:${c.letter}${t.lastRow}`;

  // Text format first, before any value reaches the sheet, so phones and codes keep every digit.
  for (const c of t.columns) if (c.text) sheet.getRange(bodyRange(c)).numberFormat = column(t.rows, '@');

  const title = sheet.getRange(t.titleAddress);
  title.merge(false);
  sheet.getRange(`A${TITLE_ROW}`).values = [[t.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  title.format.horizontalAlignment = 'Center';
  title.format.verticalAlignment = 'Center';
  title.format.rowHeight = 28;

  const header = addHeaderedTable(sheet, { ...t, headers: t.columns.map((c) => c.header) }, 'TableStyleMedium2');
  header.format.rowHeight = 32;

  for (const c of t.columns) {
    sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.widthPoints;
    if (c.key === 'seq') sheet.getRange(bodyRange(c)).values = column(t.rows, (i) => i + 1);
    if (c.hint) sheet.getRange(`${c.letter}${FIRST_DATA_ROW}`).values = [[c.hint]];
    if (c.list) queueDropdown(sheet.getRange(bodyRange(c)), c.header, c.list);
  }
  sheet.getRange(`A${FIRST_DATA_ROW}:${columnLetter(t.columns.length - 1)}${t.lastRow}`).format.verticalAlignment = 'Center';
  sheet.freezePanes.freezeRows(HEADER_ROW);
}

export { FORM_WIDTHS, JOINT_ROWS, formSpecFor, orgNatureList, planForm, type PlannedForm, type PlannedFormField, type PlannedJointTable, type PlannedJointColumn, type SheetList } from './template-form';
