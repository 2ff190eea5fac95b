/**
 * One agency over two rows: 序号, 机构名称, 机构类型 and 责任分工 merged down (A4:A5 …), a second contact in D5.
 * The second row is read (nothing is lost) but it is no new entry: no "序号 repeated" at the merged cell with a
 * renumbering fix, no "same name as itself", no second lead, no second count toward the joint units.
 */
import { aggregate } from '../../src/core/aggregate/aggregate';
import { locateSubmission } from '../../src/core/locate';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { TABLES } from '../../src/core/notice/tables';
import { validateSubmission } from '../../src/core/rules/validate';
import { sheet, workbook, type Cellish } from './grid-builder';

const H = TABLES.agencies.columns.map((c) => c.header);

function check(rows: Cellish[][], merges: { r0: number; c0: number; r1: number; c1: number }[]) {
  const { submission } = locateSubmission(workbook('西藏自治区-附件2.xlsx', sheet('服务机构', [['表1 服务机构基本情况'], H, ...rows], { merges })));
  return { submission, issues: validateSubmission(submission).filter((i) => i.table === 'agencies') };
}

const col = (c: number, r0: number, r1: number) => ({ r0, c0: c, r1, c1: c });

test('a row continued through vertical merges: read, and judged once', () => {
  const { submission, issues } = check(
    [
      [1, '鼎安财产保险股份有限公司', '保险公司', '张伟 13812345678', '是，牵头单位'],
      [2, '网盾安全技术有限公司', '网络安全企业', '李娜 13912345678', '否，负责风险评估'],
      [undefined, undefined, undefined, '王强 13712345678'],
      [3, '天衡检测认证有限公司', '专业测评机构', '赵敏 13612345678', '否，负责测评'],
    ],
    // Rows 4-5 (0-based 3-4): 序号, 名称, 类型 and 责任分工 merged; 联系人及联系方式 in each row.
    [col(0, 3, 4), col(1, 3, 4), col(2, 3, 4), col(4, 3, 4)],
  );
  const rows = submission.tables.agencies?.rows ?? [];
  expect(rows.map((r) => [r.row, r.cells.name?.text, r.cells.contact?.text])).toEqual([
    [3, '鼎安财产保险股份有限公司', '张伟 13812345678'],
    [4, '网盾安全技术有限公司', '李娜 13912345678'],
    [5, '网盾安全技术有限公司', '王强 13712345678'],
    [6, '天衡检测认证有限公司', '赵敏 13612345678'],
  ]);
  expect(issues).toEqual([]);
});

test('the carried cells are still checked once, where the merge starts; the continuation row\'s own cells are checked', () => {
  const { issues } = check(
    [
      [1, '鼎安财产保险股份有限公司', '保险公司', '张伟 13812345678', '是，牵头单位'],
      [2, '网盾安全技术有限公司', '网络安全公司', '李娜 13912345678', '是，牵头'],
      [undefined, undefined, undefined, '王强 1371234'],
    ],
    [col(0, 3, 4), col(1, 3, 4), col(2, 3, 4), col(4, 3, 4)],
  );
  // 网络安全公司 (not the official 网络安全企业) is said once, at C4; the short number in D5 is said at D5.
  const type = issues.filter((i) => i.column === 'type');
  expect(type.map((i) => i.cell)).toEqual(['C4']);
  expect(issues.some((i) => i.cell === 'D5' && i.column === 'contact')).toBe(true);
  // Two leads are two rows saying 牵头 (rows 3 and 4), not the merged E4:E5 counted twice.
  expect(issues.filter((i) => i.code === 'agencies.several-leads').map((i) => i.cell)).toEqual(['E4']);
});

test('without merges the same rows are two entries: the repeat is said, at the second row', () => {
  const { issues } = check(
    [
      [1, '鼎安财产保险股份有限公司', '保险公司', '张伟 13812345678', '是，牵头单位'],
      [2, '网盾安全技术有限公司', '网络安全企业', '李娜 13912345678', '否，负责风险评估'],
      [2, '网盾安全技术有限公司', '网络安全企业', '王强 13712345678', '否，负责风险评估'],
    ],
    [],
  );
  expect(issues.filter((i) => i.code === 'seq.duplicate').map((i) => i.cell)).toEqual(['A5']);
  expect(issues.filter((i) => i.code === 'duplicate.name').map((i) => i.cell)).toEqual(['B5']);
});

test('in the summary: the continued row points at its own row, and a merged lead is one lead', () => {
  const schemes = TABLES.schemes.columns.map((c) => c.header);
  const g = [
    ['表1 服务机构基本情况'],
    H,
    [1, '安泰财产保险股份有限公司', '保险公司', '王五 13812345678', '是，牵头单位'],
    [undefined, undefined, undefined, '赵六 13912345678'],
    [],
    ['表3 服务方案基本情况'],
    schemes,
    ...Array.from({ length: 6 }, (_, i) => [i + 1, `方案${i + 1}`, '企业类', '工业互联网', '周杰', `1511234567${i} z${i}@163.com`]),
  ];
  const merges = [col(0, 2, 3), col(1, 2, 3), col(2, 2, 3), col(4, 2, 3)];
  const { submission, issues } = locateSubmission(workbook('江苏省-附件2.xlsx', sheet('附件2', g, { merges })));
  const all = [...issues, ...validateSubmission(submission)];
  const summary = aggregate([{ file: '江苏省-附件2.xlsx', issues: all, submission }], { normalizeRow, now: () => new Date(0) });
  expect(summary.rows.agencies.map((r) => [r.row, r.cell])).toEqual([
    [3, 'B3'],
    [4, 'B4'],
  ]);
  const limit = summary.crossIssues.filter((i) => i.code === 'cross.lead-scheme-limit');
  expect(limit).toHaveLength(1);
  // Once, at B3 (the sheet is 附件2): not "B3 6个；…B3 6个".
  expect(limit[0].message).toContain('在全国共牵头6个服务方案（江苏省《江苏省-附件2.xlsx》附件2 B3 6个），');
});
