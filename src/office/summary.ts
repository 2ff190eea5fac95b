/**
 * 汇总 inside Excel: writes a Summary into new sheets of the open workbook (never over existing ones).
 *
 * Round trips: 1 probe (names in use) + 1 create (sheets, widths, header styles, frozen rows, and with ExcelApi 1.8
 * the lists sheet and one list validation per category column, as the .xlsx summary has)
 * + ceil(cells / chunkCells) value chunks (more only when a chunk is refused as too large and halved)
 * + 1 finish (tables, chart) + 1 PivotTable (ExcelApi 1.8, when there are 服务对象 rows; with its duplicate filter).
 * Nothing else depends on the number of rows.
 */
import type { Summary } from '../core/aggregate/types';
import { columnLetter } from '../core/grid/types';
import { writeBlocks } from './chunks';
import { asOwnWrite } from './own-writes';
import { officeRequirements, requireExcelApi, type RequirementSource } from './requirements';
import { HEADER_FILL, planSummary, type SummaryPlan } from './summary-plan';
import { LISTS_SHEET } from './lists';
import { writeLists } from './template';
import { queueDropdown } from './template-form';

export interface WriteSummaryOptions {
  onProgress?: (done: number, total: number) => void;
  /** Cells per request (default 10,000). */
  chunkCells?: number;
  /** Show mobiles as 138****8000 and e-mails as z***@qq.com. */
  mask?: boolean;
  /** Requirement-set checker; defaults to Office.context.requirements. */
  requirements?: RequirementSource;
}

export interface WriteSummaryResult {
  sheets: string[];
  syncs: number;
  /** False when the host has no PivotTables (ExcelApi 1.8), refused one, or there were no 服务对象 rows. */
  pivotTable: boolean;
  /** The PivotTable leaves duplicate-flagged rows out, as 统计 does (false when there were none to leave out). */
  pivotExcludesDuplicates: boolean;
  /** Category columns have their dropdowns (ExcelApi 1.8). */
  dropdowns: boolean;
  chart: boolean;
}

const TABLE_STYLE = 'TableStyleMedium2';

function clashes(plan: SummaryPlan, sheets: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  return (
    plan.sheets.some((s) => sheets.has(s.name.toLowerCase())) ||
    plan.tables.some((t) => names.has(t.name.toLowerCase())) ||
    (!!plan.pivot && names.has(plan.pivot.name.toLowerCase()))
  );
}

