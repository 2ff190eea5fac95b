/**
 * Excel's column width unit is "characters of the default font"; Office.js sets widths in points.
 * Calibri 11 (Excel's default) is 7 px per character plus 5 px padding; 1 px = 0.75 pt at 96 dpi.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
