/**
 * Word pools for realistic sample submissions: people, phones, mail domains, places and company names.
 * Companies are invented (only the three basic telecom operators are real, as they are in every region);
 * category values are looked up in the notice's vocabularies and fail loudly if the notice changes.
 */
import type { Region } from '../core/notice/regions';
import type { Term, Vocabulary } from '../core/notice/vocabularies';
import type { Rng } from './prng';

/** The official value `value` of `vocab` (top-level or member); throws if the notice has no such value. */
export function official(vocab: Vocabulary, value: string): string {
  return termOf(vocab, value).value;
}

export function termOf(vocab: Vocabulary, value: string): Term {
  const walk = (terms: readonly Term[]): Term | undefined => {
    for (const t of terms) {
      if (t.value === value) return t;
      const m = t.members ? walk(t.members) : undefined;
      if (m) return m;
    }
    return undefined;
  };
  const found = walk(vocab.terms);
  if (!found) throw new Error(`${vocab.label} has no value ${value}`);
  return found;
}

/** Surnames with their pinyin (for e-mail names). */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'],
  ['于', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['卢', 'lu'], ['姚', 'yao'], ['沈', 'shen'], ['钟', 'zhong'], ['姜', 'jiang'], ['崔', 'cui'], ['谭', 'tan'],
  ['陆', 'lu'], ['范', 'fan'], ['汪', 'wang'], ['廖', 'liao'], ['石', 'shi'], ['金', 'jin'], ['韦', 'wei'], ['贾', 'jia'],
  ['夏', 'xia'], ['傅', 'fu'], ['方', 'fang'], ['邹', 'zou'], ['熊', 'xiong'], ['白', 'bai'], ['孟', 'meng'], ['秦', 'qin'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂英', 'guiying'], ['浩', 'hao'], ['宇', 'yu'], ['鹏', 'peng'],
  ['思远', 'siyuan'], ['雅婷', 'yating'], ['子轩', 'zixuan'], ['欣怡', 'xinyi'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'],
  ['建华', 'jianhua'], ['海燕', 'haiyan'], ['文博', 'wenbo'], ['俊杰', 'junjie'], ['丹', 'dan'], ['婷', 'ting'], ['斌', 'bin'],
  ['辉', 'hui'], ['亮', 'liang'], ['帆', 'fan'], ['凯', 'kai'], ['琳', 'lin'], ['慧', 'hui'], ['雪', 'xue'], ['宁', 'ning'],
  ['远', 'yuan'], ['锐', 'rui'], ['佳', 'jia'], ['晨', 'chen'], ['悦', 'yue'], ['嘉怡', 'jiayi'], ['梓涵', 'zihan'], ['一鸣', 'yiming'],
  ['国庆', 'guoqing'], ['红梅', 'hongmei'], ['立新', 'lixin'], ['春燕', 'chunyan'], ['振华', 'zhenhua'], ['玉兰', 'yulan'], ['永刚', 'yonggang'],
];

/** Mobile prefixes from the ranges allocated to the three operators (and 199/191 of 中国电信). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];

export const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 5], ['163.com', 4], ['126.com', 2], ['139.com', 1], ['sina.com', 1], ['foxmail.com', 1],
];

export interface RegionFlavour {
  readonly cities: readonly string[];
  /** Area code for landlines (with the leading 0). */
  readonly areaCode: string;
  /** The 工业和信息化主管部门's suffix as it is really named (one of AUTHORITY_KINDS' suffixes). */
  readonly miitSuffix: string;
  readonly roads: readonly string[];
}

const FLAVOURS: Readonly<Record<string, RegionFlavour>> = {
  浙江省: { cities: ['杭州', '嘉兴', '湖州', '绍兴', '金华', '台州', '温州'], areaCode: '0571', miitSuffix: '经济和信息化厅', roads: ['杭州市西湖区文三路', '杭州市滨江区江南大道'] },
  上海市: { cities: ['浦东', '闵行', '嘉定', '松江', '徐汇', '杨浦'], areaCode: '021', miitSuffix: '经济和信息化委员会', roads: ['上海市浦东新区世纪大道', '上海市徐汇区漕溪北路'] },
  四川省: { cities: ['成都', '绵阳', '德阳', '宜宾', '泸州'], areaCode: '028', miitSuffix: '经济和信息化厅', roads: ['成都市高新区天府大道', '成都市武侯区人民南路'] },
  山东省: { cities: ['济南', '烟台', '潍坊', '淄博', '临沂'], areaCode: '0531', miitSuffix: '工业和信息化厅', roads: ['济南市历下区经十路', '济南市高新区舜华路'] },
  宁波市: { cities: ['宁波', '北仑', '鄞州', '余姚', '慈溪'], areaCode: '0574', miitSuffix: '经济和信息化局', roads: ['宁波市鄞州区天童南路', '宁波市高新区聚贤路'] },
  深圳市: { cities: ['深圳', '南山', '福田', '龙岗', '宝安'], areaCode: '0755', miitSuffix: '工业和信息化局', roads: ['深圳市南山区科技园南区', '深圳市福田区深南大道'] },
  湖北省: { cities: ['武汉', '襄阳', '宜昌', '十堰', '荆州'], areaCode: '027', miitSuffix: '经济和信息化厅', roads: ['武汉市东湖新技术开发区光谷大道', '武汉市江汉区建设大道'] },
  河南省: { cities: ['郑州', '洛阳', '新乡', '许昌', '南阳'], areaCode: '0371', miitSuffix: '工业和信息化厅', roads: ['郑州市金水区花园路', '郑州市郑东新区商务外环路'] },
  重庆市: { cities: ['两江', '渝北', '九龙坡', '永川', '涪陵'], areaCode: '023', miitSuffix: '经济和信息化委员会', roads: ['重庆市渝北区金开大道', '重庆市两江新区星光大道'] },
  辽宁省: { cities: ['沈阳', '鞍山', '营口', '锦州', '抚顺'], areaCode: '024', miitSuffix: '工业和信息化厅', roads: ['沈阳市和平区青年大街', '沈阳市浑南区创新路'] },
};

export function flavourOf(region: Region): RegionFlavour {
  const known = FLAVOURS[region.name];
  if (known) return known;
  const city = region.kind === 'province' || region.kind === 'autonomous-region' ? '工业和信息化厅' : '经济和信息化局';
  return { cities: [region.short], areaCode: '010', miitSuffix: city, roads: [`${region.name}人民路`, `${region.name}建设大道`] };
}

/** Invented brand words for company names. */
export const BRAND_WORDS: readonly string[] = [
  '恒远', '新澄', '云栈', '鼎盛', '华芯', '瑞丰', '博安', '汇通', '嘉禾', '德润', '天枢', '凯越', '泰和', '启航', '海川', '翔宇',
  '金穗', '明德', '卓信', '弘毅', '锦程', '澜舟', '星衡', '拓维安', '睿达', '沃土', '青禾', '宏图', '安泰', '诚恒', '聚能', '盛川',
  '乾元', '同创', '远航', '长风', '蓝海', '九州', '北辰', '融通', '凌云', '清源', '立方', '森图', '华岳', '致远', '鼎新', '万象',
];

export const INSURER_BRANDS: readonly string[] = ['泰信', '鸿盛', '融安', '嘉佑', '盛华', '永诚安', '国信安'];
export const REINSURER_BRANDS: readonly string[] = ['诚泰', '安华', '中瑞'];

/** Company-name endings for each industry, keyed by the industry's official value. */
export const TARGET_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  工业互联网: ['精密机械有限公司', '智能装备股份有限公司', '新材料科技有限公司', '电子元器件有限公司', '纺织印染有限公司', '化工集团有限公司', '汽车零部件有限公司', '家电智造有限公司', '光电科技股份有限公司', '机床制造有限公司'],
  电信和互联网: ['云计算服务有限公司', '数据科技有限公司', '网络科技有限公司', '信息服务有限公司', '数字科技股份有限公司', '互联网数据中心有限公司'],
  车联网: ['智能网联汽车有限公司', '新能源汽车有限公司', '汽车电子股份有限公司', '出行科技有限公司'],
  医疗卫生: ['互联网医院有限公司', '医疗科技有限公司', '健康管理有限公司'],
  金融: ['消费金融有限公司', '融资租赁有限公司', '小额贷款有限公司'],
  能源: ['燃气集团有限公司', '新能源发电有限公司', '热电有限公司'],
  交通运输: ['港务集团有限公司', '物流股份有限公司', '公交集团有限公司'],
};

