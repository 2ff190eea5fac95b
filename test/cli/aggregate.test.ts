/**
 * `pilot-tables aggregate` in-process on the shared fixtures: the cross-submission finding of
 * cross-submission-expected.json, rows read = rows in summary, the workbook and CSV files written, --mask, and the
 * exit codes around unreadable files and --exit-zero.
 */
import { existsSync, readFileSync, writeFileSync, copyFileSync, readdirSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ruleSpec } from '../../src/core/rules/titles';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { TABLE_KEYS, TABLES } from '../../src/core/notice/tables';
import { fixtureMobiles, loadCrossExpected, loadFixtures, runCli, SHARED_FIXTURES, tempDir, type CliRun } from './helpers';

const fixtures = loadFixtures();
const cross = loadCrossExpected();
const expectsErrors = fixtures.some((f) => f.issues.some((i) => i.severity === 'error'));

interface Place {
  file: string;
  sheet?: string;
  cell?: string;
}
const placeKey = (p: Place) => `${p.file}|${p.sheet ?? ''}|${p.cell ?? ''}`;

let tmp: ReturnType<typeof tempDir>;
let json: CliRun;
let human: CliRun;
beforeAll(async () => {
  tmp = tempDir();
  json = await runCli(['aggregate', ...fixtures.map((f) => f.path), '-o', join(tmp.dir, 'json', 'summary.xlsx'), '--json']);
  human = await runCli(['aggregate', ...fixtures.map((f) => f.path), '-o', join(tmp.dir, 'a', 'b', 'summary.xlsx'), '--csv', join(tmp.dir, 'csv-utf8')]);
});
afterAll(() => tmp.cleanup());

test('exit code: 1 when the fixtures hold errors, else 0', () => {
  expect(json.code).toBe(expectsErrors ? 1 : 0);
  expect(human.code).toBe(json.code);
});

test('every cross-submission finding of cross-submission-expected.json, with all its cells', () => {
  const out = JSON.parse(json.stdout);
  expect(cross.length).toBeGreaterThan(0);
  for (const want of cross) {
    const found = out.crossIssues.filter((i: { code: string; value: string }) => i.code === want.kind && i.value === want.enterprise);
    expect(found).toHaveLength(1);
    const [issue] = found;
    expect(issue.severity).toBe(want.severity);
    const places = [issue as Place, ...(issue.related as Place[])].map(placeKey).sort();
    expect(places).toEqual(want.occurrences.map((o) => placeKey(o)).sort());
  }
});

test('--json: files with status and rows read per table as expected.json counts them', () => {
  const out = JSON.parse(json.stdout);
  expect(out.files).toHaveLength(fixtures.length);
  for (const fx of fixtures) {
    const f = out.files.find((x: { file: string }) => x.file === fx.file);
    expect(f).toMatchObject({ region: fx.region, variant: fx.variant });
    expect(['ok', 'warnings', 'errors']).toContain(f.status);
    for (const t of TABLE_KEYS) expect(f.rowsRead[t]).toBe(fx.rowCounts[t] ?? 0);
  }
});

test('reconciliation: rows read = rows in summary, per file and table and in total', () => {
  const r = JSON.parse(json.stdout).reconciliation;
  expect(r.balanced).toBe(true);
  const expectedLines = fixtures.flatMap((fx) => TABLE_KEYS.filter((t) => fx.tables[t]).map((t) => ({ file: fx.file, table: t, read: fx.rowCounts[t], inSummary: fx.rowCounts[t], balanced: true })));
  expect(r.lines.map((l: Record<string, unknown>) => ({ file: l.file, table: l.table, read: l.read, inSummary: l.inSummary, balanced: l.balanced }))).toEqual(
    expect.arrayContaining(expectedLines),
  );
  expect(r.lines).toHaveLength(expectedLines.length);
  for (const t of TABLE_KEYS) {
    const n = fixtures.reduce((a, fx) => a + (fx.rowCounts[t] ?? 0), 0);
    expect(r.totals[t]).toEqual({ read: n, inSummary: n });
  }
});

