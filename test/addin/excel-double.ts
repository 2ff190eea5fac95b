/**
 * An in-memory double of the Excel JavaScript API subset the add-in uses.
 *
 * It behaves like Office.js where that matters to the code under test:
 * - every write (values, numberFormat, formats, fills, validation, merges, tables, conditional formats, pivot
 *   tables, charts, freeze panes, sheet creation) is queued and reaches the workbook only at `context.sync()`,
 *   in order; a failed sync discards the whole batch, as a rejected request does in Excel;
 * - loaded properties (`items`, used-range `values` …) are readable only after the sync that loads them;
 * - value arrays must match the range, sheet/table/pivot names are unique, table names must not clash with
 *   defined names; a list validation's source must be a defined name when the rule reaches the workbook;
 * - a PivotTable's fields are its source table's headers and a field's items are the column's distinct values
 *   (case-insensitive, blank included): a missing field or item is an error at sync, and so is hiding the last
 *   visible item;
 * - a batch larger than `payloadLimitCells` is refused with RichApi's `RequestPayloadSizeLimitExceeded`, and so is
 *   a batch whose loads would send back more than `responseLimitCells` (the 5 MB limit holds for responses too);
 * - value writes raise `worksheets.onChanged` after the sync, like any edit.
 * It counts `context.sync()` calls and keeps an ordered log of the writes that reached the workbook.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses "A1", "A1:E7", "A:A", "2:2", "'My sheet'!A1" (0-based inclusive box; the sheet part is dropped). */
