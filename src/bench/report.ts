/** The bench report as text: the figures by section, the checks, then one table of every phase. */
import { displayWidth, padEnd, padStart } from '../cli/width';
import { TABLE_KEYS, TABLES } from '../core/notice/tables';
import { TARGET_PARSE_FACTOR, WRITE_MEMORY_LIMIT_MB } from './checks';
import { MB } from './memory';
import type { Phase } from './measure';
import type { BenchReport } from './run';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => `${int(n)} ms`;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'OVER');

function rate(p: Phase): string {
  if (p.ms <= 0) return '—';
  const perSecond = (p.count / p.ms) * 1000;
  return p.unit === 'rows' ? `${int(perSecond)} rows/s` : `${(p.ms / p.count).toFixed(0)} ms/file`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const widths = header.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i])].map(displayWidth)));
  const line = (r: readonly string[]) => r.map((c, i) => (i >= rightFrom ? padStart(c, widths[i]) : padEnd(c, widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function formatReport(r: BenchReport): string {
  const { validation: v, pipeline: p, checks: c } = r;
  const ph = p.phases;
  const out: string[] = [];
  const env = r.environment;
  out.push(`试点表格助手 基准测试  Pilot Tables bench — Node ${env.node}, ${env.platform}/${env.arch}, ${env.cpus} CPUs, V8 heap limit ${int(env.heapLimitMb)} MB`);
  const busy = Math.max(env.loadAverage.before, env.loadAverage.after) > env.cpus;
  out.push(
    `负载 load average (1 min): ${env.loadAverage.before.toFixed(2)} before, ${env.loadAverage.after.toFixed(2)} after${busy ? ' — above the CPU count: other work on the machine skewed the timings' : ''}.`,
  );
  out.push(
    `规模 Sizes: ${p.files} 个工作簿 workbooks × 3 表 tables × ${p.rowsPerTable} 行 rows; 校验吞吐 ${int(r.options.validateRows)} 行 rows. 数据固定种子生成 seeded, deterministic data.`,
  );
  out.push('');
  out.push('1. 校验吞吐 Validation throughput (validateSubmission only)');
  out.push(`   生成 generated ${int(v.rowsGenerated)} rows in ${v.submissions} submissions (附件2 + 附件3, planted mistakes): ${ms(v.generation.ms)} (not counted)`);
  out.push(`   ${TABLE_KEYS.map((t) => `${TABLES[t].shortName} ${int(v.rowsByTable[t])}`).join('，')}`);
  out.push(`   校验 validated ${int(v.rowsValidated)} rows in ${ms(v.phase.ms)} → ${int(v.rowsPerSecond)} 行/秒 rows/s`);
  out.push(`   发现问题 issues: 错误 errors ${int(v.issues.error)}, 警告 warnings ${int(v.issues.warning)}, 提示 info ${int(v.issues.info)}`);
  out.push('');
  out.push(`2. 文件流程 File pipeline: ${p.files} workbooks, ${int(p.rows.generated.total)} rows`);
  out.push(`   生成工作簿 generate (not counted): ${ms(ph.generate.ms)}, ${mb(ph.generate.bytes ?? 0)} of .xlsx`);
  out.push(`   仅解析 bare parse (XLSX.read, SHEETJS_READ_OPTIONS): ${ms(ph.parse.ms)} (${p.parsedSheets} sheets)`);
  out.push(`   读取+校验 read + validate (checkFile, zlib inflate as the CLI): ${ms(ph.readValidate.ms)} → 开销比 overhead ratio ${c.overheadRatio.toFixed(2)}× bare parse`);
  out.push(`   汇总 aggregate: ${ms(ph.aggregate.ms)} (${p.balanced ? '行数一致 balanced' : '行数不一致 NOT balanced'}; cross-submission issues ${p.crossIssues})`);
  out.push(`   写汇总表 write summary .xlsx (streaming writer, with Excel tables, as the CLI): ${ms(ph.write.ms)}, ${mb(ph.write.bytes ?? 0)}`);
  out.push(`   CSV 导出 export (${ph.csvUtf8.count} files each): UTF-8 ${ms(ph.csvUtf8.ms)} ${mb(ph.csvUtf8.bytes ?? 0)}; GB18030 ${ms(ph.csvGb18030.ms)} ${mb(ph.csvGb18030.bytes ?? 0)}`);
  out.push(
    `   行数核对 reconciliation: generated ${int(p.rows.generated.total)} = read ${int(p.rows.read.total)} = summary ${int(p.rows.summary.total)} → ${
      p.rows.generated.total === p.rows.read.total && p.rows.read.total === p.rows.summary.total && p.mismatches.length === 0 ? 'OK' : 'MISMATCH'
    }`,
  );
  for (const m of p.mismatches) out.push(`     ! ${m.file} ${m.table}: generated ${m.generated}, read ${m.read}`);
  for (const u of p.unreadable) out.push(`     ! unreadable ${u}`);
  out.push('');
  out.push('3. 目标 Targets (issue 4; reported, never asserted)');
  out.push(`   汇总+写 aggregate + write: ${ms(c.aggregateWriteMs)}`);
  out.push(
    `   端到端 read+validate + aggregate + write = ${ms(c.endToEndMs)}  vs  ${TARGET_PARSE_FACTOR} × bare parse + write = ${ms(c.targetMs)} → ${verdict(c.withinTarget)} (${((c.endToEndMs / c.targetMs) * 100).toFixed(0)}% of target)`,
  );
  out.push(
    `   余量 budget: the target leaves ${ms(c.budgetMs)} (${(TARGET_PARSE_FACTOR - 1).toFixed(1)} × bare parse) beyond parsing for locating, validating and merging; they take ${ms(c.beyondParseMs)} (read+validate − bare parse + aggregate)`,
  );
  out.push(
    `   写汇总表内存 write memory: peak RSS ${c.writePeakRssMb.toFixed(0)} MB (+${c.writeRssGrowthMb.toFixed(0)} MB during the write), heap ${c.writePeakHeapMb.toFixed(0)} MB (limit ${WRITE_MEMORY_LIMIT_MB} MB RSS for ${int(p.rows.summary.total)} rows) → ${verdict(c.withinMemory)}`,
  );
  out.push(`   全程峰值 overall peak: RSS ${c.peakRssMb.toFixed(0)} MB, heap ${c.peakHeapMb.toFixed(0)} MB`);
  if (r.inMemory && c.withInMemoryWrite) {
    const s = r.inMemory.phase;
    const w = c.withInMemoryWrite;
    out.push(
      `   对比 comparison — in-memory writer (exceljs Workbook + writeBuffer, the task pane's path), same workbook: ${ms(s.ms)}, ${mb(s.bytes ?? 0)}, peak RSS ${(s.memory.rss / MB).toFixed(0)} MB (+${((s.memory.rss - s.memory.startRss) / MB).toFixed(0)} MB), heap ${(s.memory.heapUsed / MB).toFixed(0)} MB`,
    );
    out.push(
      `     with it as the write: end to end ${ms(w.endToEndMs)} vs ${ms(w.targetMs)} → ${verdict(w.withinTarget)}; memory ${w.peakRssMb.toFixed(0)} MB → ${verdict(w.withinMemory)}`,
    );
  }
  out.push('');
  out.push('4. 汇总 Figures');
  const rows = r.phases.map((x) => [
    `${x.aside ? '(' : ''}${x.zh} ${x.en}${x.aside ? ')' : ''}`,
    `${int(x.count)} ${x.unit}`,
    int(x.ms),
    rate(x),
    x.bytes === undefined ? '' : mb(x.bytes),
    `${(x.memory.rss / MB).toFixed(0)} (+${(Math.max(0, x.memory.rss - x.memory.startRss) / MB).toFixed(0)})`,
    (x.memory.heapUsed / MB).toFixed(0),
  ]);
  out.push(...table(['阶段 Phase', '数量 Count', '耗时 ms', '速率 Rate', '大小 Size', '峰值RSS MB (增量 +)', '峰值堆 heap MB'], rows, 1).map((l) => `   ${l}`));
  out.push('   (…) = 不计入流程 not part of the measured pipeline. Each step ran once on a small workbook first (warm-up, not counted).');
  out.push('   RSS is sampled by a worker thread every 50 ms; heap peaks are sampled on the main thread, so they are lower bounds.');
  return out.join('\n');
}
