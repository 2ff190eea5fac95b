/** @jest-environment jsdom */
import './jsdom-globals';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { OfficeFeatureError } from '../../src/office/requirements';
import { FIXTURE_FILES, SAMPLE_CHECK, SAMPLE_ISSUES, fakeHost, fixtureFile, inThreadProcessor } from './fakes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateResults, checkFiles } from '../../src/taskpane/file-work';
import { TABLE_KEYS } from '../../src/core/notice/tables';
import { STATUS_COLOR } from '../../src/taskpane/file-status';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';

const SAMPLES = join(__dirname, '..', 'samples', 'submissions');
const sample = (name: string) => join(SAMPLES, name);
const ZHEJIANG = sample('浙江省网络安全保险服务试点工作方案-附件2表格.xlsx'); // 提示 only
const SICHUAN = sample('四川省附件2表格（修改版）.xlsx'); // a warning
const SHANDONG = sample('山东省网络安全保险服务试点工作方案-附件2表格.xlsx'); // errors and 提示
const SHENZHEN = sample('深圳市网络安全保险服务试点工作方案（服务机构版）表格.xlsx'); // 附件3, joint applicants
const checked = (path: string) => checkFiles([{ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) }])[0];

const processor = () => inThreadProcessor().processor;

async function validated() {
  const fake = fakeHost();
  render(<App host={fake.host} processor={processor()} initialTab="validate" />);
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByText('问题清单');
  return fake;
}

describe('校验 tab in Excel', () => {
  test('校验 checks the workbook (with marks) and lists issues grouped by table and severity', async () => {
    const { host } = await validated();
    expect(host.checkWorkbook).toHaveBeenCalledWith({ mark: true });
    const groups = screen.getAllByTestId(/^issues-/).map((g) => g.getAttribute('data-testid'));
    expect(groups).toEqual(['issues-agencies-error', 'issues-targets-error', 'issues-targets-warning', 'issues-schemes-warning']);
    const targetsErrors = screen.getByTestId('issues-targets-error');
    expect(within(targetsErrors).getByText('错误 2')).toBeTruthy();
    expect(targetsErrors.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByText(/表1 服务机构（服务机构，5 行）/)).toBeTruthy();
    // Chinese message, the fix, no English until switched.
    const email = targetsErrors.querySelector('li[data-code="contact.email-invalid"]') as HTMLElement;
    expect(email.textContent).toContain('中文说明 contact.email-invalid');
    expect(email.textContent).toContain('修复：');
    expect(email.textContent).toContain('xiongwei@126.com/18214225453');
    expect(email.textContent).not.toContain('English note');
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect((screen.getByTestId('issues-targets-error').querySelector('li[data-code="contact.email-invalid"]') as HTMLElement).textContent).toContain('English note contact.email-invalid');
  });

  test('the button always re-checks (live validation may miss dropdown picks on the web)', async () => {
    const { host } = await validated();
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    await waitFor(() => expect(host.checkWorkbook).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByRole('checkbox', { name: '在单元格上标记问题' }));
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    await waitFor(() => expect(host.checkWorkbook).toHaveBeenLastCalledWith({ mark: false }));
  });

  test('clicking an issue\'s cell selects it in Excel, with its sheet', async () => {
    const { host } = await validated();
    fireEvent.click(screen.getByRole('button', { name: '定位到单元格 表1 服务机构!C6' }));
    expect(host.selectIssueCell).toHaveBeenCalledWith('表1 服务机构', 'C6');
    fireEvent.click(screen.getByRole('button', { name: '定位到单元格 表2 服务对象!E11' }));
    expect(host.selectIssueCell).toHaveBeenLastCalledWith('表2 服务对象', 'E11');
  });

  test('全部应用 sends only the certain fixes, then re-checks', async () => {
    const { host } = await validated();
    const certain = SAMPLE_ISSUES.filter((i) => i.fix?.certain);
    expect(certain).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '全部应用 (2)' }));
    await screen.findByText('已应用修复：2');
    expect(host.applyFixes).toHaveBeenCalledWith(certain);
    expect(host.checkWorkbook).toHaveBeenCalledTimes(2);
  });

  test('应用修复 per issue sends that issue; suggestions have no button', async () => {
    const { host } = await validated();
    fireEvent.click(screen.getByRole('button', { name: '应用修复 表1 服务机构!C6' }));
    await screen.findByText('已应用修复：1');
    expect(host.applyFixes).toHaveBeenCalledWith([SAMPLE_ISSUES[1]]);
    const suggestion = document.querySelector('li[data-code="email.typo"]') as HTMLElement;
    expect(suggestion.textContent).toContain('建议：');
    expect(within(suggestion).queryByRole('button', { name: /应用修复/ })).toBeNull();
  });

  test('live validation subscribes, shows each result, and unsubscribes when switched off', async () => {
    const { host, live } = fakeHost();
    render(<App host={host} processor={processor()} initialTab="validate" />);
    fireEvent.click(screen.getByRole('switch', { name: '实时校验（编辑后自动重新检查）' }));
    await waitFor(() => expect(host.watchChanges).toHaveBeenCalledTimes(1));
    expect(host.watchChanges.mock.calls[0][2]).toEqual({ mark: true });
    act(() => live.onResult?.({ ...SAMPLE_CHECK, issues: [SAMPLE_ISSUES[3]] }));
    expect(await screen.findByTestId('issues-schemes-warning')).toBeTruthy();
    expect(screen.queryByTestId('issues-targets-error')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: '实时校验（编辑后自动重新检查）' }));
    await waitFor(() => expect(live.stopped).toBe(1));
  });

  test('清除标记 reports how many cells were unmarked; an old Excel gets the requirement message', async () => {
    const err = new OfficeFeatureError('requirements.excel-too-old', '当前 Excel 版本过旧，「校验」需要 ExcelApi 1.9', 'This Excel is too old');
    const { host } = fakeHost({ checkWorkbook: jest.fn(async () => Promise.reject(err)) });
    render(<App host={host} processor={processor()} initialTab="validate" />);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByText('已清除标记的单元格数：5');
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    expect((await screen.findByRole('alert')).textContent).toContain('当前 Excel 版本过旧');
  });
});

