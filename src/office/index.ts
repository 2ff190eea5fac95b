export * from './template';
export * from './requirements';
export * from './lists';
export { checkWorkbook, clearMarks, selectIssueCell, applyFixes, type WorkbookCheck, type CheckOptions } from './validate';
export { watchChanges, DEFAULT_DEBOUNCE_MS, type WatchOptions } from './live';
export { MARK_STYLES } from './marks';
