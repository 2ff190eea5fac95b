/** @jest-environment jsdom */
import './jsdom-globals';
import { render, screen } from '@testing-library/react';
import type { Issue } from '../../src/core/issues';
import { IssueList } from '../../src/taskpane/IssueList';
import { STRINGS } from '../../src/taskpane/i18n';

const TABLES: Issue['table'][] = ['agencies', 'targets', 'schemes', 'form', 'jointApplicants', 'workbook', 'summary'];

test('an issue of every kind of table is shown, under its table heading (none is dropped)', () => {
  const issues: Issue[] = TABLES.map((table, i) => ({ code: `x.${table}`, severity: 'warning', table, message: `消息${i}`, messageEn: `m${i}` }));
  render(<IssueList issues={issues} lang="zh" t={STRINGS.zh} />);
  for (let i = 0; i < TABLES.length; i++) expect(screen.getByText(new RegExp(`消息${i}`))).toBeTruthy();
  expect(screen.getByText(/联合申报单位/)).toBeTruthy();
});
