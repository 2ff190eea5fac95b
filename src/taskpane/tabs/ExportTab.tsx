/**
 * 导出: the summary as CSV (one file per table, 问题清单, 统计), UTF-8 with BOM or GB18030, optionally masked.
 * Downloaded as Blobs where the host allows it; on Excel for Mac, written to a sheet to Save As "CSV UTF-8",
 * with the text in a copyable box.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import type { CsvEncoding } from '../../xlsx/csv-encode';
import { CSV_MIME, type CsvOutput } from '../processor';
import { buildSummary, type SummaryTabProps } from '../pipeline';
import { DoneBar, ErrorBar, Progress } from '../feedback';
import { FilePicker } from '../FilePicker';
import { parseCsv } from '../csv-rows';

export type ExportTabProps = SummaryTabProps;

export function ExportTab({ host, processor, download, built, onBuilt, mask, onMask, lang, t }: ExportTabProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exported, setExported] = useState<CsvOutput[] | null>(null);
  const toSheet = host?.csvDelivery() === 'sheet';

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
      setExported(files);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (files: File[]) => {
    setError(null);
    setProgress({ done: 0, total: files.length });
    try {
      onBuilt(await buildSummary(processor, files, (done, total) => setProgress({ done, total })));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

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
        <Button appearance="primary" disabled={!built || busy} onClick={() => void exportCsv()}>
          {busy ? t.working : t.exportCsv}
        </Button>
      </div>
      <ErrorBar error={error} lang={lang} t={t} />
      {exported ? <DoneBar>{t.exported + exported.map((f) => f.name).join('、')}</DoneBar> : null}
      {exported && toSheet ? (
        <>
          <Text as="p">{t.csvSheetNote}</Text>
          {exported.map((f) => (
            <Field key={f.name} label={`${t.csvText}：${f.name}`}>
              <Textarea readOnly value={f.text} resize="vertical" />
            </Field>
          ))}
        </>
      ) : null}
    </div>
  );
}
