/**
 * Contact cells written the ways QA found them misread (src/core/fields/contact.ts):
 * - an e-mail with spaces around its @ (136 1234 5679 / qianjin @ qq.com) was not an e-mail at all;
 * - a number with dots between its groups (李娜 139.1234.5678) was no number, and its groups became the "person";
 * - an extension after 转 with spaces (王强 (0755)8888 9999 转 123) came off its number and joined the person.
 * Examples first, then properties: any mobile written in groups with spaces, dashes or dots reads back as its 11
 * digits beside the person's name; dates, amounts and addresses with dots never become a dotted number; an
 * extension stays with its number; an address with spaces around the @ reads as the address without them.
 */
import fc from 'fast-check';
import { parseContact, readMobileAndEmail, readPersonAndPhone, replaceSpan } from '../../src/core/fields/contact';

const FULL = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('an e-mail with spaces around the @', () => {
  test('the QA cell: 136 1234 5679 / qianjin @ qq.com', () => {
    const text = '136 1234 5679 / qianjin @ qq.com';
    const r = readMobileAndEmail(text);
    expect(r.mobile?.check.digits).toBe('13612345679');
    expect(r.email?.raw).toBe('qianjin @ qq.com');
    expect(r.email?.check.valid).toBe(false);
    expect(r.email?.check.normalizedValid).toBe(true);
    expect(r.email?.check.normalized).toBe('qianjin@qq.com');
    // The fix replaces the address only; the mobile and the " / " stay as written.
    expect(r.email && replaceSpan(text, r.email, r.email.check.normalized)).toBe('136 1234 5679 / qianjin@qq.com');
  });

  test.each([
    ['qianjin ＠ qq.com', 'qianjin@qq.com'],
    ['ｑｉａｎｊｉｎ\u3000＠\u3000ｑｑ．ｃｏｍ', 'qianjin@qq.com'],
    ['qianjin\u00A0@\u00A0qq.com', 'qianjin@qq.com'],
    ['qianjin@ qq.com', 'qianjin@qq.com'],
    ['qianjin  @qq.com', 'qianjin@qq.com'],
  ])('%j reads as %j', (written, address) => {
    const r = readMobileAndEmail(`13800138000 ${written}`);
    expect(r.email?.raw).toBe(written);
    expect(r.email?.check.normalized).toBe(address);
    expect(r.email?.check.normalizedValid).toBe(true);
    expect(r.mobile?.check.digits).toBe('13800138000');
  });

  test('a whole mobile, a space and an @ stays a mobile (which of the two was meant is not certain)', () => {
    const r = readMobileAndEmail('13800138000 @139.com');
    expect(r.mobile?.check.digits).toBe('13800138000');
    expect(r.email).toBeUndefined();
    // Without the space it is the address, as before.
    expect(readMobileAndEmail('13800138000@139.com').email?.check.valid).toBe(true);
  });

  test('a line break before the @ does not join two lines into one address', () => {
    const r = readMobileAndEmail('zhangsan\n@qq.com 13800138000');
    expect(r.emails.map((e) => e.raw)).not.toContain('zhangsan\n@qq.com');
  });
});

describe('dots between the groups of a number', () => {
  test.each([
    ['李娜 139.1234.5678', '李娜', '13912345678', '139.1234.5678'],
    ['李娜：139.12345678', '李娜', '13912345678', '139.12345678'],
    ['李娜 １３９．１２３４．５６７８', '李娜', '13912345678', '１３９．１２３４．５６７８'],
    ['张三 010.6820.6187', '张三', '010-68206187', '010.6820.6187'],
    ['张三 0755.8888.9999', '张三', '0755-88889999', '0755.8888.9999'],
    ['张三 +86 139.1234.5678', '张三', '13912345678', '+86 139.1234.5678'],
    ['张三 010.6820.6187 转 801', '张三', '010-68206187-801', '010.6820.6187 转 801'],
  ])('%j → %s, %s', (text, person, display, raw) => {
    const r = readPersonAndPhone(text);
    expect(r.person).toBe(person);
    expect(r.phone?.check.display).toBe(display);
    expect(r.phone?.raw).toBe(raw);
    expect(r.phones).toHaveLength(1);
  });

  test.each([
    // A date, an amount, a version, an IP address, an amount whose digits happen to be mobile-shaped.
    '成立于 2023.10.01',
    '注册资本 12345.6789 万元',
    '版本 1.2.3',
    '服务器 192.168.100.200',
    '金额 1380013.8000',
    '1.3800138000',
    '2023.10.01 13800138000',
  ])('%j: no dotted run becomes a number', (text) => {
    for (const p of parseContact(text).phones) expect(p.raw).not.toMatch(/[.．]/);
  });
});

