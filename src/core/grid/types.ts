/**
 * A sheet as plain values: what every source (Office.js range values, a parsed .xlsx) is turned into
 * before the core looks at it. No library types cross this line.
 */

/** One cell as read. `text` is what a person sees; numbers that are phones or codes are already exact text. */
export interface GridCell {
  readonly text: string;
  /** The raw type, to tell a number-stored code (precision lost) from typed text. */
  readonly type?: 'string' | 'number' | 'boolean' | 'date' | 'formula' | 'error' | 'empty';
  /** The raw number, when the cell holds one. */
  readonly number?: number;
  /** Hyperlink target, e.g. "mailto:zs@qq.com". */
  readonly link?: string;
  /** The formula, when the cell holds one (`text` is then its cached result). */
  readonly formula?: string;
}

export interface Merge {
  /** 0-based inclusive bounds. */
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface GridSheet {
  readonly name: string;
  /** Rows of cells, 0-based; a missing row or cell is empty. Row r is sheet row r + 1. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  readonly merges: readonly Merge[];
  readonly hidden: boolean;
  /** 'veryHidden' sheets are the template's own lists; they are never data. */
  readonly veryHidden?: boolean;
  /** 0-based rows the source marks hidden (only when there are any, and only where the source tells). */
  readonly hiddenRows?: readonly number[];
  /** Formula cells the source saved without a result: they read as empty (only when there are any). */
  readonly uncachedFormulas?: readonly UncachedFormula[];
}

export interface UncachedFormula {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /** The formula as written (without `=`); empty for a shared formula's dependent cells. */
  readonly formula: string;
}

export interface GridWorkbook {
  readonly file: string;
  readonly sheets: readonly GridSheet[];
}

/** "A" for 0, "AA" for 26. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function cellText(sheet: GridSheet, row: number, col: number): string {
  return sheet.rows[row]?.[col]?.text ?? '';
}
