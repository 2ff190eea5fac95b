/**
 * The summary workbook through exceljs's streaming writer (Node only): the same workbook as src/xlsx/summary.ts
 * — same sheets in order, same Excel tables, frozen headers, widths, text formats, range dropdowns, very-hidden
 * lists sheet with defined names, masking — without holding a cell object per value. Each data row is turned
 * into XML and handed to the zip as it is written; the only whole-file buffer is the compressed output.
 *
 * exceljs's WorksheetWriter has no addTable, so the tables are written here, in the same single pass:
 * - the table part (xl/tables/tableN.xml, with its autofilter, columns = the header cells, TableStyleMedium2)
 *   is appended to the zip;
 * - the sheet's relationship to it goes through the sheet's own rels writer (the one exceljs uses for
 *   hyperlinks), so the rIds never collide;
 * - <tableParts> is written just before </worksheet> (everything exceljs writes comes before it; no extLst);
 * - [Content_Types].xml gets one Override per table when exceljs appends it at commit.
 * These three hooks use exceljs 4.4 internals (`zip`, `_sheetRelsWriter`, `_writeCloseWorksheet`); they are
 * checked at run time and fail loudly, never silently dropping a table, if a later exceljs changes them.
 *
 * No sheet carries a sheet-level autofilter: each table has its own.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import {
  ISSUE_COLUMNS,
  issueRowValues,
  jointApplicantColumns,
  jointApplicantRowValues,
  summaryColumns,
  summaryRowValues,
  type CellValue,
  type SummaryColumn,
} from '../core/aggregate/columns';
import type { Summary } from '../core/aggregate/types';
import { TABLE_KEYS, type VocabularyKey } from '../core/notice/tables';
import {
  addListValidations,
  cellValue,
  frozenHeaderViews,
  setUpColumns,
  styleHeaderRow,
  SUMMARY_SHEETS,
  SUMMARY_TABLE_NAMES,
  TABLE_STYLE,
  writeCover,
  writeListColumn,
  writeStatistics,
  type BlockTableWriter,
  type DropdownLists,
  type SummaryWriteOptions,
} from './summary';
import { TABLE_REL_TYPE, tablePartsXml, tablePartXml, withTableContentTypes } from './table-part';
import { dropdownFor, type DropdownList } from './template-lists';

/** Rows between two yields to the event loop, so the zip compresses as we go instead of buffering a sheet. */
const YIELD_EVERY = 1000;

type ZipSource = string | Buffer | NodeJS.ReadableStream;
interface ZipInternals {
  append(source: ZipSource, data: { name: string }): unknown;
}
interface SheetInternals {
  readonly _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeCloseWorksheet(): void;
  _write(text: string): void;
}

function internalsError(what: string): Error {
  return new Error(`exceljs streaming writer internals changed (${what}): the summary's Excel tables cannot be written`);
}

/** The tables of one streamed workbook: parts, relationships, <tableParts>, content types. */
class StreamTables {
  private readonly ids: number[] = [];
  private readonly bySheet = new Map<ExcelJS.Worksheet, string[]>();
  private contentTypesPatched = false;
  private readonly zip: ZipInternals;

  constructor(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
    const zip = (wb as unknown as { zip?: ZipInternals }).zip;
    if (!zip || typeof zip.append !== 'function') throw internalsError('zip');
    this.zip = zip;
    const append = zip.append.bind(zip);
    zip.append = (source: ZipSource, data: { name: string }) => {
      if (/^\/?\[Content_Types\]\.xml$/.test(data.name) && typeof source === 'string') {
        this.contentTypesPatched = true;
        return append(withTableContentTypes(source, this.ids), data);
      }
      return append(source, data);
    };
  }

  /** Declare a table on a sheet that is still open (before its commit). */
  add(sheet: ExcelJS.Worksheet, name: string, headerRow: number, columns: readonly string[], dataRows: number): void {
    const s = sheet as unknown as Partial<SheetInternals>;
    if (typeof s._sheetRelsWriter?.addRelationship !== 'function' || typeof s._writeCloseWorksheet !== 'function' || typeof s._write !== 'function') {
      throw internalsError('WorksheetWriter');
    }
    const id = this.ids.length + 1;
    const xml = tablePartXml({ id, name, headerRow, columns, dataRows, style: { theme: TABLE_STYLE.theme, showRowStripes: TABLE_STYLE.showRowStripes } });
    const relId = s._sheetRelsWriter.addRelationship({ Type: TABLE_REL_TYPE, Target: `../tables/table${id}.xml` });
    this.ids.push(id);
    this.zip.append(xml, { name: `xl/tables/table${id}.xml` });
    let relIds = this.bySheet.get(sheet);
    if (!relIds) {
      const ids: string[] = (relIds = []);
      this.bySheet.set(sheet, ids);
      const close = s._writeCloseWorksheet.bind(sheet);
      const write = s._write.bind(sheet);
      s._writeCloseWorksheet = () => {
        write(tablePartsXml(ids));
        close();
      };
    }
    relIds.push(relId);
  }

