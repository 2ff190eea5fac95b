/**
 * The README is the product's manual: its first commands must exist, and every code a user can meet in the
 * CLI, the task pane or the summary's 问题清单 must be explained there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/core/rules/catalog';
import { ALL_RULE_CODES, ruleSpec } from '../src/core/rules/titles';

const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Quoted codes in source files: reader and locator codes live beside the code that raises them. */
function codesIn(dir: string, pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(pattern)) found.add(m[1]);
  }
  return [...found].sort();
}

describe('README', () => {
  test('starts with the two commands a newcomer runs: the demo, then the tests', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
    expect(readme.indexOf('```bash')).toBeLessThan(readme.indexOf('## '));
  });

  test('every `npm run X` it mentions is a script in package.json', () => {
    const used = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(Object.keys(pkg.scripts)).toContain(script);
  });

  test('explains every code any part of Pilot Tables reports', () => {
    // read.xls … read.numbers share one row; limits are documented together as read.limit.*
    const documented = (code: string) => readme.includes(`\`${code}\``) || (code.startsWith('read.limit.') && readme.includes('`read.limit.*`'));
    expect(ALL_RULE_CODES.length).toBeGreaterThan(Object.keys(RULES).length);
    expect(ALL_RULE_CODES.filter((code) => !documented(code))).toEqual([]);
  });

  test('every code raised in the source is in a catalog (so it is titled and documented)', () => {
    const raised = [
      ...codesIn(join(ROOT, 'src/core/locate'), /'(workbook\.[a-z-]+)'/g),
      ...codesIn(join(ROOT, 'src/xlsx'), /'(read\.[a-z.-]+)'/g),
      ...codesIn(join(ROOT, 'src/cli'), /'((?:read|workbook|cross)\.[a-z.-]+)'/g),
      ...codesIn(join(ROOT, 'src/core/aggregate'), /'(cross\.[a-z-]+)'/g),
    ];
    expect(raised.length).toBeGreaterThan(15);
    expect(raised.filter((code) => !ruleSpec(code))).toEqual([]);
  });
});
