/** @jest-environment jsdom */
import './jsdom-globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { App, tabFromQuery } from '../../src/taskpane/App';
import { STRINGS } from '../../src/taskpane/i18n';
import { fakeHost, inThreadProcessor } from './fakes';

/** Tab labels in order, by accessible name (Fluent renders a hidden bold copy of each label to reserve width). */
function tabLabels(names: readonly string[]): string[] {
  const order = screen.getAllByRole('tab').map((t) => t.id);
  return [...names].sort((a, b) => order.indexOf(screen.getByRole('tab', { name: a }).id) - order.indexOf(screen.getByRole('tab', { name: b }).id));
}

describe('task pane shell', () => {
  test('outside Excel: says Excel is not connected, opens on 校验 and offers the file input', () => {
    render(<App host={null} processor={inThreadProcessor().processor} />);
    expect(screen.getByTestId('not-connected').textContent).toContain('未连接 Excel');
    expect(screen.getByRole('tab', { name: '校验' }).getAttribute('aria-selected')).toBe('true');
    const input = screen.getByLabelText('选择 .xlsx 文件') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.xlsx');
  });

  test('in Excel: no banner, opens on 填报', () => {
    render(<App host={fakeHost().host} processor={inThreadProcessor().processor} />);
    expect(screen.queryByTestId('not-connected')).toBeNull();
    expect(screen.getByText('已连接 Excel')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).toBe('true');
  });

  test('four tabs in order, in a labelled tab list; clicking one shows its panel', () => {
    render(<App host={null} processor={inThreadProcessor().processor} />);
    const list = screen.getByRole('tablist', { name: '功能' });
    expect(Array.from(list.querySelectorAll('[role=tab]')).map((t) => t.id)).toEqual(['tab-fill', 'tab-validate', 'tab-aggregate', 'tab-export']);
    expect(tabLabels(['导出', '汇总', '校验', '填报'])).toEqual(['填报', '校验', '汇总', '导出']);
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    expect(screen.getByRole('tab', { name: '导出' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain(STRINGS.zh.exportIntro);
    // Every tab is a focusable button (Fluent's TabList moves between them with the arrow keys).
    for (const tab of screen.getAllByRole('tab')) expect(tab.tagName).toBe('BUTTON');
  });

  test('the English switch changes the labels, and back', () => {
    render(<App host={null} processor={inThreadProcessor().processor} />);
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(tabLabels(['Export', 'Aggregate', 'Validate', 'Fill'])).toEqual(['Fill', 'Validate', 'Aggregate', 'Export']);
    expect(screen.queryByRole('tab', { name: '填报' })).toBeNull();
    expect(screen.getByTestId('not-connected').textContent).toContain('Excel is not connected');
    expect(screen.getByLabelText('Choose .xlsx files')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(tabLabels(['导出', '汇总', '校验', '填报'])).toEqual(['填报', '校验', '汇总', '导出']);
    expect(screen.queryByRole('tab', { name: 'Fill' })).toBeNull();
  });

  test('the initial tab comes from ?tab= (the manifest buttons), unknown values fall back', () => {
    expect(tabFromQuery('?tab=validate', 'fill')).toBe('validate');
    expect(tabFromQuery('?tab=aggregate', 'fill')).toBe('aggregate');
    expect(tabFromQuery('?tab=export&_host_Info=Excel', 'fill')).toBe('export');
    expect(tabFromQuery('?tab=nonsense', 'fill')).toBe('fill');
    expect(tabFromQuery('', 'validate')).toBe('validate');
    render(<App host={fakeHost().host} processor={inThreadProcessor().processor} initialTab="aggregate" />);
    expect(screen.getByRole('tab', { name: '汇总' }).getAttribute('aria-selected')).toBe('true');
  });

  test('every English string is translated (no Chinese left) and every Chinese label is filled', () => {
    const flat = (o: object, prefix = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v as object, `${prefix}${k}.`)));
    const zh = flat(STRINGS.zh);
    const en = flat(STRINGS.en);
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    for (const [, v] of zh) expect(v.trim()).not.toBe('');
    // 汇总.xlsx is a file name the English text refers to; everything else is English.
    for (const [k, v] of en) expect([k, v.replace(/汇总\.xlsx|〔2023〕356/g, '')]).toEqual([k, expect.not.stringMatching(/[\u4e00-\u9fff]/)]);
  });
});
