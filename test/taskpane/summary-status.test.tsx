/** @jest-environment jsdom */
/**
 * The summary's status as 汇总 and 导出 both show it (SummaryStatus): files with their status and tables,
 * reconciliation, unreadable and unmerged alerts, skipped files; focus and announcements when results arrive.
 */
import './jsdom-globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/taskpane/App';
import { STRINGS, fill } from '../../src/taskpane/i18n';
import { NOT_MERGED_WHERE } from '../../src/core/aggregate/report';
import { checkFiles } from '../../src/taskpane/file-work';
import { FIXTURE_FILES, fixtureFile, inThreadProcessor } from './fakes';

const SHENZHEN = join(__dirname, '..', 'samples', 'submissions', '深圳市网络安全保险服务试点工作方案（服务机构版）表格.xlsx');
const MASK = '隐去手机和邮箱（138****8000）';

const panel = (id: string) => document.getElementById(`panel-${id}`) as HTMLElement;

/** 江苏省's workbook with copies of its 服务对象 table (header and two data rows) on extra sheets, hidden or not. */
async function jiangsuWithCopies(name: string, sheets: readonly { name: string; hidden: boolean }[]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FIXTURE_FILES.jiangsu) as unknown as ExcelJS.Buffer);
  const first = checkFiles([{ name: 'j.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE_FILES.jiangsu)) }])[0].submission?.tables.targets;
  const source = wb.getWorksheet(first?.sheet ?? '') as ExcelJS.Worksheet;
  const header = first?.headerRows?.[0] ?? 1;
  for (const s of sheets) {
    const copy = wb.addWorksheet(s.name);
    for (const r of [header, ...(first?.rows.slice(0, 2).map((x) => x.row) ?? [])]) copy.addRow((source.getRow(r).values as unknown[]).slice(1));
    if (s.hidden) copy.state = 'hidden';
  }
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

async function aggregate(files: File[], options: { tab?: 'aggregate' | 'export'; lang?: 'zh' | 'en' } = {}) {
  const { processor, calls } = inThreadProcessor();
  const download = jest.fn();
  const tab = options.tab ?? 'aggregate';
  render(<App host={null} processor={processor} download={download} initialTab={tab} initialLang={options.lang} />);
  fireEvent.change(within(panel(tab)).getByLabelText(STRINGS[options.lang ?? 'zh'].chooseFiles), { target: { files } });
  const section = await screen.findByTestId(tab === 'aggregate' ? 'summary' : 'export-summary', {}, { timeout: 20_000 });
  return { section, download, calls };
}

const statuses = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-status'));

describe('导出 shows the summary status as 汇总 does', () => {
  test('files chosen on 导出: per-file status, the unreadable alert and the reconciliation, the same as on 汇总; the export says it is incomplete', async () => {
    const files = [fixtureFile(FIXTURE_FILES.beijing), new File([], 'empty.xlsx')];
    const { section } = await aggregate(files, { tab: 'export' });
    expect(within(section).getByTestId('not-merged').textContent).toContain('1 个文件无法读取，未汇总');
    expect(within(section).getByTestId('reconciliation').textContent).toContain('读取的行一致，但有内容未汇总');
    const list = within(section).getByTestId('summary-files');
    expect(statuses(list)).toEqual([expect.stringMatching(/^(ok|warnings|errors)$/), 'unreadable']);
    expect(within(list).getAllByRole('listitem')[1].textContent).toContain('文件为空');
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    expect((await screen.findByText(/已导出：/)).textContent).toContain('汇总不完整');
    // The same component on 汇总, from the same summary.
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    const onAggregate = within(panel('aggregate')).getByTestId('summary');
    expect(within(onAggregate).getByTestId('summary-files').textContent).toBe(list.textContent);
    expect(within(onAggregate).getByTestId('reconciliation').textContent).toBe(within(section).getByTestId('reconciliation').textContent);
    expect(within(onAggregate).getByTestId('not-merged').textContent).toBe(within(section).getByTestId('not-merged').textContent);
  });

  test('a summary made on 导出 was never downloaded: 汇总 offers 下载 汇总.xlsx, and 再次下载 only after it', async () => {
    const { download } = await aggregate([fixtureFile(FIXTURE_FILES.beijing)], { tab: 'export' });
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    expect(screen.queryByRole('button', { name: '再次下载 汇总.xlsx' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '下载 汇总.xlsx' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith('汇总.xlsx', expect.any(Uint8Array), expect.any(String)));
    expect(await screen.findByRole('button', { name: '再次下载 汇总.xlsx' })).toBeTruthy();
  });

  test('a summary made on 汇总 (downloaded there) offers 再次下载', async () => {
    const { download } = await aggregate([fixtureFile(FIXTURE_FILES.beijing)]);
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: '再次下载 汇总.xlsx' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '下载 汇总.xlsx' })).toBeNull();
  });
});

describe('rows not merged: wording per reason', () => {
  test('the zh wording of each reason is the CLI\'s and 说明\'s (NOT_MERGED_WHERE)', () => {
    for (const reason of ['second-table', 'hidden-sheet'] as const) {
      expect(fill(STRINGS.zh.unmergedWhere[reason], { sheet: '表2', row: 3 })).toBe(NOT_MERGED_WHERE[reason]('表2', 3));
    }
  });

  test('a table on a hidden sheet: the alert speaks of a hidden sheet, not of a second table', async () => {
    const { section } = await aggregate([await jiangsuWithCopies('江苏省-隐藏.xlsx', [{ name: '旧数据', hidden: true }])]);
    const alert = within(section).getByTestId('unmerged-tables');
    expect(alert.textContent).toContain('另有 2 行在隐藏工作表中，未汇总');
    expect(alert.textContent).not.toContain('第二张');
    expect(alert.textContent).toContain('江苏省-隐藏.xlsx：隐藏工作表“旧数据”第 1 行的表（服务对象），2 行');
  });

  test('both reasons in one file: a title for both, each line its own reason; in English too', async () => {
    const file = await jiangsuWithCopies('江苏省-两种.xlsx', [
      { name: '第二批', hidden: false },
      { name: '旧数据', hidden: true },
    ]);
    const { section } = await aggregate([file]);
    const alert = within(section).getByTestId('unmerged-tables');
    expect(alert.textContent).toContain('另有 4 行在隐藏工作表或文件的第二张同种表中，未汇总');
    expect(alert.textContent).toContain('江苏省-两种.xlsx：工作表“第二批”第 1 行的第二张同种表（服务对象），2 行');
    expect(alert.textContent).toContain('江苏省-两种.xlsx：隐藏工作表“旧数据”第 1 行的表（服务对象），2 行');
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    const en = within(section).getByTestId('unmerged-tables').textContent;
    expect(en).toContain('4 more row(s) sit on hidden sheets or in a second table of the same kind and were not merged');
    expect(en).toContain('江苏省-两种.xlsx: second table of its kind on sheet "第二批" row 1 (Targets), 2 row(s)');
    expect(en).toContain('江苏省-两种.xlsx: table on hidden sheet "旧数据" row 1 (Targets), 2 row(s)');
  });
});

describe('files that are not submissions', () => {
  test('only a summary chosen: skipped, nothing downloaded, and the tab says there is no submission', async () => {
    const base = checkFiles([{ name: 'a.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE_FILES.jiangsu)) }]);
    const { aggregateResults } = await import('../../src/taskpane/file-work');
    const { writeSummaryWorkbook } = await import('../../src/xlsx/summary');
    const summaryFile = new File([new Uint8Array(await writeSummaryWorkbook(aggregateResults(base)))], '汇总.xlsx');
    const { section, download, calls } = await aggregate([summaryFile]);
    expect(within(section).getByTestId('no-submissions').textContent).toContain('所选文件中没有报送文件');
    expect(statuses(within(section).getByTestId('summary-files'))).toEqual(['skipped']);
    expect(within(section).queryByTestId('not-merged')).toBeNull();
    expect(calls.workbook).toEqual([]);
    expect(download).not.toHaveBeenCalled();
  });
});

describe('per-file reasons and tables', () => {
  test('in English, an unreadable file\'s reason is English (from the per-file result), on 汇总 and 导出', async () => {
    const { section } = await aggregate([fixtureFile(FIXTURE_FILES.beijing), new File([], 'empty.xlsx')], { lang: 'en' });
    const item = within(within(section).getByTestId('summary-files')).getAllByRole('listitem')[1];
    expect(item.textContent).toContain('The file is empty (0 bytes).');
    expect(item.textContent).not.toMatch(/文件为空/);
    fireEvent.click(screen.getByRole('tab', { name: 'Export' }));
    const onExport = within(panel('export')).getByTestId('summary-files');
    expect(within(onExport).getAllByRole('listitem')[1].textContent).toContain('The file is empty (0 bytes).');
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(within(onExport).getAllByRole('listitem')[1].textContent).toContain('文件为空');
  });

  test('a 附件3 file lists only the tables it has (no 服务机构 0); a file with no table shows —', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本文件只有说明，没有表格']);
    const noTables = new File([new Uint8Array(await wb.xlsx.writeBuffer())], '只有说明.xlsx');
    const shenzhen = checkFiles([{ name: 's.xlsx', bytes: new Uint8Array(readFileSync(SHENZHEN)) }])[0].submission;
    expect(shenzhen?.tables.agencies).toBeUndefined();
    const { section } = await aggregate([fixtureFile(SHENZHEN), noTables, fixtureFile(FIXTURE_FILES.jiangsu)]);
    const items = within(within(section).getByTestId('summary-files')).getAllByRole('listitem');
    // (服务机构版 is in the file's name: the table count is what must not be there.)
    expect(items[0].textContent).not.toMatch(/服务机构 \d/);
    expect(items[0].textContent).toMatch(/（深圳市） 服务对象 \d+ · 服务方案 \d+ · 联合申报单位 \d+$/);
    expect(items[0].textContent).toContain(`服务对象 ${shenzhen?.tables.targets?.rows.length}`);
    expect(items[0].textContent).toContain(`服务方案 ${shenzhen?.tables.schemes?.rows.length}`);
    expect(items[1].getAttribute('data-status')).not.toBe('unreadable');
    expect(items[1].textContent).toMatch(/只有说明\.xlsx.*—$/);
    expect(items[1].textContent).not.toMatch(/\b0\b/);
    expect(items[2].textContent).toMatch(/服务机构 \d+ · 服务对象 \d+ · 服务方案 \d+$/);
  });
});

describe('focus and announcements when results arrive', () => {
  test('汇总: focus moves to the results heading, and the result is announced politely', async () => {
    const live = () => screen.getByTestId('aggregate-live');
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="aggregate" />);
    expect(live().getAttribute('aria-live')).toBe('polite');
    expect(live().textContent).toBe('');
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(FIXTURE_FILES.beijing), new File([], 'empty.xlsx')] } });
    const heading = await screen.findByRole('heading', { name: '汇总完成' }, { timeout: 20_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(live().textContent).toMatch(/^汇总完成：2 个文件，\d+ 行；核对：读取的行一致，但有内容未汇总。 1 个文件无法读取，未汇总$/);
  });

  test('导出: focus moves to the summary heading, announced; focus stays on the export button while exporting', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="export" />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(FIXTURE_FILES.beijing)] } });
    const heading = await screen.findByRole('heading', { name: '将导出的汇总' }, { timeout: 20_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByTestId('export-live').textContent).toMatch(/^汇总完成：1 个文件，\d+ 行；核对：一致$/);
    const button = screen.getByRole('button', { name: '导出 CSV' });
    button.focus();
    fireEvent.click(button);
    await screen.findByText(/已导出：/);
    expect(document.activeElement).toBe(button);
  });
});

describe('the 已导出 note belongs to the settings it was made with', () => {
  test('changing 隐去手机和邮箱 or the encoding clears it', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="export" />);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [fixtureFile(FIXTURE_FILES.beijing)] } });
    await screen.findByTestId('export-summary', {}, { timeout: 20_000 });
    const exportNow = async () => {
      fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
      await screen.findByText(/已导出：/);
    };
    await exportNow();
    fireEvent.click(screen.getByRole('checkbox', { name: MASK }));
    expect(screen.queryByText(/已导出：/)).toBeNull();
    await exportNow();
    fireEvent.click(screen.getByRole('radio', { name: 'GB18030（旧版软件）' }));
    expect(screen.queryByText(/已导出：/)).toBeNull();
    await exportNow();
    // Ticked on 汇总 (the same choice): stale on 导出 as well.
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(within(panel('aggregate')).getByRole('checkbox', { name: MASK }));
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    expect(screen.queryByText(/已导出：/)).toBeNull();
  });
});
