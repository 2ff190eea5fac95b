/**
 * validateSubmission: every cell, row and table rule of DESIGN.md §4 over one submission.
 * Linear in the number of rows: duplicates and shared contacts are found with maps.
 */
import type { Issue, Provenance } from '../issues';
import { LIMITS } from '../notice/limits';
import { TABLES, VARIANTS, type ColumnSpec, type TableKey } from '../notice/tables';
import { INTERMEDIARY_AGENCY_TYPES, LICENSED_AGENCY_TYPES } from '../notice/vocabularies';
import type { NormalizedRow } from '../submission/normalized';
import type { Submission, TableData, TableRow } from '../submission/types';
import { isHintText, matchCategory } from '../fields/category';
import { isLeadRole } from '../fields/role';
import { nameKey, normalizeText } from '../text/normalize';
import { makeIssue, type IssueLocation } from './catalog';
import { categoryIssues, checkMobileAndEmailCell, checkPersonAndPhoneCell, checkPersonCell, COLUMN_VOCABULARIES } from './cells';
import { validateForm, validateJointApplicants } from './form';
import { normalizeRow, normalizeRowFrom, type RowReadings } from './normalize-row';

/** The A1 addresses of a row's cells that a vertical merge carries down from an earlier row; undefined when none. */
function carriedCells(row: TableRow): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const k in row.cells) {
    const c = row.cells[k];
    if (c.cell && c.text && addressRow(c.cell) < row.row) (out ??= new Set()).add(c.cell);
  }
  return out;
}

/** The 1-based row of an A1 address ("B12" → 12). */
function addressRow(a1: string): number {
  let i = 0;
  while (i < a1.length && a1.charCodeAt(i) > 57) i++;
  return Number(a1.slice(i));
}

/** The row's 序号 — or, in a table without one, its name — is carried down from the row above. */
function isContinuation(row: TableRow, carried: ReadonlySet<string>): boolean {
  const key = row.cells.seq?.text ? 'seq' : 'name';
  const c = row.cells[key];
  return !!c?.cell && carried.has(c.cell);
}

/** Where a cell of a row is: file, sheet, A1 address, sheet row, the text found. */
export function locate(t: TableData, row: TableRow, key: string): IssueLocation {
  const c = row.cells[key];
  const letter = t.columns?.[key];
  const cell = c?.cell ?? (letter ? `${letter}${row.row}` : undefined);
  // Keys in the order the spread literal had them (table, row, column, file?, sheet?, cell?, value), assigned
  // one by one: this runs for every cell of every row, and three conditional spreads cost more than the checks.
  const at: { -readonly [K in keyof IssueLocation]: IssueLocation[K] } = { table: t.table, row: row.row, column: key };
  if (t.file) at.file = t.file;
  if (t.sheet) at.sheet = t.sheet;
  if (cell) at.cell = cell;
  at.value = c?.text ?? '';
  return at;
}

function provenance(at: IssueLocation): Provenance {
  // file?, sheet?, cell?, row? in this order, as the spread literal had them.
  const p: { -readonly [K in keyof Provenance]: Provenance[K] } = {};
  if (at.file) p.file = at.file;
  if (at.sheet) p.sheet = at.sheet;
  if (at.cell) p.cell = at.cell;
  if (at.row !== undefined) p.row = at.row;
  return p;
}

const ELLIPSIS = /^(?:\.{2,}|…+|。{2,}|·{2,}|-+|—+|\/|无|略)$/;

/** A row the template left behind: only 序号, the hint text or "...". `texts[i]` is normalizeText of spec[i]'s cell. */
function isLeftoverRow(spec: readonly ColumnSpec[], texts: readonly string[]): boolean {
  for (let i = 0; i < spec.length; i++) {
    if (spec[i].kind === 'seq') continue;
    const t = texts[i];
    if (!t || ELLIPSIS.test(t) || isHintText(t)) continue;
    // One cell of content decides it: the rest of a data row need not be tested against the hints.
    return false;
  }
  return true;
}

function parseSeq(text: string): number | undefined {
  const t = normalizeText(text).replace(/[.。、,，)）]$/u, '');
  if (!/^\d{1,6}$/.test(t)) return undefined;
  return Number(t);
}

interface SharedEntry {
  readonly person: string;
  readonly at: IssueLocation;
}

interface Context {
  readonly issues: Issue[];
  readonly mobiles: Map<string, SharedEntry>;
  readonly emails: Map<string, SharedEntry>;
}

/** Where the other cell is, as a reviewer finds it: just the cell on the same sheet, sheet!cell elsewhere. */
function placeOf(other: IssueLocation, here: IssueLocation): string {
  if (!other.cell) return other.sheet && other.sheet !== here.sheet ? `${other.sheet} 第${other.row}行` : `第${other.row}行`;
  return other.sheet && other.sheet !== here.sheet ? `${other.sheet}!${other.cell}` : other.cell;
}

