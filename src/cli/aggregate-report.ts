/**
 * What `aggregate` prints: the human report (Chinese first, English after) and the `--json` object.
 * Both read the Summary only, so what the terminal says is what the workbook's cover says.
 */
import { tableLabel } from '../core/aggregate/columns';
import { NOT_MERGED_WHERE } from '../core/aggregate/report';
import { FILE_STATUS_LABELS, SUMMARY_TABLE_KEYS, type Summary, type SummaryFile, type SummaryTableKey } from '../core/aggregate/types';
import { countBySeverity, SEVERITIES, type Issue, type Severity } from '../core/issues';
import { ruleSpec } from '../core/rules/titles';
import type { ExpandedInputs } from './files';
import { countsLine, issueLine } from './format';
import { jsonIssue } from './json';
import { clipMiddle, displayWidth, padEnd, padStart } from './width';

const OK = '✓';
const BAD = '✗';
const SEVERITY_WORDS: Record<Severity, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

export interface Written {
  readonly output: string;
  readonly csv?: { readonly dir: string; readonly encoding: string; readonly files: readonly string[] };
}

function fileLine(f: SummaryFile, nameWidth: number): string {
  const status = FILE_STATUS_LABELS[f.status];
  const head = `  ${padStart(String(f.index + 1), 2)}  ${padEnd(clipMiddle(f.file, nameWidth), nameWidth)}  `;
  if (f.status === 'unreadable') return `${head}${status.zh} ${status.en}：${f.error?.message ?? ''}（${f.error?.code ?? ''}）`;
  const c = f.issueCounts;
  return `${head}${padEnd(f.region ?? '地区未识别', 8)} ${padEnd(f.variant ?? '—', 5)} ${padEnd(`${status.zh} ${status.en}`, 18)} 错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}`;
}

function reconciliationLines(summary: Summary, nameWidth: number): string[] {
  const r = summary.reconciliation;
  const cellWidth = 14;
  const cell = (read: number, inSummary: number) => `${read} → ${inSummary} ${read === inSummary ? OK : BAD}`;
  const out = [
    `行数核对 Reconciliation：读取行数 → 汇总行数 rows read → rows in summary`,
    `  ${padEnd('文件 file', nameWidth + 4)}  ${SUMMARY_TABLE_KEYS.map((t) => padEnd(tableLabel(t), cellWidth)).join('')}`.trimEnd(),
  ];
  for (const f of summary.files) {
    const lines = r.lines.filter((l) => l.fileIndex === f.index);
    if (lines.length === 0) continue;
    // A table the file does not have (附件3: 服务机构; 附件2: 联合申报单位) shows —.
    const cells = SUMMARY_TABLE_KEYS.map((t) => {
      const l = lines.find((x) => x.table === t);
      return padEnd(l ? cell(l.read, l.inSummary) : '—', cellWidth);
    });
    out.push(`  ${padStart(String(f.index + 1), 2)}  ${padEnd(clipMiddle(f.file, nameWidth), nameWidth)}  ${cells.join('')}`.trimEnd());
  }
  out.push(`  ${padEnd('合计 total', nameWidth + 4)}  ${SUMMARY_TABLE_KEYS.map((t) => padEnd(cell(r.totals[t].read, r.totals[t].inSummary), cellWidth)).join('')}`.trimEnd());
  const read = SUMMARY_TABLE_KEYS.reduce((n, t) => n + r.totals[t].read, 0);
  const inSummary = SUMMARY_TABLE_KEYS.reduce((n, t) => n + r.totals[t].inSummary, 0);
  const notMerged = r.notMerged.reduce((n, u) => n + u.rows, 0);
  out.push(
    r.balanced
      ? !r.complete
        ? `  ${OK} 读取的行都已汇总：读取 ${read} 行 = 汇总 ${inSummary} 行。Rows read = rows in summary: ${read}.`
        : `  ${OK} 全部一致：读取 ${read} 行 = 汇总 ${inSummary} 行，没有遗漏或多出的行。Balanced: ${read} rows read = ${inSummary} rows in summary.`
      : `  ${BAD} 不一致：读取 ${read} 行，汇总 ${inSummary} 行，请检查标 ${BAD} 的文件。NOT balanced: ${read} rows read, ${inSummary} rows in summary; see the lines marked ${BAD}.`,
  );
  if (r.unreadable) {
    out.push(`  ${BAD} 但有 ${r.unreadable} 个文件无法读取，其中的行都不在汇总中（见上方文件列表）。${r.unreadable} file(s) could not be read; none of their rows is in the summary.`);
  }
  if (notMerged) {
    out.push(`  ${BAD} 但另有 ${notMerged} 行在隐藏工作表或文件的第二张同种表中，未汇总（见问题清单）：${notMerged} more row(s) on hidden sheets or in a second table of a kind were NOT merged:`);
    for (const u of r.notMerged) out.push(`      ${u.file}：${NOT_MERGED_WHERE[u.reason](u.sheet, u.headerRow)}（${tableLabel(u.table)}），${u.rows} 行`);
  }
  return out;
}

