/**
 * The summary workbook, written with exceljs (in Node and in the browser: bytes in memory, no file system).
 *
 * Sheets: 说明 (cover: when, which files, status, reconciliation), 服务机构, 服务对象, 服务方案 (each a real
 * Excel table with a frozen header, widths, text-formatted phones and codes, dropdowns on the category columns),
 * 联合申报单位 (附件3's joint applicants, a table too; header only when there are none), 统计, 问题清单 (a table too), and a very-hidden `lists` sheet holding the dropdown values under defined names.
 */
import ExcelJS from 'exceljs';
import type { Summary } from '../core/aggregate/types';
import {
  ISSUE_COLUMNS,
  issueRowValues,
  jointApplicantColumns,
  jointApplicantRowValues,
  summaryColumns,
  summaryRowValues,
  type CellValue,
  type SummaryColumn,
} from '../core/aggregate/columns';
import { coverLines, filesBlock, reconciliationBlock, statisticsBlocks, type ReportBlock } from '../core/aggregate/report';
import { SUMMARY_SHEET_NAMES, SUMMARY_TABLE_NAMES } from '../core/aggregate/names';
import { maskText } from '../core/csv/mask';
import { TABLE_KEYS, type VocabularyKey } from '../core/notice/tables';
import { colLetter, dropdownFor, type DropdownList } from './template-lists';

export interface SummaryWriteOptions {
  /** Show mobiles as 138****8000 and e-mails as z***@qq.com in every cell. */
  readonly mask?: boolean;
}

/** Sheet names, in order: the shared ones and a very-hidden sheet for the dropdown lists. */
export const SUMMARY_SHEETS = { ...SUMMARY_SHEET_NAMES, lists: 'lists' } as const;

export { SUMMARY_TABLE_NAMES };

/** Every table's style (the streamed writer writes the same into its table parts). */
export const TABLE_STYLE = { theme: 'TableStyleMedium2' as const, showRowStripes: true };
export const TEXT_FMT = '@';
// Characters XML 1.0 cannot hold; a pasted control character would otherwise make the file unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Excel's limit for one cell. */
const MAX_CELL_CHARS = 32767;

export function cleanText(s: string, mask: boolean): string {
  let out = s.replace(XML_INVALID, '');
  if (mask) out = maskText(out);
  return out.length > MAX_CELL_CHARS ? out.slice(0, MAX_CELL_CHARS) : out;
}

/** A model value as written: '' → empty cell, text cleaned (and masked when asked). */
export function cellValue(v: CellValue, mask: boolean): ExcelJS.CellValue {
  if (typeof v === 'number') return v;
  return v === '' ? null : cleanText(v, mask);
}

interface TableSheetSpec {
  readonly sheet: ExcelJS.Worksheet;
  readonly name: string;
  readonly columns: readonly SummaryColumn[];
  readonly rows: CellValue[][];
  readonly mask: boolean;
  readonly lists?: DropdownLists;
}

/** Where a data sheet finds its dropdown lists (the lists sheet, written now or at the end). */
export interface DropdownLists {
  get(key: VocabularyKey): DropdownList;
}

/** A data sheet's view: the header row frozen. */
export function frozenHeaderViews(): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

/** A data sheet's layout before any row: frozen header, widths, text columns as text. */
export function setUpTableSheet(sheet: ExcelJS.Worksheet, columns: readonly SummaryColumn[]): void {
  sheet.views = frozenHeaderViews();
  setUpColumns(sheet, columns);
}

/** Widths, and the text format on text columns. */
export function setUpColumns(sheet: ExcelJS.Worksheet, columns: readonly SummaryColumn[]): void {
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    if (c.text) col.numFmt = TEXT_FMT;
  });
}