test('human report: the reconciliation with ✓ per table and the balanced total, counts, the cross issue', () => {
  const total = fixtures.reduce((a, fx) => a + TABLE_KEYS.reduce((b, t) => b + (fx.rowCounts[t] ?? 0), 0), 0);
  expect(human.stdout).toContain(`✓ 全部一致：读取 ${total} 行 = 汇总 ${total} 行`);
  expect(human.stdout).not.toContain('✗');
  for (const fx of fixtures) for (const t of TABLE_KEYS) if (fx.tables[t]) expect(human.stdout).toContain(`${fx.rowCounts[t]} → ${fx.rowCounts[t]} ✓`);
  expect(human.stdout).toMatch(/问题 Issues：\d+ 个错误 errors · \d+ 个警告 warnings · \d+ 个提示 info/);
  // Every per-code line names its rule in both languages, whichever part reported it (validator, locator, aggregator).
  const codeLines = human.stdout.split('\n').filter((l) => /^\s+(错误 error|警告 warning|提示 info)\s+\d+\s+[a-z]+\.[a-z.-]+/.test(l));
  expect(codeLines.length).toBeGreaterThan(0);
  for (const line of codeLines) {
    const code = /\d+\s+([a-z]+\.[a-z.-]+)/.exec(line)?.[1] ?? '';
    const spec = ruleSpec(code);
    expect(spec).toBeDefined();
    expect(line).toContain(`${spec?.zh} ${spec?.en}`);
  }
  for (const want of cross) {
    expect(human.stdout).toContain(`（${want.kind}）`);
    expect(human.stdout).toContain(want.enterprise);
  }
});

test('the summary workbook is written (parent folders created) with every row of every table', async () => {
  const path = join(tmp.dir, 'a', 'b', 'summary.xlsx');
  expect(existsSync(path)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const t of TABLE_KEYS) {
    const ws = wb.getWorksheet(TABLES[t].shortName);
    expect(ws).toBeDefined();
    const n = fixtures.reduce((a, fx) => a + (fx.rowCounts[t] ?? 0), 0);
    // Header row plus one row per data row read.
    expect(ws?.actualRowCount).toBe(n + 1);
  }
});

