/**
 * The reviewers' job on generated files, phase by phase: bare parse (SheetJS alone, the floor), read+validate
 * (checkFile), aggregate, summary workbook (the streaming writer, as the CLI), CSV in both encodings. Generation comes first and is not counted.
 */
import * as XLSX from '@e965/xlsx';
import { aggregate } from '../core/aggregate/aggregate';
import type { AggregateInput, Summary } from '../core/aggregate/types';
import { summaryCsvFiles } from '../core/csv/export';
import { countBySeverity, type Severity } from '../core/issues';
import { TABLE_KEYS, type TableKey } from '../core/notice/tables';
import { normalizeRow } from '../core/rules/normalize-row';
import { NATIVE_INFLATER } from '../cli/native-inflate';
import { checkFile, type FileResult } from '../xlsx/check';
import { encodeCsv, type CsvEncoding } from '../xlsx/csv-encode';
import { SHEETJS_READ_OPTIONS } from '../xlsx/read-grid';
import { writeSummaryWorkbook } from '../xlsx/summary';
import { writeSummaryWorkbookStreamed } from '../xlsx/summary-stream';
import { generateBenchWorkbooks, type BenchWorkbook } from './generate';
import type { MemorySampler } from './memory';
import { measure, type Phase } from './measure';

/** A fixed 生成时间, so two runs build the same summary. */
const GENERATED_AT = new Date(Date.UTC(2024, 2, 15, 8, 0, 0));

export interface RowCounts {
  readonly byTable: Readonly<Record<TableKey, number>>;
  readonly total: number;
}

export interface PipelineFigures {
  readonly files: number;
  readonly rowsPerTable: number;
  readonly phases: {
    readonly generate: Phase;
    readonly parse: Phase;
    readonly readValidate: Phase;
    readonly aggregate: Phase;
    readonly write: Phase;
    readonly csvUtf8: Phase;
    readonly csvGb18030: Phase;
  };
  /** Rows the generator wrote, the reader found, and the summary holds. */
  readonly rows: { readonly generated: RowCounts; readonly read: RowCounts; readonly summary: RowCounts };
  /** Files whose rows read differ from the rows generated, per table. */
  readonly mismatches: readonly { readonly file: string; readonly table: TableKey; readonly generated: number; readonly read: number }[];
  readonly unreadable: readonly string[];
  /** Sheets SheetJS returned in the bare parse (proof the parse did the work). */
  readonly parsedSheets: number;
  readonly balanced: boolean;
  readonly issues: Readonly<Record<Severity, number>>;
  readonly crossIssues: number;
  readonly csvFiles: number;
}

function rowCounts(byTable: Record<TableKey, number>): RowCounts {
  return { byTable, total: TABLE_KEYS.reduce((a, t) => a + byTable[t], 0) };
}

function sumRows(parts: readonly Readonly<Record<TableKey, number>>[]): RowCounts {
  const out: Record<TableKey, number> = { agencies: 0, targets: 0, schemes: 0 };
  for (const p of parts) for (const t of TABLE_KEYS) out[t] += p[t];
  return rowCounts(out);
}

function readRows(r: FileResult): Record<TableKey, number> {
  const out: Record<TableKey, number> = { agencies: 0, targets: 0, schemes: 0 };
  for (const t of TABLE_KEYS) out[t] = r.submission?.tables[t]?.rows.length ?? 0;
  return out;
}

function toInput(r: FileResult): AggregateInput {
  return { file: r.file, issues: r.issues, ...(r.submission ? { submission: r.submission } : {}), ...(r.error ? { error: r.error } : {}), ...(r.normalized ? { normalized: r.normalized } : {}) };
}

function exportCsv(summary: Summary, encoding: CsvEncoding): { files: number; bytes: number } {
  // Text and bytes both count: that is what an export costs the user, once per encoding.
  const out = summaryCsvFiles(summary).map((f) => encodeCsv(f.text, encoding));
  return { files: out.length, bytes: out.reduce((a, b) => a + b.byteLength, 0) };
}

/**
 * One small workbook (other seeds) through every step before timing anything: the first call of each step pays
 * for JIT compilation and lazily loaded code (exceljs, iconv-lite's GB18030 tables), which at small sizes would
 * swamp the figures and would bill the bare parse for SheetJS's warm-up but not read+validate.
 */
