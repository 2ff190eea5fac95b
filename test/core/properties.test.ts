import fc from 'fast-check';
import { normalizeEmail } from '../../src/core/fields/email';
import { readMobileAndEmail } from '../../src/core/fields/contact';
import { checkPhone, isAllocatedMobile } from '../../src/core/fields/phone';
import { validateSubmission } from '../../src/core/rules/validate';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { validateFormField } from '../../src/core/rules/form';
import { FORMS } from '../../src/core/notice/forms';
import { TABLES, TABLE_KEYS, type TableKey } from '../../src/core/notice/tables';
import type { Submission, TableRow } from '../../src/core/submission/types';
import { submission, table } from './helpers';

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc.constantFrom('', ' ', '\n', '＠', '@', '...', '13800138000', 'zs@qq.com', '1068206187', '（企业类、产品服务类）', '是，牵头', '9.13501E+17'),
);

const mobile = fc
  .tuple(fc.constantFrom('130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '199'), fc.stringMatching(/^\d{8}$/))
  .map(([p, r]) => p + r)
  .filter(isAllocatedMobile);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,11}[a-z0-9]$/), fc.constantFrom('qq.com', '163.com', '126.com', 'sina.com', '139.com', 'foxmail.com', 'example.com.cn'))
  .filter(([local]) => !/[._-]{2}/.test(local))
  .map(([l, d]) => `${l}@${d}`);
const separator = fc.constantFrom('；', ';', '，', ',', '/', ' ', '\n', '、', '  ', ' / ', '; ', '\r\n', '｜');

describe('properties', () => {
  test('normalizeEmail is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => expect(normalizeEmail(normalizeEmail(s))).toBe(normalizeEmail(s))));
  });

  test('a contact cell built from a mobile, an e-mail and a separator, in either order, yields both', () => {
    fc.assert(
      fc.property(mobile, email, separator, fc.boolean(), fc.constantFrom('', '电话：', '手机:'), fc.constantFrom('', '邮箱：', 'E-mail:'), (m, e, sep, mobileFirst, ml, el) => {
        const text = mobileFirst ? `${ml}${m}${sep}${el}${e}` : `${el}${e}${sep}${ml}${m}`;
        const r = readMobileAndEmail(text);
        expect(r.mobile?.check.digits).toBe(m);
        expect(r.email?.check.normalized).toBe(e);
        expect(r.email?.check.valid).toBe(true);
      }),
    );
  });

  test('checkPhone never throws and a mobile is found in its own display form', () => {
    fc.assert(fc.property(anyCell, (s) => expect(() => checkPhone(s)).not.toThrow()));
    fc.assert(fc.property(mobile, (m) => expect(checkPhone(checkPhone(m).display ?? '').digits).toBe(m)));
  });

  const rowOf = (key: TableKey) => fc.array(anyCell, { minLength: TABLES[key].columns.length, maxLength: TABLES[key].columns.length });

  test('the engine never throws on any string or number in any cell', () => {
    fc.assert(
      fc.property(fc.array(rowOf('agencies'), { maxLength: 6 }), fc.array(rowOf('targets'), { maxLength: 6 }), fc.array(rowOf('schemes'), { maxLength: 6 }), (a, t, s) => {
        const sub: Submission = submission({ agencies: table('agencies', a), targets: table('targets', t), schemes: table('schemes', s) }, '附件2');
        const issues = validateSubmission(sub);
        for (const i of issues) {
          expect(typeof i.message).toBe('string');
          expect(i.fix === undefined || typeof i.fix.value === 'string').toBe(true);
        }
        for (const key of TABLE_KEYS) for (const row of sub.tables[key]?.rows ?? []) expect(typeof normalizeRow(key, row as TableRow).nameKey).toBe('string');
      }),
    );
  });

  test('form fields never throw', () => {
    const fields = FORMS.flatMap((f) => f.fields);
    fc.assert(fc.property(fc.constantFrom(...fields), anyCell, (f, s) => expect(Array.isArray(validateFormField(f, s))).toBe(true)));
  });

  test('applying a certain fix clears the issue it fixes', () => {
    const contact = fc.tuple(mobile, email, separator, fc.constantFrom('＠', '@'), fc.constantFrom('.', '。', '．')).map(([m, e, sep, at, dot]) => {
      const [l, d] = e.split('@');
      return `${m}${sep}${l}${at}${d.replace('.', dot)}`;
    });
    const industry = fc.constantFrom('电信与互联网', '车联网企业', ' 金融 ', '工业互连网', '工业互联网', '医疗卫生');
    fc.assert(
      fc.property(contact, industry, (c, ind) => {
        const run = (cText: string, iText: string) => validateSubmission(submission({ targets: table('targets', [['1', '甲公司', iText, '张三', cText]]) }));
        const issues = run(c, ind);
        const fixedContact = issues.find((i) => i.column === 'contact' && i.fix?.certain)?.fix?.value ?? c;
        const fixedIndustry = issues.find((i) => i.column === 'industry' && i.fix?.certain)?.fix?.value ?? ind;
        expect(run(fixedContact, fixedIndustry)).toEqual([]);
      }),
    );
  });
});
