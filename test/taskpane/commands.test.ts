/** The ribbon's 插入模板: inserts 附件2 and completes the event on every path (else Excel shows it busy). */
import { insertTemplateCommand, type CommandDeps } from '../../src/commands/commands';
import { TemplateExistsError, insertTemplate } from '../../src/office/template';

jest.mock('../../src/office/template', () => ({ ...jest.requireActual('../../src/office/template'), insertTemplate: jest.fn() }));
const insertMock = insertTemplate as jest.MockedFunction<typeof insertTemplate>;

const context = { marker: 'context' } as unknown as Excel.RequestContext;
const run: CommandDeps['run'] = (batch) => batch(context);

beforeEach(() => insertMock.mockReset());

test('inserts 附件2 into the batch context and completes', async () => {
  insertMock.mockResolvedValue({} as Awaited<ReturnType<typeof insertTemplate>>);
  const event = { completed: jest.fn() };
  const report = jest.fn();
  await insertTemplateCommand(event, { run, report });
  expect(insertMock).toHaveBeenCalledWith(context, '附件2');
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(report).not.toHaveBeenCalled();
});

test('tables already there: reports the layer\'s message and still completes', async () => {
  insertMock.mockRejectedValue(new TemplateExistsError(['表1 服务机构']));
  const event = { completed: jest.fn() };
  const report = jest.fn();
  await insertTemplateCommand(event, { run, report });
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(report.mock.calls[0][0]).toContain('工作簿中已有同名的工作表或表格：表1 服务机构');
});

test('Excel.run itself failing still completes', async () => {
  const event = { completed: jest.fn() };
  const report = jest.fn();
  await insertTemplateCommand(event, { run: async () => Promise.reject(new TypeError('Excel is not defined')), report });
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(report).toHaveBeenCalledWith('Excel is not defined');
  expect(insertMock).not.toHaveBeenCalled();
});
