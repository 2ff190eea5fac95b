/**
 * applicants.no-insurer: 牵头或联合申报单位中应有至少一家取得保险业务许可资格 (工信厅网安函〔2023〕356号 四、（一）),
 * for 附件3, whose 基本信息 has no 机构类型: the lead and the 联合申报单位 are judged by name (a warning).
 */
import fc from 'fast-check';
import { NOTICE } from '../../src/core/notice/limits';
import { INSURER_NAME_MARKERS, NON_INSURER_NAME_MARKERS } from '../../src/core/notice/vocabularies';
import { RULES } from '../../src/core/rules/catalog';
import { applicantInsurerIssues, isInsurerName, validateForm } from '../../src/core/rules/form';
import type { FormValue, JointApplicantRow } from '../../src/core/submission/types';

const leadAt = (text: string): FormValue[] => [{ key: 'lead', text, sheet: '基本信息', cell: 'B2' }];
const jointRows = (names: readonly string[]): JointApplicantRow[] =>
  names.map((name, i) => ({ sheet: '基本信息', row: 15 + i, cells: { name: { text: name, cell: `B${15 + i}` }, nature: { text: '民营企业', cell: `C${15 + i}` } } }));

const NON_INSURERS = ['安盾网络安全技术有限公司', '中国联合网络通信有限公司湖北分公司', '宜昌凯越科技有限公司', '宜昌凯越保险经纪有限公司', '明亚保险代理股份有限公司', '泛华保险服务集团有限公司', '众诚保险科技有限公司', '福田德润司法鉴定所'];
const INSURERS = ['安盾财产保险股份有限公司', '中国人寿保险股份有限公司', '中国财产再保险有限责任公司', '众安在线财产保险股份有限公司', '衡安财险厦门分公司', '某某人寿湖北分公司', '中国人寿 保险股份有限公司'];

describe('isInsurerName', () => {
  test.each(INSURERS)('%s is an insurer by name', (name) => expect(isInsurerName(name)).toBe(true));
  test.each(NON_INSURERS)('%s is not', (name) => expect(isInsurerName(name)).toBe(false));

  test('the markers are data in the notice facts; every exclusion names 保险, so it only ever narrows 保险', () => {
    expect(INSURER_NAME_MARKERS.slice(0, 3)).toEqual(['保险', '财险', '人寿']);
    for (const m of NON_INSURER_NAME_MARKERS) expect(m).toContain('保险');
  });
});

describe('applicants.no-insurer', () => {
  test('is a catalogued warning', () => {
    expect(RULES['applicants.no-insurer'].severity).toBe('warning');
  });

  test('lead and joint units all non-insurers: one warning at the lead\'s cell, citing the notice, Chinese first, no fix', () => {
    const issues = applicantInsurerIssues(leadAt('安盾网络安全技术有限公司'), jointRows(['中国联合网络通信有限公司湖北分公司', '宜昌凯越科技有限公司']), '湖北省.xlsx');
    expect(issues).toHaveLength(1);
    const [i] = issues;
    expect(i).toMatchObject({ code: 'applicants.no-insurer', severity: 'warning', table: 'form', column: 'lead', file: '湖北省.xlsx', sheet: '基本信息', cell: 'B2', value: '安盾网络安全技术有限公司' });
    expect(i.fix).toBeUndefined();
    expect(i.message).toMatch(/^牵头单位与联合申报单位/);
    expect(i.message).toContain('牵头单位“安盾网络安全技术有限公司”及 2 家联合申报单位');
    expect(i.message).toContain('牵头或联合申报单位中应有至少一家取得保险业务许可资格');
    expect(i.message).toContain(`（${NOTICE.number}）`);
    expect(i.messageEn).toContain(NOTICE.number);
    expect(i.related?.map((r) => r.cell)).toEqual(['B15', 'B16']);
  });

  test('no joint units: the lead alone decides', () => {
    expect(applicantInsurerIssues(leadAt('安盾网络安全技术有限公司'), []).map((i) => i.message)).toEqual([expect.stringContaining('也没有联合申报单位')]);
    expect(applicantInsurerIssues(leadAt('安盾财产保险股份有限公司'), [])).toEqual([]);
  });

  test('an insurer among the joint units is enough; a broker is not', () => {
    expect(applicantInsurerIssues(leadAt('安盾网络安全技术有限公司'), jointRows(['宜昌凯越科技有限公司', '诚泰再保险股份有限公司']))).toEqual([]);
    expect(applicantInsurerIssues(leadAt('安盾网络安全技术有限公司'), jointRows(['宜昌凯越保险经纪有限公司']))).toHaveLength(1);
  });

  test('no lead named (empty, or the template\'s （全称）): nothing to judge, required.missing / form.hint-left say so', () => {
    expect(applicantInsurerIssues([], jointRows(['宜昌凯越科技有限公司']))).toEqual([]);
    expect(applicantInsurerIssues(leadAt('（全称）'), jointRows(['宜昌凯越科技有限公司']))).toEqual([]);
    expect(applicantInsurerIssues(leadAt('  '), [])).toEqual([]);
  });

  test('validateForm runs it only when told the joint units, and never for 附件2', () => {
    const form = leadAt('安盾网络安全技术有限公司');
    const has = (issues: ReturnType<typeof validateForm>) => issues.some((i) => i.code === 'applicants.no-insurer');
    expect(has(validateForm(form, '附件3'))).toBe(false);
    expect(has(validateForm(form, '附件3', 'x.xlsx', []))).toBe(true);
    expect(has(validateForm(form, undefined, 'x.xlsx', []))).toBe(true);
    expect(has(validateForm(form, '附件2', 'x.xlsx', []))).toBe(false);
  });

  const nonInsurer = fc.constantFrom(...NON_INSURERS);
  const insurer = fc.constantFrom(...INSURERS);

  test('property: with only non-insurers there is exactly one warning, whatever the order of the joint units', () => {
    fc.assert(
      fc.property(nonInsurer, fc.array(nonInsurer, { maxLength: 12 }), (lead, joint) => {
        const a = applicantInsurerIssues(leadAt(lead), jointRows(joint));
        const b = applicantInsurerIssues(leadAt(lead), jointRows([...joint].reverse()));
        expect(a.map((i) => i.code)).toEqual(['applicants.no-insurer']);
        expect(b.map((i) => i.cell)).toEqual(a.map((i) => i.cell));
      }),
    );
  });

  test('property: one insurer anywhere, as lead or at any place among the joint units, silences it', () => {
    fc.assert(
      fc.property(nonInsurer, fc.array(nonInsurer, { maxLength: 11 }), insurer, fc.nat(), fc.boolean(), (lead, joint, ins, at, asLead) => {
        const rows = [...joint];
        rows.splice(at % (rows.length + 1), 0, ins);
        const issues = asLead ? applicantInsurerIssues(leadAt(ins), jointRows(joint)) : applicantInsurerIssues(leadAt(lead), jointRows(rows));
        expect(issues).toEqual([]);
      }),
    );
  });
});
