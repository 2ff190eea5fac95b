/**
 * Realistic regional submissions, written with exceljs from a seeded PRNG (no Math.random, no Node API):
 * the layouts people really produce and the mistakes they really make, each planted mistake listed in a
 * machine-readable manifest with its cell and the validator's rule code.
 */
import ExcelJS from 'exceljs';
import { TABLES, VARIANTS, tableTitle, type ColumnSpec, type TableKey, type Variant } from '../core/notice/tables';
import { REGIONS, regionByCode, regionByName, type Region } from '../core/notice/regions';
import { AGENCY_TYPES, INDUSTRIES, LICENSED_AGENCY_TYPES, SCHEME_TYPES } from '../core/notice/vocabularies';
import { APPLICANT_BASICS, AUTHORITY_BASICS, JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, type FormSpec } from '../core/notice/forms';
import { RULES } from '../core/rules/catalog';
import { Rng } from './prng';
import { fixZipTimes } from './zip-time';
import { Drawer, drawRecords, typicalAlias, type AgencyRecord, type Contact, type Records, type SchemeRecord, type TargetRecord } from './generate-records';
import { BRAND_WORDS, TARGET_SUFFIXES, flavourOf, official } from './pools';

export type Severity = 'error' | 'warning' | 'info';

/** How the workbook is laid out: the quirks people introduce into the official tables. */
export interface LayoutSpec {
  /** All tables stacked on one sheet under their titles, or one sheet per table (default). */
  readonly arrangement?: 'stacked' | 'perTable';
  /** A 基本情况 / 基本信息 form sheet before the tables. */
  readonly formSheet?: boolean;
  /** Titles merged over the table width (default true). */
  readonly mergedTitles?: boolean;
  /** "表 1 …" with a space, as 附件3 prints it. */
  readonly titleSpace?: boolean;
  /** A 填报单位 / 填报日期 line between title and header. */
  readonly fillerRow?: boolean;
  /** Line breaks inside header cells (联系方式\n（手机与邮箱）). */
  readonly headerLineBreaks?: boolean;
  /** Half-width brackets in headers: 联系方式 (手机与邮箱). */
  readonly halfWidthBrackets?: boolean;
  /** A 备注 column after the official ones. */
  readonly remarksColumn?: boolean;
  /** A blank row in the middle of each table. */
  readonly blankRowInside?: boolean;
  /** The template's "..." row after each table. */
  readonly continuationRow?: boolean;
  /** The template's hint row （企业类、产品服务类） left under the 服务方案 header. */
  readonly hintRow?: boolean;
  /** A 合计 row under 服务对象. */
  readonly totalRow?: boolean;
  /** A two-row header: 联系方式（手机与邮箱） over 手机 / 邮箱. */
  readonly splitContactHeader?: boolean;
  /** Mobiles in their own column (and the form's phone) stored as numbers. */
  readonly phonesAsNumbers?: boolean;
  /** A hidden sheet holding an old draft of 服务对象. */
  readonly hiddenOldSheet?: boolean;
  /** First column of every table (1 = A). */
  readonly startColumn?: number;
  /** Sheet names chosen by the person. */
  readonly sheetNames?: Partial<Record<TableKey | 'stacked' | 'form', string>>;
}

export type MistakeKind =
  | 'mobile-invalid'
  | 'email-fullwidth-at'
  | 'email-no-tld'
  | 'alias-agency-type'
  | 'alias-industry'
  | 'missing-contact-person'
  | 'mobile-in-name'
  | 'duplicate-enterprise'
  | 'product-scheme-with-industry'
  | 'no-licensed-insurer'
  | 'two-leads';

export interface MistakeSpec {
  readonly kind: MistakeKind;
  /** Table for the contact mistakes (default 服务对象). */
  readonly table?: TableKey;
}

export interface SubmissionSpec {
  readonly seed: number;
  /** Region name, short name or code. */
  readonly region: string;
  readonly variant: Variant;
  /** 附件2 from the 工业和信息化主管部门 (default) or the 通信管理局. */
  readonly authority?: 'miit' | 'ca';
  readonly fileName?: string;
  readonly rows?: Partial<Record<TableKey, number>>;
  readonly layout?: LayoutSpec;
  readonly mistakes?: readonly MistakeSpec[];
  /** The 牵头 agency (附件2) or 牵头单位 (附件3); drawn when absent. */
  readonly lead?: string;
  /** Enterprises planted into 服务对象 (for cross-submission checks). */
  readonly extraTargets?: readonly { readonly name: string; readonly industry: string }[];
  /** Schemes planted into 服务方案. */
  readonly extraSchemes?: readonly { readonly name: string; readonly type: string; readonly field: string }[];
}

