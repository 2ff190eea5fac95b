import { validateSubmission } from '../../src/core/rules/validate';
import { validateFormField } from '../../src/core/rules/form';
import { RULES, RULE_CODES } from '../../src/core/rules/catalog';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { APPLICANT_BASICS, AUTHORITY_BASICS, SCHEME_BASICS } from '../../src/core/notice/forms';
import { LIMITS } from '../../src/core/notice/limits';
import type { Issue } from '../../src/core/issues';
import { submission, table } from './helpers';

const OK_CONTACT = '13800138000 zs@qq.com';
const target = (seq: string, name: string, industry = '工业互联网', person = '张三', contact = OK_CONTACT) => [seq, name, industry, person, contact];
const agency = (seq: string, name: string, type: string, contact: string, role: string) => [seq, name, type, contact, role];
const LEAD = agency('1', '甲财产保险股份有限公司', '保险公司', '王五 13900139000', '是，牵头单位');

function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}

describe('the catalog', () => {
  test('codes are dotted lower-case and every rule has both titles', () => {
    for (const code of RULE_CODES) {
      expect(code).toMatch(/^[a-z]+(?:\.[a-z0-9-]+)+$/);
      expect(RULES[code].zh.length).toBeGreaterThan(0);
      expect(RULES[code].en.length).toBeGreaterThan(0);
    }
  });
});

