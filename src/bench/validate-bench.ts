/**
 * Validation throughput: generated rows through validateSubmission, nothing else timed. Generation is done first
 * and reported as its own (aside) figure.
 */
import { countBySeverity, type Severity } from '../core/issues';
import { TABLE_KEYS, type TableKey } from '../core/notice/tables';
import { validateSubmission } from '../core/rules/validate';
import type { MemorySampler } from './memory';
import { measure, type Phase } from './measure';
import { buildValidationCorpus } from './validation-corpus';

export interface ValidationFigures {
  readonly phase: Phase;
  readonly generation: Phase;
  readonly submissions: number;
  /** Rows asked for, rows generated, rows the validator walked (all three must agree). */
  readonly rowsRequested: number;
  readonly rowsGenerated: number;
  readonly rowsValidated: number;
  readonly rowsByTable: Readonly<Record<TableKey, number>>;
  readonly issues: Readonly<Record<Severity, number>>;
  readonly rowsPerSecond: number;
}

export async function benchValidation(sampler: MemorySampler, rows: number): Promise<ValidationFigures> {
  const gen = await measure(sampler, () => buildValidationCorpus(rows));
  const corpus = gen.value;
  const rowsGenerated = TABLE_KEYS.reduce((a, t) => a + corpus.rows[t], 0);
  // The rows the validator is handed, counted from the submissions themselves rather than the generator's tally.
  const rowsValidated = corpus.submissions.reduce((a, s) => a + TABLE_KEYS.reduce((b, t) => b + (s.tables[t]?.rows.length ?? 0), 0), 0);

  const run = await measure(sampler, () => corpus.submissions.map((s) => validateSubmission(s)));
  const issues = countBySeverity(run.value.flat());
  const phase: Phase = { key: 'validate', zh: '校验吞吐', en: 'Validation throughput', ms: run.ms, count: rowsValidated, unit: 'rows', memory: run.memory };
  const generation: Phase = {
    key: 'generateValidation',
    zh: '生成校验行',
    en: 'Generate validation rows',
    ms: gen.ms,
    count: rowsGenerated,
    unit: 'rows',
    memory: gen.memory,
    aside: true,
  };
  return {
    phase,
    generation,
    submissions: corpus.submissions.length,
    rowsRequested: rows,
    rowsGenerated,
    rowsValidated,
    rowsByTable: corpus.rows,
    issues,
    rowsPerSecond: run.ms > 0 ? (rowsValidated / run.ms) * 1000 : 0,
  };
}
