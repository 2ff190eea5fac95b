/**
 * The content of a sample submission, before any layout: agencies, targets, schemes and the form,
 * drawn from the pools with a seeded PRNG.
 */
import { AGENCY_TYPES, INDUSTRIES, LICENSED_AGENCY_TYPES, ORG_NATURES, PRODUCT_SERVICE_TYPES, SCHEME_TYPES } from '../core/notice/vocabularies';
import { AUTHORITY_KINDS, type Region } from '../core/notice/regions';
import type { Variant } from '../core/notice/tables';
import type { Rng } from './prng';
import {
  BRAND_WORDS,
  INSURER_BRANDS,
  LEAD_ROLES,
  REINSURER_BRANDS,
  SCHEME_KINDS,
  SCHEME_STEMS,
  TARGET_SUFFIXES,
  flavourOf,
  official,
  pickEmail,
  pickMobile,
  pickPerson,
  termOf,
} from './pools';

export interface Contact {
  name: string;
  mobile: string;
  email: string;
  /** E-mail first in the cell. */
  emailFirst: boolean;
  sep: string;
}

export interface AgencyRecord {
  name: string;
  type: string;
  contact: Contact;
  role: string;
  lead: boolean;
}

export interface TargetRecord {
  name: string;
  industry: string;
  contact: Contact;
}

export interface SchemeRecord {
  name: string;
  type: string;
  field: string;
  contact: Contact;
}

export interface FormRecord {
  /** Field key → value (Date for dates, number for money). */
  readonly values: Record<string, string | number | Date>;
  readonly joint: { name: string; nature: string; creditCode: string }[];
}

export interface Records {
  agencies: AgencyRecord[];
  targets: TargetRecord[];
  schemes: SchemeRecord[];
  form: FormRecord;
  /** The submitting unit: the authority (附件2) or the lead applicant (附件3). */
  submitter: string;
  /** The 牵头 agency / 牵头单位. */
  lead: string;
}

export interface ContentOptions {
  readonly variant: Variant;
  readonly region: Region;
  readonly authority: 'miit' | 'ca';
  readonly rows: { agencies: number; targets: number; schemes: number };
  /** Name of the lead (an insurer); drawn when absent. */
  readonly lead?: string;
}

const CONTACT_SEPARATORS = [' ', '/', '，', '\n', '；', '; '];
const AGENCY_SEPARATORS = ['，', ' ', '：', '\n', ''];

/** Draws names and numbers that are unique within one submission. */
export class Drawer {
  private readonly used = new Set<string>();

  constructor(readonly rng: Rng) {}

  unique(make: () => string, fallback: (base: string, n: number) => string): string {
    for (let i = 0; i < 12; i++) {
      const v = make();
      if (!this.used.has(v)) {
        this.used.add(v);
        return v;
      }
    }
    const base = make();
    for (let n = 2; ; n++) {
      let v = fallback(base, n);
      // A fallback whose pattern does not match the base (…分公司 against /有限公司$/) returns it unchanged,
      // which looped forever once the base was taken; number it instead. Names that terminated before are unchanged.
      if (v === base && this.used.has(v)) v = `${base}（${n}）`;
      if (!this.used.has(v)) {
        this.used.add(v);
        return v;
      }
    }
  }

  contact(): Contact {
    const p = this.person();
    return {
      name: p.name,
      mobile: this.mobile(),
      email: this.unique(
        () => pickEmail(this.rng, p.pinyin),
        (b, n) => b.replace('@', `${n}@`),
      ),
      emailFirst: this.rng.chance(0.15),
      sep: this.rng.pick(CONTACT_SEPARATORS),
    };
  }

  person(): { name: string; pinyin: string } {
    let p = pickPerson(this.rng);
    for (let i = 0; i < 8 && this.used.has(`person:${p.name}`); i++) p = pickPerson(this.rng);
    this.used.add(`person:${p.name}`);
    return p;
  }

  mobile(): string {
    return this.unique(
      () => pickMobile(this.rng),
      (b, n) => b.slice(0, 3) + String((Number(b.slice(3)) + n) % 1e8).padStart(8, '0'),
    );
  }

  markUsed(value: string): void {
    this.used.add(value);
  }
}

/** 18-character 统一社会信用代码 with correct check characters (GB 32100-2015, with the GB 11714 organisation code inside). */
export function creditCode(rng: Rng, regionCode: string): string {
  const orgBody = rng.digits(8);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = orgBody.split('').reduce((s, ch, i) => s + Number(ch) * orgWeights[i], 0);
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const body = `91${regionCode}${orgBody}${orgCheck}`;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = body.split('').reduce((s, ch, i) => s + chars.indexOf(ch) * weights[i], 0);
  const check = (31 - (sum % 31)) % 31;
  return body + chars[check];
}

