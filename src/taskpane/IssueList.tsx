/**
 * Issues grouped by table, then by severity (errors first), each with its cell, the Chinese message (and the
 * English one when the pane is in English) and the fix. Clicking the cell selects it in Excel when a handler is
 * given; certain fixes get an 应用修复 button, suggestions are shown only.
 */
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../core/issues';
import { SEVERITIES } from '../core/issues';
import type { Lang, Strings } from './i18n';

// Every Issue['table'] value: an issue whose table is missing here would not be shown at all.
const TABLE_ORDER: readonly Issue['table'][] = ['agencies', 'targets', 'schemes', 'form', 'jointApplicants', 'workbook', 'summary'];

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke2 },
  en: { color: tokens.colorNeutralForeground3 },
  fix: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface IssueListProps {
  readonly issues: readonly Issue[];
  readonly lang: Lang;
  readonly t: Strings;
  /** Show which file each issue is in (aggregation). */
  readonly showFile?: boolean;
  readonly onSelect?: (issue: Issue) => void;
  readonly onApply?: (issue: Issue) => void;
  /** Disables the fix buttons while a write is running. */
  readonly busy?: boolean;
}

export function cellLabel(issue: Issue): string {
  const at = issue.cell ? (issue.sheet ? `${issue.sheet}!${issue.cell}` : issue.cell) : issue.sheet ?? '';
  return at;
}

export function IssueList({ issues, lang, t, showFile, onSelect, onApply, busy }: IssueListProps) {
  const styles = useStyles();
  if (!issues.length) return <Text>{t.noIssues}</Text>;
  const tables = TABLE_ORDER.filter((table) => issues.some((i) => i.table === table));
  return (
    <div>
      {tables.map((table) => (
        <section key={table} aria-label={t.tables[table]} className={styles.group}>
          {SEVERITIES.map((severity) => {
            const group = issues.filter((i) => i.table === table && i.severity === severity);
            if (!group.length) return null;
            return (
              <div key={severity} data-testid={`issues-${table}-${severity}`}>
                <h3 className={styles.heading}>
                  <Text weight="semibold">{t.tables[table]}</Text>
                  <Badge appearance="filled" color={SEVERITY_COLOR[severity]}>
                    {t.severity[severity]} {group.length}
                  </Badge>
                </h3>
                <ul className={styles.list}>
                  {group.map((issue, n) => (
                    <IssueItem key={`${issue.file ?? ''}|${issue.cell ?? ''}|${issue.code}|${n}`} {...{ issue, lang, t, showFile, onSelect, onApply, busy }} className={`${styles.item} ${styles[severity]}`} styles={styles} />
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

function IssueItem({
  issue,
  lang,
  t,
  showFile,
  onSelect,
  onApply,
  busy,
  className,
  styles,
}: Omit<IssueListProps, 'issues'> & { issue: Issue; className: string; styles: ReturnType<typeof useStyles> }) {
  const where = cellLabel(issue);
  const canSelect = Boolean(onSelect && issue.sheet && issue.cell);
  return (
    <li className={className} data-code={issue.code} data-cell={issue.cell ?? ''}>
      <Text size={200}>
        {showFile && issue.file ? `《${issue.file}》 ` : ''}
        {canSelect ? (
          <Link as="button" onClick={() => onSelect?.(issue)} aria-label={`${t.goToCell} ${where}`}>
            {where}
          </Link>
        ) : (
          where
        )}
        {where ? ' · ' : ''}
        <code>{issue.code}</code>
      </Text>
      <Text>{issue.message}</Text>
      {lang === 'en' ? <Text className={styles.en} lang="en">{issue.messageEn}</Text> : null}
      {issue.fix ? (
        <span className={styles.fix}>
          <Text size={200}>
            {issue.fix.certain ? t.fixLabel : t.suggestionLabel}
            <q>{issue.fix.value}</q>
          </Text>
          {issue.fix.certain && onApply ? (
            <Button size="small" disabled={busy} onClick={() => onApply(issue)} aria-label={`${t.applyFix} ${where}`}>
              {t.applyFix}
            </Button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
