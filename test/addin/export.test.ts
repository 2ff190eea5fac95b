import { csvDeliveryFor, writeCsvSheet } from '../../src/office';
import { csvSheetBase } from '../../src/office/export';
import { rectsBetween, type Block } from '../../src/office/chunks';
import { createExcelDouble } from './excel-double';

describe('csvDeliveryFor', () => {
  test.each([
    ['Mac', 'sheet'],
    ['iOS', 'sheet'],
    ['PC', 'download'],
    ['OfficeOnline', 'download'],
    ['Universal', 'download'],
    [undefined, 'download'],
  ])('%p → %p', (platform, delivery) => {
    expect(csvDeliveryFor(platform)).toBe(delivery);
  });
});

describe('writeCsvSheet', () => {
  const rows = [
    ['企业名称', '手机', '序号', '备注'],
    ['星海科技有限公司', '13800138000', 1, null],
    ['=HYPERLINK("http://x")', '0571-88001234', 2, '1-1'],
  ];

  test('a new sheet with every cell as text, formats before values, shown for Save As', async () => {
    const { context, asExcel } = createExcelDouble();
    const name = await writeCsvSheet(asExcel, '服务对象.csv', rows);
    expect(name).toBe('服务对象');
    const sheet = context.workbook.sheet('服务对象')!;
    expect(sheet.getRange('A1:D3').values).toEqual([
      ['企业名称', '手机', '序号', '备注'],
      ['星海科技有限公司', '13800138000', '1', ''],
      // The same neutralisation as the downloaded CSV: a formula stays text.
      ["'=HYPERLINK(\"http://x\")", '0571-88001234', '2', '1-1'],
    ]);
    for (const [key, cell] of sheet.cells) if (cell.value !== undefined) expect([key, cell.formatAtWrite]).toEqual([key, '@']);
    expect(context.ops.map((o) => o.kind)).toEqual(['worksheets.add', 'numberFormat', 'values']);
    expect(context.workbook.active).toBe('服务对象');
    expect(context.syncCount).toBe(4); // names, add, one chunk, show
  });

  test('never overwrites a sheet: adds (2), (3) …', async () => {
    const { context, asExcel } = createExcelDouble();
    context.workbook.seedSheet('问题清单', [['用户数据']]);
    expect(await writeCsvSheet(asExcel, '问题清单', rows)).toBe('问题清单 (2)');
    expect(await writeCsvSheet(asExcel, '问题清单', rows)).toBe('问题清单 (3)');
    expect(context.workbook.sheet('问题清单')!.valueAt('A1')).toBe('用户数据');
  });

  test('large exports are chunked', async () => {
    const big = Array.from({ length: 2500 }, (_, i) => [`企业${i}`, String(13800000000 + i), i, 'x']);
    const { context, asExcel } = createExcelDouble();
    await writeCsvSheet(asExcel, 'big', big, { chunkCells: 1000 });
    expect(context.syncCount).toBe(3 + 10);
    expect(context.workbook.sheet('big')!.valueAt('B2500')).toBe('13800002499');
  });

  test('sheet names are made valid', () => {
    expect(csvSheetBase('a/b:c*d?[e]\\f.csv')).toBe('a_b_c_d__e__f');
    expect(csvSheetBase("'quoted'")).toBe('quoted');
    expect(csvSheetBase('')).toBe('CSV');
    expect(csvSheetBase('很长的名字'.repeat(10)).length).toBeLessThanOrEqual(26);
  });
});

describe('rectsBetween', () => {
  const block = (rows: number, cols: number, row = 0): Block => ({ sheet: 'S', row, col: 1, rows: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c)) });

  test('a chunk may end mid-row: at most three rectangles per block, every cell once', () => {
    const b = block(5, 4, 2); // B3:E7, cells 0..19
    expect(rectsBetween([b], 0, 20).map((r) => r.address)).toEqual(['B3:E7']);
    expect(rectsBetween([b], 2, 15).map((r) => r.address)).toEqual(['D3:E3', 'B4:E5', 'B6:D6']);
    expect(rectsBetween([b], 2, 15).flatMap((r) => r.values.flat())).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
    expect(rectsBetween([b], 5, 6).map((r) => r.address)).toEqual(['C4']);
  });

  test('chunks span blocks', () => {
    const a = block(2, 2);
    const b = { ...block(1, 3, 9), sheet: 'T' };
    const rects = rectsBetween([a, b], 3, 6);
    expect(rects.map((r) => `${r.sheet}!${r.address}`)).toEqual(['S!C2', 'T!B10:C10']);
  });
});
