/**
 * Test helpers for the aggregator: the shared fixtures' expected.json turned into Submissions, and a small
 * stand-in row normaliser built from src/core/text/normalize.ts (test-only; the real one is the validator's).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, TABLE_KEYS, type TableKey, type Variant } from '../../src/core/notice/tables';
import { regionByName } from '../../src/core/notice/regions';
import { VOCABULARIES, PRODUCT_SERVICE_TYPES, type Term, type Vocabulary } from '../../src/core/notice/vocabularies';
import type { NormalizedRow } from '../../src/core/submission/normalized';
import type { FormValue, JointApplicantRow, Submission, TableRow } from '../../src/core/submission/types';
import type { AggregateInput } from '../../src/core/aggregate/types';
import type { Issue } from '../../src/core/issues';
import { compactText, nameKey, normalizeText } from '../../src/core/text/normalize';
import { FIXTURES } from '../shared-fixtures';

/** The shared fixtures' folder (test/shared-fixtures.ts). */
export function fixturesDir(): string {
  return FIXTURES;
}

export interface ExpectedFixture {
  folder: string;
  file: string;
  region: string;
  variant: Variant;
  tables: Record<string, { sheet: string; columns: Record<string, string>; dataRows: { row: number; cells: Record<string, string> }[] }>;
  issues: { table: string; sheet: string; row: number; column: string; cell?: string; kind: string; severity: string }[];
  rowCounts: Record<string, number>;
}

export function loadFixtures(): ExpectedFixture[] {
  const dir = fixturesDir();
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'expected.json')))
    .sort()
    .map((folder) => ({ folder, ...JSON.parse(readFileSync(join(dir, folder, 'expected.json'), 'utf8')) }));
}

export function loadCrossExpected(): { kind: string; severity: string; enterprise: string; occurrences: { submission: string; file: string; sheet: string; row: number; cell: string }[] }[] {
  return JSON.parse(readFileSync(join(fixturesDir(), 'cross-submission-expected.json'), 'utf8'));
}

/** expected.json → Submission: header → key through TABLES, column letter + row → cell address. */
export function fixtureSubmission(fx: ExpectedFixture): Submission {
  const tables: Partial<Record<TableKey, Submission['tables'][TableKey]>> = {};
  for (const key of TABLE_KEYS) {
    const t = fx.tables[key];
    if (!t) continue;
    const columns: Record<string, string> = {};
    for (const c of TABLES[key].columns) if (t.columns[c.header]) columns[c.key] = t.columns[c.header];
    const rows: TableRow[] = t.dataRows.map((r) => {
      const cells: Record<string, { text: string; cell?: string }> = {};
      for (const c of TABLES[key].columns) {
        const text = r.cells[c.header];
        if (text === undefined) continue;
        cells[c.key] = { text, ...(columns[c.key] ? { cell: `${columns[c.key]}${r.row}` } : {}) };
      }
      return { row: r.row, cells };
    });
    tables[key] = { table: key, file: fx.file, sheet: t.sheet, columns, rows };
  }
  return { file: fx.file, variant: fx.variant, region: regionByName(fx.region), tables };
}

/** The fixture's expected issues as validator issues (row, column key, kind as code). */
export function fixtureIssues(fx: ExpectedFixture): Issue[] {
  return fx.issues.map((i) => {
    const table = i.table as TableKey;
    const column = TABLES[table].columns.find((c) => c.header === i.column)?.key;
    return {
      code: i.kind,
      severity: i.severity as Issue['severity'],
      table,
      row: i.row,
      column,
      sheet: i.sheet,
      cell: i.cell,
      message: `${i.column}：${i.kind}`,
      messageEn: `${i.column}: ${i.kind}`,
    };
  });
}

export function fixtureInputs(): AggregateInput[] {
  return loadFixtures().map((fx) => ({ file: fx.file, submission: fixtureSubmission(fx), issues: fixtureIssues(fx) }));
}

/** A hand-made submission (for rules the fixtures do not exercise). */
export function makeSubmission(opts: {
  file: string;
  region?: string;
  variant?: Variant;
  submitter?: string;
  form?: FormValue[];
  sheet?: string;
  agencies?: [name: string, type: string, contact: string, role: string][];
  targets?: [name: string, industry: string, person: string, contact: string][];
  schemes?: [name: string, type: string, industry: string, person: string, contact: string][];
  /** 联合申报单位 rows (附件3), on `jointSheet` (default 基本信息) from row `jointRow` (default 15), columns B–D. */
  joint?: [name: string, nature: string, creditCode: string][];
  jointSheet?: string;
  jointRow?: number;
}): Submission {
  const sheet = opts.sheet ?? 'Sheet1';
  const tables: Partial<Record<TableKey, Submission['tables'][TableKey]>> = {};
  let next = 2;
  const build = (key: TableKey, list: string[][] | undefined) => {
    if (!list) return;
    const cols = TABLES[key].columns;
    const headerRow = next;
    const rows: TableRow[] = list.map((values, i) => {
      const row = headerRow + 1 + i;
      const all = [String(i + 1), ...values];
      const cells: Record<string, { text: string; cell: string }> = {};
      cols.forEach((c, j) => (cells[c.key] = { text: all[j] ?? '', cell: `${String.fromCharCode(65 + j)}${row}` }));
      return { row, cells };
    });
    next = headerRow + list.length + 3;
    tables[key] = { table: key, file: opts.file, sheet, headerRows: [headerRow], rows };
  };
  build('agencies', opts.agencies);
  build('targets', opts.targets);
  build('schemes', opts.schemes);
  return {
    file: opts.file,
    variant: opts.variant ?? '附件2',
    region: opts.region ? regionByName(opts.region) : undefined,
    ...(opts.submitter ? { submitter: opts.submitter } : {}),
    ...(opts.form ? { form: opts.form } : {}),
    tables,
    ...(opts.joint ? { jointApplicants: jointRows(opts.joint, opts.jointSheet ?? '基本信息', opts.jointRow ?? 15) } : {}),
  };
}