async function warmUp(): Promise<void> {
  const [b] = await generateBenchWorkbooks(1, 20, 8000);
  XLSX.read(b.bytes, { ...SHEETJS_READ_OPTIONS, type: 'array' });
  const summary = aggregate([toInput(checkFile(b.bytes, b.name, NATIVE_INFLATER))], { normalizeRow, now: () => GENERATED_AT });
  await writeSummaryWorkbookStreamed(summary);
  await writeSummaryWorkbook(summary);
  exportCsv(summary, 'utf8');
  exportCsv(summary, 'gb18030');
}

export interface PipelineRun {
  readonly figures: PipelineFigures;
  /** Kept for the in-memory writer comparison; not part of the report. */
  readonly summary: Summary;
}

export async function benchPipeline(sampler: MemorySampler, files: number, rowsPerTable: number, progress: (line: string) => void = () => undefined): Promise<PipelineRun> {
  const gen = await measure(sampler, () => generateBenchWorkbooks(files, rowsPerTable));
  await warmUp();
  const books: readonly BenchWorkbook[] = gen.value;
  const generated = sumRows(books.map((b) => b.rows));

  progress('  仅解析 bare parse …');
  const parse = await measure(sampler, () => {
    let sheets = 0;
    for (const b of books) sheets += XLSX.read(b.bytes, { ...SHEETJS_READ_OPTIONS, type: 'array' }).SheetNames.length;
    return sheets;
  });

  progress('  读取+校验 read + validate …');
  const checked = await measure(sampler, () => books.map((b) => checkFile(b.bytes, b.name, NATIVE_INFLATER)));
  const results = checked.value;
  const perFile = results.map(readRows);
  const read = sumRows(perFile);
  const mismatches = books.flatMap((b, i) =>
    TABLE_KEYS.filter((t) => b.rows[t] !== perFile[i][t]).map((t) => ({ file: b.name, table: t, generated: b.rows[t], read: perFile[i][t] })),
  );

  progress('  汇总 aggregate, 写汇总表 write summary, CSV …');
  const agg = await measure(sampler, () => aggregate(results.map(toInput), { normalizeRow, now: () => GENERATED_AT }));
  const summary = agg.value;
  const inSummary = rowCounts({ agencies: summary.rows.agencies.length, targets: summary.rows.targets.length, schemes: summary.rows.schemes.length });

  // THE write: the streaming writer, as the CLI writes (Excel tables included).
  const write = await measure(sampler, () => writeSummaryWorkbookStreamed(summary));
  const utf8 = await measure(sampler, () => exportCsv(summary, 'utf8'));
  const gb = await measure(sampler, () => exportCsv(summary, 'gb18030'));

  const bytesIn = books.reduce((a, b) => a + b.bytes.byteLength, 0);
  const figures: PipelineFigures = {
    files,
    rowsPerTable,
    phases: {
      generate: { key: 'generate', zh: '生成工作簿', en: 'Generate workbooks', ms: gen.ms, count: files, unit: 'files', bytes: bytesIn, memory: gen.memory, aside: true },
      parse: { key: 'parse', zh: '仅解析', en: 'Bare parse', ms: parse.ms, count: files, unit: 'files', bytes: bytesIn, memory: parse.memory },
      readValidate: { key: 'readValidate', zh: '读取+校验', en: 'Read + validate', ms: checked.ms, count: read.total, unit: 'rows', memory: checked.memory },
      aggregate: { key: 'aggregate', zh: '汇总', en: 'Aggregate', ms: agg.ms, count: inSummary.total, unit: 'rows', memory: agg.memory },
      write: { key: 'write', zh: '写汇总表', en: 'Write summary', ms: write.ms, count: inSummary.total, unit: 'rows', bytes: write.value.byteLength, memory: write.memory },
      csvUtf8: { key: 'csvUtf8', zh: 'CSV UTF-8', en: 'CSV export UTF-8', ms: utf8.ms, count: utf8.value.files, unit: 'files', bytes: utf8.value.bytes, memory: utf8.memory },
      csvGb18030: { key: 'csvGb18030', zh: 'CSV GB18030', en: 'CSV export GB18030', ms: gb.ms, count: gb.value.files, unit: 'files', bytes: gb.value.bytes, memory: gb.memory },
    },
    rows: { generated, read, summary: inSummary },
    mismatches,
    parsedSheets: parse.value,
    unreadable: results.filter((r) => r.status === 'error').map((r) => `${r.file}: ${r.error?.code ?? ''}`),
    balanced: summary.reconciliation.balanced,
    issues: countBySeverity(summary.issues),
    crossIssues: summary.crossIssues.length,
    csvFiles: utf8.value.files,
  };
  return { figures, summary };
}
