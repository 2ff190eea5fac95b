/**
 * maskText (src/core/csv/mask.ts), the --mask of the summary: the QA leaks (full-width mobiles, invalid but real
 * digit runs, malformed e-mails) as examples, then properties over generated text: no run of 7 or more digits
 * survives (after NFKC) other than the documented exemptions, generated phones and e-mails always come out in
 * the 138****8000 / z***@qq.com shapes, text without anything phone- or e-mail-like is untouched, and masking
 * twice changes nothing.
 */
import fc from 'fast-check';
import { maskEmails, maskPhones, maskText } from '../../src/core/csv/mask';

describe('maskText: the leaks QA found', () => {
  test.each([
    // Full-width mobiles.
    ['１３８００１３８０００', '138****8000'],
    ['手机：１３８００１３８０００', '手机：138****8000'],
    // Invalid but real-looking digit runs (a validator's verdict does not matter).
    ['12331984058', '123****4058'],
    ['1371234567', '137****567'],
    ['联系人王五 12331984058', '联系人王五 123****4058'],
    // Malformed e-mails.
    ['qinhui77@foxmail', 'q***@foxmail'],
    ['liming@qq,com', 'l***@qq,com'],
    ['邮箱：qinhui77@foxmail；手机1371234567', '邮箱：q***@foxmail；手机137****567'],
    // Spaces and dashes inside a number; landlines; full-width dash and ideographic space.
    ['138 0013 8000', '138****8000'],
    ['010-68206187', '010****6187'],
    ['０１０－６８２０６１８７', '010****6187'],
    ['138\u30000013\u30008000', '138****8000'],
    ['138.0013.8000', '138****8000'],
    ['(010)68206187', '(010****6187'],
    ['（０１０）６８２０６１８７', '（010****6187'],
    ['电话：010 6820 6187，手机 138-0013-8000', '电话：010****6187，手机 138****8000'],
    // Short numbers hide at least 4 digits.
    ['6820618', '6****18'],
    ['传真 68206187', '传真 68****87'],
    // Two numbers side by side stay two.
    ['13800138000 13900139000', '138****8000 139****9000'],
    // Country code kept, as before.
    ['+8613800138000', '+86138****8000'],
    ['+86 138 0013 8000', '+86 138****8000'],
    // E-mails: the local part keeps its first character, the domain is kept; full-width ＠ too.
    ['ｑｉｎｈｕｉ＠ｑｑ．ｃｏｍ', 'q***＠ｑｑ．ｃｏｍ'],
    ['张三@163.com', '张***@163.com'],
    ['13800138000@qq.com', '1***@qq.com'],
  ])('maskText(%j) = %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  test.each([
    // Not personal, kept: codes written with letters, dates, grouped amounts, short numbers, dates with dashes.
    '统一社会信用代码 91350200MA31234567',
    '组织机构代码 MA1234567',
    '《附件2-江苏省-20231215.xlsx》 二、试点安排 B6',
    '注册资本 1,000,000 万元',
    '成立时间 2015-03-01，第12行，共6个',
    '2023-12-31',
  ])('kept as written: %j', (input) => {
    expect(maskText(input)).toBe(input);
  });

  test.each([
    // Personal or not told apart from personal: masked.
    ['11010519491231002X', '110****1002X'],
    ['110105194912310021', '110****0021'],
    ['Tel13800138000', 'Tel138****8000'],
    ['金额1000000元', '金额1****00元'],
    ['020 20231215', '020****1215'],
  ])('masked: %j → %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  test('each mask alone', () => {
    expect(maskPhones('qinhui77@foxmail １３８００１３８０００')).toBe('qinhui77@foxmail 138****8000');
    expect(maskEmails('qinhui77@foxmail １３８００１３８０００')).toBe('q***@foxmail １３８００１３８０００');
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const FULL = (d: string) => String.fromCharCode(0xff10 + Number(d));
const DATE_8 = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/**
 * The exemptions, restated here from the comment in mask.ts rather than imported: an 8-digit date, or digits in an
 * 18- or 9-character token of letters and digits with a letter before its last character.
 */
function allowedRun(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  if (run.length === 8 && DATE_8.test(run)) return true;
  let a = start;
  while (a > 0 && /[A-Za-z0-9]/.test(text[a - 1])) a--;
  let z = end;
  while (z < text.length && /[A-Za-z0-9]/.test(text[z])) z++;
  const token = text.slice(a, z);
  return (token.length === 18 || token.length === 9) && /[A-Za-z]/.test(token.slice(0, -1));
}

/** Runs of 7 or more digits in the NFKC form that no exemption allows. */
function leaks(masked: string): string[] {
  const n = masked.normalize('NFKC');
  return [...n.matchAll(/\d{7,}/g)].filter((m) => !allowedRun(n, m.index!, m.index! + m[0].length)).map((m) => m[0]);
}

const digit = fc.constantFrom(...'0123456789');
const anyDigit = fc.oneof(digit, digit.map(FULL), fc.constantFrom('①', '⑦', '𝟗', '¹', '㏠', '⒈', '½'));
const separator = fc.constantFrom(' ', '-', '－', '\u3000', ' - ', '\u2014', '\t', '.', '．');
const cjk = fc.constantFrom(...'联系人张三手机电话邮箱传真，；：（）、。号码地址公司');
const letter = fc.constantFrom(...'abcXYZMAｑＱ');
const other = fc.constantFrom('@', '＠', '.', ',', '*', '+', '/', '\u0301', 'é', ' ');
/** Text made of the pieces phones and e-mails are written with, so that near misses are frequent. */
const messy = fc
  .array(fc.oneof({ weight: 6, arbitrary: anyDigit }, { weight: 2, arbitrary: separator }, { weight: 2, arbitrary: cjk }, { weight: 2, arbitrary: letter }, { weight: 1, arbitrary: other }), { maxLength: 40 })
  .map((a) => a.join(''));
const anyText = fc.oneof(messy, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('maskText: properties', () => {
  test('no run of 7 or more digits survives (after NFKC), except a date or a lettered code', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(leaks(maskText(s))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  test('a mobile, however written (full-width, spaces, dashes), shows only its first 3 and last 4 digits', () => {
    const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([b, rest]) => `1${b}${rest.join('')}`);
    fc.assert(
      fc.property(
        mobile,
        fc.boolean(),
        fc.option(separator, { nil: undefined }),
        fc.array(cjk, { maxLength: 4 }),
        fc.array(cjk, { maxLength: 4 }),
        (m, wide, sep, before, after) => {
          const digits = wide ? [...m].map(FULL).join('') : m;
          const d = [...digits];
          const written = sep === undefined ? digits : `${d.slice(0, 3).join('')}${sep}${d.slice(3, 7).join('')}${sep}${d.slice(7).join('')}`;
          const out = maskText(`${before.join('')}${written}${after.join('')}`);
          expect(out).toBe(`${before.join('')}${m.slice(0, 3)}****${m.slice(7)}${after.join('')}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('any number of 7 to 15 digits among Chinese text hides at least 4 digits and shows at most 7', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 7, maxLength: 15 }), fc.array(cjk, { maxLength: 3 }), (ds, around) => {
        const num = ds.join('');
        fc.pre(!(num.length === 8 && DATE_8.test(num)));
        const ctx = around.join('');
        const out = maskText(`${ctx}${num}${ctx}`);
        const shown = out.slice(ctx.length, out.length - ctx.length);
        expect(shown).toContain('****');
        const visible = shown.replace(/\D/g, '');
        expect(visible.length).toBeLessThanOrEqual(Math.min(7, num.length - 4) + (num.startsWith('86') && num.length === 13 ? 2 : 0));
        expect(out).not.toContain(num);
      }),
      { numRuns: 1000 },
    );
  });

  test('an e-mail, even malformed, keeps the first character of its local part and its domain', () => {
    const local = fc.tuple(fc.constantFrom(...'abcqz0139'), fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-'), { minLength: 1, maxLength: 12 })).map(([a, r]) => a + r.join(''));
    const domain = fc.constantFrom('qq.com', 'qq,com', 'foxmail', '163.com', 'ｑｑ．ｃｏｍ', 'gmail.com.cn', 'x');
    fc.assert(
      fc.property(local, fc.constantFrom('@', '＠', '﹫'), domain, fc.constantFrom('', '邮箱：', '张三 ', '1380013800/'), (l, at, d, before) => {
        const out = maskText(`${before}${l}${at}${d}`);
        expect(out.endsWith(`${l[0]}***${at}${d}`)).toBe(true);
        expect(out).not.toContain(`${l}${at}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('text with no 7 digits and no @ (after NFKC) is returned unchanged', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = s.normalize('NFKC');
        fc.pre((n.match(/\d/g) ?? []).length < 7 && !n.includes('@'));
        expect(maskText(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  test('masking twice changes nothing', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = maskText(s);
        expect(maskText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
