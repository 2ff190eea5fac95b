import * as fs from 'node:fs';
import * as path from 'node:path';
import { TABLES, type TableKey } from '../../src/core/notice/tables';
import { FIXTURES } from '../shared-fixtures';

export { FIXTURES };

export interface ExpectedTable {
  sheet: string;
  headerRows: number[];
  columns: Record<string, string>;
  dataRows: { row: number; cells: Record<string, string> }[];
}

export interface Expected {
  file: string;
  region: string;
  variant: '附件2' | '附件3';
  tables: Partial<Record<TableKey, ExpectedTable>>;
  rowCounts: Partial<Record<TableKey, number>>;
}

export function fixtureDirs(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((d) => fs.existsSync(path.join(FIXTURES, d, 'expected.json')))
    .sort();
}

export function loadFixture(dir: string): { expected: Expected; bytes: Uint8Array; file: string } {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, 'expected.json'), 'utf8')) as Expected;
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, dir, expected.file)));
  return { expected, bytes, file: expected.file };
}

/** Official header → stable column key, from the notice's facts. */
export function keyOfHeader(table: TableKey, header: string): string {
  const col = TABLES[table].columns.find((c) => c.header === header);
  if (!col) throw new Error(`unknown header ${header} in ${table}`);
  return col.key;
}
