/**
 * Loads a shared fixture workbook into the Excel double, cell for cell, as Excel would hold it: numbers as
 * numbers (phones typed into General cells), dates as serial numbers under a date format, text as text,
 * merges and hidden sheets kept. The fixture is read with the project's own .xlsx reader (SheetJS).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { boxAddress, createExcelDouble, type ContextDouble } from './excel-double';
import { FIXTURES } from '../shared-fixtures';

export { FIXTURES };

export interface FixtureExpectation {
  file: string;
  region: string;
  variant: string;
  tables: Record<string, { sheet: string; headerRows: number[]; dataRows: { row: number; cells: Record<string, string> }[] }>;
  issues: { table: string; sheet: string; row: number; column: string; cell?: string; kind: string; severity: string; fix?: string }[];
  rowCounts: Record<string, number>;
}

export function fixture(dir: string): { bytes: Uint8Array; file: string; expected: FixtureExpectation } {
  const folder = join(FIXTURES, dir);
  const file = readdirSync(folder).find((f) => f.endsWith('.xlsx'))!;
  return { bytes: new Uint8Array(readFileSync(join(folder, file))), file, expected: JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as FixtureExpectation };
}

function serial(isoDay: string): number {
  return Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / 86400000 + 25569;
}

/** A double holding the fixture's workbook, named like the file. */
export function fixtureDouble(dir: string): { context: ContextDouble; asExcel: Excel.RequestContext; expected: FixtureExpectation } {
  const { bytes, file, expected } = fixture(dir);
  const grid = readWorkbookGrid(bytes, file);
  const double = createExcelDouble();
  const book = double.context.workbook;
  book.name = file;
  for (const sheet of grid.sheets) {
    const values: unknown[][] = [];
    const formats: Record<string, string> = {};
    sheet.rows.forEach((row, r) => {
      values[r] = [];
      row?.forEach((cell, c) => {
        if (!cell) return;
        if (cell.type === 'number') values[r][c] = cell.number;
        else if (cell.type === 'date') {
          values[r][c] = serial(cell.text);
          formats[boxAddress({ r0: r, c0: c, r1: r, c1: c })] = 'yyyy"年"m"月"d"日"';
        } else if (cell.type === 'boolean') values[r][c] = cell.text === 'TRUE';
        else values[r][c] = cell.text;
      });
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    book.seedSheet(sheet.name, values, {
      visibility: sheet.veryHidden ? 'VeryHidden' : sheet.hidden ? 'Hidden' : 'Visible',
      numberFormats: formats,
      merges: sheet.merges.map((m) => boxAddress(m)),
    });
  }
  return { ...double, expected };
}
