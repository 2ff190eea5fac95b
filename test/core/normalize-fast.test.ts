/**
 * normalizeText and headerKey return text that is already normal without running NFKC and the regex chain.
 * The fast answer must be exactly the long way's, on any string: the long ways are restated here as they were.
 */
import fc from 'fast-check';
import { headerKey } from '../../src/core/locate/text';
import { NFKC_STABLE_CHARS, nameKey, normalizeText } from '../../src/core/text/normalize';

function slowNormalizeText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u3000]+/g, ' ')
    .trim();
}

function slowNameKey(value: string): string {
  return slowNormalizeText(value)
    .replace(/ /g, '')
    .replace(/[。．.；;，,、\s]+$/u, '')
    .replace(/[（【［〔]/g, '(')
    .replace(/[）】］〕]/g, ')')
    .toLowerCase();
}

function slowHeaderKey(text: string): string {
  return slowNormalizeText(text)
    .replace(/\s+/g, '')
    .replace(/[（【［〔[{]/g, '(')
    .replace(/[）】］〕\]}]/g, ')')
    .replace(/^[*＊※]+/, '')
    .replace(/[*＊※]+$/, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

const STABLE = new RegExp(`^[${NFKC_STABLE_CHARS}]$`, 'u');

/** Characters that NFKC, the space folding or headerKey change, or that combine with what precedes them. */
const TRICKY = [
  ' ', '  ', '\t', '\n', '\r', '\u00A0', '\u3000', '\u2028', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD',
  'Ａ', 'ａ', '１', '（', '）', '：', '，', '＠', '．', '［', '］', '〔', '〕', '【', '】', '＊', '※', '*', ':', '[', ']', '{', '}',
  'A', 'Z', 'e', '\u0301', '\u0338', '\u3099', '\u309A', 'か', 'ｶ', 'ﾞ', '\u1100', '\u1161', '\u11A8', '가',
  '⼩', '\uF900', '\uFA0E', '㈱', '①', 'ﬁ', 'Ⅻ', '\u2126', 'ß', 'İ', '\uD83D', '\uDE00', '😀',
];

const stableChar = fc.oneof(
  fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('·', '—', '‘', '’', '“', '”', '、', '。', '〈', '〉', '《', '》', '「', '」', '『', '』'),
);
const mixedChar = fc.oneof(
  { arbitrary: stableChar, weight: 6 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);
/** Mostly-normal text with the odd tricky character: the fast path's boundary. */
const nearlyNormal = fc.array(mixedChar, { maxLength: 24 }).map((cs) => cs.join(''));
const anyText = fc.oneof(nearlyNormal, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

describe('normalizeText fast path', () => {
  test('every stable character is NFKC- and NFD-stable, not a space, and never the second half of a canonical composition', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (STABLE.test(ch)) {
        expect(ch.normalize('NFKC')).toBe(ch);
        expect(ch.normalize('NFD')).toBe(ch);
        expect(/\s/.test(ch)).toBe(false);
      }
      // A class character after the first in a canonical decomposition could compose with what precedes it.
      const d = [...ch.normalize('NFD')];
      if (d.length > 1 && d.slice(1).some((x) => STABLE.test(x))) throw new Error(`U+${cp.toString(16)} decomposes onto a stable character`);
    }
  });

  test('same as NFKC + zero-width removal + space folding + trim, on arbitrary strings (full-width, CJK, combining)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalizeText(s)).toBe(slowNormalizeText(s));
      }),
      { numRuns: 20000 },
    );
  });

  test.each([
    ['', ''],
    ['北京宏图云计算服务有限公司', '北京宏图云计算服务有限公司'],
    ['zs@qq.com 13800138000', 'zs@qq.com 13800138000'],
    [' 保险公司', '保险公司'],
    ['保险  公司', '保险 公司'],
    ['ＡＢＣ＠１２３', 'ABC@123'],
    ['（手机与邮箱）', '(手机与邮箱)'],
    ['⼩计', '小计'],
    ['e\u0301', 'é'],
    ['a\u200Bb', 'ab'],
  ])('normalizeText(%j) = %j', (input, want) => {
    expect(normalizeText(input)).toBe(want);
    expect(slowNormalizeText(input)).toBe(want);
  });
});

describe('headerKey fast path', () => {
  test('every BMP character alone and between letters: same key as the long way', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `表${ch}`, `${ch}${ch}`]) {
        if (headerKey(s) !== slowHeaderKey(s)) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  test('same as the long way on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(headerKey(s)).toBe(slowHeaderKey(s));
      }),
      { numRuns: 20000 },
    );
  });

  test.each([
    ['序号', '序号'],
    ['*机构名称：', '机构名称'],
    ['联系方式（手机与邮箱）', '联系方式(手机与邮箱)'],
    ['E-mail', 'e-mail'],
    ['【备注】', '(备注)'],
    ['合计', '合计'],
    ['⼩计', '小计'],
  ])('headerKey(%j) = %j', (input, want) => {
    expect(headerKey(input)).toBe(want);
  });
});

describe('nameKey fast path', () => {
  test('every BMP character alone, between letters and at the end: same key as the long way', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `公司${ch}`, `${ch}${ch}`]) {
        if (nameKey(s) !== slowNameKey(s)) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
  });

  test('same as the long way on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(nameKey(s)).toBe(slowNameKey(s));
      }),
      { numRuns: 20000 },
    );
  });

  test.each([
    ['北京宏图云计算服务有限公司', '北京宏图云计算服务有限公司'],
    ['星汉智能(苏州)装备有限公司.', '星汉智能(苏州)装备有限公司'],
    ['星汉智能（苏州）装备 有限公司。', '星汉智能(苏州)装备有限公司'],
    ['ABC公司', 'abc公司'],
    ['【甲】公司、', '(甲)公司'],
    ['', ''],
  ])('nameKey(%j) = %j', (input, want) => {
    expect(nameKey(input)).toBe(want);
  });
});
