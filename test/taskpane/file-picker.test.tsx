/** @jest-environment jsdom */
/**
 * What the pane leaves out, and says it does: folders and notes dropped, Office lock files (~$), summaries this
 * tool wrote. Nothing vanishes silently; a drop with nothing to work on says so.
 */
import './jsdom-globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { App } from '../../src/taskpane/App';
import { sortFiles } from '../../src/taskpane/FilePicker';
import { aggregateResults, checkFiles } from '../../src/taskpane/file-work';
import { isOfficeLockFile, skipReason } from '../../src/taskpane/file-status';
import { FIXTURE_FILES, fixtureFile, inThreadProcessor } from './fakes';

const LOCK = '~$江苏省网络安全保险服务试点工作方案-附件2表格.xlsx';
/** What Office writes in a lock file: the owner's name in a few bytes. */
const lockFile = () => new File([new Uint8Array(165).fill(0x20)], LOCK);
/** Chromium lists a dropped folder among the files, and as a directory entry among the items. */
const folderItem = (name: string) => ({ kind: 'file', webkitGetAsEntry: () => ({ isDirectory: true, name }) });
const fileItem = (name: string) => ({ kind: 'file', webkitGetAsEntry: () => ({ isDirectory: false, name }) });

describe('dropping files', () => {
  test('notes, a folder and a lock file are left out and listed with the reason; the spreadsheet is read', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} />);
    const xlsx = fixtureFile(FIXTURE_FILES.xiamen);
    const files = [xlsx, new File(['说明'], 'README.md'), new File(['x'], '说明.docx'), new File(['x'], 'notes.txt'), new File([], '资料'), lockFile()];
    const items = [fileItem(xlsx.name), fileItem('README.md'), fileItem('说明.docx'), fileItem('notes.txt'), folderItem('资料'), fileItem(LOCK)];
    fireEvent.drop(screen.getByTestId('drop-validate-files'), { dataTransfer: { files, items } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(1), { timeout: 20_000 });
    expect(calls.check).toEqual([[xlsx.name]]);
    const note = screen.getByTestId('ignored-validate-files');
    expect(note.getAttribute('role')).toBe('status');
    expect(within(note).getByText('已忽略 5 项（不是报送的表格文件）')).toBeTruthy();
    const lines = Array.from(note.querySelectorAll('p')).map((p) => p.textContent);
    expect(lines).toEqual([
      'README.md：不是表格文件',
      '说明.docx：不是表格文件',
      'notes.txt：不是表格文件',
      '资料：文件夹（请打开文件夹，选择或拖入其中的文件）',
      `${LOCK}：Office 临时锁文件（~$ 开头），已跳过`,
    ]);
  });

  test('a drop with nothing usable says so (an alert) and reads nothing', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} initialTab="aggregate" />);
    const files = [new File(['说明'], 'README.md'), new File([], '报送')];
    fireEvent.drop(screen.getByTestId('drop-aggregate-files'), { dataTransfer: { files, items: [fileItem('README.md'), folderItem('报送')] } });
    const note = await screen.findByTestId('ignored-aggregate-files');
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain('所选或拖入的内容中没有可处理的表格文件，未做任何处理。');
    expect(note.textContent).toContain('README.md：不是表格文件');
    expect(note.textContent).toContain('报送：文件夹');
    expect(calls.check).toEqual([]);
    expect(screen.queryByTestId('summary')).toBeNull();
  });

  test('a drop of no file at all (text, a link) says so too', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} initialTab="export" />);
    fireEvent.drop(screen.getByTestId('drop-export-files'), { dataTransfer: { files: [], items: [] } });
    expect((await screen.findByTestId('ignored-export-files')).textContent).toContain('没有可处理的表格文件');
    expect(calls.check).toEqual([]);
  });

  test('the note is in English when the pane is, and goes away with the next usable pick', async () => {
    const { processor } = inThreadProcessor();
    render(<App host={null} processor={processor} initialLang="en" />);
    fireEvent.drop(screen.getByTestId('drop-validate-files'), { dataTransfer: { files: [new File(['x'], 'notes.txt')] } });
    expect((await screen.findByTestId('ignored-validate-files')).textContent).toContain('notes.txt: not a spreadsheet');
    fireEvent.change(screen.getByLabelText('Choose .xlsx files'), { target: { files: [fixtureFile(FIXTURE_FILES.xiamen)] } });
    await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(1), { timeout: 20_000 });
    expect(screen.queryByTestId('ignored-validate-files')).toBeNull();
  });
});

describe('Office lock files (~$)', () => {
  test('chosen with the button on 汇总: not read, not an unreadable file, listed as skipped', async () => {
    const { processor, calls } = inThreadProcessor();
    render(<App host={null} processor={processor} download={jest.fn()} initialTab="aggregate" />);
    const jiangsu = fixtureFile(FIXTURE_FILES.jiangsu);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 文件'), { target: { files: [jiangsu, lockFile()] } });
    const summary = await screen.findByTestId('summary', {}, { timeout: 20_000 });
    expect(calls.check).toEqual([[jiangsu.name]]);
    expect(within(summary).queryByTestId('not-merged')).toBeNull();
    expect(within(summary).getAllByRole('listitem').map((li) => li.getAttribute('data-status'))).not.toContain('unreadable');
    expect(screen.getByTestId('ignored-aggregate-files').textContent).toContain(`${LOCK}：Office 临时锁文件（~$ 开头），已跳过`);
  });

  test('file-work skips them by name, whatever the bytes, and the summary leaves skipped results out', () => {
    expect(isOfficeLockFile(LOCK)).toBe(true);
    expect(isOfficeLockFile('报送/~$a.xlsx')).toBe(true);
    expect(isOfficeLockFile('a~$.xlsx')).toBe(false);
    const real = new Uint8Array(readFileSync(FIXTURE_FILES.jiangsu));
    const results = checkFiles([
      { name: LOCK, bytes: real },
      { name: 'a.xlsx', bytes: real },
    ]);
    expect(results[0].error?.code).toBe('read.lock-file');
    expect(results[0].error?.messageEn).toMatch(/lock file/);
    expect(skipReason(results[0])).toBe('lock-file');
    expect(results[0].submission).toBeUndefined();
    const summary = aggregateResults(results);
    expect(summary.files.map((f) => f.file)).toEqual(['a.xlsx']);
    expect(summary.reconciliation.unreadable).toBe(0);
  });

  test('sortFiles: dropped notes are left out, chosen ones are read (the reader says why not); lock files never', () => {
    const f = (name: string) => new File([], name);
    const dropped = sortFiles([f('a.xlsx'), f('b.xls'), f('c.md'), f('~$a.xlsx')], true);
    expect(dropped.use.map((x) => x.name)).toEqual(['a.xlsx', 'b.xls']);
    expect(dropped.ignored).toEqual([
      { name: 'c.md', reason: 'not-spreadsheet' },
      { name: '~$a.xlsx', reason: 'lock-file' },
    ]);
    // A folder among the items but not among the files (not every browser lists it there) is still named.
    expect(sortFiles([f('a.xlsx')], true, new Set(['报送'])).ignored).toEqual([{ name: '报送', reason: 'folder' }]);
    const chosen = sortFiles([f('a.xlsx'), f('c.md'), f('~$a.xlsx')], false);
    expect(chosen.use.map((x) => x.name)).toEqual(['a.xlsx', 'c.md']);
    expect(chosen.ignored).toEqual([{ name: '~$a.xlsx', reason: 'lock-file' }]);
  });
});