export function parseAddress(address: string): Box {
  const bang = address.lastIndexOf('!');
  const parts = address.slice(bang + 1).replace(/\$/g, '').split(':');
  const one = (p: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: bad address ${address}`);
    const c = m[1] ? colIndex(m[1]) : end ? MAX_COLS - 1 : 0;
    const r = m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0;
    return { r, c };
  };
  const a = one(parts[0], false);
  const b = parts.length > 1 ? one(parts[1], true) : /^\d*$/.test(parts[0]) || /^[A-Z]+$/i.test(parts[0]) ? one(parts[0], true) : a;
  return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
}

export function boxAddress(b: Box): string {
  if (b.r0 === 0 && b.r1 === MAX_ROWS - 1) return `${colLetters(b.c0)}:${colLetters(b.c1)}`;
  const a = `${colLetters(b.c0)}${b.r0 + 1}`;
  const z = `${colLetters(b.c1)}${b.r1 + 1}`;
  return a === z ? a : `${a}:${z}`;
}

function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface CellState {
  value?: unknown;
  numberFormat?: string;
  /** The number format the cell had when its value was written. */
  formatAtWrite?: string;
}

export interface ValidationState {
  address: string;
  rule?: unknown;
  errorAlert?: unknown;
}

export interface FormatWrite {
  address: string;
  property: string;
  value: unknown;
}

export interface ConditionalFormatState {
  readonly id: string;
  readonly type: string;
  /** "E11" or several areas "E11, C5:C9" as written through getRanges. */
  readonly address: string;
  readonly boxes: readonly Box[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export type Op = { kind: string; sheet: string; address?: string; detail?: unknown };

export interface ChangeEvent {
  type: 'WorksheetChanged';
  address: string;
  worksheetId: string;
  changeType: string;
  source: 'Local' | 'Remote';
}

let opLog: Op[] = [];
let nextId = 1;

/** One queued write: what it costs in cells (for the payload limit) and what it does at sync. */
interface Pending {
  readonly cells: number;
  readonly apply: () => void;
  /** For a load: the cells it will send back (values + number formats), counted against the response limit. */
  readonly responseCells?: () => number;
}

class FontDouble {
  constructor(private readonly sink: (p: string, v: unknown) => void) {}
  set bold(v: boolean) {
    this.sink('font.bold', v);
  }
  set size(v: number) {
    this.sink('font.size', v);
  }
  set color(v: string) {
    this.sink('font.color', v);
  }
}

class FillDouble {
  constructor(private readonly sink: (p: string, v: unknown) => void) {}
  set color(v: string) {
    this.sink('fill.color', v);
  }
}

class FormatDouble {
  readonly font: FontDouble;
  readonly fill: FillDouble;
  constructor(private readonly sink: (p: string, v: unknown) => void) {
    this.font = new FontDouble(sink);
    this.fill = new FillDouble(sink);
  }
  set horizontalAlignment(v: string) {
    this.sink('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.sink('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this.sink('wrapText', v);
  }
  set rowHeight(v: number) {
    this.sink('rowHeight', v);
  }
  set columnWidth(v: number) {
    this.sink('columnWidth', v);
  }
  autofitColumns(): void {
    this.sink('autofitColumns', true);
  }
}

class DataValidationDouble {
  constructor(
    private readonly range: RangeDouble,
    private readonly state: () => ValidationState,
  ) {}
  set rule(v: unknown) {
    this.range.queue(0, () => {
      // A list whose source is a name: Excel needs the name to exist (the source must evaluate).
      const source = (v as { list?: { source?: string } } | undefined)?.list?.source;
      const name = source && /^=([\p{L}_\\][\p{L}\p{N}_.\\]*)$/u.exec(source)?.[1];
      if (name && !/^[A-Za-z]{1,3}\d+$/.test(name) && !this.range.sheet.book.namedItems.has(name.toLowerCase())) throw new Error(`InvalidArgument: list source ${source} is not a defined name`);
      this.state().rule = v;
      opLog.push({ kind: 'dataValidation.rule', sheet: this.range.sheet.name, address: this.range.address, detail: v });
    });
  }
  set errorAlert(v: unknown) {
    this.range.queue(0, () => {
      this.state().errorAlert = v;
      opLog.push({ kind: 'dataValidation.errorAlert', sheet: this.range.sheet.name, address: this.range.address, detail: v });
    });
  }
}

/** A conditional format being added: its rule and format are queued like any write. */
class ConditionalFormatDouble {
  readonly custom;
  constructor(ctx: ContextDouble, state: ConditionalFormatState, sheet: WorksheetDouble) {
    const q = (kind: string, value: unknown, f: () => void) =>
      ctx.queue(0, () => {
        f();
        opLog.push({ kind: `conditionalFormat.${kind}`, sheet: sheet.name, address: state.address, detail: value });
      });
    this.custom = {
      rule: {
        set formula(v: string) {
          q('formula', v, () => (state.formula = v));
        },
      },
      format: {
        fill: {
          set color(v: string) {
            q('fill.color', v, () => (state.fill = v));
          },
        },
        font: {
          set color(v: string) {
            q('font.color', v, () => (state.fontColor = v));
          },
        },
      },
    };
  }
}

/** A loaded conditional format, as `conditionalFormats.load('items/type,items/customOrNullObject/rule/formula')` gives it. */
class LoadedConditionalFormat {
  readonly type: string;
  readonly customOrNullObject: { isNullObject: boolean; rule: { formula: string } };
  constructor(
    private readonly sheet: WorksheetDouble,
    private readonly state: ConditionalFormatState,
  ) {
    this.type = state.type;
    this.customOrNullObject = state.type === 'Custom' ? { isNullObject: false, rule: { formula: state.formula ?? '' } } : { isNullObject: true, rule: { formula: '' } };
  }
  delete(): void {
    this.sheet.book.context.queue(0, () => {
      const i = this.sheet.conditionalFormats.indexOf(this.state);
      if (i < 0) throw new Error('ItemNotFound: conditional format');
      this.sheet.conditionalFormats.splice(i, 1);
      opLog.push({ kind: 'conditionalFormats.delete', sheet: this.sheet.name, address: this.state.address, detail: this.state.formula });
    });
  }
}

class ConditionalFormatsDouble {
  constructor(
    private readonly sheet: WorksheetDouble,
    private readonly address: string,
    private readonly boxes: readonly Box[],
  ) {}
  add(type: string): ConditionalFormatDouble {
    const ctx = this.sheet.book.context;
    const state: ConditionalFormatState = { id: `cf${nextId++}`, type, address: this.address, boxes: this.boxes };
    ctx.queue(0, () => {
      this.sheet.conditionalFormats.push(state);
      opLog.push({ kind: 'conditionalFormats.add', sheet: this.sheet.name, address: this.address, detail: type });
    });
    return new ConditionalFormatDouble(ctx, state, this.sheet);
  }
  load(_props?: string): Loadable<LoadedConditionalFormat> {
    return new Loadable(this.sheet.book.context, () =>
      this.sheet.conditionalFormats.filter((cf) => cf.boxes.some((b) => this.boxes.some((x) => intersects(b, x)))).map((cf) => new LoadedConditionalFormat(this.sheet, cf)),
    ).load();
  }
}

export class RangeDouble {
  readonly box: Box;
  readonly format: FormatDouble;
  constructor(
    readonly sheet: WorksheetDouble,
    address?: string,
  ) {
    this.box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseAddress(address);
    this.format = new FormatDouble((property, value) =>
      this.queue(0, () => {
        sheet.formats.push({ address: this.address, property, value });
        opLog.push({ kind: `format.${property}`, sheet: sheet.name, address: this.address, detail: value });
      }),
    );
  }
  get address(): string {
    return boxAddress(this.box);
  }
  private get rows(): number {
    return this.box.r1 - this.box.r0 + 1;
  }
  private get cols(): number {
    return this.box.c1 - this.box.c0 + 1;
  }
  queue(cells: number, apply: () => void): void {
    this.sheet.book.context.queue(cells, apply);
  }
  private checkShape(v: unknown[][], what: string): void {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} for ${this.address} must be ${this.rows}x${this.cols}`);
    }
  }
  set values(v: unknown[][]) {
    this.checkShape(v, 'values');
    const copy = v.map((row) => [...row]);
    this.queue(this.rows * this.cols, () => {
      opLog.push({ kind: 'values', sheet: this.sheet.name, address: this.address });
      for (let r = 0; r < this.rows; r++)
        for (let c = 0; c < this.cols; c++) {
          const cell = this.sheet.cell(this.box.r0 + r, this.box.c0 + c);
          cell.value = copy[r][c];
          cell.formatAtWrite = cell.numberFormat ?? 'General';
        }
      this.sheet.book.raiseChanged(this.sheet, this.address);
    });
  }
  /** For assertions: the values now in the workbook (not an Office.js load). */
  get values(): unknown[][] {
    const out: unknown[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.cols; c++) row.push(this.sheet.peek(this.box.r0 + r, this.box.c0 + c)?.value ?? '');
      out.push(row);
    }
    return out;
  }
  set numberFormat(v: unknown[][]) {
    this.checkShape(v, 'numberFormat');
    const copy = v.map((row) => [...row]);
    this.queue(this.rows * this.cols, () => {
      opLog.push({ kind: 'numberFormat', sheet: this.sheet.name, address: this.address, detail: copy[0][0] });
      for (let r = 0; r < this.rows; r++)
        for (let c = 0; c < this.cols; c++) this.sheet.cell(this.box.r0 + r, this.box.c0 + c).numberFormat = String(copy[r][c]);
    });
  }
  get dataValidation(): DataValidationDouble {
    const address = this.address;
    const state = (): ValidationState => {
      let s = this.sheet.validations.find((x) => x.address === address);
      if (!s) {
        s = { address };
        this.sheet.validations.push(s);
      }
      return s;
    };
    return new DataValidationDouble(this, state);
  }
  get conditionalFormats(): ConditionalFormatsDouble {
    return new ConditionalFormatsDouble(this.sheet, this.address, [this.box]);
  }
  getMergedAreasOrNullObject(): MergedAreasDouble {
    const box = this.box;
    return new MergedAreasDouble(this.sheet, () => box);
  }
  /** `range.load('values,numberFormat')`: the returned object answers after the next sync. */
  load(props?: string): LoadedRangeDouble {
    const box = this.box;
    return new LoadedRangeDouble(this.sheet, () => box).load(props);
  }
  merge(across = false): void {
    this.queue(0, () => {
      this.sheet.merges.push({ address: this.address, across });
      opLog.push({ kind: 'merge', sheet: this.sheet.name, address: this.address });
    });
  }
  clear(applyTo = 'All'): void {
    this.queue(0, () => {
      opLog.push({ kind: `clear.${applyTo}`, sheet: this.sheet.name, address: this.address });
      for (const [key, cell] of this.sheet.cells) {
        const [r, c] = key.split(',').map(Number);
        if (r >= this.box.r0 && r <= this.box.r1 && c >= this.box.c0 && c <= this.box.c1) {
          if (applyTo === 'All' || applyTo === 'Contents') cell.value = undefined;
          if (applyTo === 'All' || applyTo === 'Formats') cell.numberFormat = undefined;
        }
      }
    });
  }
  select(): void {
    this.queue(0, () => {
      this.sheet.book.active = this.sheet.name;
      this.sheet.book.selection = `${this.sheet.name}!${this.address}`;
    });
  }
}

