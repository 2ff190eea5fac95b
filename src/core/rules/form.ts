/**
 * The one-record forms (附件2 一、基本情况; 附件1/3/4 基本信息): one field's text in, issues out.
 */
import type { GridCell } from '../grid/types';
import type { Issue } from '../issues';
import { APPLICANT_BASICS, AUTHORITY_BASICS, FORMS, JOINT_APPLICANT_COLUMNS, SCHEME_BASICS, type FieldSpec, type FormSpec } from '../notice/forms';
import { DEADLINES, LIMITS, NOTICE, type Deadline } from '../notice/limits';
import { REGIONS, regionByName } from '../notice/regions';
import type { Variant } from '../notice/tables';
import { INDUSTRIES, INSURER_NAME_MARKERS, NON_INSURER_NAME_MARKERS, ORG_NATURES, PRODUCT_SERVICE_TYPES, SCHEME_TYPES } from '../notice/vocabularies';
import type { FormValue, JointApplicantRow } from '../submission/types';
import { matchCategory } from '../fields/category';
import { parseContact, replaceSpan } from '../fields/contact';
import { checkCreditCode } from '../fields/credit-code';
import { checkEmail } from '../fields/email';
import { countWords } from '../fields/word-count';
import { compactText, normalizeText } from '../text/normalize';
import { makeIssue, type IssueLocation } from './catalog';
import { categoryIssues, checkPersonCell, phoneProblemIssues } from './cells';

/**
 * A date as written: 2024-01-22, 2024/1/22, 2024.1.22, 2024年1月22日, or the serial number of a cell the source marks
 * as a date. A cell that is only a number is read by the text a person sees (2013, 41426, 2013.5): its serial is
 * no date to them, and 2013 must not pass as 1905-07-05.
 */
