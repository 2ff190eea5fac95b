/** Files → per-file results → summary: the one path the 汇总 and 导出 tabs share. */
import type { Summary } from '../core/aggregate/types';
import type { FileResult } from '../xlsx/check';
import type { Host } from './host';
import type { Lang, Strings } from './i18n';
import type { Download, FileProcessor } from './processor';

export interface Built {
  readonly results: FileResult[];
  readonly summary: Summary;
}

export async function buildSummary(processor: FileProcessor, files: readonly File[], onProgress: (done: number, total: number) => void): Promise<Built> {
  const results = await processor.check(files, onProgress);
  const summary = await processor.aggregate(results);
  return { results, summary };
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
