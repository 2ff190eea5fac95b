/**
 * Names of the summary's sheets and tables, shared by the .xlsx writers and the in-Excel writer so a reviewer
 * finds the same 服务机构 sheet and `PT_Agencies` table whichever way the summary was made.
 */
import { JOINT_APPLICANTS_LABEL } from '../notice/forms';
import { TABLES, type TableKey } from '../notice/tables';

/** Sheets every summary has, in order. */
export const SUMMARY_SHEET_NAMES = {
  cover: '说明',
  agencies: TABLES.agencies.shortName,
  targets: TABLES.targets.shortName,
  schemes: TABLES.schemes.shortName,
  /** 附件3's 联合申报单位 (joint applicants), after the three tables; header only when no file has any. */
  jointApplicants: JOINT_APPLICANTS_LABEL,
  statistics: '统计',
  issues: '问题清单',
} as const;

/**
 * Table names: ASCII, starting with a letter, no spaces, not a cell reference, unique in the workbook and
 * distinct from the defined names (List_*): valid in Excel, LibreOffice and exceljs alike.
 */
export const SUMMARY_TABLE_NAMES: Readonly<Record<TableKey | 'jointApplicants' | 'issues' | 'files' | 'reconciliation', string>> = {
  agencies: 'PT_Agencies',
  targets: 'PT_Targets',
  schemes: 'PT_Schemes',
  jointApplicants: 'PT_JointApplicants',
  issues: 'PT_Issues',
  files: 'PT_Files',
  reconciliation: 'PT_Reconciliation',
};
