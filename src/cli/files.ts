/** Turning the command line's FILE|DIR arguments into the list of submission files to read. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const SUBMISSION = /\.(xlsx|xlsm|xls|xlsb|ods|et|numbers)$/i;

/**
 * Files named directly are taken as they are (so a wrong type gets its own clear error);
 * from a directory, every spreadsheet-looking file below it, sorted, without Office's ~$ lock files.
 */
export function expandInputs(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (SUBMISSION.test(name) && !basename(name).startsWith('~$')) files.push(p);
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
    else files.push(arg);
  }
  return { files, missing };
}
