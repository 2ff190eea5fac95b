/**
 * Whether bytes are a summary workbook this tool wrote (by the .xlsx writers or in Excel): it has the 问题清单
 * table `PT_Issues`, which no submission template has. Used so a summary lying in a folder of submissions is
 * never read back as one more region, and so `-o` never overwrites a file that is not a summary.
 */
import { SUMMARY_TABLE_NAMES } from '../core/aggregate/names';
import type { FileResult } from './check';
import { READ_LIMITS } from './limits';
import { extractEntry, readZipDirectory } from './read-zip';

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/i;
/** Table parts are a few hundred bytes; anything far larger is not one of ours and is not inflated. */
const MAX_TABLE_PART_BYTES = 1 << 20;

export function isPilotSummary(bytes: Uint8Array): boolean {
  const marker = `name="${SUMMARY_TABLE_NAMES.issues}"`;
  try {
    for (const entry of readZipDirectory(bytes, READ_LIMITS)) {
      if (!TABLE_PART.test(entry.name) || entry.size > MAX_TABLE_PART_BYTES) continue;
      if (new TextDecoder().decode(extractEntry(bytes, entry)).includes(marker)) return true;
    }
  } catch {
    // Not a readable zip: certainly not a summary; the reader gives the real error if it is read.
  }
  return false;
}

/** The result the task pane shows for a summary chosen among the submissions: not read, and why. */
export function summaryFileResult(file: string): FileResult {
  return {
    file,
    status: 'error',
    error: {
      code: 'read.is-summary',
      message: '这是本工具生成的汇总工作簿（含问题清单表），不是地区报送文件，未读取、未汇总。',
      messageEn: 'This is a summary workbook made by Pilot Tables, not a regional submission; it was not read or merged.',
    },
    issues: [],
  };
}
