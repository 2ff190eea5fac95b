/**
 * The summary workbook: its own XML (tables, frozen panes, validations over ranges, text formats, very-hidden
 * lists) and a round trip through LibreOffice headless (values back as CSV, tables and validations kept).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { ISSUE_COLUMNS, issueRowValues, jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues, type CellValue } from '../../src/core/aggregate/columns';
import type { Summary } from '../../src/core/aggregate/types';
import { columnLetter } from '../../src/core/grid/types';
import { TABLE_KEYS, TABLES } from '../../src/core/notice/tables';
import { SUMMARY_SHEETS, SUMMARY_TABLE_NAMES, writeSummaryWorkbook } from '../../src/xlsx/summary';
import { deps, fixtureInputs, jointInput, JOINT_APPLICANTS } from './helpers';
import { parseCsv, unzip } from './zip-csv';

jest.setTimeout(180_000);

const OUT = resolve(__dirname, '../output/summary-xlsx');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['sheet', 'definedName', 'dataValidation', 'tablePart', 'col', 'c', 'row', 'numFmt', 'xf', 'tableColumn', 'Relationship'].includes(name) });

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function soffice(): string {
  for (const p of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  throw new Error('LibreOffice (soffice) is required for this test: apt-get install libreoffice-calc-nogui');
}

function convert(files: string[], filter: string, outDir: string): void {
  const profile = `file:///tmp/lo-pt-${process.pid}-${Date.now()}`;
  mkdirSync(outDir, { recursive: true });
  execFileSync(soffice(), ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 150_000 });
}

function asText(v: CellValue): string {
  return typeof v === 'number' ? String(v) : v;
}

/** Sheet name → its XML part and table parts. */
function sheetParts(zip: Map<string, Buffer>): Map<string, { xml: Xml; tables: Xml[] }> {
  const wb = parser.parse(zip.get('xl/workbook.xml')!.toString()).workbook;
  const rels = parser.parse(zip.get('xl/_rels/workbook.xml.rels')!.toString()).Relationships.Relationship as Xml[];
  const out = new Map<string, { xml: Xml; tables: Xml[] }>();
  for (const s of wb.sheets.sheet as Xml[]) {
    const target = rels.find((r) => r.Id === s['r:id'])!.Target.replace(/^\/?(xl\/)?/, '');
    const path = `xl/${target}`;
    const xml = parser.parse(zip.get(path)!.toString()).worksheet;
    const relPath = path.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    const sheetRels = zip.has(relPath) ? (parser.parse(zip.get(relPath)!.toString()).Relationships.Relationship as Xml[]) : [];
    const tables = ((xml.tableParts?.tablePart ?? []) as Xml[]).map((tp) => {
      const t = sheetRels.find((r) => r.Id === tp['r:id'])!.Target;
      return parser.parse(zip.get(`xl/${t.replace(/^\.\.\//, '').replace(/^\/xl\//, '')}`)!.toString()).table;
    });
    out.set(s.name, { xml, tables });
  }
  return out;
}

