/** Writing the command's outputs safely: folders made one level at a time, nobody's submission overwritten. */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isPilotSummary } from '../xlsx/summary-detect';

/**
 * mkdir -p, one level at a time. Node's own `recursive: true` spins forever under /proc (procfs answers ENOENT
 * where it should refuse), so the deepest existing folder is found first and each missing level made in turn:
 * a folder that cannot be made fails with its error instead.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
  // An existing file where the folder should be: refuse now, before anything else is written.
  if (!statSync(resolve(dir)).isDirectory()) throw new Error(`${dir} 已存在且不是目录 exists and is not a folder`);
}

/**
 * Why `path` must not be written over, or undefined when it may be: a folder, or an existing file that is not a
 * summary this tool wrote (most likely a submission named by mistake, which would be lost).
 */
export function refuseOverwrite(path: string, allowed: 'summary' | 'nothing'): { zh: string; en: string } | undefined {
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) return { zh: `${path} 是一个目录，请指定文件名，例如 ${path}/汇总.xlsx。`, en: `${path} is a folder; name a file.` };
  if (allowed === 'summary' && isPilotSummary(new Uint8Array(readFileSync(path)))) return undefined;
  return allowed === 'summary'
    ? { zh: `${path} 已存在且不是本工具生成的汇总工作簿（可能是一份报送文件），为避免覆盖，未写入。请换一个文件名，或确认后先删除它。`, en: `${path} exists and is not a summary this tool wrote (perhaps a submission); not overwritten. Choose another name, or delete it first.` }
    : { zh: `${path} 已存在，为避免覆盖，未写入。请换一个文件名，或确认后先删除它。`, en: `${path} exists; not overwritten. Choose another name, or delete it first.` };
}
