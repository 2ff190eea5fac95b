/**
 * The summary workbook through the streaming writer (src/xlsx/summary-stream.ts): the same workbook as the
 * in-memory writer — read back with exceljs (tables, frozen panes, number formats, validations, defined names,
 * very-hidden lists), compared cell by cell with the in-memory writer's output, its own XML (table parts,
 * rels, content types, no sheet autofilter), and a round trip through LibreOffice headless (values as CSV
 * equal the model; the tables and validations survive a conversion back to .xlsx).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { aggregate } from '../../src/core/aggregate/aggregate';
import {
  ISSUE_COLUMNS,
  issueRowValues,
  jointApplicantColumns,
  jointApplicantRowValues,
  summaryColumns,
  summaryRowValues,
  type CellValue,
  type SummaryColumn,
} from '../../src/core/aggregate/columns';
import type { Summary } from '../../src/core/aggregate/types';
import { TABLE_KEYS, TABLES } from '../../src/core/notice/tables';
import { SUMMARY_SHEETS, SUMMARY_TABLE_NAMES, writeSummaryWorkbook } from '../../src/xlsx/summary';
import { writeSummaryWorkbookStreamed } from '../../src/xlsx/summary-stream';
import { checkTablePart, tablePartXml, tableRef, withTableContentTypes } from '../../src/xlsx/table-part';
import { deps, fixtureInputs, jointInput, JOINT_APPLICANTS } from './helpers';
import { parseCsv, unzip } from './zip-csv';

jest.setTimeout(180_000);

const OUT = resolve(__dirname, '../output/summary-stream');
const SHEET_ORDER = ['说明', '服务机构', '服务对象', '服务方案', '联合申报单位', '统计', '问题清单', 'lists'];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['sheet', 'definedName', 'dataValidation', 'tablePart', 'col', 'c', 'row', 'xf', 'tableColumn', 'Relationship', 'Override'].includes(name),
});

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function soffice(): string {
  for (const p of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  throw new Error('LibreOffice (soffice) is required for this test: apt-get install libreoffice-calc-nogui');
}

function convert(files: string[], filter: string, outDir: string): void {
  const profile = `file:///tmp/lo-pt-stream-${process.pid}-${Date.now()}`;
  mkdirSync(outDir, { recursive: true });
  execFileSync(soffice(), ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 150_000 });
}

const asText = (v: CellValue): string => (typeof v === 'number' ? String(v) : v);
const letter = (i: number): string => String.fromCharCode(65 + i);

/** Sheet name → its XML, its path and its table parts (from the sheet's rels). */
function sheetParts(zip: Map<string, Buffer>): Map<string, { path: string; xml: Xml; tables: Xml[] }> {
  const wb = parser.parse(zip.get('xl/workbook.xml')!.toString()).workbook;
  const rels = parser.parse(zip.get('xl/_rels/workbook.xml.rels')!.toString()).Relationships.Relationship as Xml[];
  const out = new Map<string, { path: string; xml: Xml; tables: Xml[] }>();
  for (const s of wb.sheets.sheet as Xml[]) {
    const path = `xl/${rels.find((r) => r.Id === s['r:id'])!.Target.replace(/^\/?(xl\/)?/, '')}`;
    const xml = parser.parse(zip.get(path)!.toString()).worksheet;
    const relPath = path.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    const sheetRels = zip.has(relPath) ? (parser.parse(zip.get(relPath)!.toString()).Relationships.Relationship as Xml[]) : [];
    const tables = ((xml.tableParts?.tablePart ?? []) as Xml[]).map((tp) => {
      const t = sheetRels.find((r) => r.Id === tp['r:id'])!.Target as string;
      return parser.parse(zip.get(`xl/${t.replace(/^\.\.\//, '').replace(/^\/xl\//, '')}`)!.toString()).table;
    });
    out.set(s.name, { path, xml, tables });
  }
  return out;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  columns: { name: string }[];
  style?: { theme?: string; showRowStripes?: boolean };
}
function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  return ws.getTables().map((t) => ((t as unknown as { table: TableModel }).table ?? (t as unknown as TableModel)));
}