/** Several areas of one sheet (`worksheet.getRanges("E11, C5:C9")`, ExcelApi 1.9). */
export class RangeAreasDouble {
  readonly boxes: Box[];
  constructor(
    readonly sheet: WorksheetDouble,
    readonly address: string,
  ) {
    const parts = address.split(',').map((s) => s.trim());
    if (parts.some((p) => p === '')) throw new Error(`InvalidArgument: bad address ${address}`);
    this.boxes = parts.map(parseAddress);
  }
  get conditionalFormats(): ConditionalFormatsDouble {
    return new ConditionalFormatsDouble(this.sheet, this.address, this.boxes);
  }
}

/** A range whose properties are loaded at the next sync: the used range, or a merged-areas object. */
class LoadedRangeDouble {
  private snapshot?: { isNullObject: boolean; address: string; values: unknown[][]; numberFormat: unknown[][]; rowIndex: number; columnIndex: number };
  constructor(
    private readonly sheet: WorksheetDouble,
    private readonly box: () => Box | undefined,
  ) {}
  load(props?: string): this {
    // Only values and number formats weigh in a response; an address or indexes cost nothing worth counting.
    const heavy = props === undefined || /values|numberFormat/.test(props);
    const size = () => {
      const b = this.box();
      return heavy && b ? 2 * (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) : 0;
    };
    this.sheet.book.context.queue(0, () => {
      const b = this.box();
      if (!b) {
        this.snapshot = { isNullObject: true, address: '', values: [], numberFormat: [], rowIndex: 0, columnIndex: 0 };
        return;
      }
      const values: unknown[][] = [];
      const formats: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const vr: unknown[] = [];
        const fr: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = this.sheet.peek(r, c);
          vr.push(cell?.value ?? '');
          fr.push(cell?.numberFormat ?? 'General');
        }
        values.push(vr);
        formats.push(fr);
      }
      this.snapshot = { isNullObject: false, address: `${quoteSheet(this.sheet.name)}!${boxAddress(b)}`, values, numberFormat: formats, rowIndex: b.r0, columnIndex: b.c0 };
    }, true, size);
    return this;
  }
  private get loaded() {
    if (!this.snapshot) throw new Error('PropertyNotLoaded: range properties were read before load() and sync()');
    return this.snapshot;
  }
  get isNullObject(): boolean {
    return this.loaded.isNullObject;
  }
  get address(): string {
    return this.loaded.address;
  }
  get values(): unknown[][] {
    return this.loaded.values;
  }
  get numberFormat(): unknown[][] {
    return this.loaded.numberFormat;
  }
  get rowIndex(): number {
    return this.loaded.rowIndex;
  }
  get columnIndex(): number {
    return this.loaded.columnIndex;
  }
  get rowCount(): number {
    return this.loaded.values.length;
  }
  get columnCount(): number {
    return this.loaded.values[0]?.length ?? 0;
  }
}

