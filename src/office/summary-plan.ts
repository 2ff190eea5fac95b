/**
 * The summary as Office.js will write it, as pure data: sheets, value blocks, tables, widths, the category
 * dropdowns, the PivotTable and the chart. It mirrors the exceljs summary workbook (src/xlsx/summary.ts: same sheet
 * names, table names, columns, blocks and list validations) so a summary written into Excel and one downloaded as
 * .xlsx look alike. Names come from the core (src/core/aggregate/names.ts); importing the writer itself would pull
 * exceljs into the task pane.
 */
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
import type { Summary } from '../core/aggregate/types';
import { maskText } from '../core/csv/mask';
import { columnLetter } from '../core/grid/types';
import { TABLE_KEYS } from '../core/notice/tables';
import type { Block, WriteValue } from './chunks';
import { dropdownList, type DropdownList } from './lists';
import { workbookLists, type SheetList } from './template-form';
import { charsToPoints } from './units';

/** The shared sheets, and a PivotTable sheet only Excel itself can make. */
export const OFFICE_SUMMARY_SHEETS = { ...SUMMARY_SHEET_NAMES, pivot: '数据透视' } as const;

export type SummarySheetKey = keyof typeof OFFICE_SUMMARY_SHEETS;

export const OFFICE_SUMMARY_TABLES = SUMMARY_TABLE_NAMES;

export const PIVOT_NAME = 'PT_Pivot_RegionIndustry';
/** The .xlsx summary's header fill for plain blocks. */
export const HEADER_FILL = '#DDEBF7';
/** Excel's limit for one cell. */
const MAX_CELL_CHARS = 32767;
/**
 * Most duplicate entries the PivotTable's filter hides one by one (two commands each, in the PivotTable's request).
 * Past it the filter would make that request too large for Excel on the web, so the sheet says instead that the
 * PivotTable counts the duplicates.
 */
export const MAX_PIVOT_HIDDEN_ITEMS = 5000;

export interface PlannedSheet {
  readonly key: SummarySheetKey;
  readonly name: string;
  /** Column widths in points, from column A. */
  readonly widths: readonly number[];
  readonly frozenRows: number;
  /** Ranges set in bold (titles, headers). */
  readonly bold: readonly string[];
  /** Header ranges of plain (non-table) blocks, filled light blue like the .xlsx. */
  readonly filled: readonly string[];
}

export interface PlannedSummaryTable {
  readonly name: string;
  readonly sheet: string;
  /** Header row included. */
  readonly address: string;
}

/**
 * A list validation over one category column's data rows, as the .xlsx summary has (src/xlsx/summary.ts
 * addListValidations): the same ranges and lists, the same alert style (stop for a closed list, warning for an
 * open one).
 */
export interface PlannedValidation {
  readonly sheet: string;
  /** Rows 2 to the table's last row of one column, e.g. "H2:H35"; "H2:H2" (its blank row) when the table is empty. */
  readonly address: string;
  /** The column header: the alert's title. */
  readonly title: string;
  readonly list: DropdownList;
}

/**
 * The PivotTable's report filter that makes it count what 统计 counts: the 重复（首次出现于） column as a filter
 * field with every non-blank entry hidden, so only rows not flagged as duplicates are counted.
 */
export interface PlannedPivotFilter {
  /** The filter field (the column header). */
  readonly field: string;
  /** Its non-blank entries, as written in the 服务对象 table (masked when the summary is), each once. */
  readonly hidden: readonly string[];
}

export interface PlannedPivot {
  readonly name: string;
  readonly sheet: string;
  readonly source: string;
  /** A5 with a report filter (Excel puts the filter two rows above, in A3), else A3. */
  readonly destination: string;
  readonly rows: string;
  readonly columns: string;
  readonly data: string;
  /** Present when 服务对象 has duplicate-flagged rows, and not too many of them to hide. */
  readonly filter?: PlannedPivotFilter;
  /** What the PivotTable counts when there are duplicates: written under the title once the PivotTable is made. */
  readonly note?: { readonly address: string; readonly text: string };
}

export interface PlannedChart {
  readonly sheet: string;
  readonly source: string;
  readonly title: string;
  readonly topLeft: string;
  readonly bottomRight: string;
}

export interface SummaryPlan {
  readonly suffix: number;
  readonly sheets: readonly PlannedSheet[];
  readonly blocks: readonly Block[];
  readonly tables: readonly PlannedSummaryTable[];
  /** The lists sheet's lists (every one, as 插入模板 writes them); empty without dropdowns. */
  readonly lists: readonly SheetList[];
  readonly validations: readonly PlannedValidation[];
  readonly pivot?: PlannedPivot;
  readonly chart?: PlannedChart;
}

function sheetName(key: SummarySheetKey, suffix: number): string {
  return suffix > 1 ? `${OFFICE_SUMMARY_SHEETS[key]} (${suffix})` : OFFICE_SUMMARY_SHEETS[key];
}

function tableName(base: string, suffix: number): string {
  return suffix > 1 ? `${base}_${suffix}` : base;
}