function agencyName(d: Drawer, region: Region, type: string): string {
  const rng = d.rng;
  const city = () => rng.pick(flavourOf(region).cities);
  const word = () => rng.pick(BRAND_WORDS);
  const byType: Record<string, () => string> = {
    [official(AGENCY_TYPES, '保险公司')]: () => `${rng.pick(INSURER_BRANDS)}财产保险股份有限公司${region.short}分公司`,
    [official(AGENCY_TYPES, '再保险公司')]: () => `${rng.pick(REINSURER_BRANDS)}再保险股份有限公司`,
    [official(AGENCY_TYPES, '保险中介机构')]: () => `${city()}${word()}保险经纪有限公司`,
    [official(AGENCY_TYPES, '网络安全企业')]: () =>
      rng.pick([`${city()}${word()}网络安全技术有限公司`, `${city()}${word()}信息安全科技有限公司`, `${word()}网络安全科技股份有限公司`]),
    [official(AGENCY_TYPES, '基础电信运营商')]: () =>
      rng.pick([`中国电信股份有限公司${region.short}分公司`, `中国移动通信集团${region.short}有限公司`, `中国联合网络通信有限公司${region.short}分公司`]),
    [official(AGENCY_TYPES, '保险科技公司')]: () => `${word()}保险科技有限公司`,
    [official(AGENCY_TYPES, '专业测评机构')]: () => rng.pick([`${region.short}${word()}安全测评有限公司`, `${city()}${word()}检测认证有限公司`]),
    [official(AGENCY_TYPES, '司法鉴定机构')]: () => `${city()}${word()}司法鉴定所`,
    [official(AGENCY_TYPES, '科研院所')]: () => rng.pick([`${region.short}信息安全研究院`, `${city()}网络空间安全研究院`]),
  };
  const make = byType[type] ?? (() => `${city()}${word()}科技有限公司`);
  return d.unique(make, (b, n) => b.replace(/有限公司$|研究院$|鉴定所$/, (m) => `第${n}${m}`));
}

const SUPPORT_ROLES: Record<string, readonly string[]> = {
  保险公司: ['否，参与共保，负责理赔服务'],
  再保险公司: ['否，负责再保险分保安排'],
  保险中介机构: ['否，负责保险经纪服务与方案设计', '否，负责投保咨询与理赔协助'],
  网络安全企业: ['否，负责风险评估、安全监测与应急处置', '否，负责保前评估与保中监测', '否，负责风险评估与安全运营'],
  基础电信运营商: ['否，负责网络侧风险监测与数据支撑', '否，负责网络安全监测'],
  保险科技公司: ['否，负责风险量化模型与线上投保平台'],
  专业测评机构: ['否，负责承保前安全测评与出险后定责定损'],
  司法鉴定机构: ['否，负责出险后电子数据司法鉴定'],
  科研院所: ['否，负责标准研究与技术支撑', '否，负责标准与测评支撑'],
};

function supportRole(rng: Rng, type: string): string {
  return rng.pick(SUPPORT_ROLES[official(AGENCY_TYPES, type)] ?? ['否，负责技术支撑']);
}

function agencies(d: Drawer, o: ContentOptions, lead: string, leadType: string): AgencyRecord[] {
  const rng = d.rng;
  const c = () => ({ ...d.contact(), sep: rng.pick(AGENCY_SEPARATORS) });
  const out: AgencyRecord[] = [{ name: lead, type: leadType, contact: c(), role: rng.pick(LEAD_ROLES), lead: true }];
  const supportTypes: (readonly [string, number])[] = [
    [official(AGENCY_TYPES, '网络安全企业'), 6],
    [official(AGENCY_TYPES, '基础电信运营商'), 2],
    [official(AGENCY_TYPES, '专业测评机构'), 2],
    [official(AGENCY_TYPES, '保险中介机构'), 1],
    [official(AGENCY_TYPES, '再保险公司'), 1],
    [official(AGENCY_TYPES, '科研院所'), 1],
    [official(AGENCY_TYPES, '保险科技公司'), 1],
    [official(AGENCY_TYPES, '司法鉴定机构'), 1],
  ];
  while (out.length < o.rows.agencies) {
    const type = rng.weighted(supportTypes);
    out.push({ name: agencyName(d, o.region, type), type, contact: c(), role: supportRole(rng, type), lead: false });
  }
  return out.slice(0, Math.max(o.rows.agencies, 0));
}

