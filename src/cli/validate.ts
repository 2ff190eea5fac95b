import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkFile, type FileResult } from '../xlsx/check';
import { expandInputs } from './files';
import { fileReport } from './format';
import { jsonFile } from './json';

/** Exit code of a batch: 2 when anything was unreadable, else 1 when any error was found, else 0. */
export function exitCodeOf(results: readonly FileResult[], missing = 0): number {
  if (missing > 0 || results.some((r) => r.status === 'error')) return 2;
  return results.some((r) => r.issues.some((i) => i.severity === 'error')) ? 1 : 0;
}

export function readInputs(args: readonly string[]): { results: FileResult[]; missing: string[] } {
  const { files, missing } = expandInputs(args);
  const results = files.map((f) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(f);
    } catch (e) {
      return {
        file: basename(f),
        status: 'error' as const,
        error: { code: 'read.io', message: `无法打开文件：${(e as Error).message}`, messageEn: `cannot open file: ${(e as Error).message}` },
        issues: [],
      };
    }
    return checkFile(bytes, basename(f));
  });
  return { results, missing };
}

export async function runValidate(args: readonly string[], opts: { json: boolean }): Promise<number> {
  if (args.length === 0) {
    process.stderr.write('请指定要校验的文件或目录。Name the files or folders to validate.\n');
    return 2;
  }
  const { results, missing } = readInputs(args);
  for (const m of missing) process.stderr.write(`找不到文件 not found: ${m}\n`);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ files: results.map(jsonFile), missing }, null, 2) + '\n');
  } else {
    process.stdout.write(results.map(fileReport).join('\n\n') + '\n');
    if (results.length === 0) process.stdout.write('没有找到报送文件。No submission files found.\n');
  }
  return exitCodeOf(results, missing.length);
}
