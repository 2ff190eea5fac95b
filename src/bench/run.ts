/**
 * The whole bench as one function (main.ts prints it; the test runs it at a tiny size): validation throughput,
 * then the file pipeline, then the checks against issue 4's targets.
 */
import { computeChecks, type Checks } from './checks';
import { benchInMemoryWrite, type InMemoryWriteFigures } from './in-memory-write';
import type { Phase } from './measure';
import { MB, MemorySampler } from './memory';
import type { BenchOptions } from './options';
import { benchPipeline, type PipelineFigures } from './pipeline';
import { benchValidation, type ValidationFigures } from './validate-bench';

export interface BenchReport {
  readonly options: BenchOptions;
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly arch: string;
    readonly cpus: number;
    /** V8's heap limit, MB: the in-memory summary write (the comparison) needs a large share of it. */
    readonly heapLimitMb: number;
    /** 1-minute load average before and after the run: other work on the machine skews every figure. */
    readonly loadAverage: { readonly before: number; readonly after: number };
  };
  readonly validation: ValidationFigures;
  readonly pipeline: PipelineFigures;
  /** The in-memory writer on the same summary, when compared. */
  readonly inMemory?: InMemoryWriteFigures;
  /** Every phase in the order it ran. */
  readonly phases: readonly Phase[];
  readonly checks: Checks;
}

export async function runBench(options: BenchOptions, progress: (line: string) => void = () => undefined): Promise<BenchReport> {
  const { availableParallelism, loadavg } = await import('node:os');
  const { getHeapStatistics } = await import('node:v8');
  const loadBefore = loadavg()[0];
  const sampler = new MemorySampler(50);
  try {
    progress(`校验吞吐 validation throughput: generating ${options.validateRows} rows …`);
    const validation = await benchValidation(sampler, options.validateRows);
    progress(`文件流程 file pipeline: generating ${options.files} workbooks × 3 tables × ${options.rows} rows …`);
    const { figures: pipeline, summary } = await benchPipeline(sampler, options.files, options.rows, progress);
    let inMemory: InMemoryWriteFigures | undefined;
    if (options.compareInMemory) {
      progress('对比 comparison: in-memory writer …');
      inMemory = await benchInMemoryWrite(sampler, summary);
    }
    const phases: Phase[] = [validation.generation, validation.phase, ...Object.values(pipeline.phases), ...(inMemory ? [inMemory.phase] : [])];
    return {
      options,
      environment: {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        cpus: availableParallelism(),
        heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / MB),
        loadAverage: { before: loadBefore, after: loadavg()[0] },
      },
      validation,
      pipeline,
      ...(inMemory ? { inMemory } : {}),
      phases,
      checks: computeChecks(pipeline, phases, inMemory?.phase),
    };
  } finally {
    await sampler.stop();
  }
}
