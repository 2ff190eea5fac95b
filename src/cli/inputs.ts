/** Reading the command line's inputs: every path to a FileResult, never throwing for a bad file. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkFile, type FileResult } from '../xlsx/check';
import { expandInputs, type ExpandedInputs } from './files';

/** One file from disk to findings; an I/O failure becomes an unreadable result like any bad file. */
export function checkPath(path: string): FileResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const msg = (e as Error).message;
    return { file: basename(path), status: 'error', error: { code: 'read.io', message: `无法打开文件：${msg}`, messageEn: `cannot open file: ${msg}` }, issues: [] };
  }
  return checkFile(bytes, basename(path));
}

export interface ReadInputsOptions {
  /** Paths never to read (the command's own output). */
  readonly exclude?: readonly string[];
  /** Called before each file is read (progress display). */
  readonly onFile?: (path: string, index: number, total: number) => void;
}

export function readInputs(args: readonly string[], options: ReadInputsOptions = {}): { results: FileResult[]; paths: string[] } & ExpandedInputs {
  const expanded = expandInputs(args, options.exclude);
  const results = expanded.files.map((p, i) => {
    options.onFile?.(p, i, expanded.files.length);
    return checkPath(p);
  });
  return { ...expanded, paths: expanded.files, results };
}

/** The skipped files, one stderr line each, so a folder's other files are seen, not silently dropped. */
export function skippedLines(skipped: ExpandedInputs['skipped']): string {
  return skipped.map((s) => `已跳过 skipped: ${s.path}（${s.reason} ${s.reasonEn}）\n`).join('');
}
