/**
 * Comparison, bench only: the same summary workbook written by the in-memory writer (src/xlsx/summary.ts:
 * an exceljs Workbook holding every cell, then writeBuffer) — the task pane's path in the browser, and the
 * CLI's before the streaming writer. Printed next to THE write (the streaming writer) so that the gap stays
 * visible; not part of the measured pipeline.
 */
import type { Summary } from '../core/aggregate/types';
import { TABLE_KEYS } from '../core/notice/tables';
import { writeSummaryWorkbook } from '../xlsx/summary';
import type { MemorySampler } from './memory';
import { measure, type Phase } from './measure';

export interface InMemoryWriteFigures {
  readonly phase: Phase;
}

export async function benchInMemoryWrite(sampler: MemorySampler, summary: Summary): Promise<InMemoryWriteFigures> {
  const run = await measure(sampler, () => writeSummaryWorkbook(summary));
  return {
    phase: {
      key: 'inMemoryWrite',
      zh: '对比：内存写入',
      en: 'Comparison: in-memory write',
      ms: run.ms,
      count: TABLE_KEYS.reduce((a, t) => a + summary.rows[t].length, 0),
      unit: 'rows',
      bytes: run.value.byteLength,
      memory: run.memory,
      aside: true,
    },
  };
}
