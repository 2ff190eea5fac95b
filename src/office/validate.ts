/**
 * 校验 inside Excel: read every sheet in two round trips, run the same locator and validator as the file path,
 * mark invalid cells with removable conditional formats, select an issue's cell, apply certain fixes.
 *
 * Round trips are fixed, whatever the row count: checkWorkbook 2 (3 with marks), clearMarks 3, applyFixes 3,
 * selectIssueCell 1 — except for a workbook too large for one response, which checkWorkbook reads in row blocks.
 */
import { locateSubmission } from '../core/locate';
import { validateSubmission } from '../core/rules/validate';
import { compareIssues, type Issue } from '../core/issues';
import { TABLES, type TableKey } from '../core/notice/tables';
import type { Submission } from '../core/submission/types';
import { columnLetter } from '../core/grid/types';
import { isPayloadError } from './chunks';
import { gridSheetFrom, parseMergedAreas, valueText, type LoadedSheet } from './grid';
import { loadMarks, planMarks, queueMarks } from './marks';
import { asOwnWrite } from './own-writes';
import { OfficeFeatureError, officeRequirements, requireExcelApi, type RequirementSource } from './requirements';

export interface WorkbookCheck {
  submission: Submission;
  issues: Issue[];
  tables: { table: TableKey; sheet: string; headerRow: number; rows: number }[];
  /** Cells marked (0 unless `mark`). */
  marked: number;
}

export interface CheckOptions {
  /** Replace the add-in's marks with marks for this check's errors and warnings. */
  mark?: boolean;
  /** Requirement-set checker; defaults to Office.context.requirements. */
  requirements?: RequirementSource;
}

/** Merged areas come with ExcelApi 1.13; without them the locator still reads split headers by position. */
function supports(source: RequirementSource | undefined, version: string): boolean {
  return !!source && source.isSetSupported('ExcelApi', version);
}

export async function checkWorkbook(context: Excel.RequestContext, options: CheckOptions = {}): Promise<WorkbookCheck> {
  const requirements = options.requirements ?? officeRequirements();
  // Workbook.name is ExcelApi 1.7; marks use RangeAreas conditional formats, ExcelApi 1.9.
  if (options.mark) requireExcelApi('1.9', '标记问题单元格', 'mark invalid cells', requirements);
  else requireExcelApi('1.7', '校验', 'validate', requirements);
  const withMerges = supports(requirements, '1.13');

  // Round trip 1: which sheets there are (hidden ones included) and the workbook's name (for the region).
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/visibility');
  workbook.load('name');
  await context.sync();

  // Round trip 2: every sheet's used range at once, merges where the host has them, our marks when re-marking.
  // A workbook too large for one response (Excel on the web: 5 MB) is read again in row blocks instead.
  const names = sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) }));
  let loaded: LoadedSheet[];
  let marks: ReturnType<typeof loadMarks> | undefined;
  try {
    const loads = names.map((s) => {
      const ws = workbook.worksheets.getItem(s.name);
      const used = ws.getUsedRangeOrNullObject(true).load('values,numberFormat,rowIndex,columnIndex');
      return { ...s, used, merges: queueMerges(ws, withMerges) };
    });
    marks = options.mark ? loadMarks(context, names.map((l) => l.name)) : undefined;
    await context.sync();
    loaded = loads.map((l) => ({
      name: l.name,
      visibility: l.visibility,
      ...(l.used.isNullObject ? {} : { used: { rowIndex: l.used.rowIndex, columnIndex: l.used.columnIndex, values: l.used.values, numberFormat: l.used.numberFormat } }),
      ...mergesOf(l.merges),
    }));
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    ({ loaded, marks } = await readInBlocks(context, names, withMerges, !!options.mark));
  }

  const grid = { file: workbook.name || '', sheets: loaded.map(gridSheetFrom) };
  const located = locateSubmission(grid);
  const issues = [...located.issues, ...validateSubmission(located.submission)];
  issues.sort(compareIssues);

  let marked = 0;
  if (marks) {
    // Round trip 3: old marks out, new marks in, in one batch.
    const plan = planMarks(issues, new Set(names.map((l) => l.name)));
    for (const m of marks.ours()) m.format.delete();
    queueMarks(context, plan.rules);
    // Conditional formats are formatting: they raise onFormatChanged, not onChanged, so live validation never sees them.
    await context.sync();
    marked = plan.cells;
  }

  const tables = (Object.values(located.submission.tables) as NonNullable<Submission['tables'][TableKey]>[]).map((t) => ({
    table: t.table,
    sheet: t.sheet ?? '',
    headerRow: t.headerRows?.[0] ?? 0,
    rows: t.rows.length,
  }));
  return { submission: located.submission, issues, tables, marked };
}

/** Cells read per round trip when a workbook does not fit one response; halved while the host still refuses. */
export const READ_BLOCK_CELLS = 20_000;

// Asked of the whole sheet, not the used range: a method on an empty sheet's null used range would fail the batch.
function queueMerges(ws: Excel.Worksheet, withMerges: boolean): Excel.RangeAreas | undefined {
  return withMerges ? ws.getRange().getMergedAreasOrNullObject().load('address') : undefined;
}

function mergesOf(merges: Excel.RangeAreas | undefined): Pick<LoadedSheet, 'merges'> {
  return merges && !merges.isNullObject ? { merges: parseMergedAreas(merges.address) } : {};
}