/** Every non-empty cell's value, per sheet, as exceljs reads it back (an empty row counts as no row). */
function values(wb: ExcelJS.Workbook): Record<string, string[]> {
  return Object.fromEntries(
    wb.worksheets.map((ws) => {
      const out: string[] = [];
      ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r}:${c}=${JSON.stringify(cell.value)}`)));
      return [ws.name, out];
    }),
  );
}

const DATA: readonly (readonly [string, (s: Summary) => number, readonly SummaryColumn[]])[] = [
  ...TABLE_KEYS.map((t) => [SUMMARY_SHEETS[t], (s: Summary) => s.rows[t].length, summaryColumns(t)] as const),
  [SUMMARY_SHEETS.jointApplicants, (s: Summary) => s.jointApplicants.length, jointApplicantColumns()] as const,
  [SUMMARY_SHEETS.issues, (s: Summary) => s.issues.length, ISSUE_COLUMNS] as const,
];

describe('summary workbook, streamed', () => {
  let summary: Summary;
  let empty: Summary;
  let bytes: Uint8Array;
  let memoryBytes: Uint8Array;
  let emptyBytes: Uint8Array;

  beforeAll(async () => {
    summary = aggregate([...fixtureInputs(), { file: 'broken.xlsx', issues: [], error: { code: 'file.not-xlsx', message: '不是 .xlsx 文件' } }, jointInput()], deps);
    empty = aggregate([], deps);
    bytes = await writeSummaryWorkbookStreamed(summary);
    memoryBytes = await writeSummaryWorkbook(summary);
    emptyBytes = await writeSummaryWorkbookStreamed(empty);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'summary.xlsx'), bytes);
    writeFileSync(join(OUT, 'empty.xlsx'), emptyBytes);
  });

  test('read back with exceljs: sheets in order, lists very hidden, defined names, one table per data sheet', async () => {
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_ORDER);
    expect(wb.getWorksheet('lists')!.state).toBe('veryHidden');
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.map((n) => n.name).sort()).toEqual(['List_agencyType', 'List_industry', 'List_schemeField', 'List_schemeType']);
    for (const n of names) expect(n.ranges[0]).toMatch(/^'?lists'?!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);

    const all = wb.worksheets.flatMap((ws) => tablesOf(ws).map((t) => t.name));
    expect(all.sort()).toEqual(Object.values(SUMMARY_TABLE_NAMES).sort());
    for (const [name, count, columns] of DATA) {
      const ws = wb.getWorksheet(name)!;
      const n = count(summary);
      const [t] = tablesOf(ws);
      expect(tablesOf(ws)).toHaveLength(1);
      expect(t.tableRef ?? t.ref).toBe(`A1:${letter(columns.length - 1)}${n + 1}`);
      expect(t.columns.map((c) => c.name)).toEqual(columns.map((c) => c.header));
      // Header cells equal the table's column names exactly.
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
      expect(ws.autoFilter).toBeFalsy();
      columns.forEach((c, i) => {
        const col = ws.getColumn(i + 1);
        expect(col.width).toBeCloseTo(c.width, 0);
        if (!c.text) return;
        expect(col.numFmt).toBe('@');
        for (let r = 2; r <= n + 1; r++) {
          const cell = ws.getCell(r, i + 1);
          if (cell.value === null) continue;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.numFmt).toBe('@');
        }
      });
      const dvs = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
      columns.forEach((c, i) => {
        const at = (r: number) => dvs[`${letter(i)}${r}`];
        if (!c.vocabulary) {
          expect(at(2)).toBeUndefined();
          return;
        }
        for (const r of [2, n + 1]) expect(at(r)).toMatchObject({ type: 'list', formulae: [`List_${c.vocabulary}`], allowBlank: true, showErrorMessage: true });
        expect(at(n + 2)).toBeUndefined();
      });
    }
    // A fixture phone stays text, digits intact; so do the joint applicants' codes (an all-digit one among them).
    const phones = wb.getWorksheet(SUMMARY_SHEETS.targets)!.getColumn(summaryColumns('targets').findIndex((c) => c.key === 'n.mobile') + 1).values;
    expect(phones).toContain('19128886838');
    expect(summary.jointApplicants).toHaveLength(JOINT_APPLICANTS.length);
    const codes = wb.getWorksheet(SUMMARY_SHEETS.jointApplicants)!.getColumn(jointApplicantColumns().findIndex((c) => c.key === 'creditCode') + 1).values;
    expect(codes.slice(2)).toEqual(JOINT_APPLICANTS.map((j) => j[2]));
  });

  test('the same workbook as the in-memory writer: every cell value, table, width, format, validation and defined name', async () => {
    const [streamed, memory] = [await load(bytes), await load(memoryBytes)];
    expect(values(streamed)).toEqual(values(memory));
    expect(streamed.worksheets.map((w) => [w.name, w.state])).toEqual(memory.worksheets.map((w) => [w.name, w.state]));
    const dn = (wb: ExcelJS.Workbook) => (wb.definedNames as unknown as { model: unknown[] }).model;
    expect(dn(streamed)).toEqual(dn(memory));
    for (const name of SHEET_ORDER) {
      const [s, m] = [streamed.getWorksheet(name)!, memory.getWorksheet(name)!];
      const tableShape = (ws: ExcelJS.Worksheet) => tablesOf(ws).map((t) => ({ name: t.name, ref: t.tableRef ?? t.ref, columns: t.columns.map((c) => c.name), style: t.style?.theme }));
      expect(tableShape(s)).toEqual(tableShape(m));
      const frozen = (ws: ExcelJS.Worksheet) => (ws.views ?? []).filter((v) => v.state === 'frozen').map((v) => [(v as { ySplit?: number }).ySplit, (v as { topLeftCell?: string }).topLeftCell]);
      expect(frozen(s)).toEqual(frozen(m));
      const cols = (ws: ExcelJS.Worksheet) => Array.from({ length: 20 }, (_, i) => [ws.getColumn(i + 1).width, ws.getColumn(i + 1).numFmt]);
      expect(cols(s)).toEqual(cols(m));
      const dvs = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
      expect(dvs(s)).toEqual(dvs(m));
      // Number formats cell by cell (text columns are text in both).
      const fmts = (ws: ExcelJS.Worksheet) => {
        const out: string[] = [];
        ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r}:${c}:${cell.numFmt ?? ''}:${cell.type}`)));
        return out;
      };
      expect(fmts(s)).toEqual(fmts(m));
    }
  });

  test('masked: the same values as the in-memory writer with --mask, no full mobile left', async () => {
    const [s, m] = [await load(await writeSummaryWorkbookStreamed(summary, { mask: true })), await load(await writeSummaryWorkbook(summary, { mask: true }))];
    expect(values(s)).toEqual(values(m));
    const text = JSON.stringify(values(s)[SUMMARY_SHEETS.targets]);
    expect(text).not.toContain('19128886838');
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/);
  });

  test('its XML: table parts with autofilter and style, rels, <tableParts> last, content types, no sheet autofilter', () => {
    const zip = unzip(bytes);
    const sheets = sheetParts(zip);
    const tables = [...sheets.values()].flatMap((s) => s.tables);
    expect(tables.map((t) => t.name).sort()).toEqual(Object.values(SUMMARY_TABLE_NAMES).sort());
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
    for (const t of tables) {
      expect(t.displayName).toBe(t.name);
      expect(t.autoFilter.ref).toBe(t.ref);
      expect(t.tableStyleInfo).toMatchObject({ name: 'TableStyleMedium2', showRowStripes: '1' });
      expect(Number(t.tableColumns.count)).toBe((t.tableColumns.tableColumn as Xml[]).length);
    }
    for (const [name, { path, xml }] of sheets) {
      expect(xml.autoFilter).toBeUndefined();
      const raw = zip.get(path)!.toString();
      if (xml.tableParts) expect(raw).toMatch(/<\/tableParts><\/worksheet>$/);
      else expect(['统计', 'lists']).toContain(name);
    }
    // Cover: the file list and the reconciliation, each a table under its title.
    expect(sheets.get(SUMMARY_SHEETS.cover)!.tables.map((t) => t.name)).toEqual([SUMMARY_TABLE_NAMES.files, SUMMARY_TABLE_NAMES.reconciliation]);
    const files = sheets.get(SUMMARY_SHEETS.cover)!.tables[0];
    expect(files.ref).toMatch(new RegExp(`^A\\d+:M\\d+$`));
    const [top, bottom] = (files.ref as string).split(':').map((a) => Number(a.slice(1)));
    expect(bottom - top).toBe(summary.files.length);
    const types = parser.parse(zip.get('[Content_Types].xml')!.toString()).Types.Override as Xml[];
    const tableTypes = types.filter((o) => o.ContentType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml').map((o) => o.PartName.replace(/^\//, ''));
    expect(tableTypes.sort()).toEqual([...zip.keys()].filter((k) => k.startsWith('xl/tables/')).sort());
    expect(tableTypes).toHaveLength(7);
    // Validations over whole ranges, one sqref per category column.
    const agencies = sheets.get(SUMMARY_SHEETS.agencies)!;
    expect((agencies.xml.dataValidations.dataValidation as Xml[]).map((d) => d.sqref)).toEqual([`H2:H${summary.rows.agencies.length + 1}`]);
  });

  test('an empty summary: tables hold one blank row, validations cover it', async () => {
    const wb = await load(emptyBytes);
    for (const [name, , columns] of DATA) {
      const [t] = tablesOf(wb.getWorksheet(name)!);
      expect(t.tableRef ?? t.ref).toBe(`A1:${letter(columns.length - 1)}2`);
    }
    expect(values(wb)).toEqual(values(await load(await writeSummaryWorkbook(empty))));
    const dvs = (wb.getWorksheet(SUMMARY_SHEETS.agencies) as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(dvs)).toEqual(['H2']);
  });

  test('thousands of rows: every row written, the table covers them all', async () => {
    const n = 2_600;
    const many: Summary = { ...summary, rows: { ...summary.rows, targets: Array.from({ length: n }, (_, i) => summary.rows.targets[i % summary.rows.targets.length]) } };
    const wb = await load(await writeSummaryWorkbookStreamed(many));
    const ws = wb.getWorksheet(SUMMARY_SHEETS.targets)!;
    const columns = summaryColumns('targets');
    expect(tablesOf(ws)[0].tableRef ?? tablesOf(ws)[0].ref).toBe(`A1:${letter(columns.length - 1)}${n + 1}`);
    expect(ws.actualRowCount).toBe(n + 1);
    const last = Array.from({ length: columns.length }, (_, i) => ws.getCell(n + 1, i + 1).value ?? '');
    expect(last).toEqual(summaryRowValues(many.rows.targets[n - 1], columns));
  });

  test('LibreOffice opens it: values back as CSV equal the model; tables and validations survive a round trip', () => {
    const lo = join(OUT, 'lo');
    convert([join(OUT, 'summary.xlsx'), join(OUT, 'empty.xlsx')], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', lo);
    const read = (sheet: string, file = 'summary') => parseCsv(readFileSync(join(lo, `${file}-${sheet}.csv`), 'utf8'));
    for (const t of TABLE_KEYS) {
      const columns = summaryColumns(t);
      expect(read(SUMMARY_SHEETS[t])).toEqual([columns.map((c) => c.header), ...summary.rows[t].map((r) => summaryRowValues(r, columns).map(asText))]);
    }
    const jointColumns = jointApplicantColumns();
    expect(read(SUMMARY_SHEETS.jointApplicants)).toEqual([jointColumns.map((c) => c.header), ...summary.jointApplicants.map((r) => jointApplicantRowValues(r, jointColumns).map(asText))]);
    expect(read(SUMMARY_SHEETS.jointApplicants, 'empty')).toEqual([jointColumns.map((c) => c.header)]);
    expect(read(SUMMARY_SHEETS.issues)).toEqual([ISSUE_COLUMNS.map((c) => c.header), ...summary.issues.map((i) => issueRowValues(i).map(asText))]);
    const cover = read(SUMMARY_SHEETS.cover).map((r) => r.join('|'));
    expect(cover.some((l) => l.includes('工信厅网安函〔2023〕356号'))).toBe(true);
    expect(cover.some((l) => l.startsWith('5|broken.xlsx|无法读取'))).toBe(true);
    expect(cover.some((l) => l.startsWith(`合计|${TABLES.targets.shortName}|34|34|一致`))).toBe(true);
    const stats = read(SUMMARY_SHEETS.statistics).map((r) => r.join('|'));
    expect(stats.some((l) => l.startsWith('江苏省|') && l.endsWith('|10'))).toBe(true);
    expect(read(SUMMARY_SHEETS.targets, 'empty')[0]).toEqual(summaryColumns('targets').map((c) => c.header));

    // (LibreOffice headless drops every sheet's view settings on export, frozen panes included, whoever wrote
    // the file; the panes are checked above, in the file itself and read back by exceljs.)
    const back = join(OUT, 'lo-xlsx');
    convert([join(OUT, 'summary.xlsx')], 'xlsx:Calc MS Excel 2007 XML', back);
    expect(readdirSync(back)).toContain('summary.xlsx');
    const sheets = sheetParts(unzip(readFileSync(join(back, 'summary.xlsx'))));
    expect([...sheets.values()].flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(Object.values(SUMMARY_TABLE_NAMES).sort());
    for (const [name, count, columns] of DATA) {
      const { tables } = sheets.get(name)!;
      expect(tables[0].ref).toBe(`A1:${letter(columns.length - 1)}${count(summary) + 1}`);
      expect((tables[0].tableColumns.tableColumn as Xml[]).map((c) => c.name)).toEqual(columns.map((c) => c.header));
    }
    const dv = (sheets.get(SUMMARY_SHEETS.agencies)!.xml.dataValidations.dataValidation as Xml[])[0];
    expect(dv).toMatchObject({ type: 'list', sqref: `H2:H${summary.rows.agencies.length + 1}`, formula1: 'List_agencyType' });
  });
});

describe('table parts', () => {
  const part = { id: 3, name: 'PT_X', headerRow: 4, columns: ['a', 'b & <c>', '"d"'], dataRows: 0, style: { theme: 'TableStyleMedium2', showRowStripes: true } };

  test('ref covers the header and at least one row; names and columns escaped', () => {
    expect(tableRef(part)).toBe('A4:C5');
    expect(tableRef({ ...part, dataRows: 10 })).toBe('A4:C14');
    const xml = parser.parse(tablePartXml(part)).table;
    expect(xml).toMatchObject({ id: '3', name: 'PT_X', displayName: 'PT_X', ref: 'A4:C5', headerRowCount: '1', autoFilter: { ref: 'A4:C5' } });
    expect((xml.tableColumns.tableColumn as Xml[]).map((c) => c.name)).toEqual(['a', 'b & <c>', '"d"']);
  });

  test('rejects what Excel would repair: bad or cell-like names, duplicate (any case), empty or multi-line columns', () => {
    for (const name of ['1abc', 'A1', 'XFD9', 'has space', 'R', '']) expect(() => checkTablePart({ ...part, name })).toThrow();
    for (const columns of [[], ['a', 'A'], ['a', ' '], ['a\nb']]) expect(() => checkTablePart({ ...part, columns })).toThrow();
  });

  test('content types: one override per table, before </Types>', () => {
    const out = withTableContentTypes('<Types><Default Extension="xml" ContentType="application/xml"/></Types>', [1, 2]);
    expect(out).toMatch(/<Override PartName="\/xl\/tables\/table1\.xml"[^>]*\/><Override PartName="\/xl\/tables\/table2\.xml"[^>]*\/><\/Types>$/);
    expect(() => withTableContentTypes('<Types>', [1])).toThrow();
  });
});

test('the streamed writer stays out of the browser: nothing in the task pane, add-in or web entry imports it', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));
  const src = resolve(__dirname, '../../src');
  const web = ['taskpane', 'office', 'commands'].filter((d) => existsSync(join(src, d))).flatMap((d) => walk(join(src, d)));
  expect(web.length).toBeGreaterThan(0);
  for (const f of web) expect(readFileSync(f, 'utf8')).not.toMatch(/summary-stream/);
  // summary.ts (bundled for the browser) imports no Node module.
  expect(readFileSync(join(src, 'xlsx/summary.ts'), 'utf8')).not.toMatch(/from '(node:|fs|stream|path)/);
});