/** Industries people pick for 服务对象, weighted as they really come in. */
function industryWeights(): (readonly [string, number])[] {
  return [
    [official(INDUSTRIES, '工业互联网'), 8],
    [official(INDUSTRIES, '电信和互联网'), 5],
    [official(INDUSTRIES, '车联网'), 3],
    [official(INDUSTRIES, '医疗卫生'), 1],
    [official(INDUSTRIES, '金融'), 1],
    [official(INDUSTRIES, '能源'), 1],
    [official(INDUSTRIES, '交通运输'), 1],
  ];
}

function targetName(d: Drawer, region: Region, industry: string): string {
  const rng = d.rng;
  const cities = flavourOf(region).cities;
  return d.unique(
    () => `${rng.pick(cities)}${rng.pick(BRAND_WORDS)}${rng.pick(TARGET_SUFFIXES[industry] ?? ['科技有限公司'])}`,
    (b, n) => b.replace(/(股份有限公司|集团有限公司|有限公司)$/, (m) => `第${n}${m}`),
  );
}

function targets(d: Drawer, o: ContentOptions): TargetRecord[] {
  const out: TargetRecord[] = [];
  const weights = industryWeights();
  for (let i = 0; i < o.rows.targets; i++) {
    const industry = d.rng.weighted(weights);
    out.push({ name: targetName(d, o.region, industry), industry, contact: d.contact() });
  }
  return out;
}

function schemeNameEnterprise(d: Drawer, region: Region, industry: string): string {
  const rng = d.rng;
  const place = rng.chance(0.5) ? region.short : rng.pick(flavourOf(region).cities);
  return d.unique(
    () => `${place}${rng.pick(SCHEME_STEMS[industry] ?? ['重点行业企业'])}${rng.pick(SCHEME_KINDS)}`,
    (b, n) => b.replace(/方案$/, `方案（${n}期）`),
  );
}

function productScheme(d: Drawer, region: Region): { name: string; field: string } {
  const rng = d.rng;
  // A place in front keeps schemes of different regions apart, as people name them.
  const place = rng.chance(0.5) ? region.short : rng.pick(flavourOf(region).cities);
  const group = rng.pick(PRODUCT_SERVICE_TYPES.terms);
  const member = group.members && group.members.length > 0 ? rng.pick(group.members).value : undefined;
  const service = group.value === official(PRODUCT_SERVICE_TYPES, '网络安全服务');
  const make = (): string => {
    if (member && service) return `${place}${member}服务职业责任保险方案`;
    if (member) return `${place}${member}产品网络安全保险方案`;
    return `${place}${rng.pick(['国产信息技术产品网络安全责任保险方案', '工业控制系统产品网络安全保险方案', '信创软件产品质量与安全责任保险方案'])}`;
  };
  return { name: d.unique(make, (b, n) => b.replace(/方案$/, `方案（${n}期）`)), field: group.value };
}

function schemes(d: Drawer, o: ContentOptions): SchemeRecord[] {
  const rng = d.rng;
  const out: SchemeRecord[] = [];
  const enterprise = official(SCHEME_TYPES, '企业类');
  const product = official(SCHEME_TYPES, '产品服务类');
  const weights = industryWeights();
  for (let i = 0; i < o.rows.schemes; i++) {
    if (rng.chance(0.35)) {
      const p = productScheme(d, o.region);
      out.push({ name: p.name, type: product, field: p.field, contact: d.contact() });
    } else {
      const industry = rng.weighted(weights);
      out.push({ name: schemeNameEnterprise(d, o.region, industry), type: enterprise, field: industry, contact: d.contact() });
    }
  }
  return out;
}

function landline(rng: Rng, areaCode: string): string {
  return `${areaCode}-${rng.int(5, 8)}${rng.digits(7)}`;
}

/** 单位性质 as such a unit would tick it. */
function natureOf(rng: Rng, type: string): string {
  if (LICENSED_AGENCY_TYPES.includes(type)) return official(ORG_NATURES, '国有控股企业');
  if (type === official(AGENCY_TYPES, '基础电信运营商')) return official(ORG_NATURES, '国有企业');
  if (type === official(AGENCY_TYPES, '科研院所') || type === official(AGENCY_TYPES, '司法鉴定机构')) return official(ORG_NATURES, '事业单位');
  return rng.pick([official(ORG_NATURES, '民营企业'), official(ORG_NATURES, '民营企业'), official(ORG_NATURES, '国有参股企业')]);
}