/**
 * The fallback read: one round trip for each sheet's used-range size, merges and marks, then the cells in row
 * blocks of about READ_BLOCK_CELLS (halved on a refused response). Only workbooks past the response limit pay
 * for round trips that grow with rows.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  names: readonly { name: string; visibility: string }[],
  withMerges: boolean,
  mark: boolean,
): Promise<{ loaded: LoadedSheet[]; marks: ReturnType<typeof loadMarks> | undefined }> {
  const sizes = names.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    return { ...s, ws, used: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'), merges: queueMerges(ws, withMerges) };
  });
  const marks = mark ? loadMarks(context, names.map((l) => l.name)) : undefined;
  await context.sync();

  const loaded: LoadedSheet[] = [];
  let blockCells = READ_BLOCK_CELLS;
  for (const s of sizes) {
    if (s.used.isNullObject) {
      loaded.push({ name: s.name, visibility: s.visibility, ...mergesOf(s.merges) });
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = s.used;
    const values: unknown[][] = [];
    const numberFormat: unknown[][] = [];
    for (let r = 0; r < rowCount; ) {
      const rows = Math.min(rowCount - r, Math.max(1, Math.floor(blockCells / Math.max(1, columnCount))));
      const address = `${columnLetter(columnIndex)}${rowIndex + r + 1}:${columnLetter(columnIndex + columnCount - 1)}${rowIndex + r + rows}`;
      const block = s.ws.getRange(address).load('values,numberFormat');
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e) || rows === 1) throw e;
        blockCells = Math.max(columnCount, Math.floor(blockCells / 2));
        continue;
      }
      values.push(...block.values);
      numberFormat.push(...block.numberFormat);
      r += rows;
    }
    loaded.push({ name: s.name, visibility: s.visibility, used: { rowIndex, columnIndex, values, numberFormat }, ...mergesOf(s.merges) });
  }
  return { loaded, marks };
}

/** Removes the add-in's marks, and only those. Returns how many cells they covered. */
export async function clearMarks(context: Excel.RequestContext, options: { requirements?: RequirementSource } = {}): Promise<number> {
  requireExcelApi('1.6', '清除标记', 'clear marks', options.requirements);
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const marks = loadMarks(context, sheets.items.map((s) => s.name));
  await context.sync();
  const ours = marks.ours();
  if (ours.length === 0) return 0;
  for (const m of ours) m.format.delete();
  await context.sync();
  return ours.reduce((n, m) => n + m.cells, 0);
}

/** Shows the issue's cell: activates its sheet and selects the cell. */
export async function selectIssueCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
  } catch {
    throw new OfficeFeatureError(
      'select.failed',
      `无法选中工作表「${sheet}」的 ${cell}：工作表可能已被隐藏、改名或删除。请重新校验。`,
      `Could not select ${cell} on sheet "${sheet}": the sheet may have been hidden, renamed or deleted. Please check again.`,
    );
  }
}

/**
 * Text Excel would not keep as typed in a General cell: a formula, a number (phones, codes, 序号), a date,
 * TRUE/FALSE, a leading zero. Such a fix gets the text format '@' before its value.
 */
export function needsTextFormat(value: string): boolean {
  const v = value.trim();
  if (/^[=+\-@]/.test(v)) return true;
  if (/^(?:true|false)$/i.test(v)) return true;
  return /\d/.test(v) && /^[\d\s.,%()$¥/:年月日-]+$/.test(v);
}

function textColumn(issue: Issue): boolean {
  const spec = TABLES[issue.table as TableKey];
  return !!spec?.columns.find((c) => c.key === issue.column)?.text;
}

interface PlannedFix {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
  /** What the cell held when it was checked: a cell changed since is left alone. */
  readonly was: string;
  readonly text: boolean;
}

/** Certain fixes, one per cell; two different certain fixes for one cell cancel out (neither is the whole answer). */
export function planFixes(issues: readonly Issue[]): PlannedFix[] {
  const byCell = new Map<string, PlannedFix | null>();
  for (const i of issues) {
    if (!i.fix?.certain || !i.sheet || !i.cell) continue;
    const key = `${i.sheet}!${i.cell}`;
    const fix: PlannedFix = { sheet: i.sheet, cell: i.cell, value: i.fix.value, was: (i.value ?? '').trim(), text: textColumn(i) || needsTextFormat(i.fix.value) };
    const prev = byCell.get(key);
    if (prev === undefined) byCell.set(key, fix);
    else if (prev && prev.value !== fix.value) byCell.set(key, null);
  }
  return [...byCell.values()].filter((f): f is PlannedFix => !!f);
}

/**
 * Writes each certain fix's value into its cell (text format first where Excel would reinterpret the text).
 * Uncertain fixes are ignored; a cell whose content changed since the check is skipped, never overwritten.
 * Returns how many cells were written.
 */
export async function applyFixes(context: Excel.RequestContext, issues: readonly Issue[]): Promise<number> {
  const planned = planFixes(issues);
  if (planned.length === 0) return 0;

  // Round trip 1: which sheets still exist. Round trip 2: what the target cells hold now.
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const names = new Set(sheets.items.map((s) => s.name));
  const reads = planned
    .filter((f) => names.has(f.sheet))
    .map((f) => ({ fix: f, range: context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).load('values,numberFormat') }));
  await context.sync();

  // Round trip 3: every write in one batch.
  const writes = reads.filter((r) => valueText(r.range.values[0]?.[0], r.range.numberFormat[0]?.[0]).trim() === r.fix.was).map((r) => r.fix);
  if (writes.length === 0) return 0;
  for (const f of writes) {
    const range = context.workbook.worksheets.getItem(f.sheet).getRange(f.cell);
    if (f.text) range.numberFormat = [['@']];
    range.values = [[f.value]];
  }
  await asOwnWrite(
    writes.map((f) => f.cell),
    () => context.sync(),
  );
  return writes.length;
}
