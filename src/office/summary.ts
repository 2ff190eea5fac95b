/**
 * 汇总 inside Excel: writes a Summary into new sheets of the open workbook (never over existing ones).
 *
 * Round trips: 1 probe (names in use) + 1 create (sheets, widths, header styles, frozen rows)
 * + ceil(cells / chunkCells) value chunks (more only when a chunk is refused as too large and halved)
 * + 1 finish (tables, chart) + 1 PivotTable (ExcelApi 1.8, when there are 服务对象 rows).
 * Nothing else depends on the number of rows.
 */
import type { Summary } from '../core/aggregate/types';
import { columnLetter } from '../core/grid/types';
import { writeBlocks } from './chunks';
import { asOwnWrite } from './own-writes';
import { officeRequirements, requireExcelApi, type RequirementSource } from './requirements';
import { HEADER_FILL, planSummary, type SummaryPlan } from './summary-plan';

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
  const pivots = !!requirements?.isSetSupported('ExcelApi', '1.8');
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
  const taken = new Set([...tableItems.items, ...nameItems.items, ...(pivotItems?.items ?? [])].map((t) => t.name.toLowerCase()));

  let suffix = 1;
  let plan = planSummary(summary, { mask: options.mask, pivot: pivots });
  while (clashes(plan, sheetNames, taken)) plan = planSummary(summary, { suffix: ++suffix, mask: options.mask, pivot: pivots });

  // Round trip 2: the sheets, their widths, header styles and frozen rows.
  for (const s of plan.sheets) {
    const ws = workbook.worksheets.add(s.name);
    s.widths.forEach((w, i) => {
      ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w;
    });
    for (const a of s.bold) ws.getRange(a).format.font.bold = true;
    for (const a of s.filled) ws.getRange(a).format.fill.color = HEADER_FILL;
    if (s.frozenRows) ws.freezePanes.freezeRows(s.frozenRows);
  }
  await sync();

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

  // The PivotTable in its own request: a host that refuses it keeps everything else.
  let pivotTable = false;
  if (plan.pivot) {
    const p = plan.pivot;
    try {
      const ws = workbook.worksheets.getItem(p.sheet);
      const pt = ws.pivotTables.add(p.name, workbook.tables.getItem(p.source), ws.getRange(p.destination));
      pt.rowHierarchies.add(pt.hierarchies.getItem(p.rows));
      pt.columnHierarchies.add(pt.hierarchies.getItem(p.columns));
      const data = pt.dataHierarchies.add(pt.hierarchies.getItem(p.data));
      data.summarizeBy = 'Count';
      await sync();
      pivotTable = true;
    } catch {
      pivotTable = false;
    }
  }
  return { sheets: plan.sheets.map((s) => s.name), syncs, pivotTable, chart: !!plan.chart };
}