/**
 * A 序号 used before. By position the row should carry `dataIndex`; when it already does, the earlier row is the
 * misnumbered one and no fix here is right.
 */
function duplicateSeqIssue(n: number, dataIndex: number, at: IssueLocation): Issue {
  if (n === dataIndex) {
    return makeIssue('seq.duplicate', at, { zh: `序号 ${n} 已出现过；按行次此处的 ${n} 是对的，请检查前面序号编错的那一行`, en: `${n} already used; by position it is right here, so an earlier row is misnumbered` });
  }
  return makeIssue('seq.duplicate', at, { zh: `序号 ${n} 已出现过，按行次应为 ${dataIndex}`, en: `${n} already used; by position it should be ${dataIndex}` }, { value: String(dataIndex), certain: false });
}

function noteShared(ctx: Context, map: Map<string, SharedEntry>, value: string | undefined, person: string | undefined, at: IssueLocation, code: 'contact.shared-mobile' | 'contact.shared-email'): void {
  if (!value || !person) return;
  const key = code === 'contact.shared-email' ? value.toLowerCase() : value;
  const first = map.get(key);
  if (!first) {
    map.set(key, { person, at });
    return;
  }
  if (first.person === person) return;
  ctx.issues.push(
    makeIssue(
      code,
      at,
      { zh: `“${value}”也是${placeOf(first.at, at)}联系人的`, en: `"${value}" also belongs to the contact at ${placeOf(first.at, at)}` },
      undefined,
      [provenance(first.at)],
    ),
  );
}

/**
 * `normalized`, when given, receives every row's normalised reading in row order (leftover rows included), built
 * from what the checks below read so no cell is parsed twice; `key` is the table's key in the submission.
 */
