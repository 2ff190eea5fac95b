/**
 * The notice's own words for every category column, with the variants people type for them.
 * An alias maps to exactly one official value: it is offered as a certain fix, never applied silently.
 */

export interface Term {
  /** The official value as the notice writes it. */
  readonly value: string;
  readonly en: string;
  /** Spellings people use that mean exactly this value (compared after normalisation). */
  readonly aliases?: readonly string[];
  /** Narrower values that count as this one (工业互联网 → 原材料工业 …). */
  readonly members?: readonly Term[];
  /** A member also offered in dropdowns (医疗卫生, 金融, 能源 are typed far more often than 其他行业). */
  readonly listed?: boolean;
}

export interface Vocabulary {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly terms: readonly Term[];
  /**
   * An open list ends with "等" in the notice: a value outside it is a warning to check, not an error.
   * A closed list (方案类型) accepts nothing else.
   */
  readonly open: boolean;
}

/** 四、（一）方案征集: the kinds of 网络安全保险服务机构, in the notice's order. */
export const AGENCY_TYPES: Vocabulary = {
  key: 'agencyType',
  label: '机构类型',
  labelEn: 'agency type',
  open: true,
  terms: [
    { value: '保险公司', en: 'insurance company', aliases: ['财产保险公司', '财险公司', '保险股份有限公司', '产险公司', '保险机构'] },
    { value: '再保险公司', en: 'reinsurance company', aliases: ['再保公司', '再保险'] },
    { value: '保险中介机构', en: 'insurance intermediary', aliases: ['保险经纪公司', '保险经纪', '保险经纪机构', '保险代理公司', '保险代理机构', '保险公估机构', '保险公估公司', '保险中介'] },
    { value: '网络安全企业', en: 'cyber-security company', aliases: ['网络安全公司', '网安企业', '网络安全厂商', '安全企业', '网络安全服务企业'] },
    { value: '基础电信运营商', en: 'basic telecom operator', aliases: ['基础电信企业', '电信运营商', '运营商', '通信运营商'] },
    { value: '保险科技公司', en: 'insurtech company', aliases: ['保险科技企业'] },
    { value: '专业测评机构', en: 'testing and evaluation body', aliases: ['测评机构', '安全测评机构', '检测机构', '检测认证机构'] },
    { value: '司法鉴定机构', en: 'forensic appraisal body', aliases: ['司法鉴定所', '鉴定机构', '司法鉴定中心'] },
    { value: '科研院所', en: 'research institute', aliases: ['科研机构', '研究院', '研究所', '高校', '高等院校'] },
    { value: '其他', en: 'other' },
  ],
};

/** 机构类型 values that hold an insurance licence (取得保险业务许可资格). */
export const LICENSED_AGENCY_TYPES: readonly string[] = ['保险公司', '再保险公司'];
/** Intermediaries are regulated but do not underwrite: alone they do not satisfy the licence rule. */
export const INTERMEDIARY_AGENCY_TYPES: readonly string[] = ['保险中介机构'];

/**
 * 四、（一）: 牵头或联合申报单位中应有至少一家取得保险业务许可资格. 附件3's 基本信息 has no 机构类型, so its 牵头单位 and
 * 联合申报单位 are judged by name: a name holding one of INSURER_NAME_MARKERS (保险、财险、人寿 …; messages quote
 * the first three) and none of NON_INSURER_NAME_MARKERS is taken as a licensed insurer. The second list holds what
 * 保险 also names without underwriting: intermediaries (经纪、代理、公估), insurtech and service firms, asset
 * managers. Compared after NFKC with spaces removed. A judgement by name only: the rule built on it is a warning.
 */
export const INSURER_NAME_MARKERS: readonly string[] = ['保险', '财险', '人寿', '产险', '寿险', '再保'];
export const NON_INSURER_NAME_MARKERS: readonly string[] = [
  '保险经纪',
  '保险代理',
  '保险公估',
  '保险中介',
  '保险销售',
  '保险科技',
  '保险技术',
  '保险信息',
  '保险咨询',
  '保险服务',
  '保险资产管理',
];

/** 三、（一）企业类: the sectors, with 工业互联网's industries and the 其他行业 the notice names. */
export const INDUSTRIES: Vocabulary = {
  key: 'industry',
  label: '行业领域',
  labelEn: 'industry',
  open: true,
  terms: [
    { value: '电信和互联网', en: 'telecom and internet', aliases: ['电信与互联网', '电信及互联网', '电信、互联网', '电信互联网', '互联网', '电信', '信息通信'] },
    {
      value: '工业互联网',
      en: 'industrial internet',
      aliases: ['工业互连网', '工业', '制造业'],
      members: [
        { value: '原材料工业', en: 'raw materials industry' },
        { value: '装备工业', en: 'equipment industry' },
        { value: '消费品工业', en: 'consumer goods industry' },
        { value: '电子信息制造业', en: 'electronics manufacturing' },
      ],
    },
    { value: '车联网', en: 'connected vehicles', aliases: ['智能网联汽车', '汽车', '车联网（智能网联汽车）'] },
    {
      value: '其他行业',
      en: 'other sectors',
      aliases: ['其他'],
      members: [
        { value: '医疗卫生', listed: true, en: 'healthcare', aliases: ['医疗', '卫生健康', '医疗健康', '卫生'] },
        { value: '金融', listed: true, en: 'finance', aliases: ['金融业', '银行', '银行业', '证券', '保险'] },
        { value: '能源', listed: true, en: 'energy', aliases: ['电力', '能源电力', '石油石化'] },
        { value: '交通运输', listed: true, en: 'transport', aliases: ['交通', '物流'] },
        { value: '教育', en: 'education' },
        { value: '水利', en: 'water' },
        { value: '政务', en: 'government services', aliases: ['电子政务'] },
      ],
    },
  ],
};