describe('targets: cell rules', () => {
  test.each([
    // contact cell, expected code, fix value, certain
    ['13800138000', 'contact.email-missing', undefined, undefined],
    ['zs@qq.com', 'contact.mobile-missing', undefined, undefined],
    ['010-68206187 zs@qq.com', 'contact.mobile-invalid', undefined, undefined],
    ['4008001234 zs@qq.com', 'contact.mobile-invalid', undefined, undefined],
    ['1380013800 zs@qq.com', 'contact.mobile-invalid', undefined, undefined],
    ['17412345678 zs@qq.com', 'contact.mobile-unallocated', undefined, undefined],
    ['13800138000 zs＠qq.com', 'contact.email-invalid', '13800138000 zs@qq.com', true],
    ['13800138000；zs@qq。com', 'contact.email-invalid', '13800138000；zs@qq.com', true],
    ['13800138000 zs@163', 'contact.email-invalid', '13800138000 zs@163.com', false],
    ['13800138000/zs@qq,com', 'contact.email-invalid', '13800138000/zs@qq.com', false],
    ['13800138000 zs@gmial.com', 'contact.email-typo', '13800138000 zs@gmail.com', false],
    ['13800138000 zs@qq.con', 'contact.email-typo', '13800138000 zs@qq.com', false],
    ['13800138000 13900139000 zs@qq.com', 'contact.extra-values', undefined, undefined],
  ])('%j → %s', (contact, code, fix, certain) => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲公司', '工业互联网', '张三', contact)]) }));
    const found = issues.find((i) => i.code === code);
    expect(found).toBeDefined();
    expect(found?.cell).toBe('E2');
    expect(found?.column).toBe('contact');
    expect(found?.value).toBe(contact);
    expect(found?.fix?.value).toBe(fix);
    expect(found?.fix?.certain).toBe(certain);
  });

  test.each([
    ['15997299362', 'contact.name-is-number'],
    ['zs@qq.com', 'contact.name-is-email'],
    ['张三13800138000', 'contact.name-has-number'],
    ['张三、李四', 'contact.name-several'],
  ])('联系人 %j → %s', (person, code) => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲公司', '金融', person)]) }));
    expect(codes(issues)).toContain(code);
    expect(issues.find((i) => i.code === code)?.cell).toBe('D2');
  });

  test('a mobile typed into 联系人 is offered back to 联系方式 as a suggestion', () => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲公司', '金融', '15997299362', 'sunli@139.com')]) }));
    const missing = issues.find((i) => i.code === 'contact.mobile-missing');
    expect(missing?.fix).toEqual({ value: '15997299362；sunli@139.com', certain: false });
  });

  test.each([
    ['电信与互联网', 'category.not-in-vocabulary', '电信和互联网', true],
    ['车联网企业', 'category.not-in-vocabulary', '车联网', true],
    [' 车联网 ', 'category.spelling', '车联网', true],
    ['工业互连綱', 'category.near-miss', '工业互联网', false],
    ['农业', 'category.unlisted', undefined, undefined],
  ])('所在行业领域 %j → %s', (industry, code, fix, certain) => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲公司', industry)]) }));
    const found = issues.find((i) => i.code === code);
    expect(found?.cell).toBe('C2');
    expect(found?.fix?.value).toBe(fix);
    expect(found?.fix?.certain).toBe(certain);
  });

  test('required cells', () => {
    const issues = validateSubmission(submission({ targets: table('targets', [['1', '', '工业互联网', '', OK_CONTACT]]) }));
    expect(issues.filter((i) => i.code === 'required.missing').map((i) => i.cell)).toEqual(['B2', 'D2']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  test('a valid row has no issue at all', () => {
    expect(validateSubmission(submission({ targets: table('targets', [target('1', '甲公司')]) }))).toEqual([]);
  });
});

describe('targets: row and table rules', () => {
  test.each([
    [['1', '2', '3'], []],
    [['1', '2', '4'], ['seq.gap']],
    [['1', '2', '2'], ['seq.duplicate']],
    [['1', '3', '2'], ['seq.gap', 'seq.out-of-order']],
    [['1', '2', 'x'], ['seq.not-a-number']],
    [['1.', '2、', '３'], []],
  ])('序号 %j → %j', (seqs, expected) => {
    const rows = seqs.map((s, i) => target(s, `公司${i}`, '工业互联网', `人${'甲乙丙'[i]}`, `1380013800${i} p${i}@qq.com`));
    expect(codes(validateSubmission(submission({ targets: table('targets', rows) }))).filter((c) => c.startsWith('seq.'))).toEqual(expected);
  });

  test("a repeated 序号: the fix is the row's position, and none when the position already matches (an earlier row is wrong)", () => {
    const rows = (seqs: string[]) => seqs.map((s, i) => target(s, `公司${i}`, '工业互联网', `人${'甲乙丙丁'[i]}`, `1380013800${i} p${i}@qq.com`));
    const dup = (seqs: string[]) => validateSubmission(submission({ targets: table('targets', rows(seqs)) })).filter((i) => i.code === 'seq.duplicate');
    const [early] = dup(['1', '2', '2', '4']);
    expect([early.cell, early.fix?.value, early.message]).toEqual(['A4', '3', '序号重复：序号 2 已出现过，按行次应为 3']);
    // 1, 3, 3: the third row's 3 is right by position; the second row (3 instead of 2) is the mistake.
    const [late] = dup(['1', '3', '3']);
    expect(late.cell).toBe('A4');
    expect(late.fix).toBeUndefined();
    expect(late.message).toContain('请检查前面序号编错的那一行');
  });

  test('after a misnumbered row, a 序号 equal to its position is not flagged, and suggestions are positions', () => {
    const rows = (seqs: string[]) => seqs.map((x, i) => target(x, `公司${i}`, '工业互联网', `人${'甲乙丙丁'[i]}`, `1380013800${i} p${i}@qq.com`));
    const seqIssues = validateSubmission(submission({ targets: table('targets', rows(['1', '5', '3'])) })).filter((i) => i.code.startsWith('seq.'));
    // Row 2 says 5 where 2 belongs; row 3's 3 is right (it was "out of order, suggest 6").
    expect(seqIssues.map((i) => [i.code, i.cell, i.fix?.value])).toEqual([['seq.gap', 'A3', '2']]);
  });

  test('duplicate names point at the first', () => {
    const issues = validateSubmission(
      submission({ targets: table('targets', [target('1', '星汉智能（苏州）装备有限公司', '工业互联网', '张三', '13800138000 a@qq.com'), target('2', '星汉智能(苏州)装备有限公司 ', '工业互联网', '李四', '13900139000 b@qq.com')]) }),
    );
    const dup = issues.find((i) => i.code === 'duplicate.name');
    expect(dup?.cell).toBe('B3');
    expect(dup?.related).toEqual([{ sheet: 'Sheet1', cell: 'B2', row: 2 }]);
  });

  test('the same mobile or e-mail for different people', () => {
    const issues = validateSubmission(
      submission({
        targets: table('targets', [target('1', '甲', '金融', '张三', '13800138000 a@qq.com'), target('2', '乙', '金融', '李四', '13800138000 b@qq.com'), target('3', '丙', '金融', '王五', '13700137000 A@QQ.COM')]),
        schemes: table('schemes', [['1', '甲方案', '企业类', '金融', '张三', '13800138000 a@qq.com']]),
      }),
    );
    expect(issues.filter((i) => i.code === 'contact.shared-mobile').map((i) => i.cell)).toEqual(['E3']);
    expect(issues.filter((i) => i.code === 'contact.shared-email').map((i) => i.cell)).toEqual(['E4']);
    expect(issues.find((i) => i.code === 'contact.shared-mobile')?.related?.[0].cell).toBe('E2');
  });

  test("a shared mobile in another table names that table's sheet and cell", () => {
    const schemes = { ...table('schemes', [['1', '甲方案', '企业类', '金融', '李四', '13800138000 b@qq.com']]), sheet: '服务方案' };
    const targets = { ...table('targets', [target('1', '甲', '金融', '张三', '13800138000 a@qq.com')]), sheet: '服务对象' };
    const shared = validateSubmission(submission({ targets, schemes })).find((i) => i.code === 'contact.shared-mobile');
    expect(shared?.message).toBe('不同联系人使用同一手机号码：“13800138000”也是服务对象!E2联系人的');
  });

  test('template leftover rows are reported once and not checked', () => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲公司'), ['2', '', '', '', ''], ['', '...', '', '', '']]) }));
    expect(codes(issues)).toEqual(['row.template-leftover', 'row.template-leftover']);
  });

  test('the hint row under the 表3 header', () => {
    const issues = validateSubmission(submission({ schemes: table('schemes', [['', '', '（企业类、产品服务类）', '（如电信和互联网、工业互联网、车联网等）', '', '']]) }));
    expect(codes(issues)).toEqual(['row.template-leftover', 'table.empty']);
  });

  test('hint text left in a filled row', () => {
    const issues = validateSubmission(submission({ schemes: table('schemes', [['1', '甲方案', '（企业类、产品服务类）', '金融', '张三', OK_CONTACT]]) }));
    expect(codes(issues)).toEqual(['category.hint-left']);
  });
});

