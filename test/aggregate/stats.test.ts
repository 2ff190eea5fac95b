/**
 * 统计 leaves rows flagged as duplicates out (src/core/aggregate/stats.ts), while the summary and the reconciliation
 * keep every row; the 统计 blocks say so in their headers and in a note, in Chinese and English. Expected counts
 * are worked out here from the rows handed in, not read back from the statistics.
 */
import { aggregate } from '../../src/core/aggregate/aggregate';
import { statisticsBlocks } from '../../src/core/aggregate/report';
import type { AggregateInput } from '../../src/core/aggregate/types';
import { summaryCsvFiles } from '../../src/core/csv';
import { deps, makeSubmission } from './helpers';
import { parseCsv } from './zip-csv';

const C = '13800138000 a@qq.com';
type Agency = [string, string, string, string];
type Target = [string, string, string, string];
type Scheme = [string, string, string, string, string];

const agencies: Agency[] = [
  ['甲财产保险股份有限公司', '保险公司', '张三 13800138000', '是，牵头单位'],
  ['乙网络安全技术有限公司', '网络安全服务机构', '李四 13900139000', '否，联合单位'],
];
const targets: Target[] = [
  ['丙科技有限公司', '工业互联网', '王五', C],
  ['丁科技有限公司', '工业互联网', '赵六', C],
  ['戊医疗器械有限公司', '医疗卫生', '钱七', C],
];
const schemes: Scheme[] = [
  ['方案一', '企业类', '工业互联网', '孙八', C],
  ['方案二', '产品服务类', '数据防泄漏', '周九', C],
];

/** 江苏 sent its file twice (v1, then a corrected v2 with the same rows); 浙江 sent one file. */
function inputs(): AggregateInput[] {
  const js = (file: string) => ({ file, issues: [], submission: makeSubmission({ file, region: '江苏省', agencies, targets, schemes }) });
  return [
    js('江苏省-v1.xlsx'),
    js('江苏省-v2.xlsx'),
    {
      file: '浙江省.xlsx',
      issues: [],
      submission: makeSubmission({
        file: '浙江省.xlsx',
        region: '浙江省',
        // 甲 serves 浙江 too; 己 is new.
        agencies: [agencies[0]],
        targets: [['己软件有限公司', '电信和互联网', '吴十', C]],
        schemes: [['方案三', '企业类', '电信和互联网', '郑一', C]],
      }),
    },
  ];
}

describe('statistics without duplicate rows', () => {
  const s = aggregate(inputs(), deps);
  const jsTargets = targets.length;
  const jsSchemes = schemes.length;

  test('the summary and the reconciliation keep every row; duplicates are flagged', () => {
    expect(s.rows.targets).toHaveLength(2 * jsTargets + 1);
    expect(s.reconciliation.balanced).toBe(true);
    expect(s.reconciliation.totals.targets).toEqual({ read: 2 * jsTargets + 1, inSummary: 2 * jsTargets + 1 });
    expect(s.rows.targets.filter((r) => r.duplicateOf)).toHaveLength(jsTargets);
  });

  test('a re-sent file does not double the region: each name counted once, where it first appears', () => {
    const ind = s.statistics.regionByIndustry;
    const row = (label: string) => ind.rows.find((r) => r.label === label)!;
    expect(row('江苏省').total).toBe(jsTargets);
    expect(row('江苏省').counts[ind.columns.indexOf('工业互联网')]).toBe(targets.filter((t) => t[1] === '工业互联网').length);
    expect(row('浙江省').total).toBe(1);
    expect(ind.total).toBe(jsTargets + 1);
    expect(ind.columnTotals.reduce((a, b) => a + b, 0)).toBe(ind.total);

    const sch = s.statistics.regionBySchemeType;
    expect(sch.rows.find((r) => r.label === '江苏省')!.total).toBe(jsSchemes);
    expect(sch.total).toBe(jsSchemes + 1);

    // 甲 is in both 江苏 files and in 浙江: one 保险公司; 乙 once.
    expect(s.statistics.agencyTypes).toEqual([
      { type: '保险公司', count: 1 },
      { type: '网络安全服务机构', count: 1 },
    ]);
  });

  test("an agency's reach still counts the regions of its duplicate rows", () => {
    expect(s.statistics.agencyReach.find((a) => a.name === '甲财产保险股份有限公司')!.regions).toEqual(['江苏省', '浙江省']);
    expect(s.statistics.agenciesByRegionCount).toEqual([
      { regions: 1, agencies: 1 },
      { regions: 2, agencies: 1 },
    ]);
  });

  test('a region whose rows are all duplicates of earlier ones is still listed, with zeros', () => {
    const again: AggregateInput = { file: '上海市.xlsx', issues: [], submission: makeSubmission({ file: '上海市.xlsx', region: '上海市', targets: [targets[0]] }) };
    const t = aggregate([...inputs(), again], deps).statistics.regionByIndustry;
    expect(t.rows.find((r) => r.label === '上海市')).toMatchObject({ total: 0 });
    expect(t.total).toBe(jsTargets + 1);
  });

  test('the blocks say 不含重复行 in their count headers, with a note in Chinese and English giving the number of rows left out', () => {
    const blocks = statisticsBlocks(s);
    const block = (key: string) => blocks.find((b) => b.key === key)!;
    for (const [key, table] of [
      ['regionByIndustry', '服务对象'],
      ['regionBySchemeType', '服务方案'],
      ['agencyTypes', '服务机构'],
    ] as const) {
      const b = block(key);
      expect(b.header[b.header.length - 1]).toMatch(/（不含重复行）$/);
      const note = String(b.rows[b.rows.length - 1][0]);
      expect(note).toContain('不含重复行');
      expect(note).toContain(table);
      expect(note).toMatch(/excludes the \d+ row\(s\) flagged as duplicates/);
    }
    const flagged = (t: 'agencies' | 'targets' | 'schemes') => s.rows[t].filter((r) => r.duplicateOf).length;
    expect(String(block('regionByIndustry').rows.at(-1)![0])).toContain(`${flagged('targets')} 行不计入`);
    expect(String(block('agencyTypes').rows.at(-1)![0])).toContain(`${flagged('agencies')} 行不计入`);
    // The 合计 row is still the one before the note.
    expect(block('regionByIndustry').rows.at(-2)).toEqual(['合计', ...s.statistics.regionByIndustry.columnTotals, jsTargets + 1]);

    const csv = parseCsv(summaryCsvFiles(s).find((f) => f.key === 'statistics')!.text).map((r) => r.join('|'));
    expect(csv.some((l) => l.startsWith('来源地区|') && l.endsWith('|合计（不含重复行）'))).toBe(true);
    expect(csv.some((l) => l.startsWith(`江苏省|`) && l.endsWith(`|${jsTargets}`))).toBe(true);
  });
});