function validateTable(t: TableData, ctx: Context, normalized?: { readonly key: TableKey; readonly rows: NormalizedRow[] }): void {
  const spec = TABLES[t.table].columns;
  const issues = ctx.issues;
  const names = new Map<string, IssueLocation>();
  const seqSeen = new Set<number>();
  let prevSeq = 0;
  let dataIndex = 0;
  const leads: IssueLocation[] = [];
  let licensed = 0;
  let intermediaries = 0;

  // Readings are only handed over when the table's own spec is the one normalizeRow would use.
  const readings = normalized && normalized.key === t.table;
  for (const row of t.rows) {
    // Each cell normalised once for the leftover and empty checks.
    const texts = spec.map((c) => normalizeText(row.cells[c.key]?.text ?? ''));
    if (isLeftoverRow(spec, texts)) {
      if (normalized) normalized.rows.push(normalizeRow(normalized.key, row));
      const hasAny = texts.some((x) => x !== '');
      if (hasAny) issues.push(makeIssue('row.template-leftover', { ...locate(t, row, 'seq'), column: undefined, cell: undefined, value: undefined }));
      continue;
    }
    // Cells a vertical merge carries down from a row above (the merge's address is above this row): checked where
    // the merge starts. A row whose 序号 (or, without one, name) is such a cell continues the row above — one agency
    // with a second contact in its own cell — and is no new entry: no new position, no second lead, no "repeat".
    const carried = carriedCells(row);
    const continuation = carried !== undefined && isContinuation(row, carried);
    if (!continuation) dataIndex++;
    const issuesBefore = issues.length;
    let schemeType: string | undefined;
    let schemeFieldVocab: string | undefined;
    let schemeFieldAt: IssueLocation | undefined;
    let personForShared: string | undefined;
    const read: RowReadings = {};

    for (let ci = 0; ci < spec.length; ci++) {
      const col = spec[ci];
      const text = row.cells[col.key]?.text ?? '';
      // The cell's location, built when first needed: 序号 and 责任分工 cells (and empty optional ones) are fine
      // nearly always and never need it.
      let located: IssueLocation | undefined;
      const where = (): IssueLocation => (located ??= locate(t, row, col.key));
      const empty = texts[ci] === '';
      if (empty) {
        // A formula the file holds no result for reads as empty; workbook.formula-no-value already says why.
        const formulaWithoutValue = row.cells[col.key]?.raw?.type === 'formula';
        // A column the table lacks is said once (workbook.column-missing), not again as an empty cell in every row.
        const columnMissing = t.columns !== undefined && t.columns[col.key] === undefined;
        if (col.required && !formulaWithoutValue && !columnMissing) issues.push(makeIssue('required.missing', where(), { zh: `“${col.header}”为空`, en: `${col.header} is empty` }));
        continue;
      }
      switch (col.kind) {
        case 'seq': {
          const n = parseSeq(text);
          if (n === undefined) {
            issues.push(makeIssue('seq.not-a-number', where(), { zh: `“${text}”`, en: `"${text}"` }, { value: String(dataIndex), certain: false }));
          } else {
            if (seqSeen.has(n)) issues.push(duplicateSeqIssue(n, dataIndex, where()));
            // A 序号 equal to the row's position is right even after a misnumbered row (which has its own issue);
            // otherwise the suggestion is the position, not previous + 1, which would carry the earlier mistake on.
            else if (n !== dataIndex && n > prevSeq + 1) issues.push(makeIssue('seq.gap', where(), { zh: `前一行为 ${prevSeq}，此处为 ${n}`, en: `${prevSeq} then ${n}` }, { value: String(dataIndex), certain: false }));
            else if (n !== dataIndex && n <= prevSeq) issues.push(makeIssue('seq.out-of-order', where(), { zh: `前一行为 ${prevSeq}，此处为 ${n}`, en: `${prevSeq} then ${n}` }, { value: String(dataIndex), certain: false }));
            seqSeen.add(n);
            prevSeq = n;
          }
          break;
        }
        case 'name': {
          const at = where();
          const key = nameKey(text);
          if (col.key === 'name') read.nameKey = key;
          const first = names.get(key);
          if (first) issues.push(makeIssue('duplicate.name', at, { zh: `与${first.cell ?? `第${first.row}行`}重复`, en: `same as ${first.cell ?? `row ${first.row}`}` }, undefined, [provenance(first)]));
          else names.set(key, at);
          break;
        }
        case 'category': {
          const at = where();
          if (!col.vocabulary) break;
          const m = matchCategory(text, COLUMN_VOCABULARIES[col.vocabulary]);
          (read.categories ??= {})[col.key] = m;
          issues.push(...categoryIssues(m, at, col.header));
          if (t.table === 'agencies' && col.key === 'type') {
            if (m.official && LICENSED_AGENCY_TYPES.includes(m.official)) licensed++;
            if (m.official && INTERMEDIARY_AGENCY_TYPES.includes(m.official)) intermediaries++;
          }
          if (t.table === 'schemes' && col.key === 'type') schemeType = m.official;
          if (t.table === 'schemes' && col.key === 'industry' && m.official) {
            schemeFieldVocab = m.vocabulary;
            schemeFieldAt = at;
          }
          break;
        }
        case 'personAndPhone': {
          const at = where();
          const r = checkPersonAndPhoneCell(text, at);
          if (col.key === 'contact') read.personAndPhone = r.read;
          issues.push(...r.issues);
          const person = r.person ? nameKey(r.person) : undefined;
          noteShared(ctx, ctx.mobiles, r.mobile, person, at, 'contact.shared-mobile');
          noteShared(ctx, ctx.emails, r.email, person, at, 'contact.shared-email');
          break;
        }
        case 'personName': {
          const at = where();
          issues.push(...checkPersonCell(text, at));
          personForShared = nameKey(text);
          break;
        }
        case 'mobileAndEmail': {
          const at = where();
          const personText = row.cells.contactPerson?.text;
          const r = checkMobileAndEmailCell(text, at, personText);
          if (col.key === 'contact') read.mobileAndEmail = r.read;
          issues.push(...r.issues);
          const person = personText ? nameKey(personText) : personForShared;
          noteShared(ctx, ctx.mobiles, r.mobile, person, at, 'contact.shared-mobile');
          noteShared(ctx, ctx.emails, r.email, person, at, 'contact.shared-email');
          break;
        }
        case 'role': {
          const lead = isLeadRole(text);
          if (col.key === 'role') read.lead = lead;
          if (lead && !carried?.has(row.cells[col.key]?.cell ?? '')) leads.push(where());
          break;
        }
      }
    }
    // What was said of a carried cell was said where its merge starts (a "repeat" of itself, its category again).
    if (carried) {
      const own = issues.splice(issuesBefore).filter((i) => !i.cell || !carried.has(i.cell));
      issues.push(...own);
    }
    if (normalized) normalized.rows.push(readings ? normalizeRowFrom(normalized.key, row, read) : normalizeRow(normalized.key, row));
    if (t.table === 'schemes' && schemeType && schemeFieldVocab && schemeFieldAt) {
      const wantsIndustry = schemeType === '企业类';
      const isIndustry = schemeFieldVocab === 'industry';
      if (wantsIndustry !== isIndustry) {
        issues.push(
          makeIssue('scheme.type-field-mismatch', schemeFieldAt, {
            zh: wantsIndustry ? `企业类方案应填写行业领域，“${schemeFieldAt.value}”是产品服务类型` : `产品服务类方案应填写产品类型，“${schemeFieldAt.value}”是行业领域`,
            en: wantsIndustry ? `an enterprise scheme takes an industry; "${schemeFieldAt.value}" is a product or service type` : `a product/service scheme takes a product type; "${schemeFieldAt.value}" is an industry`,
          }),
        );
      }
    }
  }

  const tableAt: IssueLocation = { table: t.table, ...(t.file ? { file: t.file } : {}), ...(t.sheet ? { sheet: t.sheet } : {}) };
  if (dataIndex === 0) {
    issues.push(makeIssue('table.empty', tableAt, { zh: TABLES[t.table].title, en: TABLES[t.table].titleEn }));
    return;
  }
  if (t.table === 'agencies') {
    if (leads.length === 0) issues.push(makeIssue('agencies.no-lead', tableAt, { zh: '请在“责任分工”中注明牵头单位（如“是，牵头单位……”）', en: 'mark the lead in 责任分工 (e.g. "是，牵头单位…")' }));
    else if (leads.length > LIMITS.leadsPerConsortium) {
      const [first, ...others] = leads;
      for (const o of others) issues.push(makeIssue('agencies.several-leads', o, { zh: `${first.cell ?? `第${first.row}行`}已是牵头单位`, en: `${first.cell ?? `row ${first.row}`} is already the lead` }, undefined, [provenance(first)]));
    }
    const joint = dataIndex - Math.min(leads.length, 1);
    if (joint > LIMITS.maxJointUnits) issues.push(makeIssue('agencies.too-many-joint', tableAt, { zh: `共 ${joint} 家联合单位，上限 ${LIMITS.maxJointUnits} 家`, en: `${joint} joint units, at most ${LIMITS.maxJointUnits}` }));
    if (licensed === 0) {
      if (intermediaries > 0) issues.push(makeIssue('agencies.only-intermediary', tableAt, { zh: '保险中介机构不承保，需至少一家保险公司或再保险公司', en: 'intermediaries do not underwrite; add an insurer or reinsurer' }));
      else issues.push(makeIssue('agencies.no-insurer', tableAt, { zh: '牵头或联合申报单位中应有至少一家取得保险业务许可资格', en: 'the lead or a joint unit must hold an insurance licence' }));
    }
  }
}

