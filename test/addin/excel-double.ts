/**
 * An in-memory double of the Excel JavaScript API subset the add-in uses. It keeps cells, formats, merges,
 * tables, names, validation rules and page setup, enforces what real Excel enforces (value arrays must match
 * the range, names are unique, `items` is readable only after sync) and counts `context.sync()` calls.
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

/** Parses "A1", "A1:E7", "A:A", "2:2" (0-based inclusive box). */
export function parseAddress(address: string): Box {
  const parts = address.replace(/\$/g, '').split(':');
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

export type Op = { kind: string; sheet: string; address?: string; detail?: unknown };

let opLog: Op[] = [];

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

class FormatDouble {
  readonly font: FontDouble;
  constructor(private readonly sink: (p: string, v: unknown) => void) {
    this.font = new FontDouble((p, v) => sink(p, v));
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
}

class DataValidationDouble {
  constructor(private readonly state: ValidationState) {}
  set rule(v: unknown) {
    this.state.rule = v;
  }
  set errorAlert(v: unknown) {
    this.state.errorAlert = v;
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
    this.format = new FormatDouble((property, value) => {
      sheet.formats.push({ address: this.address, property, value });
      opLog.push({ kind: `format.${property}`, sheet: sheet.name, address: this.address, detail: value });
    });
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
  private checkShape(v: unknown[][], what: string): void {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} for ${this.address} must be ${this.rows}x${this.cols}`);
    }
  }
  set values(v: unknown[][]) {
    this.checkShape(v, 'values');
    opLog.push({ kind: 'values', sheet: this.sheet.name, address: this.address });
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) {
        const cell = this.sheet.cell(this.box.r0 + r, this.box.c0 + c);
        cell.value = v[r][c];
        cell.formatAtWrite = cell.numberFormat ?? 'General';
      }
  }
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
    opLog.push({ kind: 'numberFormat', sheet: this.sheet.name, address: this.address });
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) this.sheet.cell(this.box.r0 + r, this.box.c0 + c).numberFormat = String(v[r][c]);
  }
  get dataValidation(): DataValidationDouble {
    let state = this.sheet.validations.find((s) => s.address === this.address);
    if (!state) {
      state = { address: this.address };
      this.sheet.validations.push(state);
    }
    return new DataValidationDouble(state);
  }
  merge(across = false): void {
    this.sheet.merges.push({ address: this.address, across });
  }
  clear(applyTo = 'All'): void {
    opLog.push({ kind: `clear.${applyTo}`, sheet: this.sheet.name, address: this.address });
    for (const [key, cell] of this.sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      if (r >= this.box.r0 && r <= this.box.r1 && c >= this.box.c0 && c <= this.box.c1) {
        if (applyTo === 'All' || applyTo === 'Contents') cell.value = undefined;
        if (applyTo === 'All' || applyTo === 'Formats') cell.numberFormat = undefined;
      }
    }
  }
  select(): void {
    this.sheet.book.selection = `${this.sheet.name}!${this.address}`;
  }
}

export class TableDouble {
  name: string;
  style = 'TableStyleMedium2';
  showFilterButton = true;
  readonly headers: string[];
  constructor(
    readonly book: WorkbookDouble,
    readonly worksheet: WorksheetDouble,
    readonly address: string,
    readonly hasHeaders: boolean,
  ) {
    this.name = `Table${book.allTables.length + 1}`;
    const box = parseAddress(address);
    this.headers = [];
    for (let c = box.c0; c <= box.c1; c++) this.headers.push(String(worksheet.peek(box.r0, c)?.value ?? `Column${c - box.c0 + 1}`));
    return new Proxy(this, {
      set(target, prop, value) {
        if (prop === 'name') {
          const clash = book.allTables.find((t) => t !== target && t.name.toLowerCase() === String(value).toLowerCase());
          if (clash || book.namedItems.has(String(value).toLowerCase())) throw new Error(`InvalidArgument: table name ${value} exists`);
        }
        (target as unknown as Record<string | symbol, unknown>)[prop] = value;
        return true;
      },
    });
  }
}

class PageLayoutDouble {
  orientation?: string;
  zoom?: unknown;
  centerHorizontally?: boolean;
  printTitleRows?: string;
  constructor(private readonly book: WorkbookDouble) {
    return new Proxy(this, {
      set(target, prop, value) {
        if (book.refusePageLayout) book.context.failure = new Error('ApiNotFound: pageLayout');
        (target as unknown as Record<string | symbol, unknown>)[prop] = value;
        return true;
      },
    });
  }
  setPrintTitleRows(rows: string): void {
    if (this.book.refusePageLayout) this.book.context.failure = new Error('ApiNotFound: pageLayout');
    this.printTitleRows = rows;
  }
}

export class WorksheetDouble {
  visibility = 'Visible';
  frozenRows = 0;
  readonly cells = new Map<string, CellState>();
  readonly formats: FormatWrite[] = [];
  readonly merges: { address: string; across: boolean }[] = [];
  readonly validations: ValidationState[] = [];
  readonly pageLayout: PageLayoutDouble;
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableDouble };
  readonly freezePanes: { freezeRows: (n: number) => void };
  constructor(
    readonly book: WorkbookDouble,
    public name: string,
  ) {
    this.pageLayout = new PageLayoutDouble(book);
    this.tables = {
      add: (address, hasHeaders) => {
        const t = new TableDouble(book, this, address, hasHeaders);
        book.allTables.push(t);
        opLog.push({ kind: 'tables.add', sheet: this.name, address });
        return t;
      },
    };
    this.freezePanes = {
      freezeRows: (n) => {
        this.frozenRows = n;
      },
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
  getRange(address?: string): RangeDouble {
    return new RangeDouble(this, address);
  }
  activate(): void {
    this.book.active = this.name;
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
    this.ctx.pending.push(() => {
      this.loaded = [...this.source()];
    });
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

export class WorkbookDouble {
  readonly sheets: WorksheetDouble[] = [];
  readonly allTables: TableDouble[] = [];
  readonly namedItems = new Map<string, NamedItemDouble>();
  active?: string;
  selection?: string;
  refusePageLayout = false;
  readonly worksheets;
  readonly names;
  constructor(private readonly ctx: ContextDouble) {
    this.worksheets = {
      add: (name: string): WorksheetDouble => {
        if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet ${name}`);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
        const s = new WorksheetDouble(this, name);
        this.sheets.push(s);
        opLog.push({ kind: 'worksheets.add', sheet: name });
        return s;
      },
      getItem: (name: string): WorksheetDouble => {
        const s = this.sheet(name);
        if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
        return s;
      },
      getItemOrNullObject: (name: string) => this.sheet(name) ?? { isNullObject: true },
      load: (props?: string) => new Loadable(ctx, () => this.sheets.map((s) => ({ name: s.name }))).load(props),
    };
    this.names = {
      add: (name: string, reference: string, comment?: string): NamedItemDouble => {
        if (this.namedItems.has(name.toLowerCase())) throw new Error(`ItemAlreadyExists: name ${name}`);
        const n = new NamedItemDouble(name, reference, comment);
        this.namedItems.set(name.toLowerCase(), n);
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
    return { load: (props?: string) => new Loadable(this.ctx, () => this.allTables.map((t) => ({ name: t.name }))).load(props) };
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
}

export class ContextDouble {
  syncCount = 0;
  pending: (() => void)[] = [];
  /** An error the host reports at the next sync (as real Excel does for a refused command). */
  failure?: Error;
  readonly workbook: WorkbookDouble;
  constructor() {
    this.workbook = new WorkbookDouble(this);
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const failure = this.failure;
    this.failure = undefined;
    if (failure) {
      this.pending = [];
      throw failure;
    }
    const p = this.pending;
    this.pending = [];
    for (const f of p) f();
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
