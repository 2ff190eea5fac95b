/**
 * The bench at a tiny size: its structure and its reconciliation, never its timings (they depend on the machine;
 * issue 4's targets are printed as PASS / OVER, not asserted).
 */
import { computeChecks, TARGET_PARSE_FACTOR } from '../../src/bench/checks';
import type { PhaseKey } from '../../src/bench/measure';
import { formatReport } from '../../src/bench/report';
import { runBench, type BenchReport } from '../../src/bench/run';
import { buildValidationCorpus } from '../../src/bench/validation-corpus';
import { TABLE_KEYS } from '../../src/core/notice/tables';

const FILES = 2;
const ROWS = 20;
const VALIDATE_ROWS = 500;

let report: BenchReport;

beforeAll(async () => {
  report = await runBench({ files: FILES, rows: ROWS, validateRows: VALIDATE_ROWS, json: false, compareInMemory: true });
}, 180_000);

test('validation throughput walks exactly the rows asked for, and the planted mistakes are found', () => {
  const v = report.validation;
  expect(v.rowsRequested).toBe(VALIDATE_ROWS);
  expect(v.rowsGenerated).toBe(VALIDATE_ROWS);
  expect(v.rowsValidated).toBe(VALIDATE_ROWS);
  expect(TABLE_KEYS.reduce((a, t) => a + v.rowsByTable[t], 0)).toBe(VALIDATE_ROWS);
  // Mixed tables: every table contributes rows.
  for (const t of TABLE_KEYS) expect(v.rowsByTable[t]).toBeGreaterThan(0);
  expect(v.issues.error + v.issues.warning).toBeGreaterThan(0);
  expect(v.phase.count).toBe(VALIDATE_ROWS);
});

test('the pipeline reconciles: rows generated = rows read = rows in the summary, per file and table', () => {
  const p = report.pipeline;
  expect(p.files).toBe(FILES);
  expect(p.unreadable).toEqual([]);
  expect(p.mismatches).toEqual([]);
  // A planted duplicate may add a row, never remove one.
  expect(p.rows.generated.total).toBeGreaterThanOrEqual(FILES * 3 * ROWS);
  for (const t of TABLE_KEYS) {
    expect(p.rows.read.byTable[t]).toBe(p.rows.generated.byTable[t]);
    expect(p.rows.summary.byTable[t]).toBe(p.rows.generated.byTable[t]);
  }
  expect(p.rows.summary.total).toBe(p.rows.generated.total);
  expect(p.balanced).toBe(true);
  expect(p.parsedSheets).toBeGreaterThanOrEqual(FILES);
  expect(p.csvFiles).toBe(6); // three tables, 联合申报单位, 问题清单, 统计
});

test('every phase is reported once, with a non-negative duration, a positive count and memory figures', () => {
  const expected: PhaseKey[] = ['generateValidation', 'validate', 'generate', 'parse', 'readValidate', 'aggregate', 'write', 'csvUtf8', 'csvGb18030', 'inMemoryWrite'];
  expect(report.phases.map((p) => p.key)).toEqual(expected);
  for (const p of report.phases) {
    expect(Number.isFinite(p.ms)).toBe(true);
    expect(p.ms).toBeGreaterThanOrEqual(0);
    expect(p.count).toBeGreaterThan(0);
    expect(p.zh).not.toBe('');
    expect(p.en).not.toBe('');
    expect(p.memory.rss).toBeGreaterThanOrEqual(p.memory.startRss);
    expect(p.memory.heapUsed).toBeGreaterThan(0);
  }
  const withBytes: PhaseKey[] = ['generate', 'parse', 'write', 'csvUtf8', 'csvGb18030', 'inMemoryWrite'];
  for (const key of withBytes) expect(report.phases.find((p) => p.key === key)?.bytes).toBeGreaterThan(0);
  expect(report.phases.filter((p) => p.aside).map((p) => p.key)).toEqual(['generateValidation', 'generate', 'inMemoryWrite']);
});

test('the checks are computed from the phases as documented', () => {
  const { parse, readValidate, aggregate, write } = report.pipeline.phases;
  const c = report.checks;
  expect(c.endToEndMs).toBeCloseTo(readValidate.ms + aggregate.ms + write.ms, 6);
  expect(c.targetMs).toBeCloseTo(TARGET_PARSE_FACTOR * parse.ms + write.ms, 6);
  expect(c.withinTarget).toBe(c.endToEndMs <= c.targetMs);
  // The budget restates the target without the write: within it exactly when within the target.
  expect(c.budgetMs).toBeCloseTo((TARGET_PARSE_FACTOR - 1) * parse.ms, 6);
  expect(c.beyondParseMs).toBeCloseTo(readValidate.ms - parse.ms + aggregate.ms, 6);
  expect(c.beyondParseMs <= c.budgetMs + 1e-9).toBe(c.withinTarget);
  expect(c.aggregateWriteMs).toBeCloseTo(aggregate.ms + write.ms, 6);
  expect(c.withinMemory).toBe(c.writePeakRssMb < 1024);
  expect(c.peakRssMb).toBeGreaterThanOrEqual(c.writePeakRssMb);
  expect(computeChecks(report.pipeline, report.phases, report.inMemory?.phase)).toEqual(c);
  const s = report.inMemory?.phase;
  expect(s?.count).toBe(report.pipeline.rows.summary.total);
  expect(c.withInMemoryWrite?.endToEndMs).toBeCloseTo(readValidate.ms + aggregate.ms + (s?.ms ?? NaN), 6);
  expect(c.withInMemoryWrite?.withinTarget).toBe((c.withInMemoryWrite?.endToEndMs ?? NaN) <= (c.withInMemoryWrite?.targetMs ?? NaN));
});

test('the report prints every phase, the reconciliation and both verdicts; the JSON form carries the same phases', () => {
  const text = formatReport(report);
  for (const p of report.phases) {
    expect(text).toContain(p.zh);
    expect(text).toContain(p.en);
  }
  expect(text).toMatch(/行数核对 reconciliation: .* → OK/);
  expect(text).toMatch(/端到端 .* → (PASS|OVER)/);
  expect(text).toMatch(/余量 budget: the target leaves [\d,]+ ms .* they take -?[\d,]+ ms/);
  expect(text).toMatch(/写汇总表内存 .* → (PASS|OVER)/);
  expect(text).toContain('rows/s');
  const json = JSON.parse(JSON.stringify(report)) as BenchReport;
  expect(json.phases.map((p) => p.key)).toEqual(report.phases.map((p) => p.key));
  expect(json.environment.cpus).toBeGreaterThan(0);
  expect(json.environment.heapLimitMb).toBeGreaterThan(0);
  expect(json.options).toEqual({ files: FILES, rows: ROWS, validateRows: VALIDATE_ROWS, json: false, compareInMemory: true });
});

test('the validation rows are the same on every run (seeded)', async () => {
  const [a, b] = [await buildValidationCorpus(120), await buildValidationCorpus(120)];
  expect(b).toEqual(a);
  expect(TABLE_KEYS.reduce((n, t) => n + a.rows[t], 0)).toBe(120);
}, 60_000);