/** Scheme-name stems for 企业类 schemes, keyed by industry. */
export const SCHEME_STEMS: Readonly<Record<string, readonly string[]>> = {
  工业互联网: ['制造业企业', '工业互联网企业', '智能制造企业', '工业控制系统'],
  电信和互联网: ['互联网平台企业', '数据中心企业', '云服务企业'],
  车联网: ['车联网企业', '智能网联汽车企业'],
  医疗卫生: ['医疗机构'],
  金融: ['中小金融机构'],
  能源: ['能源电力企业'],
  交通运输: ['港口航运企业'],
};

export const SCHEME_KINDS: readonly string[] = ['网络安全保险服务方案', '网络安全综合保险服务方案', '数据安全责任保险服务方案', '网络安全财产损失保险服务方案'];

export const LEAD_ROLES: readonly string[] = [
  '是，牵头单位，负责方案统筹、核保承保与理赔',
  '是，牵头单位，负责统筹试点、承保理赔',
  '是（牵头），负责保险产品设计、承保与理赔服务',
];

export function pickPerson(rng: Rng): { name: string; pinyin: string } {
  const [s, sp] = rng.pick(SURNAMES);
  const [g, gp] = rng.pick(GIVEN_NAMES);
  return { name: s + g, pinyin: sp + gp };
}

export function pickMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

export function pickEmail(rng: Rng, pinyin: string): string {
  const n = rng.chance(0.6) ? String(rng.int(1, 99)) : '';
  return `${pinyin}${n}@${rng.weighted(MAIL_DOMAINS)}`;
}
