#!/usr/bin/env node
/**
 * pilot-tables — the command line of 试点表格助手 for reviewers and batch work.
 *   pilot-tables validate FILE… [--json]
 *   pilot-tables template -o FILE [--variant 附件2|附件3]
 *   pilot-tables aggregate FILE|DIR… -o summary.xlsx [--csv DIR] [--encoding utf8|gb18030] [--mask] [--json] [--exit-zero]
 * Exit codes: 0 no errors found, 1 errors found, 2 an input could not be read or the usage was wrong
 * (a batch where any file is unreadable exits 2, even when the others were aggregated).
 */
import { parseArgs } from 'node:util';
import { runValidate } from './validate';
import { runTemplate } from './template';
import { runAggregate } from './aggregate';

export const USAGE = `试点表格助手 Pilot Tables — 工信厅网安函〔2023〕356号 表格工具

用法 Usage:
  pilot-tables validate FILE|DIR… [--json]
      校验报送文件，按单元格列出问题。Validate submissions; issues by cell.
  pilot-tables template -o FILE [--variant 附件2|附件3]
      生成空白官方模板（含下拉列表）。Write the blank official template.
  pilot-tables aggregate FILE|DIR… -o summary.xlsx [--csv DIR] [--encoding utf8|gb18030] [--mask] [--json] [--exit-zero]
      汇总多个报送文件为汇总工作簿，可导出 CSV。Merge submissions into a summary workbook (+ CSV).
      --csv DIR        每张表、问题清单、统计各一个 CSV。One CSV per table, plus issues and statistics.
      --encoding       utf8（默认，带 BOM）或 gb18030。utf8 (default, with BOM) or gb18030.
      --mask           手机、邮箱脱敏（汇总工作簿和 CSV）。Mask mobiles and e-mails (workbook and CSV).
      --json           输出 JSON：文件状态、行数核对、跨地区问题。Print JSON: files, reconciliation, cross issues.
      --exit-zero      发现错误时仍以 0 退出（无法读取仍为 2）。Exit 0 when errors are found (unreadable stays 2).
      目录中的非表格文件会被跳过并列出。Non-spreadsheet files inside a folder are skipped and listed.

退出码 Exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 无法读取或用法错误 unreadable input / usage
  （任一文件无法读取即为 2 any unreadable file → 2）
`;

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `pilot-tables aggregate --help` is how people ask; before `--`, a help flag wins over everything else.
  const beforeDashes = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'));
  if (command !== undefined && (beforeDashes.includes('--help') || beforeDashes.includes('-h'))) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    switch (command) {
      case 'validate': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
        return await runValidate(positionals, { json: !!values.json });
      }
      case 'template': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { output: { type: 'string', short: 'o' }, variant: { type: 'string', default: '附件2' } },
        });
        if (positionals.length) throw new UsageError(`多余的参数 unexpected argument: ${positionals.join(' ')}`);
        return await runTemplate({ output: values.output, variant: values.variant });
      }
      case 'aggregate': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            output: { type: 'string', short: 'o' },
            csv: { type: 'string' },
            encoding: { type: 'string' },
            mask: { type: 'boolean' },
            json: { type: 'boolean' },
            'exit-zero': { type: 'boolean' },
          },
        });
        return await runAggregate(positionals, {
          output: values.output,
          csv: values.csv,
          encoding: values.encoding,
          mask: !!values.mask,
          json: !!values.json,
          exitZero: !!values['exit-zero'],
        });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令 unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    // parseArgs' own errors (unknown option, missing value). Checked by code, not instanceof: the error may come
    // from another realm (Node's internals under a test runner's VM context).
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`参数错误 invalid arguments：${(e as { message?: string }).message ?? code}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误 internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
