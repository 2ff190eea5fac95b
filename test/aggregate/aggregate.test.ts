import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate, reconcile } from '../../src/core/aggregate/aggregate';
import { jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import { coverLines, reconciliationBlock } from '../../src/core/aggregate/report';
import { JOINT_APPLICANT_COLUMNS } from '../../src/core/notice/forms';
import { normalizeRow } from '../../src/core/rules/normalize-row';
import { validateJointApplicants } from '../../src/core/rules/form';
import { checkFile } from '../../src/xlsx/check';
import { CROSS_CODES, authorityKind } from '../../src/core/aggregate/cross';
import type { AggregateInput } from '../../src/core/aggregate/types';
import { TABLES, TABLE_KEYS, type TableKey } from '../../src/core/notice/tables';
import { LIMITS } from '../../src/core/notice/limits';
import type { NormalizedRow } from '../../src/core/submission/normalized';
import type { TableRow } from '../../src/core/submission/types';
import { deps, fixtureInputs, jointInput, jointIssue, JOINT_FILE, JOINT_LEAD, loadCrossExpected, loadFixtures, makeSubmission } from './helpers';

const C = '13800138000 a@qq.com';

describe('aggregate the shared fixtures', () => {
  const fixtures = loadFixtures();
  const summary = aggregate(fixtureInputs(), deps);

  test('every row read is in the summary, per file and per table', () => {
    for (const t of TABLE_KEYS) {
      const expected = fixtures.reduce((a, f) => a + (f.rowCounts[t] ?? 0), 0);
      expect(summary.rows[t]).toHaveLength(expected);
      expect(summary.reconciliation.totals[t]).toEqual({ read: expected, inSummary: expected });
    }
    expect(summary.reconciliation.balanced).toBe(true);
    for (const fx of fixtures) {
      for (const [t, n] of Object.entries(fx.rowCounts)) {
        const line = summary.reconciliation.lines.find((l) => l.file === fx.file && l.table === t);
        expect(line).toMatchObject({ read: n, inSummary: n, balanced: true });
      }
    }
    // 厦门 (附件3) has no 服务机构 table: no line for it.
    expect(summary.reconciliation.lines.filter((l) => l.file.startsWith('厦门'))).toHaveLength(2);
  });

  test('the cross-submission enterprise is found with both cells', () => {
    const expected = loadCrossExpected();
    const found = summary.crossIssues.filter((i) => i.code === CROSS_CODES.enterpriseInMultipleRegions);
    expect(found).toHaveLength(expected.length);
    for (const e of expected) {
      const issue = found.find((i) => i.value === e.enterprise)!;
      expect(issue).toBeDefined();
      expect(issue.severity).toBe(e.severity);
      const places = [{ file: issue.file, sheet: issue.sheet, row: issue.row, cell: issue.cell }, ...(issue.related ?? [])];
      expect(places).toEqual(e.occurrences.map((o) => ({ file: o.file, sheet: o.sheet, row: o.row, cell: o.cell })));
      expect(issue.message).toContain('江苏省');
      expect(issue.message).toContain('广东省');
      expect(issue.messageEn).toContain('B6');
    }
    // Nothing else crosses between these four submissions.
    expect(summary.crossIssues.map((i) => i.code)).toEqual([CROSS_CODES.enterpriseInMultipleRegions]);
  });

  test('rows carry provenance, official columns and normalised values', () => {
    const first = summary.rows.agencies[0];
    expect(first).toMatchObject({ region: '江苏省', file: fixtures[0].file, sheet: '二、试点安排', row: 6, cell: 'B6' });
    expect(first.values.name).toBe('衡安财产保险股份有限公司江苏分公司');
    expect(first.normalized.lead).toBe(true);
    const beijing = summary.rows.targets.find((r) => r.region === '北京市' && r.row === 13)!;
    expect(beijing.values.industry).toBe('电信与互联网');
    expect(beijing.normalized.industry).toBe('电信和互联网');
    const cols = summaryColumns('targets');
    const values = summaryRowValues(beijing, cols);
    expect(cols.slice(0, 5).map((c) => c.header)).toEqual(['来源地区', '来源单位', '来源文件', '工作表', '单元格/行号']);
    expect(cols.slice(5, 5 + TABLES.targets.columns.length).map((c) => c.header)).toEqual(TABLES.targets.columns.map((c) => c.header));
    expect(values[cols.findIndex((c) => c.header === '所在行业领域')]).toBe('电信与互联网');
    expect(values[cols.findIndex((c) => c.header === '所在行业领域（规范值）')]).toBe('电信和互联网');
    expect(values[cols.findIndex((c) => c.header === '手机（识别）')]).toBe('19128886838');
    expect(values[cols.findIndex((c) => c.header === '序号')]).toBe(2);
  });

  test('issue counts land on their rows, cross-submission issues included', () => {
    const row16 = summary.rows.targets.find((r) => r.region === '北京市' && r.row === 16)!;
    expect(row16.issueCount).toBe(2);
    const xinghan = summary.rows.targets.filter((r) => r.values.name === '星汉智能装备股份有限公司');
    expect(xinghan.map((r) => r.issueCount)).toEqual([1, 1]);
    expect(summary.rows.targets.find((r) => r.region === '江苏省' && r.row === 14)!.issueCount).toBe(0);
    const total = TABLE_KEYS.reduce((a, t) => a + summary.rows[t].reduce((b, r) => b + r.issueCount, 0), 0);
    expect(total).toBe(fixtures.reduce((a, f) => a + f.issues.length, 0) + 2);
  });

  test('the duplicate enterprise is flagged, not removed', () => {
    const [a, b] = summary.rows.targets.filter((r) => r.values.name === '星汉智能装备股份有限公司');
    expect(a.duplicateOf).toBeUndefined();
    expect(b.duplicateOf).toMatchObject({ cell: 'B17', sheet: '二、试点安排' });
  });

  test('statistics', () => {
    const s = summary.statistics;
    // Expected from the fixtures themselves, in file order: a name met before (width and spaces aside) is a
    // duplicate row and is not counted (星汉 is listed by 江苏 first, then by 广东).
    const counted = (table: TableKey, header: string) => {
      const seen = new Set<string>();
      const byRegion = new Map<string, number>();
      for (const fx of fixtures) {
        for (const r of fx.tables[table]?.dataRows ?? []) {
          const key = (r.cells[header] ?? '').normalize('NFKC').replace(/\s/g, '');
          if (key && seen.has(key)) continue;
          if (key) seen.add(key);
          byRegion.set(fx.region, (byRegion.get(fx.region) ?? 0) + 1);
        }
      }
      return byRegion;
    };
    const targets = counted('targets', '企业名称');
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(targets)).toBe(34 - 1);
    expect(s.regionByIndustry.total).toBe(sum(targets));
    expect(Object.fromEntries(s.regionByIndustry.rows.map((r) => [r.label, r.total]))).toEqual(Object.fromEntries(targets));
    const js = s.regionByIndustry.rows.find((r) => r.label === '江苏省')!;
    expect(js.counts[s.regionByIndustry.columns.indexOf('工业互联网')]).toBe(4);
    expect(js.total).toBe(10);
    const gd = s.regionByIndustry.rows.find((r) => r.label === '广东省')!;
    expect(gd.total).toBe(9 - 1);
    const schemes = counted('schemes', '方案名称');
    expect(s.regionBySchemeType.total).toBe(sum(schemes));
    expect(s.agencyTypes.reduce((a, t) => a + t.count, 0)).toBe(sum(counted('agencies', '机构名称')));
    expect(s.regionByIndustry.rows.map((r) => r.label)).toEqual(['北京市', '江苏省', '广东省', '厦门市']);
    expect(s.regionByIndustry.columns.slice(0, 3)).toEqual(['电信和互联网', '工业互联网', '车联网']);
    const bj = s.regionBySchemeType.rows.find((r) => r.label === '北京市')!;
    expect(Object.fromEntries(s.regionBySchemeType.columns.map((c, i) => [c, bj.counts[i]]))).toEqual({ 企业类: 2, 产品服务类: 1 });
    expect(s.agencyTypes.find((t) => t.type === '保险公司')!.count).toBe(3);
    expect(s.agencyTypes.find((t) => t.type === '保险中介机构')!.count).toBe(1);
    expect(s.agenciesByRegionCount).toEqual([{ regions: 1, agencies: 13 }]);
    expect(s.filesWithErrors.map((f) => f.region).sort()).toEqual(['北京市', '厦门市', '广东省'].sort());
    expect(summary.files.map((f) => f.status)).toEqual(['warnings', 'errors', 'errors', 'errors']);
  });

  test('deterministic and sorted issues', () => {
    expect(summary.generatedAt).toBe('2024-03-01T08:00:00.000Z');
    expect(summary.notice).toBe('工信厅网安函〔2023〕356号');
    expect(summary.issues[0].severity).toBe('error');
    expect(summary.issues.every((i) => i.file)).toBe(true);
  });
});

