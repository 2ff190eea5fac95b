/**
 * The built CLI as a user runs it: `node …/cli/main.js` in a child process (real exit codes, real stdout/stderr,
 * no TTY). Built here into a private folder rather than using dist/node: `npm test` runs jest before `build`, and a
 * web build (webpack's output.clean) or another run may replace dist/ underneath us. The folder is inside the repo
 * so the built files resolve node_modules as the installed package does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSampleManifest, REPO, SAMPLE_SUBMISSIONS, tempDir } from './helpers';

const BUILD = join(REPO, '.cache', `jest-cli-build-${process.pid}`);
const MAIN = join(BUILD, 'cli', 'main.js');
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir();
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(REPO, 'src/cli/tsconfig.json'), '--outDir', BUILD, '--sourceMap', 'false'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}\n${tsc.stderr}`);
}, 240_000);

afterAll(() => {
  rmSync(BUILD, { recursive: true, force: true });
  tmp.cleanup();
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test('the bin starts with a node shebang', () => {
  expect(readFileSync(MAIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('aggregate the samples: exit 1, one JSON object on stdout, nothing on stderr, files written', () => {
  const out = join(tmp.dir, 'summary.xlsx');
  const r = cli('aggregate', SAMPLE_SUBMISSIONS, '-o', out, '--csv', join(tmp.dir, 'csv'), '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  const json = JSON.parse(r.stdout);
  const manifest = loadSampleManifest();
  expect(json.files).toHaveLength(manifest.files.length);
  expect(json.reconciliation.balanced).toBe(true);
  expect(json.crossIssues.map((i: { code: string }) => i.code).sort()).toEqual(manifest.crossIssues.map((c) => c.code).sort());
  expect(existsSync(out)).toBe(true);
  expect(existsSync(join(tmp.dir, 'csv', '问题清单.csv'))).toBe(true);
});

test('--exit-zero (the demo): exit 0 with the reconciliation printed', () => {
  const r = cli('aggregate', SAMPLE_SUBMISSIONS, '-o', join(tmp.dir, 'demo.xlsx'), '--exit-zero');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('✓ 读取的行都已汇总');
  expect(r.stderr).toContain('--exit-zero');
});

test('unreadable input and bad usage exit 2; help exits 0', () => {
  const missing = cli('validate', join(tmp.dir, '不存在.xlsx'));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('找不到文件');
  const usage = cli('aggregate', SAMPLE_SUBMISSIONS);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('-o');
  expect(cli('--help').status).toBe(0);
});
