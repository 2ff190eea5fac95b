/**
 * The three tables of 工信厅网安函〔2023〕356号, exactly as 附件2 and 附件3 print them.
 * Every header, hint and template row count lives here once; writers, readers, validators and the UI read it.
 */

export type TableKey = 'agencies' | 'targets' | 'schemes';
export type Variant = '附件2' | '附件3';

/** What a column holds, which decides how it is read and checked. */
export type ColumnKind =
  | 'seq' // 序号
  | 'name' // 机构名称 / 企业名称 / 方案名称
  | 'category' // a value from a vocabulary
  | 'personAndPhone' // 联系人及联系方式: a name and a reachable number in one cell
  | 'role' // 责任分工（是否牵头及分工）
  | 'personName' // 联系人
  | 'mobileAndEmail'; // 联系方式（手机与邮箱）: a mobile AND an e-mail in one cell

export type VocabularyKey = 'agencyType' | 'industry' | 'schemeType' | 'schemeField';

export interface ColumnSpec {
  /** Stable English key used in code and JSON. */
  readonly key: string;
  /** The header exactly as the notice prints it. */
  readonly header: string;
  /** Other spellings people use for the header (compared after normalisation). */
  readonly aliases: readonly string[];
  readonly kind: ColumnKind;
  readonly required: boolean;
  /** The hint printed in the template's first row, if any. */
  readonly hint?: string;
  readonly vocabulary?: VocabularyKey;
  /** Kept as text in Excel (`@`) so phones and codes keep their digits. */
  readonly text: boolean;
  /** Column width in Excel character units for the template and summary. */
  readonly width: number;
}

export interface TableSpec {
  readonly key: TableKey;
  /** 服务机构 … */
  readonly shortName: string;
  /** 服务机构基本情况 — the title after "表N ". */
  readonly title: string;
  readonly titleEn: string;
  readonly columns: readonly ColumnSpec[];
}

const seq: ColumnSpec = { key: 'seq', header: '序号', aliases: ['编号', '序'], kind: 'seq', required: true, text: false, width: 6 };

const contactPerson: ColumnSpec = {
  key: 'contactPerson',
  header: '联系人',
  aliases: ['联系人姓名', '姓名'],
  kind: 'personName',
  required: true,
  text: false,
  width: 10,
};

const mobileAndEmail: ColumnSpec = {
  key: 'contact',
  header: '联系方式（手机与邮箱）',
  aliases: ['联系方式', '联系方式（手机和邮箱）', '联系方式（手机、邮箱）', '手机与邮箱', '联系电话及邮箱', '联系方式（电话与邮箱）'],
  kind: 'mobileAndEmail',
  required: true,
  text: true,
  width: 34,
};

export const SCHEME_TYPE_HINT = '（企业类、产品服务类）';
export const INDUSTRY_HINT = '（如电信和互联网、工业互联网、车联网等）';

export const TABLES: Readonly<Record<TableKey, TableSpec>> = {
  agencies: {
    key: 'agencies',
    shortName: '服务机构',
    title: '服务机构基本情况',
    titleEn: 'Service agencies',
    columns: [
      seq,
      { key: 'name', header: '机构名称', aliases: ['单位名称', '服务机构名称', '机构全称'], kind: 'name', required: true, text: false, width: 36 },
      { key: 'type', header: '机构类型', aliases: ['单位类型', '机构类别'], kind: 'category', required: true, vocabulary: 'agencyType', text: false, width: 16 },
      {
        key: 'contact',
        header: '联系人及联系方式',
        aliases: ['联系人及电话', '联系人及联系电话', '联系人、联系方式', '联系人和联系方式'],
        kind: 'personAndPhone',
        required: true,
        text: true,
        width: 26,
      },
      {
        key: 'role',
        header: '责任分工（是否牵头及分工）',
        aliases: ['责任分工', '是否牵头及分工', '分工', '责任分工（是否牵头）'],
        kind: 'role',
        required: true,
        text: false,
        width: 40,
      },
    ],
  },
  targets: {
    key: 'targets',
    shortName: '服务对象',
    title: '服务对象基本情况',
    titleEn: 'Service targets (enterprises)',
    columns: [
      seq,
      { key: 'name', header: '企业名称', aliases: ['单位名称', '服务对象名称', '企业全称'], kind: 'name', required: true, text: false, width: 36 },
      { key: 'industry', header: '所在行业领域', aliases: ['行业领域', '所属行业领域', '所属行业', '所在行业'], kind: 'category', required: true, vocabulary: 'industry', text: false, width: 16 },
      contactPerson,
      mobileAndEmail,
    ],
  },
  schemes: {
    key: 'schemes',
    shortName: '服务方案',
    title: '服务方案基本情况',
    titleEn: 'Service schemes',
    columns: [
      seq,
      { key: 'name', header: '方案名称', aliases: ['服务方案名称'], kind: 'name', required: true, text: false, width: 40 },
      { key: 'type', header: '方案类型', aliases: ['方案类别', '申报方向'], kind: 'category', required: true, vocabulary: 'schemeType', hint: SCHEME_TYPE_HINT, text: false, width: 14 },
      { key: 'industry', header: '行业领域', aliases: ['所在行业领域', '所属行业领域', '行业领域/产品类型', '行业领域（产品类型）'], kind: 'category', required: true, vocabulary: 'schemeField', hint: INDUSTRY_HINT, text: false, width: 22 },
      contactPerson,
      mobileAndEmail,
    ],
  },
};

export interface VariantTable {
  readonly table: TableKey;
  /** The number printed before the title: 表1, 表2 … */
  readonly number: number;
  /** How many numbered rows the template prints before its "..." row. */
  readonly templateRows: number;
}

export interface VariantSpec {
  readonly variant: Variant;
  /** 地方主管部门 / 网络安全保险服务机构 */
  readonly submitter: string;
  readonly submitterEn: string;
  readonly tables: readonly VariantTable[];
}

export const VARIANTS: Readonly<Record<Variant, VariantSpec>> = {
  附件2: {
    variant: '附件2',
    submitter: '地方主管部门',
    submitterEn: 'local authority',
    tables: [
      { table: 'agencies', number: 1, templateRows: 5 },
      { table: 'targets', number: 2, templateRows: 10 },
      { table: 'schemes', number: 3, templateRows: 5 },
    ],
  },
  附件3: {
    variant: '附件3',
    submitter: '网络安全保险服务机构',
    submitterEn: 'insurance service agency',
    tables: [
      { table: 'targets', number: 1, templateRows: 15 },
      { table: 'schemes', number: 2, templateRows: 4 },
    ],
  },
};

export const TABLE_KEYS: readonly TableKey[] = ['agencies', 'targets', 'schemes'];

/** "表1 服务机构基本情况" as the template prints it. */
export function tableTitle(variant: Variant, table: TableKey): string {
  const entry = VARIANTS[variant].tables.find((t) => t.table === table);
  if (!entry) throw new Error(`${variant} has no ${table} table`);
  return `表${entry.number} ${TABLES[table].title}`;
}

export function columnSpec(table: TableKey, key: string): ColumnSpec {
  const col = TABLES[table].columns.find((c) => c.key === key);
  if (!col) throw new Error(`unknown column ${table}.${key}`);
  return col;
}
