import { applyFixes, checkWorkbook, watchChanges, type WorkbookCheck } from '../../src/office';
import { OfficeFeatureError } from '../../src/office/requirements';
import { OWN_WRITE_GRACE_MS, resetOwnWrites } from '../../src/office/own-writes';
import { requirementsUpTo } from './excel-double';
import { fixtureDouble } from './fixture-book';

const ok = requirementsUpTo('1.13');

function setup() {
  const double = fixtureDouble('03-广东省');
  const runs: number[] = [];
  const run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    runs.push(double.context.syncCount);
    return batch(double.asExcel);
  };
  const results: WorkbookCheck[] = [];
  return { ...double, run, runs, results, onResult: (r: WorkbookCheck) => results.push(r) };
}

/** Lets queued events and promise chains settle while fake time stands still. */
async function settle(): Promise<void> {
  await jest.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  jest.useFakeTimers();
  resetOwnWrites();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('watchChanges', () => {
  test('subscribes once, debounces a burst of edits into one check after 800 ms', async () => {
    const { context, run, results, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok });
    expect(context.workbook.changeHandlers).toHaveLength(1);

    context.workbook.userEdit('服务对象', 'B4', '甲公司');
    await jest.advanceTimersByTimeAsync(500);
    context.workbook.userEdit('服务对象', 'B5', '乙公司');
    await jest.advanceTimersByTimeAsync(799);
    expect(results).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(results).toHaveLength(1);
    expect(results[0].issues.some((i) => i.code === 'contact.email-invalid' && i.cell === 'E11')).toBe(true);
    await stop();
  });

  test('the debounce delay is an option', async () => {
    const { context, run, results, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok, debounceMs: 100 });
    context.workbook.userEdit('服务对象', 'B4', '甲公司');
    await jest.advanceTimersByTimeAsync(99);
    expect(results).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(results).toHaveLength(1);
    await stop();
  });

  test('the add-in\'s own writes (applyFixes) do not trigger a check, even when their event arrives late', async () => {
    const { context, asExcel, run, results, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok });
    const { issues } = await checkWorkbook(asExcel, { requirements: ok });
    expect(await applyFixes(asExcel, issues)).toBe(1);
    await settle();
    expect(context.workbook.changeEvents.map((e) => e.address)).toEqual(['E11']); // the write did raise onChanged
    // A late duplicate of the same event, within the grace period, is ours too.
    context.workbook.raiseChanged(context.workbook.sheet('服务对象')!, 'E11');
    await jest.advanceTimersByTimeAsync(5000);
    expect(results).toHaveLength(0);

    // After the grace period, an edit of the same cell is the user's.
    context.workbook.userEdit('服务对象', 'E11', 'xiongwei@126.com 18214225453');
    await jest.advanceTimersByTimeAsync(OWN_WRITE_GRACE_MS + 800);
    expect(results).toHaveLength(1);
    await stop();
  });

  test('a user edit elsewhere during the grace period still triggers a check', async () => {
    const { context, asExcel, run, results, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok });
    const { issues } = await checkWorkbook(asExcel, { requirements: ok });
    await applyFixes(asExcel, issues);
    context.workbook.userEdit('服务对象', 'E12', 'x');
    await jest.advanceTimersByTimeAsync(800);
    expect(results).toHaveLength(1);
    await stop();
  });

  test('checks never overlap: an edit during a check queues one more', async () => {
    const { context, run, results, onResult } = setup();
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    // Every check takes a second; the first call (the subscription) is immediate.
    const slowRun = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      if (calls++ === 0) return run(batch);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 1000));
        return await run(batch);
      } finally {
        inFlight--;
      }
    };
    const stop = await watchChanges(slowRun, onResult, { requirements: ok });
    context.workbook.userEdit('服务对象', 'B4', 'a');
    await jest.advanceTimersByTimeAsync(800 + 500); // check 1 running
    context.workbook.userEdit('服务对象', 'B5', 'b');
    await jest.advanceTimersByTimeAsync(800); // debounce fires while check 1 still runs
    await jest.advanceTimersByTimeAsync(5000);
    expect(results).toHaveLength(2);
    expect(maxInFlight).toBe(1);
    await stop();
  });

  test('stop removes the handler and drops a pending check', async () => {
    const { context, run, results, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok });
    context.workbook.userEdit('服务对象', 'B4', 'a');
    await settle();
    await stop();
    expect(context.workbook.changeHandlers).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(results).toHaveLength(0);
    await stop(); // a second stop is harmless
  });

  test('inside Office, stop re-enters the handler\'s own context through Excel.run', async () => {
    const { context, run, onResult } = setup();
    const stop = await watchChanges(run, onResult, { requirements: ok });
    const excelRun = jest.fn((ctx: unknown, batch: (c: unknown) => Promise<unknown>) => batch(ctx));
    (globalThis as { Excel?: unknown }).Excel = { run: excelRun };
    try {
      await stop();
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
    expect(excelRun).toHaveBeenCalledTimes(1);
    expect(excelRun.mock.calls[0][0]).toBe(context);
    expect(context.workbook.changeHandlers).toHaveLength(0);
  });

  test('a failing check goes to onError, and watching goes on', async () => {
    const { context, run, results, onResult } = setup();
    const errors: unknown[] = [];
    const stop = await watchChanges(run, onResult, { requirements: ok, onError: (e) => errors.push(e) });
    context.failure = new Error('GeneralException');
    context.workbook.userEdit('服务对象', 'B4', 'a');
    await jest.advanceTimersByTimeAsync(800);
    expect(errors).toEqual([new Error('GeneralException')]);
    context.workbook.userEdit('服务对象', 'B5', 'b');
    await jest.advanceTimersByTimeAsync(800);
    expect(results).toHaveLength(1);
    await stop();
  });

  test('needs ExcelApi 1.7: a clear message, nothing subscribed', async () => {
    const { context, run, onResult } = setup();
    const err = await watchChanges(run, onResult, { requirements: requirementsUpTo('1.6') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeFeatureError);
    expect((err as Error).message).toMatch(/实时校验.*ExcelApi 1\.7/);
    expect(context.workbook.changeHandlers).toHaveLength(0);
    expect(context.syncCount).toBe(0);
  });
});
