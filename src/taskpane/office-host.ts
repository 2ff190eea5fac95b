/**
 * Host backed by Office.js: each call is one Excel.run batch through the layer in src/office.
 * Loaded only inside Excel (index.tsx imports it on demand).
 */
import { insertTemplate } from '../office/template';
import { OfficeFeatureError } from '../office/requirements';
import type { Host } from './host';

const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);

function pending(feature: string, featureEn: string): never {
  throw new OfficeFeatureError('taskpane.not-wired', `「${feature}」在此版本中尚未接入 Excel。`, `"${featureEn}" is not wired to Excel in this build.`);
}

export function createOfficeHost(): Host {
  const platform = String(Office.context.platform ?? '');
  return {
    platform,
    async insertTemplate(variant, { alongside }) {
      const r = await run((context) => insertTemplate(context, variant, { onExisting: alongside ? 'alongside' : 'refuse' }));
      return { sheets: r.plan.tables.map((t) => t.sheet) };
    },
    checkWorkbook: async () => pending('校验', 'Validate'),
    clearMarks: async () => pending('清除标记', 'Clear marks'),
    selectIssueCell: async () => pending('定位', 'Go to cell'),
    applyFixes: async () => pending('应用修复', 'Apply fixes'),
    watchChanges: async () => pending('实时校验', 'Live validation'),
    writeSummary: async () => pending('汇总', 'Aggregate'),
    // Excel for Mac blocks Blob downloads from the pane.
    csvDelivery: () => (platform === 'Mac' ? 'sheet' : 'download'),
    writeCsvSheet: async () => pending('导出CSV', 'Export CSV'),
  };
}