function authorityName(region: Region, kind: 'miit' | 'ca'): string {
  const ca = AUTHORITY_KINDS.find((k) => k.key === 'ca');
  const miit = AUTHORITY_KINDS.find((k) => k.key === 'miit');
  const suffix = flavourOf(region).miitSuffix;
  if (!miit || !(miit.suffixes as readonly string[]).includes(suffix)) throw new Error(`unknown authority suffix ${suffix}`);
  // 计划单列市 and the 兵团 have no 通信管理局 of their own.
  if (kind === 'ca' && ca && region.kind !== 'separately-planned-city' && region.kind !== 'xpcc') return `${region.name}${ca.suffixes[0]}`;
  return `${region.name}${suffix}`;
}

function authorityForm(d: Drawer, o: ContentOptions): FormRecord {
  const rng = d.rng;
  const head = d.person();
  const contact = d.person();
  const fl = flavourOf(o.region);
  return {
    values: {
      authority: authorityName(o.region, o.authority),
      headName: head.name,
      headTitle: rng.pick(['处长', '副处长', '二级巡视员']),
      contactName: contact.name,
      contactDept: rng.pick(['网络安全管理处', '信息化和网络安全处', '网络与信息安全管理处', '软件和信息服务业处']),
      contactTitle: rng.pick(['一级主任科员', '四级调研员', '副处长', '二级主任科员']),
      contactPhone: rng.chance(0.5) ? landline(rng, fl.areaCode) : d.mobile(),
      contactEmail: pickEmail(rng, contact.pinyin),
    },
    joint: [],
  };
}

function applicantForm(d: Drawer, o: ContentOptions, lead: string, partners: AgencyRecord[]): FormRecord {
  const rng = d.rng;
  const contact = d.person();
  const fl = flavourOf(o.region);
  return {
    values: {
      lead,
      region: o.region.name,
      creditCode: creditCode(rng, o.region.code),
      founded: new Date(Date.UTC(rng.int(1996, 2016), rng.int(0, 11), rng.int(1, 28))),
      address: `${rng.pick(fl.roads)}${rng.int(1, 399)}号`,
      capital: rng.pick([50000, 100000, 200000, 300000, 500000]),
      contactName: contact.name,
      contactPhone: rng.chance(0.5) ? landline(rng, fl.areaCode) : d.mobile(),
      fax: landline(rng, fl.areaCode),
      email: pickEmail(rng, contact.pinyin),
      nature: rng.pick([official(ORG_NATURES, '国有控股企业'), official(ORG_NATURES, '国有参股企业'), official(ORG_NATURES, '民营企业')]),
      intro: `${lead}成立于${rng.int(1996, 2016)}年，注册资本充足，经营稳健，在${o.region.short}设有分支机构。近年来围绕网络安全保险开展产品创新，联合网络安全企业提供保前风险评估、保中安全监测和保后应急处置服务，已为${rng.int(20, 300)}家企业提供网络安全保险保障。`,
    },
    joint: partners.slice(0, 3).map((p) => ({
      name: p.name,
      nature: natureOf(rng, p.type),
      creditCode: creditCode(rng, o.region.code),
    })),
  };
}

/** Draw the content of one submission. */
export function drawRecords(d: Drawer, o: ContentOptions): Records {
  const insurer = official(AGENCY_TYPES, '保险公司');
  if (!LICENSED_AGENCY_TYPES.includes(insurer)) throw new Error('保险公司 is no longer a licensed type');
  const lead = o.lead ?? agencyName(d, o.region, insurer);
  d.markUsed(lead);
  const ag = agencies(d, { ...o, rows: { ...o.rows, agencies: o.variant === '附件2' ? o.rows.agencies : Math.max(o.rows.agencies, 3) } }, lead, insurer);
  const tg = targets(d, o);
  const sc = schemes(d, o);
  const form = o.variant === '附件2' ? authorityForm(d, o) : applicantForm(d, o, lead, ag.slice(1));
  return {
    agencies: o.variant === '附件2' ? ag : [],
    targets: tg,
    schemes: sc,
    form,
    submitter: o.variant === '附件2' ? String(form.values.authority) : lead,
    lead,
  };
}

/** The first alias the notice module lists for an official value: the spelling people type. */
export function typicalAlias(vocab: Parameters<typeof termOf>[0], value: string): string {
  const t = termOf(vocab, value);
  const a = t.aliases?.[0];
  if (!a) throw new Error(`${value} has no alias`);
  return a;
}
