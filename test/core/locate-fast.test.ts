/**
 * The locator's and the field checks' pre-filters answer without normalising where that cannot change the answer:
 * nfkc skips ICU for text NFKC leaves alone, parseTitle rules out text that holds no title mark, and
 * matchHeaderIfStable answers only for text that is its own header key. Each must agree with the long way.
 */
import fc from 'fast-check';
import { matchHeader, matchHeaderIfStable, MOST_COLUMNS_PER_CELL, parseTitle, parseTitleLongWay } from '../../src/core/locate/text';
import { TABLES, TABLE_KEYS } from '../../src/core/notice/tables';
import { nfkc } from '../../src/core/text/normalize';

/** Characters at the pre-filters' boundaries: spaces, zero-width, full-width, combining, title marks, headers. */
const TRICKY = [
  ' ', '\t', '\n', '\r', '\u00A0', '\u3000', '\u2028', '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u0000', '\u007F',
  'Ａ', '１', '３', '（', '）', '：', '，', '＠', '＊', '*', ':', '(', ')', '[', ']', 'A', 'e', '\u0301', '\u0338', '\u3099',
  'ｶ', 'ﾞ', '⼩', '\uF900', '㈱', '①', 'ﬁ', '\uD83D', '\uDE00', '表', '服', '务', '机', '构', '基', '本', '情', '况', '一', '二', '十',
];
const PIECES = [...TABLE_KEYS.flatMap((k) => [TABLES[k].title, TABLES[k].shortName, ...TABLES[k].columns.flatMap((c) => [c.header, ...c.aliases])]), '表1', '表 2', '表３：', '（手机与邮箱）', '13800138000', 'zs@qq.com'];

const piece = fc.oneof(
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 3 },
  { arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), weight: 2 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 4 },
  { arbitrary: fc.constantFrom(...PIECES), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);
const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((ps) => ps.join('')), fc.string({ unit: 'binary' }), fc.string());

describe('nfkc', () => {
  test('every BMP character alone, after a letter and before a combining mark: same as String#normalize', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}`, `${ch}\u0301`, `表${ch}\u3099`]) {
        if (nfkc(s) !== s.normalize('NFKC')) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  test('same as String#normalize on arbitrary strings', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(nfkc(s)).toBe(s.normalize('NFKC'));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('parseTitle pre-filter', () => {
  test('same answer as the long way on arbitrary strings', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(parseTitle(s)).toEqual(parseTitleLongWay(s));
      }),
      { numRuns: 20000 },
    );
  });

  test('every BMP character beside a title and alone: same answer as the long way', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}服务对象基本情况`, `表${ch}1`, `${ch}表1`, `服务${ch}方案基本情况`]) {
        if (JSON.stringify(parseTitle(s)) !== JSON.stringify(parseTitleLongWay(s))) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  test.each([
    ['表1 服务机构基本情况', { number: 1, table: 'agencies' }],
    ['服务对象基本情况', { table: 'targets' }],
    ['表 2', { number: 2 }],
    ['星汉智能装备股份有限公司', undefined],
    ['孟勇 13826972754', undefined],
  ])('parseTitle(%j)', (input, want) => {
    expect(parseTitle(input)).toEqual(want);
  });
});

describe('matchHeaderIfStable', () => {
  test('answers exactly what matchHeader does whenever it answers', () => {
    fc.assert(
      fc.property(text, (s) => {
        const quick = matchHeaderIfStable(s);
        if (quick !== undefined) expect(quick).toEqual(matchHeader(s));
      }),
      { numRuns: 20000 },
    );
  });

  test('answers for every header and alias as written in the notice, with at most MOST_COLUMNS_PER_CELL columns a table', () => {
    expect(MOST_COLUMNS_PER_CELL).toBeGreaterThanOrEqual(1);
    for (const k of TABLE_KEYS) {
      for (const c of TABLES[k].columns) {
        for (const h of [c.header, ...c.aliases]) {
          const quick = matchHeaderIfStable(h);
          if (quick !== undefined) expect(quick).toEqual(matchHeader(h));
          const perTable = new Map<string, number>();
          for (const m of matchHeader(h)) perTable.set(m.table, (perTable.get(m.table) ?? 0) + 1);
          for (const n of perTable.values()) expect(n).toBeLessThanOrEqual(MOST_COLUMNS_PER_CELL);
        }
      }
    }
  });
});
