/**
 * An Excel table as its own package part (xl/tables/tableN.xml), the worksheet's <tableParts> element and the
 * [Content_Types].xml overrides: what exceljs's in-memory writer emits for addTable, written as text for the
 * streamed summary writer (which has no addTable). Pure strings, no Node imports.
 */
import { colLetter } from './template-lists';

export const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
export const TABLE_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

export interface TablePart {
  /** Unique in the workbook, from 1; also the part's file name (table<id>.xml). */
  readonly id: number;
  /** Table name = display name (ASCII, unique, not a cell reference). */
  readonly name: string;
  /** 1-based row of the header; the table starts in column A. */
  readonly headerRow: number;
  /** Header cells, written exactly so in the sheet: unique (case-insensitive), non-empty. */
  readonly columns: readonly string[];
  /** Data rows under the header (at least 1: Excel wants one, an empty table gets a blank row). */
  readonly dataRows: number;
  readonly style: { readonly theme: string; readonly showRowStripes: boolean };
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F]/;

/** A1:P55 for the table. */
export function tableRef(t: Pick<TablePart, 'headerRow' | 'columns' | 'dataRows'>): string {
  return `A${t.headerRow}:${colLetter(t.columns.length)}${t.headerRow + Math.max(1, t.dataRows)}`;
}

/** Throws when Excel would "repair" the table: a bad name, no columns, an empty, odd or repeated header. */
export function checkTablePart(t: TablePart): void {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name) || /^[RrCc]$/.test(t.name)) {
    throw new Error(`invalid table name ${t.name}`);
  }
  if (t.columns.length === 0) throw new Error(`table ${t.name} has no columns`);
  const seen = new Set<string>();
  for (const c of t.columns) {
    // Excel escapes line breaks in column names as _x000a_; none of ours has one, so none is allowed.
    if (c.trim() === '' || CONTROL.test(c)) throw new Error(`table ${t.name}: invalid column name ${JSON.stringify(c)}`);
    const key = c.toLowerCase();
    if (seen.has(key)) throw new Error(`table ${t.name}: duplicate column name ${c}`);
    seen.add(key);
  }
}

/** xl/tables/table<id>.xml: the table, its own autofilter over the same range, one tableColumn per header cell. */
export function tablePartXml(t: TablePart): string {
  checkTablePart(t);
  const ref = tableRef(t);
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlAttr(c)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${t.id}" name="${t.name}" displayName="${t.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${xmlAttr(t.style.theme)}" showFirstColumn="0" showLastColumn="0" showRowStripes="${t.style.showRowStripes ? 1 : 0}" showColumnStripes="0"/>` +
    '</table>'
  );
}

/** The worksheet's <tableParts>: after every other element but extLst (CT_Worksheet order). */
export function tablePartsXml(relIds: readonly string[]): string {
  return `<tableParts count="${relIds.length}">${relIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
}

/** [Content_Types].xml with one Override per table part (inserted before </Types>). */
export function withTableContentTypes(contentTypes: string, ids: readonly number[]): string {
  const at = contentTypes.lastIndexOf('</Types>');
  if (at < 0) throw new Error('[Content_Types].xml without </Types>');
  const overrides = ids.map((id) => `<Override PartName="/xl/tables/table${id}.xml" ContentType="${TABLE_CONTENT_TYPE}"/>`).join('');
  return contentTypes.slice(0, at) + overrides + contentTypes.slice(at);
}
