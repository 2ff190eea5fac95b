/**
 * The columns of the summary's data sheets and CSV files, once: provenance, the notice's own columns
 * (headers from TABLES), the normalised reading, then the duplicate flag and the issue count.
 * The .xlsx writer and the CSV export both read this, so a sheet and its CSV always agree.
 */
import type { Issue } from '../issues';
import { SEVERITY_LABELS } from '../issues';
import { FORMS, JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, TEXT_FIELD_KINDS } from '../notice/forms';
import { TABLES, type TableKey, type VocabularyKey } from '../notice/tables';
import type { SummaryJointApplicantRow, SummaryRow, SummaryRowProvenance } from './types';

export type SummaryColumnKind = 'provenance' | 'official' | 'normalized' | 'meta';

export interface SummaryColumn {
  readonly key: string;
  /** Header as written in the sheet and CSV (unique within a table). */
  readonly header: string;
  readonly headerEn: string;
  readonly kind: SummaryColumnKind;
  /** Excel character units. */
  readonly width: number;
  /** Written as text (`@`): phones, codes, addresses. */
  readonly text: boolean;
  /** Category column offered as a dropdown in the workbook. */
  readonly vocabulary?: VocabularyKey;
  /** Holds a number (counts, 序号 when numeric). */
  readonly numeric?: boolean;
}

export type CellValue = string | number;

const PROVENANCE: readonly SummaryColumn[] = [
  { key: 'region', header: '来源地区', headerEn: 'Region', kind: 'provenance', width: 12, text: false },
  { key: 'submitter', header: '来源单位', headerEn: 'Submitter', kind: 'provenance', width: 28, text: false },
  { key: 'file', header: '来源文件', headerEn: 'File', kind: 'provenance', width: 36, text: false },
  { key: 'sheet', header: '工作表', headerEn: 'Sheet', kind: 'provenance', width: 14, text: false },
  { key: 'cell', header: '单元格/行号', headerEn: 'Cell / row', kind: 'provenance', width: 11, text: true },
];

const NORMALIZED: Readonly<Record<TableKey, readonly SummaryColumn[]>> = {
  agencies: [
    { key: 'n.type', header: '机构类型（规范值）', headerEn: 'Agency type (official)', kind: 'normalized', width: 16, text: false },
    { key: 'n.person', header: '联系人（识别）', headerEn: 'Contact person (parsed)', kind: 'normalized', width: 10, text: false },
    { key: 'n.phone', header: '联系电话（识别）', headerEn: 'Phone (parsed)', kind: 'normalized', width: 16, text: true },
    { key: 'n.lead', header: '是否牵头（识别）', headerEn: 'Lead (parsed)', kind: 'normalized', width: 10, text: false },
  ],
  targets: [
    { key: 'n.industry', header: '所在行业领域（规范值）', headerEn: 'Industry (official)', kind: 'normalized', width: 16, text: false },
    { key: 'n.mobile', header: '手机（识别）', headerEn: 'Mobile (parsed)', kind: 'normalized', width: 14, text: true },
    { key: 'n.email', header: '邮箱（识别）', headerEn: 'E-mail (parsed)', kind: 'normalized', width: 26, text: true },
  ],
  schemes: [
    { key: 'n.type', header: '方案类型（规范值）', headerEn: 'Scheme type (official)', kind: 'normalized', width: 14, text: false },
    { key: 'n.industry', header: '行业领域（规范值）', headerEn: 'Industry / product type (official)', kind: 'normalized', width: 16, text: false },
    { key: 'n.mobile', header: '手机（识别）', headerEn: 'Mobile (parsed)', kind: 'normalized', width: 14, text: true },
    { key: 'n.email', header: '邮箱（识别）', headerEn: 'E-mail (parsed)', kind: 'normalized', width: 26, text: true },
  ],
};

/** The key of the column that keeps a row's other columns (备注 …): SummaryRow.values[EXTRAS_KEY]. */
export const EXTRAS_KEY = 'extras';

/** "备注：已签订意向协议；联系人2：王五" — each other column as header：text. */
export function extrasText(extras: readonly { header: string; text: string }[]): string {
  return extras.map((x) => `${x.header}：${x.text}`).join('；');
}

const EXTRAS: SummaryColumn = { key: EXTRAS_KEY, header: '其他列（原表中的其他内容）', headerEn: 'Other columns (as in the file)', kind: 'meta', width: 30, text: true };

