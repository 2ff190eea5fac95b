/** Reading the command line's inputs: every path to a FileResult, never throwing for a bad file. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SUMMARY_CSV_NAMES } from '../core/csv/export';
import { checkFile, type FileResult } from '../xlsx/check';
import { isPilotSummary } from '../xlsx/summary-detect';
import { expandInputs, type ExcludeOptions, type ExpandedInputs } from './files';
import { NATIVE_INFLATER } from './native-inflate';

export interface ReadInputsOptions {
  /** Paths never to read (the command's own outputs). */
  readonly exclude?: ExcludeOptions;
  /** Called before each file is read (progress display). */
  readonly onFile?: (path: string, index: number, total: number) => void;
}

const SUMMARY_SKIPPED = { reason: '本工具生成的汇总工作簿，不是报送文件', reasonEn: 'a summary workbook this tool wrote, not a submission' };
const CSV_SKIPPED = { reason: '本工具导出的 CSV（汇总结果，不是报送文件）', reasonEn: 'a CSV this tool exports (summary output, not a submission)' };
const OUR_CSV = new Set(Object.values(SUMMARY_CSV_NAMES));

/**
 * One file from disk to findings, under `name` (its provenance). An I/O failure becomes an unreadable result like
 * any bad file; a summary this tool wrote is 'summary', to be skipped, never read back as one more region.
 */
export function checkPath(path: string, name: string): FileResult | 'summary' {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const msg = (e as Error).message;
    return { file: name, status: 'error', error: { code: 'read.io', message: `无法打开文件：${msg}`, messageEn: `cannot open file: ${msg}` }, issues: [] };
  }
  return isPilotSummary(bytes) ? 'summary' : checkFile(bytes, name, NATIVE_INFLATER);
}

export function readInputs(args: readonly string[], options: ReadInputsOptions = {}): { results: FileResult[]; paths: string[] } & ExpandedInputs {
  const expanded = expandInputs(args, options.exclude);
  const results: FileResult[] = [];
  const paths: string[] = [];
  const names: string[] = [];
  const skipped = [...expanded.skipped];
  expanded.files.forEach((p, i) => {
    // An earlier run's CSV export lying in an input folder (CSV is never a submission format anyway).
    if (OUR_CSV.has(basename(p))) {
      skipped.push({ path: p, ...CSV_SKIPPED });
      return;
    }
    options.onFile?.(p, i, expanded.files.length);
    const r = checkPath(p, expanded.names[i]);
    if (r === 'summary') {
      skipped.push({ path: p, ...SUMMARY_SKIPPED });
      return;
    }
    results.push(r);
    paths.push(p);
    names.push(expanded.names[i]);
  });
  return { ...expanded, files: paths, names, skipped, paths, results };
}

/** The skipped files, one stderr line each, so a folder's other files are seen, not silently dropped. */
export function skippedLines(skipped: ExpandedInputs['skipped']): string {
  return skipped.map((s) => `已跳过 skipped: ${s.path}（${s.reason} ${s.reasonEn}）\n`).join('');
}
