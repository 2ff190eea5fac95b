import fc from 'fast-check';
import { normalizeText, compactText, nameKey, numberText, textOf } from '../src/core/text/normalize';

describe('text normalisation', () => {
  test.each([
    ['  保险公司 ', '保险公司'],
    ['ＡＢＣ＠１２３', 'ABC@123'],
    ['a\u3000b\u200Bc', 'a bc'],
    ['（手机与邮箱）', '(手机与邮箱)'],
  ])('normalizeText(%j) = %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('names that differ only in spacing, brackets and trailing punctuation share a key', () => {
    expect(nameKey(' 星汉智能（苏州）装备有限公司。')).toBe(nameKey('星汉智能(苏州)装备 有限公司'));
    expect(nameKey('甲公司')).not.toBe(nameKey('乙公司'));
    expect(compactText('保险 公司')).toBe('保险公司');
  });

  test('numbers keep every digit', () => {
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(1.5)).toBe('1.5');
    expect(textOf(null)).toBe('');
    expect(textOf(true)).toBe('TRUE');
  });

  test('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
      }),
    );
  });
});