const META: readonly SummaryColumn[] = [
  { key: 'duplicateOf', header: '重复（首次出现于）', headerEn: 'Duplicate of', kind: 'meta', width: 30, text: false },
  { key: 'issueCount', header: '问题数', headerEn: 'Issues', kind: 'meta', width: 8, text: false, numeric: true },
];

export function summaryColumns(table: TableKey): SummaryColumn[] {
  const official: SummaryColumn[] = TABLES[table].columns.map((c) => ({
    key: c.key,
    header: c.header,
    headerEn: c.key,
    kind: 'official',
    width: c.width,
    text: c.text,
    ...(c.vocabulary ? { vocabulary: c.vocabulary } : {}),
    ...(c.kind === 'seq' ? { numeric: true } : {}),
  }));
  return [...PROVENANCE, ...official, ...NORMALIZED[table], EXTRAS, ...META];
}

/** Widths of the 联合申报单位 columns by field key (the notice gives none: the template's). */
const JOINT_WIDTHS: Readonly<Record<string, number>> = { name: 36, nature: 14, creditCode: 22 };

/**
 * The 联合申报单位 sheet's columns: provenance, the notice's three columns (labels from JOINT_APPLICANT_COLUMNS),
 * the issue count. The code column is text (an 18-digit code must never become a number).
 */
export function jointApplicantColumns(): SummaryColumn[] {
  const official: SummaryColumn[] = JOINT_APPLICANT_COLUMNS.map((c) => ({
    key: c.key,
    header: c.label,
    headerEn: c.key,
    kind: 'official',
    width: JOINT_WIDTHS[c.key] ?? 20,
    text: TEXT_FIELD_KINDS.has(c.kind),
  }));
  return [...PROVENANCE, ...official, META.find((c) => c.key === 'issueCount')!];
}

/** A 联合申报单位 row's values in jointApplicantColumns() order; official cells keep the person's text. */
export function jointApplicantRowValues(row: SummaryJointApplicantRow, columns: readonly SummaryColumn[] = jointApplicantColumns()): CellValue[] {
  return columns.map((c): CellValue => provenanceValue(row, c.key) ?? row.values[c.key] ?? '');
}

/** The provenance columns and the issue count, shared by every summary sheet; undefined for any other column. */
function provenanceValue(row: SummaryRowProvenance, key: string): CellValue | undefined {
  switch (key) {
    case 'region':
      return row.region;
    case 'submitter':
      return row.submitter;
    case 'file':
      return row.file;
    case 'sheet':
      return row.sheet;
    case 'cell':
      return row.cell || `第${row.row}行`;
    case 'issueCount':
      return row.issueCount;
    default:
      return undefined;
  }
}

/** "《file》 sheet B6" for a place. */
export function placeText(p: { file?: string; sheet?: string; cell?: string; row?: number } | undefined): string {
  if (!p) return '';
  return [p.file ? `《${p.file}》` : '', p.sheet ?? '', p.cell ?? (p.row ? `第${p.row}行` : '')].filter(Boolean).join(' ');
}

