/**
 * Codes reported outside the cell validator, with the same shape as its catalog: the reader's refusals (read.*),
 * the locator's findings about a workbook (workbook.*) and the aggregator's cross-submission rules (cross.*).
 * Written once so every list of problems can title them; the code that reports them takes severity from here.
 */
import type { RuleSpec } from './catalog';

export const READ_RULES = {
  'read.empty': { severity: 'error', zh: '空文件', en: 'Empty file' },
  'read.encrypted': { severity: 'error', zh: '工作簿设置了打开密码', en: 'Workbook is password-protected' },
  'read.xls': { severity: 'error', zh: '旧版 .xls 格式，请另存为 .xlsx', en: 'Old .xls format; save it as .xlsx' },
  'read.xlsb': { severity: 'error', zh: '.xlsb 二进制格式，请另存为 .xlsx', en: '.xlsb binary format; save it as .xlsx' },
  'read.ods': { severity: 'error', zh: 'OpenDocument 表格，请另存为 .xlsx', en: 'OpenDocument spreadsheet; save it as .xlsx' },
  'read.numbers': { severity: 'error', zh: 'Numbers 表格，请导出为 .xlsx', en: 'Numbers spreadsheet; export it as .xlsx' },
  'read.not-xlsx': { severity: 'error', zh: '不是 .xlsx 工作簿', en: 'Not an .xlsx workbook' },
  'read.corrupt': { severity: 'error', zh: '文件已损坏或不完整', en: 'File is corrupt or truncated' },
  'read.xml-doctype': { severity: 'error', zh: '工作簿中含有不允许的 XML DOCTYPE', en: 'Workbook holds a forbidden XML DOCTYPE' },
  'read.parse-failed': { severity: 'error', zh: '工作簿无法解析', en: 'Workbook could not be parsed' },
  'read.is-summary': { severity: 'error', zh: '这是本工具生成的汇总工作簿，不是报送文件', en: 'A summary workbook made by this tool, not a submission' },
  'read.lock-file': { severity: 'error', zh: 'Office 临时锁文件，不是报送文件', en: 'An Office lock file, not a submission' },
  'read.not-found': { severity: 'error', zh: '找不到文件或目录', en: 'No such file or folder' },
  'read.io': { severity: 'error', zh: '无法打开文件（权限或磁盘错误）', en: 'File could not be opened (permissions or disk error)' },
  'read.internal': { severity: 'error', zh: '读取时发生内部错误（请报告此问题）', en: 'Internal error while reading (please report it)' },
  'read.limit.file-size': { severity: 'error', zh: '文件超过大小限制', en: 'File larger than allowed' },
  'read.limit.decompressed': { severity: 'error', zh: '解压后超过大小限制', en: 'Uncompressed size larger than allowed' },
  'read.limit.entry-size': { severity: 'error', zh: '压缩包中单个部件超过大小限制', en: 'One part of the archive larger than allowed' },
  'read.limit.ratio': { severity: 'error', zh: '压缩比异常（疑似压缩炸弹）', en: 'Compression ratio too high (zip bomb?)' },
  'read.limit.zip-entries': { severity: 'error', zh: '压缩包条目过多', en: 'Too many entries in the archive' },
  'read.limit.sheets': { severity: 'error', zh: '工作表过多', en: 'Too many worksheets' },
  'read.limit.cells': { severity: 'error', zh: '单元格过多', en: 'Too many cells' },
  'read.limit.text': { severity: 'error', zh: '文字过多', en: 'Too much text' },
} as const satisfies Record<string, RuleSpec>;

export const WORKBOOK_RULES = {
  'workbook.no-tables': { severity: 'error', zh: '工作簿中没有找到通知附件中的表格', en: 'No table of the notice in the workbook' },
  'workbook.table-missing': { severity: 'error', zh: '该版本应有的表没有找到', en: 'A table the variant requires is missing' },
  'workbook.column-missing': { severity: 'error', zh: '表中缺少某一列', en: 'A column of the table is missing' },
  'workbook.duplicate-table': { severity: 'warning', zh: '同一张表出现两次，第二张（没有数据行）未读入', en: 'The same table twice; the second (no data rows) was not read' },
  'workbook.table-not-merged': { severity: 'error', zh: '同一种表还有一张，其中的数据行未汇总', en: 'Another table of the same kind; its data rows were not merged' },
  'workbook.hidden-sheet': { severity: 'warning', zh: '隐藏工作表中有内容，未读入', en: 'A hidden sheet holds data; it was not read' },
  'workbook.hidden-rows': { severity: 'warning', zh: '表格中的隐藏行，已照常读取', en: 'A hidden row in a table; it was read' },
  'workbook.formula-no-value': { severity: 'error', zh: '公式没有保存计算结果，读到空值', en: 'Formula saved without its result; read as empty' },
  'workbook.variant-guessed': { severity: 'info', zh: '无法判断版本，按默认版本读取', en: 'Variant could not be told; the default was used' },
  'workbook.region-unknown': { severity: 'warning', zh: '无法判断报送地区', en: 'Region not recognised' },
  'workbook.region-conflict': { severity: 'warning', zh: '文件名中的地区与文件内容不一致', en: 'The file name names another region than its content' },
  'row.skipped': { severity: 'info', zh: '表格中的非数据行（合计、说明、提示、只有序号或省略号），未读入', en: 'Rows in a table that are not data (totals, notes, hints, 序号 only, ellipses); not read' },
} as const satisfies Record<string, RuleSpec>;

export const CROSS_RULES = {
  'cross.enterprise-in-multiple-regions': { severity: 'warning', zh: '同一企业出现在多个地区', en: 'Same enterprise in several regions' },
  'cross.lead-scheme-limit': { severity: 'error', zh: '牵头方案总数超过5个', en: 'Lead has more than 5 schemes' },
  'cross.scheme-in-multiple-regions': { severity: 'info', zh: '同一方案出现在多个地区', en: 'Same scheme in several regions' },
  'cross.duplicate-region': { severity: 'warning', zh: '同一地区提交了两份', en: 'Two files for one region' },
} as const satisfies Record<string, RuleSpec>;

export type ReadRuleCode = keyof typeof READ_RULES;
export type WorkbookRuleCode = keyof typeof WORKBOOK_RULES;
export type CrossRuleCode = keyof typeof CROSS_RULES;