describe('schemes: type and field', () => {
  test.each([
    ['企业类', '工业互联网', []],
    ['企业类', '医疗卫生', []],
    ['产品服务类', '网络安全服务', []],
    ['产品服务类', '信息技术产品', []],
    ['产品服务类', '数据防泄漏', []],
    ['企业类', '网络安全产品', ['scheme.type-field-mismatch']],
    ['产品服务类', '金融', ['scheme.type-field-mismatch']],
    ['综合类', '金融', ['category.not-in-vocabulary']],
  ])('%s + %s → %j', (type, field, expected) => {
    const issues = validateSubmission(submission({ schemes: table('schemes', [['1', '甲方案', type, field, '张三', OK_CONTACT]]) }));
    expect(codes(issues)).toEqual(expected);
  });
});

describe('agencies', () => {
  const run = (rows: string[][]) => validateSubmission(submission({ agencies: table('agencies', rows) }));

  test('a lead insurer with a security firm is fine', () => {
    expect(run([LEAD, agency('2', '乙网络安全公司', '网络安全企业', '赵六，010-68206187', '否，负责风险评估')])).toEqual([]);
  });

  test.each([
    [[agency('1', '甲经纪', '保险经纪公司', '王五 13900139000', '是，牵头'), agency('2', '乙', '网络安全企业', '赵六 13700137000', '否')], 'agencies.only-intermediary', 'warning'],
    [[agency('1', '甲', '网络安全企业', '王五 13900139000', '是，牵头'), agency('2', '乙', '科研院所', '赵六 13700137000', '否')], 'agencies.no-insurer', 'error'],
    [[agency('1', '甲保险', '保险公司', '王五 13900139000', '否'), agency('2', '乙', '科研院所', '赵六 13700137000', '否')], 'agencies.no-lead', 'error'],
    [[LEAD, agency('2', '乙', '科研院所', '赵六 13700137000', '牵头单位之一')], 'agencies.several-leads', 'error'],
  ])('%#: %s', (rows, code, severity) => {
    const found = run(rows).find((i) => i.code === code);
    expect(found?.severity).toBe(severity);
  });

  test(`at most ${LIMITS.maxJointUnits} joint units`, () => {
    const joint = (n: number) => Array.from({ length: n }, (_, i) => agency(String(i + 2), `联合${i}`, '网络安全企业', `人${i} 1370013700${i % 10}`, '否，参与'));
    expect(codes(run([LEAD, ...joint(LIMITS.maxJointUnits)]))).not.toContain('agencies.too-many-joint');
    expect(codes(run([LEAD, ...joint(LIMITS.maxJointUnits + 1)]))).toContain('agencies.too-many-joint');
  });

  test.each([
    ['王五', 'contact.phone-missing'],
    ['13900139000', 'contact.person-missing'],
    ['王五 68206187', 'phone.no-area-code'],
    ['王五 1068206187', 'phone.missing-leading-zero'],
    ['王五 12345', 'contact.phone-invalid'],
  ])('联系人及联系方式 %j → %s', (contact, code) => {
    const found = run([agency('1', '甲保险', '保险公司', contact, '是，牵头')]).find((i) => i.code === code);
    expect(found?.cell).toBe('D2');
    if (code === 'phone.missing-leading-zero') expect(found?.fix).toEqual({ value: '王五 010-68206187', certain: true });
  });

  // This test used to expect no issue at all, which is what hid the missing phone.service-number (README lists it
  // as an info for 400/800 numbers): the number is still accepted — no error, no warning — but the info is given.
  test('400 numbers are accepted where a landline is, with the phone.service-number info', () => {
    const issues = run([agency('1', '甲保险', '保险公司', '客服 400-800-1234', '是，牵头')]);
    expect(issues.map((i) => `${i.code} ${i.severity} ${i.cell}`)).toEqual(['phone.service-number info D2']);
    expect(issues[0].message).toBe('400/800 服务号码，请确认能联系到具体联系人：“400-800-1234”');
  });
});