/** 序号 written as a number when it is one ("1"), else as written ("1-1", "一"). */
export function seqValue(text: string): CellValue {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** The row's values in summaryColumns(table) order. Official cells keep the person's text. */
export function summaryRowValues(row: SummaryRow, columns: readonly SummaryColumn[] = summaryColumns(row.table)): CellValue[] {
  const n = row.normalized;
  return columns.map((c): CellValue => {
    const shared = provenanceValue(row, c.key);
    if (shared !== undefined) return shared;
    switch (c.key) {
      case 'n.type':
        return n.type ?? '';
      case 'n.industry':
        return n.industry ?? '';
      case 'n.person':
        return n.person ?? '';
      case 'n.phone':
        return n.phone ?? n.mobile ?? '';
      case 'n.lead':
        return n.lead === undefined ? '' : n.lead ? '是' : '否';
      case 'n.mobile':
        return n.mobile ?? '';
      case 'n.email':
        return n.email ?? '';
      case 'duplicateOf':
        return placeText(row.duplicateOf);
      default:
        return c.kind === 'official' && c.key === 'seq' ? seqValue(row.values.seq ?? '') : (row.values[c.key] ?? '');
    }
  });
}

/** The 问题清单 columns. */
export const ISSUE_COLUMNS: readonly SummaryColumn[] = [
  { key: 'severity', header: '级别', headerEn: 'Severity', kind: 'meta', width: 14, text: false },
  { key: 'code', header: '规则代码', headerEn: 'Code', kind: 'meta', width: 34, text: false },
  { key: 'message', header: '说明', headerEn: 'Message', kind: 'meta', width: 60, text: false },
  { key: 'file', header: '文件', headerEn: 'File', kind: 'provenance', width: 36, text: false },
  { key: 'sheet', header: '工作表', headerEn: 'Sheet', kind: 'provenance', width: 14, text: false },
  { key: 'cell', header: '单元格', headerEn: 'Cell', kind: 'provenance', width: 9, text: true },
  { key: 'row', header: '行号', headerEn: 'Row', kind: 'provenance', width: 7, text: false, numeric: true },
  { key: 'table', header: '表', headerEn: 'Table', kind: 'meta', width: 10, text: false },
  { key: 'column', header: '列', headerEn: 'Column', kind: 'meta', width: 22, text: false },
  { key: 'value', header: '原值', headerEn: 'Value', kind: 'meta', width: 30, text: true },
  { key: 'fix', header: '建议修改为', headerEn: 'Suggested fix', kind: 'meta', width: 30, text: true },
  { key: 'related', header: '相关单元格', headerEn: 'Related cells', kind: 'meta', width: 50, text: false },
  { key: 'messageEn', header: 'Message (English)', headerEn: 'Message (English)', kind: 'meta', width: 60, text: false },
];

const TABLE_LABELS: Readonly<Record<string, string>> = {
  agencies: TABLES.agencies.shortName,
  targets: TABLES.targets.shortName,
  schemes: TABLES.schemes.shortName,
  jointApplicants: JOINT_APPLICANTS_LABEL,
  form: '基本情况',
  workbook: '文件',
  summary: '汇总',
};

/**
 * Form field key → the label the notice prints beside it, over every form (附件2 一、基本情况, 附件3 基本信息,
 * 附件1 方案基本信息) and the 联合申报单位 columns. A key printed under different labels by different forms
 * (contactName: 联系人姓名 / 联系人) gets the shortest one when it starts every other (联系人), else all of them
 * joined with ／ (an issue does not say which attachment its file is).
 */
export const FORM_FIELD_LABELS: ReadonlyMap<string, string> = (() => {
  const labels = new Map<string, string[]>();
  for (const f of [...FORMS.flatMap((form) => form.fields), ...JOINT_APPLICANT_COLUMNS]) {
    const list = labels.get(f.key) ?? [];
    if (!list.includes(f.label)) list.push(f.label);
    labels.set(f.key, list);
  }
  const out = new Map<string, string>();
  for (const [key, list] of labels) {
    const shortest = [...list].sort((a, b) => a.length - b.length)[0];
    out.set(key, list.every((l) => l.startsWith(shortest)) ? shortest : list.join('／'));
  }
  return out;
})();

/** The 列 of an issue: a table column's header, a form field's label, else the key as written. */
export function columnLabel(issue: Pick<Issue, 'table' | 'column'>): string {
  if (!issue.column) return '';
  if (issue.table === 'form' || issue.table === 'jointApplicants') return FORM_FIELD_LABELS.get(issue.column) ?? issue.column;
  const t = TABLES[issue.table as TableKey];
  return t?.columns.find((c) => c.key === issue.column)?.header ?? issue.column;
}

export function issueRowValues(issue: Issue): CellValue[] {
  return ISSUE_COLUMNS.map((c): CellValue => {
    switch (c.key) {
      case 'severity':
        return SEVERITY_LABELS[issue.severity].zh;
      case 'code':
        return issue.code;
      case 'message':
        return issue.message;
      case 'file':
        return issue.file ?? '';
      case 'sheet':
        return issue.sheet ?? '';
      case 'cell':
        return issue.cell ?? '';
      case 'row':
        return issue.row ?? '';
      case 'table':
        return TABLE_LABELS[issue.table] ?? issue.table;
      case 'column':
        return columnLabel(issue);
      case 'value':
        return issue.value ?? '';
      case 'fix':
        return issue.fix ? `${issue.fix.value}${issue.fix.certain ? '' : '（建议）'}` : '';
      case 'related':
        return (issue.related ?? []).map(placeText).join('；');
      case 'messageEn':
        return issue.messageEn;
      default:
        return '';
    }
  });
}

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}
