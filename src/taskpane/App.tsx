/**
 * The task pane: Fluent UI v9 following Office's theme, Chinese first with an English switch, four tabs.
 * Everything outside React (Excel, the worker, downloads) comes in through props, so tests inject fakes.
 */
import { useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Host } from './host';
import { STRINGS, type Lang } from './i18n';
import { browserDownload, type Download, type FileProcessor } from './processor';
import type { Built } from './pipeline';
import { FillTab } from './tabs/FillTab';
import { ValidateTab } from './tabs/ValidateTab';
import { AggregateTab } from './tabs/AggregateTab';
import { ExportTab } from './tabs/ExportTab';

export type TabId = 'fill' | 'validate' | 'aggregate' | 'export';
export const TAB_IDS: readonly TabId[] = ['fill', 'validate', 'aggregate', 'export'];

/** The manifest's buttons open the pane with ?tab=validate|aggregate|export. */
export function tabFromQuery(search: string, fallback: TabId): TabId {
  const tab = new URLSearchParams(search).get('tab');
  return (TAB_IDS as readonly string[]).includes(tab ?? '') ? (tab as TabId) : fallback;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  panel: {
    paddingTop: tokens.spacingVerticalM,
    '& .pt-tab': { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
    '& h2': { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
    '& h3': { fontSize: tokens.fontSizeBase300 },
  },
});

export interface AppProps {
  /** Excel, or null when the pane is open outside Excel (browser, WPS users, office.js not loaded). */
  readonly host: Host | null;
  readonly processor: FileProcessor;
  readonly download?: Download;
  readonly initialTab?: TabId;
  readonly initialLang?: Lang;
  readonly dark?: boolean;
}

export function App({ host, processor, download = browserDownload, initialTab, initialLang = 'zh', dark = false }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>(initialTab ?? (host ? 'fill' : 'validate'));
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const open = (id: TabId) => {
    setTab(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };
  // The last aggregation, shared by 汇总 (which makes it) and 导出 (which writes it as CSV).
  const [built, setBuilt] = useState<Built | null>(null);
  const [mask, setMask] = useState(false);
  const t = STRINGS[lang];
  const summaryProps = { host, processor, download, built, onBuilt: setBuilt, mask, onMask: setMask, lang, t };
  const labels: Record<TabId, string> = { fill: t.tabFill, validate: t.tabValidate, aggregate: t.tabAggregate, export: t.tabExport };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <Text size={200}>{t.appSubtitle}</Text>
          </div>
          <Switch label={t.english} checked={lang === 'en'} onChange={(_, d) => setLang(d.checked ? 'en' : 'zh')} />
        </header>
        {host ? (
          <Text size={200} role="status">
            {t.connectedTo}
          </Text>
        ) : (
          <MessageBar intent="warning" role="status" data-testid="not-connected">
            <MessageBarBody>
              <MessageBarTitle>{t.notConnectedTitle}</MessageBarTitle>
              {t.notConnectedBody}
            </MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => open(d.value as TabId)} aria-label={t.tabsLabel}>
          {TAB_IDS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={visited.has(id) ? `panel-${id}` : undefined}>
              {labels[id]}
            </Tab>
          ))}
        </TabList>
        {/* A panel is mounted when first opened and then kept (hidden when not chosen): results and choices survive a
            look at another tab. */}
        {TAB_IDS.filter((id) => visited.has(id)).map((id) => (
          <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} className={styles.panel} hidden={tab !== id}>
            {id === 'fill' ? <FillTab host={host} lang={lang} t={t} /> : null}
            {id === 'validate' ? <ValidateTab host={host} processor={processor} lang={lang} t={t} /> : null}
            {id === 'aggregate' ? <AggregateTab {...summaryProps} /> : null}
            {id === 'export' ? <ExportTab {...summaryProps} /> : null}
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
