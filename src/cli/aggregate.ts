/**
 * pilot-tables aggregate FILE|DIR… -o summary.xlsx [--csv DIR] [--encoding utf8|gb18030] [--mask] [--json] [--exit-zero]
 *
 * Reads every submission (a bad file becomes an "unreadable" line, never a crash), merges them with the core
 * aggregator, writes the summary workbook and optionally the CSV files, and prints the reconciliation, the issue
 * counts and the cross-submission issues.
 *
 * Exit codes (as `validate`): 2 when the usage is wrong, no submission was found, any input could not be read
 * (missing, corrupt, wrong type — the summary is still written, with the file marked 无法读取 on its cover), or
 * an output could not be written; else 1 when any error-severity issue was found (cross-submission ones included);
 * else 0. `--exit-zero` turns 1 into 0 (for the demo and for pipelines that only want the files); 2 stays 2.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { aggregate } from '../core/aggregate/aggregate';
import type { AggregateInput } from '../core/aggregate/types';
import { summaryCsvFiles } from '../core/csv/export';
import { normalizeRow } from '../core/rules/normalize-row';
import { isCsvEncoding, encodeCsv, type CsvEncoding } from '../xlsx/csv-encode';
import type { FileResult } from '../xlsx/check';
import { writeSummaryWorkbookStreamed } from '../xlsx/summary-stream';
import { humanReport, jsonReport, type Written } from './aggregate-report';
import { readInputs, skippedLines } from './inputs';
import { ensureDir, refuseOverwrite } from './output';
import { progressLine } from './progress';

export interface AggregateOptions {
  output?: string;
  csv?: string;
  encoding?: string;
  mask: boolean;
  json: boolean;
  exitZero?: boolean;
}

class CliFailure extends Error {}

function usage(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

/** `utf8`, `utf-8`, `UTF8`, `gb18030`, `GB18030` → the encoder's name; undefined for anything else. */
export function csvEncodingOf(value: string | undefined): CsvEncoding | undefined {
  const v = (value ?? 'utf8').toLowerCase().replace(/^utf-8$/, 'utf8');
  return isCsvEncoding(v) ? v : undefined;
}

function toInput(r: FileResult): AggregateInput {
  return { file: r.file, issues: r.issues, ...(r.submission ? { submission: r.submission } : {}), ...(r.error ? { error: r.error } : {}), ...(r.normalized ? { normalized: r.normalized } : {}) };
}

function makeDir(dir: string): void {
  try {
    ensureDir(dir);
  } catch (e) {
    throw new CliFailure(`无法创建目录 cannot create ${dir}：${(e as Error).message}`);
  }
}

function write(path: string, bytes: Uint8Array): void {
  try {
    ensureDir(dirname(path));
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliFailure(`无法写入 cannot write ${path}：${(e as Error).message}`);
  }
}

export async function runAggregate(inputs: string[], opts: AggregateOptions): Promise<number> {
  if (inputs.length === 0) return usage('请指定要汇总的文件或目录。Name the files or folders to aggregate.');
  if (!opts.output) return usage('请用 -o 指定汇总工作簿，例如 -o out/summary.xlsx。Name the summary workbook with -o, e.g. -o out/summary.xlsx.');
  // Excel and WPS open a workbook by its extension: `-o out/summary` would write a file nobody can double-click.
  if (!/\.xlsx$/i.test(opts.output)) return usage(`-o 应以 .xlsx 结尾（收到 ${opts.output}），例如 -o out/summary.xlsx。The summary must end in .xlsx.`);
  const encoding = csvEncodingOf(opts.encoding);
  if (!encoding) return usage(`--encoding 只能是 utf8 或 gb18030（收到 ${opts.encoding}）。--encoding must be utf8 or gb18030.`);
  if (opts.encoding !== undefined && !opts.csv) return usage('--encoding 需与 --csv DIR 一起使用。--encoding goes with --csv DIR.');

  const refused = refuseOverwrite(opts.output, 'summary');
  if (refused) return usage(`${refused.zh}\n${refused.en}`);

  const progress = progressLine();
  const exclude = { files: [opts.output], dirs: opts.csv ? [opts.csv] : [] };
  const read = readInputs(inputs, { exclude, onFile: (p, i, n) => progress.file(p, i, n) });
  // A path that does not exist is an unreadable input like a corrupt file: listed on the cover, exit 2.
  const missing: FileResult[] = read.missing.map((m) => ({
    file: m,
    status: 'error',
    error: { code: 'read.not-found', message: `找不到文件或目录：${m}`, messageEn: `no such file or folder: ${m}` },
    issues: [],
  }));
  const results = [...read.results, ...missing];
  if (read.results.length === 0) {
    progress.done();
    for (const m of missing) process.stderr.write(`${m.error?.message} ${m.error?.messageEn}\n`);
    process.stderr.write(skippedLines(read.skipped));
    return usage('没有找到报送文件（.xlsx），未生成汇总。No submission files (.xlsx) found; nothing written.');
  }

  progress.step(`汇总 aggregating ${results.length} 个文件 files …`);
  const summary = aggregate(results.map(toInput), { normalizeRow });

  let written: Written | undefined;
  let failure: string | undefined;
  try {
    // Both folders first: a CSV folder that cannot be made must not leave a new workbook over an old one.
    for (const dir of [dirname(opts.output), ...(opts.csv ? [opts.csv] : [])]) makeDir(dir);
    progress.step(`写入 writing ${basename(opts.output)} …`);
    write(opts.output, await writeSummaryWorkbookStreamed(summary, { mask: opts.mask }));
    let csv: Written['csv'];
    if (opts.csv) {
      const files = summaryCsvFiles(summary, { mask: opts.mask });
      for (const f of files) write(join(opts.csv, f.name), encodeCsv(f.text, encoding));
      csv = { dir: opts.csv, encoding, files: files.map((f) => f.name) };
    }
    written = { output: opts.output, ...(csv ? { csv } : {}) };
  } catch (e) {
    if (!(e instanceof CliFailure)) throw e;
    failure = e.message;
  } finally {
    progress.done();
  }

  if (opts.json) process.stdout.write(`${JSON.stringify(jsonReport(summary, read, written), null, 2)}\n`);
  else process.stdout.write(humanReport(summary, read, written));
  if (failure) return usage(failure);

  if (summary.files.some((f) => f.status === 'unreadable')) return 2;
  const errors = summary.issues.some((i) => i.severity === 'error');
  if (errors && opts.exitZero) {
    process.stderr.write('发现错误，因 --exit-zero 以 0 退出（否则为 1）。Errors found; exiting 0 because of --exit-zero (else 1).\n');
    return 0;
  }
  return errors ? 1 : 0;
}