describe('a submission', () => {
  test('附件2 without its 服务机构 table', () => {
    const issues = validateSubmission(submission({ targets: table('targets', [target('1', '甲')]), schemes: table('schemes', [['1', '方案', '企业类', '金融', '张三', OK_CONTACT]]) }, '附件2'));
    expect(issues.map((i) => `${i.code} ${i.table}`)).toEqual(['table.missing agencies']);
  });

  test('附件3 needs no 服务机构 table', () => {
    expect(validateSubmission(submission({ targets: table('targets', [target('1', '甲')]), schemes: table('schemes', [['1', '方案', '企业类', '金融', '张三', OK_CONTACT]]) }, '附件3'))).toEqual([]);
  });
});

describe('normalizeRow', () => {
  test('agencies', () => {
    const t = table('agencies', [agency('1', ' 甲保险（北京）', '保险经纪公司', '闫旭，19138570839', '是，牵头单位')]);
    expect(normalizeRow('agencies', t.rows[0])).toEqual({ nameKey: '甲保险(北京)', type: '保险中介机构', mobile: '19138570839', person: '闫旭', phone: '19138570839', lead: true });
  });
  test('schemes', () => {
    const t = table('schemes', [['1', '方案', '产品服务', '安全服务', '张三', 'zs＠qq.com；13800138000']]);
    expect(normalizeRow('schemes', t.rows[0])).toEqual({ nameKey: '方案', type: '产品服务类', industry: '网络安全服务', mobile: '13800138000', email: 'zs@qq.com', person: '张三', phone: '13800138000' });
  });
});

