/**
 * The 问题清单 as a reviewer reads it: the 列 column names a form field by the notice's label (not its internal
 * key), issues are in sheet order with B2 before B11, and cross.lead-scheme-limit says when its per-place counts
 * add up to more than its total because a scheme listed in two regions was counted once.
 */
import fc from 'fast-check';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { FORM_FIELD_LABELS, ISSUE_COLUMNS, columnLabel, issueRowValues } from '../../src/core/aggregate/columns';
import { CROSS_CODES } from '../../src/core/aggregate/cross';
import type { AggregateInput } from '../../src/core/aggregate/types';
import { issuesCsvRows } from '../../src/core/csv';
import { compareCells, compareIssues, type Issue } from '../../src/core/issues';
import { APPLICANT_BASICS, AUTHORITY_BASICS, FORMS, JOINT_APPLICANT_COLUMNS, SCHEME_BASICS } from '../../src/core/notice/forms';
import { TABLES } from '../../src/core/notice/tables';
import { validateJointApplicants } from '../../src/core/rules/form';
import { deps, makeSubmission } from './helpers';

const C = '13800138000 a@qq.com';
const formIssue = (column: string, cell: string, code = 'required.missing'): Issue => ({
  code,
  severity: 'error',
  table: 'form',
  column,
  file: 'a.xlsx',
  sheet: '基本信息',
  cell,
  message: `${column} 为空`,
  messageEn: `${column} is empty`,
});

describe('问题清单 列: form fields by their label', () => {
  test.each([
    ['email', '邮箱'],
    ['nature', '单位性质'],
    ['creditCode', '组织机构代码/三证合一码'],
    ['capital', '注册资本（万元）'],
    ['lead', '牵头单位'],
    ['fax', '传真'],
    ['contactEmail', '邮箱'],
    ['authority', '地方行业主管部门'],
    ['name', '单位名称'],
  ])('%s → %s', (key, label) => {
    const values = issueRowValues(formIssue(key, 'B2'));
    expect(values[ISSUE_COLUMNS.findIndex((c) => c.key === 'column')]).toBe(label);
  });

  test('every field of every form (附件2, 附件3, 附件1, 联合申报单位) gets a label the notice prints for that key', () => {
    const fields = [...AUTHORITY_BASICS.fields, ...APPLICANT_BASICS.fields, ...SCHEME_BASICS.fields, ...JOINT_APPLICANT_COLUMNS];
    expect(FORMS).toEqual([AUTHORITY_BASICS, APPLICANT_BASICS, SCHEME_BASICS]);
    for (const f of fields) {
      const label = columnLabel({ table: 'form', column: f.key });
      expect(label).not.toBe(f.key);
      const printed = fields.filter((g) => g.key === f.key).map((g) => g.label);
      // One of the labels, a label every other one starts with (联系人 for 联系人姓名 / 联系人), or all of them.
      expect(printed.some((p) => p === label) || printed.every((p) => p.startsWith(label)) || label === [...new Set(printed)].join('／')).toBe(true);
    }
    expect(FORM_FIELD_LABELS.get('contactName')).toBe('联系人');
    expect(FORM_FIELD_LABELS.get('contactPhone')).toBe('联系电话');
  });

  test('table columns keep their header; an unknown key is shown as written', () => {
    expect(columnLabel({ table: 'targets', column: 'industry' })).toBe(TABLES.targets.columns.find((c) => c.key === 'industry')!.header);
    expect(columnLabel({ table: 'form', column: 'somethingElse' })).toBe('somethingElse');
    expect(columnLabel({ table: 'form' })).toBe('');
  });

  test('in the summary: the cross-submission lead issue of a 附件3 form shows 牵头单位', () => {
    const schemes = ['一', '二', '三', '四', '五', '六'].map((n) => [n, '企业类', '工业互联网', '李四', C] as [string, string, string, string, string]);
    const form = [{ key: 'lead', text: '乙保险股份有限公司', sheet: '基本信息', cell: 'B2' }];
    const s = aggregate([{ file: 'x.xlsx', issues: [formIssue('creditCode', 'B4', 'credit.check-failed')], submission: makeSubmission({ file: 'x.xlsx', region: '厦门市', variant: '附件3', form, schemes }) }], deps);
    const rows = issuesCsvRows(s);
    const col = rows[0].indexOf('列');
    const code = rows[0].indexOf('规则代码');
    expect(rows.find((r) => r[code] === CROSS_CODES.leadSchemeLimit)![col]).toBe('牵头单位');
    expect(rows.find((r) => r[code] === 'credit.check-failed')![col]).toBe('组织机构代码/三证合一码');
  });
});