describe('cross-submission rules on hand-made submissions', () => {
  const lead = ['甲财产保险股份有限公司', '保险公司', '张三 13800138000', '是，牵头单位'] as [string, string, string, string];
  const schemes = (names: string[]) => names.map((n) => [n, '企业类', '工业互联网', '李四', C] as [string, string, string, string, string]);

  test('a lead with more than five schemes nationwide is an error, naming every lead cell', () => {
    const inputs: AggregateInput[] = [
      { file: 'a.xlsx', issues: [], submission: makeSubmission({ file: 'a.xlsx', region: '江苏省', agencies: [lead], schemes: schemes(['方案一', '方案二', '方案三']) }) },
      { file: 'b.xlsx', issues: [], submission: makeSubmission({ file: 'b.xlsx', region: '浙江省', agencies: [lead], schemes: schemes(['方案四', '方案五', '方案六']) }) },
    ];
    const s = aggregate(inputs, deps);
    const issues = s.crossIssues.filter((i) => i.code === CROSS_CODES.leadSchemeLimit);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'a.xlsx', cell: 'B3', table: 'agencies' });
    expect(issues[0].related).toEqual([{ file: 'b.xlsx', sheet: 'Sheet1', cell: 'B3', row: 3 }]);
    expect(issues[0].message).toContain('6个');
    expect(LIMITS.maxSchemesPerLead).toBe(5);
    expect(s.files.map((f) => f.status)).toEqual(['errors', 'errors']);
  });

  test('the same scheme listed twice by one lead counts once; five is within the limit', () => {
    const inputs: AggregateInput[] = [
      { file: 'a.xlsx', issues: [], submission: makeSubmission({ file: 'a.xlsx', region: '江苏省', agencies: [lead], schemes: schemes(['方案一', '方案二', '方案三']) }) },
      { file: 'b.xlsx', issues: [], submission: makeSubmission({ file: 'b.xlsx', region: '浙江省', agencies: [lead], schemes: schemes(['方案三 ', '方案四', '方案五']) }) },
    ];
    const s = aggregate(inputs, deps);
    expect(s.crossIssues.filter((i) => i.code === CROSS_CODES.leadSchemeLimit)).toHaveLength(0);
    const info = s.crossIssues.filter((i) => i.code === CROSS_CODES.schemeInMultipleRegions);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', value: '方案三', cell: 'B9', related: [{ file: 'b.xlsx', cell: 'B7' }] });
  });

  test('附件3: the lead is the 牵头单位 of the form', () => {
    const form = [{ key: 'lead', text: '乙保险股份有限公司', sheet: '基本信息', cell: 'B2' }];
    const inputs: AggregateInput[] = [
      { file: 'x.xlsx', issues: [], submission: makeSubmission({ file: 'x.xlsx', region: '厦门市', variant: '附件3', form, schemes: schemes(['一', '二', '三', '四', '五', '六']) }) },
    ];
    const s = aggregate(inputs, deps);
    const issue = s.crossIssues.find((i) => i.code === CROSS_CODES.leadSchemeLimit)!;
    expect(issue).toMatchObject({ table: 'form', sheet: '基本信息', cell: 'B2', value: '乙保险股份有限公司' });
    expect(s.files[0].submitter).toBe('乙保险股份有限公司');
  });

  test('two files for the same region: a warning on the later file; 工信 and 通信管理局 are two submitters', () => {
    const mk = (file: string, submitter?: string) => ({
      file,
      issues: [],
      submission: makeSubmission({ file, region: '江苏省', submitter, targets: [['丙公司', '工业互联网', '王五', C]] }),
    });
    const s = aggregate([mk('v1.xlsx'), mk('v2.xlsx')], deps);
    const dup = s.crossIssues.filter((i) => i.code === CROSS_CODES.duplicateRegion);
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', file: 'v2.xlsx', table: 'workbook', related: [{ file: 'v1.xlsx' }] });
    // Rows of both are kept; the second is flagged as a duplicate; same region is not "two regions".
    expect(s.rows.targets).toHaveLength(2);
    expect(s.rows.targets[1].duplicateOf).toMatchObject({ file: 'v1.xlsx' });
    expect(s.crossIssues.filter((i) => i.code === CROSS_CODES.enterpriseInMultipleRegions)).toHaveLength(0);

    const two = aggregate([mk('a.xlsx', '江苏省工业和信息化厅'), mk('b.xlsx', '江苏省通信管理局')], deps);
    expect(two.crossIssues.filter((i) => i.code === CROSS_CODES.duplicateRegion)).toHaveLength(0);
    expect(authorityKind('江苏省通信管理局')).toBe('ca');
    expect(authorityKind('广东省工业和信息化厅')).toBe('miit');
  });

  test('an unreadable file is listed with its error and reconciles to nothing', () => {
    const s = aggregate(
      [
        { file: 'broken.xlsx', issues: [], error: { code: 'file.not-xlsx', message: '不是 .xlsx 文件' } },
        { file: 'ok.xlsx', issues: [], submission: makeSubmission({ file: 'ok.xlsx', region: '上海市', targets: [['丁公司', '车联网', '赵六', C]] }) },
      ],
      deps,
    );
    expect(s.files[0]).toMatchObject({ file: 'broken.xlsx', status: 'unreadable', error: { code: 'file.not-xlsx' }, rowsRead: { agencies: 0, targets: 0, schemes: 0 } });
    expect(s.issues.find((i) => i.code === 'file.not-xlsx')).toMatchObject({ severity: 'error', file: 'broken.xlsx', table: 'workbook' });
    expect(s.statistics.filesWithErrors).toEqual([{ file: 'broken.xlsx', region: '（地区未识别）', errors: 1, unreadable: true }]);
    expect(s.reconciliation.balanced).toBe(true);
    expect(s.files[1].status).toBe('ok');
  });

  test('an empty input list gives an empty, balanced summary', () => {
    const s = aggregate([], deps);
    expect(s.reconciliation).toMatchObject({ balanced: true, lines: [] });
    expect(s.rows.targets).toEqual([]);
    expect(s.statistics.regionByIndustry.total).toBe(0);
  });

  test('rows without a recognised region are never merged with another file', () => {
    const mk = (file: string, region?: string) => ({ file, issues: [], submission: makeSubmission({ file, region, targets: [['戊公司', '金融', '钱七', C]] }) });
    const s = aggregate([mk('a.xlsx'), mk('b.xlsx', '湖北省')], deps);
    const issue = s.crossIssues.find((i) => i.code === CROSS_CODES.enterpriseInMultipleRegions)!;
    expect(issue.message).toContain('（地区未识别）');
    expect(s.crossIssues.filter((i) => i.code === CROSS_CODES.duplicateRegion)).toHaveLength(0);
  });
});

