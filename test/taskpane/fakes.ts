/**
 * Test doubles for what the task pane gets from outside React: a fake Excel host that records calls, and an
 * in-thread file processor that runs the worker's real functions (read, locate, validate, aggregate, CSV) on
 * real fixture files, minus the thread. Only the summary workbook is faked: exceljs's browser build does not load
 * under jsdom, and its output is checked in test/aggregate and by the real-browser test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../src/core/issues';
import type { Host, WorkbookCheck } from '../../src/taskpane/host';
import type { CsvOutput, FileProcessor } from '../../src/taskpane/processor';
import { aggregateResults, checkFiles, csvOutputs } from '../../src/taskpane/file-work';
import { FIXTURES } from '../shared-fixtures';

export { FIXTURES };

export const FIXTURE_FILES = {
  jiangsu: join(FIXTURES, '01-江苏省', '江苏省网络安全保险服务试点工作方案-附件2表格.xlsx'),
  guangdong: join(FIXTURES, '03-广东省', '广东省网络安全保险服务试点申报表（汇总）.xlsx'),
  xiamen: join(FIXTURES, '05-厦门市', '厦门市网络安全保险服务试点工作方案（服务机构版）表格.xlsx'),
  beijing: join(FIXTURES, '08-北京市', '北京市附件2表格（修改版）.xlsx'),
};

export function fixtureFile(path: string): File {
  return new File([readFileSync(path)], path.split('/').pop()!, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** jsdom's Blob has no arrayBuffer(); FileReader it has. */
function bytesOf(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export const FAKE_XLSX = new Uint8Array([0x50, 0x4b, 3, 4]);

export function inThreadProcessor() {
  const calls = { check: [] as string[][], csv: [] as { mask: boolean; encoding: string }[], workbook: [] as { mask: boolean }[] };
  const processor: FileProcessor = {
    async check(files, onProgress) {
      calls.check.push(files.map((f) => f.name));
      const results = [];
      onProgress(0, files.length);
      for (const f of files) {
        results.push(...checkFiles([{ name: f.name, bytes: await bytesOf(f) }]));
        onProgress(results.length, files.length);
      }
      return results;
    },
    aggregate: async (results) => aggregateResults(results),
    async summaryWorkbook(_summary, { mask }) {
      calls.workbook.push({ mask });
      return FAKE_XLSX;
    },
    async csvFiles(summary, { mask, encoding }): Promise<CsvOutput[]> {
      calls.csv.push({ mask, encoding });
      return csvOutputs(summary, mask, encoding);
    },
  };
  return { processor, calls };
}

export function issue(partial: Partial<Issue> & Pick<Issue, 'code' | 'cell'>): Issue {
  return {
    severity: 'error',
    table: 'targets',
    sheet: '表2 服务对象',
    message: `中文说明 ${partial.code}`,
    messageEn: `English note ${partial.code}`,
    ...partial,
  };
}

export const SAMPLE_ISSUES: Issue[] = [
  issue({ code: 'contact.email-invalid', cell: 'E11', value: 'xiongwei＠126.com/18214225453', fix: { value: 'xiongwei@126.com/18214225453', certain: true } }),
  issue({ code: 'category.not-in-vocabulary', table: 'agencies', sheet: '表1 服务机构', cell: 'C6', value: '保险经纪公司', fix: { value: '保险中介机构', certain: true } }),
  issue({ code: 'email.typo', severity: 'warning', cell: 'E12', value: 'a@163', fix: { value: 'a@163.com', certain: false } }),
  issue({ code: 'seq.gap', severity: 'warning', table: 'schemes', sheet: '表3 服务方案', cell: 'A5' }),
  issue({ code: 'required.missing', severity: 'error', table: 'targets', cell: 'D10' }),
];

export const SAMPLE_CHECK: WorkbookCheck = {
  issues: SAMPLE_ISSUES,
  tables: [
    { table: 'agencies', sheet: '表1 服务机构', headerRow: 2, rows: 5 },
    { table: 'targets', sheet: '表2 服务对象', headerRow: 2, rows: 10 },
    { table: 'schemes', sheet: '表3 服务方案', headerRow: 2, rows: 3 },
  ],
  marked: 5,
};

export function fakeHost(overrides: Partial<Host> = {}) {
  const live: { onResult?: (c: WorkbookCheck) => void; stopped: number } = { stopped: 0 };
  const host = {
    platform: 'OfficeOnline',
    insertTemplate: jest.fn(async (variant: string) => ({ sheets: variant === '附件2' ? ['表1 服务机构', '表2 服务对象', '表3 服务方案'] : ['表1 服务对象', '表2 服务方案'] })),
    checkWorkbook: jest.fn(async () => SAMPLE_CHECK),
    clearMarks: jest.fn(async () => 5),
    selectIssueCell: jest.fn(async () => undefined),
    applyFixes: jest.fn(async (issues: readonly Issue[]) => issues.length),
    watchChanges: jest.fn(async (onResult: (c: WorkbookCheck) => void, _onError: (e: unknown) => void, _options: { mark: boolean }) => {
      live.onResult = onResult;
      return () => {
        live.stopped++;
      };
    }),
    writeSummary: jest.fn(async (_s: unknown, { onProgress }: { onProgress: (d: number, t: number) => void }) => {
      onProgress(1, 3);
      onProgress(3, 3);
      return { sheets: ['说明', '服务机构', '服务对象', '服务方案', '统计', '问题清单'] };
    }),
    csvDelivery: jest.fn((): 'download' | 'sheet' => 'download'),
    writeCsvSheet: jest.fn(async (name: string, _rows: readonly (readonly string[])[]) => name),
  } satisfies Host;
  // Overrides replace members in place, so the mocks' types (and .mock) stay visible to the tests.
  Object.assign(host, overrides);
  return { host, live };
}
