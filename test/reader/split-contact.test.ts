/**
 * 表1's 联系人及联系方式 written as two header cells, 联系人 | 联系方式: the contacts were dropped (column missing) and
 * every row got an unlocatable "为空" error. The two cells are now one column; a column that is truly missing is
 * said once, and a line without a cell names its row.
 */
import { locateSubmission } from '../../src/core/locate';
import { TABLES } from '../../src/core/notice/tables';
import { validateSubmission } from '../../src/core/rules/validate';
import { issueLine } from '../../src/cli/format';
import { sheet, workbook } from './grid-builder';

const withSplit = ['序号', '机构名称', '机构类型', '联系人', '联系方式', '责任分工（是否牵头及分工）', '备注'];

test('联系人 | 联系方式 side by side are the one 联系人及联系方式 column, read as one text', () => {
  const { submission, issues } = locateSubmission(
    workbook(
      '宁夏回族自治区-附件2.xlsx',
      sheet('服务机构', [['表1 服务机构基本情况'], withSplit, [1, '鼎安财产保险股份有限公司', '保险公司', '张伟', '13812345678', '是，牵头单位', '无'], [2, '网盾安全技术有限公司', '网络安全企业', '李娜', '010-68208888', '否，负责评估']]),
    ),
  );
  const t = submission.tables.agencies;
  expect(t?.columns).toMatchObject({ contact: 'D', role: 'F' });
  expect(t?.rows.map((r) => r.cells.contact?.text)).toEqual(['张伟 13812345678', '李娜 010-68208888']);
  expect(issues.map((i) => i.code)).not.toContain('workbook.column-missing');
  expect(validateSubmission(submission).filter((i) => i.table === 'agencies' && i.column === 'contact')).toEqual([]);
});

test('a column the table truly lacks: workbook.column-missing once, no empty-cell error per row', () => {
  const header = TABLES.agencies.columns.filter((c) => c.key !== 'contact').map((c) => c.header);
  const { submission, issues } = locateSubmission(workbook('宁夏回族自治区-附件2.xlsx', sheet('服务机构', [['表1 服务机构基本情况'], header, [1, '鼎安财产保险股份有限公司', '保险公司', '是，牵头单位'], [2, '网盾安全技术有限公司', '网络安全企业', '否']])));
  expect(issues.filter((i) => i.code === 'workbook.column-missing').map((i) => i.column)).toEqual(['contact']);
  expect(validateSubmission(submission).filter((i) => i.code === 'required.missing' && i.column === 'contact')).toEqual([]);
});

test('a terminal line without a cell names the sheet and row', () => {
  const line = issueLine({ code: 'required.missing', severity: 'error', table: 'agencies', sheet: '服务机构', row: 4, message: '必填项为空', messageEn: 'empty' });
  expect(line).toContain('服务机构!第4行 必填项为空');
  expect(issueLine({ code: 'x', severity: 'info', table: 'workbook', message: 'm', messageEn: 'm' })).toContain('[提示 info] m（x）');
});
