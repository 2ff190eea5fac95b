import { checkEmail, normalizeEmail } from '../../src/core/fields/email';

describe('checkEmail', () => {
  test.each(['zs@qq.com', 'ZS@QQ.COM', 'a.b-c_d+e@sub.example.com.cn', '13800138000@139.com', 'niuben78@foxmail.com'])('%s is valid', (s) => {
    const r = checkEmail(s);
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([]);
  });

  test.each([
    // written, normalised (certain fix)
    ['xiongwei＠126.com', 'xiongwei@126.com'],
    ['ｚｓ＠ｑｑ．ｃｏｍ', 'zs@qq.com'],
    ['mailto:zs@qq.com', 'zs@qq.com'],
    ['MAILTO:zs@qq.com', 'zs@qq.com'],
    [' zs@qq。com ', 'zs@qq.com'],
    ['zs@QQ．COM', 'zs@qq.com'],
    ['zs@qq.com。', 'zs@qq.com'],
    ['<zs@qq.com>', 'zs@qq.com'],
  ])('%j normalises to %j', (written, normalised) => {
    const r = checkEmail(written);
    if (written.trim() !== normalised) expect(r.valid).toBe(written.trim() === normalised);
    expect(r.normalizedValid).toBe(true);
    expect(r.normalized).toBe(normalised);
    expect(r.suggestion).toBeUndefined();
  });

  test.each([
    ['zs@163', 'zs@163.com'],
    ['zs@qq', 'zs@qq.com'],
    ['zs@qq,com', 'zs@qq.com'],
    ['zs@qq，com', 'zs@qq.com'],
    ['zs@gmial.com', 'zs@gmail.com'],
    ['zs@qq.con', 'zs@qq.com'],
    ['zs@163.cmo', 'zs@163.com'],
    ['zs@sina.con', 'zs@sina.com'],
    ['zs@yeah.ent', 'zs@yeah.net'],
    ['zs@hotmial.com', 'zs@hotmail.com'],
  ])('%j suggests %j (not certain)', (written, suggestion) => {
    const r = checkEmail(written);
    expect(r.suggestion).toBe(suggestion);
  });

  test('a company domain is never "corrected"', () => {
    expect(checkEmail('li@huaxin-tech.com.cn').suggestion).toBeUndefined();
    expect(checkEmail('li@company.co').suggestion).toBeUndefined();
    expect(checkEmail('li@136.com').suggestion).toBeUndefined();
  });

  test.each(['', 'zs', 'zs@', '@qq.com', 'zs@@qq.com', 'zs qq.com', '张三@qq.com'])('%j is not valid', (s) => {
    const r = checkEmail(s);
    expect(r.valid).toBe(false);
  });

  test('normalizeEmail lower-cases the domain only', () => {
    expect(normalizeEmail('ZhangSan@QQ.COM')).toBe('ZhangSan@qq.com');
  });
});
