/**
 * The summary's small tables as plain rows (title, header, body): the cover's file list and reconciliation,
 * and the statistics. The .xlsx writer, the CSV export and the CLI print the same rows.
 */
import { countBySeverity } from '../issues';
import { NOTICE } from '../notice/limits';
import { TABLE_KEYS, TABLES, type TableKey } from '../notice/tables';
import { tableLabel, type CellValue } from './columns';
import { FILE_STATUS_LABELS, SUMMARY_TABLE_KEYS, type CrossTab, type NotMergedLine, type Summary } from './types';
import { UNKNOWN_REGION } from './stats';

export interface ReportBlock {
  readonly key: string;
  readonly title: string;
  readonly titleEn: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A table the file does not have (附件3 has no 服务机构) shows —, as the CLI shows it, not 0 rows. */
const NO_TABLE = '—';

export function filesBlock(summary: Summary): ReportBlock {
  const found = new Set(summary.reconciliation.lines.map((l) => `${l.fileIndex}|${l.table}`));
  const rowsOf = (f: Summary['files'][number], t: TableKey): CellValue => (found.has(`${f.index}|${t}`) ? f.rowsRead[t] : f.status === 'unreadable' ? '' : NO_TABLE);
  return {
    key: 'files',
    title: '汇总的文件',
    titleEn: 'Files aggregated',
    header: ['序号', '文件', '状态', '来源地区', '版本', '来源单位', '服务机构行数', '服务对象行数', '服务方案行数', '错误', '警告', '提示', '读取错误'],
    rows: summary.files.map((f) => [
      f.index + 1,
      f.file,
      FILE_STATUS_LABELS[f.status].zh,
      f.region ?? UNKNOWN_REGION,
      f.variant ?? '',
      f.submitter ?? '',
      rowsOf(f, 'agencies'),
      rowsOf(f, 'targets'),
      rowsOf(f, 'schemes'),
      f.issueCounts.error,
      f.issueCounts.warning,
      f.issueCounts.info,
      f.error ? `${f.error.code}：${f.error.message}` : '',
    ]),
  };
}

/** Where rows not merged sit, as the cover and the CLI say it. */
export const NOT_MERGED_WHERE: Readonly<Record<NotMergedLine['reason'], (sheet: string, headerRow: number) => string>> = {
  'second-table': (sheet, row) => `工作表“${sheet}”第 ${row} 行的第二张同种表`,
  'hidden-sheet': (sheet, row) => `隐藏工作表“${sheet}”第 ${row} 行的表`,
};

/** The cover's one-line verdict: balanced or not, and any rows left in a second table of a kind. */
export function reconciliationStatus(summary: Summary): string {
  const r = summary.reconciliation;
  const notMerged = r.notMerged.reduce((n, u) => n + u.rows, 0);
  if (!r.balanced) return '存在不一致，请查看下表 (NOT balanced)';
  if (r.complete) return '全部一致：读取行数 = 汇总行数 (balanced)';
  const missing = [
    r.unreadable ? `${r.unreadable} 个文件无法读取，其中的行都不在汇总中（见文件列表）` : '',
    notMerged ? `另有 ${notMerged} 行在隐藏工作表或文件的第二张同种表中，未汇总（见下表和问题清单）` : '',
  ].filter(Boolean);
  const missingEn = [r.unreadable ? `${r.unreadable} file(s) unreadable` : '', notMerged ? `${notMerged} row(s) on hidden sheets or in a second table of a kind not merged` : ''].filter(Boolean);
  return `读取的行都已汇总（读取行数 = 汇总行数）；但${missing.join('；')}。Rows read are all in the summary, but ${missingEn.join(' and ')}.`;
}

export function reconciliationBlock(summary: Summary): ReportBlock {
  const r = summary.reconciliation;
  const rows: CellValue[][] = r.lines.map((l) => [l.file, tableLabel(l.table), l.read, l.inSummary, l.balanced ? '一致' : '不一致']);
  for (const t of SUMMARY_TABLE_KEYS) {
    rows.push(['合计', tableLabel(t), r.totals[t].read, r.totals[t].inSummary, r.totals[t].read === r.totals[t].inSummary ? '一致' : '不一致']);
  }
  // Rows in a second table of a kind: found, not read into the summary; listed so the count shows them.
  for (const u of r.notMerged) rows.push([u.file, `${tableLabel(u.table)}（${NOT_MERGED_WHERE[u.reason](u.sheet, u.headerRow)}）`, u.rows, 0, '未汇总']);
  return {
    key: 'reconciliation',
    title: `行数核对：读取行数 = 汇总行数（${!r.balanced ? '存在不一致' : r.complete ? '全部一致' : '读取的行都已汇总；有未读取的文件或未汇总的行'}）`,
    titleEn: `Reconciliation: rows read = rows in summary (${!r.balanced ? 'NOT balanced' : r.complete ? 'balanced' : 'balanced; some files or rows were not read'})`,
    header: ['文件', '表', '读取行数', '汇总行数', '核对'],
    rows,
  };
}

/** Header of a count column that leaves duplicates out. */
export const COUNT_EXCLUDING_DUPLICATES = '（不含重复行）';

/**
 * The note under a block that leaves rows flagged as duplicates out (src/core/aggregate/stats.ts): how many rows of
 * the table that is, and what it means. The block titles stay as they are (the chart in Excel is titled by them);
 * the count headers say 不含重复行 and this line says why, in Chinese and English.
 */
export function duplicatesNote(summary: Summary, table: TableKey, what: string, whatEn: string): string {
  const n = summary.rows[table].filter((r) => r.duplicateOf).length;
  return (
    `注：不含重复行——${TABLES[table].shortName}中名称与前面某行相同、在汇总表“重复（首次出现于）”列已标出的 ${n} 行不计入，` +
    `同一${what}只在首次出现处计一次（这些行仍在汇总表中，行数核对不变）。` +
    `Note: excludes the ${n} row(s) flagged as duplicates (same name as an earlier row); each ${whatEn} is counted once, where it first appears. They remain in the summary and the reconciliation.`
  );
}

function crossTabBlock(key: string, title: string, titleEn: string, tab: CrossTab, note: string): ReportBlock {
  return {
    key,
    title,
    titleEn,
    header: [tab.rowLabel, ...tab.columns, `合计${COUNT_EXCLUDING_DUPLICATES}`],
    rows: [...tab.rows.map((r) => [r.label, ...r.counts, r.total]), ['合计', ...tab.columnTotals, tab.total], [note]],
  };
}

export function statisticsBlocks(summary: Summary): ReportBlock[] {
  const s = summary.statistics;
  return [
    crossTabBlock('regionByIndustry', '服务对象：地区 × 所在行业领域', 'Targets: region × industry', s.regionByIndustry, duplicatesNote(summary, 'targets', '企业', 'enterprise')),
    crossTabBlock('regionBySchemeType', '服务方案：地区 × 方案类型', 'Schemes: region × scheme type', s.regionBySchemeType, duplicatesNote(summary, 'schemes', '方案', 'scheme')),
    {
      key: 'agencyTypes',
      title: '服务机构：机构类型（全国）',
      titleEn: 'Agencies by type (nationwide)',
      header: ['机构类型', `机构数${COUNT_EXCLUDING_DUPLICATES}`],
      rows: [...s.agencyTypes.map((t) => [t.type, t.count]), ['合计', s.agencyTypes.reduce((a, t) => a + t.count, 0)], [duplicatesNote(summary, 'agencies', '机构', 'agency')]],
    },
    {
      key: 'agenciesByRegionCount',
      title: '服务机构：按服务地区数',
      titleEn: 'Agencies by number of regions served',
      header: ['服务地区数', '机构数（按名称，每家计一次）'],
      rows: s.agenciesByRegionCount.map((x) => [x.regions, x.agencies]),
    },
    {
      key: 'agencyReach',
      title: '服务机构及其服务地区',
      titleEn: 'Agencies and the regions they serve',
      header: ['机构名称', '机构类型', '服务地区数', '服务地区'],
      rows: s.agencyReach.map((a) => [a.name, a.type, a.regions.length, a.regions.join('、')]),
    },
    {
      key: 'filesWithErrors',
      title: `有错误的文件（${s.filesWithErrors.length}个）`,
      titleEn: 'Files with errors',
      header: ['文件', '来源地区', '错误数', '无法读取'],
      rows: s.filesWithErrors.map((f) => [f.file, f.region, f.errors, f.unreadable ? '是' : '否']),
    },
  ];
}

/** The cover sheet's key lines (label, value): the same in the .xlsx summary and in the one written into Excel. */
/**
 * When the summary was made, as people in China read a clock: 2026-11-30 15:04:40（北京时间）. The model keeps
 * the ISO instant (JSON, tests); a reviewer reading 07:04 UTC would think the file is eight hours older.
 */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}（北京时间 UTC+8）`;
}

export function coverLines(summary: Summary, options: { mask?: boolean } = {}): [string, string][] {
  const counts = countBySeverity(summary.issues);
  const rowsTotal = [...TABLE_KEYS.map((t) => `${TABLES[t].shortName} ${summary.rows[t].length} 行`), `${tableLabel('jointApplicants')} ${summary.jointApplicants.length} 行`].join('，');
  const unreadable = summary.files.filter((f) => f.status === 'unreadable').length;
  return [
    ['网络安全保险服务试点 汇总表', 'Cyber-security insurance pilot: summary'],
    ['依据', `${NOTICE.title}（${NOTICE.number}）`],
    ['生成时间 Generated', beijingTime(summary.generatedAt)],
    ['文件 Files', `${summary.files.length} 个${unreadable ? `（无法读取 ${unreadable} 个）` : ''}`],
    ['汇总行数 Rows', rowsTotal],
    ['问题 Issues', `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}（其中跨报送 ${summary.crossIssues.length}）`],
    ['行数核对 Reconciliation', reconciliationStatus(summary)],
    [
      '说明 Note',
      options.mask
        ? '已隐去手机和邮箱（138****8000、z***@qq.com），供分享；其余各表逐行保留原值，不删除任何行；重复行仅标记。生成于本机，未联网。'
        : '各表逐行保留原值，不删除任何行；重复行仅标记。规范值列为识别结果，供核对，不改动原值。生成于本机，未联网。',
    ],
  ];
}
