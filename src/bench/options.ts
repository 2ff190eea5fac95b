/**
 * Command-line options of the bench. Defaults are issue 4's sizes (36 files × 3 tables × 500 rows, 100,000
 * validated rows); --quick is a CI smoke that finishes in seconds.
 */
export interface BenchOptions {
  readonly files: number;
  readonly rows: number;
  readonly validateRows: number;
  readonly json: boolean;
  /** Also write the summary with the in-memory writer (src/xlsx/summary.ts), for comparison with the streaming one. */
  readonly compareInMemory: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = { files: 36, rows: 500, validateRows: 100_000, json: false, compareInMemory: true };
export const QUICK_SIZES = { files: 3, rows: 40, validateRows: 2_000 } as const;

export const USAGE = `用法 usage: node dist/node/bench/main.js [--files 36] [--rows 500] [--validate-rows 100000] [--quick] [--json] [--no-in-memory]
  --files N           生成的工作簿数 workbooks to generate (default 36)
  --rows N            每表行数 rows per table (default 500)
  --validate-rows N   校验吞吐的行数 rows for the validation throughput (default 100000)
  --quick             冒烟规模 smoke sizes (${QUICK_SIZES.files} files × ${QUICK_SIZES.rows} rows, ${QUICK_SIZES.validateRows} validate rows); explicit sizes still win
  --json              只输出 JSON print one JSON object (progress goes to stderr)
  --no-in-memory      不做内存写入对比 skip the in-memory writer comparison`;

export class UsageError extends Error {}

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value.replace(/_/g, '')) || Number(value.replace(/_/g, '')) < 1) {
    throw new UsageError(`${flag} 需要正整数 needs a positive integer (got ${value ?? 'nothing'})`);
  }
  return Number(value.replace(/_/g, ''));
}

/** Parse argv (without node and the script). Throws UsageError; returns undefined for --help. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | undefined {
  const explicit: { files?: number; rows?: number; validateRows?: number } = {};
  let quick = false;
  let json = false;
  let compareInMemory = DEFAULT_OPTIONS.compareInMemory;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--files':
        explicit.files = positiveInt(flag, value());
        break;
      case '--rows':
        explicit.rows = positiveInt(flag, value());
        break;
      case '--validate-rows':
        explicit.validateRows = positiveInt(flag, value());
        break;
      case '--quick':
        quick = true;
        break;
      case '--json':
        json = true;
        break;
      case '--no-in-memory':
        compareInMemory = false;
        break;
      case '--help':
      case '-h':
        return undefined;
      default:
        throw new UsageError(`未知参数 unknown argument: ${argv[i]}`);
    }
  }
  const base = quick ? QUICK_SIZES : DEFAULT_OPTIONS;
  return {
    files: explicit.files ?? base.files,
    rows: explicit.rows ?? base.rows,
    validateRows: explicit.validateRows ?? base.validateRows,
    json,
    compareInMemory,
  };
}