/** The header row's look on a data sheet. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
}

/** One list validation per category column, over its whole data range (rows 2 to `last`). */
export function addListValidations(sheet: ExcelJS.Worksheet, columns: readonly SummaryColumn[], last: number, lists: DropdownLists): void {
  columns.forEach((c, i) => {
    if (!c.vocabulary) return;
    const list = lists.get(c.vocabulary);
    const letter = colLetter(i + 1);
    validations(sheet).add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.name],
      showErrorMessage: true,
      errorStyle: list.open ? 'warning' : 'stop',
      errorTitle: c.header,
      error: list.open ? `“${c.header}”宜取通知中的值（${list.values.slice(0, 4).join('、')}等）。` : `“${c.header}”只能是：${list.values.join('、')}。`,
    });
  });
}

/** A data sheet: one Excel table from A1, header frozen, widths, text columns as text, dropdowns on categories. */
function writeTableSheet({ sheet, name, columns, rows, mask, lists }: TableSheetSpec): void {
  setUpTableSheet(sheet, columns);
  // Excel wants at least one data row in a table: an empty summary gets one blank row.
  const data: ExcelJS.CellValue[][] = rows.length ? rows.map((r) => r.map((v) => cellValue(v, mask))) : [columns.map(() => null)];
  sheet.addTable({
    name,
    displayName: name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: TABLE_STYLE,
    // No per-column table style: exceljs writes it as tableColumn/@dxfId, which the schema does not allow (openpyxl
    // refuses the file); the cells carry the text format themselves.
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: data,
  });
  styleHeaderRow(sheet.getRow(1));
  if (!lists) return;
  addListValidations(sheet, columns, data.length + 1, lists);
}

/** exceljs has `worksheet.dataValidations.add(range, …)` (one sqref per range) but its typings omit it. */
export function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Column `col` of the lists sheet: the list's label, its values below, published under its defined name. */
export function writeListColumn(sheet: ExcelJS.Worksheet, definedNames: ExcelJS.DefinedNames, col: number, list: DropdownList): void {
  const letter = colLetter(col);
  sheet.getCell(1, col).value = list.label;
  list.values.forEach((v, i) => (sheet.getCell(i + 2, col).value = v));
  definedNames.add(`'${SUMMARY_SHEETS.lists}'!$${letter}$2:$${letter}$${list.values.length + 1}`, list.name);
}

/** The very-hidden sheet holding each dropdown's values, published under a defined name (List_<vocabulary>). */
class ListsSheet implements DropdownLists {
  private readonly lists = new Map<VocabularyKey, DropdownList>();
  private readonly sheet: ExcelJS.Worksheet;

  constructor(private readonly wb: ExcelJS.Workbook) {
    this.sheet = wb.addWorksheet(SUMMARY_SHEETS.lists, { state: 'veryHidden' });
  }

  get(key: VocabularyKey): DropdownList {
    const found = this.lists.get(key);
    if (found) return found;
    const list = dropdownFor(key);
    writeListColumn(this.sheet, this.wb.definedNames, this.lists.size + 1, list);
    this.lists.set(key, list);
    return list;
  }
}

/**
 * How a small block becomes an Excel table: its header at `headerRow`, column A, `rows` below (at least one).
 * The in-memory writer uses exceljs's addTable; the streamed writer writes the cells and a table part itself.
 */
export type BlockTableWriter = (sheet: ExcelJS.Worksheet, name: string, headerRow: number, header: readonly string[], rows: ExcelJS.CellValue[][]) => void;

const addBlockTable: BlockTableWriter = (sheet, tableName, headerRow, header, rows) => {
  sheet.addTable({
    name: tableName,
    displayName: tableName,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: TABLE_STYLE,
    columns: header.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length ? rows : [header.map(() => null)],
  });
};

