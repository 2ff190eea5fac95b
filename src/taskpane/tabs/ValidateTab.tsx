/**
 * 校验. In Excel: check the workbook (the button always re-checks: onChanged is known not to fire for some
 * dropdown picks on the web), optional live validation, marks, select a cell, apply certain fixes.
 * Outside Excel: check .xlsx files in the worker and list each file's findings.
 */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Checkbox, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core/issues';
import { TABLE_KEYS } from '../../core/notice/tables';
import type { FileResult } from '../../xlsx/check';
import type { Host, WorkbookCheck } from '../host';
import type { FileProcessor } from '../processor';
import { errorText, fill, type Lang, type Strings } from '../i18n';
import { DoneBar, ErrorBar, LiveStatus, Progress, useFocusOnResults } from '../feedback';
import { FilePicker } from '../FilePicker';
import { IssueList } from '../IssueList';
import { STATUS_COLOR, resultStatus, severityCounts, type ShownStatus } from '../file-status';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  file: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

interface TabProps {
  readonly host: Host | null;
  readonly processor: FileProcessor;
  readonly lang: Lang;
  readonly t: Strings;
}

export function ValidateTab(props: TabProps) {
  return props.host ? <WorkbookValidation {...props} host={props.host} /> : <FileValidation {...props} />;
}

function WorkbookValidation({ host, lang, t }: TabProps & { host: Host }) {
  const styles = useStyles();
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [mark, setMark] = useState(true);
  const [live, setLive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const stopLive = useRef<(() => void) | null>(null);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await what();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const validate = () => run(async () => setCheck(await host.checkWorkbook({ mark })));
  const apply = (issues: readonly Issue[]) =>
    run(async () => {
      const n = await host.applyFixes(issues.filter((i) => i.fix?.certain));
      setNote(t.fixesApplied + n);
      setCheck(await host.checkWorkbook({ mark }));
    });

  // Live validation: subscribe while the switch is on; always unsubscribe when the pane goes away.
  useEffect(() => {
    if (!live) return undefined;
    let cancelled = false;
    host
      .watchChanges(
        (c) => setCheck(c),
        (e) => setError(e),
        { mark },
      )
      .then((stop) => {
        if (cancelled) stop();
        else stopLive.current = stop;
      })
      .catch((e: unknown) => {
        setError(e);
        setLive(false);
      });
    return () => {
      cancelled = true;
      stopLive.current?.();
      stopLive.current = null;
    };
    // Re-subscribing when `mark` changes keeps live checks marking (or not) as the checkbox says.
  }, [live, host, mark]);

  const issues = check?.issues ?? [];
  const certain = issues.filter((i) => i.fix?.certain);
  return (
    <div className="pt-tab">
      <Text as="p">{t.validateIntro}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void validate()}>
          {busy ? t.validating : t.validate}
        </Button>
        <Button disabled={busy} onClick={() => void run(async () => setNote(t.marksCleared + (await host.clearMarks())))}>
          {t.clearMarks}
        </Button>
      </div>
      <Checkbox label={t.markCells} checked={mark} onChange={(_, d) => setMark(Boolean(d.checked))} />
      <Switch label={t.liveValidation} checked={live} onChange={(_, d) => setLive(d.checked)} />
      <ErrorBar error={error} lang={lang} t={t} />
      {note ? <DoneBar>{note}</DoneBar> : null}
      {check ? (
        <>
          <Text as="p" size={200}>
            {t.tablesFound}
            {check.tables.map((x) => `${x.sheet}（${t.tables[x.table]}，${x.rows} ${t.rowsUnit}）`).join('；') || '—'}
          </Text>
          <div className={styles.row}>
            <Button disabled={busy || !certain.length} onClick={() => void apply(certain)}>
              {t.applyAll} ({certain.length})
            </Button>
            <Text size={200}>{t.applyAllHint}</Text>
          </div>
          <h2>{t.issuesTitle}</h2>
          <IssueList
            issues={issues}
            lang={lang}
            t={t}
            busy={busy}
            onSelect={(i) => {
              if (i.sheet && i.cell) host.selectIssueCell(i.sheet, i.cell).catch(setError);
            }}
            onApply={(i) => void apply([i])}
          />
        </>
      ) : null}
    </div>
  );
}

