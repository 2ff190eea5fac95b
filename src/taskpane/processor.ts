/**
 * File work the task pane hands off the main thread: reading and checking .xlsx files, aggregating them,
 * writing the summary workbook and encoding CSV. worker-client.ts runs it in a Web Worker (the xlsx libraries
 * live there, off the first load); the React tests pass a fake.
 */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import type { CsvEncoding } from '../xlsx/csv-encode';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CsvOutput extends NamedBytes {
  /** The CSV as text, for hosts that cannot download (shown in a copyable text area). */
  readonly text: string;
}

export interface FileProcessor {
  /** Reads, locates and validates each file; onProgress after each one. */
  check(files: readonly File[], onProgress: (done: number, total: number) => void): Promise<FileResult[]>;
  aggregate(results: readonly FileResult[]): Promise<Summary>;
  summaryWorkbook(summary: Summary, options: { mask: boolean }): Promise<Uint8Array>;
  csvFiles(summary: Summary, options: { mask: boolean; encoding: CsvEncoding }): Promise<CsvOutput[]>;
}

/** Hands bytes to the user as a file: a Blob and a temporary link (no network involved). */
export type Download = (name: string, bytes: Uint8Array, mime: string) => void;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

export const browserDownload: Download = (name, bytes, mime) => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the Blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