describe('校验 tab outside Excel (files)', () => {
  test('validates uploaded workbooks with their real findings per file', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    const files = [fixtureFile(FIXTURE_FILES.guangdong), fixtureFile(FIXTURE_FILES.beijing), new File([new Uint8Array([1, 2, 3])], '坏文件.xlsx')];
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(3), { timeout: 20_000 });
    expect(calls.check).toEqual([[files[0].name, files[1].name, '坏文件.xlsx']]);
    const gd = screen.getByRole('region', { name: files[0].name });
    expect(gd.querySelector('li[data-code="contact.email-invalid"][data-cell="E11"]')).not.toBeNull();
    const bj = screen.getByRole('region', { name: files[1].name });
    const c6 = bj.querySelector('li[data-code="category.not-in-vocabulary"][data-cell="C6"]') as HTMLElement;
    expect(c6.textContent).toContain('保险中介机构');
    // Files cannot be written to: no fix buttons, no cell links.
    expect(within(bj).queryByRole('button', { name: /应用修复|定位/ })).toBeNull();
    expect(within(screen.getByRole('region', { name: '坏文件.xlsx' })).getByText('无法读取')).toBeTruthy();
  });

  test('drag-and-drop takes spreadsheets of any type (a .csv gets its clear error), not notes', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    const xlsx = fixtureFile(FIXTURE_FILES.xiamen);
    const files = [xlsx, new File(['a,b'], 'notes.csv'), new File(['说明'], 'README.md'), new File(['{}'], 'expected.json')];
    fireEvent.drop(screen.getByTestId('drop-validate-files'), { dataTransfer: { files } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(2), { timeout: 20_000 });
    expect(calls.check).toEqual([[xlsx.name, 'notes.csv']]);
    expect(document.querySelector('li[data-code="required.missing"][data-cell="D10"]')).not.toBeNull();
    expect(within(screen.getByRole('region', { name: 'notes.csv' })).getByText('无法读取')).toBeTruthy();
  });
});

