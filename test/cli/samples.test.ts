/**
 * The bundled samples (test/samples): read exactly as their manifest says, aggregated with every planted issue and
 * every planted cross-submission issue found, and still what the generator produces (so `npm run samples` and the
 * committed files cannot drift apart).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TABLE_KEYS, TABLES } from '../../src/core/notice/tables';
import { buildSampleSet } from '../../src/samples/plan';
import { loadSampleManifest, runCli, SAMPLE_SUBMISSIONS, tempDir, type CliRun } from './helpers';

const manifest = loadSampleManifest();

let tmp: ReturnType<typeof tempDir>;
let aggregated: CliRun;
let human: CliRun;
let validated: CliRun;
beforeAll(async () => {
  tmp = tempDir();
  aggregated = await runCli(['aggregate', SAMPLE_SUBMISSIONS, '-o', join(tmp.dir, 'summary.xlsx'), '--json']);
  human = await runCli(['aggregate', SAMPLE_SUBMISSIONS, '-o', join(tmp.dir, 'human.xlsx'), '--csv', join(tmp.dir, 'csv')]);
  validated = await runCli(['validate', SAMPLE_SUBMISSIONS, '--json']);
});
afterAll(() => tmp.cleanup());

test('the set is about ten regions, both variants, with planted issues and cross issues', () => {
  expect(new Set(manifest.files.map((f) => f.region)).size).toBeGreaterThanOrEqual(8);
  expect(new Set(manifest.files.map((f) => f.variant))).toEqual(new Set(['附件2', '附件3']));
  expect(manifest.files.flatMap((f) => f.issues).length).toBeGreaterThan(0);
  expect(manifest.crossIssues.length).toBeGreaterThan(0);
  expect(readdirSync(SAMPLE_SUBMISSIONS).filter((n) => n.endsWith('.xlsx')).sort()).toEqual(manifest.files.map((f) => f.file).sort());
});

/**
 * The manifest's cells as the reader reports them: the person's extra columns (备注) dropped, and a split header's
 * sub-columns (contact.mobile, contact.email) read as one 联系方式 cell, left to right, space-separated.
 */
function asReaderCells(cells: Readonly<Record<string, string>>, columns: Readonly<Record<string, string>>, table: (typeof TABLE_KEYS)[number]): Record<string, string> {
  const official = new Set(TABLES[table].columns.map((c) => c.key));
  const byLetter = (a: string, b: string) => (columns[a] ?? '').length - (columns[b] ?? '').length || (columns[a] ?? '').localeCompare(columns[b] ?? '');
  const out: Record<string, string> = {};
  const parts = new Map<string, string[]>();
  for (const key of Object.keys(cells).sort(byLetter)) {
    const [base, sub] = key.split('.');
    if (!official.has(base)) continue;
    if (sub === undefined) out[key] = cells[key];
    else parts.set(base, [...(parts.get(base) ?? []), cells[key]]);
  }
  for (const [base, list] of parts) out[base] = list.filter((x) => x !== '').join(' ');
  return out;
}

test('validate reads every sample with the manifest region, variant and exactly its data rows', () => {
  const out = JSON.parse(validated.stdout);
  for (const m of manifest.files) {
    const f = out.files.find((x: { file: string }) => x.file === m.file);
    expect(f).toMatchObject({ status: 'ok', region: m.region, variant: m.variant });
    expect(Object.keys(f.tables).sort()).toEqual(Object.keys(m.tables).sort());
    for (const t of TABLE_KEYS) {
      const want = m.tables[t];
      if (!want) continue;
      const rows = want.dataRows.map((r) => ({ row: r.row, cells: asReaderCells(r.cells, want.columns, t) }));
      const got = f.tables[t].rows as { row: number; cells: Record<string, string>; extras?: { header: string; text: string }[] }[];
      expect({ file: m.file, t, rows: got.map((r) => ({ row: r.row, cells: r.cells })) }).toEqual({ file: m.file, t, rows });
      // The 备注 column the generator adds to some layouts comes back as each row's extras, value for value.
      expect({ file: m.file, t, extras: got.map((r) => (r.extras ?? []).map((x) => [x.header, x.text])) }).toEqual({
        file: m.file,
        t,
        extras: want.dataRows.map((r) => (r.cells.remarks ? [['备注', r.cells.remarks]] : [])),
      });
    }
  }
});

test('aggregate: exit 1 (the samples carry errors), reconciliation balanced with the manifest row counts', () => {
  expect(aggregated.code).toBe(manifest.files.some((f) => f.issues.some((i) => i.severity === 'error')) || manifest.crossIssues.some((c) => c.severity === 'error') ? 1 : 0);
  const out = JSON.parse(aggregated.stdout);
  expect(out.reconciliation.balanced).toBe(true);
  for (const t of TABLE_KEYS) {
    const n = manifest.files.reduce((a, f) => a + (f.rowCounts[t] ?? 0), 0);
    expect(out.reconciliation.totals[t]).toEqual({ read: n, inSummary: n });
  }
});

