/** Human-readable output of the CLI: Chinese first, English after, one issue a line with its cell. */
import type { Issue, Severity } from '../core/issues';
import { countBySeverity } from '../core/issues';
import { TABLES, VARIANTS } from '../core/notice/tables';
import type { FileResult } from '../xlsx/check';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const SEVERITY_TAG: Record<Severity, string> = {
  error: paint('31', '[错误 error]'),
  warning: paint('33', '[警告 warning]'),
  info: paint('36', '[提示 info]'),
};

export function issueLine(i: Issue): string {
  // A cell where there is one; else the row (a cell of a column the table lacks has no address of its own).
  const where = i.cell ? [i.sheet, i.cell].filter(Boolean).join('!') : [i.sheet, i.row ? `第${i.row}行` : ''].filter(Boolean).join('!');
  const fix = i.fix ? `  → ${i.fix.certain ? '修改为 fix' : '建议 suggest'}：${JSON.stringify(i.fix.value)}` : '';
  return `  ${SEVERITY_TAG[i.severity]} ${where ? where + ' ' : ''}${i.message}（${i.code}）${fix}`;
}

export function countsLine(issues: readonly Issue[]): string {
  const c = countBySeverity(issues);
  return `${c.error} 个错误 errors · ${c.warning} 个警告 warnings · ${c.info} 个提示 info`;
}

export function fileReport(r: FileResult): string {
  const lines = [paint('1', r.file)];
  if (r.status === 'error' || !r.submission) {
    lines.push(`  ${paint('31', '无法读取 unreadable')}：${r.error?.message ?? ''}（${r.error?.code ?? ''}）`);
    if (r.error?.messageEn) lines.push(`  ${r.error.messageEn}`);
    return lines.join('\n');
  }
  const s = r.submission;
  const region = s.region ? `${s.region.name}（${s.region.code}）` : '未识别 unknown';
  lines.push(`  地区 region：${region}    版本 variant：${s.variant ?? '未识别 unknown'}${s.submitter ? `    填报单位 submitter：${s.submitter}` : ''}`);
  const numbered = s.variant ? VARIANTS[s.variant].tables : [];
  for (const [key, t] of Object.entries(s.tables)) {
    if (!t) continue;
    const n = numbered.find((v) => v.table === key)?.number;
    const header = t.headerRows?.length ? `${t.sheet}!第${t.headerRows.join('、')}行表头` : t.sheet ?? '';
    lines.push(`  ${n ? `表${n} ` : ''}${TABLES[t.table].shortName}：${t.rows.length} 行 rows（${header}）`);
  }
  const joint = s.jointApplicants;
  if (joint?.length) {
    const [first, last] = [joint[0].row, joint[joint.length - 1].row];
    lines.push(`  联合申报单位 joint applicants：${joint.length} 家（${joint[0].sheet}!第${first === last ? first : `${first}–${last}`}行）`);
  }
  lines.push(`  ${countsLine(r.issues)}`);
  for (const i of r.issues) lines.push(issueLine(i));
  return lines.join('\n');
}
