/**
 * Bench of the aggregation path: aggregate → summary workbook → CSV export (text + bytes), with peak memory.
 * `npm run bench` calls benchAggregate with generated inputs; run this file alone (after build:node) for a
 * quick figure: `node --expose-gc dist/node/bench/aggregate-bench.js [files] [rowsPerTable]`.
 */
import { aggregate } from '../core/aggregate/aggregate';
import type { AggregateDeps, AggregateInput, Summary } from '../core/aggregate/types';
import { summaryCsvFiles } from '../core/csv/export';
import { REGIONS } from '../core/notice/regions';
import { TABLES, TABLE_KEYS, type TableKey } from '../core/notice/tables';
import type { NormalizedRow } from '../core/submission/normalized';
import type { Submission, TableData, TableRow } from '../core/submission/types';
import { nameKey } from '../core/text/normalize';
import { encodeCsv, type CsvEncoding } from '../xlsx/csv-encode';
import { writeSummaryWorkbook } from '../xlsx/summary';

export interface AggregateBenchResult {
  readonly files: number;
  readonly rows: number;
  readonly aggregateMs: number;
  readonly writeMs: number;
  readonly csvMs: number;
  readonly xlsxBytes: number;
  readonly csvBytes: number;
  /** Highest resident set size seen, MB (sampled every 25 ms and at each phase end). */
  readonly peakRssMb: number;
  /** RSS before the run, MB. */
  readonly baseRssMb: number;
  readonly peakHeapMb: number;
  readonly balanced: boolean;
}

export interface AggregateBenchOptions {
  readonly encoding?: CsvEncoding;
  readonly mask?: boolean;
  /** Print one line per phase (default true). */
  readonly print?: boolean;
  /** Keep the summary and the bytes for the caller (to write them out). */
  readonly keep?: (out: { summary: Summary; xlsx: Uint8Array; csv: { name: string; bytes: Uint8Array }[] }) => void;
}

const MB = 1024 * 1024;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

export async function benchAggregate(inputs: readonly AggregateInput[], deps: AggregateDeps, options: AggregateBenchOptions = {}): Promise<AggregateBenchResult> {
  const print = options.print ?? true;
  const log = (s: string) => {
    if (print) process.stdout.write(`${s}\n`);
  };
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 25);
  try {
    let t = performance.now();
    const summary = aggregate(inputs, deps);
    const aggregateMs = performance.now() - t;
    sample();
    const rows = TABLE_KEYS.reduce((a, k) => a + summary.rows[k].length, 0);
    log(`aggregate            ${inputs.length} files, ${rows} rows: ${aggregateMs.toFixed(0)} ms (reconciliation ${summary.reconciliation.balanced ? 'balanced' : 'NOT balanced'})`);

    t = performance.now();
    const xlsx = await writeSummaryWorkbook(summary, { mask: options.mask });
    const writeMs = performance.now() - t;
    sample();
    log(`write summary.xlsx   ${(xlsx.byteLength / MB).toFixed(1)} MB: ${writeMs.toFixed(0)} ms`);

    t = performance.now();
    const csv = summaryCsvFiles(summary, { mask: options.mask }).map((f) => ({ name: f.name, bytes: encodeCsv(f.text, options.encoding ?? 'utf8') }));
    const csvMs = performance.now() - t;
    sample();
    const csvBytes = csv.reduce((a, f) => a + f.bytes.byteLength, 0);
    log(`CSV export (${options.encoding ?? 'utf8'})   ${csv.length} files, ${(csvBytes / MB).toFixed(1)} MB: ${csvMs.toFixed(0)} ms`);
    log(`peak memory          rss ${(peakRss / MB).toFixed(0)} MB (from ${(base.rss / MB).toFixed(0)} MB), heap ${(peakHeap / MB).toFixed(0)} MB`);
    options.keep?.({ summary, xlsx, csv });
    return {
      files: inputs.length,
      rows,
      aggregateMs,
      writeMs,
      csvMs,
      xlsxBytes: xlsx.byteLength,
      csvBytes,
      peakRssMb: peakRss / MB,
      baseRssMb: base.rss / MB,
      peakHeapMb: peakHeap / MB,
      balanced: summary.reconciliation.balanced,
    };
  } finally {
    clearInterval(timer);
  }
}