/** The tables found in a file with their rows, as the CLI and in-Excel 校验 list them. */
function tablesFound(r: FileResult, t: Strings): string {
  const s = r.submission;
  if (!s) return '';
  const found = TABLE_KEYS.flatMap((k) => {
    const x = s.tables[k];
    return x ? [`${x.sheet ?? ''}（${t.tables[k]}，${x.rows.length} ${t.rowsUnit}）`] : [];
  });
  const joint = s.jointApplicants;
  if (joint?.length) found.push(`${joint[0].sheet}（${t.tables.jointApplicants}，${joint.length} ${t.rowsUnit}）`);
  return found.join('；') || '—';
}

/** Counts beside the badge: errors and warnings fail a file as on 汇总; notes alone leave it passed. */
function countsText(r: FileResult, t: Strings): string {
  const c = severityCounts(r.issues);
  return [c.error ? fill(t.countError, { n: c.error }) : '', c.warning ? fill(t.countWarning, { n: c.warning }) : '', c.info ? fill(t.countInfo, { n: c.info }) : '']
    .filter(Boolean)
    .join(' · ');
}

const STATUS_ORDER: readonly ShownStatus[] = ['ok', 'warnings', 'errors', 'unreadable', 'skipped'];

function validateAnnouncement(results: readonly FileResult[], t: Strings): string {
  const statuses = results.map(resultStatus);
  const parts = STATUS_ORDER.flatMap((st) => {
    const n = statuses.filter((x) => x === st).length;
    return n ? [`${t.fileStatus[st]} ${n}`] : [];
  });
  return [fill(t.validateAnnounce, { n: results.length }), ...parts].join(' · ');
}

function FileValidation({ processor, lang, t }: TabProps) {
  const styles = useStyles();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<FileResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusOnResults<HTMLHeadingElement>(results);

  const onFiles = async (files: File[]) => {
    setError(null);
    setResults(null);
    setAnnouncement('');
    setProgress({ done: 0, total: files.length });
    focus.expect();
    try {
      const r = await processor.check(files, (done, total) => setProgress({ done, total }));
      setResults(r);
      setAnnouncement(validateAnnouncement(r, t));
    } catch (e) {
      focus.cancel();
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="pt-tab">
      <Text as="p">{t.filesIntro}</Text>
      <FilePicker t={t} name="validate-files" disabled={progress !== null} onFiles={(f) => void onFiles(f)} />
      {progress ? <Progress label={t.reading} {...progress} /> : null}
      <ErrorBar error={error} lang={lang} t={t} />
      <LiveStatus text={announcement} testId="validate-live" />
      {results ? (
        <h2 tabIndex={-1} ref={focus.ref}>
          {t.validateResults}
        </h2>
      ) : null}
      {results?.map((r, n) => {
        const status = resultStatus(r);
        const counts = status === 'unreadable' || status === 'skipped' ? '' : countsText(r, t);
        return (
          <section key={`${r.file}|${n}`} className={styles.file} aria-label={r.file} data-testid="file-result" data-status={status}>
            <h3>
              <Text weight="semibold">{r.file}</Text> <Badge color={STATUS_COLOR[status]}>{t.fileStatus[status]}</Badge>
              {counts ? (
                <Text size={200} weight="regular" data-testid="file-counts">
                  {' '}
                  {counts}
                </Text>
              ) : null}
            </h3>
            {r.error ? (
              <Text as="p" block>{errorText(r.error, lang)}</Text>
            ) : (
              <>
                <Text as="p" block size={200} data-testid="tables-found">
                  {t.tablesFound}
                  {tablesFound(r, t)}
                </Text>
                <IssueList issues={r.issues} lang={lang} t={t} />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
