/**
 * Peak memory per bench phase. RSS is sampled every `intervalMs` by a worker thread, because the phases that
 * matter (building the summary workbook, parsing) are long synchronous stretches during which a timer on the
 * main thread never fires; RSS is process-wide, so the worker sees the main thread's allocations. The main
 * thread's V8 heap can only be read on the main thread: it is sampled by a timer (when the event loop is free,
 * e.g. while exceljs zips) and at every phase end, so its peak is a lower bound.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

export const MB = 1024 * 1024;

export interface MemoryPeak {
  /** RSS when the phase started, bytes (the peak minus this is what the phase added). */
  readonly startRss: number;
  /** Highest resident set size seen during the phase, bytes. */
  readonly rss: number;
  /** Highest main-thread heap used seen during the phase, bytes. */
  readonly heapUsed: number;
}

// Plain JS, run with eval: the compiled bench and ts-jest both load it without a separate file.
// Slot 0 holds the running RSS peak; the worker only raises it (compare-and-swap), the main thread resets it.
const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData.buffer);
const sample = () => {
  const rss = BigInt(process.memoryUsage.rss());
  for (;;) {
    const cur = Atomics.load(peak, 0);
    if (rss <= cur || Atomics.compareExchange(peak, 0, cur, rss) === cur) break;
  }
};
sample();
setInterval(sample, workerData.intervalMs);
`;

export class MemorySampler {
  private readonly peak: BigInt64Array;
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private heapPeak = 0;
  private startRss = 0;

  constructor(readonly intervalMs = 50) {
    const buffer = new SharedArrayBuffer(8);
    this.peak = new BigInt64Array(buffer);
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
    // Neither the worker nor the timer may keep the process alive if a caller forgets stop().
    this.worker.unref();
    this.timer = setInterval(() => this.sampleMain(), intervalMs);
    this.timer.unref();
    this.reset();
  }

  /** Start a new phase: the peaks restart from the current usage. */
  reset(): void {
    const m = process.memoryUsage();
    Atomics.store(this.peak, 0, BigInt(m.rss));
    this.heapPeak = m.heapUsed;
    this.startRss = m.rss;
  }

  /** The peaks since the last reset, with a main-thread sample taken now (the phase's end state). */
  read(): MemoryPeak {
    this.sampleMain();
    return { startRss: this.startRss, rss: Number(Atomics.load(this.peak, 0)), heapUsed: this.heapPeak };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.worker.terminate();
  }

  private sampleMain(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heapPeak) this.heapPeak = m.heapUsed;
    const rss = BigInt(m.rss);
    if (rss > Atomics.load(this.peak, 0)) Atomics.store(this.peak, 0, rss);
  }
}

let gcFn: (() => void) | undefined;

/**
 * A full collection between phases, so one phase's garbage is not counted in the next. `npm run bench` starts
 * node without --expose-gc; V8 lets the flag be set at run time and a fresh context then sees `gc`.
 */
export function collectGarbage(): void {
  if (!gcFn) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) gcFn = existing;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}
