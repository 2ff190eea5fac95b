/**
 * Find the notice's tables on one sheet by their header rows, wherever they are: any row or column offset,
 * titles above, stacked or side by side, one- or two-row headers, and read their data rows.
 */
import { mergeIndex, rawCell, visibleCell } from '../grid/merges';
import { columnLetter, type GridCell, type GridSheet } from '../grid/types';
import { TABLES, TABLE_KEYS, type TableKey } from '../notice/tables';
import type { ExtraCell, RecordCell, TableRow } from '../submission/types';
import { isEllipsis, isFooter, isHint, isPersonHalfHeader, isPhoneHalfHeader, isSubHeader, isTotal, matchHeader, matchHeaderIfStable, MOST_COLUMNS_PER_CELL, parseTitle, type ColumnMatch, type TitleInfo } from './text';

export type SkipReason = 'blank' | 'ellipsis' | 'hint' | 'total' | 'seq-only' | 'note';

/** A non-blank row inside a table that is not data: where it is and what it held, so it can be reported. */
export interface SkippedRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly reason: SkipReason;
  /** A1 address and text of its first non-empty cell within the table. */
  readonly cell?: string;
  readonly text?: string;
}

export interface LocatedTable {
  readonly table: TableKey;
  readonly sheet: string;
  readonly sheetIndex: number;
  readonly hidden: boolean;
  readonly veryHidden: boolean;
  /** 0-based row of the title, if one was found above the header. */
  readonly titleRow?: number;
  readonly titleText?: string;
  readonly title?: TitleInfo;
  /** 0-based header rows (one or two). */
  readonly headerRows: readonly number[];
  /** Column key → 0-based columns (two for a 手机 / 邮箱 split). */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** Column keys of the table the header lacks. */
  readonly missing: readonly string[];
  /** 0-based inclusive column span of the header (extra columns included). */
  readonly c0: number;
  readonly c1: number;
  readonly rows: TableRow[];
  readonly skipped: SkippedRow[];
  /** 0-based last row that belongs to the table (data or skipped), for claiming cells. */
  lastRow: number;
}

function text(cell: GridCell | undefined): string {
  return cell ? cell.text.trim() : '';
}

/** matchHeader, or a memo of it. */
type HeaderMatcher = (text: string) => readonly ColumnMatch[];

interface Segment {
  readonly c0: number;
  readonly c1: number;
}

/** Runs of occupied columns in a row: a cell with text or a cell inside a merge. Split again at a repeated 序号. */
function segments(sheet: GridSheet, row: number, match: HeaderMatcher): Segment[] {
  const cells = sheet.rows[row];
  if (!cells) return [];
  const idx = mergeIndex(sheet);
  const occupied: number[] = [];
  cells.forEach((c, i) => {
    if (c && c.text.trim() !== '') occupied.push(i);
  });
  if (occupied.length < 3) return [];
  const out: Segment[] = [];
  let start = occupied[0];
  let prev = occupied[0];
  const isOcc = (c: number): boolean => text(cells[c]) !== '' || idx.at(row, c) !== undefined;
  for (let k = 1; k < occupied.length; k++) {
    const c = occupied[k];
    let joined = true;
    for (let x = prev + 1; x < c; x++) if (!isOcc(x)) joined = false;
    if (!joined || match(text(cells[c])).some((m) => m.key === 'seq')) {
      out.push({ c0: start, c1: prev });
      start = c;
    }
    prev = c;
  }
  out.push({ c0: start, c1: prev });
  // extend each segment's right edge over a merge from its last cell
  return out.map((s) => {
    const m = idx.at(row, s.c1);
    return m && m.c1 > s.c1 ? { c0: s.c0, c1: m.c1 } : s;
  });
}

interface HeaderCandidate {
  readonly table: TableKey;
  readonly row: number;
  readonly c0: number;
  readonly c1: number;
  readonly columns: Map<string, number[]>;
  readonly score: number;
  readonly exact: number;
}

