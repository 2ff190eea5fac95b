/** @jest-environment jsdom */
import './jsdom-globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { App } from '../../src/taskpane/App';
import { XLSX_MIME } from '../../src/taskpane/processor';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateResults, checkFiles } from '../../src/taskpane/file-work';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';
import type { Summary } from '../../src/core/aggregate/types';
import type { FileProcessor } from '../../src/taskpane/processor';
import { FAKE_XLSX, FIXTURE_FILES, fakeHost, fixtureFile, inThreadProcessor } from './fakes';

const REPO_SAMPLES = join(__dirname, '..', 'samples', 'submissions');
const ALL = () => Object.values(FIXTURE_FILES).map(fixtureFile);
const CSV_NAMES = ['服务机构.csv', '服务对象.csv', '服务方案.csv', '联合申报单位.csv', '问题清单.csv', '统计.csv'];

async function aggregated(host: ReturnType<typeof fakeHost>['host'] | null) {
  const { processor, calls } = inThreadProcessor();
  const download = jest.fn();
  render(<App host={host} processor={processor} download={download} initialTab="aggregate" />);
  fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: ALL() } });
  const summary = await screen.findByTestId('summary', {}, { timeout: 20_000 });
  return { processor, calls, download, summary };
}

describe('汇总 tab', () => {
  test('outside Excel: aggregates the four regions, downloads 汇总.xlsx, shows the reconciliation and the cross-region warning', async () => {
    const { calls, download, summary } = await aggregated(null);
    await waitFor(() => expect(download).toHaveBeenCalledWith('汇总.xlsx', FAKE_XLSX, XLSX_MIME));
    expect(calls.workbook).toEqual([{ mask: false }]);
    expect(within(summary).getByTestId('reconciliation').textContent).toContain('一致');
    const cross = summary.querySelector('li[data-code="cross.enterprise-in-multiple-regions"]') as HTMLElement;
    expect(cross.textContent).toContain('星汉智能装备股份有限公司');
    expect(cross.textContent).toMatch(/江苏省.*广东省/);
    // Issues of one file are not repeated here: only what shows across submissions.
    expect(summary.querySelector('li[data-code="contact.email-invalid"]')).toBeNull();
  });

  test('in Excel: writes the summary into the workbook, no download', async () => {
    const { host } = fakeHost();
    const { download } = await aggregated(host);
    await screen.findByText(/已写入工作表：说明、服务机构/);
    expect(host.writeSummary).toHaveBeenCalledTimes(1);
    const [summary, options] = host.writeSummary.mock.calls[0] as unknown as [{ files: unknown[] }, { mask: boolean }];
    expect(summary.files).toHaveLength(4);
    expect(options.mask).toBe(false);
    expect(download).not.toHaveBeenCalled();
  });
});