function clean(v: CellValue, mask: boolean): WriteValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  const s = mask ? maskText(v) : v;
  return s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s;
}

function rows(values: readonly (readonly CellValue[])[], width: number, mask: boolean): WriteValue[][] {
  return values.map((r) => {
    const out: WriteValue[] = [];
    for (let i = 0; i < width; i++) out.push(clean(r[i] ?? '', mask));
    return out;
  });
}

function range(row0: number, col0: number, row1: number, col1: number): string {
  const a = `${columnLetter(col0)}${row0 + 1}`;
  const z = `${columnLetter(col1)}${row1 + 1}`;
  return a === z ? a : `${a}:${z}`;
}


class SheetBuilder {
  readonly blocks: Block[] = [];
  readonly bold: string[] = [];
  readonly filled: string[] = [];
  readonly tables: PlannedSummaryTable[] = [];
  constructor(
    readonly name: string,
    private readonly mask: boolean,
  ) {}
  put(row: number, col: number, values: readonly (readonly CellValue[])[], width: number): void {
    if (values.length && width) this.blocks.push({ sheet: this.name, row, col, rows: rows(values, width, this.mask) });
  }
  /** A report block at `top` (0-based): title, header, rows; as a table or a plain range. Returns the next free top. */
  report(top: number, block: ReportBlock, table?: string): number {
    const width = block.header.length;
    this.put(top, 0, [[`${block.title}\u3000${block.titleEn}`]], 1);
    this.bold.push(`A${top + 1}`);
    const header = top + 1;
    this.put(header, 0, [block.header, ...block.rows], width);
    const last = header + Math.max(block.rows.length, 1);
    if (table) this.tables.push({ name: table, sheet: this.name, address: range(header, 0, last, width - 1) });
    else {
      this.bold.push(range(header, 0, header, width - 1));
      this.filled.push(range(header, 0, header, width - 1));
    }
    return last + 2;
  }
  /** A data sheet: one table from A1, header row 1; an empty table keeps one blank row, as Excel requires. */
  table(columns: readonly SummaryColumn[], body: readonly (readonly CellValue[])[], table: string): void {
    this.put(0, 0, [columns.map((c) => c.header), ...body], columns.length);
    this.bold.push(range(0, 0, 0, columns.length - 1));
    this.tables.push({ name: table, sheet: this.name, address: range(0, 0, Math.max(body.length, 1), columns.length - 1) });
  }
}

function widths(chars: readonly number[]): number[] {
  return chars.map(charsToPoints);
}

/** One list validation per category column of a data sheet, over rows 2 to `last` (1-based), as the .xlsx summary. */
function listValidations(sheet: string, columns: readonly SummaryColumn[], last: number): PlannedValidation[] {
  const out: PlannedValidation[] = [];
  columns.forEach((c, i) => {
    if (!c.vocabulary) return;
    const letter = columnLetter(i);
    out.push({ sheet, address: `${letter}2:${letter}${last}`, title: c.header, list: dropdownList(c.vocabulary) });
  });
  return out;
}

