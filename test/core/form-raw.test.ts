/**
 * A form value keeps its cell when that cell is a number or a date (FormValue.raw), so the 基本信息 form tells a
 * code stored as a number (Excel keeps 15 significant digits) exactly as the 联合申报单位 table does, instead of
 * reporting a "wrong check character" whose suggested correction would write the lost digits in for good.
 */
import fc from 'fast-check';
import type { GridCell } from '../../src/core/grid/types';
import { extractForm } from '../../src/core/locate/form';
import { APPLICANT_BASICS, AUTHORITY_BASICS } from '../../src/core/notice/forms';
import { parseDate, validateForm, validateJointApplicants } from '../../src/core/rules/form';
import type { FormValue, JointApplicantRow } from '../../src/core/submission/types';
import { numberCellText } from '../../src/core/text/normalize';
import { sheet } from '../reader/grid-builder';

/** 914200000442770870 typed into a cell: as a double it is 914200000442770816 (Excel keeps 15 significant digits). */
const TYPED = Number('914200000442770870');

function numberCell(n: number): GridCell {
  return { text: numberCellText(n), type: 'number', number: n };
}

/** The same cell as the form's 组织机构代码/三证合一码 (B4) and as a 联合申报单位 row's code (D15). */
function both(raw: GridCell): { form: string[]; joint: string[] } {
  const form: FormValue[] = [{ key: 'creditCode', text: raw.text, sheet: '基本信息', cell: 'B4', raw }];
  const row: JointApplicantRow = { sheet: '基本信息', row: 15, cells: { name: { text: '甲有限公司', cell: 'B15' }, nature: { text: '国有企业', cell: 'C15' }, creditCode: { text: raw.text, cell: 'D15', raw } } };
  return { form: validateForm(form, '附件3').map((i) => i.code), joint: validateJointApplicants([row]).map((i) => i.code) };
}

describe('number-stored codes in the 基本信息 form', () => {
  test('914200000442770816 typed as a number is credit.stored-as-number at the form cell, not a check-character fix', () => {
    const raw = numberCell(TYPED);
    expect(raw.text).toBe('914200000442770816');
    const issues = validateForm([{ key: 'creditCode', text: raw.text, sheet: '基本信息', cell: 'B4', raw }], '附件3', '湖北省.xlsx');
    expect(issues.map((i) => [i.code, i.cell, i.fix])).toEqual([['credit.stored-as-number', 'B4', undefined]]);
    // The same digits typed as text are judged by their check character, as before.
    expect(validateForm([{ key: 'creditCode', text: raw.text, sheet: '基本信息', cell: 'B4' }], '附件3').map((i) => i.code)).toEqual(['credit.check-failed']);
  });

  test('any 16–18 digit number in the code cell: the form and the 联合申报单位 table say the same, credit.stored-as-number only', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 15n, max: 10n ** 18n - 1n }), (big) => {
        const r = both(numberCell(Number(big)));
        expect(r.form).toEqual(['credit.stored-as-number']);
        expect(r.joint).toEqual(r.form);
      }),
    );
  });

  test('any number or text in the code cell: the form and the 联合申报单位 table give the same codes', () => {
    const cells = fc.oneof(
      fc.oneof(fc.integer({ min: 0, max: 999999999 }), fc.double({ min: 1, max: 1e19, noNaN: true })).map(numberCell),
      fc.stringMatching(/^[0-9A-Z]{8,18}$/).map((t): GridCell => ({ text: t, type: 'string' })),
      fc.constantFrom<GridCell>({ text: '9.14200000442771E+17', type: 'string' }, { text: '12345678-9', type: 'string' }),
    );
    fc.assert(fc.property(cells, (raw) => expect(both(raw).form).toEqual(both(raw).joint)));
  });

  test('a date cell still reads as a date; a plain number is read by what it shows (2013 is no date, 2013.5 is May 2013)', () => {
    expect(parseDate('2013-05-01', { text: '2013-05-01', type: 'date', number: 41395 })).toBe('2013-05-01');
    expect(parseDate('41395', { text: '41395', type: 'date', number: 41395 })).toBe('2013-05-01');
    expect(parseDate('2013', numberCell(2013))).toBeUndefined();
    expect(parseDate('41395', numberCell(41395))).toBeUndefined();
    expect(parseDate('2013.5', numberCell(2013.5))).toBe('2013-05-01');
    // A date cell with a time of day: the file reader keeps its text, Excel its serial; both read the same day.
    expect(parseDate('2013-05-01 08:30', { text: '2013-05-01 08:30', type: 'date' })).toBe('2013-05-01');
    expect(parseDate('2013-05-01 08:30', { text: '2013-05-01 08:30', type: 'date', number: 41395.35416 })).toBe('2013-05-01');
    expect(parseDate('2013-05-01 08:30')).toBeUndefined();
    const founded = (raw: GridCell) => validateForm([{ key: 'founded', text: raw.text, cell: 'D4', raw }], '附件3').map((i) => i.code);
    expect(founded(numberCell(2013))).toEqual(['date.invalid']);
    expect(founded(numberCell(20130501))).toEqual([]);
  });
});

describe('the form locator keeps a value\'s cell when it is not text', () => {
  const grid = (code: string | GridCell, phone: string | GridCell) =>
    sheet('基本信息', [
      ['牵头单位', '安盾财产保险股份有限公司'],
      ['组织机构代码/三证合一码', code, '成立时间', '2013-05-01'],
      ['联系电话', phone],
    ]);

  test('a number to the right of its label: raw carried, with its number', () => {
    const n = TYPED;
    const { values } = extractForm([grid(numberCell(n), '027-87654321')], APPLICANT_BASICS, []);
    const code = values.find((v) => v.key === 'creditCode');
    expect(code).toMatchObject({ text: '914200000442770816', cell: 'B2', raw: { type: 'number', number: n } });
    // Text cells carry nothing more than they did.
    expect(values.find((v) => v.key === 'lead')).toEqual({ key: 'lead', text: '安盾财产保险股份有限公司', sheet: '基本信息', cell: 'B1' });
    expect(values.find((v) => v.key === 'founded')?.raw).toBeUndefined();
  });

  test('a number below its label: raw carried', () => {
    const s = sheet('基本信息', [['组织机构代码/三证合一码'], [numberCell(TYPED)]]);
    expect(extractForm([s], APPLICANT_BASICS, []).values.find((v) => v.key === 'creditCode')).toMatchObject({ cell: 'A2', raw: { type: 'number' } });
  });

  test('附件2 一、基本情况: a phone typed as a number is checked by its digits, as the same digits typed as text', () => {
    const form = (phone: string | GridCell) =>
      sheet('一、基本情况', [
        ['地方行业主管部门', '湖北省通信管理局'],
        ['联系电话（座机/手机号）', phone],
      ]);
    for (const digits of ['13800138000', '1068206187', '2787654321']) {
      const asNumber = extractForm([form(numberCell(Number(digits)))], AUTHORITY_BASICS, []).values;
      const asText = extractForm([form(digits)], AUTHORITY_BASICS, []).values;
      expect(asNumber.find((v) => v.key === 'contactPhone')?.raw?.type).toBe('number');
      const strip = (xs: ReturnType<typeof validateForm>) => xs.map((i) => [i.code, i.cell, i.message, i.fix]);
      expect(strip(validateForm(asNumber, '附件2'))).toEqual(strip(validateForm(asText, '附件2')));
    }
  });
});
