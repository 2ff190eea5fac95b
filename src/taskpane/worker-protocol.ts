/** Messages between the task pane and its Web Worker (worker.ts ⇄ worker-client.ts). */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import type { CsvEncoding } from '../xlsx/csv-encode';
import type { CsvOutput } from './processor';

export type WorkerRequest =
  | { readonly id: number; readonly kind: 'check'; readonly files: readonly File[] }
  | { readonly id: number; readonly kind: 'aggregate'; readonly results: readonly FileResult[] }
  | { readonly id: number; readonly kind: 'summaryWorkbook'; readonly summary: Summary; readonly mask: boolean }
  | { readonly id: number; readonly kind: 'csvFiles'; readonly summary: Summary; readonly mask: boolean; readonly encoding: CsvEncoding };

export type WorkerResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: 'check'; readonly results: FileResult[] }
  | { readonly id: number; readonly kind: 'aggregate'; readonly summary: Summary }
  | { readonly id: number; readonly kind: 'summaryWorkbook'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly kind: 'csvFiles'; readonly files: CsvOutput[] }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