/** The 服务对象 column's distinct non-blank entries as written (masked when asked); case-insensitively once, as a PivotTable groups them. */
function duplicateEntries(summary: Summary, columns: readonly SummaryColumn[], mask: boolean): string[] {
  const index = columns.findIndex((c) => c.key === 'duplicateOf');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of summary.rows.targets) {
    if (!r.duplicateOf) continue;
    const text = String(clean(summaryRowValues(r, columns)[index], mask));
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

export interface PlanSummaryOptions {
  /** Sheet/table name suffix (1: none). */
  readonly suffix?: number;
  readonly mask?: boolean;
  /** Plan the PivotTable (ExcelApi 1.8). Default true. */
  readonly pivot?: boolean;
  /** Plan the category dropdowns (ExcelApi 1.8). Default true. */
  readonly dropdowns?: boolean;
  /** Most duplicate entries the PivotTable filter hides (default MAX_PIVOT_HIDDEN_ITEMS). */
  readonly maxHiddenItems?: number;
}

/** The whole summary, for sheet/table name suffix `suffix` (1: no suffix). Pure. */
export function planSummary(summary: Summary, options: PlanSummaryOptions = {}): SummaryPlan {
  const suffix = options.suffix ?? 1;
  const mask = !!options.mask;
  const dropdowns = options.dropdowns !== false;
  const sheets: PlannedSheet[] = [];
  const blocks: Block[] = [];
  const tables: PlannedSummaryTable[] = [];
  const validations: PlannedValidation[] = [];
  const add = (key: SummarySheetKey, b: SheetBuilder, w: number[], frozenRows: number) => {
    sheets.push({ key, name: b.name, widths: w, frozenRows, bold: b.bold, filled: b.filled });
    blocks.push(...b.blocks);
    tables.push(...b.tables);
  };

  const cover = new SheetBuilder(sheetName('cover', suffix), mask);
  const lines = coverLines(summary, { mask });
  cover.put(0, 0, lines, 2);
  cover.bold.push(`A1:A${lines.length}`);
  let top = lines.length + 1;
  top = cover.report(top, filesBlock(summary), tableName(OFFICE_SUMMARY_TABLES.files, suffix));
  cover.report(top, reconciliationBlock(summary), tableName(OFFICE_SUMMARY_TABLES.reconciliation, suffix));
  add('cover', cover, widths([22, 40, 12, 14, 8, 28, 12, 12, 12, 8, 8, 8, 40]), 0);

  for (const t of TABLE_KEYS) {
    const columns = summaryColumns(t);
    const b = new SheetBuilder(sheetName(t, suffix), mask);
    b.table(columns, summary.rows[t].map((r) => summaryRowValues(r, columns)), tableName(OFFICE_SUMMARY_TABLES[t], suffix));
    add(t, b, widths(columns.map((c) => c.width)), 1);
    // Over the table's data rows: its blank row when it is empty.
    if (dropdowns) validations.push(...listValidations(b.name, columns, Math.max(summary.rows[t].length, 1) + 1));
  }

  // 联合申报单位 (附件3): a table like the others, header and one blank row when no file has joint applicants.
  // Codes are strings, written with the text format (chunks.ts), so an 18-digit code stays exact.
  const jointColumns = jointApplicantColumns();
  const joint = new SheetBuilder(sheetName('jointApplicants', suffix), mask);
  joint.table(jointColumns, summary.jointApplicants.map((r) => jointApplicantRowValues(r, jointColumns)), tableName(OFFICE_SUMMARY_TABLES.jointApplicants, suffix));
  add('jointApplicants', joint, widths(jointColumns.map((c) => c.width)), 1);

  const stats = new SheetBuilder(sheetName('statistics', suffix), mask);
  const statBlocks = statisticsBlocks(summary);
  let chart: PlannedChart | undefined;
  top = 0;
  for (const block of statBlocks) {
    const header = top + 1;
    if (block.key === 'regionByIndustry') {
      const tab = summary.statistics.regionByIndustry;
      // Regions × industries, without the 合计 row and column.
      if (tab.rows.length && tab.columns.length) {
        const maxWidth = Math.max(...statBlocks.map((b) => b.header.length));
        chart = {
          sheet: stats.name,
          source: range(header, 0, header + tab.rows.length, tab.columns.length),
          title: block.title,
          topLeft: `${columnLetter(maxWidth + 1)}2`,
          bottomRight: `${columnLetter(maxWidth + 9)}22`,
        };
      }
    }
    top = stats.report(top, block);
  }
  add('statistics', stats, widths([36, ...new Array<number>(15).fill(12)]), 0);

  const issues = new SheetBuilder(sheetName('issues', suffix), mask);
  issues.table(ISSUE_COLUMNS, summary.issues.map(issueRowValues), tableName(OFFICE_SUMMARY_TABLES.issues, suffix));
  add('issues', issues, widths(ISSUE_COLUMNS.map((c) => c.width)), 1);

  let pivot: PlannedPivot | undefined;
  if (options.pivot !== false && summary.rows.targets.length > 0) {
    const targetColumns = summaryColumns('targets');
    const header = (key: string) => targetColumns.find((c) => c.key === key)!.header;
    const p = new SheetBuilder(sheetName('pivot', suffix), mask);
    p.put(0, 0, [['服务对象：地区 × 所在行业领域（企业数）\u3000Targets: region × industry (count)']], 1);
    p.bold.push('A1');
    add('pivot', p, widths([24, 14, 14, 14, 14, 14, 14, 14]), 0);
    // 统计 leaves duplicate-flagged rows out (stats.ts countedRows); the PivotTable hides them with a report filter.
    const duplicates = summary.rows.targets.filter((r) => r.duplicateOf).length;
    const hidden = duplicates ? duplicateEntries(summary, targetColumns, mask) : [];
    const filtered = hidden.length > 0 && hidden.length <= (options.maxHiddenItems ?? MAX_PIVOT_HIDDEN_ITEMS);
    const field = header('duplicateOf');
    pivot = {
      name: tableName(PIVOT_NAME, suffix),
      sheet: p.name,
      source: tableName(OFFICE_SUMMARY_TABLES.targets, suffix),
      destination: filtered ? 'A5' : 'A3',
      rows: header('region'),
      columns: header('n.industry'),
      data: header('name'),
      ...(filtered ? { filter: { field, hidden } } : {}),
      ...(duplicates
        ? {
            note: {
              address: 'A2',
              text: filtered
                ? `不含标为重复的 ${duplicates} 行（筛选“${field}”只保留空白），与“统计”一致。\u3000The ${duplicates} duplicate-flagged rows are filtered out, as on 统计.`
                : `含标为重复的 ${duplicates} 行（太多，未筛除）；“统计”不含这些行。\u3000Counts the ${duplicates} duplicate-flagged rows (too many to filter out); 统计 leaves them out.`,
            },
          }
        : {}),
    };
  }
  const lists = dropdowns && validations.length ? workbookLists() : [];
  return { suffix, sheets, blocks, tables, lists, validations, ...(pivot ? { pivot } : {}), ...(chart ? { chart } : {}) };
}
