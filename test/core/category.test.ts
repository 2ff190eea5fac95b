import { matchCategory } from '../../src/core/fields/category';
import { AGENCY_TYPES, INDUSTRIES, PRODUCT_SERVICE_TYPES, SCHEME_TYPES, ORG_NATURES } from '../../src/core/notice/vocabularies';
import { INDUSTRY_HINT, SCHEME_TYPE_HINT } from '../../src/core/notice/tables';

describe('matchCategory', () => {
  test.each([
    // vocabulary, text, kind, official
    [INDUSTRIES, '电信和互联网', 'exact', '电信和互联网'],
    [INDUSTRIES, '医疗卫生', 'exact', '医疗卫生'],
    [INDUSTRIES, '金融', 'exact', '金融'],
    [INDUSTRIES, '能源', 'exact', '能源'],
    [INDUSTRIES, '原材料工业', 'exact', '原材料工业'],
    [INDUSTRIES, ' 车联网 ', 'spelling', '车联网'],
    [INDUSTRIES, '车联网。', 'spelling', '车联网'],
    [INDUSTRIES, '工业　互联网', 'spelling', '工业互联网'],
    [INDUSTRIES, '车联网企业', 'variant', '车联网'],
    [INDUSTRIES, '金融行业', 'variant', '金融'],
    [INDUSTRIES, '电信与互联网', 'alias', '电信和互联网'],
    [INDUSTRIES, '工业互连网', 'alias', '工业互联网'],
    [INDUSTRIES, '工业互连綱', 'near', '工业互联网'],
    [INDUSTRIES, '工业互联', 'near', '工业互联网'],
    [INDUSTRIES, '农业', 'unknown', undefined],
    [INDUSTRIES, INDUSTRY_HINT, 'hint', undefined],
    [INDUSTRIES, '其他行业（农业）', 'other', '其他行业'],
    [INDUSTRIES, '电信和互联网、工业互联网', 'several', '电信和互联网'],
    [AGENCY_TYPES, '保险经纪公司', 'alias', '保险中介机构'],
    [AGENCY_TYPES, '保险公司', 'exact', '保险公司'],
    [AGENCY_TYPES, '其他（律师事务所）', 'other', '其他'],
    [SCHEME_TYPES, '企业类', 'exact', '企业类'],
    [SCHEME_TYPES, SCHEME_TYPE_HINT, 'hint', undefined],
    [SCHEME_TYPES, '企业类、产品服务类', 'hint', undefined],
    [SCHEME_TYPES, '综合类', 'unknown', undefined],
    [SCHEME_TYPES, '产品服务', 'alias', '产品服务类'],
    [ORG_NATURES, '国企', 'alias', '国有企业'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], '网络安全服务', 'exact', '网络安全服务'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], '网络安全产品', 'exact', '网络安全产品'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], '信息技术产品', 'exact', '信息技术产品'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], 'WEB应用防火墙', 'spelling', 'Web应用防火墙'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], 'web应用防火墙', 'spelling', 'Web应用防火墙'],
    [[INDUSTRIES, PRODUCT_SERVICE_TYPES], '工业互联网', 'exact', '工业互联网'],
  ])('%#: %j', (vocab, text, kind, official) => {
    const m = matchCategory(text, vocab);
    expect(m.kind).toBe(kind);
    expect(m.official).toBe(official);
  });

  test('open and closed vocabularies', () => {
    expect(matchCategory('农业', INDUSTRIES).open).toBe(true);
    expect(matchCategory('综合类', SCHEME_TYPES).open).toBe(false);
    expect(matchCategory('网络安全服务', [INDUSTRIES, PRODUCT_SERVICE_TYPES]).vocabulary).toBe('productServiceType');
  });
});
