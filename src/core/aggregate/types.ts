/**
 * The summary model: every row of every submission, where it came from, how it reads once normalised,
 * the cross-submission findings and the counts a reviewer reports. Pure data: the .xlsx and CSV writers
 * and the CLI read it, nothing here knows about files.
 */
import type { Issue, Provenance, Severity } from '../issues';
import { TABLE_KEYS, type TableKey, type Variant } from '../notice/tables';
import type { NormalizedRow } from '../submission/normalized';
import type { Submission, TableRow } from '../submission/types';

/**
 * What the summary reconciles, one per data sheet: the notice's three tables and 附件3's 联合申报单位 (joint
 * applicants, `Submission.jointApplicants`).
 */
export type SummaryTableKey = TableKey | 'jointApplicants';

/** The reconciled tables in sheet order. */
export const SUMMARY_TABLE_KEYS: readonly SummaryTableKey[] = [...TABLE_KEYS, 'jointApplicants'];

/** One file handed to the aggregator: read (with its issues) or not readable (with its error). */
export interface AggregateInput {
  /** The file's name as shown to the reviewer (base name or path). */
  readonly file: string;
  readonly submission?: Submission;
  /** The reader's and the validator's issues for this file. */
  readonly issues: readonly Issue[];
  readonly error?: { readonly code: string; readonly message: string; readonly messageEn?: string };
  /**
   * Each row's normalised reading as the validator already computed it (checkFile's FileResult.normalized),
   * parallel to submission.tables[t].rows. A table whose list is missing or of another length falls back to
   * deps.normalizeRow, row by row.
   */
  readonly normalized?: Partial<Record<TableKey, readonly NormalizedRow[]>>;
}

export interface AggregateDeps {
  /** The validator's row normaliser (src/core/rules/normalize-row.ts), for rows the input has no reading for. */
  readonly normalizeRow: (table: TableKey, row: TableRow) => NormalizedRow;
  /** Clock, for a reproducible 生成时间 in tests. */
  readonly now?: () => Date;
}

export type FileStatus = 'ok' | 'warnings' | 'errors' | 'unreadable';

export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, { zh: string; en: string }>> = {
  ok: { zh: '通过', en: 'ok' },
  warnings: { zh: '有警告', en: 'warnings' },
  errors: { zh: '有错误', en: 'errors' },
  unreadable: { zh: '无法读取', en: 'unreadable' },
};

