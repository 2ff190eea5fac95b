/**
 * --mask end to end: a summary whose contact cells, file names and issues (原值, 说明, Message, 建议修改为, 相关单元格)
 * hold the values QA found in clear text — full-width mobiles, invalid but real-looking digit runs, malformed
 * e-mails — written by every writer with masking on: the CSV export, the in-memory and the streamed .xlsx writers,
 * and the Office.js plan. No cell of any of them may show one of those values or any other run of 7 digits.
 */
import ExcelJS from 'exceljs';
import { aggregate } from '../../src/core/aggregate/aggregate';
import type { AggregateInput } from '../../src/core/aggregate/types';
import { ISSUE_COLUMNS } from '../../src/core/aggregate/columns';
import { summaryCsvFiles } from '../../src/core/csv';
import type { Issue } from '../../src/core/issues';
import { planSummary } from '../../src/office/summary-plan';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';
import { writeSummaryWorkbookStreamed } from '../../src/xlsx/summary-stream';
import { deps, makeSubmission } from './helpers';
import { parseCsv } from './zip-csv';

const FILE = '报送-王五12331984058.xlsx';

const issue: Issue = {
  code: 'contact.mobile-invalid',
  severity: 'error',
  table: 'targets',
  row: 3,
  column: 'contact',
  file: FILE,
  sheet: 'Sheet1',
  cell: 'E3',
  value: '１３８００１３８０００ qinhui77@foxmail',
  message: '手机号码“１３８００１３８０００”无效；邮箱 qinhui77@foxmail 缺少域名后缀；另见 1371234567',
  messageEn: 'Mobile 12331984058 is not valid; e-mail liming@qq,com is not valid',
  fix: { value: '138 0013 8000 / liming@qq.com', certain: false },
  related: [{ file: '李四1371234567.xlsx', sheet: 'Sheet1', cell: 'E4' }],
};

const inputs: AggregateInput[] = [
  {
    file: FILE,
    issues: [issue],
    submission: makeSubmission({
      file: FILE,
      region: '湖北省',
      agencies: [['甲财产保险股份有限公司', '保险公司', '王五 010-68206187 传真 6820618', '是，牵头单位']],
      targets: [
        ['乙科技有限公司', '工业互联网', '王五', '１３８００１３８０００ qinhui77@foxmail'],
        ['丙科技有限公司', '车联网', '李四', '12331984058，liming@qq,com'],
        ['丁科技有限公司', '车联网', '赵六', '1371234567 ｌｉｍｉｎｇ＠ｑｑ．ｃｏｍ'],
      ],
      schemes: [['方案一', '企业类', '工业互联网', '钱七', '138 0013 8000 zhangsan＠qq.com']],
    }),
  },
];

const CLEAR = ['13800138000', '12331984058', '1371234567', '68206187', '6820618', 'qinhui77', 'liming', 'zhangsan', 'ｌｉｍｉｎｇ'];
const DATE_8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** What a masked cell must not show: a value above, or any run of 7 digits (no codes or dates in this summary). */
function leaksIn(text: string): string[] {
  const n = text.normalize('NFKC');
  return [...CLEAR.filter((c) => n.includes(c.normalize('NFKC'))), ...(n.match(/\d{7,}/g) ?? []).filter((r) => !DATE_8.test(r))];
}

describe('--mask: nothing phone- or e-mail-like left in any writer', () => {
  const summary = aggregate(inputs, deps);

  test('the unmasked summary does hold the values (the test data is what QA saw)', () => {
    const text = summaryCsvFiles(summary)
      .map((f) => f.text)
      .join('\n');
    for (const c of ['１３８００１３８０００', '12331984058', '1371234567', 'qinhui77@foxmail', 'liming@qq,com']) expect(text).toContain(c);
  });

  test('CSV: every file, and each 问题清单 column of the issue', () => {
    const files = summaryCsvFiles(summary, { mask: true });
    for (const f of files) expect({ file: f.name, leaks: leaksIn(f.text) }).toEqual({ file: f.name, leaks: [] });
    const issues = parseCsv(files.find((f) => f.key === 'issues')!.text);
    const col = (key: string) => issues[0].indexOf(ISSUE_COLUMNS.find((c) => c.key === key)!.header);
    const row = issues.find((r) => r[col('code')] === issue.code)!;
    expect(row[col('value')]).toBe('138****8000 q***@foxmail');
    expect(row[col('message')]).toBe('手机号码“138****8000”无效；邮箱 q***@foxmail 缺少域名后缀；另见 137****567');
    expect(row[col('messageEn')]).toBe('Mobile 123****4058 is not valid; e-mail l***@qq,com is not valid');
    expect(row[col('fix')]).toBe('138****8000 / l***@qq.com（建议）');
    expect(row[col('related')]).toBe('《李四137****567.xlsx》 Sheet1 E4');
    expect(row[col('file')]).toBe('报送-王五123****4058.xlsx');
    const targets = files.find((f) => f.key === 'targets')!.text;
    expect(targets).toContain('123****4058，l***@qq,com');
    expect(targets).toContain('137****567 l***＠ｑｑ．ｃｏｍ');
  });

  async function cellTexts(bytes: Uint8Array): Promise<Map<string, string[]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const out = new Map<string, string[]>();
    wb.eachSheet((ws) => {
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
      out.set(ws.name, texts);
    });
    return out;
  }

  test.each([
    ['in-memory .xlsx', () => writeSummaryWorkbook(summary, { mask: true })],
    ['streamed .xlsx', () => writeSummaryWorkbookStreamed(summary, { mask: true })],
  ])('%s: every cell of every sheet', async (_name, write) => {
    const sheets = await cellTexts(await write());
    expect(sheets.get('问题清单')!.join('\n')).toContain('q***@foxmail');
    for (const [sheet, texts] of sheets) {
      const found = texts.flatMap(leaksIn);
      expect({ sheet, found }).toEqual({ sheet, found: [] });
    }
  });

  test('Office.js plan: every block written', () => {
    const plan = planSummary(summary, { mask: true });
    const texts = plan.blocks.flatMap((b) => b.rows.flat()).map((v) => String(v ?? ''));
    expect(texts.join('\n')).toContain('138****8000');
    expect(texts.flatMap(leaksIn)).toEqual([]);
  });
});