class MergedAreasDouble {
  private snapshot?: { isNullObject: boolean; address: string };
  constructor(
    private readonly sheet: WorksheetDouble,
    private readonly box: () => Box | undefined,
  ) {}
  load(_props?: string): this {
    this.sheet.book.context.queue(0, () => {
      const b = this.box();
      const merges = b ? this.sheet.merges.filter((m) => intersects(parseAddress(m.address), b)) : [];
      this.snapshot = merges.length
        ? { isNullObject: false, address: merges.map((m) => `${quoteSheet(this.sheet.name)}!${m.address}`).join(',') }
        : { isNullObject: true, address: '' };
    }, true);
    return this;
  }
  get isNullObject(): boolean {
    if (!this.snapshot) throw new Error('PropertyNotLoaded: merged areas');
    return this.snapshot.isNullObject;
  }
  get address(): string {
    if (!this.snapshot) throw new Error('PropertyNotLoaded: merged areas');
    return this.snapshot.address;
  }
}

export class TableDouble {
  name: string;
  style = 'TableStyleMedium2';
  showFilterButton = true;
  readonly headers: string[] = [];
  /** The object behind the proxy: what the double itself writes to. */
  readonly raw: TableDouble;
  constructor(
    readonly book: WorkbookDouble,
    readonly worksheet: WorksheetDouble,
    readonly address: string,
    readonly hasHeaders: boolean,
  ) {
    this.name = '';
    this.raw = this;
    return new Proxy(this, {
      set(t, prop, value) {
        // Property writes are queued like everything else; the name is checked when it reaches the workbook.
        book.context.queue(0, () => {
          if (prop === 'name') {
            const clash = book.allTables.find((x) => x.raw !== t && x.name.toLowerCase() === String(value).toLowerCase());
            if (clash || book.namedItems.has(String(value).toLowerCase())) throw new Error(`InvalidArgument: table name ${value} exists`);
            // Excel: a letter, _ or \ first, no spaces, not a cell reference.
            if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(String(value)) || /^[A-Za-z]{1,3}\d+$/.test(String(value))) throw new Error(`InvalidArgument: table name ${value}`);
          }
          (t as unknown as Record<string | symbol, unknown>)[prop] = value;
          opLog.push({ kind: `table.${String(prop)}`, sheet: worksheet.name, address, detail: value });
        });
        return true;
      },
    });
  }
  /** For assertions and the PivotTable model: the column's data-body values (below the header), by header. */
  columnValues(header: string): unknown[] {
    const box = parseAddress(this.address);
    const c = box.c0 + this.headers.indexOf(header);
    if (c < box.c0) throw new Error(`double: no column ${header} in ${this.name}`);
    const out: unknown[] = [];
    for (let r = box.r0 + 1; r <= box.r1; r++) out.push(this.worksheet.peek(r, c)?.value);
    return out;
  }
  /** Called when tables.add reaches the workbook: the header row is read then, as Excel does. */
  register(): void {
    const box = parseAddress(this.address);
    for (let c = box.c0; c <= box.c1; c++) this.headers.push(String(this.worksheet.peek(box.r0, c)?.value ?? `Column${c - box.c0 + 1}`));
    this.name = `Table${this.book.allTables.length + 1}`;
  }
}

class PageLayoutDouble {
  orientation?: string;
  zoom?: unknown;
  centerHorizontally?: boolean;
  printTitleRows?: string;
  private readonly raw: PageLayoutDouble;
  constructor(private readonly book: WorkbookDouble) {
    this.raw = this;
    return new Proxy(this, {
      set(target, prop, value) {
        if (book.refusePageLayout) book.context.failure = new Error('ApiNotFound: pageLayout');
        book.context.queue(0, () => ((target as unknown as Record<string | symbol, unknown>)[prop] = value));
        return true;
      },
    });
  }
  setPrintTitleRows(rows: string): void {
    if (this.book.refusePageLayout) this.book.context.failure = new Error('ApiNotFound: pageLayout');
    this.book.context.queue(0, () => (this.raw.printTitleRows = rows));
  }
}

export interface PivotFilterState {
  name: string;
  enableMultipleFilterItems?: boolean;
  /** Items made invisible, as the PivotTable names them. */
  hidden: string[];
}

export interface PivotState {
  name: string;
  sheet: string;
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: { name: string; summarizeBy?: string }[];
  filters: PivotFilterState[];
}