export interface SummaryFile {
  /** Position in the inputs; rows and reconciliation lines refer to files by it (two files may share a name). */
  readonly index: number;
  readonly file: string;
  readonly status: FileStatus;
  /** Official region name (江苏省), when the reader recognised it. */
  readonly region?: string;
  readonly regionCode?: string;
  readonly variant?: Variant;
  /** 来源单位: the submitting authority (附件2) or the lead (附件3), as written. */
  readonly submitter?: string;
  /** Data rows read per table (what the reader handed over); jointApplicants: 联合申报单位 rows (0 when none). */
  readonly rowsRead: Readonly<Record<SummaryTableKey, number>>;
  /** Issues of this file, cross-submission issues pointing into it included. */
  readonly issueCounts: Readonly<Record<Severity, number>>;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Where a summary row came from: the provenance columns every summary sheet starts with. */
export interface SummaryRowProvenance {
  /** Index into Summary.files. */
  readonly fileIndex: number;
  /** 来源地区 (official name), '' when not recognised. */
  readonly region: string;
  /** 来源单位 (for 附件3 the lead applicant) */
  readonly submitter: string;
  /** 来源文件 */
  readonly file: string;
  /** 工作表 */
  readonly sheet: string;
  /** 1-based sheet row (or data-row index when the source has no sheet). */
  readonly row: number;
  /** A1 address of the row's name cell (else its first addressed cell), '' when unknown. */
  readonly cell: string;
  /** The person's own text, keyed by the official column key (`seq`, `name` …). */
  readonly values: Readonly<Record<string, string>>;
  /** Issues pointing at this row. */
  readonly issueCount: number;
}

export interface SummaryRow extends SummaryRowProvenance {
  readonly table: TableKey;
  readonly normalized: NormalizedRow;
  /** Set when an earlier row of the same table has the same name key: a duplicate is flagged, never removed. */
  readonly duplicateOf?: Provenance;
}

/**
 * One 联合申报单位 row of a 附件3 submission (`Submission.jointApplicants`), with the provenance the table rows
 * carry. 来源单位 is the file's submitter: for 附件3 the lead applicant.
 */
export type SummaryJointApplicantRow = SummaryRowProvenance;

export interface ReconciliationLine {
  readonly fileIndex: number;
  readonly file: string;
  readonly table: SummaryTableKey;
  /** Rows the reader handed over. */
  readonly read: number;
  /** Rows of that file and table found in the summary (counted, not copied). */
  readonly inSummary: number;
  readonly balanced: boolean;
}

export interface Reconciliation {
  readonly lines: readonly ReconciliationLine[];
  readonly totals: Readonly<Record<SummaryTableKey, { readonly read: number; readonly inSummary: number }>>;
  /** Every line balanced: rows read = rows in summary. */
  readonly balanced: boolean;
  /**
   * Data rows found in a second table of a kind a file already had (Submission.unmerged): not read into the
   * summary, so every display of the reconciliation says so beside "balanced" (and workbook.table-not-merged is an
   * error on the file).
   */
  readonly notMerged: readonly NotMergedLine[];
  /** Files that could not be read at all: none of their rows is in the summary. */
  readonly unreadable: number;
  /**
   * Every row of every input is in the summary: balanced, no file unreadable, no second table left unmerged. Only
   * then may a display say nothing is missing.
   */
  readonly complete: boolean;
}

export interface NotMergedLine {
  readonly reason: 'second-table' | 'hidden-sheet';
  readonly fileIndex: number;
  readonly file: string;
  readonly table: TableKey;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
}

/** A count table: rows (regions) × columns (categories), with totals. */
export interface CrossTab {
  readonly rowLabel: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly counts: readonly number[]; readonly total: number }[];
  readonly columnTotals: readonly number[];
  readonly total: number;
}

export interface AgencyReach {
  readonly name: string;
  /** Official 机构类型 where recognised, else the text as written. */
  readonly type: string;
  readonly regions: readonly string[];
}

export interface Statistics {
  /** 服务对象: region × 所在行业领域 (official value where recognised). */
  readonly regionByIndustry: CrossTab;
  /** 服务方案: region × 方案类型. */
  readonly regionBySchemeType: CrossTab;
  /** 服务机构: 机构类型 nationwide (rows). */
  readonly agencyTypes: readonly { readonly type: string; readonly count: number }[];
  /** Every agency (by name key) with the regions it serves, most regions first. */
  readonly agencyReach: readonly AgencyReach[];
  /** How many agencies serve 1, 2, 3 … regions. */
  readonly agenciesByRegionCount: readonly { readonly regions: number; readonly agencies: number }[];
  /** Files with at least one error, or unreadable. */
  readonly filesWithErrors: readonly { readonly file: string; readonly region: string; readonly errors: number; readonly unreadable: boolean }[];
}

export interface Summary {
  /** ISO 8601 time the summary was built. */
  readonly generatedAt: string;
  /** 工信厅网安函〔2023〕356号 */
  readonly notice: string;
  readonly files: readonly SummaryFile[];
  readonly rows: Readonly<Record<TableKey, readonly SummaryRow[]>>;
  /** 附件3's 联合申报单位 rows, file by file in sheet order. */
  readonly jointApplicants: readonly SummaryJointApplicantRow[];
  /** Every issue: each file's own (file filled in) and the cross-submission ones, sorted by compareIssues. */
  readonly issues: readonly Issue[];
  /** The cross-submission issues alone (also in `issues`). */
  readonly crossIssues: readonly Issue[];
  readonly reconciliation: Reconciliation;
  readonly statistics: Statistics;
}
