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
import type { FormValue, Submission, TableRow } from '../../src/core/submission/types';
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