/** Score each table against one header segment; the best one with its column map. */
function scoreSegment(sheet: GridSheet, row: number, seg: Segment, match: HeaderMatcher): HeaderCandidate[] {
  const per = new Map<TableKey, { cols: Map<string, number[]>; exact: number }>();
  for (let c = seg.c0; c <= seg.c1; c++) {
    const t = text(rawCell(sheet, row, c));
    if (!t) continue;
    const matches: readonly ColumnMatch[] = match(t);
    for (const m of matches) {
      let e = per.get(m.table);
      if (!e) per.set(m.table, (e = { cols: new Map(), exact: 0 }));
      if (!e.cols.has(m.key)) {
        e.cols.set(m.key, [c]);
        if (m.exact) e.exact++;
      }
    }
  }
  // A table whose 联系人及联系方式 column is missing may have it as two cells, 联系人 | 联系方式: one column, two cells.
  for (const [table, e] of per) {
    const spec = TABLES[table].columns.find((c) => c.kind === 'personAndPhone');
    if (!spec || e.cols.has(spec.key)) continue;
    for (let c = seg.c0; c < seg.c1; c++) {
      if (isPersonHalfHeader(text(rawCell(sheet, row, c))) && isPhoneHalfHeader(text(rawCell(sheet, row, c + 1)))) {
        e.cols.set(spec.key, [c, c + 1]);
        break;
      }
    }
  }
  const out: HeaderCandidate[] = [];
  for (const [table, e] of per) {
    const n = TABLES[table].columns.length;
    const hasName = e.cols.has('name');
    if (e.cols.size < MIN_HEADER_COLUMNS || (!hasName && e.cols.size < n - 1)) continue;
    out.push({ table, row, c0: seg.c0, c1: seg.c1, columns: e.cols, score: e.cols.size / n + (hasName ? 1 : 0), exact: e.exact });
  }
  out.sort((a, b) => b.score - a.score || b.exact - a.exact);
  return out;
}

/** Columns a table needs in one header segment before scoreSegment keeps it. */
const MIN_HEADER_COLUMNS = 3;

/**
 * How many non-empty cells of cells[c0..c1] may match a header, counting at most `enough`: a cell that is its own
 * header key is matched (cheap), any other counts as a possible match. An upper bound, so a row it rules out
 * surely has fewer matching cells — decided without normalising the names and contacts of every data row.
 */
function possibleHeaderCells(cells: ReadonlyArray<GridCell | undefined>, c0: number, c1: number, enough: number): number {
  let n = 0;
  const last = Math.min(c1, cells.length - 1);
  for (let c = c0; c <= last && n < enough; c++) {
    const t = text(cells[c]);
    if (!t) continue;
    const m = matchHeaderIfStable(t);
    if (m === undefined || m.length > 0) n++;
  }
  return n;
}

/**
 * Whether a row may give scoreSegment a table with enough columns: each matching cell gives a table at most
 * MOST_COLUMNS_PER_CELL of them, so a row with too few possible header cells has no candidate.
 */
function mayBeHeaderRow(sheet: GridSheet, row: number): boolean {
  const cells = sheet.rows[row];
  if (!cells) return false;
  const need = Math.ceil(MIN_HEADER_COLUMNS / Math.max(1, MOST_COLUMNS_PER_CELL));
  return possibleHeaderCells(cells, 0, cells.length - 1, need) >= need;
}

/** Every header candidate on the sheet: per row and segment, the tables that fit, best first. */
function headerCandidates(sheet: GridSheet, match: HeaderMatcher): HeaderCandidate[][] {
  const found: HeaderCandidate[][] = [];
  sheet.rows.forEach((_row, r) => {
    if (!mayBeHeaderRow(sheet, r)) return;
    for (const seg of segments(sheet, r, match)) {
      const c = scoreSegment(sheet, r, seg, match);
      if (c.length) found.push(c);
    }
  });
  return found;
}

