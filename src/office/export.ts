/**
 * 导出CSV inside Excel. Where the host's web view can download a Blob (Excel on the web, Windows) the task pane
 * downloads the CSV text; Mac Excel's web view (WKWebView) ignores Blob downloads, and so does the iPad's, so
 * there the rows go to a new sheet that the user saves with 另存为 → "CSV UTF-8 (逗号分隔)".
 */
import { neutralize, type CsvCell } from '../core/csv/rfc4180';
import { writeBlocks } from './chunks';
import { numberCellText } from './grid';
import { asOwnWrite } from './own-writes';

export type CsvDelivery = 'download' | 'sheet';

/** `Office.context.platform` → how to hand over a CSV. */
export function csvDeliveryFor(platform: string | undefined): CsvDelivery {
  return platform === 'Mac' || platform === 'iOS' ? 'sheet' : 'download';
}

const MAX_SHEET_NAME = 31;

/** A valid, short sheet name from any label: no []:*?/\, no leading/trailing apostrophe, room for " (99)". */
export function csvSheetBase(name: string): string {
  const cleaned = name
    .replace(/\.csv$/i, '')
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (cleaned || 'CSV').slice(0, MAX_SHEET_NAME - 5).trim();
}

function text(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberCellText(v);
  // The same neutralisation as the downloaded CSV, so both exports hold the same text.
  return neutralize(v);
}

/**
 * Writes `rows` as text (number format '@' before the values, so 13800138000 and 0571 stay as typed) on a new
 * sheet named after `name` (with " (2)" … when taken), shows it and returns its name. Chunked like the summary.
 */
export async function writeCsvSheet(context: Excel.RequestContext, name: string, rows: readonly (readonly CsvCell[])[], options: { chunkCells?: number } = {}): Promise<string> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const base = csvSheetBase(name);
  let sheet = base;
  for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${base} (${n})`;

  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const ws = context.workbook.worksheets.add(sheet);
  await context.sync();
  if (width > 0 && rows.length > 0) {
    const block = { sheet, row: 0, col: 0, rows: rows.map((r) => Array.from({ length: width }, (_, i) => text(r[i]))) };
    await writeBlocks(context, [block], {
      chunkCells: options.chunkCells,
      wrapSync: (rects, s) =>
        asOwnWrite(
          rects.map((r) => r.address),
          s,
        ),
    });
  }
  // Save As CSV writes the active sheet only: show this one.
  ws.activate();
  ws.getRange('A1').select();
  await context.sync();
  return sheet;
}
