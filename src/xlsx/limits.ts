/**
 * Limits applied to untrusted workbook bytes before and after SheetJS sees them. Data, not code: the reader,
 * its tests and the README quote these numbers. Each limit has a stable code used in ReadError.
 */
export interface ReadLimits {
  /** Largest accepted file, in bytes (the .xlsx as uploaded). */
  readonly maxFileBytes: number;
  /** Sum of all declared uncompressed entry sizes in the zip. */
  readonly maxDecompressedBytes: number;
  /** Largest single uncompressed entry (a sheet or sharedStrings part). */
  readonly maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio for an entry bigger than `ratioMinBytes`. */
  readonly maxCompressionRatio: number;
  readonly ratioMinBytes: number;
  /** Entries in the zip directory. */
  readonly maxZipEntries: number;
  /** Worksheets in the workbook. */
  readonly maxSheets: number;
  /** Non-empty cells over all sheets. */
  readonly maxCells: number;
  /** Characters of cell text over all sheets (a shared-string bomb repeats one long string in many cells). */
  readonly maxTextChars: number;
}

export const READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 150 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioMinBytes: 1024 * 1024,
  maxZipEntries: 5000,
  maxSheets: 200,
  maxCells: 2_000_000,
  maxTextChars: 100_000_000,
};

/** Which limit was hit: the ReadError code and the human name of the limit. */
export const LIMIT_NAMES: Readonly<Record<keyof ReadLimits, { zh: string; en: string }>> = {
  maxFileBytes: { zh: '文件大小', en: 'file size' },
  maxDecompressedBytes: { zh: '解压后总大小', en: 'total decompressed size' },
  maxEntryBytes: { zh: '单个部件解压后大小', en: 'decompressed size of one part' },
  maxCompressionRatio: { zh: '压缩比', en: 'compression ratio' },
  ratioMinBytes: { zh: '压缩比检查起点', en: 'ratio check threshold' },
  maxZipEntries: { zh: '压缩包条目数', en: 'number of zip entries' },
  maxSheets: { zh: '工作表数', en: 'number of sheets' },
  maxCells: { zh: '单元格数', en: 'number of cells' },
  maxTextChars: { zh: '单元格文字总长度', en: 'total characters of cell text' },
};
