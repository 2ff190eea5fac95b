/**
 * Merged-cell lookup for a GridSheet: which merge covers a cell, and the value a person sees there
 * (the merge's top-left cell).
 */
import type { GridCell, GridSheet, Merge } from './types';

const WIDTH = 1 << 14; // Excel's 16384 columns

export class MergeIndex {
  private readonly small = new Map<number, Merge>();
  private readonly big: Merge[] = [];

  constructor(merges: readonly Merge[]) {
    for (const m of merges) {
      const area = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
      if (area > 4096) {
        this.big.push(m);
        continue;
      }
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) this.small.set(r * WIDTH + c, m);
    }
  }

  /** The merge covering (row, col), if any (0-based). */
  at(row: number, col: number): Merge | undefined {
    const m = this.small.get(row * WIDTH + col);
    if (m) return m;
    for (const b of this.big) if (row >= b.r0 && row <= b.r1 && col >= b.c0 && col <= b.c1) return b;
    return undefined;
  }
}

const cache = new WeakMap<GridSheet, MergeIndex>();

export function mergeIndex(sheet: GridSheet): MergeIndex {
  let idx = cache.get(sheet);
  if (!idx) {
    idx = new MergeIndex(sheet.merges);
    cache.set(sheet, idx);
  }
  return idx;
}

export function rawCell(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.rows[row]?.[col];
}

/** The cell a person sees at (row, col): the top-left cell of a merge covering it, else the cell itself. */
export function visibleCell(sheet: GridSheet, row: number, col: number): { cell: GridCell | undefined; row: number; col: number } {
  const m = mergeIndex(sheet).at(row, col);
  if (m && (m.r0 !== row || m.c0 !== col)) return { cell: sheet.rows[m.r0]?.[m.c0], row: m.r0, col: m.c0 };
  return { cell: sheet.rows[row]?.[col], row, col };
}

/** Columns holding a cell in a row, in order (a sparse row is walked without its holes). */
export function rowColumns(sheet: GridSheet, row: number): number[] {
  const cols: number[] = [];
  sheet.rows[row]?.forEach((c, i) => {
    if (c && c.text.trim() !== '') cols.push(i);
  });
  return cols;
}
