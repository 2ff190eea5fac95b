/**
 * --mask and e-mails written with spaces around the @ (src/core/csv/mask.ts). QA found `136 1234 5679 /
 * qianjin @ qq.com` shown with its whole local part in 服务对象.csv, 问题清单 and the workbook: the mask looked for
 * the local part right against the @. The validator reads through those spaces (normalizeEmail), so the mask must.
 * Examples, then properties: a generated address, however spaced (ASCII, ideographic, no-break, tab, line break,
 * zero-width) and with whatever @ (@ ＠ ﹫) or full-width letters, comes out as its first character, ***, and the
 * rest as written; and over arbitrary text, no @ followed by a domain keeps a letter or digit before it. Zero-width
 * characters, which the same pasted text brings into numbers, hide no digits from the mask either.
 */
import fc from 'fast-check';
import { maskEmails, maskText } from '../../src/core/csv/mask';

describe('maskText: e-mails with spaces around the @', () => {
  test.each([
    ['136 1234 5679 / qianjin @ qq.com', '136****5679 / q*** @ qq.com'],
    ['qianjin ＠ qq.com', 'q*** ＠ qq.com'],
    ['qianjin\u3000＠\u3000qq.com', 'q***\u3000＠\u3000qq.com'],
    ['ｑｉａｎｊｉｎ　＠　ｑｑ．ｃｏｍ', 'q***　＠　ｑｑ．ｃｏｍ'],
    ['qianjin\u00A0@\u00A0qq.com', 'q***\u00A0@\u00A0qq.com'],
    ['qianjin @qq.com', 'q*** @qq.com'],
    ['qianjin@ qq.com', 'q***@ qq.com'],
    ['qianjin\t﹫\tqq.com', 'q***\t﹫\tqq.com'],
    ['qianjin\n@qq.com', 'q***\n@qq.com'],
    ['qianjin\u200B@qq.com', 'q***\u200B@qq.com'],
    ['qian\u200Bjin@qq.com', 'q***@qq.com'],
    ['\u200Bqianjin@qq.com', '\u200Bq***@qq.com'],
    ['张三 @ 163.com', '张*** @ 163.com'],
    // The 问题清单 message and fix of the QA cell.
    ['电子邮箱格式错误：“qianjin @ qq.com”中有多余的空格，应为“qianjin@qq.com”', '电子邮箱格式错误：“q*** @ qq.com”中有多余的空格，应为“q***@qq.com”'],
  ])('maskText(%j) = %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  test('an @ with nothing after it, however spaced, is still left alone (as before)', () => {
    expect(maskEmails('qianjin @ ')).toBe('qianjin @ ');
    expect(maskEmails('qianjin @ 。')).toBe('qianjin @ 。');
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const FULL = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const GAP_CHARS = [' ', '\u3000', '\u00A0', '\t', '\n', '\u200B', '\uFEFF', '\u2060'];
const gap = fc.array(fc.constantFrom(...GAP_CHARS), { maxLength: 3 }).map((a) => a.join(''));
const at = fc.constantFrom('@', '＠', '﹫');
const local = fc.tuple(fc.constantFrom(...'abcqz0139'), fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-'), { minLength: 1, maxLength: 12 })).map(([a, r]) => a + r.join(''));
const domain = fc.constantFrom('qq.com', 'qq,com', 'foxmail', '163.com', 'ｑｑ．ｃｏｍ', 'gmail.com.cn', 'x', 'qq . com');
/** Text before an address and how it is masked (a number beside it is masked too, a name is not). */
const before = fc.constantFrom(['', ''], ['邮箱：', '邮箱：'], ['张三 ', '张三 '], ['136 1234 5679 / ', '136****5679 / '], ['１３６１２３４５６７９，', '136****5679，']);

describe('maskText: properties of spaced e-mails', () => {
  test('a local part, however spaced from its @ and however written, shows only its first character', () => {
    fc.assert(
      fc.property(local, fc.boolean(), fc.nat(), fc.boolean(), gap, at, gap, domain, before, (l, wide, zwAt, zw, g1, a, g2, d, [b, bMasked]) => {
        const written0 = wide ? FULL(l) : l;
        // A zero-width character inside the local part (not first or last: there it is outside the address).
        const cut = 1 + (zwAt % (written0.length - 1));
        const written = zw ? `${written0.slice(0, cut)}\u200B${written0.slice(cut)}` : written0;
        const out = maskText(`${b}${written}${g1}${a}${g2}${d}`);
        expect(out).toBe(`${bMasked}${l[0]}***${g1}${a}${g2}${d}`);
      }),
      { numRuns: 3000 },
    );
  });

  /** Whether `ch` (one code point) is a letter or a digit. */
  const WORD = /^[\p{L}\p{N}]$/u;
  const GAP = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/;

  /**
   * Every @ (after NFKC) with a letter or digit after it, across a gap, has no letter or digit before it across a
   * gap: whatever the local part was, it is now x*** (ending in *) or there was none.
   */
  function unmaskedLocals(masked: string): string[] {
    const n = masked.normalize('NFKC');
    const found: string[] = [];
    for (let i = n.indexOf('@'); i >= 0; i = n.indexOf('@', i + 1)) {
      let j = i + 1;
      while (j < n.length && GAP.test(n[j])) j++;
      const afterPoint = String.fromCodePoint(n.codePointAt(j) ?? 0x20);
      if (!WORD.test(afterPoint)) continue;
      let k = i;
      while (k > 0 && GAP.test(n[k - 1])) k--;
      const beforePoint = Array.from(n.slice(0, k)).pop() ?? '';
      if (WORD.test(beforePoint)) found.push(n.slice(Math.max(0, k - 8), j + 1));
    }
    return found;
  }

  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'abqz01９ｑ张三') },
    { weight: 3, arbitrary: fc.constantFrom(...GAP_CHARS) },
    { weight: 3, arbitrary: fc.constantFrom('@', '＠', '﹫', ' @ ', '\u3000＠\u3000') },
    { weight: 2, arbitrary: fc.constantFrom('.', ',', '*', '/', '：', '\u0301', 'é', '𠀀', '-', '_') },
  );
  const messy = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

  test('over arbitrary text, no @ followed by a domain keeps a letter or digit before it', () => {
    fc.assert(
      fc.property(fc.oneof(messy, fc.string({ unit: 'grapheme', maxLength: 30 })), (s) => {
        expect(unmaskedLocals(maskText(s))).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  test('a mobile with zero-width characters among its digits or separators is masked as 138****8000', () => {
    const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.array(fc.constantFrom(...'0123456789'), { minLength: 9, maxLength: 9 })).map(([b, r]) => `1${b}${r.join('')}`);
    const zw = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD');
    fc.assert(
      fc.property(mobile, fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), zw), { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '-'), fc.constantFrom('', '手机：', '张三 '), (m, cuts, sep, before) => {
        // Separator between 3-4-4 groups, then zero-width characters inserted inside the number (never at its ends).
        const digits = sep ? `${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}` : m;
        const points = [...digits];
        for (const [at, ch] of [...cuts].sort((a, b) => b[0] - a[0])) points.splice(Math.min(at, points.length - 1), 0, ch);
        const out = maskText(`${before}${points.join('')}`);
        expect(out).toBe(`${before}${m.slice(0, 3)}****${m.slice(7)}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('over arbitrary text, no run of 7 or more digits survives once zero-width characters are taken out (dates aside)', () => {
    const DATE_8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
    fc.assert(
      fc.property(messy, (s) => {
        const visible = maskText(s).normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
        // The documented exemptions (restated, as in mask.test.ts): an 8-digit date, or digits in an 18- or
        // 9-character token of letters and digits with a letter before its last character.
        const allowed = (start: number, end: number): boolean => {
          if (DATE_8.test(visible.slice(start, end))) return true;
          let a = start;
          while (a > 0 && /[A-Za-z0-9]/.test(visible[a - 1])) a--;
          let z = end;
          while (z < visible.length && /[A-Za-z0-9]/.test(visible[z])) z++;
          const token = visible.slice(a, z);
          return (token.length === 18 || token.length === 9) && /[A-Za-z]/.test(token.slice(0, -1));
        };
        const runs = [...visible.matchAll(/\d{7,}/g)].filter((m) => !allowed(m.index!, m.index! + m[0].length)).map((m) => m[0]);
        expect(runs).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  test('masking spaced e-mails twice changes nothing', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = maskText(s);
        expect(maskText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