  /** After commit: every table made it into the content types. */
  verify(): void {
    if (this.ids.length && !this.contentTypesPatched) throw internalsError('[Content_Types].xml');
  }
}

/** The lists sheet's columns in first-use order, written as the last sheet once the data sheets are done. */
class DeferredLists implements DropdownLists {
  readonly lists = new Map<VocabularyKey, DropdownList>();

  get(key: VocabularyKey): DropdownList {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = dropdownFor(key)));
    return list;
  }
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface StreamSheetSpec {
  readonly name: string;
  readonly tableName: string;
  readonly columns: readonly SummaryColumn[];
  readonly count: number;
  readonly rows: Iterable<CellValue[]>;
  readonly lists?: DropdownLists;
}

/** A data sheet: one table from A1 over header + rows, each row committed (written and dropped) as it comes. */
async function streamTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, tables: StreamTables, spec: StreamSheetSpec, mask: boolean): Promise<void> {
  const { columns } = spec;
  const sheet = wb.addWorksheet(spec.name, { views: frozenHeaderViews() });
  setUpColumns(sheet, columns);
  const header = sheet.addRow(columns.map((c) => c.header));
  styleHeaderRow(header);
  header.commit();
  let n = 0;
  for (const r of spec.rows) {
    sheet.addRow(r.map((v) => cellValue(v, mask))).commit();
    if (++n % YIELD_EVERY === 0) await nextTick();
  }
  if (n !== spec.count) throw new Error(`${spec.name}: ${n} rows written, ${spec.count} expected`);
  // Excel wants at least one data row in a table: an empty summary gets one blank row (as the in-memory writer).
  if (n === 0) sheet.addRow(columns.map(() => null)).commit();
  tables.add(sheet, spec.tableName, 1, columns.map((c) => c.header), n);
  if (spec.lists) addListValidations(sheet, columns, Math.max(n, 1) + 1, spec.lists);
  sheet.commit();
  await nextTick();
}

function* mapped<T>(items: readonly T[], f: (item: T) => CellValue[]): Generator<CellValue[]> {
  for (const item of items) yield f(item);
}

/**
 * Write the summary workbook to `stream` (a file, a socket, a buffer) with the streaming writer; resolves when
 * the stream has finished. The stream is ended by the writer.
 */
export async function writeSummaryWorkbookToStream(summary: Summary, stream: Writable, options: SummaryWriteOptions = {}): Promise<void> {
  const mask = !!options.mask;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Pilot Tables 试点表格助手';
  wb.created = new Date(summary.generatedAt);
  const tables = new StreamTables(wb);
  const lists = new DeferredLists();

  // Sheets are created in order and each is committed before the next is created: a zip entry left open
  // would make every later entry wait in memory.
  const cover = wb.addWorksheet(SUMMARY_SHEETS.cover);
  const blockTable: BlockTableWriter = (sheet, name, headerRow, header, rows) => {
    header.forEach((h, j) => (sheet.getCell(headerRow, j + 1).value = h));
    rows.forEach((r, i) => r.forEach((v, j) => (sheet.getCell(headerRow + 1 + i, j + 1).value = v)));
    tables.add(sheet, name, headerRow, header, rows.length);
  };
  writeCover(cover, summary, mask, blockTable);
  cover.commit();

  for (const t of TABLE_KEYS) {
    const columns = summaryColumns(t);
    await streamTableSheet(
      wb,
      tables,
      { name: SUMMARY_SHEETS[t], tableName: SUMMARY_TABLE_NAMES[t], columns, count: summary.rows[t].length, rows: mapped(summary.rows[t], (r) => summaryRowValues(r, columns)), lists },
      mask,
    );
  }

  const jointColumns = jointApplicantColumns();
  await streamTableSheet(
    wb,
    tables,
    {
      name: SUMMARY_SHEETS.jointApplicants,
      tableName: SUMMARY_TABLE_NAMES.jointApplicants,
      columns: jointColumns,
      count: summary.jointApplicants.length,
      rows: mapped(summary.jointApplicants, (r) => jointApplicantRowValues(r, jointColumns)),
    },
    mask,
  );

  const stats = wb.addWorksheet(SUMMARY_SHEETS.statistics);
  writeStatistics(stats, summary, mask);
  stats.commit();

  await streamTableSheet(
    wb,
    tables,
    { name: SUMMARY_SHEETS.issues, tableName: SUMMARY_TABLE_NAMES.issues, columns: ISSUE_COLUMNS, count: summary.issues.length, rows: mapped(summary.issues, issueRowValues) },
    mask,
  );

  const listSheet = wb.addWorksheet(SUMMARY_SHEETS.lists, { state: 'veryHidden' });
  [...lists.lists.values()].forEach((list, i) => writeListColumn(listSheet, wb.definedNames, i + 1, list));
  listSheet.commit();

  await wb.commit();
  tables.verify();
}

/** The summary workbook as .xlsx bytes, written with the streaming writer (only the compressed bytes are held). */
export async function writeSummaryWorkbookStreamed(summary: Summary, options: SummaryWriteOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeSummaryWorkbookToStream(summary, sink, options);
  return Buffer.concat(chunks);
}