describe('校验 files: status, tables, focus', () => {
  test('the badge follows the file status rules of 汇总: 提示 alone passes (N 条提示), warnings yellow, errors red', async () => {
    const paths = [ZHEJIANG, SICHUAN, SHANDONG];
    const counts = paths.map((p) => checked(p).issues.map((i) => i.severity));
    // The samples are what the test needs: notes only; a warning; errors with notes.
    expect(new Set(counts[0])).toEqual(new Set(['info']));
    expect(counts[1]).toContain('warning');
    expect(counts[1]).not.toContain('error');
    expect(counts[2]).toEqual(expect.arrayContaining(['error', 'info']));
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: paths.map(fixtureFile) } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(3), { timeout: 20_000 });
    const sections = screen.getAllByTestId('file-result');
    expect(sections.map((x) => x.getAttribute('data-status'))).toEqual(['ok', 'warnings', 'errors']);
    // The same verdict 汇总 gives each file.
    const summary = aggregateResults(paths.map(checked));
    expect(summary.files.map((f) => f.status)).toEqual(['ok', 'warnings', 'errors']);
    expect([STATUS_COLOR.ok, STATUS_COLOR.warnings, STATUS_COLOR.errors]).toEqual(['success', 'warning', 'danger']);
    const heading = (n: number) => sections[n].querySelector('h3') as HTMLElement;
    expect(heading(0).textContent).toContain('通过');
    expect(within(sections[0]).getByTestId('file-counts').textContent?.trim()).toBe(`${counts[0].length} 条提示`);
    expect(heading(0).textContent).not.toContain('个问题');
    expect(heading(1).textContent).toContain('有警告');
    const c2 = (sev: string) => counts[2].filter((x) => x === sev).length;
    expect(heading(2).textContent).toContain('有错误');
    expect(within(sections[2]).getByTestId('file-counts').textContent?.trim()).toBe(`${c2('error')} 个错误 · ${c2('info')} 条提示`);
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(within(sections[0]).getByTestId('file-counts').textContent?.trim()).toBe(`${counts[0].length} note(s)`);
    expect(heading(0).textContent).toContain('passed');
  });

  test('each file lists the tables found with their rows, joint applicants included', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(SHENZHEN), fixtureFile(FIXTURE_FILES.jiangsu)] } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(2), { timeout: 20_000 });
    const [sz, js] = screen.getAllByTestId('tables-found').map((x) => x.textContent);
    const expected = (path: string, label: Record<string, string>) => {
      const s = checked(path).submission!;
      const parts = TABLE_KEYS.flatMap((k) => (s.tables[k] ? [`${s.tables[k]!.sheet}（${label[k]}，${s.tables[k]!.rows.length} 行）`] : []));
      if (s.jointApplicants?.length) parts.push(`${s.jointApplicants[0].sheet}（联合申报单位，${s.jointApplicants.length} 行）`);
      return `找到的表格：${parts.join('；')}`;
    };
    const label = { agencies: '服务机构', targets: '服务对象', schemes: '服务方案' };
    expect(sz).toBe(expected(SHENZHEN, label));
    expect(sz).toContain('联合申报单位，3 行');
    expect(sz).not.toContain('服务机构，');
    expect(js).toBe(expected(FIXTURE_FILES.jiangsu, label));
    expect(js).toMatch(/服务机构，\d+ 行.*服务对象，\d+ 行.*服务方案，\d+ 行/);
  });

  test('focus moves to the results heading when they arrive, and the outcome is announced politely', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    const live = screen.getByTestId('validate-live');
    expect(live.getAttribute('aria-live')).toBe('polite');
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(ZHEJIANG), new File([], 'empty.xlsx')] } });
    const heading = await screen.findByRole('heading', { name: '校验结果' }, { timeout: 20_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(live.textContent).toBe('校验完成：2 个文件 · 通过 1 · 无法读取 1');
  });

  test('a summary made by this tool is listed as skipped, not unreadable', async () => {
    const summary = aggregateResults([checked(FIXTURE_FILES.jiangsu)]);
    const summaryFile = new File([new Uint8Array(await writeSummaryWorkbook(summary))], '汇总.xlsx');
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [summaryFile] } });
    const section = await screen.findByRole('region', { name: '汇总.xlsx' }, { timeout: 20_000 });
    expect(section.getAttribute('data-status')).toBe('skipped');
    expect(section.textContent).toContain('已跳过');
    expect(section.textContent).not.toContain('无法读取');
    expect(section.textContent).toContain('本工具生成的汇总工作簿');
  });
});