/** A PivotTable's label for a cell value: the text, or (blank) for an empty cell. */
export const PIVOT_BLANK = '(blank)';
function pivotLabel(v: unknown): string {
  return v === undefined || v === null || v === '' ? PIVOT_BLANK : String(v);
}

export interface ChartState {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: [string, string?];
  name?: string;
}

export class WorksheetDouble {
  readonly id: string;
  visibility = 'Visible';
  frozenRows = 0;
  readonly cells = new Map<string, CellState>();
  readonly formats: FormatWrite[] = [];
  readonly merges: { address: string; across: boolean }[] = [];
  readonly validations: ValidationState[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];
  /** Charts added through `charts.add`, for assertions. */
  readonly chartList: ChartState[] = [];
  readonly pageLayout: PageLayoutDouble;
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableDouble };
  readonly freezePanes: { freezeRows: (n: number) => void };
  constructor(
    readonly book: WorkbookDouble,
    public name: string,
  ) {
    this.id = `{sheet-${nextId++}}`;
    this.pageLayout = new PageLayoutDouble(book);
    this.tables = {
      add: (address, hasHeaders) => {
        const t = new TableDouble(book, this, address, hasHeaders);
        book.context.queue(0, () => {
          const box = parseAddress(address);
          if (book.allTables.some((x) => x.worksheet === this && intersects(parseAddress(x.address), box))) throw new Error(`InvalidArgument: tables overlap at ${address}`);
          t.raw.register();
          book.allTables.push(t);
          opLog.push({ kind: 'tables.add', sheet: this.name, address });
        });
        return t;
      },
    };
    this.freezePanes = {
      freezeRows: (n) =>
        book.context.queue(0, () => {
          this.frozenRows = n;
          opLog.push({ kind: 'freezeRows', sheet: this.name, detail: n });
        }),
    };
  }
  cell(r: number, c: number): CellState {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }
  peek(r: number, c: number): CellState | undefined {
    return this.cells.get(`${r},${c}`);
  }
  /** Value of one cell by A1 address, for assertions. */
  valueAt(address: string): unknown {
    const b = parseAddress(address);
    return this.peek(b.r0, b.c0)?.value;
  }
  /** Number format of one cell by A1 address, for assertions. */
  formatAt(address: string): string | undefined {
    const b = parseAddress(address);
    return this.peek(b.r0, b.c0)?.numberFormat;
  }
  getRange(address?: string): RangeDouble {
    return new RangeDouble(this, address);
  }
  getRanges(address: string): RangeAreasDouble {
    return new RangeAreasDouble(this, address);
  }
  /** The smallest box holding every non-empty value (Excel's used range with valuesOnly = true). */
  usedBox(): Box | undefined {
    let box: Box | undefined;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined || cell.value === '' || cell.value === null) continue;
      const [r, c] = key.split(',').map(Number);
      box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }
  getUsedRangeOrNullObject(valuesOnly = false): LoadedRangeDouble {
    if (!valuesOnly) throw new Error('double: only getUsedRangeOrNullObject(true) is modelled');
    return new LoadedRangeDouble(this, () => this.usedBox());
  }
  get pivotTables() {
    return {
      add: (name: string, source: unknown, destination: unknown) => this.book.addPivot(this, name, source, destination),
    };
  }
  get charts() {
    return chartsOf(this, this.book.context);
  }
  activate(): void {
    this.book.context.queue(0, () => (this.book.active = this.name));
  }
  /** Formats written to exactly this address. */
  formatsAt(address: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.formats) if (f.address === address) out[f.property] = f.value;
    return out;
  }
}

class Loadable<T> {
  private loaded: T[] | undefined;
  constructor(
    private readonly ctx: ContextDouble,
    private readonly source: () => T[],
  ) {}
  load(_props?: string): this {
    this.ctx.queue(0, () => {
      this.loaded = [...this.source()];
    }, true);
    return this;
  }
  get items(): T[] {
    if (!this.loaded) throw new Error('PropertyNotLoaded: items was read before load() and sync()');
    return this.loaded;
  }
}

export class NamedItemDouble {
  constructor(
    public name: string,
    public formula: string,
    public comment?: string,
  ) {}
}

type ChangeHandler = (e: ChangeEvent) => Promise<unknown> | void;

