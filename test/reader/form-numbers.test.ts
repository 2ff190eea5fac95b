/**
 * Numbers in the 基本信息 form cells of real workbooks (our template filled with exceljs, as a user fills it): a
 * code typed as a number has lost its last digits, and the form says so as the 联合申报单位 table does; the
 * 附件2 form's phone typed as a number reads as its digits. Also the insurer rule over what the reader finds.
 */
import { APPLICANT_BASICS, AUTHORITY_BASICS } from '../../src/core/notice/forms';
import { validateForm } from '../../src/core/rules/form';
import type { Issue } from '../../src/core/issues';
import { checkFile } from '../../src/xlsx/check';
import { readSubmission } from '../../src/xlsx/read';
import { buildTemplateWorkbook } from '../../src/xlsx/template';

type Value = string | number | Date;

const LEAD: Record<string, Value> = {
  lead: '安盾财产保险股份有限公司',
  region: '湖北省',
  creditCode: '914200004437888294',
  founded: '2013-05-01',
  address: '湖北省武汉市洪山区珞喻路1号',
  capital: '50000',
  contactName: '张三',
  contactPhone: '027-87654321',
  email: 'zhangsan@qq.com',
  nature: '国有企业',
  intro: '专营网络安全保险。',
};

/** 附件3 template, the lead's fields in column B beside their labels, joint rows below the 联合申报单位 label. */
async function applicant(lead: Record<string, Value>, joint: readonly (readonly Value[])[] = [], numFmt?: string): Promise<Uint8Array> {
  const wb = buildTemplateWorkbook('附件3');
  const ws = wb.getWorksheet(APPLICANT_BASICS.title);
  if (!ws) throw new Error('no form sheet');
  let jointRow = 0;
  ws.eachRow((row, n) => {
    const a = row.getCell(1).value;
    if (a === '联合申报单位' && !jointRow) jointRow = n;
    const field = APPLICANT_BASICS.fields.find((f) => f.label === a);
    if (!field || lead[field.key] === undefined) return;
    const cell = row.getCell(2);
    cell.value = lead[field.key];
    if (numFmt && typeof lead[field.key] !== 'string') cell.numFmt = numFmt;
  });
  joint.forEach((r, i) => r.forEach((v, j) => (ws.getRow(jointRow + 1 + i).getCell(2 + j).value = v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 914200000442770870 and 914200004437888294 typed as numbers: doubles, their last digits gone. */
const TYPED = Number('914200000442770870');
const TYPED_JOINT = Number('914200004437888294');

const at = (issues: readonly Issue[], cell: string | undefined) => issues.filter((i) => i.cell === cell).map((i) => i.code);

describe('a credit code typed as a number in the 附件3 基本信息 form', () => {
  // 914200000442770870 as a double is 914200000442770816: the last digits are Excel's, not the applicant's.
  test.each([
    ['the template\'s text (@) format, which Excel leaves holding the number', undefined],
    ['General format', 'General'],
  ])('in a cell of %s: credit.stored-as-number at the form cell, like the joint table; never a check-character fix', async (_what, numFmt) => {
    const bytes = await applicant({ ...LEAD, creditCode: TYPED }, [['中国联合网络通信有限公司湖北分公司', '国有企业', TYPED_JOINT]], numFmt);
    const result = checkFile(bytes, '湖北省-附件3.xlsx');
    const code = result.submission?.form?.find((v) => v.key === 'creditCode');
    expect(code).toMatchObject({ text: '914200000442770816', raw: { type: 'number' } });
    expect(at(result.issues, code?.cell)).toEqual(['credit.stored-as-number']);
    expect(result.issues.filter((i) => i.code === 'credit.check-failed')).toEqual([]);
    const joint = result.submission?.jointApplicants?.[0].cells.creditCode;
    expect(at(result.issues, joint?.cell)).toEqual(['credit.stored-as-number']);
  });

  test('the same code typed as text is valid, and its form value carries no cell', async () => {
    const result = checkFile(await applicant(LEAD), '湖北省-附件3.xlsx');
    const code = result.submission?.form?.find((v) => v.key === 'creditCode');
    expect(code?.text).toBe('914200004437888294');
    expect(code?.raw).toBeUndefined();
    expect(at(result.issues, code?.cell)).toEqual([]);
  });

  test('成立时间: a year typed as a number is still no date; a cell formatted as a date is one', async () => {
    const founded = async (value: Value, numFmt?: string) => {
      const r = checkFile(await applicant({ ...LEAD, founded: value }, [], numFmt), '湖北省-附件3.xlsx');
      const v = r.submission?.form?.find((x) => x.key === 'founded');
      return { text: v?.text, type: v?.raw?.type, codes: at(r.issues, v?.cell) };
    };
    const may2013 = new Date(Date.UTC(2013, 4, 1));
    expect(await founded(2013)).toEqual({ text: '2013', type: 'number', codes: ['date.invalid'] });
    expect(await founded(may2013, 'yyyy-mm-dd')).toEqual({ text: '2013-05-01', type: 'date', codes: [] });
    // A date put into the template's text-formatted cell shows as its serial number, 41395: not a date to the reader.
    expect(await founded(may2013)).toEqual({ text: '41395', type: 'number', codes: ['date.invalid'] });
  });
});

describe('the 附件2 一、基本情况 form', () => {
  async function authority(phone: Value): Promise<Uint8Array> {
    const wb = buildTemplateWorkbook('附件2');
    const ws = wb.getWorksheet(AUTHORITY_BASICS.title);
    if (!ws) throw new Error('no form sheet');
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (a === AUTHORITY_BASICS.fields[0].label) row.getCell(2).value = '湖北省通信管理局';
      if (a === '联系电话（座机/手机号）') row.getCell(2).value = phone;
    });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test.each(['13800138000', '1068206187'])('联系电话 %s typed as a number gives what the same digits typed as text give', async (digits) => {
    const asNumber = checkFile(await authority(Number(digits)), '湖北省-附件2.xlsx');
    const asText = checkFile(await authority(digits), '湖北省-附件2.xlsx');
    const phone = asNumber.submission?.form?.find((v) => v.key === 'contactPhone');
    expect(phone).toMatchObject({ text: digits, raw: { type: 'number' } });
    const strip = (issues: readonly Issue[]) => issues.filter((i) => i.table === 'form').map((i) => [i.code, i.cell, i.message, i.fix]);
    expect(strip(asNumber.issues)).toEqual(strip(asText.issues));
  });
});

describe('applicants.no-insurer over a read 附件3 workbook', () => {
  const NON_INSURERS = [
    ['中国联合网络通信有限公司湖北分公司', '国有企业', '914200004437888294'],
    ['宜昌凯越科技有限公司', '民营企业', '91420000299229589X'],
  ];

  test('lead and joint units all non-insurers: one warning at the lead\'s form cell', async () => {
    const { submission } = readSubmission(await applicant({ ...LEAD, lead: '安盾网络安全技术有限公司' }, NON_INSURERS), '湖北省-附件3.xlsx');
    const lead = submission.form?.find((v) => v.key === 'lead');
    const issues = validateForm(submission.form ?? [], submission.variant, submission.file, submission.jointApplicants ?? []).filter((i) => i.code === 'applicants.no-insurer');
    expect(issues.map((i) => [i.sheet, i.cell, i.severity])).toEqual([[lead?.sheet, lead?.cell, 'warning']]);
    expect(issues[0].related?.map((r) => r.cell)).toEqual(submission.jointApplicants?.map((r) => r.cells.name.cell));
  });

  test('an insurer leading, or among the joint units: no warning', async () => {
    for (const [lead, joint] of [
      [LEAD.lead, NON_INSURERS],
      ['安盾网络安全技术有限公司', [...NON_INSURERS, ['诚泰再保险股份有限公司', '国有企业', '91440300324926002M']]],
    ] as const) {
      const { submission } = readSubmission(await applicant({ ...LEAD, lead }, joint), '湖北省-附件3.xlsx');
      expect(validateForm(submission.form ?? [], submission.variant, submission.file, submission.jointApplicants ?? []).filter((i) => i.code === 'applicants.no-insurer')).toEqual([]);
    }
  });
});
