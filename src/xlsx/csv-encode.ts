/**
 * CSV text to bytes: UTF-8 with a BOM (so Excel on Windows reads Chinese right) or GB18030 (for older
 * tools that expect the national encoding). Outside the core because GB18030 needs iconv-lite.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'gb18030';

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf8', 'gb18030'];

export function isCsvEncoding(value: string): value is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(value);
}

const BOM = [0xef, 0xbb, 0xbf];

export function encodeCsv(text: string, encoding: CsvEncoding = 'utf8'): Uint8Array {
  if (encoding === 'gb18030') {
    const buf = iconv.encode(text, 'gb18030');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