export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
}

export interface PlantedIssue {
  /** The validator's rule code. */
  readonly code: string;
  readonly severity: Severity;
  /** What was planted, in plain words. */
  readonly kind: string;
  readonly table: TableKey | 'workbook';
  readonly sheet?: string;
  readonly cell?: string;
  readonly row?: number;
  /** Column key (`contact`, `industry` …). */
  readonly column?: string;
  readonly value?: string;
  readonly fix?: string;
  readonly related?: readonly CellRef[];
}

export interface TableManifest {
  readonly table: TableKey;
  readonly sheet: string;
  readonly title: string;
  readonly titleCell: string;
  readonly headerRows: readonly number[];
  /** Column key → letter; a split contact column gives `contact.mobile` and `contact.email`. */
  readonly columns: Readonly<Record<string, string>>;
  readonly rows: number;
  /** Every data row a correct reader must extract, cells keyed by column key, as text. */
  readonly dataRows: readonly { readonly row: number; readonly cells: Readonly<Record<string, string>> }[];
  /** Rows inside the table that are not data. */
  readonly skippedRows: readonly { readonly row: number; readonly reason: string }[];
}

export interface SubmissionManifest {
  readonly file: string;
  readonly seed: number;
  readonly region: string;
  readonly regionCode: string;
  readonly variant: Variant;
  /** The submitting authority (附件2) or lead applicant (附件3). */
  readonly submitter: string;
  /** The 牵头 agency / 牵头单位. */
  readonly lead: string;
  readonly quirks: readonly string[];
  readonly formSheet?: string;
  readonly hiddenSheets: readonly string[];
  readonly tables: Partial<Record<TableKey, TableManifest>>;
  readonly rowCounts: Partial<Record<TableKey, number>>;
  readonly issues: readonly PlantedIssue[];
}

export interface GeneratedSubmission {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly manifest: SubmissionManifest;
}

const DEFAULT_ROWS: Record<TableKey, number> = { agencies: 5, targets: 10, schemes: 4 };
const FIXED_DATE = new Date(Date.UTC(2024, 2, 8));
const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function resolveRegion(name: string): Region {
  const r = regionByName(name) ?? regionByCode(name);
  if (!r) throw new Error(`unknown region ${name}`);
  return r;
}

export function defaultFileName(region: Region, variant: Variant): string {
  return `${region.name}网络安全保险服务试点工作方案-${variant}表格.xlsx`;
}

/** Generate one submission and its manifest. */
export async function generateSubmission(spec: SubmissionSpec): Promise<GeneratedSubmission> {
  const wb = new ExcelJS.Workbook();
  const manifest = buildSubmission(wb, spec);
  const buf = await wb.xlsx.writeBuffer();
  return { name: manifest.file, bytes: fixZipTimes(new Uint8Array(buf as ArrayBuffer)), manifest };
}

// ---------------------------------------------------------------------------------------------
// Content and mistakes

interface Planted {
  readonly code: string;
  readonly severity: Severity;
  readonly kind: string;
  readonly table: TableKey;
  /** The record the mistake sits in; undefined for table-level findings. */
  readonly record?: object;
  readonly column?: string;
  readonly sub?: 'mobile' | 'email';
  readonly fix?: string;
  /** The fix is the cell's text with this replacement applied. */
  readonly fixReplace?: readonly [string, string];
  readonly relatedRecord?: object;
}

function contactTable(m: MistakeSpec): 'targets' | 'schemes' | 'agencies' {
  return m.table ?? 'targets';
}

function recordsOf(r: Records, t: TableKey): { contact: Contact; name: string }[] {
  return t === 'agencies' ? r.agencies : t === 'targets' ? r.targets : r.schemes;
}

