/**
 * Every label of the task pane in Chinese (first) and English. Components read `strings[lang]`, so a missing
 * translation is a type error rather than a blank button.
 */
export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '试点表格助手',
  appSubtitle: '工信厅网安函〔2023〕356号 · 网络安全保险服务试点表格',
  english: 'English',
  notConnectedTitle: '未连接 Excel',
  notConnectedBody: '当前在浏览器中打开（或 Office 未加载）。仍可选择 .xlsx 文件进行校验、汇总和导出，全部在本机处理，不上传任何数据。WPS 用户也可这样使用。',
  connectedTo: '已连接 Excel',
  tabsLabel: '功能',
  tabFill: '填报',
  tabValidate: '校验',
  tabAggregate: '汇总',
  tabExport: '导出',

  // 填报
  fillIntro: '在当前工作簿中插入通知规定的表格（带下拉列表、文本格式和冻结表头）。',
  variantLabel: '表格版本',
  variant2: '附件2（地方主管部门版）',
  variant3: '附件3（服务机构版）',
  alongsideLabel: '已有表格时另建一份（加编号）',
  insertTemplate: '插入模板',
  inserting: '正在插入…',
  inserted: '已插入模板：',
  fillNeedsExcel: '插入模板需要在 Excel 中打开本加载项。不在 Excel 中时，可使用「校验」「汇总」页处理已填好的文件。',

  // 校验
  validateIntro: '检查当前工作簿中的表格：必填项、序号、类别取值、手机与邮箱、统一社会信用代码、字数等。',
  validate: '校验',
  validating: '正在校验…',
  liveValidation: '实时校验（编辑后自动重新检查）',
  markCells: '在单元格上标记问题',
  clearMarks: '清除标记',
  marksCleared: '已清除标记的单元格数：',
  applyFix: '应用修复',
  applyAll: '全部应用',
  applyAllHint: '只应用确定的修复；建议仅供参考，不会自动写入。',
  fixesApplied: '已应用修复：',
  noIssues: '未发现问题。',
  issuesTitle: '问题清单',
  tablesFound: '找到的表格：',
  rowsUnit: '行',
  fixLabel: '修复：',
  suggestionLabel: '建议：',
  goToCell: '定位到单元格',
  filesIntro: '选择或拖入一个或多个 .xlsx 文件（地方报送的表格），在本机校验，不上传。',
  chooseFiles: '选择 .xlsx 文件',
  dropHere: '或将文件拖到此处',
  reading: '正在读取文件',
  fileUnreadable: '无法读取',
  fileOk: '通过',
  fileIssues: '个问题',

  // 汇总
  aggregateIntro: '选择各地报送的 .xlsx 文件，合并为一份汇总，并检查跨地区重复、牵头方案数量等问题。',
  aggregateWriteExcel: '汇总结果将写入当前工作簿的新工作表。',
  aggregateDownload: '汇总结果将下载为「汇总.xlsx」。',
  aggregating: '正在汇总…',
  writingSheets: '正在写入工作表',
  summaryDone: '汇总完成',
  summaryWritten: '已写入工作表：',
  downloadAgain: '再次下载 汇总.xlsx',
  filesCount: '文件数',
  rowsCount: '汇总行数',
  reconciliation: '核对（读取行数 = 汇总行数）',
  balanced: '一致',
  unbalanced: '不一致',
  crossIssues: '跨地区问题',
  noCrossIssues: '未发现跨地区问题。',
  maskLabel: '隐去手机和邮箱（138****8000）',

  // 导出
  exportIntro: '将汇总导出为 CSV 文件：每张表一个文件，另有问题清单和统计。',
  exportNeedsSummary: '尚无汇总。请先在「汇总」页选择文件，或在此选择：',
  encodingLabel: '编码',
  encodingUtf8: 'UTF-8（带 BOM，Excel 可直接打开）',
  encodingGb18030: 'GB18030（旧版软件）',
  exportCsv: '导出 CSV',
  exported: '已导出：',
  csvSheetNote: '此版本 Excel 不支持直接下载文件。CSV 已写入工作表，请用「文件 › 另存为」选择「CSV UTF-8」保存；也可复制下面的文本。',
  csvText: 'CSV 文本',
  working: '处理中…',
  errorTitle: '出错了',
  severity: { error: '错误', warning: '警告', info: '提示' },
  tables: { agencies: '服务机构', targets: '服务对象', schemes: '服务方案', form: '基本情况', workbook: '文件', summary: '汇总' },
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: 'Pilot Tables',
  appSubtitle: 'MIIT notice 〔2023〕356 · cyber-insurance pilot tables',
  english: 'English',
  notConnectedTitle: 'Excel is not connected',
  notConnectedBody: 'This page is open in a browser (or Office did not load). You can still validate, aggregate and export .xlsx files; everything stays on this computer. WPS users can work this way too.',
  connectedTo: 'Connected to Excel',
  tabsLabel: 'Features',
  tabFill: 'Fill',
  tabValidate: 'Validate',
  tabAggregate: 'Aggregate',
  tabExport: 'Export',

  fillIntro: "Insert the notice's tables into this workbook (with dropdowns, text formats and frozen headers).",
  variantLabel: 'Variant',
  variant2: 'Attachment 2 (local authority)',
  variant3: 'Attachment 3 (service provider)',
  alongsideLabel: 'If the tables exist, add a numbered copy',
  insertTemplate: 'Insert template',
  inserting: 'Inserting…',
  inserted: 'Template inserted: ',
  fillNeedsExcel: 'Inserting a template needs the add-in open in Excel. Outside Excel, use Validate and Aggregate on filled-in files.',

  validateIntro: 'Check the tables in this workbook: required cells, numbering, categories, mobiles and e-mails, credit codes, word counts.',
  validate: 'Validate',
  validating: 'Validating…',
  liveValidation: 'Live validation (re-check after edits)',
  markCells: 'Mark problem cells',
  clearMarks: 'Clear marks',
  marksCleared: 'Cells unmarked: ',
  applyFix: 'Apply fix',
  applyAll: 'Apply all',
  applyAllHint: 'Only certain fixes are applied; suggestions are shown, never written.',
  fixesApplied: 'Fixes applied: ',
  noIssues: 'No issues found.',
  issuesTitle: 'Issues',
  tablesFound: 'Tables found: ',
  rowsUnit: 'rows',
  fixLabel: 'Fix: ',
  suggestionLabel: 'Suggestion: ',
  goToCell: 'Go to cell',
  filesIntro: 'Choose or drop one or more .xlsx files (regional submissions); they are checked on this computer, never uploaded.',
  chooseFiles: 'Choose .xlsx files',
  dropHere: 'or drop files here',
  reading: 'Reading files',
  fileUnreadable: 'Unreadable',
  fileOk: 'OK',
  fileIssues: 'issues',

  aggregateIntro: 'Choose the regional .xlsx files to merge into one summary, with cross-region checks (same enterprise in two regions, schemes per lead).',
  aggregateWriteExcel: 'The summary is written to new sheets of this workbook.',
  aggregateDownload: 'The summary is downloaded as 汇总.xlsx.',
  aggregating: 'Aggregating…',
  writingSheets: 'Writing sheets',
  summaryDone: 'Summary ready',
  summaryWritten: 'Sheets written: ',
  downloadAgain: 'Download 汇总.xlsx again',
  filesCount: 'Files',
  rowsCount: 'Rows in summary',
  reconciliation: 'Reconciliation (rows read = rows in summary)',
  balanced: 'balanced',
  unbalanced: 'NOT balanced',
  crossIssues: 'Cross-region findings',
  noCrossIssues: 'No cross-region findings.',
  maskLabel: 'Mask mobiles and e-mails (138****8000)',

  exportIntro: 'Export the summary as CSV: one file per table, plus the issues and the statistics.',
  exportNeedsSummary: 'No summary yet. Aggregate files on the Aggregate tab, or choose them here:',
  encodingLabel: 'Encoding',
  encodingUtf8: 'UTF-8 (with BOM, opens in Excel)',
  encodingGb18030: 'GB18030 (older software)',
  exportCsv: 'Export CSV',
  exported: 'Exported: ',
  csvSheetNote: 'This Excel cannot download files. The CSV was written to a sheet: use File › Save As › "CSV UTF-8"; or copy the text below.',
  csvText: 'CSV text',
  working: 'Working…',
  errorTitle: 'Something went wrong',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  tables: { agencies: 'Agencies', targets: 'Targets', schemes: 'Schemes', form: 'Form', workbook: 'File', summary: 'Summary' },
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

/** A thrown value's message in the current language (OfficeFeatureError and FileError carry messageEn). */
export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; messageEn?: unknown };
    if (lang === 'en' && typeof o.messageEn === 'string') return o.messageEn;
    if (typeof o.message === 'string') return o.message;
  }
  return String(e);
}
