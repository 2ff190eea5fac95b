/**
 * Helpers for the CLI tests: run `main` in-process with stdout/stderr captured, temp folders, and the two data
 * sets the expectations come from (the shared fixtures' expected.json and the sample manifest).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TABLES, TABLE_KEYS, type TableKey } from '../../src/core/notice/tables';
import type { SampleSetManifest } from '../../src/samples/plan';
import { main } from '../../src/cli/main';
import { FIXTURES } from '../shared-fixtures';

export const REPO = resolve(__dirname, '../..');
export const SHARED_FIXTURES = FIXTURES;
export const SAMPLES = join(REPO, 'test/samples');
export const SAMPLE_SUBMISSIONS = join(SAMPLES, 'submissions');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

// Colours appear when jest runs on a terminal; the assertions are about text.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** `pilot-tables …argv` in this process, output captured (and not shown). */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout: stdout.replace(ANSI, ''), stderr: stderr.replace(ANSI, '') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'pilot-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ExpectedIssue {
  table: string;
  sheet: string;
  row: number;
  column: string;
  cell?: string;
  kind: string;
  severity: string;
}

export interface ExpectedFixture {
  folder: string;
  path: string;
  file: string;
  region: string;
  variant: '附件2' | '附件3';
  tables: Partial<Record<TableKey, { sheet: string; headerRows: number[]; columns: Record<string, string>; dataRows: { row: number; cells: Record<string, string> }[] }>>;
  issues: ExpectedIssue[];
  rowCounts: Partial<Record<TableKey, number>>;
}

export function loadFixtures(): ExpectedFixture[] {
  return readdirSync(SHARED_FIXTURES)
    .filter((d) => existsSync(join(SHARED_FIXTURES, d, 'expected.json')))
    .sort()
    .map((folder) => {
      const e = JSON.parse(readFileSync(join(SHARED_FIXTURES, folder, 'expected.json'), 'utf8'));
      return { folder, path: join(SHARED_FIXTURES, folder, e.file), ...e };
    });
}

export interface CrossExpected {
  kind: string;
  severity: string;
  enterprise: string;
  occurrences: { submission: string; file: string; sheet: string; row: number; cell: string }[];
}

export function loadCrossExpected(): CrossExpected[] {
  return JSON.parse(readFileSync(join(SHARED_FIXTURES, 'cross-submission-expected.json'), 'utf8'));
}

export function loadSampleManifest(): SampleSetManifest {
  return JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8'));
}

/** Official header (as expected.json keys cells) → the stable column key the JSON output uses. */
export function keyOfHeader(table: TableKey, header: string): string {
  const col = TABLES[table].columns.find((c) => c.header === header);
  if (!col) throw new Error(`unknown header ${header} in ${table}`);
  return col.key;
}

/** A fixture's rows as the CLI's JSON would show them: cells keyed by column key. */
export function expectedRows(fx: ExpectedFixture, table: TableKey): { row: number; cells: Record<string, string> }[] {
  return (fx.tables[table]?.dataRows ?? []).map((r) => ({
    row: r.row,
    cells: Object.fromEntries(Object.entries(r.cells).map(([h, t]) => [keyOfHeader(table, h), t])),
  }));
}

/** Expected issue → the column key the CLI reports (expected.json names the official header). */
export function expectedColumnKey(i: ExpectedIssue): string {
  return (TABLE_KEYS as readonly string[]).includes(i.table) ? keyOfHeader(i.table as TableKey, i.column) : i.column;
}

/** Mainland mobiles written anywhere in the fixtures' rows (for the --mask test). */
export function fixtureMobiles(fixtures: readonly ExpectedFixture[]): string[] {
  const out = new Set<string>();
  for (const fx of fixtures) {
    for (const t of Object.values(fx.tables)) {
      for (const r of t?.dataRows ?? []) for (const text of Object.values(r.cells)) for (const m of text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []) out.add(m);
    }
  }
  return [...out];
}
