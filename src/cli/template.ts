import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Variant } from '../core/notice/tables';
import { VARIANTS } from '../core/notice/tables';
import { writeTemplate } from '../xlsx/template';
import { ensureDir, refuseOverwrite } from './output';

export async function runTemplate(opts: { output?: string; variant?: string }): Promise<number> {
  if (!opts.output) {
    process.stderr.write('请用 -o 指定输出文件。Name the output file with -o.\n');
    return 2;
  }
  const variant = (opts.variant ?? '附件2').replace(/^(?:attachment|fj)?\s*([23])$/i, '附件$1');
  if (!(variant in VARIANTS)) {
    process.stderr.write(`--variant 只能是 附件2 或 附件3（收到 ${opts.variant}）。--variant must be 附件2 or 附件3.\n`);
    return 2;
  }
  if (!/\.xlsx$/i.test(opts.output)) {
    process.stderr.write(`-o 应以 .xlsx 结尾（收到 ${opts.output}）。The template must end in .xlsx.\n`);
    return 2;
  }
  // A filled-in submission named by mistake would be replaced by a blank template.
  const refused = refuseOverwrite(opts.output, 'nothing');
  if (refused) {
    process.stderr.write(`${refused.zh}\n${refused.en}\n`);
    return 2;
  }
  const bytes = await writeTemplate(variant as Variant);
  try {
    ensureDir(dirname(opts.output));
    writeFileSync(opts.output, bytes);
  } catch (e) {
    process.stderr.write(`无法写入 cannot write ${opts.output}：${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`已生成 ${variant} 模板 written: ${opts.output}\n`);
  return 0;
}
