import fc from 'fast-check';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import { csvField, maskEmails, maskMobiles, maskText, neutralize, summaryCsvFiles, toCsv } from '../../src/core/csv';
import { encodeCsv, isCsvEncoding } from '../../src/xlsx/csv-encode';
import { deps, fixtureInputs } from './helpers';
import { parseCsv } from './zip-csv';

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(b);
const gb = (b: Uint8Array) => new TextDecoder('gb18030').decode(b);

describe('RFC 4180', () => {
  test('CRLF record ends, quotes doubled, commas/quotes/newlines quoted', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', 'r\rs'], [1, '', null]])).toBe('a,"b,c","say ""hi""","x\ny","r\rs"\r\n1,,\r\n');
    expect(csvField('plain 中文')).toBe('plain 中文');
  });

  test.each([
    ['=1+1', "'=1+1"],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['13800138000', '13800138000'],
    ['a=b', 'a=b'],
  ])('neutralize(%j) = %j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  test('numbers are never neutralised; text always is (unless turned off)', () => {
    expect(toCsv([[-5, '-5']])).toBe("-5,'-5\r\n");
    expect(toCsv([['=A1']], { neutralize: false })).toBe('=A1\r\n');
    expect(toCsv([['"=cmd"']])).toBe('"""=cmd"""\r\n');
  });

  test('property: parsing the CSV back gives the cells, neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(neutralize)));
      }),
      { numRuns: 500 },
    );
  });

  test('property: through UTF-8 with BOM and GB18030 bytes as well', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const text = toCsv(rows);
        const expected = rows.map((r) => r.map(neutralize));
        expect(parseCsv(utf8(encodeCsv(text, 'utf8')))).toEqual(expected);
        expect(parseCsv(gb(encodeCsv(text, 'gb18030')))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('masking', () => {
  test.each([
    ['13800138000', '138****8000'],
    ['闫旭，19138570839', '闫旭，191****0839'],
    ['+8613800138000', '+86138****8000'],
    ['138-0013-8000', '138****8000'],
    // Any run of 7+ digits is phone-like now (test/core/mask.test.ts), a 12-digit one included.
    ['213800138000', '213****8000'],
    ['zhangsan@qq.com', 'z***@qq.com'],
    ['18863616607 lusiyuan45@qq.com', '188****6607 l***@qq.com'],
    ['xiongwei＠126.com/18214225453', 'x***＠126.com/182****5453'],
    ['13800138000@qq.com', '1***@qq.com'],
    ['统一社会信用代码 91350200MA31234567', '统一社会信用代码 91350200MA31234567'],
  ])('maskText(%j) = %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  test('each mask alone', () => {
    expect(maskMobiles('a@b.cn 13900000000')).toBe('a@b.cn 139****0000');
    expect(maskEmails('a@b.cn 13900000000')).toBe('a***@b.cn 13900000000');
  });
});

describe('summary CSV export', () => {
  const summary = aggregate(fixtureInputs(), deps);

  test('one file per table plus issues and statistics, same columns as the workbook', () => {
    const files = summaryCsvFiles(summary);
    expect(files.map((f) => f.name)).toEqual(['服务机构.csv', '服务对象.csv', '服务方案.csv', '问题清单.csv', '统计.csv']);
    const targets = parseCsv(files[1].text);
    const cols = summaryColumns('targets');
    expect(targets[0]).toEqual(cols.map((c) => c.header));
    expect(targets.slice(1)).toEqual(summary.rows.targets.map((r) => summaryRowValues(r, cols).map((v) => (typeof v === 'number' ? String(v) : neutralize(v)))));
    expect(files.every((f) => f.text.endsWith('\r\n'))).toBe(true);
    const stats = parseCsv(files[4].text).map((r) => r.join('|'));
    expect(stats.some((l) => l.startsWith('合计|服务对象|34|34|一致'))).toBe(true);
    const issues = parseCsv(files[3].text);
    expect(issues.some((r) => r.includes('cross.enterprise-in-multiple-regions'))).toBe(true);
  });

  test('--mask leaves no mobile or e-mail readable in any file', () => {
    for (const f of summaryCsvFiles(summary, { mask: true })) {
      expect(f.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(f.text).not.toMatch(/[A-Za-z0-9]{2,}[@＠][a-z0-9]+\.[a-z]/);
    }
    const targets = summaryCsvFiles(summary, { mask: true })[1].text;
    expect(targets).toContain('188****6607 l***@qq.com');
    expect(targets).toContain('星汉智能装备股份有限公司');
  });

  test('Chinese intact after UTF-8 with BOM and GB18030', () => {
    const text = summaryCsvFiles(summary)[1].text;
    const u = encodeCsv(text, 'utf8');
    expect([...u.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8(u)).toBe(text);
    const g = encodeCsv(text, 'gb18030');
    expect([...g.slice(0, 2)]).not.toEqual([0xef, 0xbb]);
    expect(gb(g)).toBe(text);
    expect(gb(g)).toContain('星汉智能装备股份有限公司');
    expect([...encodeCsv('中', 'gb18030')]).toEqual([0xd6, 0xd0]);
    expect(isCsvEncoding('gb18030')).toBe(true);
    expect(isCsvEncoding('latin1')).toBe(false);
  });
});