describe('summary workbook', () => {
  let summary: Summary;
  let bytes: Uint8Array;
  let emptyBytes: Uint8Array;

  beforeAll(async () => {
    summary = aggregate([...fixtureInputs(), { file: 'broken.xlsx', issues: [], error: { code: 'file.not-xlsx', message: '不是 .xlsx 文件' } }, jointInput()], deps);
    bytes = await writeSummaryWorkbook(summary);
    emptyBytes = await writeSummaryWorkbook(aggregate([], deps));
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'summary.xlsx'), bytes);
    writeFileSync(join(OUT, 'empty.xlsx'), emptyBytes);
  });

  test('sheets in order, lists very hidden, dropdown lists under defined names', () => {
    const zip = unzip(bytes);
    const wb = parser.parse(zip.get('xl/workbook.xml')!.toString()).workbook;
    expect((wb.sheets.sheet as Xml[]).map((s) => s.name)).toEqual(['说明', '服务机构', '服务对象', '服务方案', '联合申报单位', '统计', '问题清单', 'lists']);
    expect((wb.sheets.sheet as Xml[]).find((s) => s.name === 'lists')!.state).toBe('veryHidden');
    const names = Object.fromEntries((wb.definedNames.definedName as Xml[]).map((d) => [d.name, d['#text']]));
    expect(Object.keys(names).sort()).toEqual(['List_agencyType', 'List_industry', 'List_schemeField', 'List_schemeType']);
    for (const ref of Object.values(names)) expect(ref).toMatch(/^'?lists'?!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
  });

  test('each data sheet is one Excel table with a frozen header, widths, text formats and range validations', () => {
    const zip = unzip(bytes);
    const sheets = sheetParts(zip);
    const styles = parser.parse(zip.get('xl/styles.xml')!.toString()).styleSheet;
    const xfs = styles.cellXfs.xf as Xml[];
    const allTables = [...sheets.values()].flatMap((s) => s.tables);
    const tableNames = allTables.map((t) => t.name);
    expect(new Set(tableNames).size).toBe(tableNames.length);
    for (const n of tableNames) expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    expect(tableNames.sort()).toEqual(Object.values(SUMMARY_TABLE_NAMES).sort());

    expect(summary.jointApplicants).toHaveLength(JOINT_APPLICANTS.length);
    const data = [
      ...TABLE_KEYS.map((t) => [SUMMARY_SHEETS[t], summaryColumns(t), summary.rows[t].length] as const),
      [SUMMARY_SHEETS.jointApplicants, jointApplicantColumns(), summary.jointApplicants.length] as const,
      [SUMMARY_SHEETS.issues, ISSUE_COLUMNS, summary.issues.length] as const,
    ];
    for (const [name, columns, n] of data) {
      const { xml, tables } = sheets.get(name)!;
      // One table, from A1, covering header + every row; its own autofilter only (none on the sheet).
      expect(tables).toHaveLength(1);
      const last = String.fromCharCode(64 + columns.length);
      expect(tables[0].ref).toBe(`A1:${last}${n + 1}`);
      expect(tables[0].autoFilter.ref).toBe(tables[0].ref);
      expect(xml.autoFilter).toBeUndefined();
      expect((tables[0].tableColumns.tableColumn as Xml[]).map((c) => c.name)).toEqual(columns.map((c) => c.header));
      // Frozen header.
      const pane = xml.sheetViews.sheetView.pane;
      expect(pane).toMatchObject({ state: 'frozen', ySplit: '1', topLeftCell: 'A2' });
      // Widths.
      const cols = xml.cols.col as Xml[];
      columns.forEach((c, i) => {
        const col = cols.find((x) => Number(x.min) <= i + 1 && i + 1 <= Number(x.max))!;
        expect(Number(col.width)).toBeCloseTo(c.width, 0);
      });
      // Text columns: every data cell a string with the @ format.
      const rows = xml.sheetData.row as Xml[];
      columns.forEach((c, i) => {
        if (!c.text) return;
        const letter = String.fromCharCode(65 + i);
        for (const row of rows.slice(1)) {
          const cell = (row.c as Xml[]).find((x) => x.r === `${letter}${row.r}`);
          if (!cell || cell.v === undefined) continue;
          expect(cell.t).toBe('s');
          expect(xfs[Number(cell.s)].numFmtId).toBe('49');
        }
      });
      // Validations: one per category column, over the column's whole data range, from a defined name.
      const dvs = (xml.dataValidations?.dataValidation ?? []) as Xml[];
      const cats = columns.map((c, i) => [c, i] as const).filter(([c]) => c.vocabulary);
      expect(dvs).toHaveLength(cats.length);
      for (const [c, i] of cats) {
        const letter = String.fromCharCode(65 + i);
        const dv = dvs.find((d) => d.sqref === `${letter}2:${letter}${n + 1}`)!;
        expect(dv).toBeDefined();
        expect(dv).toMatchObject({ type: 'list', formula1: `List_${c.vocabulary}` });
      }
    }
    // The phone of a fixture row is kept as text, digits intact; so is an all-digit 18-digit joint applicant's code.
    const strings = (parser.parse(zip.get('xl/sharedStrings.xml')!.toString()).sst.si as Xml[]).map((s) => String(s.t?.['#text'] ?? s.t));
    expect(strings).toContain('19128886838');
    expect(strings).toContain('914403007727361493');
    // The 联合申报单位 sheet: its code column (组织机构代码/三证合一码) is a text column with every code written as text.
    const joint = sheets.get(SUMMARY_SHEETS.jointApplicants)!;
    expect(joint.tables[0].name).toBe(SUMMARY_TABLE_NAMES.jointApplicants);
    const code = jointApplicantColumns().findIndex((c) => c.key === 'creditCode');
    const codeCells = (joint.xml.sheetData.row as Xml[]).slice(1).map((r) => (r.c as Xml[]).find((c) => c.r === `${String.fromCharCode(65 + code)}${r.r}`)!);
    expect(codeCells).toHaveLength(JOINT_APPLICANTS.length);
    for (const c of codeCells) expect([c.t, xfs[Number(c.s)].numFmtId]).toEqual(['s', '49']);
  });

  test('LibreOffice opens it: values back as CSV equal the model, tables and validations survive', () => {
    const lo = join(OUT, 'lo');
    // 12th token -1: every sheet to <name>-<sheet>.csv (LibreOffice 7.2+); UTF-8 (76), comma, quote.
    convert([join(OUT, 'summary.xlsx'), join(OUT, 'empty.xlsx')], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', lo);
    const read = (sheet: string, file = 'summary') => parseCsv(readFileSync(join(lo, `${file}-${sheet}.csv`), 'utf8'));

    for (const t of TABLE_KEYS) {
      const columns = summaryColumns(t);
      const expected = [columns.map((c) => c.header), ...summary.rows[t].map((r) => summaryRowValues(r, columns).map(asText))];
      expect(read(SUMMARY_SHEETS[t])).toEqual(expected);
    }
    const jointColumns = jointApplicantColumns();
    expect(read(SUMMARY_SHEETS.jointApplicants)).toEqual([jointColumns.map((c) => c.header), ...summary.jointApplicants.map((r) => jointApplicantRowValues(r, jointColumns).map(asText))]);
    expect(read(SUMMARY_SHEETS.jointApplicants).map((r) => r[jointColumns.findIndex((c) => c.key === 'creditCode')]).slice(1)).toEqual(JOINT_APPLICANTS.map((j) => j[2]));
    const issues = [ISSUE_COLUMNS.map((c) => c.header), ...summary.issues.map((i) => issueRowValues(i).map(asText))];
    expect(read(SUMMARY_SHEETS.issues)).toEqual(issues);
    const cover = read(SUMMARY_SHEETS.cover).map((r) => r.join('|'));
    expect(cover.some((l) => l.includes('工信厅网安函〔2023〕356号'))).toBe(true);
    expect(cover.some((l) => l.startsWith('5|broken.xlsx|无法读取'))).toBe(true);
    expect(cover.some((l) => l.startsWith(`合计|${TABLES.targets.shortName}|34|34|一致`))).toBe(true);
    const stats = read(SUMMARY_SHEETS.statistics).map((r) => r.join('|'));
    expect(stats.some((l) => l.startsWith('江苏省|') && l.endsWith('|10'))).toBe(true);
    // The empty summary opens too (its tables hold one blank row).
    expect(read(SUMMARY_SHEETS.targets, 'empty')[0]).toEqual(summaryColumns('targets').map((c) => c.header));
    // No joint applicants: the 联合申报单位 sheet still there, with its header.
    expect(read(SUMMARY_SHEETS.jointApplicants, 'empty')).toEqual([jointColumns.map((c) => c.header)]);
    expect(cover.some((l) => l.startsWith('合计|联合申报单位|3|3|一致'))).toBe(true);

    // Round trip to .xlsx through LibreOffice: its import kept the tables and the validations.
    const back = join(OUT, 'lo-xlsx');
    convert([join(OUT, 'summary.xlsx')], 'xlsx:Calc MS Excel 2007 XML', back);
    const zip = unzip(readFileSync(join(back, 'summary.xlsx')));
    const sheets = sheetParts(zip);
    const names = [...sheets.values()].flatMap((s) => s.tables.map((t) => t.name)).sort();
    expect(names).toEqual(Object.values(SUMMARY_TABLE_NAMES).sort());
    const agencies = sheets.get(SUMMARY_SHEETS.agencies)!;
    expect(agencies.tables[0].ref).toBe(`A1:${columnLetter(summaryColumns('agencies').length - 1)}${summary.rows.agencies.length + 1}`);
    const dv = (agencies.xml.dataValidations.dataValidation as Xml[])[0];
    expect(dv).toMatchObject({ type: 'list', sqref: `H2:H${summary.rows.agencies.length + 1}`, formula1: 'List_agencyType' });
    expect(sheets.get(SUMMARY_SHEETS.jointApplicants)!.tables[0].ref).toBe(`A1:${String.fromCharCode(64 + jointColumns.length)}${summary.jointApplicants.length + 1}`);
    expect(readdirSync(back)).toContain('summary.xlsx');
  });
});
