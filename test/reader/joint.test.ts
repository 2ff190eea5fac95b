/**
 * 联合申报单位 (附件3 基本信息): read from a workbook written by our template writer and filled with exceljs, as a
 * user fills it (rows added below the three blank ones), then validated like the form fields it is.
 */
import { APPLICANT_BASICS, JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, JOINT_APPLICANTS_LABEL_ALIASES } from '../../src/core/notice/forms';
import { LIMITS } from '../../src/core/notice/limits';
import { buildTemplateWorkbook } from '../../src/xlsx/template';
import { readSubmission } from '../../src/xlsx/read';
import { checkFile } from '../../src/xlsx/check';
import { fileReport } from '../../src/cli/format';

// Valid codes (their check characters verified by the credit-code tests' own algorithm in test/core).
const VALID = ['914403007727361493', '91440300324926002M', '914403006940590143', '914200004437888294', '91420000890389758G', '91420000299229589X'];

async function filled(rows: readonly (readonly string[])[], lead: Record<string, string> = {}): Promise<Uint8Array> {
  const wb = buildTemplateWorkbook('附件3');
  const ws = wb.getWorksheet(APPLICANT_BASICS.title);
  if (!ws) throw new Error('no form sheet');
  let labelRow = 0;
  ws.eachRow((row, n) => {
    const a = row.getCell(1).value;
    if (a === '联合申报单位' && !labelRow) labelRow = n; // exceljs repeats a merge's value on every row of it
    const field = APPLICANT_BASICS.fields.find((f) => f.label === a);
    if (field && lead[field.key] !== undefined) row.getCell(2).value = lead[field.key];
  });
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(labelRow + 1 + i).getCell(2 + j).value = v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function rowOf(i: number): string[] {
  return [`联合单位${i + 1}有限公司`, '国有企业', VALID[i % VALID.length]];
}

test('every joint applicant row is read with its cells, beyond the template\'s three blank rows', async () => {
  const bytes = await filled([rowOf(0), rowOf(1), rowOf(2), rowOf(3)]);
  const { submission } = readSubmission(bytes, '湖北省-附件3.xlsx');
  expect(submission.variant).toBe('附件3');
  const rows = submission.jointApplicants ?? [];
  expect(rows.map((r) => JOINT_APPLICANT_COLUMNS.map((c) => r.cells[c.key]?.text))).toEqual([rowOf(0), rowOf(1), rowOf(2), rowOf(3)]);
  // Cells in B–D, the row below the label and on.
  const first = rows[0];
  expect(['name', 'nature', 'creditCode'].map((k) => first.cells[k].cell)).toEqual(['B' + first.row, 'C' + first.row, 'D' + first.row]);
  expect(rows.map((r) => r.row)).toEqual([first.row, first.row + 1, first.row + 2, first.row + 3]);
  // The CLI's per-file report says how many there are and where.
  expect(fileReport(checkFile(bytes, '湖北省-附件3.xlsx'))).toContain(`联合申报单位 joint applicants：4 家（${first.sheet}!第${first.row}–${first.row + 3}行）`);
});

test('the joint table\'s 单位性质 header is not taken for the lead\'s own 单位性质', async () => {
  const bytes = await filled([rowOf(0)], { nature: '' });
  const { submission } = readSubmission(bytes, '湖北省-附件3.xlsx');
  expect(submission.form?.find((f) => f.key === 'nature')?.text ?? '').toBe('');
  expect(submission.jointApplicants).toHaveLength(1);
});

test('a wrong code, a nature outside the list and a missing name are reported at their cells', async () => {
  const badCode = VALID[0].slice(0, 17) + (VALID[0][17] === '3' ? '4' : '3');
  const bytes = await filled([['甲有限公司', '国有企业', badCode], ['乙有限公司', '外资', VALID[1]], ['', '民营企业', VALID[2]]]);
  const result = checkFile(bytes, '湖北省-附件3.xlsx');
  const rows = result.submission?.jointApplicants ?? [];
  const at = (code: string) => result.issues.filter((i) => i.code === code && rows.some((r) => r.cells[i.column ?? '']?.cell === i.cell)).map((i) => i.cell);
  expect(at('credit.check-failed')).toEqual([rows[0].cells.creditCode.cell]);
  expect(result.issues.some((i) => i.cell === rows[1].cells.nature.cell && i.code.startsWith('category.'))).toBe(true);
  expect(at('required.missing')).toEqual([rows[2].cells.name.cell]);
});

test(`more than ${LIMITS.maxJointUnits} joint applicants is an error at the first one over the limit`, async () => {
  const over = Array.from({ length: LIMITS.maxJointUnits + 1 }, (_, i) => rowOf(i));
  const result = checkFile(await filled(over), '湖北省-附件3.xlsx');
  const rows = result.submission?.jointApplicants ?? [];
  expect(rows).toHaveLength(LIMITS.maxJointUnits + 1);
  const limit = result.issues.filter((i) => i.code === 'agencies.too-many-joint');
  expect(limit.map((i) => i.cell)).toEqual([rows[LIMITS.maxJointUnits].cells.name.cell]);
  expect(limit[0].message).toContain(`共 ${LIMITS.maxJointUnits + 1} 家`);
  // Exactly at the limit: no issue.
  const atLimit = checkFile(await filled(over.slice(0, LIMITS.maxJointUnits)), '湖北省-附件3.xlsx');
  expect(atLimit.issues.filter((i) => i.code === 'agencies.too-many-joint')).toEqual([]);
});

test('a 附件2 workbook has no joint applicants', async () => {
  const wb = buildTemplateWorkbook('附件2');
  const { submission } = readSubmission(new Uint8Array(await wb.xlsx.writeBuffer()), '江苏省-附件2.xlsx');
  expect(submission.jointApplicants).toBeUndefined();
});

test('every label of the table holds 联 (the locator skips cells without it before normalising)', () => {
  for (const label of [JOINT_APPLICANTS_LABEL, ...JOINT_APPLICANTS_LABEL_ALIASES]) expect(label).toContain('联');
});
