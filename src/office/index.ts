export * from './template';
export * from './requirements';
export * from './lists';
export { checkWorkbook, clearMarks, selectIssueCell, applyFixes, type WorkbookCheck, type CheckOptions } from './validate';
export { watchChanges, DEFAULT_DEBOUNCE_MS, type WatchOptions } from './live';
export { writeSummary, type WriteSummaryOptions, type WriteSummaryResult } from './summary';
export { OFFICE_SUMMARY_SHEETS, OFFICE_SUMMARY_TABLES, planSummary } from './summary-plan';
export { csvDeliveryFor, writeCsvSheet, type CsvDelivery } from './export';
export { MARK_STYLES } from './marks';
