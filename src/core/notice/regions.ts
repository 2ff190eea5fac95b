/**
 * The 37 submitters of 附件2: 31 provincial-level divisions, the 5 计划单列市 and 新疆生产建设兵团.
 * Codes are GB/T 2260 administrative division codes; the 兵团 has none there, so it carries the
 * 660000 that national statistical systems use for it (marked `conventionalCode`).
 */

export type RegionKind = 'province' | 'municipality' | 'autonomous-region' | 'separately-planned-city' | 'xpcc';

export interface Region {
  readonly code: string;
  /** Full official name: 江苏省, 内蒙古自治区, 厦门市 … */
  readonly name: string;
  /** Short name as written in titles and file names: 江苏, 内蒙古, 厦门 … */
  readonly short: string;
  readonly en: string;
  readonly kind: RegionKind;
  /** Other names people use: 苏, 新疆兵团 … (matched as whole names, never as single characters). */
  readonly aliases: readonly string[];
  /** For a 计划单列市, the province it lies in. */
  readonly parent?: string;
  readonly conventionalCode?: boolean;
}

const r = (code: string, name: string, short: string, en: string, kind: RegionKind, aliases: string[] = [], parent?: string): Region => ({
  code,
  name,
  short,
  en,
  kind,
  aliases,
  ...(parent ? { parent } : {}),
});

export const REGIONS: readonly Region[] = [
  r('110000', '北京市', '北京', 'Beijing', 'municipality'),
  r('120000', '天津市', '天津', 'Tianjin', 'municipality'),
  r('130000', '河北省', '河北', 'Hebei', 'province'),
  r('140000', '山西省', '山西', 'Shanxi', 'province'),
  r('150000', '内蒙古自治区', '内蒙古', 'Inner Mongolia', 'autonomous-region'),
  r('210000', '辽宁省', '辽宁', 'Liaoning', 'province'),
  r('220000', '吉林省', '吉林', 'Jilin', 'province'),
  r('230000', '黑龙江省', '黑龙江', 'Heilongjiang', 'province'),
  r('310000', '上海市', '上海', 'Shanghai', 'municipality'),
  r('320000', '江苏省', '江苏', 'Jiangsu', 'province'),
  r('330000', '浙江省', '浙江', 'Zhejiang', 'province'),
  r('340000', '安徽省', '安徽', 'Anhui', 'province'),
  r('350000', '福建省', '福建', 'Fujian', 'province'),
  r('360000', '江西省', '江西', 'Jiangxi', 'province'),
  r('370000', '山东省', '山东', 'Shandong', 'province'),
  r('410000', '河南省', '河南', 'Henan', 'province'),
  r('420000', '湖北省', '湖北', 'Hubei', 'province'),
  r('430000', '湖南省', '湖南', 'Hunan', 'province'),
  r('440000', '广东省', '广东', 'Guangdong', 'province'),
  r('450000', '广西壮族自治区', '广西', 'Guangxi', 'autonomous-region', ['广西自治区']),
  r('460000', '海南省', '海南', 'Hainan', 'province'),
  r('500000', '重庆市', '重庆', 'Chongqing', 'municipality'),
  r('510000', '四川省', '四川', 'Sichuan', 'province'),
  r('520000', '贵州省', '贵州', 'Guizhou', 'province'),
  r('530000', '云南省', '云南', 'Yunnan', 'province'),
  r('540000', '西藏自治区', '西藏', 'Tibet', 'autonomous-region'),
  r('610000', '陕西省', '陕西', 'Shaanxi', 'province'),
  r('620000', '甘肃省', '甘肃', 'Gansu', 'province'),
  r('630000', '青海省', '青海', 'Qinghai', 'province'),
  r('640000', '宁夏回族自治区', '宁夏', 'Ningxia', 'autonomous-region', ['宁夏自治区']),
  r('650000', '新疆维吾尔自治区', '新疆', 'Xinjiang', 'autonomous-region', ['新疆自治区']),
  r('210200', '大连市', '大连', 'Dalian', 'separately-planned-city', [], '辽宁省'),
  r('370200', '青岛市', '青岛', 'Qingdao', 'separately-planned-city', [], '山东省'),
  r('330200', '宁波市', '宁波', 'Ningbo', 'separately-planned-city', [], '浙江省'),
  r('350200', '厦门市', '厦门', 'Xiamen', 'separately-planned-city', [], '福建省'),
  r('440300', '深圳市', '深圳', 'Shenzhen', 'separately-planned-city', [], '广东省'),
  { ...r('660000', '新疆生产建设兵团', '新疆兵团', 'Xinjiang Production and Construction Corps', 'xpcc', ['兵团', '新疆建设兵团']), conventionalCode: true },
];

/** Each region has two 地方主管部门: its 工业和信息化主管部门 and its 通信管理局. */
export const AUTHORITY_KINDS = [
  { key: 'miit', suffixes: ['工业和信息化厅', '工业和信息化局', '经济和信息化厅', '经济和信息化局', '经济和信息化委员会', '工业和信息化委员会', '经信厅', '经信局', '经信委', '工信厅', '工信局'], en: 'industry and IT authority' },
  { key: 'ca', suffixes: ['通信管理局'], en: 'communications administration' },
] as const;

export function regionByCode(code: string): Region | undefined {
  return REGIONS.find((x) => x.code === code);
}

export function regionByName(name: string): Region | undefined {
  return REGIONS.find((x) => x.name === name || x.short === name || x.aliases.includes(name));
}
