/**
 * Start-up. In Excel, office.js calls Office.onReady with host Excel and the pane drives the workbook. Anywhere
 * else (a browser, WPS users, office.js blocked or not loaded) the pane opens in "not connected" mode and works
 * from files only.
 */
import { createRoot } from 'react-dom/client';
import { App, tabFromQuery } from './App';
import type { Host } from './host';
import { createWorkerProcessor } from './worker-client';

/** office.js outside Office may never call back; do not keep the user waiting on it. */
const OFFICE_READY_TIMEOUT_MS = 4000;

function officeThemeIsDark(): boolean {
  try {
    const bg = Office.context.officeTheme?.bodyBackgroundColor;
    const m = bg && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg);
    if (m) {
      const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
    }
  } catch {
    // officeTheme is not in every host; fall through to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

async function connect(): Promise<{ host: Host | null; dark: boolean }> {
  const fallback = () => ({ host: null, dark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false });
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return fallback();
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
  if (!info || info.host !== Office.HostType.Excel) return fallback();
  // Only in Excel: the Office.js layer is a chunk of its own, not part of the browser's first load.
  const { createOfficeHost } = await import(/* webpackChunkName: "office-host" */ './office-host');
  return { host: createOfficeHost(), dark: officeThemeIsDark() };
}

void connect().then(({ host, dark }) => {
  createRoot(document.getElementById('root')!).render(
    <App host={host} processor={createWorkerProcessor()} initialTab={tabFromQuery(location.search, host ? 'fill' : 'validate')} dark={dark} />,
  );
});
