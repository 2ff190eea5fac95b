/**
 * Office.js range values → the core's GridSheet. What `range.values` gives (numbers, strings, booleans) becomes
 * the text a person sees: integers as exact digits (13800138000, never 1.38E+10), dates (numbers under a date
 * format) as YYYY-MM-DD, with the raw number kept so the core can tell a number-stored code from typed text.
 * Pure: no Office.js call here, so it is tested on plain arrays.
 */
import type { GridCell, GridSheet, Merge } from '../core/grid/types';
import { numberCellText } from '../core/text/normalize';

export { numberCellText };

/**
 * A number format that shows a date or time. Quoted text ("年"), bracketed parts ([$-804], [Red]) and escaped
 * characters are ignored first, so "General" and "0.00_);[Red](0.00)" are not dates and yyyy"年"m"月"d"日" is.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === '@' || /^general$/i.test(format)) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(bare) || /[年月日]/.test(format);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An Excel serial date (1900 system) as YYYY-MM-DD, with hh:mm when it has a time. */
export function serialDateText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000); // 25569 = 1970-01-01
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return numberCellText(serial);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${day} ${pad(h)}:${pad(m)}` : day;
}

/** One cell of `range.values` (with its number format) as a GridCell; undefined when empty. */
export function gridCellFromValue(value: unknown, numberFormat?: unknown): GridCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') {
    if (isDateFormat(numberFormat) && value > 0) return { text: serialDateText(value), type: 'date', number: value };
    return { text: numberCellText(value), type: 'number', number: value };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', type: 'boolean' };
  const text = String(value).replace(/\r\n?/g, '\n');
  // Office.js reports formula errors as their text (#N/A, #VALUE! …).
  return /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(text) ? { text, type: 'error' } : { text, type: 'string' };
}

/** The text the core compares for a cell value: what gridCellFromValue would give, '' when empty. */
export function valueText(value: unknown, numberFormat?: unknown): string {
  return gridCellFromValue(value, numberFormat)?.text ?? '';
}

/** "'表1 服务机构'!A1:E1,'表1 服务机构'!B5:B6" (RangeAreas.address) → 0-based merges. */
export function parseMergedAreas(address: string): Merge[] {
  const out: Merge[] = [];
  const re = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=,|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address))) {
    const c0 = colIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    out.push({ r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? colIndex(m[3]) : c0 });
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface LoadedSheet {
  readonly name: string;
  /** Worksheet.visibility: 'Visible' | 'Hidden' | 'VeryHidden'. */
  readonly visibility: string;
  /** The used range's values and formats, or undefined for an empty sheet. */
  readonly used?: {
    readonly rowIndex: number;
    readonly columnIndex: number;
    readonly values: readonly (readonly unknown[])[];
    readonly numberFormat?: readonly (readonly unknown[])[];
  };
  readonly merges?: readonly Merge[];
}

/** A loaded worksheet as a GridSheet, cells at their sheet positions (the used range may start at B3). */
export function gridSheetFrom(sheet: LoadedSheet): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  const used = sheet.used;
  if (used) {
    used.values.forEach((row, i) => {
      let out: (GridCell | undefined)[] | undefined;
      row.forEach((v, j) => {
        const cell = gridCellFromValue(v, used.numberFormat?.[i]?.[j]);
        if (!cell) return;
        out ??= [];
        out[used.columnIndex + j] = cell;
      });
      if (out) rows[used.rowIndex + i] = out;
    });
  }
  const hidden = sheet.visibility !== 'Visible';
  return { name: sheet.name, rows, merges: sheet.merges ?? [], hidden, ...(sheet.visibility === 'VeryHidden' ? { veryHidden: true } : {}) };
}
