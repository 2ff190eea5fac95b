import { checkMobile, checkPhone } from '../../src/core/fields/phone';

describe('checkPhone', () => {
  test.each([
    // text, kind, display, ok, problems
    ['13800138000', 'mobile', '13800138000', true, []],
    ['138 0013 8000', 'mobile', '13800138000', true, []],
    ['138-0013-8000', 'mobile', '13800138000', true, []],
    ['+86 138 0013 8000', 'mobile', '13800138000', true, []],
    ['0086-13800138000', 'mobile', '13800138000', true, []],
    ['８６１３８００１３８０００', 'mobile', '13800138000', true, []],
    ['１３８００１３８０００', 'mobile', '13800138000', true, []],
    ['手机：13800138000', 'mobile', '13800138000', true, []],
    ['17412345678', 'mobile', '17412345678', true, ['mobile-unallocated']],
    ['14012345678', 'mobile', '14012345678', true, ['mobile-unallocated']],
    ['010-68206187', 'fixed', '010-68206187', true, []],
    ['(010)68206187', 'fixed', '010-68206187', true, []],
    ['（010）6820 6187', 'fixed', '010-68206187', true, []],
    ['０１０－６８２０６１８７', 'fixed', '010-68206187', true, []],
    ['+86 10 68206187', 'fixed', '010-68206187', true, []],
    ['0086 10 68206187', 'fixed', '010-68206187', true, []],
    ['0755-12345678', 'fixed', '0755-12345678', true, []],
    ['010-68206187-801', 'fixed', '010-68206187-801', true, []],
    ['010-68206187转801', 'fixed', '010-68206187-801', true, []],
    ['010 68206187 转 801', 'fixed', '010-68206187-801', true, []],
    ['68206187', 'fixed', '68206187', true, ['no-area-code']],
    ['1068206187', 'fixed', '010-68206187', false, ['missing-leading-zero']],
    ['4008001234', 'service', '400-800-1234', true, ['service-number']],
    ['800-123-4567', 'service', '800-123-4567', true, ['service-number']],
  ])('%s → %s %s', (text, kind, display, ok, problems) => {
    const r = checkPhone(text);
    expect(r.kind).toBe(kind);
    expect(r.display).toBe(display);
    expect(r.ok).toBe(ok);
    expect(r.problems).toEqual(problems);
  });

  test.each(['11111111111', '12345678901', '1380013800', '138001380001', '0000', 'abc', '', '0571-123'])('%j is not a number', (text) => {
    const r = checkPhone(text);
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('invalid');
  });

  test('400 numbers and fixed lines are not mobiles', () => {
    expect(checkMobile('4008001234').ok).toBe(false);
    expect(checkMobile('010-68206187').ok).toBe(false);
    expect(checkMobile('13800138000').ok).toBe(true);
    expect(checkPhone('4008001234', { allowFixed: false }).ok).toBe(false);
  });
});
