/**
 * SheetJS (@e965/xlsx) workbook → GridWorkbook: plain values with exact text. Phones and codes stored as numbers
 * come back as their digits (13800138000, never 1.38E+10) with the raw number kept; formulas give their cached
 * result; dates are YYYY-MM-DD; hyperlinks are kept; rich text is plain text. No Node API.
 */
import * as XLSX from '@e965/xlsx';
import type { GridCell, GridSheet, GridWorkbook, Merge } from '../core/grid/types';
import { numberCellText } from '../core/text/normalize';

export { numberCellText };
import { READ_LIMITS, type ReadLimits } from './limits';
import { limitError } from './read-zip';
import { NO_NOTES, type SheetNotes } from './sheet-notes';

/** The options every read uses, the bench's bare parse included. */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: true,
  UTC: true,
  cellHTML: false,
  cellFormula: true,
  cellNF: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
};

interface SheetJSCell {
  t: 'b' | 'n' | 'e' | 's' | 'd' | 'z';
  v?: unknown;
  w?: string;
  f?: string;
  l?: { Target?: string };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}` : day;
}

/** CR LF and lone CR as LF. Nearly no cell holds a CR, and a test is cheaper than a regex replace. */
function unixNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

export function gridCell(c: SheetJSCell): GridCell | undefined {
  let cell: { text: string; type: GridCell['type']; number?: number; link?: string; formula?: string };
  switch (c.t) {
    case 's':
      cell = { text: typeof c.v === 'string' ? unixNewlines(c.v) : String(c.v ?? ''), type: 'string' };
      break;
    case 'n': {
      const n = typeof c.v === 'number' ? c.v : Number(c.v);
      cell = { text: numberCellText(n), type: 'number', number: n };
      break;
    }
    case 'b':
      cell = { text: c.v ? 'TRUE' : 'FALSE', type: 'boolean' };
      break;
    case 'd':
      cell = { text: c.v instanceof Date ? dateText(c.v) : String(c.w ?? c.v ?? ''), type: 'date' };
      break;
    case 'e':
      cell = { text: c.w ?? '#ERROR', type: 'error' };
      break;
    default:
      if (!c.l?.Target) return undefined;
      cell = { text: '', type: 'empty' };
  }
  if (c.f) cell.formula = c.f;
  if (c.l?.Target) cell.link = c.l.Target;
  if (cell.text === '' && !cell.link) return undefined;
  return cell;
}

interface Counter {
  cells: number;
  chars: number;
}

function gridSheet(name: string, ws: XLSX.WorkSheet, hidden: number, limits: ReadLimits, count: Counter, notes: SheetNotes): GridSheet {
  const data = (ws as { '!data'?: (SheetJSCell | undefined)[][] })['!data'] ?? [];
  const rows: (GridCell | undefined)[][] = [];
  // Plain loops rather than forEach with closures: this runs for every cell of every file. A hole and an
  // undefined entry are skipped alike, as forEach and the `if (!row)` did.
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const out: (GridCell | undefined)[] = [];
    let any = false;
    for (let col = 0; col < row.length; col++) {
      const c = row[col];
      if (!c) continue;
      const g = gridCell(c);
      if (!g) continue;
      out[col] = g;
      any = true;
      count.cells++;
      count.chars += g.text.length;
    }
    if (count.cells > limits.maxCells) throw limitError('read.limit.cells', 'maxCells', limits.maxCells, count.cells);
    if (count.chars > limits.maxTextChars) throw limitError('read.limit.text', 'maxTextChars', limits.maxTextChars, count.chars);
    if (any) rows[r] = out;
  }
  // A formula saved without a result is a cell SheetJS drops: keep it as an empty formula cell, so what reads it
  // knows the emptiness is the file's missing result (reported once per column), not a cell left blank.
  for (const f of notes.uncachedFormulas) {
    const row = (rows[f.row] ??= []);
    row[f.col] ??= { text: '', type: 'formula', formula: f.formula };
  }
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  return {
    name,
    rows,
    merges,
    hidden: hidden !== 0,
    ...(hidden === 2 ? { veryHidden: true } : {}),
    ...(notes.hiddenRows.length ? { hiddenRows: notes.hiddenRows } : {}),
    ...(notes.uncachedFormulas.length ? { uncachedFormulas: notes.uncachedFormulas } : {}),
  };
}

/** `notes`: per sheet, in SheetNames order, what SheetJS does not report (src/xlsx/sheet-notes.ts). */
export function gridFromSheetJS(wb: XLSX.WorkBook, file: string, limits: ReadLimits = READ_LIMITS, notes: readonly SheetNotes[] = []): GridWorkbook {
  if (wb.SheetNames.length > limits.maxSheets) throw limitError('read.limit.sheets', 'maxSheets', limits.maxSheets, wb.SheetNames.length);
  const count: Counter = { cells: 0, chars: 0 };
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = Number(meta[i]?.Hidden ?? 0);
    return gridSheet(name, ws ?? ({} as XLSX.WorkSheet), hidden, limits, count, notes[i] ?? NO_NOTES);
  });
  return { file, sheets };
}
