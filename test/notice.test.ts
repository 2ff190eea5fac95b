import { TABLES, VARIANTS, tableTitle, REGIONS, officialValues, dropdownValues, groupOf, INDUSTRIES, AGENCY_TYPES, SCHEME_TYPES, VOCABULARIES, LIMITS } from '../src/core/notice';

describe('notice facts', () => {
  test('headers are exactly the notice\'s', () => {
    expect(TABLES.agencies.columns.map((c) => c.header)).toEqual(['序号', '机构名称', '机构类型', '联系人及联系方式', '责任分工（是否牵头及分工）']);
    expect(TABLES.targets.columns.map((c) => c.header)).toEqual(['序号', '企业名称', '所在行业领域', '联系人', '联系方式（手机与邮箱）']);
    expect(TABLES.schemes.columns.map((c) => c.header)).toEqual(['序号', '方案名称', '方案类型', '行业领域', '联系人', '联系方式（手机与邮箱）']);
  });

  test('stable column keys', () => {
    expect(TABLES.agencies.columns.map((c) => c.key)).toEqual(['seq', 'name', 'type', 'contact', 'role']);
    expect(TABLES.targets.columns.map((c) => c.key)).toEqual(['seq', 'name', 'industry', 'contactPerson', 'contact']);
    expect(TABLES.schemes.columns.map((c) => c.key)).toEqual(['seq', 'name', 'type', 'industry', 'contactPerson', 'contact']);
  });

  test('variants number their tables as the attachments do', () => {
    expect(tableTitle('附件2', 'agencies')).toBe('表1 服务机构基本情况');
    expect(tableTitle('附件2', 'schemes')).toBe('表3 服务方案基本情况');
    expect(tableTitle('附件3', 'targets')).toBe('表1 服务对象基本情况');
    expect(tableTitle('附件3', 'schemes')).toBe('表2 服务方案基本情况');
    expect(() => tableTitle('附件3', 'agencies')).toThrow();
    expect(VARIANTS['附件3'].tables.map((t) => t.templateRows)).toEqual([15, 4]);
  });

  test('37 submitting regions with unique codes and names', () => {
    expect(REGIONS).toHaveLength(37);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(37);
    expect(new Set(REGIONS.map((r) => r.name)).size).toBe(37);
    expect(REGIONS.filter((r) => r.kind === 'separately-planned-city').map((r) => r.short).sort()).toEqual(['厦门', '大连', '宁波', '深圳', '青岛'].sort());
    for (const r of REGIONS) expect(r.code).toMatch(/^\d{6}$/);
  });

  test('vocabularies: no alias shadows an official value or another alias', () => {
    for (const vocab of Object.values(VOCABULARIES)) {
      const official = new Set(officialValues(vocab));
      const seen = new Map<string, string>();
      const walk = (terms: typeof vocab.terms) => {
        for (const t of terms) {
          for (const a of t.aliases ?? []) {
            expect(official.has(a)).toBe(false);
            expect(seen.get(a) ?? t.value).toBe(t.value);
            seen.set(a, t.value);
          }
          if (t.members) walk(t.members);
        }
      };
      walk(vocab.terms);
    }
  });

  test('vocabulary helpers', () => {
    expect(officialValues(AGENCY_TYPES).slice(0, 3)).toEqual(['保险公司', '再保险公司', '保险中介机构']);
    expect(groupOf(INDUSTRIES, '装备工业')).toBe('工业互联网');
    expect(groupOf(INDUSTRIES, '医疗卫生')).toBe('其他行业');
    expect(groupOf(INDUSTRIES, '不存在')).toBeUndefined();
    expect(dropdownValues(INDUSTRIES)).toContain('医疗卫生');
    expect(dropdownValues(INDUSTRIES)).not.toContain('装备工业');
    expect(dropdownValues(SCHEME_TYPES)).toEqual(['企业类', '产品服务类']);
    expect(LIMITS.maxJointUnits).toBe(10);
  });
});