/** A title (表N …) in the rows just above the header, within its columns. */
function findTitle(sheet: GridSheet, headerRow: number, c0: number, c1: number): { row: number; text: string; info: TitleInfo } | undefined {
  for (let r = headerRow - 1; r >= 0 && r >= headerRow - 4; r--) {
    for (let c = c0; c <= c1; c++) {
      const t = text(rawCell(sheet, r, c));
      if (!t) continue;
      const info = parseTitle(t);
      if (info) return { row: r, text: t, info };
      if (matchHeader(t).length && r < headerRow - 1) return undefined;
    }
  }
  return undefined;
}

/** Two-row header: sub-headers under a header cell that spans several columns (联系方式 → 手机 | 邮箱). */
function splitHeader(sheet: GridSheet, cand: HeaderCandidate): { columns: Map<string, number[]>; rows: number[]; c1: number } {
  const idx = mergeIndex(sheet);
  const below = cand.row + 1;
  const columns = new Map<string, number[]>();
  let split = false;
  for (const [key, cols] of cand.columns) {
    // Already two cells side by side (联系人 | 联系方式): kept as they are.
    if (cols.length > 1) {
      columns.set(key, cols);
      continue;
    }
    const c = cols[0];
    const m = idx.at(cand.row, c);
    let right = c;
    if (m && m.r0 === cand.row && m.c0 === c && m.r1 === cand.row) right = m.c1;
    else if (!m) {
      // not merged: take following empty header cells as the span
      while (right < c + 3 && text(rawCell(sheet, cand.row, right + 1)) === '' && isSubHeader(text(rawCell(sheet, below, right + 1)))) right++;
    }
    const subs: number[] = [];
    if (right > c) {
      for (let x = c; x <= right; x++) if (isSubHeader(text(rawCell(sheet, below, x)))) subs.push(x);
    }
    if (subs.length >= 2) {
      columns.set(key, subs);
      split = true;
    } else columns.set(key, [c]);
  }
  if (!split) return { columns: cand.columns, rows: [cand.row], c1: cand.c1 };
  let c1 = cand.c1;
  for (const cols of columns.values()) for (const c of cols) c1 = Math.max(c1, c);
  return { columns, rows: [cand.row, below], c1 };
}

/** Header cells a row needs, within a table's columns, to end the table as another header. */
const MIN_HEADER_HITS = 3;

function isHeaderRowWithin(sheet: GridSheet, row: number, c0: number, c1: number, match: HeaderMatcher): boolean {
  // Nearly every row asked is data: rule it out before matching (and normalising) each of its cells.
  const cells = sheet.rows[row];
  if (!cells || possibleHeaderCells(cells, c0, c1, MIN_HEADER_HITS) < MIN_HEADER_HITS) return false;
  let hits = 0;
  let seq = false;
  const keys = new Set<string>();
  for (let c = c0; c <= c1; c++) {
    const t = text(rawCell(sheet, row, c));
    if (!t) continue;
    const m = match(t);
    if (m.length) {
      hits++;
      for (const x of m) keys.add(`${x.table}.${x.key}`);
      if (m.some((x) => x.key === 'seq')) seq = true;
    }
  }
  return hits >= MIN_HEADER_HITS && (seq || keys.size >= 3);
}

interface RowView {
  /** Each column's text, parallel to the table's column keys. */
  readonly texts: string[];
  readonly nonEmpty: number;
  readonly firstText: string;
  readonly allTexts: string[];
}

/**
 * { text, cell, raw? } — `raw` only when there is one, keys in this order. Built as a literal: spreading
 * `...(raw ? { raw } : {})` into every cell of every row was the row reader's largest cost.
 */
function recordCell(text: string, cell: string, raw: GridCell | undefined): RecordCell {
  return raw ? { text, cell, raw } : { text, cell };
}

/** Every table column other than 序号 is empty, a printed hint or an ellipsis (the blank template's first row). */
function onlyHintsBesideSeq(keys: readonly string[], texts: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    const t = texts[i];
    if (!(keys[i] === 'seq' || t === '' || isHint(t) || isEllipsis(t))) return false;
  }
  return true;
}

