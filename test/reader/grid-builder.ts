/** Build GridSheets/GridWorkbooks directly for locator tests. */
import type { GridCell, GridSheet, GridWorkbook, Merge } from '../../src/core/grid/types';

export type Cellish = string | number | GridCell | undefined | null;

export function cell(v: Cellish): GridCell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return { text: v, type: 'string' };
  if (typeof v === 'number') return { text: String(v), type: 'number', number: v };
  return v;
}

export function sheet(name: string, rows: Cellish[][], opts: { merges?: Merge[]; hidden?: boolean; veryHidden?: boolean } = {}): GridSheet {
  const out: (GridCell | undefined)[][] = [];
  rows.forEach((r, i) => {
    if (!r || r.every((c) => cell(c) === undefined)) return;
    const row: (GridCell | undefined)[] = [];
    r.forEach((c, j) => {
      const g = cell(c);
      if (g) row[j] = g;
    });
    out[i] = row;
  });
  return { name, rows: out, merges: opts.merges ?? [], hidden: !!opts.hidden || !!opts.veryHidden, ...(opts.veryHidden ? { veryHidden: true } : {}) };
}

export function workbook(file: string, ...sheets: GridSheet[]): GridWorkbook {
  return { file, sheets };
}

/** Place a block of rows at (row, col) offsets in a larger grid. */
export function place(target: Cellish[][], r0: number, c0: number, block: Cellish[][]): void {
  block.forEach((row, i) => {
    const tr = (target[r0 + i] ??= []);
    row.forEach((v, j) => {
      if (v !== undefined && v !== null && v !== '') tr[c0 + j] = v;
    });
  });
}