describe('CSV', () => {
  const csvDir = () => join(tmp.dir, 'csv-utf8');

  test('UTF-8 with BOM: one file per table (联合申报单位 included) plus issues and statistics, Chinese intact', () => {
    const names = readdirSync(csvDir()).sort();
    expect(names).toEqual([...TABLE_KEYS.map((t) => `${TABLES[t].shortName}.csv`), '联合申报单位.csv', '问题清单.csv', '统计.csv'].sort());
    for (const name of names) {
      const bytes = readFileSync(join(csvDir(), name));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const targets = readFileSync(join(csvDir(), `${TABLES.targets.shortName}.csv`)).toString('utf8');
    for (const want of cross) expect(targets).toContain(want.enterprise);
  });

  test('--encoding gb18030: no BOM, decodes to the same text as the UTF-8 files', async () => {
    const dir = join(tmp.dir, 'csv-gb');
    const r = await runCli(['aggregate', ...fixtures.map((f) => f.path), '-o', join(tmp.dir, 'gb.xlsx'), '--csv', dir, '--encoding', 'gb18030']);
    expect(r.code).toBe(json.code);
    expect(r.stdout).toContain('GB18030');
    for (const name of readdirSync(csvDir())) {
      const gb = readFileSync(join(dir, name));
      expect([...gb.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      // Same inputs, same text: only the encoding differs.
      const utf8 = readFileSync(join(csvDir(), name)).subarray(3).toString('utf8');
      expect(iconv.decode(gb, 'gb18030')).toBe(utf8);
    }
  });

  test('--mask: no fixture mobile appears in the CSV or the workbook, the masked form does', async () => {
    const mobiles = fixtureMobiles(fixtures);
    expect(mobiles.length).toBeGreaterThan(0);
    const plain = readFileSync(join(csvDir(), `${TABLES.targets.shortName}.csv`)).toString('utf8');
    expect(mobiles.some((m) => plain.includes(m))).toBe(true);

    const dir = join(tmp.dir, 'csv-mask');
    const out = join(tmp.dir, 'masked.xlsx');
    await runCli(['aggregate', ...fixtures.map((f) => f.path), '-o', out, '--csv', dir, '--mask']);
    const all = readdirSync(dir).map((n) => readFileSync(join(dir, n)).toString('utf8')).join('\n');
    for (const m of mobiles) expect({ m, present: all.includes(m) }).toEqual({ m, present: false });
    const masked = mobiles.map((m) => `${m.slice(0, 3)}****${m.slice(7)}`);
    expect(masked.some((m) => all.includes(m))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let cells = '';
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (cells += `${c.text}\n`))));
    for (const m of mobiles) expect({ m, present: cells.includes(m) }).toEqual({ m, present: false });
  });
});

describe('folders, unreadable files and exit codes', () => {
  test('a folder: its .xlsx aggregated, other files (expected.json, README) listed as skipped, not unreadable', async () => {
    const r = await runCli(['aggregate', SHARED_FIXTURES, '-o', join(tmp.dir, 'dir.xlsx'), '--json']);
    expect(r.code).toBe(json.code);
    const out = JSON.parse(r.stdout);
    // Found in sub-folders: known by the path below the folder named, so same-named files in two folders stay apart.
    expect(out.files.map((f: { file: string }) => f.file).sort()).toEqual(fixtures.map((f) => `${f.folder}/${f.file}`).sort());
    const skipped = out.skipped.map((s: { path: string }) => s.path);
    for (const fx of fixtures) expect(skipped).toContain(join(SHARED_FIXTURES, fx.folder, 'expected.json'));
  });

  test('one unreadable file → exit 2, the summary still written with that file marked unreadable', async () => {
    const dir = join(tmp.dir, 'batch');
    const out = join(tmp.dir, 'batch-summary.xlsx');
    const r0 = await runCli(['aggregate', fixtures[0].path, '-o', join(tmp.dir, 'x.xlsx')]);
    expect(r0.code).not.toBe(2);
    writeFileSync(join(tmp.dir, 'corrupt.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]));
    const r = await runCli(['aggregate', fixtures[0].path, join(tmp.dir, 'corrupt.xlsx'), join(dir, 'missing.xlsx'), '-o', out, '--json']);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(true);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { status: string }) => f.status)).toEqual([expect.not.stringMatching('unreadable'), 'unreadable', 'unreadable']);
    expect(files[1].error.code).toMatch(/^read\./);
    expect(files[2].error.code).toBe('read.not-found');
    const h = await runCli(['aggregate', join(tmp.dir, 'corrupt.xlsx'), '-o', out]);
    expect(h.code).toBe(2);
    expect(h.stdout).toContain('无法读取 unreadable');
  });

  test('--exit-zero turns "errors found" into 0 and leaves "unreadable" at 2', async () => {
    const withErrors = fixtures.find((f) => f.issues.some((i) => i.severity === 'error'));
    expect(withErrors).toBeDefined();
    const out = join(tmp.dir, 'ez.xlsx');
    expect((await runCli(['aggregate', withErrors!.path, '-o', out])).code).toBe(1);
    const r = await runCli(['aggregate', withErrors!.path, '-o', out, '--exit-zero']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--exit-zero');
    expect((await runCli(['aggregate', withErrors!.path, join(tmp.dir, 'corrupt.xlsx'), '-o', out, '--exit-zero'])).code).toBe(2);
  });

  test('the summary written inside an input folder is not read back as a submission on the next run', async () => {
    const dir = join(tmp.dir, 'inplace');
    const r1 = await runCli(['aggregate', fixtures[0].path, '-o', join(dir, 'summary.xlsx')]);
    copyFileSync(fixtures[0].path, join(dir, fixtures[0].file));
    const r2 = await runCli(['aggregate', dir, '-o', join(dir, 'summary.xlsx'), '--json']);
    expect(r2.code).toBe(r1.code);
    const out = JSON.parse(r2.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([fixtures[0].file]);
    expect(out.skipped.map((s: { reason: string }) => s.reason)).toEqual(['本命令的输出文件']);
  });

  test('a summary lying in an input folder under another name is skipped as a summary, not read as a region', async () => {
    const dir = join(tmp.dir, 'old-summary');
    await runCli(['aggregate', fixtures[0].path, '-o', join(dir, '上次的汇总.xlsx')]);
    copyFileSync(fixtures[0].path, join(dir, fixtures[0].file));
    const r = await runCli(['aggregate', dir, '-o', join(tmp.dir, 'new-summary.xlsx'), '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([fixtures[0].file]);
    expect(out.skipped).toEqual([expect.objectContaining({ path: join(dir, '上次的汇总.xlsx'), reason: '本工具生成的汇总工作簿，不是报送文件' })]);
    expect(out.reconciliation.totals).toEqual({
      ...Object.fromEntries(TABLE_KEYS.map((t) => [t, { read: fixtures[0].rowCounts[t] ?? 0, inSummary: fixtures[0].rowCounts[t] ?? 0 }])),
      jointApplicants: { read: 0, inSummary: 0 },
    });
  });

  test('-o naming an existing submission → 2, the submission untouched, nothing read', async () => {
    const dir = join(tmp.dir, 'overwrite');
    const target = join(dir, fixtures[1].file);
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixtures[0].path, join(dir, fixtures[0].file));
    copyFileSync(fixtures[1].path, target);
    const before = readFileSync(target);
    const r = await runCli(['aggregate', dir, '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是本工具生成的汇总工作簿');
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  test('the same file named twice, or named and inside a named folder, is read once', async () => {
    const dir = join(tmp.dir, 'twice');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, fixtures[0].file);
    copyFileSync(fixtures[0].path, file);
    const r = await runCli(['aggregate', file, join(dir, '.', fixtures[0].file), dir, '-o', join(tmp.dir, 'twice.xlsx'), '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files).toHaveLength(1);
    expect(out.skipped.map((s: { reason: string }) => s.reason)).toEqual(['同一文件已列出，只读一次', '同一文件已列出，只读一次']);
    expect(out.reconciliation.totals.targets).toEqual({ read: fixtures[0].rowCounts.targets, inSummary: fixtures[0].rowCounts.targets });
  });

  test('same-named files in two region folders keep their folder in provenance, and the folder tells the region', async () => {
    const dir = join(tmp.dir, 'same-name');
    for (const fx of fixtures.slice(0, 2)) {
      const region = /^\d+-(.+)$/.exec(fx.folder)?.[1] ?? fx.folder;
      mkdirSync(join(dir, region), { recursive: true });
      copyFileSync(fx.path, join(dir, region, '附件表格.xlsx'));
    }
    // A blank template names no region inside: only its folder does.
    expect((await runCli(['template', '-o', join(dir, '河南省', '附件表格.xlsx')])).code).toBe(0);
    const out = JSON.parse((await runCli(['aggregate', dir, '-o', join(tmp.dir, 'same-name.xlsx'), '--json'])).stdout);
    const regions = [...fixtures.slice(0, 2).map((fx) => /^\d+-(.+)$/.exec(fx.folder)?.[1] ?? fx.folder), '河南省'];
    expect(out.files.map((f: { file: string }) => f.file).sort()).toEqual(regions.map((r) => `${r}/附件表格.xlsx`).sort());
    for (const f of out.files) expect([f.file, f.region]).toEqual([f.file, f.file.split('/')[0]]);
    // The template's hint （全称） is nobody's name: no 来源单位 for the blank template.
    expect(out.files.find((f: { file: string }) => f.file === '河南省/附件表格.xlsx').submitter ?? null).toBeNull();
  });

  test('files named directly (a shell glob) keep their folder when it tells the region or two names are the same', async () => {
    const dir = join(tmp.dir, 'glob');
    const regions = fixtures.slice(0, 2).map((fx) => /^\d+-(.+)$/.exec(fx.folder)?.[1] ?? fx.folder);
    fixtures.slice(0, 2).forEach((fx, i) => {
      mkdirSync(join(dir, regions[i]), { recursive: true });
      copyFileSync(fx.path, join(dir, regions[i], '附件表格.xlsx'));
    });
    // Only the folder names the region of a blank template; a file whose own name names a region keeps its name.
    mkdirSync(join(dir, '河南省'), { recursive: true });
    expect((await runCli(['template', '-o', join(dir, '河南省', '模板.xlsx')])).code).toBe(0);
    mkdirSync(join(dir, '收件'), { recursive: true });
    copyFileSync(fixtures[2].path, join(dir, '收件', fixtures[2].file));
    const args = [...regions.map((r) => join(dir, r, '附件表格.xlsx')), join(dir, '河南省', '模板.xlsx'), join(dir, '收件', fixtures[2].file)];
    const out = JSON.parse((await runCli(['aggregate', ...args, '-o', join(tmp.dir, 'glob.xlsx'), '--json'])).stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([...regions.map((r) => `${r}/附件表格.xlsx`), '河南省/模板.xlsx', fixtures[2].file]);
    expect(out.files.map((f: { region?: string }) => f.region)).toEqual([...regions, '河南省', fixtures[2].region]);
  });

  test('a second run with --csv inside the input folder does not read the first run\'s CSV files', async () => {
    const dir = join(tmp.dir, 'csv-inside');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixtures[0].path, join(dir, fixtures[0].file));
    const args = ['aggregate', dir, '-o', join(dir, 'summary.xlsx'), '--csv', join(dir, 'csv'), '--json'];
    const first = await runCli(args);
    const second = await runCli(args);
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout).files.map((f: { file: string }) => f.file)).toEqual([fixtures[0].file]);
  });

  test('an output folder that cannot be made fails with exit 2 instead of hanging (/proc), before any file is written', async () => {
    const out = join(tmp.dir, 'proc-test.xlsx');
    const r = await runCli(['aggregate', fixtures[0].path, '-o', out, '--csv', '/proc/pilot-tables-csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/proc/pilot-tables-csv');
    expect(existsSync(out)).toBe(false);
  });

  test('--csv naming an existing file fails with exit 2 before the summary is written (an old summary stays as it was)', async () => {
    const dir = join(tmp.dir, 'csv-is-file');
    mkdirSync(dir, { recursive: true });
    const out = join(dir, 'summary.xlsx');
    expect((await runCli(['aggregate', fixtures[0].path, '-o', out])).code).not.toBe(2);
    const before = readFileSync(out);
    const notADir = join(dir, 'not-a-folder.xlsx');
    writeFileSync(notADir, 'x');
    const r = await runCli(['aggregate', fixtures[1].path, '-o', out, '--csv', notADir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是目录');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readFileSync(notADir, 'utf8')).toBe('x');
  });

  test("an earlier run's CSV export in the input folder (another --csv folder, or none) is skipped, not unreadable", async () => {
    const dir = join(tmp.dir, 'csv-earlier');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixtures[0].path, join(dir, fixtures[0].file));
    await runCli(['aggregate', dir, '-o', join(dir, 'summary.xlsx'), '--csv', join(dir, 'csv')]);
    const r = await runCli(['aggregate', dir, '-o', join(tmp.dir, 'csv-earlier.xlsx'), '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([fixtures[0].file]);
    const csvSkips = out.skipped.filter((s: { reason: string }) => s.reason.startsWith('本工具导出的 CSV'));
    expect(csvSkips.map((s: { path: string }) => basename(s.path)).sort()).toEqual(['问题清单.csv', '服务对象.csv', '服务方案.csv', '服务机构.csv', '联合申报单位.csv', '统计.csv'].sort());
    // Any other CSV is still read and reported unreadable (it may be a submission in the wrong format).
    writeFileSync(join(dir, '四川省报送.csv'), '序号,企业名称\n1,甲\n');
    const r2 = JSON.parse((await runCli(['aggregate', dir, '-o', join(tmp.dir, 'csv-earlier2.xlsx'), '--json'])).stdout);
    expect(r2.files.find((f: { file: string }) => f.file === '四川省报送.csv')?.status).toBe('unreadable');
  });

  test('a folder with no spreadsheet → 2 and nothing written', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'notes.txt'), '无');
      const r = await runCli(['aggregate', dir, '-o', join(dir, 'out', 'summary.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('没有找到报送文件');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
