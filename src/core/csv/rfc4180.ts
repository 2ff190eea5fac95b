/**
 * RFC 4180 CSV text: fields separated by commas, records ended by CRLF, a field holding a comma, a quote,
 * CR or LF wrapped in quotes with its quotes doubled. Pure string building; encoding happens outside the core.
 */

export type CsvCell = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralise a text cell a spreadsheet would run as a formula: prefix a single quote when it begins with
 * = + - @, tab or CR. Every text cell is treated so, phones like +8613800138000 and "-5" included: the
 * normalised mobile column keeps the digits, and a stray quote is safer than a live formula.
 * Numbers (typed as numbers in the model: counts, 序号) are never touched.
 */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when it must be. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** Neutralise formula-looking text cells (default true). */
  readonly neutralize?: boolean;
  /** Applied to every text cell before neutralising (e.g. masking). */
  readonly transform?: (text: string) => string;
}

/** Records to CSV text, every record ended by CRLF. */
export function toCsv(rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const neutral = options.neutralize ?? true;
  const transform = options.transform;
  const out: string[] = [];
  for (const row of rows) {
    out.push(
      row
        .map((v) => {
          if (typeof v !== 'string') return csvField(v);
          let s = transform ? transform(v) : v;
          if (neutral) s = neutralize(s);
          return csvField(s);
        })
        .join(','),
    );
    out.push('\r\n');
  }
  return out.join('');
}
