/**
 * Untrusted .xlsx bytes → GridWorkbook → located Submission. Runs in the browser and in Node (bytes in, values out;
 * no Node API here — src/xlsx/read-file.ts opens files).
 *
 * Order: sniff the magic bytes and the zip directory (src/xlsx/read-zip.ts: encrypted, .xls, .xlsb, .ods, .numbers,
 * corrupt, size limits), inflate the XML parts ourselves with a bounded inflater and reject DTDs, then hand the parts
 * to SheetJS (never the raw zip, so SheetJS never inflates anything unbounded), then count cells and text.
 */
import * as XLSX from '@e965/xlsx';
import type { GridWorkbook } from '../core/grid/types';
import type { Issue } from '../core/issues';
import { locateSubmission } from '../core/locate';
import type { Submission } from '../core/submission/types';
import { READ_LIMITS, type ReadLimits } from './limits';
import { ReadError } from './read-error';
import { SHEETJS_READ_OPTIONS, gridFromSheetJS } from './read-grid';
import { JS_INFLATER, type Inflater } from './read-inflate';
import { limitError, unzipWorkbook } from './read-zip';
import { NO_NOTES, scanSheetNotes, sheetPartsInOrder } from './sheet-notes';

export { ReadError } from './read-error';
export type { ReadErrorCode } from './read-error';
export { READ_LIMITS } from './limits';

export type Bytes = Uint8Array | ArrayBuffer;

interface CfbApi {
  utils: {
    cfb_new: (opts?: unknown) => unknown;
    cfb_add: (cfb: unknown, name: string, content: Uint8Array, opts?: unknown) => unknown;
  };
}
type ParseZip = (zip: unknown, opts: XLSX.ParsingOptions) => XLSX.WorkBook;

function toBytes(bytes: Bytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** Count `<c ` / `<c>` start tags: the cells a sheet part declares, before SheetJS allocates any of them. */
function countCellTags(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < data.length; i++) {
    if (data[i] === 0x3c && data[i + 1] === 0x63) {
      const next = data[i + 2];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    }
  }
  return n;
}

/** Parse checked bytes with SheetJS and turn them into a GridWorkbook. Throws ReadError for unreadable input. */
export function readWorkbookGrid(input: Bytes, fileName: string, limits: ReadLimits = READ_LIMITS, inflater: Inflater = JS_INFLATER): GridWorkbook {
  const bytes = toBytes(input);
  const { parts } = unzipWorkbook(bytes, limits, inflater);

  const sheetParts = [...parts.keys()].filter((n) => /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i.test(n));
  if (sheetParts.length > limits.maxSheets) throw limitError('read.limit.sheets', 'maxSheets', limits.maxSheets, sheetParts.length);
  let cells = 0;
  for (const n of sheetParts) cells += countCellTags(parts.get(n) as Uint8Array);
  if (cells > limits.maxCells) throw limitError('read.limit.cells', 'maxCells', limits.maxCells, cells);

  const cfb = (XLSX as unknown as { CFB: CfbApi }).CFB;
  const parseZip = (XLSX as unknown as { parse_zip?: ParseZip }).parse_zip;
  let wb: XLSX.WorkBook;
  try {
    if (cfb?.utils && typeof parseZip === 'function') {
      const zip = cfb.utils.cfb_new();
      for (const [name, data] of parts) cfb.utils.cfb_add(zip, name, data, { unsafe: true });
      wb = parseZip(zip, { ...SHEETJS_READ_OPTIONS });
    } else {
      // Fallback if a future SheetJS hides parse_zip: the sizes were checked above.
      wb = XLSX.read(bytes, { ...SHEETJS_READ_OPTIONS, type: 'array' });
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new ReadError('read.parse-failed', `无法解析工作簿内容（${msg}）。请用 Excel 打开后另存为 .xlsx 再试。`, `Could not parse the workbook (${msg}). Open it in Excel and save it again as .xlsx.`);
  }
  // Matched by position and name: a sheet whose part cannot be told gets no notes rather than another's.
  const order = sheetPartsInOrder(parts);
  const notes = wb.SheetNames.map((name, i) => {
    const o = order[i];
    const data = o && o.name === name && o.part ? parts.get(o.part) : undefined;
    return data ? scanSheetNotes(data) : NO_NOTES;
  });
  return gridFromSheetJS(wb, fileName, limits, notes);
}

export interface ReadResult {
  readonly submission: Submission;
  /** Reader findings: hidden sheets, unknown region, missing tables … (the validator adds the rest). */
  readonly issues: Issue[];
  readonly grid: GridWorkbook;
}

/** Read one submission file. Throws ReadError when the bytes cannot be read as an .xlsx workbook. */
export function readSubmission(bytes: Bytes, fileName: string, limits: ReadLimits = READ_LIMITS, inflater: Inflater = JS_INFLATER): ReadResult {
  const grid = readWorkbookGrid(bytes, fileName, limits, inflater);
  const { submission, issues } = locateSubmission(grid);
  return { submission, issues, grid };
}
