/**
 * What the pane says about one chosen file, kept light (no xlsx library) so the first load, the picker and the
 * tabs can use it: whether it is skipped (an Office lock file, a summary this tool wrote) and its status by the
 * same rules as the summary's file list (errors, warnings, else passed; info notes do not fail a file).
 * file-work.ts makes the skipped results; pipeline.ts leaves them out of what is aggregated.
 */
import type { FileStatus } from '../core/aggregate/types';
import type { Issue, Severity } from '../core/issues';
import type { FileResult } from '../xlsx/check';

/** Why a chosen file is not read as a submission; the CLI skips the same files (src/cli/files.ts, inputs.ts). */
export type SkipReason = 'summary' | 'lock-file';

/** The result codes of skipped files: a summary this tool wrote (src/xlsx/summary-detect.ts), an Office lock file. */
export const SKIP_CODES: Readonly<Record<string, SkipReason>> = { 'read.is-summary': 'summary', 'read.lock-file': 'lock-file' };

/** Office's lock file beside an open workbook (~$江苏省….xlsx): a few bytes of owner name, never a submission. */
export function isOfficeLockFile(name: string): boolean {
  return (name.split(/[\\/]/).pop() ?? name).startsWith('~$');
}

export function skipReason(r: Pick<FileResult, 'error'>): SkipReason | undefined {
  return r.error ? SKIP_CODES[r.error.code] : undefined;
}

export type ShownStatus = FileStatus | 'skipped';

/** Badge colours of the statuses, the same on 校验, 汇总 and 导出. */
export const STATUS_COLOR: Readonly<Record<ShownStatus, 'success' | 'warning' | 'danger' | 'severe' | 'informative'>> = {
  ok: 'success',
  warnings: 'warning',
  errors: 'danger',
  unreadable: 'severe',
  skipped: 'informative',
};

export function severityCounts(issues: readonly Pick<Issue, 'severity'>[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

/** A file's status as the summary's file list and 说明 give it (src/core/aggregate/aggregate.ts), plus skipped. */
export function resultStatus(r: FileResult): ShownStatus {
  if (skipReason(r)) return 'skipped';
  if (r.status === 'error' || !r.submission) return 'unreadable';
  const c = severityCounts(r.issues);
  return c.error ? 'errors' : c.warning ? 'warnings' : 'ok';
}
