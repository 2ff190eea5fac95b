/**
 * 导出: the summary as CSV (one file per table, 问题清单, 统计), UTF-8 with BOM or GB18030, optionally masked.
 * Downloaded as Blobs where the host allows it; on Excel for Mac, written to a sheet to Save As "CSV UTF-8",
 * with the text in a copyable box. Shows the same status of the summary as 汇总 (files, reconciliation, what
 * is not merged), so CSV missing rows is never exported unannounced.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import type { CsvEncoding } from '../../xlsx/csv-encode';
import { CSV_MIME, type CsvOutput } from '../processor';
import { buildSummary, type Built, type SummaryTabProps } from '../pipeline';
import { DoneBar, ErrorBar, LiveStatus, Progress, useFocusOnResults } from '../feedback';
import { FilePicker } from '../FilePicker';
import { SummaryStatus, summaryAnnouncement } from '../SummaryStatus';
import { parseCsv } from '../csv-rows';

export type ExportTabProps = SummaryTabProps;

/** An export and what it was made from: its note holds only while the summary and the settings are the same. */
interface Exported {
  readonly files: CsvOutput[];
  readonly built: Built;
  readonly mask: boolean;
  readonly encoding: CsvEncoding;
}

export function ExportTab({ host, processor, download, built, onBuilt, mask, onMask, lang, t }: ExportTabProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusOnResults<HTMLHeadingElement>(built);
  const toSheet = host?.csvDelivery() === 'sheet';
  // Changing 隐去手机和邮箱 or the encoding (or making a new summary) makes the last export's note stale.
  const current = exported && exported.built === built && exported.mask === mask && exported.encoding === encoding ? exported : null;

  const exportCsv = async () => {
    if (!built) return;
    setBusy(true);
    setError(null);
    setExported(null);
    try {
      // A sheet holds text, not bytes: Excel's own "CSV UTF-8" Save As does the encoding there.
      const files = await processor.csvFiles(built.summary, { mask, encoding: toSheet ? 'utf8' : encoding });
      for (const f of files) {
        if (toSheet && host) await host.writeCsvSheet(f.name.replace(/\.csv$/, ''), parseCsv(f.text));
        else download(f.name, f.bytes, `${CSV_MIME};charset=${encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`);
      }
      setExported({ files, built, mask, encoding });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (files: File[]) => {
    setError(null);
    setAnnouncement('');
    setProgress({ done: 0, total: files.length });
    focus.expect();
    try {
      const b = await buildSummary(processor, files, (done, total) => setProgress({ done, total }));
      onBuilt(b);
      setAnnouncement(summaryAnnouncement(b, t));
    } catch (e) {
      focus.cancel();
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  const nothing = !built || !built.summary.files.length;
  return (
    <div className="pt-tab">
      <Text as="p">{t.exportIntro}</Text>
      {!built ? (
        <>
          <Text as="p">{t.exportNeedsSummary}</Text>
          <FilePicker t={t} name="export-files" disabled={progress !== null} onFiles={(f) => void onFiles(f)} />
          {progress ? <Progress label={t.reading} {...progress} /> : null}
        </>
      ) : null}
      <LiveStatus text={announcement} testId="export-live" />
      {built ? (
        <section aria-label={t.exportSummaryTitle} data-testid="export-summary">
          <SummaryStatus built={built} lang={lang} t={t} heading={t.exportSummaryTitle} headingRef={focus.ref} />
        </section>
      ) : null}
      <Checkbox label={t.maskLabel} checked={mask} onChange={(_, d) => onMask(Boolean(d.checked))} />
      {!toSheet ? (
        <Field label={t.encodingLabel}>
          <RadioGroup value={encoding} onChange={(_, d) => setEncoding(d.value as CsvEncoding)}>
            <Radio value="utf8" label={t.encodingUtf8} />
            <Radio value="gb18030" label={t.encodingGb18030} />
          </RadioGroup>
        </Field>
      ) : null}
      <div>
        {/* Focusable while busy (aria-disabled), so keyboard focus stays on the button during the export. */}
        <Button appearance="primary" disabled={nothing} disabledFocusable={!nothing && busy} onClick={() => void exportCsv()}>
          {busy ? t.working : t.exportCsv}
        </Button>
      </div>
      <ErrorBar error={error} lang={lang} t={t} />
      {current ? (
        <DoneBar>
          {t.exported + current.files.map((f) => f.name).join('、')}
          {current.built.summary.reconciliation.complete ? null : <Text as="p" block>{t.exportedIncomplete}</Text>}
        </DoneBar>
      ) : null}
      {current && toSheet ? (
        <>
          <Text as="p">{t.csvSheetNote}</Text>
          {current.files.map((f) => (
            <Field key={f.name} label={`${t.csvText}：${f.name}`}>
              <Textarea readOnly value={f.text} resize="vertical" />
            </Field>
          ))}
        </>
      ) : null}
    </div>
  );
}