function writeBlock(sheet: ExcelJS.Worksheet, top: number, block: ReportBlock, mask: boolean, tableName?: string, addTable: BlockTableWriter = addBlockTable): number {
  const title = sheet.getCell(top, 1);
  title.value = `${block.title}\u3000${block.titleEn}`;
  title.font = { bold: true, size: 12 };
  const headerRow = top + 1;
  const rows = block.rows.map((r) => r.map((v) => cellValue(v, mask)));
  if (tableName) {
    addTable(sheet, tableName, headerRow, block.header, rows);
    return headerRow + Math.max(rows.length, 1) + 2;
  }
  block.header.forEach((h, j) => {
    const c = sheet.getCell(headerRow, j + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  rows.forEach((r, i) => r.forEach((v, j) => (sheet.getCell(headerRow + 1 + i, j + 1).value = v)));
  return headerRow + rows.length + 2;
}

/** The 说明 sheet: cover lines, then the file list and the reconciliation as tables (through `addTable`). */
export function writeCover(sheet: ExcelJS.Worksheet, summary: Summary, mask: boolean, addTable: BlockTableWriter = addBlockTable): void {
  const lines = coverLines(summary, { mask });
  lines.forEach(([k, v], i) => {
    const a = sheet.getCell(i + 1, 1);
    a.value = k;
    a.font = { bold: true, size: i === 0 ? 14 : 11 };
    if (i > 0) sheet.getCell(i + 1, 2).value = v;
  });
  let top = lines.length + 2;
  top = writeBlock(sheet, top, filesBlock(summary), mask, SUMMARY_TABLE_NAMES.files, addTable);
  writeBlock(sheet, top, reconciliationBlock(summary), mask, SUMMARY_TABLE_NAMES.reconciliation, addTable);
  [22, 40, 12, 14, 8, 28, 12, 12, 12, 8, 8, 8, 40].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

/** The 统计 sheet: the statistics blocks one under another (plain cells, no tables). */
export function writeStatistics(sheet: ExcelJS.Worksheet, summary: Summary, mask: boolean): void {
  let top = 1;
  for (const block of statisticsBlocks(summary)) top = writeBlock(sheet, top, block, mask);
  sheet.getColumn(1).width = 36;
  for (let i = 2; i <= 16; i++) sheet.getColumn(i).width = 12;
}

/** Build the workbook object (exposed for tests and the bench). */
export function buildSummaryWorkbook(summary: Summary, options: SummaryWriteOptions = {}): ExcelJS.Workbook {
  const mask = !!options.mask;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pilot Tables 试点表格助手';
  wb.created = new Date(summary.generatedAt);
  const cover = wb.addWorksheet(SUMMARY_SHEETS.cover);
  const dataSheets = TABLE_KEYS.map((t) => [t, wb.addWorksheet(SUMMARY_SHEETS[t])] as const);
  const joint = wb.addWorksheet(SUMMARY_SHEETS.jointApplicants);
  const stats = wb.addWorksheet(SUMMARY_SHEETS.statistics);
  const issues = wb.addWorksheet(SUMMARY_SHEETS.issues);
  const lists = new ListsSheet(wb);

  writeCover(cover, summary, mask);
  for (const [table, sheet] of dataSheets) {
    const columns = summaryColumns(table);
    writeTableSheet({
      sheet,
      name: SUMMARY_TABLE_NAMES[table],
      columns,
      rows: summary.rows[table].map((r) => summaryRowValues(r, columns)),
      mask,
      lists,
    });
  }
  const jointColumns = jointApplicantColumns();
  writeTableSheet({
    sheet: joint,
    name: SUMMARY_TABLE_NAMES.jointApplicants,
    columns: jointColumns,
    rows: summary.jointApplicants.map((r) => jointApplicantRowValues(r, jointColumns)),
    mask,
  });
  writeStatistics(stats, summary, mask);
  writeTableSheet({ sheet: issues, name: SUMMARY_TABLE_NAMES.issues, columns: ISSUE_COLUMNS, rows: summary.issues.map(issueRowValues), mask });
  return wb;
}

/** The summary workbook as .xlsx bytes. */
export async function writeSummaryWorkbook(summary: Summary, options: SummaryWriteOptions = {}): Promise<Uint8Array> {
  const wb = buildSummaryWorkbook(summary, options);
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
