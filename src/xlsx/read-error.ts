/**
 * The one error the reader throws for input it will not read. `code` is stable (tests, the CLI's JSON and the
 * task pane key on it); `message` is Chinese, `messageEn` English.
 */
import type { ReadRuleCode } from '../core/rules/other-codes';
import type { ReadLimits } from './limits';

/** The codes and their titles are data in the core (src/core/rules/other-codes.ts). */
export type ReadErrorCode = ReadRuleCode;

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly messageEn: string;
  /** For `read.limit.*`: which limit, its value and what was found. */
  readonly limit?: { readonly name: keyof ReadLimits; readonly max: number; readonly found: number };

  constructor(code: ReadErrorCode, message: string, messageEn: string, limit?: ReadError['limit']) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
    this.messageEn = messageEn;
    if (limit) this.limit = limit;
    Object.setPrototypeOf(this, ReadError.prototype);
  }
}
