/**
 * One submission file from bytes to findings: read, locate, validate. The CLI, the task pane's worker and the
 * aggregator all go through here, so a file is judged the same way wherever it is opened.
 */
import type { Issue } from '../core/issues';
import { compareIssues } from '../core/issues';
import { validateSubmission } from '../core/rules/validate';
import type { Submission } from '../core/submission/types';
import { ReadError, readSubmission } from './read';

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
}

export function checkFile(bytes: Uint8Array, fileName: string): FileResult {
  try {
    const { submission, issues: readIssues } = readSubmission(bytes, fileName);
    const issues = [...readIssues, ...validateSubmission(submission)].map((i) => ({ ...i, file: i.file ?? fileName }));
    issues.sort(compareIssues);
    return { file: fileName, status: 'ok', submission, issues };
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