/** Generated submissions for the bench: `files` regions × three tables × `rowsPerTable` rows, realistic text. */
export function syntheticInputs(files = 36, rowsPerTable = 500): AggregateInput[] {
  const industries = ['电信和互联网', '工业互联网', '车联网', '医疗卫生', '金融', '能源', '电信与互联网'];
  const types = ['保险公司', '网络安全企业', '基础电信运营商', '专业测评机构', '保险经纪公司'];
  const phone = (i: number) => `1${3 + (i % 7)}${String(100000000 + ((i * 7919) % 899999999)).padStart(9, '0')}`;
  return Array.from({ length: files }, (_, f) => {
    const region = REGIONS[f % REGIONS.length];
    const file = `${region.name}网络安全保险服务试点工作方案-附件2表格-${f + 1}.xlsx`;
    const table = (key: TableKey, make: (i: number) => string[]): TableData => {
      const cols = TABLES[key].columns;
      const rows: TableRow[] = Array.from({ length: rowsPerTable }, (_, i) => {
        const row = i + 3;
        const values = [String(i + 1), ...make(i)];
        const cells: Record<string, { text: string; cell: string }> = {};
        cols.forEach((c, j) => (cells[c.key] = { text: values[j] ?? '', cell: `${String.fromCharCode(65 + j)}${row}` }));
        return { row, cells };
      });
      return { table: key, file, sheet: TABLES[key].shortName, headerRows: [2], rows };
    };
    const submission: Submission = {
      file,
      variant: '附件2',
      region,
      submitter: `${region.name}通信管理局`,
      tables: {
        agencies: table('agencies', (i) => [`${region.short}第${i % 40}号网络安全服务有限公司`, types[i % types.length], `联系人${i} ${phone(f * 1000 + i)}`, i === 0 ? '是，牵头单位' : '否，负责风险评估']),
        targets: table('targets', (i) => [`${['星汉', '恒远', '新澄', '云栈'][i % 4]}第${i}号企业有限公司`, industries[i % industries.length], `王${i}`, `${phone(f * 3000 + i)} u${i}@qq.com`]),
        schemes: table('schemes', (i) => [`${region.short}网络安全保险服务方案${i}`, i % 2 ? '企业类' : '产品服务类', industries[i % 3], `李${i}`, `${phone(f * 5000 + i)}/s${i}@163.com`]),
      },
    };
    return { file, submission, issues: [] };
  });
}

/** A cheap row normaliser for running the bench without the validator. */
export function benchNormalizeRow(table: TableKey, row: TableRow): NormalizedRow {
  const contact = row.cells.contact?.text ?? '';
  const mobile = /1[3-9]\d{9}/.exec(contact)?.[0];
  const role = row.cells.role?.text ?? '';
  return {
    nameKey: nameKey(row.cells.name?.text ?? ''),
    ...(mobile ? { mobile } : {}),
    ...(table === 'agencies' ? { lead: role.startsWith('是'), type: row.cells.type?.text } : {}),
    ...(table === 'targets' ? { industry: row.cells.industry?.text } : {}),
    ...(table === 'schemes' ? { type: row.cells.type?.text, industry: row.cells.industry?.text } : {}),
  };
}

if (typeof require !== 'undefined' && require.main === module) {
  const files = Number(process.argv[2] ?? 36);
  const rows = Number(process.argv[3] ?? 500);
  benchAggregate(syntheticInputs(files, rows), { normalizeRow: benchNormalizeRow }).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
