/**
 * `pilot-tables validate` in-process on the shared fixtures: every expected row and issue comes out, the `--json`
 * shape is the one issue 3 documents, and the exit codes keep their contract (0 clean, 1 errors, 2 unreadable/usage).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TABLE_KEYS } from '../../src/core/notice/tables';
import { expectedColumnKey, expectedRows, loadFixtures, runCli, tempDir } from './helpers';

const fixtures = loadFixtures();

test('the shared fixtures are there', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(4);
});

describe.each(fixtures.map((f) => [f.folder, f] as const))('validate %s', (_folder, fx) => {
  // Exit 1 exactly when the fixture's author expects an error; a fixture expecting none must pass with 0.
  const expectedExit = fx.issues.some((i) => i.severity === 'error') ? 1 : 0;

  test(`--json: region, variant, every row, every expected issue; exit ${expectedExit}`, async () => {
    const r = await runCli(['validate', fx.path, '--json']);
    expect(r.code).toBe(expectedExit);
    const out = JSON.parse(r.stdout);
    expect(out.files).toHaveLength(1);
    const f = out.files[0];
    expect(f).toMatchObject({ file: fx.file, status: 'ok', region: fx.region, variant: fx.variant });
    expect(Object.keys(f.tables).sort()).toEqual(Object.keys(fx.tables).sort());
    for (const key of TABLE_KEYS) {
      if (!fx.tables[key]) continue;
      expect(f.tables[key].sheet).toBe(fx.tables[key]?.sheet);
      expect(f.tables[key].headerRow).toBe(fx.tables[key]?.headerRows[0]);
      expect(f.tables[key].rows).toEqual(expectedRows(fx, key));
    }
    for (const want of fx.issues) {
      const hit = f.issues.find(
        (i: { code: string; row: number; column: string; sheet: string; cell: string }) =>
          i.code === want.kind && i.row === want.row && i.column === expectedColumnKey(want) && i.sheet === want.sheet && (!want.cell || i.cell === want.cell),
      );
      expect({ want, found: !!hit }).toEqual({ want, found: true });
    }
  });

  test('human output: region, variant, each expected issue with its cell and code', async () => {
    const r = await runCli(['validate', fx.path]);
    expect(r.code).toBe(expectedExit);
    expect(r.stdout).toContain(fx.file);
    expect(r.stdout).toContain(fx.region);
    expect(r.stdout).toContain(fx.variant);
    for (const want of fx.issues) {
      const line = r.stdout.split('\n').find((l) => l.includes(`${want.sheet}!${want.cell ?? ''}`) && l.includes(`（${want.kind}）`));
      expect({ want, line: line !== undefined }).toEqual({ want, line: true });
    }
  });
});

describe('--json shape (issue 3)', () => {
  const FILE_KEYS = ['file', 'status', 'region', 'variant', 'tables', 'issues'];
  const FILE_EXTRA = ['error', 'regionCode', 'submitter'];
  const ISSUE_KEYS = ['code', 'severity', 'table', 'sheet', 'cell', 'row', 'column', 'value', 'message'];
  const ISSUE_EXTRA = ['fix', 'fixCertain', 'messageEn'];
  const nullable = (type: string) => (v: unknown) => v === null || typeof v === type;

  test('every file, table, row and issue has the documented keys and types, and nothing undeclared', async () => {
    const r = await runCli(['validate', ...fixtures.map((f) => f.path), '--json']);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['files']));
    expect(out.files).toHaveLength(fixtures.length);
    let issues = 0;
    let fixes = 0;
    for (const f of out.files) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(FILE_KEYS));
      expect(Object.keys(f).filter((k) => !FILE_KEYS.includes(k) && !FILE_EXTRA.includes(k))).toEqual([]);
      expect(['ok', 'error']).toContain(f.status);
      for (const [key, t] of Object.entries(f.tables as Record<string, { sheet: string; headerRow: number; rows: { row: number; cells: Record<string, unknown> }[] }>)) {
        expect(TABLE_KEYS).toContain(key);
        expect(Object.keys(t).sort()).toEqual(['headerRow', 'rows', 'sheet']);
        expect(typeof t.sheet).toBe('string');
        expect(Number.isInteger(t.headerRow)).toBe(true);
        for (const row of t.rows) {
          expect(Object.keys(row).sort()).toEqual(['cells', 'row']);
          expect(Number.isInteger(row.row)).toBe(true);
          for (const v of Object.values(row.cells)) expect(typeof v).toBe('string');
        }
      }
      for (const i of f.issues) {
        issues++;
        expect(Object.keys(i)).toEqual(expect.arrayContaining(ISSUE_KEYS));
        expect(Object.keys(i).filter((k) => !ISSUE_KEYS.includes(k) && !ISSUE_EXTRA.includes(k))).toEqual([]);
        expect(typeof i.code).toBe('string');
        expect(['error', 'warning', 'info']).toContain(i.severity);
        expect(typeof i.message).toBe('string');
        for (const k of ['sheet', 'cell', 'column', 'value']) expect(nullable('string')(i[k])).toBe(true);
        expect(nullable('number')(i.row)).toBe(true);
        if ('fix' in i) {
          fixes++;
          expect(typeof i.fix).toBe('string');
        }
      }
    }
    // The fixtures hold issues with certain fixes, so both branches of the shape were looked at.
    expect(issues).toBeGreaterThan(0);
    expect(fixes).toBeGreaterThan(0);
  });
});

describe('unreadable input and usage errors exit 2', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  test('--json lists what a folder held that was not read (as aggregate --json does)', async () => {
    const dir = join(tmp.dir, 'with-notes');
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixtures[0].path, join(dir, 'a.xlsx'));
    writeFileSync(join(dir, 'README.md'), '说明');
    const out = JSON.parse((await runCli(['validate', dir, '--json'])).stdout);
    expect(out.files).toHaveLength(1);
    expect(out.skipped.map((s: { path: string; reason: string }) => [basename(s.path), s.reason])).toEqual([['README.md', '不是表格文件']]);
  });

  test('-o that does not end in .xlsx is refused (exit 2) before anything is read or written', async () => {
    for (const args of [['aggregate', fixtures[0].path, '-o', join(tmp.dir, 'summary')], ['template', '-o', join(tmp.dir, 'template.csv')]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('应以 .xlsx 结尾');
    }
    expect(existsSync(join(tmp.dir, 'summary'))).toBe(false);
    expect(existsSync(join(tmp.dir, 'template.csv'))).toBe(false);
  });

  test.each([
    ['zero bytes', 'empty.xlsx', new Uint8Array(0), 'read.empty'],
    ['not a zip', 'random.xlsx', new TextEncoder().encode('这不是一个表格文件 not a spreadsheet at all'), 'read.not-xlsx'],
    ['an old .xls', 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'read.'],
  ])('%s → exit 2, status error with a code and a Chinese message', async (_what, name, bytes, code) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, bytes);
    const json = await runCli(['validate', path, '--json']);
    expect(json.code).toBe(2);
    const f = JSON.parse(json.stdout).files[0];
    expect(f.status).toBe('error');
    expect(f.error.code.startsWith(code)).toBe(true);
    expect(f.error.message).toMatch(/[\u4e00-\u9fff]/);
    const human = await runCli(['validate', path]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('无法读取 unreadable');
    expect(human.stdout).toContain(f.error.code);
  });

  test('one bad file in a batch → 2, and the good file is still reported in full', async () => {
    const bad = join(tmp.dir, 'broken.xlsx');
    writeFileSync(bad, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const fx = fixtures[0];
    const r = await runCli(['validate', fx.path, bad, '--json']);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { status: string }) => f.status)).toEqual(['ok', 'error']);
    expect(files[0].region).toBe(fx.region);
  });

  test('a path that does not exist → 2 with 找不到', async () => {
    const r = await runCli(['validate', join(tmp.dir, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件 not found');
  });

  test('a folder without spreadsheets → 2, its other files listed as skipped', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'README.md'), '说明');
      const r = await runCli(['validate', dir]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('没有找到报送文件');
      expect(r.stderr).toContain('README.md');
    } finally {
      cleanup();
    }
  });

  test.each([
    [[]],
    [['frobnicate']],
    [['validate']],
    [['validate', '--bogus', 'x.xlsx']],
    [['template']],
    [['template', '-o', 'x.xlsx', '--variant', '附件9']],
    [['template', '-o', 'x.xlsx', 'extra']],
    [['aggregate', 'somewhere']],
    [['aggregate']],
    [['aggregate', 'somewhere', '-o', 'x.xlsx', '--csv', 'csv', '--encoding', 'latin1']],
    [['aggregate', 'somewhere', '-o', 'x.xlsx', '--encoding', 'gb18030']],
  ])('pilot-tables %j → 2 with a message', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stdout + r.stderr).not.toContain('内部错误');
  });

  test('help → 0 with the usage text', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pilot-tables aggregate');
    expect(r.stdout).toContain('--exit-zero');
  });

  test.each([
    [['aggregate', '--help']],
    [['template', '-o', 'x.xlsx', '-h']],
    [['validate', 'nothing-here', '--help']],
  ])('a help flag after a command (%j) → 0 with the usage text', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pilot-tables validate');
    expect(r.stderr).toBe('');
  });

  test('after `--`, --help is a file name, not a flag', async () => {
    const r = await runCli(['validate', '--', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('--help');
  });
});
