/**
 * The ribbon's function file. Every <Action xsi:type="ExecuteFunction"> in manifest.xml names a function here,
 * bound with Office.actions.associate (test/addin/manifest.test.ts checks that none is missing).
 *
 * A command has no window of its own, so it must call event.completed() on every path, or Excel shows the button
 * as busy until it times out.
 */
import { insertTemplate } from '../office/template';

export interface CommandEvent {
  completed(): void;
}

/** What a command needs from Office, injectable for tests. */
export interface CommandDeps {
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly report: (message: string) => void;
}

const officeDeps: CommandDeps = {
  run: (batch) => Excel.run(batch),
  // No UI to show it in; the console is visible in the add-in's developer tools.
  report: (message) => console.error(message),
};

/** 插入模板 (ribbon): the 附件2 tables, the variant most regions fill; 附件3 is offered in the task pane. */
export async function insertTemplateCommand(event: CommandEvent, deps: CommandDeps = officeDeps): Promise<void> {
  try {
    await deps.run((context) => insertTemplate(context, '附件2'));
  } catch (e) {
    deps.report(e instanceof Error ? e.message : String(e));
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('insertTemplate', (event: CommandEvent) => void insertTemplateCommand(event));
  });
}
