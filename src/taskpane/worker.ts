/**
 * The task pane's Web Worker: all .xlsx work happens here so the pane stays responsive on 30-40 regional files
 * and the xlsx libraries stay out of the first load. SheetJS comes with this chunk (every request reads files);
 * exceljs and iconv-lite are imported only when a summary workbook or GB18030 CSV is asked for.
 */
import { aggregate } from '../core/aggregate/aggregate';
import { summaryCsvFiles } from '../core/csv/export';
import { normalizeRow } from '../core/rules/normalize-row';
import { checkFile, type FileResult } from '../xlsx/check';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

// The project compiles against the DOM library; this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
};

async function checkAll(id: number, files: readonly File[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  scope.postMessage({ id, kind: 'progress', done: 0, total: files.length });
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    results.push(checkFile(bytes, file.name));
    scope.postMessage({ id, kind: 'progress', done: results.length, total: files.length });
  }
  return results;
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.kind) {
    case 'check':
      scope.postMessage({ id: req.id, kind: 'check', results: await checkAll(req.id, req.files) });
      return;
    case 'aggregate': {
      const inputs = req.results.map((r) => ({ file: r.file, submission: r.submission, issues: r.issues, error: r.error }));
      scope.postMessage({ id: req.id, kind: 'aggregate', summary: aggregate(inputs, { normalizeRow }) });
      return;
    }
    case 'summaryWorkbook': {
      const { writeSummaryWorkbook } = await import(/* webpackChunkName: "exceljs-summary" */ '../xlsx/summary');
      const bytes = await writeSummaryWorkbook(req.summary, { mask: req.mask });
      scope.postMessage({ id: req.id, kind: 'summaryWorkbook', bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'csvFiles': {
      const { encodeCsv } = await import(/* webpackChunkName: "csv-encode" */ '../xlsx/csv-encode');
      const files = summaryCsvFiles(req.summary, { mask: req.mask }).map((f) => ({ name: f.name, text: f.text, bytes: encodeCsv(f.text, req.encoding) }));
      scope.postMessage({ id: req.id, kind: 'csvFiles', files });
      return;
    }
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  handle(req).catch((e: unknown) => scope.postMessage({ id: req.id, kind: 'error', message: e instanceof Error ? e.message : String(e) }));
};
