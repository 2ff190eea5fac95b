/**
 * The one-record forms around the tables: 附件2 一、基本情况 and the 基本信息 of 附件1/3/4.
 * Labels are the notice's; `kind` decides the check.
 */

export type FieldKind =
  | 'text'
  | 'personName'
  | 'phone' // 联系电话（座机/手机号）: a mobile or a fixed line with area code
  | 'fax'
  | 'email'
  | 'creditCode' // 组织机构代码/三证合一码
  | 'date'
  | 'money' // 注册资本（万元）
  | 'region' // 所在地区 / 所在地
  | 'orgNature' // 单位性质
  | 'text400' // 不超过400字
  | 'direction'; // 申报方向

/**
 * Fields a template formats as text, in Excel and in the .xlsx alike: what was typed stays as typed (13800138000,
 * a code's leading 0, 2015.3 or 2015年3月 for a date), never turned into a number or a serial date.
 */
export const TEXT_FIELD_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['phone', 'fax', 'creditCode', 'date']);

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  /** Other labels people write beside the value. */
  readonly aliases?: readonly string[];
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The hint printed in the value cell, e.g. （全称）. */
  readonly hint?: string;
}

export interface FormSpec {
  readonly key: 'authorityBasics' | 'applicantBasics' | 'schemeBasics';
  readonly title: string;
  readonly titleEn: string;
  /** Which attachments print this form. */
  readonly attachments: readonly string[];
  readonly fields: readonly FieldSpec[];
}

/** 附件2 一、基本情况 */
export const AUTHORITY_BASICS: FormSpec = {
  key: 'authorityBasics',
  title: '一、基本情况',
  titleEn: 'Basic information (local authority)',
  attachments: ['附件2'],
  fields: [
    { key: 'authority', label: '地方行业主管部门', aliases: ['地方行业主管部门（全称）', '主管部门', '申报单位'], kind: 'text', required: true, hint: '（全称）' },
    { key: 'headName', label: '负责人（处级）姓名', aliases: ['负责人姓名', '负责人'], kind: 'personName', required: true },
    { key: 'headTitle', label: '负责人（处级）职务', aliases: ['负责人职务'], kind: 'text', required: true },
    { key: 'contactName', label: '联系人姓名', aliases: ['联系人'], kind: 'personName', required: true },
    { key: 'contactDept', label: '联系人部门', aliases: ['部门'], kind: 'text', required: true },
    { key: 'contactTitle', label: '联系人职务', aliases: ['职务'], kind: 'text', required: true },
    { key: 'contactPhone', label: '联系电话（座机/手机号）', aliases: ['联系电话'], kind: 'phone', required: true },
    { key: 'contactEmail', label: '邮箱', aliases: ['电子邮箱', '联系邮箱'], kind: 'email', required: true },
  ],
};

/** 附件1/3/4 一、基本情况（一）基本信息 */
export const APPLICANT_BASICS: FormSpec = {
  key: 'applicantBasics',
  title: '（一）基本信息',
  titleEn: 'Basic information (applicant)',
  attachments: ['附件1', '附件3', '附件4'],
  fields: [
    { key: 'lead', label: '牵头单位', aliases: ['牵头申报单位', '牵头单位（全称）'], kind: 'text', required: true, hint: '（全称）' },
    { key: 'region', label: '所在地区', kind: 'region', required: true },
    { key: 'creditCode', label: '组织机构代码/三证合一码', aliases: ['统一社会信用代码', '组织机构代码', '三证合一码'], kind: 'creditCode', required: true },
    { key: 'founded', label: '成立时间', kind: 'date', required: true },
    { key: 'address', label: '通讯地址', kind: 'text', required: true },
    { key: 'capital', label: '注册资本（万元）', aliases: ['注册资本'], kind: 'money', required: true },
    { key: 'contactName', label: '联系人', kind: 'personName', required: true },
    { key: 'contactPhone', label: '联系电话', kind: 'phone', required: true },
    { key: 'fax', label: '传真', kind: 'fax', required: false },
    { key: 'email', label: '邮箱', kind: 'email', required: true },
    { key: 'nature', label: '单位性质', kind: 'orgNature', required: true },
    { key: 'intro', label: '申报单位简介', kind: 'text400', required: true, hint: '（发展历程、经营管理状况、主营业务、网络安全保险已开展工作等方面情况，不超过400字）' },
  ],
};

/** 联合申报单位: the label of the joint applicants' table in 附件3 基本信息, and what people write instead. */
export const JOINT_APPLICANTS_LABEL = '联合申报单位';
export const JOINT_APPLICANTS_LABEL_ALIASES: readonly string[] = ['联合单位', '联合申报单位名单', '联合申报单位情况'];

/** 联合申报单位: one row per joint applicant. */
export const JOINT_APPLICANT_COLUMNS: readonly FieldSpec[] = [
  { key: 'name', label: '单位名称', aliases: ['名称', '联合申报单位名称', '单位全称'], kind: 'text', required: true },
  { key: 'nature', label: '单位性质', aliases: ['性质'], kind: 'orgNature', required: true },
  { key: 'creditCode', label: '组织机构代码/三证合一码', aliases: ['统一社会信用代码', '组织机构代码', '三证合一码', '信用代码'], kind: 'creditCode', required: true },
];

/** 附件1 （二）方案基本信息 */
export const SCHEME_BASICS: FormSpec = {
  key: 'schemeBasics',
  title: '（二）方案基本信息',
  titleEn: 'Scheme information',
  attachments: ['附件1'],
  fields: [
    { key: 'schemeName', label: '方案名称', kind: 'text', required: true },
    { key: 'location', label: '所在地', kind: 'region', required: true },
    { key: 'head', label: '负责人', kind: 'personName', required: true },
    { key: 'headTitle', label: '职务/职称', kind: 'text', required: true },
    { key: 'direction', label: '申报方向', kind: 'direction', required: true, hint: '企业类：（请注明行业领域） / 产品服务类：（请注明产品类型）' },
    { key: 'summary', label: '方案概述', kind: 'text400', required: true, hint: '（简要阐述工作方案的总体目标、重点任务、主要工作内容、预期成效、初步费用等有关情况，不超过400字）' },
  ],
};

export const FORMS: readonly FormSpec[] = [AUTHORITY_BASICS, APPLICANT_BASICS, SCHEME_BASICS];
