/**
 * `npm run bench`: node dist/node/bench/main.js [--files 36] [--rows 500] [--validate-rows 100000] [--quick] [--json].
 * Progress goes to stderr so that stdout is the report alone (or, with --json, one JSON object).
 * Exit 0 whatever the timings (they are figures, not tests); 2 for a usage error; 1 if the bench itself failed.
 */
import { parseBenchArgs, USAGE, UsageError } from './options';
import { formatReport } from './report';
import { runBench } from './run';

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const report = await runBench(options, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`完成 done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`基准测试失败 bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