describe('汇总 tab: files that are not merged', () => {
  test('unreadable files are listed with their reasons under an alert; a summary chosen among them is skipped, not unreadable', async () => {
    // A real summary workbook, as a reviewer's download folder holds one beside the submissions.
    const base = aggregateResults(checkFiles([{ name: 'a.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE_FILES.jiangsu)) }]));
    const summaryFile = new File([new Uint8Array(await writeSummaryWorkbook(base))], '汇总.xlsx');
    const { processor } = inThreadProcessor();
    const written: Summary[] = [];
    const spy: FileProcessor = {
      ...processor,
      summaryWorkbook: (s, o) => {
        written.push(s);
        return processor.summaryWorkbook(s, o);
      },
    };
    render(<App host={null} processor={spy} download={jest.fn()} initialTab="aggregate" />);
    const files = [fixtureFile(FIXTURE_FILES.jiangsu), summaryFile, new File([], 'empty.xlsx'), new File(['a,b'], '旧表.csv')];
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files } });
    const summary = await screen.findByTestId('summary', {}, { timeout: 20_000 });
    // (Was "3 个文件无法读取" with the summary among them: a summary is not a submission, as the CLI says.)
    expect(within(summary).getByRole('alert').textContent).toContain('2 个文件无法读取，未汇总');
    // Not a plain 一致 while files are missing from the summary.
    expect(within(summary).getByTestId('reconciliation').textContent).toContain('读取的行一致，但有内容未汇总');
    expect(within(summary).getByTestId('files-count').textContent).toBe('3（另跳过 1 个）');
    const items = within(screen.getByTestId('summary-files')).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-status'))).toEqual([base.files[0].status, 'unreadable', 'unreadable', 'skipped']);
    expect(items[1].textContent).toContain('空');
    expect(items[3].textContent).toContain('汇总.xlsx');
    expect(items[3].textContent).toContain('已跳过：本工具生成的汇总工作簿');
    expect(items[3].textContent).not.toContain('无法读取');
    // Nor is it in the downloaded 汇总.xlsx: not in 说明's files, not an unreadable file in 统计.
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0].files.map((f) => f.file)).toEqual([files[0].name, 'empty.xlsx', '旧表.csv']);
    expect(written[0].reconciliation.unreadable).toBe(2);
    expect(written[0].statistics.filesWithErrors.map((f) => f.file)).not.toContain('汇总.xlsx');
    // Only the one submission's rows are in the summary.
    const rows = base.reconciliation.totals.targets;
    expect(within(summary).getByTestId('reconciliation').textContent).toContain(`服务对象 ${rows.read}/${rows.inSummary}`);
  });

  test('附件3 joint applicants are counted and reconciled when there are any', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="aggregate" />);
    const shenzhen = join(REPO_SAMPLES, '深圳市网络安全保险服务试点工作方案（服务机构版）表格.xlsx');
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(shenzhen), fixtureFile(FIXTURE_FILES.jiangsu)] } });
    const summary = await screen.findByTestId('summary', {}, { timeout: 20_000 });
    const joint = checkFiles([{ name: 's.xlsx', bytes: new Uint8Array(readFileSync(shenzhen)) }])[0].submission?.jointApplicants?.length ?? 0;
    expect(joint).toBeGreaterThan(0);
    expect(within(summary).getByTestId('reconciliation').textContent).toContain(`联合申报单位 ${joint}/${joint}`);
    const items = within(screen.getByTestId('summary-files')).getAllByRole('listitem');
    expect(items[0].textContent).toContain(`联合申报单位 ${joint}`);
    expect(items[1].textContent).not.toContain('联合申报单位'); // 附件2: none
  });

  test('a second table of a kind in a file: its rows are counted under an alert, not hidden behind 一致', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(FIXTURE_FILES.jiangsu) as unknown as ExcelJS.Buffer);
    const first = checkFiles([{ name: 'j.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE_FILES.jiangsu)) }])[0].submission?.tables.targets;
    const source = wb.getWorksheet(first?.sheet ?? '') as ExcelJS.Worksheet;
    // The same 服务对象 table again on its own sheet (a 第二批): header and two data rows.
    const copy = wb.addWorksheet('服务对象（第二批）');
    const header = first?.headerRows?.[0] ?? 1;
    for (const r of [header, ...(first?.rows.slice(0, 2).map((x) => x.row) ?? [])]) copy.addRow((source.getRow(r).values as unknown[]).slice(1));
    const file = new File([new Uint8Array(await wb.xlsx.writeBuffer())], '江苏省-两批.xlsx');
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="aggregate" />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [file] } });
    const summary = await screen.findByTestId('summary', {}, { timeout: 20_000 });
    const alert = within(summary).getByTestId('unmerged-tables');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('另有 2 行在文件的第二张同种表中，未汇总');
    // Each line says why its rows are not merged, in the words of the CLI and 说明 (was "…第 1 行的服务对象表").
    expect(alert.textContent).toContain('江苏省-两批.xlsx：工作表“服务对象（第二批）”第 1 行的第二张同种表（服务对象），2 行');
  });

  test('all readable: no alert, every file listed with its rows', async () => {
    const { summary } = await aggregated(null);
    expect(within(summary).queryByRole('alert')).toBeNull();
    expect(within(summary).getByTestId('reconciliation').textContent).not.toContain('未汇总');
    expect(within(screen.getByTestId('summary-files')).getAllByRole('listitem')).toHaveLength(Object.keys(FIXTURE_FILES).length);
  });
});