export async function writeSummary(context: Excel.RequestContext, summary: Summary, options: WriteSummaryOptions = {}): Promise<WriteSummaryResult> {
  const requirements = options.requirements ?? officeRequirements();
  requireExcelApi('1.7', '写入汇总', 'write the summary', requirements);
  // PivotTables and Range.dataValidation are both ExcelApi 1.8.
  const pivots = !!requirements?.isSetSupported('ExcelApi', '1.8');
  const dropdowns = pivots;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  // Round trip 1: every sheet, table, defined name and PivotTable name already in the workbook.
  const workbook = context.workbook;
  const sheetItems = workbook.worksheets.load('items/name');
  const tableItems = workbook.tables.load('items/name');
  const nameItems = workbook.names.load('items/name');
  const pivotItems = pivots ? workbook.pivotTables.load('items/name') : undefined;
  await sync();
  const sheetNames = new Set(sheetItems.items.map((s) => s.name.toLowerCase()));
  const definedNames = new Set(nameItems.items.map((n) => n.name.toLowerCase()));
  const taken = new Set([...tableItems.items, ...nameItems.items, ...(pivotItems?.items ?? [])].map((t) => t.name.toLowerCase()));

  let suffix = 1;
  const planOptions = { mask: options.mask, pivot: pivots, dropdowns };
  let plan = planSummary(summary, planOptions);
  while (clashes(plan, sheetNames, taken)) plan = planSummary(summary, { ...planOptions, suffix: ++suffix });

  // Round trip 2: the lists sheet (the add-in's own, shared with 插入模板: rewritten), the sheets, their widths,
  // header styles, frozen rows and dropdowns. A validation does not need the values under it.
  if (plan.lists.length) writeLists(workbook, sheetNames.has(LISTS_SHEET.toLowerCase()), plan.lists, definedNames);
  for (const s of plan.sheets) {
    const ws = workbook.worksheets.add(s.name);
    s.widths.forEach((w, i) => {
      ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w;
    });
    for (const a of s.bold) ws.getRange(a).format.font.bold = true;
    for (const a of s.filled) ws.getRange(a).format.fill.color = HEADER_FILL;
    if (s.frozenRows) ws.freezePanes.freezeRows(s.frozenRows);
  }
  for (const v of plan.validations) queueDropdown(workbook.worksheets.getItem(v.sheet).getRange(v.address), v.title, v.list);
  // The lists' values are ours, not a user's edit (live validation ignores them, as it does the value chunks).
  await asOwnWrite(
    plan.lists.map((l) => `${l.column}1:${l.column}${l.values.length}`),
    sync,
  );

  // Round trips 3 …: the values, chunked.
  const written = await writeBlocks(context, plan.blocks, {
    chunkCells: options.chunkCells,
    onProgress: options.onProgress,
    wrapSync: (rects, s) =>
      asOwnWrite(
        rects.map((r) => r.address),
        s,
      ),
  });
  syncs += written.syncs;

  // Finish: the tables over the written values (headers are read from the sheet), the chart, the cover shown.
  for (const t of plan.tables) {
    const table = workbook.worksheets.getItem(t.sheet).tables.add(t.address, true);
    table.name = t.name;
    table.style = TABLE_STYLE;
  }
  if (plan.chart) {
    const ws = workbook.worksheets.getItem(plan.chart.sheet);
    const chart = ws.charts.add('ColumnClustered', ws.getRange(plan.chart.source), 'Columns');
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.topLeft, plan.chart.bottomRight);
  }
  const cover = workbook.worksheets.getItem(plan.sheets[0].name);
  cover.activate();
  cover.getRange('A1').select();
  await sync();

  // The PivotTable in its own request: a host that refuses it (or its filter) keeps everything else.
  let pivotTable = false;
  if (plan.pivot) {
    const p = plan.pivot;
    try {
      const ws = workbook.worksheets.getItem(p.sheet);
      const pt = ws.pivotTables.add(p.name, workbook.tables.getItem(p.source), ws.getRange(p.destination));
      // The duplicate filter first: Excel applies a request's commands in order and keeps those before a failed one,
      // so a host that refuses the filter is left with a PivotTable that visibly lacks its values, never one that
      // silently counts the duplicates. Each hidden entry is one command: none depends on the number of rows.
      if (p.filter) {
        const filter = pt.filterHierarchies.add(pt.hierarchies.getItem(p.filter.field));
        filter.enableMultipleFilterItems = true;
        const items = filter.fields.getItem(p.filter.field).items;
        for (const name of p.filter.hidden) items.getItem(name).visible = false;
      }
      pt.rowHierarchies.add(pt.hierarchies.getItem(p.rows));
      pt.columnHierarchies.add(pt.hierarchies.getItem(p.columns));
      const data = pt.dataHierarchies.add(pt.hierarchies.getItem(p.data));
      data.summarizeBy = 'Count';
      if (p.note) ws.getRange(p.note.address).values = [[p.note.text]];
      await asOwnWrite(p.note ? [p.note.address] : [], sync);
      pivotTable = true;
    } catch {
      pivotTable = false;
    }
  }
  return {
    sheets: plan.sheets.map((s) => s.name),
    syncs,
    pivotTable,
    pivotExcludesDuplicates: pivotTable && !!plan.pivot?.filter,
    dropdowns: plan.validations.length > 0,
    chart: !!plan.chart,
  };
}
