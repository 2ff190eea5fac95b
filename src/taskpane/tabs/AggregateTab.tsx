/**
 * 汇总: regional files → worker (read, check, aggregate) → in Excel, new sheets of this workbook (chunked writes
 * with progress); outside Excel, 汇总.xlsx downloaded. Shows the reconciliation and the cross-region findings.
 */
import { useState } from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { XLSX_MIME } from '../processor';
import { buildSummary, type Built, type SummaryTabProps } from '../pipeline';
import { DoneBar, ErrorBar, LiveStatus, Progress, useFocusOnResults } from '../feedback';
import { FilePicker } from '../FilePicker';
import { IssueList } from '../IssueList';
import { SummaryStatus, summaryAnnouncement } from '../SummaryStatus';

export const SUMMARY_FILE_NAME = '汇总.xlsx';

export type AggregateTabProps = SummaryTabProps;

type Stage = { kind: 'reading'; done: number; total: number } | { kind: 'writing'; done: number; total: number } | { kind: 'working' };

export function AggregateTab({ host, processor, download, built, onBuilt, mask, onMask, lang, t }: AggregateTabProps) {
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [written, setWritten] = useState<readonly string[] | null>(null);
  // The summary 汇总.xlsx was downloaded for here: one built on 导出 was never downloaded, so it is offered, not "again".
  const [downloaded, setDownloaded] = useState<Built | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusOnResults<HTMLHeadingElement>(built);

  const saveXlsx = async (b: Built) => {
    setStage({ kind: 'working' });
    download(SUMMARY_FILE_NAME, await processor.summaryWorkbook(b.summary, { mask }), XLSX_MIME);
    setDownloaded(b);
  };

  const onFiles = async (files: File[]) => {
    setError(null);
    setWritten(null);
    setAnnouncement('');
    setStage({ kind: 'reading', done: 0, total: files.length });
    focus.expect();
    try {
      const b = await buildSummary(processor, files, (done, total) => setStage({ kind: 'reading', done, total }));
      onBuilt(b);
      setAnnouncement(summaryAnnouncement(b, t));
      // Nothing but skipped files: no empty summary is written or downloaded.
      if (!b.summary.files.length) return;
      if (host) {
        setStage({ kind: 'writing', done: 0, total: 1 });
        const r = await host.writeSummary(b.summary, { mask, onProgress: (done, total) => setStage({ kind: 'writing', done, total }) });
        setWritten(r.sheets);
      } else {
        await saveXlsx(b);
      }
    } catch (e) {
      focus.cancel();
      setError(e);
    } finally {
      setStage(null);
    }
  };

  const summary = built?.summary;
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
      <LiveStatus text={announcement} testId="aggregate-live" />
      {built && summary ? (
        <section aria-label={t.summaryDone} data-testid="summary">
          <SummaryStatus built={built} lang={lang} t={t} heading={t.summaryDone} headingRef={focus.ref} />
          {!host && summary.files.length ? (
            <div>
              <Button disabled={stage !== null} onClick={() => void saveXlsx(built).catch(setError).finally(() => setStage(null))}>
                {downloaded === built ? t.downloadAgain : t.downloadXlsx}
              </Button>
            </div>
          ) : null}
          <h2>{t.crossIssues}</h2>
          {summary.crossIssues.length ? <IssueList issues={summary.crossIssues} lang={lang} t={t} showFile /> : <Text>{t.noCrossIssues}</Text>}
        </section>
      ) : null}
    </div>
  );
}