describe('choices and results survive switching tabs', () => {
  test('隐去手机和邮箱 ticked on 汇总 is ticked on 导出, and the CSV is masked', async () => {
    const { calls } = await aggregated(null);
    fireEvent.click(screen.getByRole('checkbox', { name: '隐去手机和邮箱（138****8000）' }));
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    expect((screen.getByRole('checkbox', { name: '隐去手机和邮箱（138****8000）' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await screen.findByText(/已导出：/);
    expect(calls.csv).toEqual([{ mask: true, encoding: 'utf8' }]);
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    expect((screen.getByRole('checkbox', { name: '隐去手机和邮箱（138****8000）' }) as HTMLInputElement).checked).toBe(true);
  });

  test('校验 results are still there after a look at another tab', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(FIXTURE_FILES.xiamen)] } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(1), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    expect(within(screen.getByRole('tabpanel')).getAllByTestId('file-result')).toHaveLength(1);
  });
});

describe('导出 tab', () => {
  test('exports the six CSV files (UTF-8 with BOM) of the summary made on 汇总', async () => {
    const { calls, download } = await aggregated(null);
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await screen.findByText(`已导出：${CSV_NAMES.join('、')}`);
    expect(calls.csv).toEqual([{ mask: false, encoding: 'utf8' }]);
    const csvCalls = download.mock.calls.filter(([name]) => String(name).endsWith('.csv'));
    expect(csvCalls.map(([name]) => name)).toEqual(CSV_NAMES);
    const [, bytes, mime] = csvCalls[1] as [string, Uint8Array, string];
    expect(mime).toBe('text/csv;charset=utf-8');
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('星汉智能装备股份有限公司');
  });

  test('mask and GB18030 are passed on, and the bytes are GB18030 with mobiles masked', async () => {
    const { calls, download } = await aggregated(null);
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '隐去手机和邮箱（138****8000）' }));
    fireEvent.click(screen.getByRole('radio', { name: 'GB18030（旧版软件）' }));
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await screen.findByText(/已导出：/);
    expect(calls.csv).toEqual([{ mask: true, encoding: 'gb18030' }]);
    const [, bytes, mime] = download.mock.calls.find(([name]) => name === '服务对象.csv') as [string, Uint8Array, string];
    expect(mime).toBe('text/csv;charset=gb18030');
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    expect(text).toContain('星汉智能装备股份有限公司');
    expect(text).toMatch(/1\d\d\*\*\*\*\d{4}/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  test('on Excel for Mac: each CSV goes to a sheet (rows, not text) and the text is offered to copy', async () => {
    const { host } = fakeHost({ platform: 'Mac', csvDelivery: jest.fn(() => 'sheet' as const) });
    const { download } = await aggregated(host);
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    expect(screen.queryByRole('radio', { name: 'GB18030（旧版软件）' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await screen.findByText(/CSV 已写入工作表/);
    expect(host.writeCsvSheet.mock.calls.map(([name]) => name)).toEqual(CSV_NAMES.map((n) => n.replace('.csv', '')));
    const rows = (host.writeCsvSheet.mock.calls as unknown as [string, string[][]][])[1][1];
    expect(rows[0]).toContain('企业名称');
    expect(rows.some((r) => r.includes('星汉智能装备股份有限公司'))).toBe(true);
    expect(download.mock.calls.filter(([name]) => String(name).endsWith('.csv'))).toEqual([]);
    expect((screen.getByLabelText('CSV 文本：服务对象.csv') as HTMLTextAreaElement).value).toContain('星汉智能装备股份有限公司');
  });

  test('without a summary, offers files to aggregate first; the button waits for them', async () => {
    const { processor } = inThreadProcessor();
    const download = jest.fn();
    render(<App host={null} processor={processor} download={download} initialTab="export" />);
    expect(screen.getByText(/尚无汇总/)).toBeTruthy();
    expect((screen.getByRole('button', { name: '导出 CSV' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(FIXTURE_FILES.beijing)] } });
    await waitFor(() => expect((screen.getByRole('button', { name: '导出 CSV' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(download.mock.calls.map(([n]) => n)).toEqual(CSV_NAMES));
  });
});