test('aggregate: the 附件3 samples\' 联合申报单位 (3 each) reconciled, printed, in the workbook and the CSV', async () => {
  const out = JSON.parse(aggregated.stdout);
  const joint = manifest.files.filter((f) => f.variant === '附件3').map((f) => f.file);
  expect(joint).toHaveLength(2);
  const lines = out.reconciliation.lines.filter((l: { table: string }) => l.table === 'jointApplicants');
  expect(lines.map((l: { file: string; read: number; inSummary: number; balanced: boolean }) => [l.file, l.read, l.inSummary, l.balanced]).sort()).toEqual(joint.map((f) => [f, 3, 3, true]).sort());
  expect(out.reconciliation.totals.jointApplicants).toEqual({ read: 6, inSummary: 6 });
  for (const f of out.files) expect(f.rowsRead.jointApplicants).toBe(joint.includes(f.file) ? 3 : 0);

  // Human report: a 联合申报单位 column, 3 → 3 ✓ for each 附件3 file, — for 附件2, in the total.
  const header = human.stdout.split('\n').find((l) => l.trimStart().startsWith('文件 file'))!;
  expect(header.trimEnd().endsWith('联合申报单位')).toBe(true);
  // The reconciliation lines are numbered like the file list (same folder, same order as the --json run's files).
  const reconciliation = human.stdout.split('\n').filter((l) => /^\s+\d+\s/.test(l) && l.includes('→'));
  expect(reconciliation).toHaveLength(out.files.length);
  out.files.forEach((f: { variant: string }, i: number) => {
    expect(reconciliation[i].startsWith(`  ${String(i + 1).padStart(2)}  `)).toBe(true);
    expect(reconciliation[i].trimEnd().endsWith(f.variant === '附件3' ? '3 → 3 ✓' : '—')).toBe(true);
  });
  expect(human.stdout.split('\n').find((l) => l.includes('合计 total'))!.trimEnd().endsWith('6 → 6 ✓')).toBe(true);
  const read = TABLE_KEYS.reduce((n, t) => n + out.reconciliation.totals[t].read, 0) + 6;
  // Every row read is in; the 四川 sample's hidden old sheet (3 rows of 服务对象) is not, and the report says so.
  expect(human.stdout).toContain(`✓ 读取的行都已汇总：读取 ${read} 行 = 汇总 ${read} 行`);
  expect(human.stdout).not.toContain('没有遗漏');
  expect(human.stdout).toMatch(/四川省附件2表格（修改版）\.xlsx：隐藏工作表“[^”]+”第 \d+ 行的表（服务对象），3 行/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(tmp.dir, 'human.xlsx'));
  const ws = wb.getWorksheet('联合申报单位')!;
  expect(ws.actualRowCount).toBe(7);
  const csv = readFileSync(join(tmp.dir, 'csv', '联合申报单位.csv'), 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(7);
  expect(csv.filter((l) => l.includes('914200004437888294'))).toHaveLength(1);
});

test('aggregate: every planted issue is in the summary workbook\'s 问题清单 at its file, sheet and cell, with its severity', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(tmp.dir, 'summary.xlsx'));
  const ws = wb.getWorksheet('问题清单');
  expect(ws).toBeDefined();
  const header = (ws!.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`问题清单 has no column ${h}`);
    return i;
  };
  const rows: Record<string, string>[] = [];
  ws!.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (h: string) => row.getCell(col(h)).text;
    rows.push({ code: cell('规则代码'), file: cell('文件'), sheet: cell('工作表'), cell: cell('单元格'), severity: cell('级别') });
  });
  const severityZh = { error: '错误', warning: '警告', info: '提示' } as const;
  let planted = 0;
  for (const f of manifest.files) {
    for (const p of f.issues) {
      planted++;
      const hit = rows.find((r) => r.code === p.code && r.file === f.file && r.sheet === (p.sheet ?? '') && (!p.cell || r.cell === p.cell));
      expect({ file: f.file, planted: p, found: !!hit }).toEqual({ file: f.file, planted: p, found: true });
      expect(hit!.severity.startsWith(severityZh[p.severity])).toBe(true);
    }
  }
  expect(planted).toBeGreaterThan(0);
});

test('aggregate: every planted cross-submission issue, pointing at all its files (and cells)', () => {
  const out = JSON.parse(aggregated.stdout);
  type Place = { file: string; sheet?: string | null; cell?: string | null };
  for (const want of manifest.crossIssues) {
    const candidates = out.crossIssues.filter((i: { code: string; severity: string }) => i.code === want.code && i.severity === want.severity);
    const hit = candidates.find((i: Place & { related: Place[] }) => {
      const places: Place[] = [i, ...i.related];
      const files = new Set(places.map((p) => p.file));
      if (!want.files.every((f) => files.has(f))) return false;
      return (want.occurrences ?? []).every((o) => places.some((p) => p.file === o.file && p.sheet === o.sheet && p.cell === o.cell));
    });
    expect({ want: want.code, subject: want.subject, found: !!hit }).toEqual({ want: want.code, subject: want.subject, found: true });
  }
  // Nothing cross-submission beyond what the samples were built to show.
  expect(out.crossIssues).toHaveLength(manifest.crossIssues.length);
});

/** What a person sees in a workbook: sheets (name, visibility, merges) and every cell's value, not the zip bytes. */
async function contents(bytes: Uint8Array | Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: unknown[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => (cells[c.address] = JSON.stringify(c.value))));
    sheets.push({ name: ws.name, state: ws.state, merges: [...(ws.model.merges ?? [])].sort(), cells });
  });
  return sheets;
}

test('the committed samples and manifest are what the generator produces now', async () => {
  const { files, manifest: fresh } = await buildSampleSet();
  expect(JSON.parse(JSON.stringify(fresh))).toEqual(manifest);
  expect(files.map((f) => f.name).sort()).toEqual(manifest.files.map((f) => f.file).sort());
  for (const f of files) {
    const committed = readFileSync(join(SAMPLE_SUBMISSIONS, f.name));
    expect({ file: f.name, contents: await contents(committed) }).toEqual({ file: f.name, contents: await contents(f.bytes) });
  }
});