describe('issue order: cells by column, then row number', () => {
  test('B2 before B11 before B12; A10 before B2; Z before AA; no cell first', () => {
    const cells = ['B11', 'B2', 'B12', 'AA1', 'Z3', 'A10', 'b3', ''];
    const sorted = cells.map((c) => formIssue('email', c)).map((i) => (i.cell ? i : { ...i, cell: undefined })).sort(compareIssues);
    expect(sorted.map((i) => i.cell ?? '')).toEqual(['', 'A10', 'B2', 'b3', 'B11', 'B12', 'Z3', 'AA1']);
  });

  test('the rest of the order is unchanged: severity, file, sheet, row before the cell; code after it', () => {
    const base = formIssue('email', 'B11');
    const list: Issue[] = [
      { ...base, code: 'z.last', cell: 'B2' },
      { ...base, cell: 'B2' },
      { ...base, severity: 'warning', cell: 'A1' },
      { ...base, file: 'b.xlsx', cell: 'A1' },
      { ...base, sheet: '其他', cell: 'A1' },
      { ...base, table: 'targets', row: 5, cell: 'A5' },
      { ...base, table: 'targets', row: 4, cell: 'Z4' },
      base,
    ];
    // 其他 before 基本信息: sheets compare as text (localeCompare), as before.
    const key = (i: Issue) => `${i.severity}|${i.file}|${i.sheet}|${i.row ?? ''}|${i.cell}|${i.code}`;
    expect([...list].sort(compareIssues).map(key)).toEqual(
      [
        'error|a.xlsx|其他||A1|required.missing',
        'error|a.xlsx|基本信息||B2|required.missing',
        'error|a.xlsx|基本信息||B2|z.last',
        'error|a.xlsx|基本信息||B11|required.missing',
        'error|a.xlsx|基本信息|4|Z4|required.missing',
        'error|a.xlsx|基本信息|5|A5|required.missing',
        'error|b.xlsx|基本信息||A1|required.missing',
        'warning|a.xlsx|基本信息||A1|required.missing',
      ],
    );
  });

  /** Independent column number: the letters as a bijective base-26 numeral. */
  const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

  test('property: sorted addresses go by (column, row) as numbers', () => {
    const cell = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100000 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cs) => {
        const sorted = cs.map(([c, r]) => formIssue('email', `${letters(c)}${r}`)).sort(compareIssues);
        const expected = [...cs].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([c, r]) => `${letters(c)}${r}`);
        expect(sorted.map((i) => i.cell)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('property: compareCells is a total order (antisymmetric, transitive) over addresses and other text', () => {
    const any = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 50 })).map(([c, r]) => `${letters(c)}${r}`),
      fc.constantFrom('', 'B2:C3', '$B$2', 'b2', '第3行', 'Sheet1', 'X'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(any, any, any, (a, b, c) => {
        expect(Math.sign(compareCells(a, b)) + Math.sign(compareCells(b, a))).toBe(0);
        if (compareCells(a, b) <= 0 && compareCells(b, c) <= 0) expect(compareCells(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });

  test('in the summary: form issues of one sheet (no row) come out B2, B11, B12', () => {
    const issues = ['B12', 'B2', 'B11'].map((c) => formIssue('email', c));
    const s = aggregate([{ file: 'a.xlsx', issues, submission: makeSubmission({ file: 'a.xlsx', region: '湖北省', targets: [['丙公司', '车联网', '王五', C]] }) }], deps);
    expect(s.issues.filter((i) => i.table === 'form').map((i) => i.cell)).toEqual(['B2', 'B11', 'B12']);
    const rows = issuesCsvRows(s);
    const cell = rows[0].indexOf('单元格');
    expect(rows.slice(1).map((r) => r[cell]).filter((c) => String(c).startsWith('B'))).toEqual(['B2', 'B11', 'B12']);
  });
});

describe('cross.lead-scheme-limit: the message says a scheme in several regions counts once', () => {
  const lead = ['安盾财产保险股份有限公司', '保险公司', '张三 13800138000', '是，牵头单位'] as [string, string, string, string];
  const schemes = (names: string[]) => names.map((n) => [n, '企业类', '工业互联网', '李四', C] as [string, string, string, string, string]);
  const run = (a: string[], b: string[]) => {
    const inputs: AggregateInput[] = [
      { file: '湖北省.xlsx', issues: [], submission: makeSubmission({ file: '湖北省.xlsx', region: '湖北省', agencies: [lead], schemes: schemes(a) }) },
      { file: '深圳市.xlsx', issues: [], submission: makeSubmission({ file: '深圳市.xlsx', region: '深圳市', agencies: [lead], schemes: schemes(b) }) },
    ];
    return aggregate(inputs, deps).crossIssues.find((i) => i.code === CROSS_CODES.leadSchemeLimit)!;
  };

  test('3 + 4 with one scheme in both: 6, and the message says why', () => {
    const a = ['方案一', '方案二', '方案三'];
    const b = ['方案三', '方案四', '方案五', '方案六'];
    const total = new Set([...a, ...b]).size;
    expect(total).toBe(6);
    const issue = run(a, b);
    expect(issue.message).toContain(`共牵头${total}个服务方案`);
    expect(issue.message).toContain(`${a.length}个；`);
    expect(issue.message).toContain(`${b.length}个；同一方案在多地出现的只计一次）`);
    expect(issue.messageEn).toContain(`leads ${total} schemes`);
    expect(issue.messageEn).toContain('a scheme in several regions counted once');
  });

  test('3 + 3 with nothing shared: the parts add up, no note', () => {
    const issue = run(['方案一', '方案二', '方案三'], ['方案四', '方案五', '方案六']);
    expect(issue.message).toContain('共牵头6个服务方案');
    expect(issue.message).not.toContain('只计一次');
    expect(issue.messageEn).not.toContain('counted once');
  });
});

test('issues on 联合申报单位 cells are listed under 联合申报单位 (not 基本情况), with the column the notice prints', () => {
  const sub = makeSubmission({ file: 'x.xlsx', region: '湖北省', variant: '附件3', submitter: '安盾财产保险股份有限公司', joint: [['甲有限公司', '国营', '12345']] });
  const issues = validateJointApplicants(sub.jointApplicants ?? [], 'x.xlsx');
  expect(issues.length).toBeGreaterThan(0);
  expect(new Set(issues.map((i) => i.table))).toEqual(new Set(['jointApplicants']));
  const tableAt = ISSUE_COLUMNS.findIndex((c) => c.key === 'table');
  const columnAt = ISSUE_COLUMNS.findIndex((c) => c.key === 'column');
  const labels = JOINT_APPLICANT_COLUMNS.map((c) => c.label);
  for (const i of issues) {
    const row = issueRowValues(i);
    expect(row[tableAt]).toBe('联合申报单位');
    expect(labels).toContain(row[columnAt]);
  }
});
