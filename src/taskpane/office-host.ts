/**
 * Host backed by Office.js: each call is one Excel.run batch through the layer in src/office.
 * Loaded only inside Excel (index.tsx imports it on demand), so the browser's first load stays small.
 */
import { insertTemplate } from '../office/template';
import { applyFixes, checkWorkbook, clearMarks, selectIssueCell } from '../office/validate';
import { watchChanges } from '../office/live';
import { writeSummary } from '../office/summary';
import { csvDeliveryFor, writeCsvSheet } from '../office/export';
import type { Host } from './host';

const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);

export function createOfficeHost(): Host {
  const platform = String(Office.context.platform ?? '');
  return {
    platform,
    async insertTemplate(variant, { alongside }) {
      const r = await run((context) => insertTemplate(context, variant, { onExisting: alongside ? 'alongside' : 'refuse' }));
      return { sheets: [r.plan.form.sheet, ...r.plan.tables.map((t) => t.sheet)] };
    },
    checkWorkbook: ({ mark }) => run((context) => checkWorkbook(context, { mark })),
    clearMarks: () => run((context) => clearMarks(context)),
    selectIssueCell: (sheet, cell) => run((context) => selectIssueCell(context, sheet, cell)),
    applyFixes: (issues) => run((context) => applyFixes(context, issues)),
    async watchChanges(onResult, onError, { mark }) {
      const stop = await watchChanges(run, onResult, { onError, mark });
      return () => void stop().catch(onError);
    },
    async writeSummary(summary, { mask, onProgress }) {
      const r = await run((context) => writeSummary(context, summary, { mask, onProgress }));
      return { sheets: r.sheets };
    },
    csvDelivery: () => csvDeliveryFor(platform),
    writeCsvSheet: (name, rows) => run((context) => writeCsvSheet(context, name, rows)),
  };
}
