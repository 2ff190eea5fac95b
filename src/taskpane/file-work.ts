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
import type { CsvOutput, NamedBytes } from './processor';

/** A summary this tool wrote, chosen with the submissions (a download folder holds both), is never read as a region. */
export function checkFiles(files: readonly NamedBytes[]): FileResult[] {
  return files.map((f) => (isPilotSummary(f.bytes) ? summaryFileResult(f.name) : checkFile(f.bytes, f.name)));
}

export function aggregateResults(results: readonly FileResult[]): Summary {
  return aggregate(
    results.map((r) => ({ file: r.file, submission: r.submission, issues: r.issues, error: r.error, normalized: r.normalized })),
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
