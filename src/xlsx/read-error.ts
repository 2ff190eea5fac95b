/**
 * The one error the reader throws for input it will not read. `code` is stable (tests, the CLI's JSON and the
 * task pane key on it); `message` is Chinese, `messageEn` English.
 */
import type { ReadLimits } from './limits';

export type ReadErrorCode =
  | 'read.empty'
  | 'read.encrypted'
  | 'read.xls'
  | 'read.xlsb'
  | 'read.ods'
  | 'read.numbers'
  | 'read.not-xlsx'
  | 'read.corrupt'
  | 'read.xml-doctype'
  | 'read.parse-failed'
  | 'read.limit.file-size'
  | 'read.limit.decompressed'
  | 'read.limit.entry-size'
  | 'read.limit.ratio'
  | 'read.limit.zip-entries'
  | 'read.limit.sheets'
  | 'read.limit.cells'
  | 'read.limit.text';

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
