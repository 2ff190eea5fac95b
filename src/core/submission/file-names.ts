/**
 * Which file names look like a submission: every spreadsheet type, including the ones the reader refuses (.xls,
 * .ods, .et, .numbers, .csv …), so a wrong type gets its own clear "unreadable" error instead of vanishing from
 * the batch; notes, JSON and images beside them are skipped. Shared by the CLI's folder walk and the task pane's
 * drop zone.
 */
export const SPREADSHEET_NAME = /\.(xlsx|xlsm|xltx|xls|xlsb|ods|fods|et|ett|numbers|csv)$/i;

export function looksLikeSpreadsheet(name: string): boolean {
  return SPREADSHEET_NAME.test(name);
}
