/**
 * A submission as the core sees it: located tables with their rows, each cell with where it came from.
 * The .xlsx reader, the Office.js adapter and the tests all build this; the validator and aggregator read it.
 */
import type { GridCell } from '../grid/types';
import type { Region } from '../notice/regions';
import type { TableKey, Variant } from '../notice/tables';

export interface RecordCell {
  /** Cell text as a person sees it (numbers that are phones or codes already exact text). */
  readonly text: string;
  /** A1 address, e.g. "E11". */
  readonly cell?: string;
  /** The raw cell, when the source keeps it (number-stored codes, hyperlinks). */
  readonly raw?: GridCell;
}

export interface TableRow {
  /** 1-based sheet row (or data-row index when the source has no sheet). */
  readonly row: number;
  /** Cells keyed by the stable column key (`seq`, `name`, `contact` …); a missing key is an empty cell. */
  readonly cells: Readonly<Record<string, RecordCell>>;
  /** Non-empty cells of the table's other headed columns (备注 …), in column order: kept, never validated. */
  readonly extras?: readonly ExtraCell[];
}

export interface ExtraCell {
  /** The column's header as written. */
  readonly header: string;
  readonly text: string;
  readonly cell: string;
}

export interface TableData {
  readonly table: TableKey;
  readonly file?: string;
  readonly sheet?: string;
  /** 1-based sheet row(s) of the header. */
  readonly headerRows?: readonly number[];
  /** Column key → column letter, for the columns found. */
  readonly columns?: Readonly<Record<string, string>>;
  readonly rows: readonly TableRow[];
}

/** 附件2 一、基本情况 / 附件3 基本信息 fields found beside the tables. */
export interface FormValue {
  readonly key: string;
  readonly text: string;
  readonly sheet?: string;
  readonly cell?: string;
  /**
   * The value's cell when it holds other than text (a number, a date), as RecordCell.raw: tells a code stored as
   * a number (digits lost) from one typed as text. Absent for a text cell and for a value written after its label.
   */
  readonly raw?: GridCell;
}

/** One row of the 联合申报单位 table (附件3 基本信息): cells by key (name, nature, creditCode), 1-based row. */
export interface JointApplicantRow {
  readonly sheet: string;
  readonly row: number;
  readonly cells: Readonly<Record<string, { readonly text: string; readonly cell: string; readonly raw?: GridCell }>>;
}

export interface Submission {
  readonly file?: string;
  readonly variant?: Variant;
  readonly region?: Region;
  /** The submitting unit as written (e.g. 广东省通信管理局), when found. */
  readonly submitter?: string;
  readonly tables: Partial<Record<TableKey, TableData>>;
  readonly form?: readonly FormValue[];
  /** 联合申报单位 rows (附件3), when the table was found. */
  readonly jointApplicants?: readonly JointApplicantRow[];
  /**
   * Tables whose data rows are not read into the summary — another table of a kind already read (每种表只读一张), or
   * a table on a hidden sheet — counted here for the reconciliation to show, and reported.
   */
  readonly unmerged?: readonly UnmergedTable[];
}

export interface UnmergedTable {
  /** Why its rows are not in the summary: a second table of a kind, or a table on a hidden sheet. */
  readonly reason: 'second-table' | 'hidden-sheet';
  readonly table: TableKey;
  readonly sheet: string;
  /** 1-based first header row. */
  readonly headerRow: number;
  /** Data rows it holds. */
  readonly rows: number;
}

export function cellOf(row: TableRow, key: string): RecordCell {
  return row.cells[key] ?? { text: '' };
}
