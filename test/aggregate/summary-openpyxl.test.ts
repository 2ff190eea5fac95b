/**
 * The summary workbook opened by openpyxl (Debian's python3-openpyxl, installed by .ci/run): a second, independent
 * reader besides LibreOffice. Both writers (streamed, as the CLI writes; in memory, as the task pane writes) must
 * come through with their sheets, Excel tables, data validations, frozen headers and every value.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import { TABLE_KEYS } from '../../src/core/notice/tables';
import { SUMMARY_SHEETS, SUMMARY_TABLE_NAMES, writeSummaryWorkbook } from '../../src/xlsx/summary';
import { writeSummaryWorkbookStreamed } from '../../src/xlsx/summary-stream';
import { deps, fixtureInputs, jointInput, JOINT_APPLICANTS } from './helpers';

jest.setTimeout(120_000);

const OUT = resolve(__dirname, '../output/summary-openpyxl');

function python(): string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3'].filter((x): x is string => !!x);
  for (const p of candidates) {
    if (!existsSync(p)) continue;
    try {
      execFileSync(p, ['-c', 'import openpyxl'], { stdio: 'pipe' });
      return p;
    } catch {
      // try the next interpreter
    }
  }
  throw new Error('python3 with openpyxl is required for this test: apt-get install python3-openpyxl');
}

// openpyxl reads the file; the script reports what a Python user of the summary would see.
const SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [], "names": sorted(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else sorted(d.name for d in wb.defined_names.definedName)}
for ws in wb.worksheets:
    out["sheets"].append({
        "title": ws.title,
        "state": ws.sheet_state,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "tables": sorted([[t.name, t.ref, [c.name for c in t.tableColumns]] for t in ws.tables.values()]),
        "validations": sorted([[str(dv.sqref), dv.type, dv.formula1] for dv in ws.data_validations.dataValidation]),
        "values": [[("" if v is None else v) for v in row] for row in ws.iter_rows(values_only=True)],
    })
json.dump(out, sys.stdout, ensure_ascii=False)
`;

interface PySheet {
  title: string;
  state: string;
  freeze: string | null;
  autofilter: string | null;
  tables: [string, string, string[]][];
  validations: [string, string, string][];
  values: (string | number)[][];
}

const summary = aggregate([...fixtureInputs(), jointInput()], { ...deps, now: () => new Date('2024-01-20T08:00:00Z') });
const py = python();

const writers = [
  ['streamed (CLI)', () => writeSummaryWorkbookStreamed(summary)],
  ['in memory (task pane)', () => writeSummaryWorkbook(summary)],
] as const;

describe.each(writers)('openpyxl opens the summary written %s', (label, write) => {
  let sheets: PySheet[];
  let names: string[];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${label.split(' ')[0]}.xlsx`);
    writeFileSync(file, await write());
    const parsed = JSON.parse(execFileSync(py, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { sheets: PySheet[]; names: string[] };
    sheets = parsed.sheets;
    names = parsed.names;
  });

  test('sheets in order; the lists sheet very hidden; dropdown lists under defined names', () => {
    expect(sheets.map((s) => s.title)).toEqual(Object.values(SUMMARY_SHEETS));
    expect(sheets.find((s) => s.title === SUMMARY_SHEETS.lists)?.state).toBe('veryHidden');
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(TABLE_KEYS)('%s: one Excel table over header and every row, frozen header, validations, values', (table) => {
    const sheet = sheets.find((s) => s.title === SUMMARY_SHEETS[table])!;
    const columns = summaryColumns(table);
    const rows = summary.rows[table];
    expect(sheet.tables).toHaveLength(1);
    const [name, ref, tableColumns] = sheet.tables[0];
    expect(name).toBe(SUMMARY_TABLE_NAMES[table]);
    expect(ref.split(':')[0]).toBe('A1');
    expect(ref.split(':')[1].replace(/[A-Z]+/, '')).toBe(String(rows.length + 1));
    expect(tableColumns).toEqual(sheet.values[0]);
    expect(sheet.autofilter ?? null).toBeNull(); // the table carries its own filter; none may overlap it
    expect(sheet.freeze).toBe('A2');
    expect(sheet.validations.length).toBeGreaterThan(0);
    for (const [sqref, type] of sheet.validations) {
      expect(type).toBe('list');
      expect(sqref).toMatch(new RegExp(`^[A-Z]+2:[A-Z]+${rows.length + 1}$`));
    }
    const expected = rows.map((r) => summaryRowValues(r, columns));
    expect(sheet.values.slice(1)).toEqual(expected);
  });

  test('联合申报单位: one Excel table over header and every joint applicant, frozen header, codes as text', () => {
    const sheet = sheets.find((s) => s.title === SUMMARY_SHEETS.jointApplicants)!;
    const columns = jointApplicantColumns();
    expect(summary.jointApplicants).toHaveLength(JOINT_APPLICANTS.length);
    expect(sheet.tables).toEqual([[SUMMARY_TABLE_NAMES.jointApplicants, `A1:${String.fromCharCode(64 + columns.length)}${JOINT_APPLICANTS.length + 1}`, columns.map((c) => c.header)]]);
    expect(sheet.values[0]).toEqual(columns.map((c) => c.header));
    expect(sheet.autofilter ?? null).toBeNull();
    expect(sheet.freeze).toBe('A2');
    expect(sheet.validations).toEqual([]);
    // openpyxl hands back strings for the codes (an all-digit 18-digit one included), numbers for 问题数.
    expect(sheet.values.slice(1)).toEqual(summary.jointApplicants.map((r) => jointApplicantRowValues(r, columns)));
    expect(sheet.values.slice(1).map((r) => r[columns.findIndex((c) => c.key === 'creditCode')])).toEqual(JOINT_APPLICANTS.map((j) => j[2]));
  });
});
