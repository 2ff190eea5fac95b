/**
 * The task pane's Web Worker: all .xlsx work happens here so the pane stays responsive on 30-40 regional files
 * and the xlsx libraries stay out of the first load (SheetJS comes with this chunk; exceljs and iconv-lite
 * follow on demand, see file-work.ts).
 */
import type { FileResult } from '../xlsx/check';
import { aggregateResults, checkFiles, csvOutputs, summaryWorkbookBytes } from './file-work';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

// The project compiles against the DOM library; this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
};

async function checkAll(id: number, files: readonly File[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  scope.postMessage({ id, kind: 'progress', done: 0, total: files.length });
  // One at a time, reporting after each: a progress bar that moves, and one file's bytes in memory at once.
  for (const file of files) {
    results.push(...checkFiles([{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }]));
    scope.postMessage({ id, kind: 'progress', done: results.length, total: files.length });
  }
  return results;
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.kind) {
    case 'check':
      scope.postMessage({ id: req.id, kind: 'check', results: await checkAll(req.id, req.files) });
      return;
    case 'aggregate':
      scope.postMessage({ id: req.id, kind: 'aggregate', summary: aggregateResults(req.results) });
      return;
    case 'summaryWorkbook': {
      const bytes = await summaryWorkbookBytes(req.summary, req.mask);
      scope.postMessage({ id: req.id, kind: 'summaryWorkbook', bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'csvFiles':
      scope.postMessage({ id: req.id, kind: 'csvFiles', files: await csvOutputs(req.summary, req.mask, req.encoding) });
      return;
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  handle(req).catch((e: unknown) => scope.postMessage({ id: req.id, kind: 'error', message: e instanceof Error ? e.message : String(e) }));
};