export function parseDate(text: string, raw?: GridCell): string | undefined {
  if (raw?.type === 'date') {
    const n = raw.number ?? Number(text);
    if (Number.isFinite(n) && n > 0 && n < 2958466) {
      // Excel's 1900 date system (serial 60 is the phantom 1900-02-29).
      const ms = Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000;
      return new Date(ms).toISOString().slice(0, 10);
    }
  }
  // A date cell with a time of day reads "2013-05-01 08:00" from a file (no serial kept): the day is the date.
  const t = normalizeText(raw?.type === 'date' ? text.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '') : text);
  const m = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const ym = m ? undefined : /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?$/.exec(t);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : ym ? [Number(ym[1]), Number(ym[2]), 1] : [NaN, NaN, NaN];
  if (!Number.isFinite(y) || y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Whether a date is after a deadline of the notice (…前: the deadline day itself is already late). */
export function isAfterDeadline(isoDate: string, deadline: Deadline): boolean {
  return isoDate >= deadline.date;
}

/** A date checked against one of the notice's deadlines (方案 2024-01-28, 试点工作方案 2024-03-15, 总结 2024-11-10). */
export function checkDeadline(text: string, key: Deadline['key'], at: IssueLocation, raw?: GridCell): Issue[] {
  const deadline = DEADLINES.find((d) => d.key === key);
  const iso = parseDate(text, raw);
  if (!iso) return normalizeText(text) ? [makeIssue('date.invalid', at, { zh: `“${text}”`, en: `"${text}"` })] : [];
  if (deadline && isAfterDeadline(iso, deadline)) {
    return [makeIssue('date.after-deadline', at, { zh: `${iso} 晚于“${deadline.label}”截止时间 ${deadline.date} 前`, en: `${iso} is not before the ${deadline.labelEn} deadline ${deadline.date}` })];
  }
  return [];
}

const CHECKED = /[☑☒■√✓✔▣◼●]\s*([^\s☐□☑☒■√✓✔▣◼●○]+)/;

/**
 * The form's value for `key`, skipping empty cells and cells that still hold the template's hint (（全称）names
 * nobody). Fields are looked up in every form, so it serves submissions of either variant.
 */
export function formFieldValue(form: readonly FormValue[] | undefined, key: string): FormValue | undefined {
  const spec = FORMS.flatMap((f) => f.fields).find((f) => f.key === key);
  return form?.find((v) => v.key === key && normalizeText(v.text) !== '' && !(spec && isFormHint(spec, v.text)));
}

/** Whether a form cell still holds the template's hint (（全称）…): such text is not a value, anywhere it is read. */
export function isFormHint(field: FieldSpec, text: string): boolean {
  if (!field.hint) return false;
  const t = compactText(text);
  const h = compactText(field.hint);
  return t === h || (h.length > 8 && t.includes(h.slice(1, -1)));
}

/** Check one form field's text; `raw` tells a number-stored code or a date cell. */
export function validateFormField(field: FieldSpec, text: string, raw?: GridCell, where: Omit<IssueLocation, 'table' | 'column' | 'value'> = {}): Issue[] {
  const at: IssueLocation = { table: 'form', column: field.key, ...where, value: text };
  const t = normalizeText(text);
  if (!t) return field.required ? [makeIssue('required.missing', at, { zh: `“${field.label}”为空`, en: `${field.label} is empty` })] : [];
  if (isFormHint(field, text)) return [makeIssue('form.hint-left', at, { zh: `请将“${field.hint}”替换为实际内容`, en: `replace the hint with the actual text` })];
  switch (field.kind) {
    case 'text':
      return [];
    case 'personName':
      return checkPersonCell(text, at);
    case 'phone':
    case 'fax': {
      const p = parseContact(text);
      if (p.phones.length === 0) return [makeIssue('phone.invalid', at, { zh: `“${text}”中没有电话号码`, en: `no phone number in "${text}"` })];
      const out: Issue[] = [];
      for (const token of p.phones) {
        out.push(...phoneProblemIssues(text, token, at, 'phone.invalid'));
        if (token.check.kind === 'service' && field.kind === 'phone') out.push(makeIssue('phone.service-number', at, { zh: token.raw, en: token.raw }));
        if (token.check.kind === 'mobile' && field.kind === 'fax') out.push(makeIssue('phone.fax-is-mobile', at, { zh: token.raw, en: token.raw }));
      }
      return out;
    }
    case 'email': {
      const c = checkEmail(text);
      if (c.valid) return c.suggestion ? [makeIssue('contact.email-typo', at, { zh: `是否应为“${c.suggestion}”？`, en: `did you mean "${c.suggestion}"?` }, { value: c.suggestion, certain: false })] : [];
      if (c.normalizedValid) return [makeIssue('contact.email-invalid', at, { zh: `应为“${c.normalized}”`, en: `reads "${c.normalized}"` }, { value: c.normalized, certain: true })];
      // Several addresses or a label in the cell: look for one inside.
      const inner = parseContact(text).emails[0];
      if (inner && inner.raw !== text.trim()) {
        if (inner.check.valid) return [];
        if (inner.check.normalizedValid) return [makeIssue('contact.email-invalid', at, { zh: `应为“${inner.check.normalized}”`, en: `reads "${inner.check.normalized}"` }, { value: replaceSpan(text, inner, inner.check.normalized), certain: true })];
      }
      return [makeIssue('contact.email-invalid', at, c.suggestion ? { zh: `是否应为“${c.suggestion}”？`, en: `did you mean "${c.suggestion}"?` } : { zh: `“${text}”`, en: `"${text}"` }, c.suggestion ? { value: c.suggestion, certain: false } : undefined)];
    }
    case 'creditCode': {
      const c = checkCreditCode(text, raw);
      if (c.valid) return [];
      const p = c.problems[0];
      switch (p) {
        case 'stored-as-number':
          return [makeIssue('credit.stored-as-number', at, { zh: `“${text}”`, en: `"${text}"` })];
        case 'bad-length':
          return [makeIssue('credit.invalid-length', at, { zh: `“${text}”共 ${c.normalized.length} 位`, en: `"${text}" has ${c.normalized.length} characters` })];
        case 'bad-charset':
          return [makeIssue('credit.invalid-charset', at, { zh: `“${text}”`, en: `"${text}"` })];
        case 'bad-check':
          return [makeIssue('credit.check-failed', at, { zh: `“${text}”的校验位应为 ${c.expectedCheck ?? '?'}，请核对代码`, en: `the check character of "${text}" should be ${c.expectedCheck ?? '?'}; check the code` })];
        case 'needs-normalisation':
          return [makeIssue('credit.format', at, { zh: `应为“${c.normalized}”`, en: `reads "${c.normalized}"` }, { value: c.normalized, certain: true })];
        case 'bad-structure':
          return [makeIssue('credit.structure', at, { zh: `“${text}”`, en: `"${text}"` })];
        case 'embedded-org-code':
          return [makeIssue('credit.embedded-org-code', at, { zh: `“${text}”`, en: `"${text}"` })];
        default:
          return [];
      }
    }
    case 'date':
      return parseDate(text, raw) ? [] : [makeIssue('date.invalid', at, { zh: `“${text}”，请写成 2024-01-22 或 2024年1月22日`, en: `"${text}"; write 2024-01-22` })];
    case 'money': {
      const m = t.replace(/[,，\s]/g, '').replace(/(?:万元|万|元|人民币|RMB)/gi, '');
      return /^\d+(?:\.\d+)?$/.test(m) && Number(m) > 0 ? [] : [makeIssue('money.invalid', at, { zh: `“${text}”，请填写以万元为单位的数字`, en: `"${text}"; give a number in 万元` })];
    }
    case 'region': {
      const c = compactText(text);
      if (regionByName(c) || REGIONS.some((r) => c.startsWith(r.name) || c.startsWith(r.short))) return [];
      return [makeIssue('region.unknown', at, { zh: `“${text}”`, en: `"${text}"` })];
    }
    case 'orgNature': {
      const checked = CHECKED.exec(t);
      const value = checked ? checked[1] : text;
      const m = matchCategory(value, ORG_NATURES);
      const issues = categoryIssues(m, at, field.label);
      // A fix rewrites the whole cell: not offered when the value sits among check boxes.
      return checked ? issues.map(({ fix: _fix, ...rest }) => rest) : issues;
    }
    case 'text400': {
      const n = countWords(text);
      return n > LIMITS.maxIntroChars ? [makeIssue('text.too-long', at, { zh: `${field.label}共 ${n} 字，不超过 ${LIMITS.maxIntroChars} 字`, en: `${n} words; at most ${LIMITS.maxIntroChars}` })] : [];
    }
    case 'direction': {
      // 企业类：工业互联网 / 产品服务类：网络安全服务
      const m = /^(.*?)[:：]\s*(.+)$/.exec(t);
      if (!m) return categoryIssues(matchCategory(text, [INDUSTRIES, PRODUCT_SERVICE_TYPES]), at, field.label);
      const type = matchCategory(m[1], SCHEME_TYPES);
      const fieldMatch = matchCategory(m[2], type.official === '产品服务类' ? [PRODUCT_SERVICE_TYPES] : type.official === '企业类' ? [INDUSTRIES] : [INDUSTRIES, PRODUCT_SERVICE_TYPES]);
      const withWhole = (issues: Issue[], whole: (v: string) => string): Issue[] => issues.map((i) => (i.fix ? { ...i, fix: { value: whole(i.fix.value), certain: i.fix.certain } } : i));
      return [
        ...withWhole(categoryIssues(type, at, '申报方向'), (v) => `${v}：${m[2]}`),
        ...withWhole(categoryIssues(fieldMatch, at, type.official === '产品服务类' ? '产品类型' : '行业领域'), (v) => `${m[1]}：${v}`),
      ];
    }
  }
}

function formsFor(variant: Variant | undefined): readonly FormSpec[] {
  if (variant === '附件2') return [AUTHORITY_BASICS];
  if (variant === '附件3') return [APPLICANT_BASICS];
  return [AUTHORITY_BASICS, APPLICANT_BASICS, SCHEME_BASICS];
}

/** Every form value a reader found beside the tables. Keys not in the forms are left alone. */
/**
 * 联合申报单位 rows: each cell as the form field it is (名称 required, 单位性质 from the list, the code checked),
 * and at most LIMITS.maxJointUnits of them, as for the 服务机构 table's joint units.
 */
export function validateJointApplicants(rows: readonly JointApplicantRow[], file?: string): Issue[] {
  const out: Issue[] = [];
  for (const row of rows) {
    for (const field of JOINT_APPLICANT_COLUMNS) {
      const c = row.cells[field.key];
      if (!c) continue;
      // Checked as the form field it is, listed under the 联合申报单位 table (not 基本情况) where issues are grouped.
      for (const i of validateFormField(field, c.text, c.raw, { ...(file ? { file } : {}), sheet: row.sheet, cell: c.cell, row: row.row })) out.push({ ...i, table: 'jointApplicants' });
    }
  }
  if (rows.length > LIMITS.maxJointUnits) {
    const first = rows[LIMITS.maxJointUnits];
    const at: IssueLocation = { table: 'jointApplicants', column: 'name', ...(file ? { file } : {}), sheet: first.sheet, row: first.row, cell: first.cells.name?.cell };
    out.push(makeIssue('agencies.too-many-joint', at, { zh: `联合申报单位共 ${rows.length} 家，上限 ${LIMITS.maxJointUnits} 家`, en: `${rows.length} joint applicants, at most ${LIMITS.maxJointUnits}` }));
  }
  return out;
}

/** Whether a unit's name reads as a licensed insurer's (INSURER_NAME_MARKERS, none of NON_INSURER_NAME_MARKERS). */
export function isInsurerName(name: string): boolean {
  const n = compactText(name);
  return INSURER_NAME_MARKERS.some((m) => n.includes(m)) && !NON_INSURER_NAME_MARKERS.some((m) => n.includes(m));
}

/**
 * 牵头或联合申报单位中应有至少一家取得保险业务许可资格 (四、（一）), for the 基本信息 form: the lead (牵头单位) and the
 * 联合申报单位 rows judged by name (isInsurerName). One warning at the lead's cell when none reads as an insurer;
 * nothing when the form names no lead (required.missing or form.hint-left says so).
 */
export function applicantInsurerIssues(values: readonly FormValue[], jointApplicants: readonly JointApplicantRow[], file?: string): Issue[] {
  const lead = formFieldValue(values, 'lead');
  if (!lead) return [];
  const joint = jointApplicants.flatMap((r) => {
    const c = r.cells.name;
    return c && normalizeText(c.text) ? [{ name: c.text, at: { ...(file ? { file } : {}), sheet: r.sheet, cell: c.cell, row: r.row } }] : [];
  });
  if (isInsurerName(lead.text) || joint.some((j) => isInsurerName(j.name))) return [];
  const at: IssueLocation = { table: 'form', column: 'lead', ...(file ? { file } : {}), ...(lead.sheet ? { sheet: lead.sheet } : {}), ...(lead.cell ? { cell: lead.cell } : {}), value: lead.text };
  const markers = INSURER_NAME_MARKERS.slice(0, 3);
  const who = joint.length
    ? { zh: `牵头单位“${lead.text}”及 ${joint.length} 家联合申报单位的名称中都没有`, en: `neither the lead "${lead.text}" nor any of its ${joint.length} joint applicant${joint.length === 1 ? '' : 's'} has` }
    : { zh: `牵头单位“${lead.text}”的名称中没有`, en: `the lead "${lead.text}" (no joint applicants) has no` };
  return [
    makeIssue(
      'applicants.no-insurer',
      at,
      {
        zh: `${who.zh}${markers.map((m) => `“${m}”`).join('')}等字样${joint.length ? '' : '，也没有联合申报单位'}；牵头或联合申报单位中应有至少一家取得保险业务许可资格（${NOTICE.number}）。如其中有保险公司，请写明其全称`,
        en: `${who.en} ${markers.join(', ')} or the like in its name, yet the lead or a joint applicant must hold an insurance business licence (${NOTICE.number}); if one is an insurer, give its full name`,
      },
      undefined,
      joint.map((j) => j.at),
    ),
  ];
}

/**
 * Every form value checked as its field. `jointApplicants`, when given (an empty list when there are none), are
 * the 联合申报单位 rows beside the form: the lead and they are then checked for an insurer (applicantInsurerIssues).
 * A caller that does not know them omits it, and that check is not made.
 */
export function validateForm(values: readonly FormValue[], variant?: Variant, file?: string, jointApplicants?: readonly JointApplicantRow[]): Issue[] {
  const forms = formsFor(variant);
  const out: Issue[] = [];
  for (const v of values) {
    const field = forms.flatMap((f) => f.fields).find((f) => f.key === v.key) ?? FORMS.flatMap((f) => f.fields).find((f) => f.key === v.key);
    if (!field) continue;
    out.push(...validateFormField(field, v.text, v.raw, { ...(file ? { file } : {}), ...(v.sheet ? { sheet: v.sheet } : {}), ...(v.cell ? { cell: v.cell } : {}) }));
  }
  if (jointApplicants && variant !== '附件2') out.push(...applicantInsurerIssues(values, jointApplicants, file));
  return out;
}
