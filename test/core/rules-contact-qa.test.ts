/**
 * The validator on the cells QA reported (src/core/rules/cells.ts over src/core/fields/contact.ts):
 * an e-mail with spaces around its @ gets contact.email-invalid with a certain fix of just the address; numbers
 * with dots or a spaced extension give the person and the number; a 400/800 number in 联系人及联系方式 gives the
 * phone.service-number info README lists; and category cells read from a sheet are matched on the text the reader
 * keeps (edge spaces dropped, inner spaces and full-width forms reported as category.spelling).
 */
import fc from 'fast-check';
import { locateSubmission } from '../../src/core/locate';
import type { GridCell, GridSheet } from '../../src/core/grid/types';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { validateSubmission } from '../../src/core/rules/validate';
import { submission, table } from './helpers';

const targets = (contact: string) => validateSubmission(submission({ targets: table('targets', [['1', '乙公司', '电信和互联网', '钱进', contact]]) }));
const agencies = (contact: string) => validateSubmission(submission({ agencies: table('agencies', [['1', '甲财产保险股份有限公司', '保险公司', contact, '是，牵头单位']]) }));
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('联系方式（手机与邮箱） with spaces around the @', () => {
  test('the QA cell gets contact.email-invalid with the certain fix qianjin@qq.com, the rest as written', () => {
    const issues = targets('136 1234 5679 / qianjin @ qq.com');
    expect(codes(issues)).toEqual(['contact.email-invalid']);
    expect(issues[0].cell).toBe('E2');
    expect(issues[0].message).toBe('电子邮箱格式错误：“qianjin @ qq.com”中有多余的空格，应为“qianjin@qq.com”');
    expect(issues[0].fix).toEqual({ value: '136 1234 5679 / qianjin@qq.com', certain: true });
    // Applying the fix leaves nothing to report.
    expect(targets(issues[0].fix?.value ?? '')).toEqual([]);
  });

  test('full-width ＠ and spaces: one issue, the same certain fix', () => {
    const issues = targets('13612345679；qianjin ＠ qq.com');
    expect(issues.map((i) => [i.code, i.fix])).toEqual([['contact.email-invalid', { value: '13612345679；qianjin@qq.com', certain: true }]]);
  });

  test('the row reads the address without the spaces (邮箱（识别）)', () => {
    const row = table('targets', [['1', '乙公司', '电信和互联网', '钱进', '136 1234 5679 / qianjin @ qq.com']]).rows[0];
    const n = normalizeRow('targets', row);
    expect(n.email).toBe('qianjin@qq.com');
    expect(n.mobile).toBe('13612345679');
  });

  test('a full-width ＠ without spaces keeps its own message', () => {
    const issues = targets('13800138000 zs＠qq.com');
    expect(issues[0].message).toBe('电子邮箱格式错误：“zs＠qq.com”含全角字符或多余符号，应为“zs@qq.com”');
  });
});

describe('联系人及联系方式', () => {
  test.each([
    ['李娜 139.1234.5678', '李娜', '13912345678'],
    ['王强 (0755)8888 9999 转 123', '王强', '0755-88889999-123'],
    ['张伟 +86 138 1234 5678', '张伟', '13812345678'],
  ])('%j: no issue, person %s, phone %s', (contact, person, phone) => {
    expect(agencies(contact)).toEqual([]);
    const row = table('agencies', [['1', '甲', '保险公司', contact, '是']]).rows[0];
    const n = normalizeRow('agencies', row);
    expect(n.person).toBe(person);
    expect(n.phone).toBe(phone);
  });

  test.each([
    ['客服 400-800-1234', '400-800-1234'],
    ['李四 4008001234', '4008001234'],
    ['王五 800 123 4567', '800 123 4567'],
  ])('%j gives the phone.service-number info and nothing else', (contact, raw) => {
    const issues = agencies(contact);
    expect(issues.map((i) => `${i.code} ${i.severity} ${i.cell}`)).toEqual(['phone.service-number info D2']);
    expect(issues[0].message).toBe(`400/800 服务号码，请确认能联系到具体联系人：“${raw}”`);
    expect(issues[0].fix).toBeUndefined();
  });

  test('no service-number info when the person also has a mobile or a fixed line of their own', () => {
    expect(agencies('王五 400-800-1234 13900139000')).toEqual([]);
    expect(agencies('王五 010-68206187 / 4008001234')).toEqual([]);
  });

  test('in 联系方式（手机与邮箱） a 400 number is still an error (a mobile is required), not an info', () => {
    expect(codes(targets('4008001234 zs@qq.com'))).toEqual(['contact.mobile-invalid']);
  });

  test('property: any 400/800 number, however grouped, beside a name gives exactly the info', () => {
    const service = fc.tuple(fc.constantFrom('400', '800'), fc.stringMatching(/^\d{7}$/), fc.constantFrom('', '-', ' ')).map(([p, r, sep]) => `${p}${sep}${r.slice(0, 3)}${sep}${r.slice(3)}`);
    fc.assert(
      fc.property(service, fc.constantFrom('张三 ', '客服：', '李四，'), (num, before) => {
        expect(codes(agencies(`${before}${num}`))).toEqual(['phone.service-number']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('category cells as the reader gives them', () => {
  const cell = (text: string): GridCell => ({ text, type: 'string' });
  /** One 表1 服务机构 sheet: title, header, then one row per agency type as written. */
  function sheetWith(types: readonly string[]): GridSheet {
    const header = ['序号', '机构名称', '机构类型', '联系人及联系方式', '责任分工（是否牵头及分工）'].map(cell);
    const rows = types.map((t, i) => [cell(String(i + 1)), cell(`机构${i + 1}有限公司`), cell(t), cell(`张三 1380013800${i}`), cell(i === 0 ? '是，牵头单位' : '否')]);
    return { name: '服务机构', rows: [[cell('表1 服务机构基本情况')], header, ...rows], merges: [], hidden: false };
  }

  test('edge spaces (ASCII or full-width) are dropped on reading; inner spaces and full-width forms are category.spelling', () => {
    const { submission: sub } = locateSubmission({ file: '广东省-附件2.xlsx', sheets: [sheetWith(['保险公司\u3000', ' 网络安全企业 ', '保险\u3000公司', '科研院所。'])] });
    const rows = sub.tables.agencies?.rows ?? [];
    expect(rows.map((r) => r.cells.type?.text)).toEqual(['保险公司', '网络安全企业', '保险\u3000公司', '科研院所。']);
    const spelling = validateSubmission(sub).filter((i) => i.code === 'category.spelling');
    expect(spelling.map((i) => [i.cell, i.severity, i.fix])).toEqual([
      ['C5', 'warning', { value: '保险公司', certain: true }],
      ['C6', 'warning', { value: '科研院所', certain: true }],
    ]);
  });
});
