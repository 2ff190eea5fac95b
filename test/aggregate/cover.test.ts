/** The 说明 sheet's lines: the time as a reviewer in China reads it, and a note that says when values are masked. */
import { aggregate } from '../../src/core/aggregate/aggregate';
import { beijingTime, coverLines, filesBlock } from '../../src/core/aggregate/report';
import { deps, makeSubmission } from './helpers';

test.each([
  ['2024-03-01T08:00:00.000Z', '2024-03-01 16:00:00（北京时间 UTC+8）'],
  ['2026-11-30T17:30:05.120Z', '2026-12-01 01:30:05（北京时间 UTC+8）'], // past midnight in Beijing: the next day
  ['2024-12-31T16:00:00Z', '2025-01-01 00:00:00（北京时间 UTC+8）'],
])('beijingTime(%s) = %s', (iso, shown) => {
  expect(beijingTime(iso)).toBe(shown);
});

test('a value that is not a time is shown as it is', () => {
  expect(beijingTime('不详')).toBe('不详');
});

describe('cover lines', () => {
  const summary = aggregate([{ file: '江苏省.xlsx', issues: [], submission: makeSubmission({ file: '江苏省.xlsx', region: '江苏省', targets: [['甲公司', '工业互联网', '张三', '13800138000 a@qq.com']] }) }], deps);
  const value = (lines: [string, string][], key: string) => lines.find(([k]) => k.startsWith(key))?.[1];

  test('the generation time is Beijing time, from the summary\'s own instant', () => {
    expect(value(coverLines(summary), '生成时间')).toBe(beijingTime(summary.generatedAt));
  });

  test('a masked summary says so instead of claiming to keep every value', () => {
    expect(value(coverLines(summary), '说明')).toContain('逐行保留原值');
    const masked = value(coverLines(summary, { mask: true }), '说明');
    expect(masked).toContain('已隐去手机和邮箱');
    expect(masked).not.toContain('不改动原值');
  });
});

test('three files for one region: the third file\'s warning counts all three', () => {
  const one = (file: string) => ({ file, issues: [], submission: makeSubmission({ file, region: '辽宁省', targets: [['甲公司', '工业互联网', '张三', '13800138000 a@qq.com']] }) });
  const s = aggregate([one('辽宁-1.xlsx'), one('辽宁-2.xlsx'), one('辽宁-3.xlsx')], deps);
  const dup = s.crossIssues.filter((i) => i.code === 'cross.duplicate-region');
  expect(dup.map((i) => i.file)).toEqual(['辽宁-2.xlsx', '辽宁-3.xlsx']);
  expect(dup[0].message).toContain('两份的行都已汇总');
  expect(dup[1].message).toContain('3份的行都已汇总');
  // Like every cross-submission finding, each warning counts on every file it names: the first file is no 通过.
  // (Here the same 甲公司 in one region raises no enterprise warning, so the counts are the region warnings alone.)
  expect(s.files.map((f) => [f.file, f.issueCounts.warning, f.status])).toEqual([
    ['辽宁-1.xlsx', 2, 'warnings'],
    ['辽宁-2.xlsx', 2, 'warnings'],
    ['辽宁-3.xlsx', 1, 'warnings'],
  ]);
});

test('the files block shows — for a table the file does not have (the makeSubmission file has only 服务对象), its rows where it has one', () => {
  const s = aggregate(
    [
      { file: '江苏省.xlsx', issues: [], submission: makeSubmission({ file: '江苏省.xlsx', region: '江苏省', targets: [['甲公司', '工业互联网', '张三', '13800138000 a@qq.com']] }) },
      { file: '坏.xlsx', issues: [], error: { code: 'read.corrupt', message: '损坏', messageEn: 'corrupt' } },
    ],
    deps,
  );
  const block = filesBlock(s);
  const at = (h: string) => block.header.indexOf(h);
  expect([block.rows[0][at('服务机构行数')], block.rows[0][at('服务对象行数')], block.rows[0][at('服务方案行数')]]).toEqual(['—', 1, '—']);
  // An unreadable file has no tables to speak of: blank, not — and not 0.
  expect([block.rows[1][at('服务机构行数')], block.rows[1][at('服务对象行数')]]).toEqual(['', '']);
});

test('regions not recognised: each is its file\'s own in the cross-region message; an unreadable file takes its region from its name', () => {
  const one = (file: string) => ({ file, issues: [], submission: makeSubmission({ file, targets: [['甲公司', '工业互联网', '张三', '13800138000 a@qq.com']] }) });
  const s = aggregate([one('汇总表A.xlsx'), one('汇总表B.xlsx'), { file: '山东省-附件2.xlsx', issues: [], error: { code: 'read.corrupt', message: '损坏', messageEn: 'corrupt' } }], deps);
  const w = s.crossIssues.find((i) => i.code === 'cross.enterprise-in-multiple-regions');
  expect(w?.message).toContain('同时出现在2个地区（地区未识别的《汇总表A.xlsx》、地区未识别的《汇总表B.xlsx》）');
  expect(s.files.map((f) => [f.file, f.region ?? null])).toEqual([
    ['汇总表A.xlsx', null],
    ['汇总表B.xlsx', null],
    ['山东省-附件2.xlsx', '山东省'],
  ]);
});
