/**
 * FileProcessor backed by the Web Worker. The worker is started on first use, so opening the pane downloads
 * nothing of the xlsx libraries. Kept apart from the components because `import.meta.url` is webpack-only.
 */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import type { CsvOutput, FileProcessor } from './processor';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void };

// Distributes WorkerRequest over its variants so each call site keeps its own fields.
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export function createWorkerProcessor(): FileProcessor {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function start(): Worker {
    if (worker) return worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url));
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.kind === 'progress') return p.onProgress?.(msg.done, msg.total);
      pending.delete(msg.id);
      if (msg.kind === 'error') p.reject(new Error(msg.message));
      else p.resolve(msg);
    };
    w.onerror = (event) => {
      // A worker that failed to load or crashed answers nothing more: fail everything waiting, start afresh next time.
      for (const p of pending.values()) p.reject(new Error(event.message || 'worker failed'));
      pending.clear();
      w.terminate();
      worker = undefined;
    };
    worker = w;
    return w;
  }

  function call(body: RequestBody, onProgress?: Pending['onProgress']): Promise<WorkerResponse> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      start().postMessage({ ...body, id });
    });
  }

  return {
    async check(files, onProgress) {
      const r = await call({ kind: 'check', files }, onProgress);
      if (r.kind !== 'check') throw new Error(`unexpected ${r.kind}`);
      return r.results;
    },
    async aggregate(results: readonly FileResult[]) {
      const r = await call({ kind: 'aggregate', results });
      if (r.kind !== 'aggregate') throw new Error(`unexpected ${r.kind}`);
      return r.summary;
    },
    async summaryWorkbook(summary: Summary, { mask }) {
      const r = await call({ kind: 'summaryWorkbook', summary, mask });
      if (r.kind !== 'summaryWorkbook') throw new Error(`unexpected ${r.kind}`);
      return r.bytes;
    },
    async csvFiles(summary, { mask, encoding }): Promise<CsvOutput[]> {
      const r = await call({ kind: 'csvFiles', summary, mask, encoding });
      if (r.kind !== 'csvFiles') throw new Error(`unexpected ${r.kind}`);
      return r.files;
    },
  };
}
