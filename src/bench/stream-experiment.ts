/**
 * Experiment, bench only: the same data sheets (服务机构, 服务对象, 服务方案, 问题清单) written with exceljs's
 * streaming writer (stream.xlsx.WorkbookWriter), to put a figure on the trade-off issue 4 names. The streaming
 * writer cannot write Excel tables (no addTable), so its sheets carry an autofilter, frozen header, widths and
 * text formats only; cover, statistics and dropdowns are left out (they are small). src/xlsx/summary.ts is not
 * changed by this.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { ISSUE_COLUMNS, issueRowValues, summaryColumns, summaryRowValues, type CellValue, type SummaryColumn } from '../core/aggregate/columns';
import type { Summary } from '../core/aggregate/types';
import { TABLE_KEYS, TABLES } from '../core/notice/tables';
import type { MemorySampler } from './memory';
import { measure, type Phase } from './measure';

export interface StreamingFigures {
  readonly phase: Phase;
  readonly sheets: number;
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly SummaryColumn[], rows: Iterable<CellValue[]>): number {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  for (const r of rows) {
    // Each row goes to the zip as soon as it is committed: only the current row is held.
    ws.addRow(r.map((v) => (v === '' ? null : v))).commit();
    n++;
  }
  ws.commit();
  return n;
}

/** The data sheets through the streaming writer, into memory (as writeSummaryWorkbook returns its bytes). */
export async function streamDataSheets(summary: Summary): Promise<{ bytes: number; rows: number; sheets: number }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  let rows = 0;
  for (const t of TABLE_KEYS) {
    const columns = summaryColumns(t);
    rows += addSheet(wb, TABLES[t].shortName, columns, (function* () {
      for (const r of summary.rows[t]) yield summaryRowValues(r, columns);
    })());
  }
  addSheet(wb, '问题清单', ISSUE_COLUMNS, (function* () {
    for (const i of summary.issues) yield issueRowValues(i);
  })());
  await wb.commit();
  await finished;
  return { bytes: chunks.reduce((a, c) => a + c.byteLength, 0), rows, sheets: TABLE_KEYS.length + 1 };
}

export async function benchStreamingWrite(sampler: MemorySampler, summary: Summary): Promise<StreamingFigures> {
  const run = await measure(sampler, () => streamDataSheets(summary));
  return {
    sheets: run.value.sheets,
    phase: {
      key: 'streamWrite',
      zh: '实验：流式写入',
      en: 'Experiment: streaming write',
      ms: run.ms,
      count: run.value.rows,
      unit: 'rows',
      bytes: run.value.bytes,
      memory: run.memory,
      aside: true,
    },
  };
}