export class WorkbookDouble {
  readonly sheets: WorksheetDouble[] = [];
  /** Sheets added in the batch not yet synced: reachable by getItem within the batch, as Office.js proxies are. */
  private readonly addedInBatch: WorksheetDouble[] = [];
  readonly allTables: TableDouble[] = [];
  readonly pivots: PivotState[] = [];
  readonly namedItems = new Map<string, NamedItemDouble>();
  readonly changeHandlers: ChangeHandler[] = [];
  /** Every change event raised, delivered or not (for assertions). */
  readonly changeEvents: ChangeEvent[] = [];
  name = 'Book1.xlsx';
  active?: string;
  selection?: string;
  refusePageLayout = false;
  readonly worksheets;
  readonly names;
  constructor(private readonly ctx: ContextDouble) {
    const handlers = this.changeHandlers;
    this.worksheets = {
      add: (name: string): WorksheetDouble => {
        const all = [...this.sheets, ...this.addedInBatch];
        if (all.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet ${name}`);
        if (name.length > 31 || name.length === 0 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
        const s = new WorksheetDouble(this, name);
        this.addedInBatch.push(s);
        ctx.queue(0, () => {
          this.sheets.push(s);
          opLog.push({ kind: 'worksheets.add', sheet: name });
        });
        return s;
      },
      getItem: (name: string): WorksheetDouble => {
        const s = this.sheet(name) ?? this.addedInBatch.find((x) => x.name === name);
        if (s) return s;
        // Office.js reports a missing item when the batch runs, not when the proxy is made.
        ctx.failure ??= new Error(`ItemNotFound: sheet ${name}`);
        return new WorksheetDouble(this, name);
      },
      getItemOrNullObject: (name: string) => this.sheet(name) ?? { isNullObject: true },
      load: (props?: string) => new Loadable(ctx, () => this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, id: s.id }))).load(props),
      onChanged: {
        add(handler: ChangeHandler) {
          ctx.queue(0, () => handlers.push(handler));
          return {
            context: ctx,
            remove() {
              ctx.queue(0, () => {
                const i = handlers.indexOf(handler);
                if (i >= 0) handlers.splice(i, 1);
              });
            },
          };
        },
      },
    };
    this.names = {
      add: (name: string, reference: string, comment?: string): NamedItemDouble => {
        if (this.namedItems.has(name.toLowerCase())) throw new Error(`ItemAlreadyExists: name ${name}`);
        const n = new NamedItemDouble(name, reference, comment);
        ctx.queue(0, () => this.namedItems.set(name.toLowerCase(), n));
        return n;
      },
      getItem: (name: string): NamedItemDouble => {
        const n = this.namedItems.get(name.toLowerCase());
        if (!n) throw new Error(`ItemNotFound: name ${name}`);
        return n;
      },
      load: (props?: string) => new Loadable(ctx, () => [...this.namedItems.values()].map((n) => ({ name: n.name }))).load(props),
    };
  }
  get tables() {
    return {
      load: (props?: string) => new Loadable(this.ctx, () => this.allTables.map((t) => ({ name: t.name }))).load(props),
      /** A reference resolved when used (as a PivotTable source). */
      getItem: (name: string) => ({ name }),
    };
  }
  get pivotTables() {
    return { load: (props?: string) => new Loadable(this.ctx, () => this.pivots.map((p) => ({ name: p.name }))).load(props) };
  }
  /** `workbook.load('name')`: the double's name is always readable; loading still costs nothing but a queue entry. */
  load(_props?: string): this {
    this.ctx.queue(0, () => undefined, true);
    return this;
  }
  get context(): ContextDouble {
    return this.ctx;
  }
  sheet(name: string): WorksheetDouble | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  table(name: string): TableDouble | undefined {
    return this.allTables.find((t) => t.name === name);
  }
  pivot(name: string): PivotState | undefined {
    return this.pivots.find((p) => p.name === name);
  }
  /**
   * For assertions: what a PivotTable with one row and one column field shows, from its source table as it is now:
   * the count of non-blank data-field cells per row item × column item, over the rows every filter lets through.
   */
  pivotCounts(name: string): Map<string, Map<string, number>> {
    const p = this.pivot(name);
    const t = p && this.table(p.source);
    if (!p || !t || p.rows.length !== 1 || p.columns.length !== 1 || p.data.length !== 1) throw new Error(`double: pivotCounts needs one row, column and data field (${name})`);
    const column = (field: string) => t.columnValues(field);
    const rows = column(p.rows[0]);
    const cols = column(p.columns[0]);
    const data = column(p.data[0].name);
    const filters = p.filters.map((f) => ({ values: column(f.name), hidden: new Set(f.hidden.map((h) => h.toLowerCase())) }));
    const out = new Map<string, Map<string, number>>();
    data.forEach((v, i) => {
      if (filters.some((f) => f.hidden.has(pivotLabel(f.values[i]).toLowerCase()))) return;
      if (pivotLabel(v) === PIVOT_BLANK) return;
      const r = pivotLabel(rows[i]);
      const c = pivotLabel(cols[i]);
      const line = out.get(r) ?? new Map<string, number>();
      line.set(c, (line.get(c) ?? 0) + 1);
      out.set(r, line);
    });
    return out;
  }
  /** Ends a batch: sheets added in it are now plain sheets (or gone, if the batch failed). */
  endBatch(): void {
    this.addedInBatch.length = 0;
  }
  raiseChanged(sheet: WorksheetDouble, address: string, source: 'Local' | 'Remote' = 'Local'): void {
    const e: ChangeEvent = { type: 'WorksheetChanged', address, worksheetId: sheet.id, changeType: 'RangeEdited', source };
    this.changeEvents.push(e);
    // Excel delivers events asynchronously, after the request that caused them has returned.
    for (const h of [...this.changeHandlers]) void Promise.resolve().then(() => h(e));
  }
  /** A user edit (for live-validation tests): the value lands and onChanged fires, no sync involved. */
  userEdit(sheetName: string, address: string, value: unknown): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`ItemNotFound: sheet ${sheetName}`);
    const b = parseAddress(address);
    sheet.cell(b.r0, b.c0).value = value;
    this.raiseChanged(sheet, address);
  }
  /**
   * Test setup: a sheet with values (and optional number formats), as if the user had typed them.
   * Written directly: no op log, no events, no sync.
   */
  seedSheet(name: string, values: readonly (readonly unknown[])[], options: { at?: string; visibility?: string; numberFormats?: Readonly<Record<string, string>>; merges?: readonly string[] } = {}): WorksheetDouble {
    let sheet = this.sheet(name);
    if (!sheet) {
      sheet = new WorksheetDouble(this, name);
      this.sheets.push(sheet);
    }
    const at = parseAddress(options.at ?? 'A1');
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === '') return;
        sheet.cell(at.r0 + r, at.c0 + c).value = v;
      }),
    );
    for (const [address, fmt] of Object.entries(options.numberFormats ?? {})) {
      const b = parseAddress(address);
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) sheet.cell(r, c).numberFormat = fmt;
    }
    for (const m of options.merges ?? []) sheet.merges.push({ address: m, across: false });
    if (options.visibility) sheet.visibility = options.visibility;
    return sheet;
  }
  addPivot(sheet: WorksheetDouble, name: string, source: unknown, destination: unknown) {
    const pivots = this.pivots;
    const tableNamed = (n: string) => this.table(n);
    const sourceName = source instanceof TableDouble || (typeof source === 'object' && source !== null && 'name' in source) ? (source as { name: string; address: string }) : undefined;
    const state: PivotState = { name, sheet: sheet.name, source: '', destination: destination instanceof RangeDouble ? destination.address : String(destination), rows: [], columns: [], data: [], filters: [] };
    this.ctx.queue(0, () => {
      if (pivots.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: pivot table name ${name} exists`);
      state.source = sourceName ? sourceName.name : String(source);
      pivots.push(state);
      opLog.push({ kind: 'pivotTables.add', sheet: sheet.name, address: state.destination, detail: state.source });
    });
    const headers = (): string[] => {
      const t = sourceName ? tableNamed(sourceName.name) : undefined;
      if (!t) throw new Error(`InvalidArgument: pivot source ${String(source)} is not a table`);
      return t.headers;
    };
    const hierarchy = (n: string) => ({ name: n });
    /** A field's items: the column's distinct values, the first spelling of each (PivotTables ignore case). */
    const items = (field: string): string[] => {
      const t = this.table(state.source)!;
      const seen = new Map<string, string>();
      for (const v of t.columnValues(field)) {
        const label = pivotLabel(v);
        if (!seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
      }
      return [...seen.values()];
    };
    const ctx = this.ctx;
    const filterHierarchies = {
      add: (h: { name: string }) => {
        const entry: PivotFilterState = { name: h.name, hidden: [] };
        ctx.queue(0, () => {
          if (!headers().includes(h.name)) throw new Error(`InvalidArgument: no field ${h.name}`);
          // A hierarchy is on one axis at a time: adding it here takes it off the rows or columns.
          for (const list of [state.rows, state.columns]) if (list.includes(h.name)) list.splice(list.indexOf(h.name), 1);
          state.filters.push(entry);
          opLog.push({ kind: 'pivot.filters', sheet: sheet.name, detail: h.name });
        });
        return {
          set enableMultipleFilterItems(v: boolean) {
            ctx.queue(0, () => (entry.enableMultipleFilterItems = v));
          },
          fields: {
            // A source-table hierarchy has one field, of the same name.
            getItem: (field: string) => ({
              items: {
                getItem: (item: string) => ({
                  set visible(v: boolean) {
                    ctx.queue(0, () => {
                      if (field.toLowerCase() !== h.name.toLowerCase()) throw new Error(`ItemNotFound: pivot field ${field}`);
                      const all = items(h.name);
                      const found = all.find((x) => x.toLowerCase() === item.toLowerCase());
                      if (found === undefined) throw new Error(`ItemNotFound: pivot item ${item}`);
                      const i = entry.hidden.indexOf(found);
                      if (v && i >= 0) entry.hidden.splice(i, 1);
                      if (!v && i < 0) {
                        if (entry.hidden.length + 1 >= all.length) throw new Error('InvalidOperation: at least one pivot item must stay visible');
                        entry.hidden.push(found);
                      }
                      opLog.push({ kind: 'pivot.item.visible', sheet: sheet.name, detail: [found, v] });
                    });
                  },
                }),
              },
            }),
          },
        };
      },
    };
    const adder = (list: 'rows' | 'columns') => ({
      add: (h: { name: string }) => {
        this.ctx.queue(0, () => {
          if (!headers().includes(h.name)) throw new Error(`InvalidArgument: no field ${h.name}`);
          state[list].push(h.name);
          opLog.push({ kind: `pivot.${list}`, sheet: sheet.name, detail: h.name });
        });
        return h;
      },
    });
    return {
      hierarchies: { getItem: hierarchy },
      rowHierarchies: adder('rows'),
      columnHierarchies: adder('columns'),
      filterHierarchies,
      dataHierarchies: {
        add: (h: { name: string }) => {
          const entry: { name: string; summarizeBy?: string } = { name: h.name };
          this.ctx.queue(0, () => {
            if (!headers().includes(h.name)) throw new Error(`InvalidArgument: no field ${h.name}`);
            state.data.push(entry);
            opLog.push({ kind: 'pivot.data', sheet: sheet.name, detail: h.name });
          });
          const ctx = this.ctx;
          return {
            set summarizeBy(v: string) {
              ctx.queue(0, () => (entry.summarizeBy = v));
            },
          };
        },
      },
    };
  }
}

/** Charts on a sheet: `worksheet.charts.add(type, source, seriesBy)`. */
function chartsOf(sheet: WorksheetDouble, ctx: ContextDouble) {
  return {
    add: (type: string, source: RangeDouble, seriesBy = 'Auto') => {
      const state: ChartState = { sheet: sheet.name, type, source: source.address, seriesBy };
      ctx.queue(0, () => {
        sheet.chartList.push(state);
        opLog.push({ kind: 'charts.add', sheet: sheet.name, address: source.address, detail: type });
      });
      return {
        title: {
          set text(v: string) {
            ctx.queue(0, () => {
              state.title = v;
              opLog.push({ kind: 'chart.title', sheet: sheet.name, detail: v });
            });
          },
        },
        set name(v: string) {
          ctx.queue(0, () => (state.name = v));
        },
        setPosition(start: string, end?: string) {
          ctx.queue(0, () => {
            state.position = [start, end];
            opLog.push({ kind: 'chart.position', sheet: sheet.name, address: end ? `${start}:${end}` : start });
          });
        },
      };
    },
  };
}

export class PayloadError extends Error {
  readonly code = 'RequestPayloadSizeLimitExceeded';
  constructor(cells: number, limit: number) {
    super(`The request payload size has exceeded the limit (${cells} cells > ${limit}).`);
    this.name = 'RichApi.Error';
  }
}

export class ContextDouble {
  syncCount = 0;
  pending: Pending[] = [];
  /** Loads queued in the current batch: a batch that only loads is a read, not a write. */
  private loadsInBatch = 0;
  /** An error the host reports at the next sync (as real Excel does for a refused command). */
  failure?: Error;
  /** Refuse a batch writing more cells than this (values + number formats), like the 5 MB request limit. */
  payloadLimitCells?: number;
  /** Cells written (values + number formats) per successful sync, in order. */
  readonly cellsPerSync: number[] = [];
  /** Cells in batches that were refused. */
  readonly refusedBatches: number[] = [];
  /** Refuse a batch whose loads would send back more cells than this (values + number formats). */
  responseLimitCells?: number;
  /** Cells sent back per successful sync, and by refused batches. */
  readonly responseCellsPerSync: number[] = [];
  readonly refusedResponses: number[] = [];
  readonly workbook: WorkbookDouble;
  constructor() {
    this.workbook = new WorkbookDouble(this);
  }
  queue(cells: number, apply: () => void, isLoad = false, responseCells?: () => number): void {
    this.pending.push({ cells, apply, ...(responseCells ? { responseCells } : {}) });
    if (isLoad) this.loadsInBatch++;
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.pending;
    this.pending = [];
    this.loadsInBatch = 0;
    const cells = batch.reduce((n, p) => n + p.cells, 0);
    const failure = this.failure;
    this.failure = undefined;
    try {
      if (failure) throw failure;
      if (this.payloadLimitCells !== undefined && cells > this.payloadLimitCells) {
        this.refusedBatches.push(cells);
        throw new PayloadError(cells, this.payloadLimitCells);
      }
      const response = batch.reduce((n, p) => n + (p.responseCells?.() ?? 0), 0);
      if (this.responseLimitCells !== undefined && response > this.responseLimitCells) {
        this.refusedResponses.push(response);
        throw new PayloadError(response, this.responseLimitCells);
      }
      this.responseCellsPerSync.push(response);
      for (const p of batch) p.apply();
      this.cellsPerSync.push(cells);
    } finally {
      this.workbook.endBatch();
    }
  }
  /** The ordered log of writes since the double was made. */
  get ops(): readonly Op[] {
    return opLog;
  }
}

export function createExcelDouble(): { context: ContextDouble; asExcel: Excel.RequestContext } {
  opLog = [];
  const context = new ContextDouble();
  return { context, asExcel: context as unknown as Excel.RequestContext };
}

/** A requirement-set checker that supports ExcelApi up to `max` (e.g. "1.9"). */
export function requirementsUpTo(max: string) {
  const [maj, min] = max.split('.').map(Number);
  return {
    isSetSupported(name: string, version = '1.1'): boolean {
      if (name !== 'ExcelApi') return false;
      const [a, b] = version.split('.').map(Number);
      return a < maj || (a === maj && b <= min);
    },
  };
}
