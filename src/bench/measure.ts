/**
 * One bench phase: its duration, what it processed and the memory it peaked at. Every figure the bench prints
 * is a Phase, so the report, the JSON and the test read one shape.
 */
import { collectGarbage, type MemoryPeak, type MemorySampler } from './memory';

export type PhaseKey = 'generateValidation' | 'validate' | 'generate' | 'parse' | 'readValidate' | 'aggregate' | 'write' | 'csvUtf8' | 'csvGb18030' | 'inMemoryWrite';

export interface Phase {
  readonly key: PhaseKey;
  /** Chinese label, then English. */
  readonly zh: string;
  readonly en: string;
  readonly ms: number;
  /** What the phase processed, e.g. 100000 rows or 36 files. */
  readonly count: number;
  readonly unit: 'rows' | 'files';
  /** Output size, for phases that produce bytes. */
  readonly bytes?: number;
  readonly memory: MemoryPeak;
  /** Not part of the pipeline being measured (generation, comparisons). */
  readonly aside?: boolean;
}

export interface Timed<T> {
  readonly value: T;
  readonly ms: number;
  readonly memory: MemoryPeak;
}

/** Run `fn` after a full GC with fresh memory peaks; time it with the monotonic clock. */
export async function measure<T>(sampler: MemorySampler, fn: () => T | Promise<T>): Promise<Timed<T>> {
  collectGarbage();
  sampler.reset();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  return { value, ms, memory: sampler.read() };
}