const realPath = resolve(__dirname, '../../src/core/rules/normalize-row.ts');
(existsSync(realPath) ? describe : describe.skip)('with the validator\'s own normalizeRow', () => {
  test('the fixtures aggregate with the same cross-submission finding', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { normalizeRow } = require(realPath) as { normalizeRow: (t: TableKey, r: TableRow) => NormalizedRow };
    const s = aggregate(fixtureInputs(), { normalizeRow, now: deps.now });
    expect(s.reconciliation.balanced).toBe(true);
    const found = s.crossIssues.filter((i) => i.code === CROSS_CODES.enterpriseInMultipleRegions);
    expect(found.map((i) => [i.cell, ...(i.related ?? []).map((r) => r.cell)])).toEqual([['B17', 'B6']]);
    expect(s.rows.agencies.filter((r) => r.normalized.lead).map((r) => r.region)).toEqual(['江苏省', '广东省', '北京市']);
    expect(s.rows.targets.find((r) => r.region === '北京市' && r.row === 13)!.normalized.industry).toBe('电信和互联网');
  });
});

describe('联合申报单位 (附件3 joint applicants) in the summary', () => {
  const SAMPLES = resolve(__dirname, '../samples/submissions');
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../samples/manifest.json'), 'utf8')) as { files: { file: string; variant: string; region: string; lead: string }[] };
  const inputs: AggregateInput[] = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((file) => {
      const r = checkFile(readFileSync(join(SAMPLES, file)), file);
      return { file, issues: r.issues, ...(r.submission ? { submission: r.submission } : {}), ...(r.normalized ? { normalized: r.normalized } : {}) };
    });
  const s = aggregate(inputs, { normalizeRow, now: deps.now });
  const withJoint = inputs.filter((i) => i.submission?.jointApplicants?.length);

  test('every joint applicant the reader found is a summary row, with provenance: 深圳 and 湖北, three each', () => {
    expect(withJoint.map((i) => i.submission!.region?.name).sort()).toEqual(['深圳市', '湖北省'].sort());
    expect(s.jointApplicants).toHaveLength(6);
    for (const input of withJoint) {
      const fileIndex = inputs.indexOf(input);
      const rows = s.jointApplicants.filter((r) => r.fileIndex === fileIndex);
      const sample = manifest.files.find((f) => f.file === input.file)!;
      expect(sample.variant).toBe('附件3');
      expect(rows).toEqual(
        input.submission!.jointApplicants!.map((j) => ({
          fileIndex,
          region: sample.region,
          // 来源单位: the lead applicant (附件3).
          submitter: sample.lead,
          file: input.file,
          sheet: j.sheet,
          row: j.row,
          cell: j.cells.name.cell,
          values: { name: j.cells.name.text, nature: j.cells.nature.text, creditCode: j.cells.creditCode.text },
          issueCount: 0,
        })),
      );
    }
    const hubei = s.jointApplicants.find((r) => r.region === '湖北省')!;
    expect(hubei).toMatchObject({ sheet: '基本信息', row: 15, cell: 'B15', submitter: '安盾财产保险股份有限公司' });
    expect(hubei.values).toEqual({ name: '中国联合网络通信有限公司湖北分公司', nature: '国有企业', creditCode: '914200004437888294' });
    expect(s.files.map((f) => f.rowsRead.jointApplicants)).toEqual(inputs.map((i) => i.submission?.jointApplicants?.length ?? 0));
  });

  test('reconciliation: one 联合申报单位 line per file whose table was found (none for 附件2), in the totals, balanced', () => {
    const lines = s.reconciliation.lines.filter((l) => l.table === 'jointApplicants');
    expect(lines.map((l) => [l.file, l.read, l.inSummary, l.balanced])).toEqual(withJoint.map((i) => [i.file, 3, 3, true]));
    expect(s.reconciliation.totals.jointApplicants).toEqual({ read: 6, inSummary: 6 });
    expect(s.reconciliation.balanced).toBe(true);
    // A joint applicant missing from the summary unbalances its line and the whole.
    const short = reconcile(inputs, s.files, s.rows, s.jointApplicants.slice(1));
    expect(short.balanced).toBe(false);
    expect(short.lines.find((l) => l.table === 'jointApplicants' && !l.balanced)).toMatchObject({ file: s.jointApplicants[0].file, read: 3, inSummary: 2 });
    expect(short.totals.jointApplicants).toEqual({ read: 6, inSummary: 5 });
    // The cover's reconciliation block lists them under the notice's label, with their own 合计 line.
    const block = reconciliationBlock(s).rows.map((r) => r.join('|'));
    for (const i of withJoint) expect(block).toContain(`${i.file}|联合申报单位|3|3|一致`);
    expect(block).toContain('合计|联合申报单位|6|6|一致');
    expect(coverLines(s).find(([k]) => k.startsWith('汇总行数'))![1]).toContain('联合申报单位 6 行');
  });

  test('columns: provenance, the notice\'s own labels, 问题数; the code column is text', () => {
    const cols = jointApplicantColumns();
    expect(cols.map((c) => c.header)).toEqual(['来源地区', '来源单位', '来源文件', '工作表', '单元格/行号', ...JOINT_APPLICANT_COLUMNS.map((c) => c.label), '问题数']);
    expect(cols.filter((c) => c.text).map((c) => c.key)).toEqual(['cell', 'creditCode']);
    expect(jointApplicantRowValues(s.jointApplicants.find((r) => r.region === '湖北省')!, cols)).toEqual([
      '湖北省',
      '安盾财产保险股份有限公司',
      inputs.find((i) => i.submission?.region?.name === '湖北省')!.file,
      '基本信息',
      'B15',
      '中国联合网络通信有限公司湖北分公司',
      '国有企业',
      '914200004437888294',
      0,
    ]);
  });

  test('issues count on the joint applicant whose cell they point at; form fields and other files do not', () => {
    const other = { ...jointInput(), file: 'other.xlsx', issues: [jointIssue('other.xlsx', 'D15'), jointIssue('other.xlsx', 'D15', 'credit.invalid-length')] };
    other.submission = { ...other.submission!, file: 'other.xlsx' };
    // Same cell, another sheet: not a joint applicant's.
    const a = jointInput();
    const t = aggregate([{ ...a, issues: [...a.issues, jointIssue(JOINT_FILE, 'B15', 'required.missing', 'error', '另一张表')] }, other], deps);
    expect(t.jointApplicants.map((r) => [r.file, r.row, r.issueCount])).toEqual([
      [JOINT_FILE, 15, 0],
      [JOINT_FILE, 16, 2],
      [JOINT_FILE, 17, 0],
      ['other.xlsx', 15, 2],
      ['other.xlsx', 16, 0],
      ['other.xlsx', 17, 0],
    ]);
    expect(t.jointApplicants.find((r) => r.file === JOINT_FILE && r.row === 16)).toMatchObject({ submitter: JOINT_LEAD, region: '深圳市', cell: 'B16', sheet: '基本信息' });
  });

  test('with the validator\'s own issues: each joint cell checked, more than 10 counted on the 11th row', () => {
    const list = Array.from({ length: 11 }, (_, i): [string, string, string] => [`联合单位${i + 1}有限公司`, i === 2 ? '国营' : '民营企业', i === 4 ? '12345' : '914200004437888294']);
    const sub = makeSubmission({ file: 'x.xlsx', region: '湖北省', variant: '附件3', submitter: '安盾财产保险股份有限公司', joint: list });
    const issues = validateJointApplicants(sub.jointApplicants!, 'x.xlsx');
    expect(issues.length).toBeGreaterThan(2);
    const t = aggregate([{ file: 'x.xlsx', submission: sub, issues }], deps);
    const count = (row: number) => issues.filter((i) => i.sheet === '基本信息' && i.cell && Number(i.cell.slice(1)) === row).length;
    expect(t.jointApplicants.map((r) => r.issueCount)).toEqual(t.jointApplicants.map((r) => count(r.row)));
    expect(t.jointApplicants[2].issueCount).toBeGreaterThan(0);
    expect(t.jointApplicants[4].issueCount).toBeGreaterThan(0);
    expect(issues.find((i) => i.code === 'agencies.too-many-joint')).toMatchObject({ cell: 'B25' });
    expect(t.jointApplicants[10].issueCount).toBeGreaterThanOrEqual(1);
    expect(t.jointApplicants.reduce((a, r) => a + r.issueCount, 0)).toBe(issues.length);
    expect(t.reconciliation.totals.jointApplicants).toEqual({ read: 11, inSummary: 11 });
  });

  test('a 附件3 whose 联合申报单位 table is empty reconciles 0 = 0; 附件2 files and the fixtures have no line', () => {
    const sub = { ...makeSubmission({ file: 'e.xlsx', region: '湖北省', variant: '附件3' }), jointApplicants: [] };
    const t = aggregate([{ file: 'e.xlsx', submission: sub, issues: [] }, ...fixtureInputs()], deps);
    expect(t.jointApplicants).toEqual([]);
    expect(t.reconciliation.lines.filter((l) => l.table === 'jointApplicants')).toEqual([{ fileIndex: 0, file: 'e.xlsx', table: 'jointApplicants', read: 0, inSummary: 0, balanced: true }]);
    expect(t.reconciliation.balanced).toBe(true);
  });
});