describe('form fields', () => {
  const field = (form: typeof APPLICANT_BASICS, key: string) => {
    const f = form.fields.find((x) => x.key === key);
    if (!f) throw new Error(key);
    return f;
  };
  test.each([
    [AUTHORITY_BASICS, 'contactPhone', '010-68206187', []],
    [AUTHORITY_BASICS, 'contactPhone', '13800138000', []],
    [AUTHORITY_BASICS, 'contactPhone', '68206187', ['phone.no-area-code']],
    [AUTHORITY_BASICS, 'contactPhone', '1068206187', ['phone.missing-leading-zero']],
    [AUTHORITY_BASICS, 'contactPhone', '4008001234', ['phone.service-number']],
    [AUTHORITY_BASICS, 'contactPhone', '电话', ['phone.invalid']],
    [AUTHORITY_BASICS, 'contactEmail', 'zs＠qq.com', ['contact.email-invalid']],
    [AUTHORITY_BASICS, 'contactEmail', 'zs@qq.com', []],
    [AUTHORITY_BASICS, 'contactName', '13800138000', ['contact.name-is-number']],
    [AUTHORITY_BASICS, 'authority', '', ['required.missing']],
    [AUTHORITY_BASICS, 'authority', '（全称）', ['form.hint-left']],
    [APPLICANT_BASICS, 'creditCode', '91350100M000100Y43', []],
    [APPLICANT_BASICS, 'creditCode', '91350100M000100Y44', ['credit.check-failed']],
    [APPLICANT_BASICS, 'creditCode', '91350100M00010', ['credit.invalid-length']],
    [APPLICANT_BASICS, 'creditCode', '91350100m000100y43', ['credit.format']],
    [APPLICANT_BASICS, 'creditCode', 'D2143569-X', []],
    [APPLICANT_BASICS, 'founded', '2010年5月1日', []],
    [APPLICANT_BASICS, 'founded', '2010-13-01', ['date.invalid']],
    [APPLICANT_BASICS, 'capital', '5000万元', []],
    [APPLICANT_BASICS, 'capital', '五千万', ['money.invalid']],
    [APPLICANT_BASICS, 'region', '江苏省', []],
    [APPLICANT_BASICS, 'region', '厦门', []],
    [APPLICANT_BASICS, 'region', '火星', ['region.unknown']],
    [APPLICANT_BASICS, 'nature', '国有企业', []],
    [APPLICANT_BASICS, 'nature', '☑民营企业 □国有企业', []],
    [APPLICANT_BASICS, 'nature', '国企', ['category.not-in-vocabulary']],
    [APPLICANT_BASICS, 'fax', '13800138000', ['phone.fax-is-mobile']],
    [APPLICANT_BASICS, 'intro', '字'.repeat(400), []],
    [APPLICANT_BASICS, 'intro', '字'.repeat(401), ['text.too-long']],
    [SCHEME_BASICS, 'direction', '企业类：工业互联网', []],
    [SCHEME_BASICS, 'direction', '产品服务类：网络安全服务', []],
    [SCHEME_BASICS, 'direction', '企业类：工业互连网', ['category.not-in-vocabulary']],
  ])('%#: %s.%s %j → %j', (form, key, text, expected) => {
    const issues = validateFormField(field(form, key), text);
    expect(codes(issues)).toEqual(expected);
    for (const i of issues) expect(i.table).toBe('form');
  });

  test('fixes rewrite the whole cell', () => {
    const [i] = validateFormField(field(SCHEME_BASICS, 'direction'), '企业类：工业互连网');
    expect(i.fix).toEqual({ value: '企业类：工业互联网', certain: true });
    const [c] = validateFormField(field(APPLICANT_BASICS, 'creditCode'), '9.13501E+17', { text: '9.13501E+17', type: 'number', number: 9.13501e17 });
    expect(c.code).toBe('credit.stored-as-number');
  });
});
