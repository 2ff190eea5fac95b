/** Files → per-file results → summary: the one path the 汇总 and 导出 tabs share. */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import { skipReason } from './file-status';
import type { Host } from './host';
import type { Lang, Strings } from './i18n';
import type { Download, FileProcessor } from './processor';

export interface Built {
  /** The results aggregated, parallel to summary.files (summary.files[i].index === i). */
  readonly results: FileResult[];
  readonly summary: Summary;
  /** Files chosen but not submissions (a summary this tool wrote, an Office lock file): not in the summary. */
  readonly skipped: readonly FileResult[];
}

export async function buildSummary(processor: FileProcessor, files: readonly File[], onProgress: (done: number, total: number) => void): Promise<Built> {
  const all = await processor.check(files, onProgress);
  const results = all.filter((r) => !skipReason(r));
  const summary = await processor.aggregate(results);
  return { results, summary, skipped: all.filter((r) => skipReason(r)) };
}

/** What the 汇总 and 导出 tabs are given: both build (or reuse) the same summary. */
export interface SummaryTabProps {
  readonly host: Host | null;
  readonly processor: FileProcessor;
  readonly download: Download;
  readonly built: Built | null;
  readonly onBuilt: (built: Built) => void;
  /** 隐去手机和邮箱: one choice for both tabs, so a summary masked on 汇总 is not exported unmasked on 导出. */
  readonly mask: boolean;
  readonly onMask: (mask: boolean) => void;
  readonly lang: Lang;
  readonly t: Strings;
}
