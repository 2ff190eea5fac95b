/**
 * Every rule the validator reports, once: stable code, severity, Chinese and English title.
 * Codes are dotted and lower-case and never change meaning; a new check gets a new code.
 */
import type { Fix, Issue, Provenance, Severity } from '../issues';

export interface RuleSpec {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}

export const RULES = {
  // cells
  'required.missing': { severity: 'error', zh: '必填项为空', en: 'Required cell is empty' },
  'row.template-leftover': { severity: 'info', zh: '模板遗留行（只有序号、提示文字或省略号），已忽略', en: 'Template leftover row (only 序号, hint text or "..."), ignored' },
  'seq.not-a-number': { severity: 'warning', zh: '序号不是数字', en: '序号 is not a number' },
  'seq.gap': { severity: 'warning', zh: '序号不连续（跳号）', en: '序号 skips a number' },
  'seq.duplicate': { severity: 'warning', zh: '序号重复', en: '序号 repeated' },
  'seq.out-of-order': { severity: 'warning', zh: '序号顺序错乱', en: '序号 out of order' },
  // categories
  'category.not-in-vocabulary': { severity: 'error', zh: '取值不是通知规定的写法', en: 'Value is not one of the notice\'s values' },
  'category.spelling': { severity: 'warning', zh: '取值写法不规范（空格、全角字符或标点）', en: 'Value written with extra spaces, full-width characters or punctuation' },
  'category.near-miss': { severity: 'warning', zh: '取值疑似笔误', en: 'Value looks like a typo' },
  'category.unlisted': { severity: 'warning', zh: '取值不在通知列举的范围内，请核实', en: 'Value not among those the notice lists; check it' },
  'category.several-values': { severity: 'warning', zh: '一个单元格填写了多个取值', en: 'Several values in one cell' },
  'category.hint-left': { severity: 'error', zh: '单元格中仍是模板提示文字', en: 'Cell still holds the template\'s hint text' },
  // contact cells
  'contact.mobile-missing': { severity: 'error', zh: '联系方式缺少手机号码', en: 'Contact has no mobile number' },
  'contact.mobile-invalid': { severity: 'error', zh: '手机号码无效', en: 'Mobile number is not valid' },
  'contact.mobile-unallocated': { severity: 'warning', zh: '手机号码所在号段尚未分配，请核实', en: 'Mobile number in an unallocated range; check it' },
  'contact.email-missing': { severity: 'error', zh: '联系方式缺少电子邮箱', en: 'Contact has no e-mail address' },
  'contact.email-invalid': { severity: 'error', zh: '电子邮箱格式错误', en: 'E-mail address is not valid' },
  'contact.email-typo': { severity: 'warning', zh: '电子邮箱域名疑似笔误', en: 'E-mail domain looks like a typo' },
  'contact.extra-values': { severity: 'info', zh: '联系方式中有多个手机号码或邮箱，汇总时取第一个', en: 'Several mobiles or e-mails in one cell; the first is used' },
  'contact.phone-missing': { severity: 'error', zh: '联系人及联系方式缺少电话号码', en: 'No phone number beside the contact person' },
  'contact.phone-invalid': { severity: 'error', zh: '电话号码无效', en: 'Phone number is not valid' },
  'contact.person-missing': { severity: 'warning', zh: '联系人及联系方式缺少联系人姓名', en: 'No person\'s name beside the phone number' },
  'contact.name-is-number': { severity: 'error', zh: '联系人填写的是号码而不是姓名', en: 'Contact person holds a number, not a name' },
  'contact.name-is-email': { severity: 'error', zh: '联系人填写的是邮箱而不是姓名', en: 'Contact person holds an e-mail, not a name' },
  'contact.name-has-number': { severity: 'warning', zh: '联系人中夹有号码或邮箱', en: 'Contact person has a number or an e-mail in it' },
  'contact.name-several': { severity: 'warning', zh: '联系人填写了多个人', en: 'Several people in one contact cell' },
  'contact.name-unusual': { severity: 'warning', zh: '联系人不像姓名，请核实', en: 'Contact person does not look like a name; check it' },
  'contact.shared-mobile': { severity: 'warning', zh: '不同联系人使用同一手机号码', en: 'The same mobile for different people' },
  'contact.shared-email': { severity: 'warning', zh: '不同联系人使用同一电子邮箱', en: 'The same e-mail for different people' },
  // phones (forms, 联系人及联系方式)
  'phone.invalid': { severity: 'error', zh: '电话号码无效', en: 'Phone number is not valid' },
  'phone.unallocated': { severity: 'warning', zh: '手机号码所在号段尚未分配，请核实', en: 'Mobile number in an unallocated range; check it' },
  'phone.no-area-code': { severity: 'warning', zh: '固定电话缺少区号', en: 'Fixed line without its area code' },
  'phone.missing-leading-zero': { severity: 'error', zh: '固定电话区号缺少开头的 0', en: 'Fixed line lost the leading 0 of its area code' },
  'phone.service-number': { severity: 'info', zh: '400/800 服务号码，请确认能联系到具体联系人', en: '400/800 service number; make sure it reaches the person' },
  'phone.fax-is-mobile': { severity: 'warning', zh: '传真填写的是手机号码', en: 'Fax holds a mobile number' },
  // rows and tables
  'duplicate.name': { severity: 'warning', zh: '同一表中名称重复', en: 'Name repeated in the table' },
  'scheme.type-field-mismatch': { severity: 'warning', zh: '方案类型与行业领域不匹配（企业类填行业领域，产品服务类填产品类型）', en: 'Scheme type and field do not match (企业类 takes an industry, 产品服务类 a product or service type)' },
  'agencies.no-insurer': { severity: 'error', zh: '服务机构中没有取得保险业务许可资格的保险公司或再保险公司', en: 'No licensed insurer or reinsurer among the agencies' },
  'agencies.only-intermediary': { severity: 'warning', zh: '服务机构中只有保险中介机构，没有保险公司或再保险公司', en: 'Only insurance intermediaries, no insurer or reinsurer' },
  'agencies.no-lead': { severity: 'error', zh: '服务机构中没有牵头单位', en: 'No lead agency' },
  'agencies.several-leads': { severity: 'error', zh: '服务机构中有多家牵头单位（牵头单位应为1家）', en: 'Several lead agencies (there must be one)' },
  'agencies.too-many-joint': { severity: 'error', zh: '联合单位超过10家', en: 'More than 10 joint units' },
  'applicants.no-insurer': { severity: 'warning', zh: '牵头单位与联合申报单位的名称中都看不出保险公司，请核实', en: 'No insurer by name among the lead and joint applicants; check it' },
  'table.missing': { severity: 'warning', zh: '未找到该表', en: 'Table not found' },
  'table.empty': { severity: 'warning', zh: '表中没有数据行', en: 'Table has no data rows' },
  // forms
  'credit.stored-as-number': { severity: 'error', zh: '代码以数字形式存储，已丢失精度，请设为文本后重新录入', en: 'Code stored as a number and has lost digits; re-enter it as text' },
  'credit.invalid-length': { severity: 'error', zh: '代码位数不对（统一社会信用代码18位，组织机构代码9位）', en: 'Wrong length (18 for a 统一社会信用代码, 9 for a 组织机构代码)' },
  'credit.invalid-charset': { severity: 'error', zh: '代码含有不允许的字符（不使用 I、O、S、V、Z）', en: 'Code has characters it cannot hold (no I, O, S, V, Z)' },
  'credit.check-failed': { severity: 'error', zh: '代码校验位错误', en: 'Check character is wrong' },
  'credit.structure': { severity: 'warning', zh: '代码的登记管理部门或行政区划码不合常规，请核实', en: 'Registration authority or region part looks wrong; check it' },
  'credit.embedded-org-code': { severity: 'warning', zh: '统一社会信用代码中的组织机构代码部分校验不通过，请核实', en: 'The 组织机构代码 inside the code fails its check; check it' },
  'credit.format': { severity: 'warning', zh: '代码写法不规范（空格、小写或全角）', en: 'Code written with spaces, lower case or full-width characters' },
  'text.too-long': { severity: 'error', zh: '超过字数限制', en: 'Text longer than allowed' },
  'form.hint-left': { severity: 'error', zh: '单元格中仍是模板提示文字', en: 'Cell still holds the template\'s hint text' },
  'date.invalid': { severity: 'error', zh: '日期无法识别', en: 'Date not recognised' },
  'date.after-deadline': { severity: 'warning', zh: '日期晚于通知规定的截止时间', en: 'Date later than the notice\'s deadline' },
  'money.invalid': { severity: 'error', zh: '金额不是有效数字', en: 'Amount is not a number' },
  'region.unknown': { severity: 'warning', zh: '地区无法识别', en: 'Region not recognised' },
} as const satisfies Record<string, RuleSpec>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** Where an issue points: the locating fields of an issue. */
export type IssueLocation = Pick<Issue, 'table' | 'row' | 'column' | 'file' | 'sheet' | 'cell' | 'value'>;

/** Build an issue: the catalog gives severity and title; `detail` says what exactly is wrong. */
export function makeIssue(
  code: RuleCode,
  at: IssueLocation,
  detail?: { zh: string; en: string },
  fix?: Fix,
  related?: readonly Provenance[],
): Issue {
  const spec: RuleSpec = RULES[code];
  return {
    code,
    severity: spec.severity,
    ...at,
    message: detail ? `${spec.zh}：${detail.zh}` : spec.zh,
    messageEn: detail ? `${spec.en}: ${detail.en}` : spec.en,
    ...(fix ? { fix } : {}),
    ...(related && related.length ? { related } : {}),
  };
}
