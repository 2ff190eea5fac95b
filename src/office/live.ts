/**
 * Live validation: re-check the workbook a moment after the user stops typing.
 *
 * Subscribes to `workbook.worksheets.onChanged` (ExcelApi 1.7). Events are debounced (default 800 ms), those
 * caused by the add-in's own writes (applyFixes, marks) are ignored (see own-writes.ts), and checks never
 * overlap: an edit during a check schedules one more check after it.
 *
 * Excel on the web does not raise onChanged for some dropdown (data-validation list) picks, and a change made
 * while the task pane is closed raises nothing: live results can be stale, which is why the 校验 button always
 * runs a full check rather than trusting the last live result.
 */
import { isOwnChange } from './own-writes';
import { officeRequirements, requireExcelApi, type RequirementSource } from './requirements';
import { checkWorkbook, type WorkbookCheck } from './validate';

export const DEFAULT_DEBOUNCE_MS = 800;

export type Batch = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WatchOptions {
  debounceMs?: number;
  onError?: (e: unknown) => void;
  /** Re-mark cells on each live check (default false: marks change only when the user asks). */
  mark?: boolean;
  /** Requirement-set checker; defaults to Office.context.requirements. */
  requirements?: RequirementSource;
}

/** Starts watching; resolves to a function that stops it (removes the handler, drops pending checks). */
export async function watchChanges(run: Batch, onResult: (r: WorkbookCheck) => void, options: WatchOptions = {}): Promise<() => Promise<void>> {
  const requirements = options.requirements ?? officeRequirements();
  requireExcelApi('1.7', '实时校验', 'live validation', requirements);
  const delay = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const report = options.onError ?? (() => undefined);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const check = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const result = await run((ctx) => checkWorkbook(ctx, { mark: options.mark, requirements }));
      if (!stopped) onResult(result);
    } catch (e) {
      if (!stopped) report(e);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void check();
    }, delay);
  }

  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped || isOwnChange(e.address)) return;
    schedule();
  };

  const handler = await run(async (ctx) => {
    const h = ctx.workbook.worksheets.onChanged.add(onChanged);
    await ctx.sync();
    return h;
  });

  return async () => {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // The handler belongs to the context it was added with, whose Excel.run has ended: it is removed by
    // re-entering that context (Office's documented way), or directly where there is no Excel global (tests).
    const remove = async (ctx: OfficeExtension.ClientRequestContext) => {
      handler.remove();
      await ctx.sync();
    };
    if (typeof Excel !== 'undefined' && typeof Excel.run === 'function') await Excel.run(handler.context, remove);
    else await remove(handler.context);
  };
}
