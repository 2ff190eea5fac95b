/**
 * Issue 4's targets, computed from the phases. They are reported (PASS / OVER), never asserted: timings depend
 * on the machine, so no test and no exit code rests on them.
 *
 * "Aggregation of 36 files must stay within 1.5× the bare parse time plus the summary write" is read end to end:
 * aggregating files means reading and validating them, then merging, then writing, so
 *   read+validate + aggregate + write ≤ 1.5 × bare parse + write,
 * i.e. everything except the write may cost at most half a bare parse more than the bare parse.
 */
import { MB } from './memory';
import type { Phase } from './measure';
import type { PipelineFigures } from './pipeline';

export const TARGET_PARSE_FACTOR = 1.5;
export const WRITE_MEMORY_LIMIT_MB = 1024;

export interface Checks {
  /** read+validate ÷ bare parse. */
  readonly overheadRatio: number;
  readonly aggregateWriteMs: number;
  /** read+validate + aggregate + write. */
  readonly endToEndMs: number;
  /** 1.5 × bare parse + write. */
  readonly targetMs: number;
  /** What the target leaves beyond parsing for locating, validating and merging: (1.5 − 1) × bare parse. */
  readonly budgetMs: number;
  /** What they take: read+validate − bare parse + aggregate (the write cancels out of the target). */
  readonly beyondParseMs: number;
  readonly withinTarget: boolean;
  readonly writePeakRssMb: number;
  readonly writePeakHeapMb: number;
  /** RSS the write added over where it started. */
  readonly writeRssGrowthMb: number;
  readonly withinMemory: boolean;
  /** Highest RSS and heap over every phase, generation included. */
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  /** The same two checks with the in-memory writer standing in for the summary write, when it was compared. */
  readonly withInMemoryWrite?: { readonly endToEndMs: number; readonly targetMs: number; readonly withinTarget: boolean; readonly peakRssMb: number; readonly withinMemory: boolean };
}

export function computeChecks(p: PipelineFigures, allPhases: readonly Phase[], inMemoryWrite?: Phase): Checks {
  const { parse, readValidate, aggregate, write } = p.phases;
  const endToEndMs = readValidate.ms + aggregate.ms + write.ms;
  const targetMs = TARGET_PARSE_FACTOR * parse.ms + write.ms;
  const writePeakRssMb = write.memory.rss / MB;
  return {
    overheadRatio: parse.ms > 0 ? readValidate.ms / parse.ms : 0,
    aggregateWriteMs: aggregate.ms + write.ms,
    endToEndMs,
    targetMs,
    budgetMs: (TARGET_PARSE_FACTOR - 1) * parse.ms,
    beyondParseMs: readValidate.ms - parse.ms + aggregate.ms,
    withinTarget: endToEndMs <= targetMs,
    writePeakRssMb,
    writePeakHeapMb: write.memory.heapUsed / MB,
    writeRssGrowthMb: (write.memory.rss - write.memory.startRss) / MB,
    withinMemory: writePeakRssMb < WRITE_MEMORY_LIMIT_MB,
    peakRssMb: Math.max(...allPhases.map((x) => x.memory.rss)) / MB,
    peakHeapMb: Math.max(...allPhases.map((x) => x.memory.heapUsed)) / MB,
    ...(inMemoryWrite
      ? {
          withInMemoryWrite: {
            endToEndMs: readValidate.ms + aggregate.ms + inMemoryWrite.ms,
            targetMs: TARGET_PARSE_FACTOR * parse.ms + inMemoryWrite.ms,
            withinTarget: readValidate.ms + aggregate.ms + inMemoryWrite.ms <= TARGET_PARSE_FACTOR * parse.ms + inMemoryWrite.ms,
            peakRssMb: inMemoryWrite.memory.rss / MB,
            withinMemory: inMemoryWrite.memory.rss / MB < WRITE_MEMORY_LIMIT_MB,
          },
        }
      : {}),
  };
}
