/**
 * The summary as CSV files: one per table (联合申报单位 included), the issues, the statistics (with the file list and the
 * reconciliation). Text only; src/xlsx/csv-encode.ts turns it into UTF-8 with BOM or GB18030 bytes.
 */
import { ISSUE_COLUMNS, issueRowValues, jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../aggregate/columns';
import { SUMMARY_SHEET_NAMES } from '../aggregate/names';
import { filesBlock, reconciliationBlock, statisticsBlocks, type ReportBlock } from '../aggregate/report';
import type { Summary } from '../aggregate/types';
import { TABLE_KEYS, TABLES, type TableKey } from '../notice/tables';
import { maskText } from './mask';
import { toCsv, type CsvCell } from './rfc4180';

export type CsvFileKey = TableKey | 'jointApplicants' | 'issues' | 'statistics';

/** The files a CSV export writes (the CLI also knows them in an input folder: an earlier run's output). */
export const SUMMARY_CSV_NAMES: Readonly<Record<CsvFileKey, string>> = {
  agencies: `${TABLES.agencies.shortName}.csv`,
  targets: `${TABLES.targets.shortName}.csv`,
  schemes: `${TABLES.schemes.shortName}.csv`,
  jointApplicants: `${SUMMARY_SHEET_NAMES.jointApplicants}.csv`,
  issues: '问题清单.csv',
  statistics: '统计.csv',
};

export interface CsvExportOptions {
  /** Show mobiles as 138****8000 and e-mails as z***@qq.com (for sharing). */
  readonly mask?: boolean;
  /** Neutralise cells beginning with = + - @, tab or CR (default true). */
  readonly neutralize?: boolean;
}

export interface CsvFile {
  /** `服务机构`, `服务对象`, `服务方案`, `联合申报单位`, `问题清单`, `统计`. */
  readonly key: CsvFileKey;
  /** File name, e.g. 服务机构.csv. */
  readonly name: string;
  readonly text: string;
}

function blockRows(blocks: readonly ReportBlock[]): CsvCell[][] {
  const out: CsvCell[][] = [];
  for (const b of blocks) {
    if (out.length) out.push([]);
    out.push([`${b.title} ${b.titleEn}`]);
    out.push([...b.header]);
    for (const r of b.rows) out.push([...r]);
  }
  return out;
}

/** Rows of one table's CSV: header then every summary row (same columns as the workbook's sheet). */
export function tableCsvRows(summary: Summary, table: TableKey): CsvCell[][] {
  const columns = summaryColumns(table);
  return [columns.map((c) => c.header), ...summary.rows[table].map((r) => summaryRowValues(r, columns))];
}

/** Rows of 联合申报单位.csv: header then every joint applicant (same columns as the workbook's sheet). */
export function jointApplicantsCsvRows(summary: Summary): CsvCell[][] {
  const columns = jointApplicantColumns();
  return [columns.map((c) => c.header), ...summary.jointApplicants.map((r) => jointApplicantRowValues(r, columns))];
}

export function issuesCsvRows(summary: Summary): CsvCell[][] {
  return [ISSUE_COLUMNS.map((c) => c.header), ...summary.issues.map(issueRowValues)];
}

export function statisticsCsvRows(summary: Summary): CsvCell[][] {
  return blockRows([filesBlock(summary), reconciliationBlock(summary), ...statisticsBlocks(summary)]);
}

export function summaryCsvFiles(summary: Summary, options: CsvExportOptions = {}): CsvFile[] {
  const csv = { neutralize: options.neutralize ?? true, ...(options.mask ? { transform: maskText } : {}) };
  return [
    ...TABLE_KEYS.map((t) => ({ key: t, name: SUMMARY_CSV_NAMES[t], text: toCsv(tableCsvRows(summary, t), csv) })),
    { key: 'jointApplicants' as const, name: SUMMARY_CSV_NAMES.jointApplicants, text: toCsv(jointApplicantsCsvRows(summary), csv) },
    { key: 'issues' as const, name: SUMMARY_CSV_NAMES.issues, text: toCsv(issuesCsvRows(summary), csv) },
    { key: 'statistics' as const, name: SUMMARY_CSV_NAMES.statistics, text: toCsv(statisticsCsvRows(summary), csv) },
  ];
}
