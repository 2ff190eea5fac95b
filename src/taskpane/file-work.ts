/**
 * The file work itself, as plain functions: the Web Worker (worker.ts) runs them off the main thread, and the
 * React tests run the same functions in-thread on real fixture files. exceljs and iconv-lite are imported only
 * when a summary workbook or CSV bytes are asked for.
 */
import { aggregate } from '../core/aggregate/aggregate';
import type { Summary } from '../core/aggregate/types';
import { summaryCsvFiles } from '../core/csv/export';
import { normalizeRow } from '../core/rules/normalize-row';
import { checkFile, type FileResult } from '../xlsx/check';
import type { CsvEncoding } from '../xlsx/csv-encode';
import { isPilotSummary, summaryFileResult } from '../xlsx/summary-detect';
import { isOfficeLockFile, skipReason } from './file-status';
import type { CsvOutput, NamedBytes } from './processor';

/** The result for an Office lock file (~$….xlsx): skipped, never read, as the CLI skips it (src/cli/files.ts). */
export function lockFileResult(file: string): FileResult {
  return {
    file,
    status: 'error',
    error: {
      code: 'read.lock-file',
      message: 'Office 临时锁文件（文件名以 ~$ 开头，Excel 打开工作簿时生成），不是报送文件，未读取、未汇总。',
      messageEn: 'An Office lock file (its name starts with ~$; Excel makes one while a workbook is open), not a submission; it was not read or merged.',
    },
    issues: [],
  };
}

/**
 * Files that are not submissions are skipped, not read: an Office lock file, and a summary this tool wrote chosen
 * with the submissions (a download folder holds both). Their results carry the skip codes of file-status.ts, so
 * the tabs list them as skipped and aggregateResults leaves them out.
 */
export function checkFiles(files: readonly NamedBytes[]): FileResult[] {
  return files.map((f) => (isOfficeLockFile(f.name) ? lockFileResult(f.name) : isPilotSummary(f.bytes) ? summaryFileResult(f.name) : checkFile(f.bytes, f.name)));
}

/**
 * The summary of the submissions among the results: skipped files are left out (not unreadable files, not in
 * 说明 or 统计), so Summary.files[i] is the i-th result that is not skipped.
 */
export function aggregateResults(results: readonly FileResult[]): Summary {
  return aggregate(
    results
      .filter((r) => !skipReason(r))
      .map((r) => ({ file: r.file, submission: r.submission, issues: r.issues, error: r.error, normalized: r.normalized })),
    { normalizeRow },
  );
}

export async function summaryWorkbookBytes(summary: Summary, mask: boolean): Promise<Uint8Array> {
  const { writeSummaryWorkbook } = await import(/* webpackChunkName: "exceljs-summary" */ '../xlsx/summary');
  return writeSummaryWorkbook(summary, { mask });
}

export async function csvOutputs(summary: Summary, mask: boolean, encoding: CsvEncoding): Promise<CsvOutput[]> {
  const { encodeCsv } = await import(/* webpackChunkName: "csv-encode" */ '../xlsx/csv-encode');
  return summaryCsvFiles(summary, { mask }).map((f) => ({ name: f.name, text: f.text, bytes: encodeCsv(f.text, encoding) }));
}