const NUMERIC_SEQ = /^\d+(\.0+)?$/;

/** 序号 is a number (1, 2.0, full-width １). ASCII text is its own NFKC, so only other text needs normalising. */
function isNumericSeq(seq: string): boolean {
  return NUMERIC_SEQ.test(seq) || NUMERIC_SEQ.test(seq.normalize('NFKC'));
}

export function readTableRows(sheet: GridSheet, loc: Omit<LocatedTable, 'rows' | 'skipped' | 'lastRow'>, match: HeaderMatcher = matchHeader): Pick<LocatedTable, 'rows' | 'skipped' | 'lastRow'> {
  const idx = mergeIndex(sheet);
  const headerEnd = loc.headerRows[loc.headerRows.length - 1];
  const colKeys = [...loc.columns.keys()];
  // Per column key, in colKeys order: its sheet columns, so no row looks them up in the map again.
  const colLists = colKeys.map((k) => loc.columns.get(k) ?? []);
  const seqAt = colKeys.indexOf('seq');
  const nameAt = colKeys.indexOf('name');
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let lastRow = headerEnd;
  let blankRun = 0;
  const maxRow = sheet.rows.length - 1;
  const allCols: number[] = [];
  for (const cols of loc.columns.values()) allCols.push(...cols);
  allCols.sort((a, b) => a - b);
  // Column letters for the A1 addresses, worked out once per column rather than once per cell.
  const letters = new Map<number, string>();
  const address = (r: number, c: number): string => {
    let l = letters.get(c);
    if (l === undefined) letters.set(c, (l = columnLetter(c)));
    return `${l}${r + 1}`;
  };

  /** Vertical merges inside the data propagate their value; header and title merges do not. */
  const propagates = (r: number, c: number): boolean => {
    const m = idx.at(r, c);
    return !!m && m.r1 > m.r0 && m.c0 === m.c1 && m.r0 > headerEnd && (m.r0 !== r || m.c0 !== c);
  };

  const cellAt = (r: number, c: number): { cell: GridCell | undefined; row: number; col: number } => {
    if (propagates(r, c)) return visibleCell(sheet, r, c);
    return { cell: rawCell(sheet, r, c), row: r, col: c };
  };

  /** cellAt(r, c).cell, without the object. */
  const cellOf = (r: number, c: number): GridCell | undefined => (propagates(r, c) ? visibleCell(sheet, r, c).cell : rawCell(sheet, r, c));

  const columnText = (r: number, cols: readonly number[]): string => {
    // One column (nearly always): its text as is — what joining the one non-empty part gives, without the arrays.
    if (cols.length === 1) return text(cellOf(r, cols[0]));
    return cols
      .map((c) => text(cellOf(r, c)))
      .filter((t) => t !== '')
      .join(' ');
  };

  const view = (r: number): RowView => {
    const texts: string[] = [];
    let nonEmpty = 0;
    for (const cols of colLists) {
      const t = columnText(r, cols);
      texts.push(t);
      if (t) nonEmpty++;
    }
    let firstText = '';
    const allTexts: string[] = [];
    for (let c = loc.c0; c <= loc.c1; c++) {
      const t = text(rawCell(sheet, r, c));
      if (t) {
        if (!firstText) firstText = t;
        allTexts.push(t);
      }
    }
    return { texts, nonEmpty, firstText, allTexts };
  };

  /** A row that starts another table: a table title or a header row within these columns. */
  const startsOther = (r: number, v: RowView): boolean =>
    v.allTexts.some((t) => parseTitle(t)?.table !== undefined || /^表\s*\d+\s*$/.test(t)) || isHeaderRowWithin(sheet, r, loc.c0, loc.c1, match);

  /** Unmistakable data: a numeric 序号 with two more cells, or all columns but one filled (and not a total). */
  const isStrongData = (v: RowView): boolean => {
    const seq = seqAt >= 0 ? v.texts[seqAt] : '';
    const strong = (isNumericSeq(seq) && v.nonEmpty >= 3) || v.nonEmpty >= colKeys.length - 1;
    return strong && !isTotal(seq) && !v.texts.every((t) => t === '' || isEllipsis(t) || isHint(t));
  };

  /**
   * Whether unmistakable data lies below `from` before another table starts. Asked only where the table seems to
   * end (a note, a partial row after blank rows): data further down means the table goes on, and its rows must not
   * be lost; nothing below means it really ended.
   */
  const dataAhead = (from: number): boolean => {
    let blanks = 0;
    for (let r = from; r <= maxRow; r++) {
      const v = view(r);
      if (v.nonEmpty === 0) {
        if (v.allTexts.some((t) => parseTitle(t)) || isHeaderRowWithin(sheet, r, loc.c0, loc.c1, match)) return false;
        if (++blanks > 200) return false;
        continue;
      }
      blanks = 0;
      if (startsOther(r, v)) return false;
      if (isStrongData(v)) return true;
    }
    return false;
  };

  const firstCell = (r: number): { cell?: string; text?: string } => {
    for (let c = loc.c0; c <= loc.c1; c++) {
      const t = text(rawCell(sheet, r, c));
      if (t) return { cell: address(r, c), text: t };
    }
    return {};
  };
  const skip = (r: number, reason: SkipReason): void => {
    skipped.push({ row: r + 1, reason, ...firstCell(r) });
    lastRow = r;
    blankRun = 0;
  };

  // Columns inside the header's span that are no column of the table (备注, 联系人2 …), with their header text:
  // their cells are carried with the row (TableRow.extras) so the summary loses nothing the file held.
  const mapped = new Set(allCols);
  const extraCols: { col: number; header: string }[] = [];
  for (let c = loc.c0; c <= loc.c1; c++) {
    if (mapped.has(c)) continue;
    const header = [...new Set(loc.headerRows.map((hr) => text(visibleCell(sheet, hr, c).cell)).filter(Boolean))].join(' / ');
    if (header) extraCols.push({ col: c, header });
  }

  for (let r = headerEnd + 1; r <= maxRow; r++) {
    const v = view(r);
    if (v.nonEmpty === 0) {
      // Table columns empty: blank (an extra 备注 cell alone does not make a row) — unless a title/header/footer.
      if (v.allTexts.some((t) => parseTitle(t)) || isHeaderRowWithin(sheet, r, loc.c0, loc.c1, match)) break;
      if (v.firstText && isFooter(v.firstText)) {
        if (!dataAhead(r + 1)) break;
        skip(r, 'note');
        continue;
      }
      blankRun++;
      if (blankRun > 200) break;
      continue;
    }
    if (startsOther(r, v)) break;
    // A note (注：…) ends the table, unless data follows it: then it is a note inside the table.
    if (isFooter(v.firstText)) {
      if (!dataAhead(r + 1)) break;
      skip(r, 'note');
      continue;
    }
    const vals = v.texts.filter((t) => t !== '');
    const seq = seqAt >= 0 ? v.texts[seqAt] : '';
    const name = nameAt >= 0 ? v.texts[nameAt] : '';

    let reason: SkipReason | undefined;
    if (vals.every((t) => isEllipsis(t))) reason = 'ellipsis';
    else if (vals.every((t) => isHint(t))) reason = 'hint';
    else if (isTotal(seq) || isTotal(name) || isTotal(vals[0])) reason = 'total';
    else if (v.nonEmpty === 1 && seq !== '' && seqAt >= 0) reason = 'seq-only';
    // The blank template's first row: 序号 1 beside the printed hints （企业类、产品服务类） — not data either.
    else if (seq !== '' && seqAt >= 0 && onlyHintsBesideSeq(colKeys, v.texts)) reason = 'hint';
    if (reason) {
      if (blankRun >= 3 && reason !== 'ellipsis' && !dataAhead(r + 1)) break;
      skip(r, reason);
      continue;
    }
    // A note merged across the table's width is not a row (and ends the table unless data follows).
    const firstCol = allCols.find((c) => text(rawCell(sheet, r, c)) !== '');
    const m = firstCol !== undefined ? idx.at(r, firstCol) : undefined;
    if (m && m.r0 === r && m.c1 - m.c0 >= 2 && vals.length === 1 && !/^\d+$/.test(seq)) {
      if (!dataAhead(r + 1)) break;
      skip(r, 'note');
      continue;
    }
    const dataLike = name !== '' || v.nonEmpty >= 2;
    // After blank rows, a weak row ends the table — unless unmistakable data follows: then it is a row of it.
    if (((blankRun >= 3 && !isStrongData(v)) || (blankRun >= 1 && !dataLike)) && !dataAhead(r + 1)) break;
    blankRun = 0;
    const cells: Record<string, RecordCell> = {};
    for (let i = 0; i < colKeys.length; i++) {
      const cols = colLists[i];
      const t = v.texts[i];
      const first = cellAt(r, cols[0]);
      if (cols.length === 1) {
        cells[colKeys[i]] = recordCell(t, address(first.row, first.col), first.cell);
      } else {
        const raws = cols.map((c) => cellOf(r, c)).filter((x): x is GridCell => !!x);
        const link = raws.find((x) => x.link)?.link;
        const raw: GridCell | undefined = raws.length ? { text: t, type: 'string', ...(link ? { link } : {}) } : undefined;
        cells[colKeys[i]] = recordCell(t, address(first.row, first.col), raw);
      }
    }
    const extras: ExtraCell[] = [];
    for (const x of extraCols) {
      const t = text(rawCell(sheet, r, x.col));
      if (t) extras.push({ header: x.header, text: t, cell: address(r, x.col) });
    }
    rows.push(extras.length ? { row: r + 1, cells, extras } : { row: r + 1, cells });
    lastRow = r;
  }
  return { rows, skipped, lastRow };
}