function ruleTitle(code: string): string {
  const rule = ruleSpec(code);
  return rule ? `${rule.zh} ${rule.en}` : '';
}

function issueCountLines(issues: readonly Issue[]): string[] {
  const out = [`问题 Issues：${countsLine(issues)}`];
  const byCode = new Map<string, { severity: Severity; count: number }>();
  for (const i of issues) {
    const e = byCode.get(i.code) ?? { severity: i.severity, count: 0 };
    e.count++;
    byCode.set(i.code, e);
  }
  const order = (s: Severity) => SEVERITIES.indexOf(s);
  const sorted = [...byCode].sort(([a, x], [b, y]) => order(x.severity) - order(y.severity) || y.count - x.count || a.localeCompare(b));
  const codeWidth = Math.max(0, ...sorted.map(([c]) => c.length));
  for (const [code, e] of sorted) {
    out.push(`  ${padEnd(SEVERITY_WORDS[e.severity], 12)} ${padStart(String(e.count), 4)}  ${padEnd(code, codeWidth)}  ${ruleTitle(code)}`.trimEnd());
  }
  return out;
}

export function humanReport(summary: Summary, inputs: Pick<ExpandedInputs, 'skipped'>, written: Written | undefined): string {
  const unreadable = summary.files.filter((f) => f.status === 'unreadable').length;
  const nameWidth = Math.min(44, Math.max(12, ...summary.files.map((f) => displayWidth(f.file))));
  const lines = [
    `汇总 Aggregated：${summary.files.length} 个文件 files（可读 readable ${summary.files.length - unreadable} · 无法读取 unreadable ${unreadable}）`,
    ...summary.files.map((f) => fileLine(f, nameWidth)),
    '',
    ...reconciliationLines(summary, nameWidth),
    '',
    ...issueCountLines(summary.issues),
    '',
    `跨地区问题 Cross-submission issues：${summary.crossIssues.length ? countsLine(summary.crossIssues) : '无 none'}`,
    ...summary.crossIssues.map(issueLine),
  ];
  if (inputs.skipped.length) lines.push('', `已跳过 Skipped（${inputs.skipped.length}）：`, ...inputs.skipped.map((s) => `  ${s.path}（${s.reason} ${s.reasonEn}）`));
  if (written) {
    lines.push('', `汇总工作簿 Summary workbook：${written.output}`);
    if (written.csv) lines.push(`CSV（${written.csv.encoding === 'gb18030' ? 'GB18030' : 'UTF-8 BOM'}）：${written.csv.dir}  ${written.csv.files.join(' ')}`);
    lines.push('每个问题的单元格见汇总工作簿的“问题清单”表，或运行 pilot-tables validate。Every issue with its cell: the 问题清单 sheet, or pilot-tables validate.');
  }
  return lines.join('\n') + '\n';
}

function jsonSummaryFile(f: SummaryFile) {
  return {
    file: f.file,
    status: f.status,
    region: f.region ?? null,
    regionCode: f.regionCode ?? null,
    variant: f.variant ?? null,
    submitter: f.submitter ?? null,
    rowsRead: f.rowsRead,
    issueCounts: f.issueCounts,
    ...(f.error ? { error: f.error } : {}),
  };
}

/** The `--json` object of `aggregate`: files with status, the reconciliation, issue counts and the cross-submission issues. */
export function jsonReport(summary: Summary, inputs: Pick<ExpandedInputs, 'skipped'>, written: Written | undefined) {
  const r = summary.reconciliation;
  return {
    generatedAt: summary.generatedAt,
    output: written?.output ?? null,
    csv: written?.csv ?? null,
    files: summary.files.map(jsonSummaryFile),
    skipped: inputs.skipped,
    reconciliation: {
      balanced: r.balanced,
      lines: r.lines.map((l) => ({ file: l.file, fileIndex: l.fileIndex, table: l.table, read: l.read, inSummary: l.inSummary, balanced: l.balanced })),
      totals: r.totals as Record<SummaryTableKey, { read: number; inSummary: number }>,
      complete: r.complete,
      unreadable: r.unreadable,
      notMerged: r.notMerged.map((u) => ({ reason: u.reason, file: u.file, fileIndex: u.fileIndex, table: u.table, sheet: u.sheet, headerRow: u.headerRow, rows: u.rows })),
    },
    issueCounts: countBySeverity(summary.issues),
    crossIssues: summary.crossIssues.map((i) => ({ ...jsonIssue(i), file: i.file ?? null, related: i.related ?? [] })),
  };
}
