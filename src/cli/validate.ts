import type { FileResult } from '../xlsx/check';
import { fileReport } from './format';
import { readInputs, skippedLines } from './inputs';
import { jsonFile } from './json';

/** Exit code of a batch: 2 when anything was unreadable, else 1 when any error was found, else 0. */
export function exitCodeOf(results: readonly FileResult[], missing = 0): number {
  if (missing > 0 || results.some((r) => r.status === 'error')) return 2;
  return results.some((r) => r.issues.some((i) => i.severity === 'error')) ? 1 : 0;
}

export async function runValidate(args: readonly string[], opts: { json: boolean }): Promise<number> {
  if (args.length === 0) {
    process.stderr.write('请指定要校验的文件或目录。Name the files or folders to validate.\n');
    return 2;
  }
  const { results, missing, skipped } = readInputs(args);
  for (const m of missing) process.stderr.write(`找不到文件 not found: ${m}\n`);
  process.stderr.write(skippedLines(skipped));
  if (opts.json) {
    // skipped as aggregate --json gives it: a script should not have to read stderr to know what was left out.
    process.stdout.write(JSON.stringify({ files: results.map(jsonFile), missing, skipped }, null, 2) + '\n');
  } else {
    if (results.length) process.stdout.write(results.map(fileReport).join('\n\n') + '\n');
    else process.stdout.write('没有找到报送文件。No submission files found.\n');
  }
  // Nothing to validate is a usage problem (a wrong folder), not a clean pass.
  if (results.length === 0) return 2;
  return exitCodeOf(results, missing.length);
}
