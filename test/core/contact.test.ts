import { parseContact, readMobileAndEmail, readPersonAndPhone, replaceSpan } from '../../src/core/fields/contact';

describe('联系方式（手机与邮箱）', () => {
  test.each([
    '13800138000；zs@qq.com',
    '13800138000;zs@qq.com',
    '13800138000，zs@qq.com',
    '13800138000,zs@qq.com',
    '13800138000/zs@qq.com',
    '13800138000 zs@qq.com',
    '13800138000\nzs@qq.com',
    'zs@qq.com\n13800138000',
    'zs@qq.com/13800138000',
    '电话：13800138000 邮箱：zs@qq.com',
    '手机:13800138000;邮箱:zs@qq.com',
    '邮箱：zs@qq.com；手机：13800138000',
    '138 0013 8000 zs@qq.com',
    '13800138000、zs@qq.com',
    'mailto:zs@qq.com 13800138000',
  ])('%j holds 13800138000 and zs@qq.com', (text) => {
    const r = readMobileAndEmail(text);
    expect(r.mobile?.check.digits).toBe('13800138000');
    expect(r.email?.check.normalized).toBe('zs@qq.com');
    expect(r.email?.check.normalizedValid).toBe(true);
  });

  test('13800138000@139.com is an e-mail, not a mobile', () => {
    const r = readMobileAndEmail('13800138000@139.com');
    expect(r.mobile).toBeUndefined();
    expect(r.email?.raw).toBe('13800138000@139.com');
    const both = readMobileAndEmail('13800138000 13800138000@139.com');
    expect(both.mobile?.raw).toBe('13800138000');
    expect(both.phones).toHaveLength(1);
  });

  test('two mobiles side by side are two tokens', () => {
    const r = parseContact('13800138000 13900139000');
    expect(r.phones.map((p) => p.check.digits)).toEqual(['13800138000', '13900139000']);
  });

  test('spans point into the cell text, so a fix keeps the rest', () => {
    const text = 'xiongwei＠126.com/18214225453';
    const r = readMobileAndEmail(text);
    expect(r.email && text.slice(r.email.start, r.email.end)).toBe('xiongwei＠126.com');
    expect(r.email && replaceSpan(text, r.email, r.email.check.normalized)).toBe('xiongwei@126.com/18214225453');
  });
});

describe('联系人及联系方式', () => {
  test.each([
    ['闫旭，19138570839', '闫旭', '19138570839'],
    ['邓辉\n15073571432', '邓辉', '15073571432'],
    ['孙丽：15785375366', '孙丽', '15785375366'],
    ['韩冰 13267431954', '韩冰', '13267431954'],
    ['张三 010-68206187', '张三', '010-68206187'],
    ['张三（010）68206187转801', '张三', '010-68206187-801'],
    ['联系人：张三，电话：13800138000', '张三', '13800138000'],
    ['阿依古丽·买买提 13800138000', '阿依古丽·买买提', '13800138000'],
  ])('%j → %s, %s', (text, person, phone) => {
    const r = readPersonAndPhone(text);
    expect(r.person).toBe(person);
    expect(r.phone?.check.display).toBe(phone);
  });

  test('a name without a number and a number without a name', () => {
    expect(readPersonAndPhone('张三').phone).toBeUndefined();
    expect(readPersonAndPhone('13800138000').person).toBeUndefined();
  });
});
