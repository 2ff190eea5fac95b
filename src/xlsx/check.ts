/**
 * One submission file from bytes to findings: read, locate, validate. The CLI, the task pane's worker and the
 * aggregator all go through here, so a file is judged the same way wherever it is opened.
 */
import type { Issue } from '../core/issues';
import { compareIssues } from '../core/issues';
import type { TableKey } from '../core/notice/tables';
import { validateAndNormalize } from '../core/rules/validate';
import type { NormalizedRow } from '../core/submission/normalized';
import type { Submission } from '../core/submission/types';
import { READ_LIMITS } from './limits';
import { ReadError, readSubmission } from './read';
import { JS_INFLATER, type Inflater } from './read-inflate';

export interface FileError {
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface FileResult {
  readonly file: string;
  readonly status: 'ok' | 'error';
  /** Why the file could not be read at all (status 'error'). */
  readonly error?: FileError;
  readonly submission?: Submission;
  /** Reader findings (hidden sheets, unknown region …) and every validation issue, errors first. */
  readonly issues: readonly Issue[];
  /**
   * Each row's normalizeRow(table, row), parallel to submission.tables[table].rows, computed by the validator from
   * the parses it made anyway; the aggregator reuses it instead of parsing every contact again.
   */
  readonly normalized?: Partial<Record<TableKey, readonly NormalizedRow[]>>;
}

/** `inflater`: how zip entries are inflated (the CLI passes Node's zlib; results are the same either way). */
export function checkFile(bytes: Uint8Array, fileName: string, inflater: Inflater = JS_INFLATER): FileResult {
  try {
    const { submission, issues: readIssues } = readSubmission(bytes, fileName, READ_LIMITS, inflater);
    const validated = validateAndNormalize(submission);
    const issues = [...readIssues, ...validated.issues].map((i) => ({ ...i, file: i.file ?? fileName }));
    issues.sort(compareIssues);
    return { file: fileName, status: 'ok', submission, issues, normalized: validated.normalized };
  } catch (e) {
    if (e instanceof ReadError) {
      return { file: fileName, status: 'error', error: { code: e.code, message: e.message, messageEn: e.messageEn }, issues: [] };
    }
    // Anything else is our bug, not the user's file; still report it per file rather than abort the batch.
    const msg = e instanceof Error ? e.message : String(e);
    return {
      file: fileName,
      status: 'error',
      error: { code: 'read.internal', message: `读取时发生内部错误：${msg}`, messageEn: `internal error while reading: ${msg}` },
      issues: [],
    };
  }
}
