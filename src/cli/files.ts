/** Turning the command line's FILE|DIR arguments into the list of submission files to read. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { findRegion } from '../core/locate/region';
import { looksLikeSpreadsheet } from '../core/submission/file-names';

export interface ExpandedInputs {
  /** Paths to read, in argument order; a folder's files sorted (zh-CN collation) below it. */
  readonly files: string[];
  /**
   * The name each file is known by in reports and provenance, parallel to `files`: the path below the folder
   * argument for a file found in one (江苏省/附件2表格.xlsx), so two files of the same name in different folders stay
   * apart and a folder named after a region can tell the region; the file name for a file named directly, with its
   * folder in front when two such names are the same or only the folder names a region.
   */
  readonly names: string[];
  /** Arguments that do not exist or cannot be listed. */
  readonly missing: string[];
  /**
   * Files inside a folder that are not spreadsheets (README.md, expected.json …), Office's ~$ lock files, and the
   * excluded paths (the command's own output). Shown to the user so nothing is dropped silently, but not an error:
   * pointing at a folder with notes in it is normal.
   */
  readonly skipped: { path: string; reason: string; reasonEn: string }[];
}

export interface ExcludeOptions {
  /** Files never to read: the summary being written, when it lies inside an input folder. */
  readonly files?: readonly string[];
  /** Folders never to read from: the CSV folder being written. */
  readonly dirs?: readonly string[];
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Files named directly are taken as they are (a wrong type gets the reader's clear error); folders are walked.
 * The same file reached twice (named twice, or named and inside a named folder, by any path) is read once.
 */
export function expandInputs(args: readonly string[], exclude: ExcludeOptions = {}): ExpandedInputs {
  const files: string[] = [];
  const names: string[] = [];
  const missing: string[] = [];
  const skipped: ExpandedInputs['skipped'] = [];
  const excludedFiles = new Set((exclude.files ?? []).map(realOrResolved));
  const excludedDirs = (exclude.dirs ?? []).map(realOrResolved);
  const seen = new Set<string>();
  /** Indexes in `files` of files named directly (not found by walking a folder). */
  const direct = new Set<number>();
  const take = (p: string, name: string) => {
    const real = realOrResolved(p);
    if (excludedFiles.has(real)) skipped.push({ path: p, reason: '本命令的输出文件', reasonEn: 'the output of this command' });
    else if (excludedDirs.some((d) => real.startsWith(d + sep))) skipped.push({ path: p, reason: '本命令的 CSV 输出目录中的文件', reasonEn: 'inside the CSV folder this command writes' });
    else if (seen.has(real)) skipped.push({ path: p, reason: '同一文件已列出，只读一次', reasonEn: 'the same file was already listed; read once' });
    else {
      seen.add(real);
      files.push(p);
      names.push(name);
    }
  };
  const walk = (root: string, dir: string) => {
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
      if (st.isDirectory()) walk(root, p);
      else if (basename(name).startsWith('~$')) skipped.push({ path: p, reason: 'Office 临时锁文件', reasonEn: 'Office lock file' });
      else if (looksLikeSpreadsheet(name)) take(p, relative(root, p).split(sep).join('/'));
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
    if (st.isDirectory()) walk(arg, arg);
    else {
      const at = files.length;
      take(arg, basename(arg));
      if (files.length > at) direct.add(at);
    }
  }
  // A file named directly (often by a shell glob, 报送/*/附件2表格.xlsx) keeps its folder where the folder tells
  // what the name does not: a region, or which of two same-named files it is.
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  for (const i of direct) {
    const folder = basename(dirname(resolve(files[i])));
    const shared = (counts.get(names[i]) ?? 0) > 1;
    const regionOnlyInFolder = !findRegion(names[i].replace(/\.[^.]*$/, '')) && !!findRegion(folder);
    if (folder && (shared || regionOnlyInFolder)) names[i] = `${folder}/${names[i]}`;
  }
  return { files, names, missing, skipped };
}
