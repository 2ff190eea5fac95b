/**
 * What the task pane asks of Excel, as one small interface. The UI depends only on this; office-host.ts
 * implements it with the Office.js layer (src/office), and the React tests pass a fake.
 * Outside Excel there is no host at all (null): the page works from files.
 */
import type { Summary } from '../core/aggregate/types';
import type { Issue } from '../core/issues';
import type { TableKey, Variant } from '../core/notice/tables';

export interface CheckedTable {
  readonly table: TableKey;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
}

export interface WorkbookCheck {
  readonly issues: readonly Issue[];
  readonly tables: readonly CheckedTable[];
  /** Cells marked in the sheet. */
  readonly marked: number;
}

export interface Host {
  /** Office.context.platform, e.g. 'PC', 'Mac', 'OfficeOnline'. */
  readonly platform: string;
  insertTemplate(variant: Variant, options: { alongside: boolean }): Promise<{ sheets: readonly string[] }>;
  checkWorkbook(options: { mark: boolean }): Promise<WorkbookCheck>;
  clearMarks(): Promise<number>;
  selectIssueCell(sheet: string, cell: string): Promise<void>;
  applyFixes(issues: readonly Issue[]): Promise<number>;
  /** Re-checks after each edit (debounced) until the returned stop function is called. */
  watchChanges(onResult: (check: WorkbookCheck) => void, onError: (e: unknown) => void, options: { mark: boolean }): Promise<() => void>;
  /** New sheets with the summary; onProgress after each chunk of cells written. */
  writeSummary(summary: Summary, options: { mask: boolean; onProgress: (done: number, total: number) => void }): Promise<{ sheets: readonly string[] }>;
  /** 'download' where the host lets a Blob download through; 'sheet' (Mac) where it does not. */
  csvDelivery(): 'download' | 'sheet';
  /** Writes the rows as text on a new sheet (to Save As "CSV UTF-8"); returns the sheet's name. */
  writeCsvSheet(name: string, rows: readonly (readonly string[])[]): Promise<string>;
}