/** 联合申报单位 rows as the locator hands them over: name, nature, creditCode in columns B, C, D from row `first`. */
export function jointRows(list: readonly (readonly [string, string, string])[], sheet: string, first: number): JointApplicantRow[] {
  return list.map(([name, nature, creditCode], i) => {
    const row = first + i;
    return { sheet, row, cells: { name: { text: name, cell: `B${row}` }, nature: { text: nature, cell: `C${row}` }, creditCode: { text: creditCode, cell: `D${row}` } } };
  });
}

/** A file's issue on one 联合申报单位 cell, as validateJointApplicants reports it (table 'jointApplicants'). */
export function jointIssue(file: string, cell: string, code = 'credit.check-failed', severity: Issue['severity'] = 'error', sheet = '基本信息'): Issue {
  const column = { B: 'name', C: 'nature', D: 'creditCode' }[cell[0]] ?? 'name';
  return { code, severity, table: 'jointApplicants', file, sheet, cell, row: Number(cell.slice(1)), column, message: `${cell}：${code}`, messageEn: `${cell}: ${code}` };
}

/**
 * A 附件3 submission with three joint applicants (an 18-digit all-digit code among them: it must stay text) and
 * two issues on its second joint applicant (C16, D16) plus one on a form field (B4): for the writers' tests.
 */
export const JOINT_FILE = '深圳市附件3（联合申报）.xlsx';
export const JOINT_LEAD = '甲财产保险股份有限公司深圳分公司';
export const JOINT_APPLICANTS: [string, string, string][] = [
  ['乙科技有限公司', '民营企业', '91440300MA5FTEST0X'],
  ['丙再保险股份有限公司', '国有控股企业', '914403007727361493'],
  ['丁司法鉴定所', '事业单位', '12440300455863931B'],
];
export function jointInput(): AggregateInput {
  return {
    file: JOINT_FILE,
    submission: makeSubmission({ file: JOINT_FILE, region: '深圳市', variant: '附件3', submitter: JOINT_LEAD, joint: JOINT_APPLICANTS }),
    issues: [jointIssue(JOINT_FILE, 'C16', 'category.near-miss', 'warning'), jointIssue(JOINT_FILE, 'D16'), jointIssue(JOINT_FILE, 'B4', 'required.missing')],
  };
}

function officialOf(vocab: Vocabulary, text: string): string | undefined {
  const t = compactText(text).replace(/[。．.；;，,、]+$/u, '');
  if (!t) return undefined;
  const walk = (terms: readonly Term[]): string | undefined => {
    for (const term of terms) {
      if (term.value === t || (term.aliases ?? []).map(compactText).includes(t)) return term.value;
      const m = term.members ? walk(term.members) : undefined;
      if (m) return m;
    }
    return undefined;
  };
  return walk(vocab.terms);
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Test-only stand-in for src/core/rules/normalize-row.ts. */
export function standInNormalizeRow(table: TableKey, row: TableRow): NormalizedRow {
  const text = (k: string) => row.cells[k]?.text ?? '';
  const contact = normalizeText(text('contact'));
  const mobile = contact.match(MOBILE)?.[0];
  const email = contact.match(EMAIL)?.[0]?.toLowerCase();
  const out: { -readonly [K in keyof NormalizedRow]: NormalizedRow[K] } = { nameKey: nameKey(text('name')) };
  if (mobile) out.mobile = mobile;
  if (table === 'agencies') {
    const type = officialOf(VOCABULARIES.agencyType, text('type'));
    if (type) out.type = type;
    const person = contact.replace(/[\d+\-\s:：，,;；/]+/g, ' ').trim().split(' ')[0];
    if (person) out.person = person;
    if (mobile) out.phone = mobile;
    const role = compactText(text('role'));
    out.lead = !/^否/.test(role) && /牵头|^是/.test(role);
  } else {
    if (email) out.email = email;
    if (table === 'targets') {
      const industry = officialOf(VOCABULARIES.industry, text('industry'));
      if (industry) out.industry = industry;
    } else {
      const type = officialOf(VOCABULARIES.schemeType, text('type'));
      if (type) out.type = type;
      const industry = officialOf(VOCABULARIES.industry, text('industry')) ?? officialOf(PRODUCT_SERVICE_TYPES, text('industry'));
      if (industry) out.industry = industry;
    }
  }
  return out;
}

export const FIXED_NOW = () => new Date('2024-03-01T08:00:00.000Z');
export const deps = { normalizeRow: standInNormalizeRow, now: FIXED_NOW };
