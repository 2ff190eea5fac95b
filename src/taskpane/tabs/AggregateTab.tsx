/**
 * 汇总: regional files → worker (read, check, aggregate) → in Excel, new sheets of this workbook (chunked writes
 * with progress); outside Excel, 汇总.xlsx downloaded. Shows the reconciliation and the cross-region findings.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SUMMARY_TABLE_KEYS, type FileStatus } from '../../core/aggregate/types';
import { TABLE_KEYS } from '../../core/notice/tables';
import { XLSX_MIME } from '../processor';
import { buildSummary, type Built, type SummaryTabProps } from '../pipeline';
import { DoneBar, ErrorBar, Progress } from '../feedback';
import { FilePicker } from '../FilePicker';
import { IssueList } from '../IssueList';

export const SUMMARY_FILE_NAME = '汇总.xlsx';

const STATUS_COLOR: Record<FileStatus, 'success' | 'warning' | 'danger' | 'severe'> = { ok: 'success', warnings: 'warning', errors: 'danger', unreadable: 'severe' };

const useStyles = makeStyles({
  files: { listStyleType: 'none', paddingLeft: 0, margin: `${tokens.spacingVerticalS} 0`, display: 'grid', rowGap: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: `${tokens.spacingVerticalS} 0` },
});

export type AggregateTabProps = SummaryTabProps;

type Stage = { kind: 'reading'; done: number; total: number } | { kind: 'writing'; done: number; total: number } | { kind: 'working' };

export function AggregateTab({ host, processor, download, built, onBuilt, mask, onMask, lang, t }: AggregateTabProps) {
  const styles = useStyles();
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [written, setWritten] = useState<readonly string[] | null>(null);

  const saveXlsx = async (b: Built) => {
    setStage({ kind: 'working' });
    download(SUMMARY_FILE_NAME, await processor.summaryWorkbook(b.summary, { mask }), XLSX_MIME);
  };

  const onFiles = async (files: File[]) => {
    setError(null);
    setWritten(null);
    setStage({ kind: 'reading', done: 0, total: files.length });
    try {
      const b = await buildSummary(processor, files, (done, total) => setStage({ kind: 'reading', done, total }));
      onBuilt(b);
      if (host) {
        setStage({ kind: 'writing', done: 0, total: 1 });
        const r = await host.writeSummary(b.summary, { mask, onProgress: (done, total) => setStage({ kind: 'writing', done, total }) });
        setWritten(r.sheets);
      } else {
        await saveXlsx(b);
      }
    } catch (e) {
      setError(e);
    } finally {
      setStage(null);
    }
  };

  const summary = built?.summary;
  const rows = summary ? TABLE_KEYS.reduce((n, k) => n + summary.rows[k].length, 0) + summary.jointApplicants.length : 0;
  const unreadable = summary ? summary.files.filter((f) => f.status === 'unreadable') : [];
  // 联合申报单位 only where some 附件3 file has them: a 附件2-only summary keeps its three tables.
  const shownKeys = SUMMARY_TABLE_KEYS.filter((k) => k !== 'jointApplicants' || (summary?.reconciliation.totals.jointApplicants.read ?? 0) > 0);
  return (
    <div className="pt-tab">
      <Text as="p">{t.aggregateIntro}</Text>
      <Text as="p" size={200}>{host ? t.aggregateWriteExcel : t.aggregateDownload}</Text>
      <Checkbox label={t.maskLabel} checked={mask} onChange={(_, d) => onMask(Boolean(d.checked))} />
      <FilePicker t={t} name="aggregate-files" disabled={stage !== null} onFiles={(f) => void onFiles(f)} />
      {stage?.kind === 'reading' ? <Progress label={t.reading} done={stage.done} total={stage.total} /> : null}
      {stage?.kind === 'writing' ? <Progress label={t.writingSheets} done={stage.done} total={stage.total} /> : null}
      {stage?.kind === 'working' ? <Text>{t.working}</Text> : null}
      <ErrorBar error={error} lang={lang} t={t} />
      {written ? <DoneBar>{t.summaryWritten + written.join('、')}</DoneBar> : null}
      {summary ? (
        <section aria-label={t.summaryDone} data-testid="summary">
          <h2>{t.summaryDone}</h2>
          <div className={styles.facts}>
            <Text>{t.filesCount}</Text>
            <Text>{summary.files.length}</Text>
            <Text>{t.rowsCount}</Text>
            <Text>{rows}</Text>
            <Text>{t.reconciliation}</Text>
            <span data-testid="reconciliation">
              {/* 一致 only when nothing is missing: unreadable files and unmerged tables have their alerts below. */}
              <Badge color={!summary.reconciliation.balanced ? 'danger' : summary.reconciliation.complete ? 'success' : 'warning'}>
                {!summary.reconciliation.balanced ? t.unbalanced : summary.reconciliation.complete ? t.balanced : t.balancedIncomplete}
              </Badge>{' '}
              {shownKeys.map((k) => `${t.tables[k]} ${summary.reconciliation.totals[k].read}/${summary.reconciliation.totals[k].inSummary}`).join(' · ')}
            </span>
          </div>
          {unreadable.length ? (
            <MessageBar intent="error" role="alert" data-testid="not-merged">
              <MessageBarBody>
                <MessageBarTitle>{t.notMergedTitle.replace('{n}', String(unreadable.length))}</MessageBarTitle>
                {t.notMergedBody}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {summary.reconciliation.notMerged.length ? (
            <MessageBar intent="error" role="alert" data-testid="unmerged-tables">
              <MessageBarBody>
                <MessageBarTitle>{t.unmergedTitle.replace('{n}', String(summary.reconciliation.notMerged.reduce((n, u) => n + u.rows, 0)))}</MessageBarTitle>
                {summary.reconciliation.notMerged.map((u) => (
                  <Text as="p" size={200} key={`${u.fileIndex}|${u.sheet}|${u.headerRow}`}>
                    {t.unmergedLine
                      .replace('{file}', u.file)
                      .replace('{sheet}', u.sheet)
                      .replace('{row}', String(u.headerRow))
                      .replace('{table}', t.tables[u.table])
                      .replace('{rows}', String(u.rows))}
                  </Text>
                ))}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <h2>{t.filesTitle}</h2>
          <ul className={styles.files} data-testid="summary-files">
            {summary.files.map((f) => (
              <li key={f.index} data-status={f.status}>
                <Badge color={STATUS_COLOR[f.status]}>{t.fileStatus[f.status]}</Badge> <Text weight="semibold">{f.file}</Text>
                {f.region ? <Text size={200}>（{f.region}）</Text> : null}
                {f.status === 'unreadable' ? (
                  <Text as="p" size={200}>
                    {f.error?.message ?? ''}
                  </Text>
                ) : (
                  <Text size={200}> {shownKeys.filter((k) => k !== 'jointApplicants' || f.rowsRead[k] > 0).map((k) => `${t.tables[k]} ${f.rowsRead[k]}`).join(' · ')}</Text>
                )}
              </li>
            ))}
          </ul>
          {!host ? (
            <Button disabled={stage !== null} onClick={() => void saveXlsx(built).catch(setError).finally(() => setStage(null))}>
              {t.downloadAgain}
            </Button>
          ) : null}
          <h2>{t.crossIssues}</h2>
          {summary.crossIssues.length ? <IssueList issues={summary.crossIssues} lang={lang} t={t} showFile /> : <Text>{t.noCrossIssues}</Text>}
        </section>
      ) : null}
    </div>
  );
}
