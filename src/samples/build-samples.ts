/**
 * Writes the bundled sample submissions to test/samples/submissions/*.xlsx and test/samples/manifest.json.
 * Usage: node dist/node/samples/build-samples.js [OUTPUT_DIR]   (default: test/samples)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSampleSet } from './plan';

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? join('test', 'samples');
  const subDir = join(outDir, 'submissions');
  mkdirSync(subDir, { recursive: true });
  for (const f of readdirSync(subDir)) if (f.endsWith('.xlsx')) rmSync(join(subDir, f));
  const { files, manifest } = await buildSampleSet();
  for (const f of files) writeFileSync(join(subDir, f.name), f.bytes);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const planted = manifest.files.reduce((n, f) => n + f.issues.length, 0);
  process.stdout.write(`${files.length} 份样例已写入 ${subDir}；${planted} 处单元格问题，${manifest.crossIssues.length} 项跨地区问题。\n`);
  process.stdout.write(`${files.length} sample submissions written to ${subDir}; ${planted} planted cell issues, ${manifest.crossIssues.length} cross-submission issues.\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
