/** Hand-built submissions for the rule tests (no reader involved). */
import { TABLES, type TableKey, type Variant } from '../../src/core/notice/tables';
import type { Submission, TableData, TableRow } from '../../src/core/submission/types';
import { FIXTURES } from './fixture-data';

export type FixtureName = keyof typeof FIXTURES;

/** Header → column key for a table. */
export function keyOfHeader(table: TableKey, header: string): string {
  const col = TABLES[table].columns.find((c) => c.header === header);
  if (!col) throw new Error(`no column ${header} in ${table}`);
  return col.key;
}

export function fixtureSubmission(name: FixtureName): Submission {
  const f = FIXTURES[name];
  const tables: Partial<Record<TableKey, TableData>> = {};
  for (const [key, t] of Object.entries(f.tables) as [TableKey, { sheet: string; columns: Record<string, string>; rows: readonly (readonly [number, Record<string, string>])[] }][]) {
    const columns: Record<string, string> = {};
    for (const [header, letter] of Object.entries(t.columns)) columns[keyOfHeader(key, header)] = letter;
    const rows: TableRow[] = t.rows.map(([row, cells]) => ({
      row,
      cells: Object.fromEntries(Object.entries(cells).map(([h, text]) => [keyOfHeader(key, h), { text, cell: `${t.columns[h]}${row}` }])),
    }));
    tables[key] = { table: key, file: f.file, sheet: t.sheet, columns, rows };
  }
  return { file: f.file, variant: f.variant as Variant, tables };
}

/** A table from plain rows: cells in column order, sheet rows from `firstRow`. */
export function table(key: TableKey, rows: readonly (readonly string[])[], firstRow = 2): TableData {
  const cols = TABLES[key].columns;
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, String.fromCharCode(65 + i)]));
  return {
    table: key,
    sheet: 'Sheet1',
    columns,
    rows: rows.map((cells, i) => ({ row: firstRow + i, cells: Object.fromEntries(cols.map((c, j) => [c.key, { text: cells[j] ?? '' }])) })),
  };
}

export function submission(tables: Partial<Record<TableKey, TableData>>, variant?: Variant): Submission {
  return { file: 'test.xlsx', ...(variant ? { variant } : {}), tables };
}
