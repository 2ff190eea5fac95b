import { gridCellFromValue, gridSheetFrom, isDateFormat, parseMergedAreas, serialDateText } from '../../src/office/grid';

describe('Office.js values → grid cells', () => {
  test.each([
    [13800138000, 'General', '13800138000'],
    [0.1 + 0.2, 'General', '0.3'],
    [45313, 'yyyy"年"m"月"d"日"', '2024-01-22'],
    [45313, 'm/d/yyyy', '2024-01-22'],
    [45313.5, 'yyyy-mm-dd hh:mm', '2024-01-22 12:00'],
    [45313, '0.00_);[Red](0.00)', '45313'],
    [45313, '"天"0', '45313'],
  ])('%p under %p reads %p', (value, format, text) => {
    expect(gridCellFromValue(value, format)?.text).toBe(text);
  });

  test('types, empties and errors', () => {
    expect(gridCellFromValue(13800138000, 'General')).toEqual({ text: '13800138000', type: 'number', number: 13800138000 });
    expect(gridCellFromValue(45313, 'yyyy-mm-dd')).toEqual({ text: '2024-01-22', type: 'date', number: 45313 });
    expect(gridCellFromValue('a\r\nb')).toEqual({ text: 'a\nb', type: 'string' });
    expect(gridCellFromValue(true)).toEqual({ text: 'TRUE', type: 'boolean' });
    expect(gridCellFromValue('#N/A')).toEqual({ text: '#N/A', type: 'error' });
    expect(gridCellFromValue('')).toBeUndefined();
    expect(gridCellFromValue(null)).toBeUndefined();
  });

  test('date formats are told from number formats', () => {
    expect(['yyyy-mm-dd', 'm/d/yy', 'h:mm', '[$-804]yyyy"年"m"月"', 'dd/mm/yyyy'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['General', '@', '0', '#,##0.00', '0.00E+00', '"到期"0', '[Red]0', ''].map(isDateFormat)).toEqual([false, false, false, false, false, false, false, false]);
    expect(serialDateText(25569)).toBe('1970-01-01');
  });

  test('a used range starting at B3 lands at its sheet position; merges are parsed', () => {
    const sheet = gridSheetFrom({
      name: '表1',
      visibility: 'Hidden',
      used: { rowIndex: 2, columnIndex: 1, values: [['序号', ''], [1, 13800138000]], numberFormat: [['General', 'General'], ['General', 'General']] },
      merges: parseMergedAreas("'表1 服务, 机构'!A1:E1,'表1 服务, 机构'!$B$5:$B$6,Sheet2!C3"),
    });
    expect(sheet.rows[2]?.[1]?.text).toBe('序号');
    expect(sheet.rows[2]?.[2]).toBeUndefined();
    expect(sheet.rows[3]?.[2]?.text).toBe('13800138000');
    expect(sheet.rows[0]).toBeUndefined();
    expect(sheet.hidden).toBe(true);
    expect(sheet.veryHidden).toBeUndefined();
    expect(sheet.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 4 },
      { r0: 4, c0: 1, r1: 5, c1: 1 },
      { r0: 2, c0: 2, r1: 2, c1: 2 },
    ]);
    expect(gridSheetFrom({ name: 'L', visibility: 'VeryHidden' })).toMatchObject({ rows: [], hidden: true, veryHidden: true });
  });
});
