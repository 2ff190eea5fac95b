/**
 * What a summary holds and what it lacks, shown alike on 汇总 and 导出 (both work from the same Built): the files
 * with their status and tables, the reconciliation badge (一致 only when nothing is missing), an alert for
 * unreadable files and one for tables not merged, and the files skipped as not being submissions.
 */
import type { Ref } from 'react';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SUMMARY_TABLE_KEYS, type NotMergedLine, type ReconciliationLine } from '../core/aggregate/types';
import { TABLE_KEYS } from '../core/notice/tables';
import { STATUS_COLOR, skipReason } from './file-status';
import { errorText, fill, type Lang, type Strings } from './i18n';
import type { Built } from './pipeline';

const useStyles = makeStyles({
  files: { listStyleType: 'none', paddingLeft: 0, margin: `${tokens.spacingVerticalS} 0`, display: 'grid', rowGap: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: `${tokens.spacingVerticalS} 0` },
  heading: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  // The verdict may wrap in a narrow pane (English): the badge grows instead of overflowing its fixed height.
  verdict: { height: 'auto', minHeight: '20px', paddingTop: '1px', paddingBottom: '1px', borderRadius: tokens.borderRadiusMedium },
});

/** 一致 only when every row of every input is in the summary; unreadable files and unmerged tables say why not. */
function verdict(built: Built, t: Strings): { color: 'danger' | 'success' | 'warning'; text: string } {
  const r = built.summary.reconciliation;
  if (!r.balanced) return { color: 'danger', text: t.unbalanced };
  return r.complete ? { color: 'success', text: t.balanced } : { color: 'warning', text: t.balancedIncomplete };
}

function rowsInSummary(built: Built): number {
  const s = built.summary;
  return TABLE_KEYS.reduce((n, k) => n + s.rows[k].length, 0) + s.jointApplicants.length;
}

/** The words a screen reader hears when the summary arrives. */
export function summaryAnnouncement(built: Built, t: Strings): string {
  const s = built.summary;
  if (!s.files.length) return t.noSubmissions;
  const unreadable = s.reconciliation.unreadable;
  return [fill(t.summaryAnnounce, { files: s.files.length, rows: rowsInSummary(built), verdict: verdict(built, t).text }), unreadable ? fill(t.notMergedTitle, { n: unreadable }) : '']
    .filter(Boolean)
    .join('。 ');
}

function unmergedTitle(lines: readonly NotMergedLine[], t: Strings): string {
  const reasons = new Set(lines.map((u) => u.reason));
  const key = reasons.size > 1 ? 'mixed' : lines[0].reason;
  return fill(t.unmergedTitle[key], { n: lines.reduce((n, u) => n + u.rows, 0) });
}

export interface SummaryStatusProps {
  readonly built: Built;
  readonly lang: Lang;
  readonly t: Strings;
  /** The section's heading: it takes focus when the summary arrives (tabIndex -1). */
  readonly heading: string;
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

export function SummaryStatus({ built, lang, t, heading, headingRef }: SummaryStatusProps) {
  const styles = useStyles();
  const { summary, results, skipped } = built;
  const r = summary.reconciliation;
  const unreadable = summary.files.filter((f) => f.status === 'unreadable');
  const v = verdict(built, t);
  // 联合申报单位 only where some 附件3 file has them: a 附件2-only summary keeps its three tables.
  const shownKeys = SUMMARY_TABLE_KEYS.filter((k) => k !== 'jointApplicants' || r.totals.jointApplicants.read > 0);
  // The tables each file has: a table a file lacks (附件3 has no 服务机构) has no reconciliation line.
  const linesOf = new Map<number, ReconciliationLine[]>();
  for (const l of r.lines) linesOf.set(l.fileIndex, [...(linesOf.get(l.fileIndex) ?? []), l]);
  return (
    <>
      <h2 tabIndex={-1} ref={headingRef} className={styles.heading}>
        {heading}
      </h2>
      {!summary.files.length ? (
        <MessageBar intent="warning" layout="multiline" data-testid="no-submissions">
          <MessageBarBody>{t.noSubmissions}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.facts}>
        <Text>{t.filesCount}</Text>
        <Text data-testid="files-count">
          {summary.files.length}
          {skipped.length ? fill(t.filesSkipped, { n: skipped.length }) : ''}
        </Text>
        <Text>{t.rowsCount}</Text>
        <Text>{rowsInSummary(built)}</Text>
        <Text>{t.reconciliation}</Text>
        <span data-testid="reconciliation">
          <Badge color={v.color} className={styles.verdict}>
            {v.text}
          </Badge> {shownKeys.map((k) => `${t.tables[k]} ${r.totals[k].read}/${r.totals[k].inSummary}`).join(' · ')}
        </span>
      </div>
      {unreadable.length ? (
        <MessageBar intent="error" role="alert" layout="multiline" data-testid="not-merged">
          <MessageBarBody>
            <MessageBarTitle>{fill(t.notMergedTitle, { n: unreadable.length })}</MessageBarTitle>
            {t.notMergedBody}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {r.notMerged.length ? (
        <MessageBar intent="error" role="alert" layout="multiline" data-testid="unmerged-tables">
          <MessageBarBody>
            <MessageBarTitle>{unmergedTitle(r.notMerged, t)}</MessageBarTitle>
            {r.notMerged.map((u) => (
              <Text as="p" block size={200} key={`${u.fileIndex}|${u.reason}|${u.sheet}|${u.headerRow}`}>
                {fill(t.unmergedLine, {
                  file: u.file,
                  where: fill(t.unmergedWhere[u.reason], { sheet: u.sheet, row: u.headerRow }),
                  table: t.tables[u.table],
                  rows: u.rows,
                })}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <h2>{t.filesTitle}</h2>
      <ul className={styles.files} data-testid="summary-files">
        {summary.files.map((f) => {
          // The reason in the pane's language: the worker's result has both (the summary keeps the Chinese only).
          const result = results[f.index];
          const error = result?.file === f.file && result.error ? result.error : f.error;
          const tables = (linesOf.get(f.index) ?? []).map((l) => `${t.tables[l.table]} ${l.read}`).join(' · ');
          return (
            <li key={f.index} data-status={f.status}>
              <Badge color={STATUS_COLOR[f.status]}>{t.fileStatus[f.status]}</Badge> <Text weight="semibold">{f.file}</Text>
              {f.region ? <Text size={200}>（{f.region}）</Text> : null}
              {f.status === 'unreadable' ? (
                <Text as="p" block size={200}>
                  {error ? errorText(error, lang) : ''}
                </Text>
              ) : (
                <Text size={200}> {tables || '—'}</Text>
              )}
            </li>
          );
        })}
        {skipped.map((s, n) => {
          const reason = skipReason(s);
          return (
            <li key={`skipped|${n}`} data-status="skipped">
              <Badge color={STATUS_COLOR.skipped}>{t.fileStatus.skipped}</Badge> <Text weight="semibold">{s.file}</Text>
              <Text as="p" block size={200}>
                {reason ? fill(t.skippedLine, { reason: t.skippedReason[reason] }) : ''}
              </Text>
            </li>
          );
        })}
      </ul>
    </>
  );
}
