import fc from 'fast-check';
import { checkPersonName } from '../../src/core/fields/person';
import { checkCreditCode, completeUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../../src/core/fields/credit-code';
import { countWords } from '../../src/core/fields/word-count';
import { isLeadRole } from '../../src/core/fields/role';

describe('联系人 is a name', () => {
  test.each([
    ['张三', true, undefined],
    ['欧阳娜娜', true, undefined],
    ['阿依古丽·买买提', true, undefined],
    ['阿依古丽•买买提', true, undefined],
    ['John Smith', true, undefined],
    ['崔雅婷', true, undefined],
    ['15997299362', false, 'is-number'],
    ['010-68206187', false, 'is-number'],
    ['zs@qq.com', false, 'is-email'],
    ['张三13800138000', false, 'has-number'],
    ['张三、李四', false, 'several'],
    ['', false, 'empty'],
    ['？？', false, 'unusual'],
  ])('%j → ok %s (%s)', (text, ok, problem) => {
    const r = checkPersonName(text);
    expect(r.ok).toBe(ok);
    expect(r.problem).toBe(problem);
  });

  test('the name is read out of a name with a number', () => {
    expect(checkPersonName('张三13800138000').name).toBe('张三');
  });
});

describe('统一社会信用代码 and 组织机构代码', () => {
  // Published examples: 91350100M000100Y43 (GB 32100 annex), 组织机构代码 D2143569-X (GB 11714 annex).
  test.each([
    ['91350100M000100Y43', 'uscc'],
    ['D2143569-X', 'orgCode'],
    ['D2143569X', 'orgCode'],
  ])('%s is a valid %s', (code, kind) => {
    const r = checkCreditCode(code);
    expect(r.kind).toBe(kind);
    expect(r.valid).toBe(true);
  });

  test.each([
    ['91350100M000100Y44', 'bad-check'],
    ['91350100M000100Y4', 'bad-length'],
    ['91350100M000100I43', 'bad-charset'],
    ['91350100M000100O43', 'bad-charset'],
    ['D2143569-1', 'bad-check'],
    [' 91350100m000100y43 ', 'needs-normalisation'],
    ['9.13501E+17', 'stored-as-number'],
    ['', 'empty'],
  ])('%j fails with %s', (code, problem) => {
    const r = checkCreditCode(code);
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toBe(problem);
  });

  test('a code that arrived as a number has lost its precision', () => {
    expect(checkCreditCode('913501001234567000', { text: '913501001234567000', type: 'number', number: 913501001234567000 }).problems).toEqual(['stored-as-number']);
  });

  test('the check character of the GB 32100 example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });

  const body17 = fc
    .tuple(fc.constantFrom('1', '5', '9', 'Y'), fc.constantFrom('1', '2', '3', '9'), fc.stringMatching(/^[0-9]{6}$/), fc.array(fc.constantFrom(...USCC_CHARSET.replace(/[IOSVZ]/g, '').replace(/[^0-9A-Z]/g, '')), { minLength: 8, maxLength: 8 }))
    .map(([a, b, region, org]) => {
      const body = org.join('');
      // embed a GB 11714-valid 组织机构代码 when its check character is in the USCC charset
      const check = orgCodeCheckChar(body) ?? '0';
      return a + b + region + body + (USCC_CHARSET.includes(check) ? check : '0');
    });

  test('any generated code with its check character is valid or only flags its embedded 组织机构代码', () => {
    fc.assert(
      fc.property(body17, (b) => {
        const code = completeUscc(b) as string;
        const r = checkCreditCode(code);
        expect(r.problems.filter((p) => p !== 'embedded-org-code')).toEqual([]);
      }),
    );
  });

  test('a valid code with any single character changed fails its check', () => {
    const other = [...USCC_CHARSET, 'I', 'O', 'S', 'V', 'Z', 'a', '-', ' '];
    fc.assert(
      fc.property(body17, fc.nat(17), fc.constantFrom(...other), (b, pos, ch) => {
        const code = completeUscc(b) as string;
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(checkCreditCode(changed).valid).toBe(false);
      }),
    );
  });
});

describe('字数 as Word counts it', () => {
  test.each([
    ['', 0],
    ['网络安全保险', 6],
    ['网络安全保险。', 7],
    ['（一）基本信息', 7],
    ['Web应用防火墙', 6],
    ['hello world', 2],
    ['2024年1月28日', 6],
    ['抗DDoS防护', 4],
    ['  空格  不算 ', 4],
    ['a\u3000b', 2],
    ['GB 32100-2015', 2],
  ])('%j = %d', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('责任分工 marks the lead', () => {
  test.each([
    ['是，牵头单位，负责方案统筹', true],
    ['牵头单位', true],
    ['牵头，负责统筹', true],
    ['否，负责风险评估', false],
    ['配合牵头单位开展测评', false],
    ['非牵头单位', false],
    ['负责安全运营', false],
    ['', false],
    // The header's question copied in front: its 是 is not the answer.
    ['是否牵头：否，负责技术支撑', false],
    ['是否牵头：是，负责统筹', true],
    ['是否为牵头单位：是', true],
    // Another unit named as the lead.
    ['成员单位（由安泰财险牵头）', false],
    ['参与单位，牵头单位为安泰财险', false],
    ['牵头单位的技术合作方', false],
    ['作为牵头单位负责方案统筹', true],
    ['负责牵头组织实施', true],
  ])('%j → %s', (text, lead) => {
    expect(isLeadRole(text)).toBe(lead);
  });
});

describe('责任分工: answers after the copied question, and other units named as lead (property)', () => {
  const unit = fc.constantFrom('安泰财险', '中国电信股份有限公司', '鼎安财产保险股份有限公司', '网盾安全');
  const duty = fc.constantFrom('', '，负责技术支撑', '；负责网络监测', '，负责承保与理赔');
  test('是否牵头：否… is never the lead; 由X牵头 / 牵头单位为X never make this row the lead', () => {
    fc.assert(
      fc.property(unit, duty, (u, d) => {
        expect(isLeadRole(`是否牵头：否${d}`)).toBe(false);
        expect(isLeadRole(`成员单位（由${u}牵头）${d}`)).toBe(false);
        expect(isLeadRole(`参与单位，牵头单位为${u}${d}`)).toBe(false);
        expect(isLeadRole(`是否牵头：是${d}`)).toBe(true);
        expect(isLeadRole(`是，牵头单位${d}`)).toBe(true);
      }),
    );
  });
});
