export * from './template';
export * from './requirements';
export * from './lists';
export { checkWorkbook, clearMarks, selectIssueCell, applyFixes, type WorkbookCheck, type CheckOptions } from './validate';
export { MARK_STYLES } from './marks';