/** Pick a record that no earlier mistake touched, preferring the middle of the table. */
function pickFree<T extends object>(rng: Rng, list: readonly T[], taken: Set<object>, ok: (x: T) => boolean = () => true): T {
  const candidates = list.filter((x) => !taken.has(x) && ok(x));
  if (candidates.length === 0) throw new Error('not enough rows to plant this mistake');
  const x = rng.pick(candidates);
  taken.add(x);
  return x;
}

function renameTarget(d: Drawer, region: Region, rec: TargetRecord, industry: string): void {
  const suffixes = TARGET_SUFFIXES[industry] ?? ['科技有限公司'];
  rec.name = d.unique(
    () => `${d.rng.pick(flavourOf(region).cities)}${d.rng.pick(BRAND_WORDS)}${d.rng.pick(suffixes)}`,
    (b, n) => b.replace(/有限公司$/, `第${n}有限公司`),
  );
}

function plantMistakes(d: Drawer, region: Region, variant: Variant, r: Records, mistakes: readonly MistakeSpec[]): Planted[] {
  const rng = d.rng;
  const out: Planted[] = [];
  const taken = new Set<object>();
  for (const m of mistakes) {
    switch (m.kind) {
      case 'mobile-invalid': {
        const t = contactTable(m);
        const rec = pickFree(rng, recordsOf(r, t), taken);
        const good = rec.contact.mobile;
        rec.contact.mobile = rng.chance(0.5) ? good.slice(0, 10) : `12${good.slice(2)}`;
        out.push({ code: 'contact.mobile-invalid', severity: 'error', kind: `mobile ${rec.contact.mobile} is not a valid mainland mobile (手机号码位数或号段错误)`, table: t, record: rec, column: 'contact', sub: 'mobile' });
        break;
      }
      case 'email-fullwidth-at': {
        const t = contactTable(m);
        const rec = pickFree(rng, recordsOf(r, t), taken);
        const good = rec.contact.email;
        rec.contact.email = good.replace('@', '＠');
        out.push({ code: 'contact.email-invalid', severity: 'error', kind: 'e-mail written with a full-width ＠ (邮箱使用了全角＠)', table: t, record: rec, column: 'contact', sub: 'email', fixReplace: [rec.contact.email, good] });
        break;
      }
      case 'email-no-tld': {
        const t = contactTable(m);
        const rec = pickFree(rng, recordsOf(r, t), taken, (x) => /\.com$/.test(x.contact.email));
        const good = rec.contact.email;
        rec.contact.email = good.replace(/\.com$/, '');
        out.push({ code: 'contact.email-invalid', severity: 'error', kind: 'e-mail without its .com (邮箱缺少 .com)', table: t, record: rec, column: 'contact', sub: 'email', fixReplace: [rec.contact.email, good] });
        break;
      }
      case 'alias-agency-type': {
        if (variant !== '附件2') throw new Error('alias-agency-type needs the 附件2 服务机构 table');
        const rec = pickFree(rng, r.agencies, taken, (a) => !a.lead);
        const intermediary = official(AGENCY_TYPES, '保险中介机构');
        rec.name = d.unique(
          () => `${rng.pick(flavourOf(region).cities)}${rng.pick(BRAND_WORDS)}保险经纪有限公司`,
          (b, n) => b.replace(/有限公司$/, `第${n}有限公司`),
        );
        rec.type = typicalAlias(AGENCY_TYPES, intermediary);
        rec.role = '否，负责保险经纪服务与方案设计';
        out.push({ code: 'category.not-in-vocabulary', severity: 'error', kind: `机构类型 "${rec.type}" is a people's variant of ${intermediary}`, table: 'agencies', record: rec, column: 'type', fix: intermediary });
        break;
      }
      case 'alias-industry': {
        const target = official(INDUSTRIES, '电信和互联网');
        const rec = pickFree(rng, r.targets, taken);
        if (rec.industry !== target) renameTarget(d, region, rec, target);
        rec.industry = typicalAlias(INDUSTRIES, target);
        out.push({ code: 'category.not-in-vocabulary', severity: 'error', kind: `所在行业领域 "${rec.industry}" is a people's variant of ${target}`, table: 'targets', record: rec, column: 'industry', fix: target });
        break;
      }
      case 'missing-contact-person': {
        const t = contactTable(m) === 'agencies' ? 'targets' : contactTable(m);
        const rec = pickFree(rng, recordsOf(r, t), taken);
        rec.contact.name = '';
        out.push({ code: 'required.missing', severity: 'error', kind: '联系人 left empty (联系人未填写)', table: t, record: rec, column: 'contactPerson' });
        break;
      }
      case 'mobile-in-name': {
        const t = contactTable(m) === 'agencies' ? 'targets' : contactTable(m);
        const rec = pickFree(rng, recordsOf(r, t), taken);
        rec.contact.name = rec.contact.mobile;
        rec.contact.mobile = '';
        out.push({ code: 'contact.name-is-number', severity: 'error', kind: 'the mobile typed into 联系人 (联系人填成了手机号)', table: t, record: rec, column: 'contactPerson' });
        out.push({ code: 'contact.mobile-missing', severity: 'error', kind: '联系方式 holds only an e-mail (联系方式缺少手机)', table: t, record: rec, column: 'contact', sub: 'mobile' });
        break;
      }
      case 'duplicate-enterprise': {
        const first = pickFree(rng, r.targets.slice(0, Math.max(1, Math.floor(r.targets.length / 2))), taken);
        const copy: TargetRecord = { name: first.name, industry: first.industry, contact: d.contact() };
        const at = rng.int(r.targets.indexOf(first) + 1, r.targets.length);
        r.targets.splice(at, 0, copy);
        taken.add(copy);
        out.push({ code: 'duplicate.name', severity: 'warning', kind: `企业 ${first.name} listed twice (服务对象重复)`, table: 'targets', record: copy, column: 'name', relatedRecord: first });
        break;
      }
      case 'product-scheme-with-industry': {
        const product = official(SCHEME_TYPES, '产品服务类');
        const rec = pickFree(rng, r.schemes, taken);
        const industry = official(INDUSTRIES, '工业互联网');
        if (rec.type !== product) {
          rec.name = d.unique(
            () => `${rng.pick(['工业控制系统', '工业互联网平台', '边缘计算网关'])}安全产品网络安全保险方案`,
            (b, n) => b.replace(/方案$/, `方案（${n}期）`),
          );
          rec.type = product;
        }
        rec.field = industry;
        out.push({ code: 'scheme.type-field-mismatch', severity: 'warning', kind: '产品服务类 scheme with an industry instead of a product type (产品服务类方案填写了行业领域)', table: 'schemes', record: rec, column: 'industry' });
        break;
      }
      case 'no-licensed-insurer': {
        if (variant !== '附件2') throw new Error('no-licensed-insurer needs the 附件2 服务机构 table');
        const intermediary = official(AGENCY_TYPES, '保险中介机构');
        for (const a of r.agencies) {
          if (!LICENSED_AGENCY_TYPES.includes(a.type)) continue;
          a.type = intermediary;
          a.name = d.unique(
            () => `${rng.pick(flavourOf(region).cities)}${rng.pick(BRAND_WORDS)}保险经纪有限公司`,
            (b, n) => b.replace(/有限公司$/, `第${n}有限公司`),
          );
          if (a.lead) r.lead = a.name;
        }
        // Brokers only: the validator names this case apart from an empty list of insurers.
        out.push({ code: 'agencies.only-intermediary', severity: 'warning', kind: 'only insurance brokers, no agency holds an insurance licence (服务机构中只有保险中介机构，没有保险公司或再保险公司)', table: 'agencies', column: 'type' });
        break;
      }
      case 'two-leads': {
        if (variant !== '附件2') throw new Error('two-leads needs the 附件2 服务机构 table');
        const rec = pickFree(rng, r.agencies, taken, (a) => !a.lead);
        rec.role = rec.role.replace(/^否，?/, '是，牵头单位，');
        out.push({ code: 'agencies.several-leads', severity: 'error', kind: 'two agencies marked 牵头 (牵头单位不止一家)', table: 'agencies', record: rec, column: 'role', relatedRecord: r.agencies.find((a) => a.lead) });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Layout

interface PhysicalColumn {
  readonly key: string;
  readonly sub?: 'mobile' | 'email';
  readonly header: string;
  /** Header of the upper row in a two-row header (the merged 联系方式（手机与邮箱）). */
  readonly top?: string;
  readonly width: number;
}

function headerText(c: ColumnSpec, layout: LayoutSpec): string {
  let h = c.header;
  if (layout.headerLineBreaks) {
    if (h.includes('（')) h = h.replace('（', '\n（');
    else if (h.includes('及')) h = h.replace('及', '及\n');
    else if (h.length >= 6) h = `${h.slice(0, h.length - 2)}\n${h.slice(h.length - 2)}`;
  }
  if (layout.halfWidthBrackets) h = h.replace(/\n?（/, (m) => (m.startsWith('\n') ? '\n(' : ' (')).replace('）', ')');
  return h;
}

function physicalColumns(table: TableKey, layout: LayoutSpec): PhysicalColumn[] {
  const out: PhysicalColumn[] = [];
  for (const c of TABLES[table].columns) {
    if (c.kind === 'mobileAndEmail' && layout.splitContactHeader) {
      const top = headerText(c, layout);
      out.push({ key: c.key, sub: 'mobile', header: '手机', top, width: 14 });
      out.push({ key: c.key, sub: 'email', header: '邮箱', top, width: 24 });
    } else {
      out.push({ key: c.key, header: headerText(c, layout), width: c.width });
    }
  }
  if (layout.remarksColumn) out.push({ key: 'remarks', header: '备注', width: 14 });
  return out;
}

function letter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function contactText(c: Contact): string {
  const parts = c.emailFirst ? [c.email, c.mobile] : [c.mobile, c.email];
  return parts.filter((p) => p !== '').join(c.sep);
}

const REMARKS = ['', '', '', '', '已签订意向协议', '拟投保', '已完成风险评估', '续保'];

function cellValue(table: TableKey, rec: AgencyRecord | TargetRecord | SchemeRecord, col: PhysicalColumn, seq: number, layout: LayoutSpec, rng: Rng): string | number | null {
  if (col.key === 'seq') return seq;
  if (col.key === 'remarks') return rng.pick(REMARKS) || null;
  if (col.key === 'name') return rec.name;
  if (table === 'agencies') {
    const a = rec as AgencyRecord;
    if (col.key === 'type') return a.type;
    if (col.key === 'contact') return `${a.contact.name}${a.contact.sep}${a.contact.mobile}`;
    if (col.key === 'role') return a.role;
  }
  if (table === 'targets' && col.key === 'industry') return (rec as TargetRecord).industry;
  if (table === 'schemes') {
    const s = rec as SchemeRecord;
    if (col.key === 'type') return s.type;
    if (col.key === 'industry') return s.field;
  }
  const c = (rec as TargetRecord).contact;
  if (col.key === 'contactPerson') return c.name || null;
  if (col.key === 'contact') {
    if (col.sub === 'mobile') return c.mobile === '' ? null : layout.phonesAsNumbers && /^\d{11}$/.test(c.mobile) ? Number(c.mobile) : c.mobile;
    if (col.sub === 'email') return c.email || null;
    return contactText(c);
  }
  return null;
}

interface Placed {
  readonly manifest: TableManifest;
  /** Record → sheet row. */
  readonly rowOf: Map<object, number>;
  readonly columns: readonly PhysicalColumn[];
  readonly startCol: number;
  readonly headerRow: number;
}

function writeTableAt(
  ws: ExcelJS.Worksheet,
  startRow: number,
  variant: Variant,
  table: TableKey,
  records: readonly (AgencyRecord | TargetRecord | SchemeRecord)[],
  layout: LayoutSpec,
  submitter: string,
  rng: Rng,
): { placed: Placed; nextRow: number } {
  const startCol = layout.startColumn ?? 1;
  const cols = physicalColumns(table, layout);
  const lastCol = startCol + cols.length - 1;
  const at = (row: number, i: number) => ws.getCell(row, startCol + i);
  cols.forEach((c, i) => {
    const col = ws.getColumn(startCol + i);
    col.width = Math.max(col.width ?? 0, c.width);
  });
  let row = startRow;

  // Title.
  const title = layout.titleSpace ? tableTitle(variant, table).replace(/^表(\d)/, '表 $1') : tableTitle(variant, table);
  const titleCell = `${letter(startCol)}${row}`;
  if (layout.mergedTitles !== false) ws.mergeCells(row, startCol, row, lastCol);
  const t = ws.getCell(row, startCol);
  t.value = title;
  t.font = { bold: true, size: 14 };
  if (layout.mergedTitles !== false) t.alignment = { horizontal: 'center' };
  row++;

  if (layout.fillerRow) {
    at(row, 0).value = `填报单位：${submitter}`;
    const date = ws.getCell(row, lastCol);
    date.value = FIXED_DATE;
    date.numFmt = 'yyyy"年"m"月"d"日"';
    row++;
  }

  // Header (one or two rows).
  const split = cols.some((c) => c.top);
  const headerRows = split ? [row, row + 1] : [row];
  cols.forEach((c, i) => {
    const cell = at(row, i);
    cell.value = c.top ?? c.header;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (split) {
      const lower = at(row + 1, i);
      lower.border = BORDER;
      lower.font = { bold: true };
      lower.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (c.top) lower.value = c.header;
    }
  });
  if (split) {
    cols.forEach((c, i) => {
      if (!c.top) ws.mergeCells(row, startCol + i, row + 1, startCol + i);
    });
    const first = cols.findIndex((c) => c.top);
    ws.mergeCells(row, startCol + first, row, startCol + first + 1);
  }
  row += headerRows.length;

  const columns: Record<string, string> = {};
  cols.forEach((c, i) => {
    columns[c.sub ? `${c.key}.${c.sub}` : c.key] = letter(startCol + i);
  });

  const skipped: { row: number; reason: string }[] = [];
  const border = (r: number) => cols.forEach((_, i) => (at(r, i).border = BORDER));

  if (layout.hintRow && table === 'schemes') {
    cols.forEach((c, i) => {
      const spec = TABLES[table].columns.find((x) => x.key === c.key);
      if (spec?.hint && !c.sub) at(row, i).value = spec.hint;
    });
    border(row);
    skipped.push({ row, reason: 'template hint row left under the header' });
    row++;
  }

  const rowOf = new Map<object, number>();
  const dataRows: { row: number; cells: Record<string, string> }[] = [];
  const blankAfter = layout.blankRowInside && records.length >= 4 ? Math.floor(records.length / 2) : -1;
  records.forEach((rec, idx) => {
    const cells: Record<string, string> = {};
    cols.forEach((c, i) => {
      const v = cellValue(table, rec, c, idx + 1, layout, rng);
      const cell = at(row, i);
      if (v !== null) cell.value = v;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      // Every column, '' when left empty: the reader hands over empty cells too (as the shared fixtures list them).
      cells[c.sub ? `${c.key}.${c.sub}` : c.key] = v === null ? '' : String(v);
    });
    rowOf.set(rec, row);
    dataRows.push({ row, cells });
    row++;
    if (idx + 1 === blankAfter) {
      border(row);
      skipped.push({ row, reason: 'blank row inside the table' });
      row++;
    }
  });

  if (layout.continuationRow) {
    at(row, 0).value = '...';
    border(row);
    skipped.push({ row, reason: 'template continuation row "..."' });
    row++;
  }
  if (layout.totalRow && table === 'targets') {
    at(row, 0).value = '合计';
    at(row, 1).value = `共${records.length}家`;
    border(row);
    skipped.push({ row, reason: '合计 row' });
    row++;
  }

  const manifest: TableManifest = {
    table,
    sheet: ws.name,
    title,
    titleCell,
    headerRows,
    columns,
    rows: records.length,
    dataRows,
    skippedRows: skipped,
  };
  return { placed: { manifest, rowOf, columns: cols, startCol, headerRow: headerRows[0] }, nextRow: row };
}

function writeForm(wb: ExcelJS.Workbook, name: string, form: FormSpec, r: Records, layout: LayoutSpec): void {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 48;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 24;
  ws.getCell('A1').value = form.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  let row = 2;
  for (const f of form.fields) {
    const v = r.form.values[f.key];
    ws.getCell(row, 1).value = f.label;
    ws.getCell(row, 1).font = { bold: true };
    const cell = ws.getCell(row, 2);
    if (v instanceof Date) {
      cell.value = v;
      cell.numFmt = 'yyyy"年"m"月"d"日"';
    } else if (typeof v === 'string' && layout.phonesAsNumbers && f.kind === 'phone' && /^1\d{10}$/.test(v)) {
      cell.value = Number(v);
    } else if (v !== undefined) {
      cell.value = v;
    }
    if (f.kind === 'text400') cell.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= 2; c++) ws.getCell(row, c).border = BORDER;
    row++;
  }
  if (form === APPLICANT_BASICS && r.form.joint.length > 0) {
    ws.getCell(row, 1).value = JOINT_APPLICANTS_LABEL;
    ws.getCell(row, 1).font = { bold: true };
    JOINT_APPLICANT_COLUMNS.forEach((c, i) => {
      ws.getCell(row, i + 2).value = c.label;
      ws.getCell(row, i + 2).font = { bold: true };
    });
    for (const j of r.form.joint) {
      row++;
      ws.getCell(row, 2).value = j.name;
      ws.getCell(row, 3).value = j.nature;
      ws.getCell(row, 4).value = j.creditCode;
    }
  }
}

function quirksOf(layout: LayoutSpec): string[] {
  const q: string[] = [];
  q.push(layout.arrangement === 'stacked' ? 'all tables stacked on one sheet under their titles' : 'one sheet per table');
  if (layout.formSheet) q.push('a 基本情况 form sheet before the tables');
  if (layout.mergedTitles === false) q.push('titles not merged');
  if (layout.titleSpace) q.push('titles written "表 N" with a space');
  if (layout.fillerRow) q.push('a 填报单位 / 填报日期 line between title and header (date cell)');
  if (layout.headerLineBreaks) q.push('line breaks inside header cells');
  if (layout.halfWidthBrackets) q.push('headers with half-width brackets: 联系方式 (手机与邮箱)');
  if (layout.remarksColumn) q.push('an extra 备注 column');
  if (layout.blankRowInside) q.push('a blank bordered row inside each table');
  if (layout.continuationRow) q.push('the template "..." row left after each table');
  if (layout.hintRow) q.push('the template hint row left under the 服务方案 header');
  if (layout.totalRow) q.push('a 合计 row under 服务对象');
  if (layout.splitContactHeader) q.push('two-row header: 联系方式（手机与邮箱） over 手机 / 邮箱');
  if (layout.phonesAsNumbers) q.push('mobiles stored as numbers');
  if (layout.hiddenOldSheet) q.push('a hidden sheet with an old draft of 服务对象');
  if ((layout.startColumn ?? 1) > 1) q.push(`tables start in column ${letter(layout.startColumn ?? 1)}`);
  return q;
}

function buildSubmission(wb: ExcelJS.Workbook, spec: SubmissionSpec): SubmissionManifest {
  const region = resolveRegion(spec.region);
  const layout = spec.layout ?? {};
  const rng = new Rng(spec.seed);
  const d = new Drawer(rng.fork(1));
  const rows = { ...DEFAULT_ROWS, ...spec.rows };
  const records = drawRecords(d, {
    variant: spec.variant,
    region,
    authority: spec.authority ?? 'miit',
    rows,
    ...(spec.lead ? { lead: spec.lead } : {}),
  });
  const placeRng = rng.fork(2);
  for (const t of spec.extraTargets ?? []) {
    d.markUsed(t.name);
    records.targets.splice(placeRng.int(0, records.targets.length), 0, { name: t.name, industry: t.industry, contact: d.contact() });
  }
  for (const s of spec.extraSchemes ?? []) {
    d.markUsed(s.name);
    records.schemes.splice(placeRng.int(0, records.schemes.length), 0, { name: s.name, type: s.type, field: s.field, contact: d.contact() });
  }
  const planted = plantMistakes(new Drawer(rng.fork(3)), region, spec.variant, records, spec.mistakes ?? []);

  wb.creator = records.submitter;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const form = spec.variant === '附件2' ? AUTHORITY_BASICS : APPLICANT_BASICS;
  const formName = layout.sheetNames?.form ?? (spec.variant === '附件2' ? '一、基本情况' : '基本信息');
  if (layout.formSheet) writeForm(wb, formName, form, records, layout);

  const cellRng = rng.fork(4);
  const placed = new Map<TableKey, Placed>();
  const tablesOfVariant = VARIANTS[spec.variant].tables.map((t) => t.table);
  const recs = (t: TableKey) => (t === 'agencies' ? records.agencies : t === 'targets' ? records.targets : records.schemes);
  if (layout.arrangement === 'stacked') {
    const ws = wb.addWorksheet(layout.sheetNames?.stacked ?? spec.variant);
    let row = 1;
    for (const t of tablesOfVariant) {
      const res = writeTableAt(ws, row, spec.variant, t, recs(t), layout, records.submitter, cellRng);
      placed.set(t, res.placed);
      row = res.nextRow + 1;
    }
  } else {
    for (const t of tablesOfVariant) {
      const ws = wb.addWorksheet(layout.sheetNames?.[t] ?? TABLES[t].shortName);
      const res = writeTableAt(ws, 1, spec.variant, t, recs(t), layout, records.submitter, cellRng);
      placed.set(t, res.placed);
    }
  }

  const hiddenSheets: string[] = [];
  if (layout.hiddenOldSheet) {
    const name = '旧版（勿用）';
    const ws = wb.addWorksheet(name, { state: 'hidden' });
    const old = drawRecords(new Drawer(rng.fork(5)), { variant: spec.variant, region, authority: 'miit', rows: { agencies: 0, targets: 3, schemes: 0 } });
    writeTableAt(ws, 1, spec.variant, 'targets', old.targets, { mergedTitles: false }, records.submitter, rng.fork(6));
    hiddenSheets.push(name);
  }

  const issues: PlantedIssue[] = planted.map((p) => resolvePlanted(p, placed));
  for (const sheet of hiddenSheets) {
    issues.push({ code: 'workbook.hidden-sheet', severity: 'warning', kind: 'a hidden sheet with an old draft (隐藏工作表中有旧版表格，未读入)', table: 'workbook', sheet });
  }
  const tables: Partial<Record<TableKey, TableManifest>> = {};
  const rowCounts: Partial<Record<TableKey, number>> = {};
  for (const [t, p] of placed) {
    tables[t] = p.manifest;
    rowCounts[t] = p.manifest.rows;
  }
  return {
    file: spec.fileName ?? defaultFileName(region, spec.variant),
    seed: spec.seed,
    region: region.name,
    regionCode: region.code,
    variant: spec.variant,
    submitter: records.submitter,
    lead: records.lead,
    quirks: quirksOf(layout),
    ...(layout.formSheet ? { formSheet: formName } : {}),
    hiddenSheets,
    tables,
    rowCounts,
    issues,
  };
}

function resolvePlanted(p: Planted, placed: Map<TableKey, Placed>): PlantedIssue {
  const pl = placed.get(p.table);
  if (!pl) throw new Error(`table ${p.table} not written`);
  // The manifest must name the validator's real rule and severity, or the samples test nothing.
  const rule = (RULES as Record<string, { severity: Severity } | undefined>)[p.code];
  if (!rule) throw new Error(`planted code ${p.code} is not in the rule catalog`);
  if (rule.severity !== p.severity) throw new Error(`planted ${p.code} as ${p.severity}, the catalog says ${rule.severity}`);
  const colIndex = pl.columns.findIndex((c) => c.key === p.column && (!c.sub || !p.sub || c.sub === p.sub));
  const col = colIndex >= 0 ? letter(pl.startCol + colIndex) : undefined;
  const ref = (rec: object | undefined): CellRef | undefined => {
    const row = rec ? pl.rowOf.get(rec) : undefined;
    if (row === undefined || !col) return undefined;
    return { sheet: pl.manifest.sheet, cell: `${col}${row}`, row };
  };
  const at = ref(p.record);
  const dataRow = at ? pl.manifest.dataRows.find((r) => r.row === at.row) : undefined;
  const valueKey = p.column === 'contact' && pl.columns.some((c) => c.sub) ? `contact.${p.sub ?? 'mobile'}` : p.column;
  const related = ref(p.relatedRecord);
  return {
    code: p.code,
    severity: p.severity,
    kind: p.kind,
    table: p.table,
    sheet: pl.manifest.sheet,
    // A table-level finding (no record) has no cell of its own: the validator names the table and sheet only.
    ...(at ? { cell: at.cell, row: at.row } : {}),
    ...(p.column ? { column: p.column } : {}),
    ...(dataRow && valueKey ? { value: dataRow.cells[valueKey] ?? '' } : {}),
    ...(p.fix ? { fix: p.fix } : {}),
    ...(p.fixReplace && dataRow && valueKey ? { fix: (dataRow.cells[valueKey] ?? '').replace(p.fixReplace[0], p.fixReplace[1]) } : {}),
    ...(related ? { related: [related] } : {}),
  };
}

/** Every region, in the notice module's order (for benches that cycle through them). */
export function allRegions(): readonly Region[] {
  return REGIONS;
}
