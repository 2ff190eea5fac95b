/**
 * The issue model shared by the validator, the reader, the aggregator and every shell.
 * Shaped after Frictionless Data's validation report: a stable code, where it is, what was there, what to do.
 */
import type { TableKey } from './notice/tables';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Readonly<Record<Severity, { zh: string; en: string }>> = {
  error: { zh: '错误（必须修改）', en: 'error (must fix)' },
  warning: { zh: '警告（请核实）', en: 'warning (check it)' },
  info: { zh: '提示', en: 'info' },
};

/** Where a value came from, kept from reading to the summary. */
export interface Provenance {
  readonly file?: string;
  readonly sheet?: string;
  /** A1 address of the cell, e.g. "E11". */
  readonly cell?: string;
  /** 1-based sheet row. */
  readonly row?: number;
}

export interface Fix {
  /** The whole new cell value: applying the fix writes exactly this. */
  readonly value: string;
  /** A certain fix may be applied in one click; a suggestion is only shown. */
  readonly certain: boolean;
}

export interface Issue {
  /** Stable code, e.g. `contact.mobile-missing`. */
  readonly code: string;
  readonly severity: Severity;
  /** Table the issue is about; `form` for the 基本情况 forms, `jointApplicants` for 附件3's 联合申报单位 rows, `workbook` for file-level findings. */
  readonly table: TableKey | 'form' | 'jointApplicants' | 'workbook' | 'summary';
  /** 1-based sheet row where known, else the 1-based data row index. */
  readonly row?: number;
  /** Column key (`contact`, `industry` …) or form field key. */
  readonly column?: string;
  readonly file?: string;
  readonly sheet?: string;
  /** A1 address of the cell the issue points at. */
  readonly cell?: string;
  /** The value as found (text). */
  readonly value?: string;
  readonly message: string;
  readonly messageEn: string;
  readonly fix?: Fix;
  /** Other cells involved (the first occurrence of a duplicate, the same mobile elsewhere …). */
  readonly related?: readonly Provenance[];
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

/** Column letters as a number: A = 1, Z = 26, AA = 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Cell addresses in sheet order: by column, then by row number (B2 before B11 before C1), not as text (B11 before
 * B2). No address comes first, as before; text that is not an A1 address comes after every address, as text.
 */
export function compareCells(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return 0;
  if (!x || !y) return x ? 1 : -1;
  const mx = A1.exec(x);
  const my = A1.exec(y);
  if (mx && my) return columnNumber(mx[1]) - columnNumber(my[1]) || Number(mx[2]) - Number(my[2]) || x.localeCompare(y);
  if (mx || my) return mx ? -1 : 1;
  return x.localeCompare(y);
}

/** Errors first, then by file, sheet, row and cell (column, then row number): the order a person fixes them in. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) ||
    compareCells(a.cell, b.cell) ||
    a.code.localeCompare(b.code)
  );
}