/** 三、试点对象及内容: 企业类 and 产品服务类. */
export const SCHEME_TYPES: Vocabulary = {
  key: 'schemeType',
  label: '方案类型',
  labelEn: 'scheme type',
  open: false,
  terms: [
    { value: '企业类', en: 'enterprise', aliases: ['企业', '企业类保险'] },
    { value: '产品服务类', en: 'product and service', aliases: ['产品服务', '产品类', '服务类', '产品和服务类', '产品与服务类', '产品服务类保险'] },
  ],
};

/** 三、（二）产品服务类: what a 产品服务类 scheme insures, with the examples the notice lists. */
export const PRODUCT_SERVICE_TYPES: Vocabulary = {
  key: 'productServiceType',
  label: '产品类型',
  labelEn: 'product or service type',
  open: true,
  terms: [
    {
      value: '网络安全产品',
      en: 'security product',
      aliases: ['安全产品'],
      members: [
        { value: '抗DDoS防护', en: 'anti-DDoS', aliases: ['抗DDOS防护', 'DDoS防护', '抗DDoS'] },
        { value: '数据防泄漏', en: 'data loss prevention', aliases: ['DLP', '数据防泄露'] },
        { value: '防勒索软件', en: 'anti-ransomware', aliases: ['防勒索'] },
        { value: '终端检测响应', en: 'EDR', aliases: ['EDR', '终端检测与响应'] },
        { value: 'Web应用防火墙', en: 'WAF', aliases: ['WAF', 'WEB应用防火墙'] },
      ],
    },
    {
      value: '网络安全服务',
      en: 'security service',
      aliases: ['安全服务'],
      members: [
        { value: '网络安全风险评估', en: 'risk assessment', aliases: ['风险评估'] },
        { value: '安全运营', en: 'security operations', aliases: ['安全运营服务'] },
        { value: '应急处置', en: 'incident response', aliases: ['应急响应'] },
      ],
    },
    { value: '信息技术产品', en: 'IT product', aliases: ['IT产品', '信息技术产品（IT产品）'] },
  ],
};

/** 单位性质 check boxes of the 基本信息 forms. */
export const ORG_NATURES: Vocabulary = {
  key: 'orgNature',
  label: '单位性质',
  labelEn: 'nature of the organisation',
  open: false,
  terms: [
    { value: '事业单位', en: 'public institution' },
    { value: '国有企业', en: 'state-owned enterprise', aliases: ['国企'] },
    { value: '民营企业', en: 'private enterprise', aliases: ['民企', '私营企业'] },
    { value: '合资企业', en: 'joint venture' },
    { value: '国有控股企业', en: 'state-controlled enterprise' },
    { value: '国有参股企业', en: 'state-participating enterprise' },
    { value: '其他', en: 'other' },
  ],
};

/** 二、试点险种. */
export const INSURANCE_KINDS: Vocabulary = {
  key: 'insuranceKind',
  label: '险种',
  labelEn: 'kind of insurance',
  open: false,
  terms: [
    { value: '网络安全财产类保险', en: 'cyber property insurance', aliases: ['财产类', '网络安全财产险'] },
    { value: '网络安全责任类保险', en: 'cyber liability insurance', aliases: ['责任类', '网络安全责任险'] },
  ],
};

export const VOCABULARIES = {
  agencyType: AGENCY_TYPES,
  industry: INDUSTRIES,
  schemeType: SCHEME_TYPES,
  productServiceType: PRODUCT_SERVICE_TYPES,
  orgNature: ORG_NATURES,
  insuranceKind: INSURANCE_KINDS,
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

/** Every official value of a vocabulary, top-level terms first, then their members. */
export function officialValues(vocab: Vocabulary): string[] {
  const out: string[] = [];
  const walk = (terms: readonly Term[]) => {
    for (const t of terms) out.push(t.value);
    for (const t of terms) if (t.members) walk(t.members);
  };
  walk(vocab.terms);
  return out;
}

/** The values offered in a dropdown: the top-level terms and the members marked `listed`. */
export function dropdownValues(vocab: Vocabulary): string[] {
  const out: string[] = [];
  for (const t of vocab.terms) {
    out.push(t.value);
    for (const m of t.members ?? []) if (m.listed) out.push(m.value);
  }
  return out;
}

/** The top-level term a value (official or member) belongs to. */
export function groupOf(vocab: Vocabulary, value: string): string | undefined {
  for (const t of vocab.terms) {
    if (t.value === value) return t.value;
    if (t.members?.some((m) => m.value === value)) return t.value;
  }
  return undefined;
}
