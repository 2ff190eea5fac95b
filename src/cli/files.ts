/** Turning the command line's FILE|DIR arguments into the list of submission files to read. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * What counts as a submission inside a folder: every spreadsheet-looking file, including the types the reader
 * refuses (.xls, .ods, .et, .numbers, .csv …), so a wrong type gets its own clear "unreadable" error instead of
 * vanishing from the batch.
 */
const SUBMISSION = /\.(xlsx|xlsm|xltx|xls|xlsb|ods|fods|et|ett|numbers|csv)$/i;

export interface ExpandedInputs {
  /** Paths to read, in argument order; a folder's files sorted (zh-CN collation) below it. */
  readonly files: string[];
  /** Arguments that do not exist or cannot be listed. */
  readonly missing: string[];
  /**
   * Files inside a folder that are not spreadsheets (README.md, expected.json …), Office's ~$ lock files, and the
   * excluded paths (the command's own output). Shown to the user so nothing is dropped silently, but not an error:
   * pointing at a folder with notes in it is normal.
   */
  readonly skipped: { path: string; reason: string; reasonEn: string }[];
}

/**
 * Files named directly are taken as they are (a wrong type gets the reader's clear error); folders are walked.
 * `exclude` holds paths never to read (e.g. the summary being written, when it lies inside an input folder).
 */
export function expandInputs(args: readonly string[], exclude: readonly string[] = []): ExpandedInputs {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: ExpandedInputs['skipped'] = [];
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const take = (p: string) => {
    if (excluded.has(resolve(p))) skipped.push({ path: p, reason: '本命令的输出文件', reasonEn: 'the output of this command' });
    else files.push(p);
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      missing.push(dir);
      return;
    }
    for (const name of names.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        missing.push(p);
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (basename(name).startsWith('~$')) skipped.push({ path: p, reason: 'Office 临时锁文件', reasonEn: 'Office lock file' });
      else if (SUBMISSION.test(name)) take(p);
      else skipped.push({ path: p, reason: '不是表格文件', reasonEn: 'not a spreadsheet' });
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (st.isDirectory()) walk(arg);
    else take(arg);
  }
  return { files, missing, skipped };
}