/** Every issue of one submission: cells, rows, tables, the forms, and contacts shared across its tables. */
export function validateSubmission(sub: Submission): Issue[] {
  return run(sub, undefined);
}

export interface ValidatedSubmission {
  readonly issues: Issue[];
  /** Per table present, every row's normalizeRow(table, row), parallel to sub.tables[table].rows. */
  readonly normalized: Partial<Record<TableKey, readonly NormalizedRow[]>>;
}

/** validateSubmission plus each row's normalised reading, computed in the same pass from the same parses. */
export function validateAndNormalize(sub: Submission): ValidatedSubmission {
  const normalized: Partial<Record<TableKey, NormalizedRow[]>> = {};
  const issues = run(sub, normalized);
  return { issues, normalized };
}

function run(sub: Submission, normalized: Partial<Record<TableKey, NormalizedRow[]>> | undefined): Issue[] {
  const ctx: Context = { issues: [], mobiles: new Map(), emails: new Map() };
  const check = (key: TableKey, t: TableData): void => {
    if (!normalized) return validateTable(t, ctx);
    const rows: NormalizedRow[] = [];
    validateTable(t, ctx, { key, rows });
    normalized[key] = rows;
  };
  const keys: TableKey[] = sub.variant ? VARIANTS[sub.variant].tables.map((x) => x.table) : (Object.keys(sub.tables) as TableKey[]);
  for (const key of keys) {
    const t = sub.tables[key];
    if (!t) {
      ctx.issues.push(makeIssue('table.missing', { table: key, ...(sub.file ? { file: sub.file } : {}) }, { zh: `未找到“${TABLES[key].title}”`, en: `${TABLES[key].titleEn} not found` }));
      continue;
    }
    check(key, t);
  }
  // Tables present beyond the variant's list are still checked.
  for (const key of Object.keys(sub.tables) as TableKey[]) {
    const t = sub.tables[key];
    if (t && !keys.includes(key)) check(key, t);
  }
  // The 联合申报单位 rows go with the form: the lead and they are checked together for an insurer.
  if (sub.form?.length) ctx.issues.push(...validateForm(sub.form, sub.variant, sub.file, sub.jointApplicants ?? []));
  if (sub.jointApplicants?.length) ctx.issues.push(...validateJointApplicants(sub.jointApplicants, sub.file));
  return ctx.issues;
}
