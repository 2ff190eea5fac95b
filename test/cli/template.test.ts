/**
 * `pilot-tables template` writes a workbook our own reader takes back as the right variant with every table
 * found and empty (the template's hint row is not a data row: see the reader fix in src/core/locate/tables.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VARIANTS, type Variant } from '../../src/core/notice/tables';
import { readSubmission } from '../../src/xlsx/read';
import { checkFile } from '../../src/xlsx/check';
import { runCli, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

describe.each(Object.keys(VARIANTS) as Variant[])('template --variant %s', (variant) => {
  test('written (parent folder created), read back as that variant with every table empty', async () => {
    const out = join(tmp.dir, variant, 'nested', `模板-${variant}.xlsx`);
    const r = await runCli(['template', '-o', out, '--variant', variant]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(existsSync(out)).toBe(true);
    const bytes = new Uint8Array(readFileSync(out));
    const { submission } = readSubmission(bytes, `模板-${variant}.xlsx`);
    expect(submission.variant).toBe(variant);
    const wanted = VARIANTS[variant].tables.map((t) => t.table).sort();
    expect(Object.keys(submission.tables).sort()).toEqual(wanted);
    for (const key of wanted) expect(submission.tables[key]?.rows).toEqual([]);
    // The form's hint (（全称）) is not a submitter or a region: a blank template names nobody.
    expect(submission.submitter).toBeUndefined();
    expect(submission.region).toBeUndefined();
    // A blank template is not a finished submission, but nothing in its tables is mistaken for data.
    const issues = checkFile(bytes, 'x.xlsx').issues;
    expect(issues.filter((i) => i.code === 'table.empty').map((i) => i.table).sort()).toEqual(wanted);
  });
});

test('--variant accepts 2 / 3 shorthands', async () => {
  const out = join(tmp.dir, 'short.xlsx');
  expect((await runCli(['template', '-o', out, '--variant', '3'])).code).toBe(0);
  expect(readSubmission(new Uint8Array(readFileSync(out)), 'short.xlsx').submission.variant).toBe('附件3');
});

test('an existing file is never overwritten by a blank template (a filled submission named by mistake)', async () => {
  const out = join(tmp.dir, 'filled.xlsx');
  expect((await runCli(['template', '-o', out])).code).toBe(0);
  const before = readFileSync(out);
  const again = await runCli(['template', '-o', out, '--variant', '附件3']);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('已存在');
  expect(readFileSync(out).equals(before)).toBe(true);
});

test('an output folder that cannot be made → 2 with the reason, never a hang (/proc)', async () => {
  const r = await runCli(['template', '-o', '/proc/pilot-tables/x.xlsx']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('/proc/pilot-tables/x.xlsx');
});
