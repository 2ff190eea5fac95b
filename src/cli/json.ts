/** The `--json` shape of `validate`, as documented in the README: stable keys, plain strings. */
import type { Issue } from '../core/issues';
import type { FileResult } from '../xlsx/check';

export interface JsonIssue {
  code: string;
  severity: string;
  table: string;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  messageEn: string;
  fix?: string;
  fixCertain?: boolean;
}

export function jsonIssue(i: Issue): JsonIssue {
  return {
    code: i.code,
    severity: i.severity,
    table: i.table,
    sheet: i.sheet ?? null,
    cell: i.cell ?? null,
    row: i.row ?? null,
    column: i.column ?? null,
    value: i.value ?? null,
    message: i.message,
    messageEn: i.messageEn,
    ...(i.fix ? { fix: i.fix.value, fixCertain: i.fix.certain } : {}),
  };
}

export function jsonFile(r: FileResult) {
  const s = r.submission;
  const tables: Record<string, unknown> = {};
  for (const [key, t] of Object.entries(s?.tables ?? {})) {
    if (!t) continue;
    tables[key] = {
      sheet: t.sheet ?? null,
      headerRow: t.headerRows?.[0] ?? null,
      rows: t.rows.map((row) => ({
        row: row.row,
        cells: Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, c.text])),
        ...(row.extras?.length ? { extras: row.extras.map((x) => ({ header: x.header, text: x.text, cell: x.cell })) } : {}),
      })),
    };
  }
  return {
    file: r.file,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
    region: s?.region?.name ?? null,
    regionCode: s?.region?.code ?? null,
    variant: s?.variant ?? null,
    submitter: s?.submitter ?? null,
    tables,
    issues: r.issues.map(jsonIssue),
  };
}
