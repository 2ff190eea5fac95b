/** @jest-environment jsdom */
import './jsdom-globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { TemplateExistsError } from '../../src/office/template';
import { fakeHost, inThreadProcessor } from './fakes';

const processor = () => inThreadProcessor().processor;

describe('填报 tab', () => {
  test('inserts 附件2 by default and lists the sheets written', async () => {
    const { host } = fakeHost();
    render(<App host={host} processor={processor()} />);
    fireEvent.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText(/已插入模板：表1 服务机构、表2 服务对象、表3 服务方案/);
    expect(host.insertTemplate).toHaveBeenCalledWith('附件2', { alongside: false });
  });

  test('附件3 and "add a copy" are passed on', async () => {
    const { host } = fakeHost();
    render(<App host={host} processor={processor()} />);
    fireEvent.click(screen.getByRole('radio', { name: '附件3（服务机构版）' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '已有表格时另建一份（加编号）' }));
    fireEvent.click(screen.getByRole('button', { name: '插入模板' }));
    await waitFor(() => expect(host.insertTemplate).toHaveBeenCalledWith('附件3', { alongside: true }));
  });

  test('when the tables exist, shows the layer\'s message (Chinese, then English after the switch)', async () => {
    const { host } = fakeHost({ insertTemplate: jest.fn(async () => Promise.reject(new TemplateExistsError(['表1 服务机构', 'PT_agencies']))) });
    render(<App host={host} processor={processor()} />);
    fireEvent.click(screen.getByRole('button', { name: '插入模板' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工作簿中已有同名的工作表或表格：表1 服务机构、PT_agencies');
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toContain('The workbook already has: 表1 服务机构, PT_agencies');
    expect(screen.getByRole('button', { name: 'Insert template' })).toBeTruthy();
  });

  test('outside Excel the button is disabled and the page says why', () => {
    render(<App host={null} processor={processor()} initialTab="fill" />);
    expect((screen.getByRole('button', { name: '插入模板' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/插入模板需要在 Excel 中打开本加载项/)).toBeTruthy();
  });
});
