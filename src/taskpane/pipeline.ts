/** Files → per-file results → summary: the one path the 汇总 and 导出 tabs share. */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import type { FileProcessor } from './processor';

export interface Built {
  readonly results: FileResult[];
  readonly summary: Summary;
}

export async function buildSummary(processor: FileProcessor, files: readonly File[], onProgress: (done: number, total: number) => void): Promise<Built> {
  const results = await processor.check(files, onProgress);
  const summary = await processor.aggregate(results);
  return { results, summary };
}