/** Locate every table on a sheet. */
export function locateTablesInSheet(sheet: GridSheet, sheetIndex: number): LocatedTable[] {
  // The header scan matches every occupied cell (segments, then scoreSegment) and the row reader asks again of
  // every data row: matchHeader (pure) once per distinct text of this sheet; the memo goes with the sheet.
  const memo = new Map<string, readonly ColumnMatch[]>();
  const match: HeaderMatcher = (t) => {
    let m = memo.get(t);
    if (!m) memo.set(t, (m = matchHeader(t)));
    return m;
  };
  const cands = headerCandidates(sheet, match);
  const out: LocatedTable[] = [];
  const taken = new Set<number>(); // header rows already used as a second header row
  for (const list of cands) {
    const best0 = list[0];
    if (taken.has(best0.row)) continue;
    const title = findTitle(sheet, best0.row, best0.c0, best0.c1);
    let best = best0;
    if (title?.info.table && title.info.table !== best0.table) {
      const alt = list.find((x) => x.table === title.info.table);
      if (alt) best = alt;
    }
    const { columns, rows: headerRows, c1 } = splitHeader(sheet, best);
    headerRows.slice(1).forEach((r) => taken.add(r));
    const missing = TABLES[best.table].columns.map((c) => c.key).filter((k) => !columns.has(k));
    const base = {
      table: best.table,
      sheet: sheet.name,
      sheetIndex,
      hidden: sheet.hidden,
      veryHidden: !!sheet.veryHidden,
      ...(title ? { titleRow: title.row, titleText: title.text, title: title.info } : {}),
      headerRows,
      columns,
      missing,
      c0: best.c0,
      c1,
    };
    out.push({ ...base, ...readTableRows(sheet, base, match) });
  }
  return out;
}

/** TableData.columns: key → letter (the first column of a split header). */
export function columnLetters(loc: LocatedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of TABLE_KEYS.includes(loc.table) ? TABLES[loc.table].columns.map((c) => c.key) : []) {
    const cols = loc.columns.get(k);
    if (cols?.length) out[k] = columnLetter(cols[0]);
  }
  return out;
}