describe('an extension after 转 / 分机 / ext / x / #', () => {
  test('the QA cell: 王强 (0755)8888 9999 转 123', () => {
    const r = readPersonAndPhone('王强 (0755)8888 9999 转 123');
    expect(r.person).toBe('王强');
    expect(r.phone?.raw).toBe('(0755)8888 9999 转 123');
    expect(r.phone?.check.extension).toBe('123');
    expect(r.phone?.check.display).toBe('0755-88889999-123');
  });

  test.each([
    ['张三 010 68206187 转801', '010-68206187-801'],
    ['张三 010 6820 6187 分机 801', '010-68206187-801'],
    ['张三 010-6820 6187 ext. 8012', '010-68206187-8012'],
    ['张三 010 6820 6187 EXT 8', '010-68206187-8'],
    ['张三 0755 8888 9999 # 66', '0755-88889999-66'],
  ])('%j → 张三, %s', (text, display) => {
    const r = readPersonAndPhone(text);
    expect(r.person).toBe('张三');
    expect(r.phone?.check.display).toBe(display);
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const digit = fc.constantFrom(...'0123456789');
/** Any mobile-shaped number, allocated or not: the reading must not depend on the range. */
const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([b, r]) => `1${b}${r.join('')}`);
/** Groupings of 11 digits people write (each group 3 digits or more). */
const grouping = fc.constantFrom([11], [3, 4, 4], [3, 8], [4, 7], [3, 3, 5], [4, 4, 3], [4, 3, 4]);
const groupSeparator = fc.constantFrom(' ', '-', '－', '.', '．', '\u3000', ' - ', '  ');
const person = fc.constantFrom('李娜', '王强', '欧阳明月', '阿依古丽·买买提', '张三');
const personSeparator = fc.constantFrom(' ', '：', '，', '\n', ':', '、');

function grouped(digits: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(digits.slice(at, at + n));
    at += n;
  }
  return out.join(sep);
}

describe('properties', () => {
  test('a mobile written in groups (spaces, dashes, dots, full-width) reads back as its 11 digits beside the name', () => {
    fc.assert(
      fc.property(mobile, grouping, groupSeparator, fc.boolean(), fc.constantFrom('', '+86 ', '电话：'), person, personSeparator, (m, sizes, sep, wide, prefix, name, ps) => {
        const written = `${prefix}${grouped(wide ? FULL(m) : m, sizes, sep)}`;
        const r = readPersonAndPhone(`${name}${ps}${written}`);
        expect(r.phone?.check.kind).toBe('mobile');
        expect(r.phone?.check.digits).toBe(m);
        expect(r.phones).toHaveLength(1);
        expect(r.person).toBe(name);
        // And in 联系方式（手机与邮箱）, beside an address.
        const me = readMobileAndEmail(`${written}；zs@qq.com`);
        expect(me.mobile?.check.digits).toBe(m);
        expect(me.email?.check.valid).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('dates, amounts, versions and IP addresses written with dots never give a number across a dot', () => {
    const date = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean()).map(([y, mo, d, pad]) => (pad ? `${y}.${String(mo).padStart(2, '0')}.${String(d).padStart(2, '0')}` : `${y}.${mo}.${d}`));
    // Amounts as these tables hold them: up to 12 integer digits, up to 4 decimals (万元 to the yuan).
    const amount = fc.tuple(fc.array(digit, { minLength: 1, maxLength: 12 }), fc.array(digit, { minLength: 1, maxLength: 4 })).map(([i, d]) => `${i.join('')}.${d.join('')}`);
    const ip = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((a) => a.join('.'));
    const version = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 4 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(fc.oneof(date, amount, ip, version), fc.boolean(), fc.constantFrom('', '王五 ', '金额：', '成立时间 '), (x, wide, before) => {
        const text = `${before}${wide ? FULL(x).replace(/\./g, '．') : x}`;
        for (const p of parseContact(text).phones) expect(p.raw).not.toMatch(/[.．]/);
      }),
      { numRuns: 3000 },
    );
  });

  test('an extension after 转 / 分机 / ext / x / #, with or without spaces, stays with its number and out of the name', () => {
    const landline = fc.constantFrom(
      ['(0755)8888 9999', '075588889999'],
      ['（0755）88889999', '075588889999'],
      ['010-6820 6187', '01068206187'],
      ['010 68206187', '01068206187'],
      ['0571 8765 4321', '057187654321'],
      ['010.6820.6187', '01068206187'],
    );
    fc.assert(
      fc.property(landline, fc.constantFrom('转', '分机', 'ext', 'ext.', 'EXT', 'x', 'X', '#'), fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('', ' '), fc.stringMatching(/^\d{1,6}$/), person, (l, mark, sp1, sp2, ext, name) => {
        const [written, digits] = l;
        const r = readPersonAndPhone(`${name} ${written}${sp1}${mark}${sp2}${ext}`);
        expect(r.person).toBe(name);
        expect(r.phone?.check.digits).toBe(digits);
        expect(r.phone?.check.extension).toBe(ext);
      }),
      { numRuns: 2000 },
    );
  });

  test('an address with spaces (any kind) around its @, or a full-width ＠, reads as the address without them', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:[._-][a-z0-9]{1,5})?$/);
    const domain = fc.constantFrom('qq.com', '163.com', 'sub.example.com.cn', 'foxmail.com');
    const gap = fc.constantFrom('', ' ', '  ', '\u3000', '\u00A0', '\t');
    fc.assert(
      fc.property(mobile, local, gap, fc.constantFrom('@', '＠'), gap, domain, fc.constantFrom(' / ', '；', ' ', '\n'), fc.boolean(), (m, l, g1, at, g2, d, sep, mobileFirst) => {
        const address = `${l}${g1}${at}${g2}${d}`;
        const text = mobileFirst ? `${m}${sep}${address}` : `${address}${sep}${m}`;
        const r = readMobileAndEmail(text);
        expect(r.mobile?.check.digits).toBe(m);
        expect(r.email?.raw).toBe(address);
        expect(r.email?.check.normalized).toBe(`${l}@${d}`);
        expect(r.email?.check.normalizedValid).toBe(true);
        // The certain fix changes the address and nothing else.
        const fixed = r.email ? replaceSpan(text, r.email, r.email.check.normalized) : text;
        expect(fixed).toBe(mobileFirst ? `${m}${sep}${l}@${d}` : `${l}@${d}${sep}${m}`);
      }),
      { numRuns: 2000 },
    );
  });
});
