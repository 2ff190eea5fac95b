import fc from 'fast-check';
import { aggregate } from '../../src/core/aggregate/aggregate';
import { jointApplicantColumns, jointApplicantRowValues, summaryColumns, summaryRowValues } from '../../src/core/aggregate/columns';
import { csvField, maskEmails, maskMobiles, maskText, neutralize, SUMMARY_CSV_NAMES, summaryCsvFiles, toCsv } from '../../src/core/csv';
import { encodeCsv, isCsvEncoding } from '../../src/xlsx/csv-encode';
import { deps, fixtureInputs, jointInput, JOINT_APPLICANTS, JOINT_FILE, JOINT_LEAD } from './helpers';
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

  test('one file per table (联合申报单位 included) plus issues and statistics, same columns as the workbook', () => {
    const files = summaryCsvFiles(summary);
    expect(files.map((f) => f.name)).toEqual(['服务机构.csv', '服务对象.csv', '服务方案.csv', '联合申报单位.csv', '问题清单.csv', '统计.csv']);
    expect(files.map((f) => f.name)).toEqual(Object.values(SUMMARY_CSV_NAMES));
    const file = (key: string) => files.find((f) => f.key === key)!.text;
    const targets = parseCsv(file('targets'));
    const cols = summaryColumns('targets');
    expect(targets[0]).toEqual(cols.map((c) => c.header));
    expect(targets.slice(1)).toEqual(summary.rows.targets.map((r) => summaryRowValues(r, cols).map((v) => (typeof v === 'number' ? String(v) : neutralize(v)))));
    expect(files.every((f) => f.text.endsWith('\r\n'))).toBe(true);
    const stats = parseCsv(file('statistics')).map((r) => r.join('|'));
    expect(stats.some((l) => l.startsWith('合计|服务对象|34|34|一致'))).toBe(true);
    const issues = parseCsv(file('issues'));
    expect(issues.some((r) => r.includes('cross.enterprise-in-multiple-regions'))).toBe(true);
    // The fixtures have no joint applicants: the header alone.
    expect(parseCsv(file('jointApplicants'))).toEqual([jointApplicantColumns().map((c) => c.header)]);
  });

  test('联合申报单位.csv: every joint applicant with its provenance, codes as written; the reconciliation counts them', () => {
    const s = aggregate([...fixtureInputs(), jointInput()], deps);
    const files = summaryCsvFiles(s);
    const joint = parseCsv(files.find((f) => f.key === 'jointApplicants')!.text);
    const cols = jointApplicantColumns();
    expect(joint[0]).toEqual(cols.map((c) => c.header));
    expect(joint.slice(1)).toEqual(s.jointApplicants.map((r) => jointApplicantRowValues(r, cols).map(String)));
    expect(joint.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[7], r[8]])).toEqual(
      JOINT_APPLICANTS.map(([name, , code], i) => ['深圳市', JOINT_LEAD, JOINT_FILE, `B${15 + i}`, name, code, i === 1 ? '2' : '0']),
    );
    const stats = parseCsv(files.find((f) => f.key === 'statistics')!.text).map((r) => r.join('|'));
    expect(stats).toContain(`${JOINT_FILE}|联合申报单位|3|3|一致`);
    expect(stats).toContain('合计|联合申报单位|3|3|一致');
  });

  test('--mask leaves no mobile or e-mail readable in any file', () => {
    for (const f of summaryCsvFiles(summary, { mask: true })) {
      expect(f.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(f.text).not.toMatch(/[A-Za-z0-9]{2,}[@＠][a-z0-9]+\.[a-z]/);
    }
    const targets = summaryCsvFiles(summary, { mask: true }).find((f) => f.key === 'targets')!.text;
    expect(targets).toContain('188****6607 l***@qq.com');
    expect(targets).toContain('星汉智能装备股份有限公司');
  });

  test('Chinese intact after UTF-8 with BOM and GB18030', () => {
    const text = summaryCsvFiles(summary).find((f) => f.key === 'targets')!.text;
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
