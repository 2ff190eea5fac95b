import { READ_LIMITS } from '../../src/xlsx/limits';
import { ReadError, readSubmission, readWorkbookGrid } from '../../src/xlsx/read';
import { inflateRawBounded } from '../../src/xlsx/read-inflate';
import { loadFixture, fixtureDirs } from './helpers';
import { CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS, buildZip, minimalXlsx, sheetXml } from './zip-builder';
import * as zlib from 'node:zlib';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ReadError) {
      // every error speaks both languages
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn.length).toBeGreaterThan(10);
      return e.code;
    }
    throw e;
  }
  return 'no error';
}

const fixture = loadFixture(fixtureDirs()[0]);

function cfb(streamNames: string[]): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let p = 1024;
  for (const n of streamNames) {
    for (let i = 0; i < n.length; i++) b[p + i * 2] = n.charCodeAt(i);
    p += 128;
  }
  return b;
}

describe('bad input gets a typed error, never a crash or hang', () => {
  test('a good minimal workbook still reads', () => {
    const grid = readWorkbookGrid(minimalXlsx(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>')), 'ok.xlsx');
    expect(grid.sheets[0].rows[0]?.[0]?.text).toBe('序号');
  });
  test('zero-byte file', () => expect(codeOf(() => readSubmission(new Uint8Array(0), 'empty.xlsx'))).toBe('read.empty'));
  test('random bytes', () => {
    const b = new Uint8Array(5000);
    let x = 12345;
    for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    b[0] = 0x13;
    expect(codeOf(() => readSubmission(b, 'random.xlsx'))).toBe('read.not-xlsx');
  });
  test('a CSV renamed to .xlsx', () => expect(codeOf(() => readSubmission(new TextEncoder().encode('序号,企业名称\n1,a\n'), 'a.xlsx'))).toBe('read.not-xlsx'));
  test('truncated copy of a fixture', () => {
    expect(codeOf(() => readSubmission(fixture.bytes.slice(0, Math.floor(fixture.bytes.length / 2)), fixture.file))).toBe('read.corrupt');
  });
  test('corrupt compressed data (bytes flipped inside a part)', () => {
    const b = fixture.bytes.slice();
    for (let i = 600; i < 700; i++) b[i] ^= 0x5a;
    expect(codeOf(() => readSubmission(b, fixture.file))).toBe('read.corrupt');
  });
  test('.xls (CFB/BIFF), renamed to .xlsx', () => expect(codeOf(() => readSubmission(cfb(['Root Entry', 'Workbook']), 'old.xlsx'))).toBe('read.xls'));
  test('encrypted .xlsx (CFB with EncryptionInfo)', () => expect(codeOf(() => readSubmission(cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'secret.xlsx'))).toBe('read.encrypted'));
  test('.ods renamed to .xlsx', () => {
    const z = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect(codeOf(() => readSubmission(z, 'a.xlsx'))).toBe('read.ods');
  });
  test('.xlsb renamed to .xlsx', () => {
    const z = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: new Uint8Array([1, 2, 3]) },
    ]);
    expect(codeOf(() => readSubmission(z, 'a.xlsx'))).toBe('read.xlsb');
  });
  test('.numbers renamed to .xlsx', () => {
    const z = buildZip([{ name: 'Index/Document.iwa', data: new Uint8Array([0, 1, 2]) }]);
    expect(codeOf(() => readSubmission(z, 'a.xlsx'))).toBe('read.numbers');
  });
  test('a Word document renamed to .xlsx', () => {
    const z = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(codeOf(() => readSubmission(z, 'a.xlsx'))).toBe('read.not-xlsx');
  });
  test('declared uncompressed size over the total limit', () => {
    const z = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/sharedStrings.xml', data: 'x', declaredSize: READ_LIMITS.maxEntryBytes },
      { name: 'xl/worksheets/sheet1.xml', data: 'x', declaredSize: READ_LIMITS.maxDecompressedBytes - READ_LIMITS.maxEntryBytes + 1 },
    ]);
    let err: unknown;
    try {
      readSubmission(z, 'bomb.xlsx');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('read.limit.decompressed');
    expect((err as ReadError).limit?.name).toBe('maxDecompressedBytes');
    expect((err as ReadError).message).toContain('解压后总大小');
  });
  test('one entry declared bigger than the per-part limit', () => {
    const z = buildZip([{ name: 'xl/workbook.xml', data: 'x', declaredSize: READ_LIMITS.maxEntryBytes + 1 }]);
    expect(codeOf(() => readSubmission(z, 'bomb.xlsx'))).toBe('read.limit.entry-size');
  });
  test('compression ratio bomb (20 MB of one byte)', () => {
    const z = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/sharedStrings.xml', data: new Uint8Array(20 * 1024 * 1024).fill(0x41) },
    ]);
    expect(z.length).toBeLessThan(100_000);
    expect(codeOf(() => readSubmission(z, 'bomb.xlsx'))).toBe('read.limit.ratio');
  });
  test('an entry that inflates to more than it declares is stopped at the declared size', () => {
    const z = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: 'a'.repeat(100_000), declaredSize: 1000 },
    ]);
    expect(codeOf(() => readSubmission(z, 'liar.xlsx'))).toBe('read.limit.entry-size');
  });
  test('sheet XML with a DOCTYPE / ENTITY (billion laughs)', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const x = minimalXlsx(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>', `<?xml version="1.0"?>${lol}`));
    expect(codeOf(() => readSubmission(x, 'lol.xlsx'))).toBe('read.xml-doctype');
  });
  test('file larger than the file-size limit', () => {
    expect(codeOf(() => readSubmission(fixture.bytes, fixture.file, { ...READ_LIMITS, maxFileBytes: 1000 }))).toBe('read.limit.file-size');
  });
  test('more cells than the cell limit (counted before SheetJS parses)', () => {
    expect(codeOf(() => readSubmission(fixture.bytes, fixture.file, { ...READ_LIMITS, maxCells: 50 }))).toBe('read.limit.cells');
  });
  test('more sheets than the sheet limit', () => {
    expect(codeOf(() => readSubmission(fixture.bytes, fixture.file, { ...READ_LIMITS, maxSheets: 1 }))).toBe('read.limit.sheets');
  });
  test('shared-string bomb: one 32,767-character string in 4,000 cells', () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000" uniqueCount="1"><si><t>${'a'.repeat(32767)}</t></si></sst>`;
    const rows = Array.from({ length: 4000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join('');
    const z = buildZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>') },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS.replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>') },
      { name: 'xl/sharedStrings.xml', data: sst },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) },
    ]);
    expect(z.length).toBeLessThan(100_000);
    expect(codeOf(() => readSubmission(z, 'sst.xlsx'))).toBe('read.limit.text');
  });
});

describe('bounded inflate', () => {
  test('round-trips zlib output of every kind of block', () => {
    const text = Buffer.from('联系方式（手机与邮箱）13800138000 zs@qq.com\n'.repeat(2000) + Array.from({ length: 5000 }, (_, i) => String((i * 7919) % 10007)).join(','));
    for (const level of [0, 1, 6, 9]) {
      const comp = zlib.deflateRawSync(text, { level });
      expect(Buffer.from(inflateRawBounded(new Uint8Array(comp), text.length)).equals(text)).toBe(true);
    }
    const fixed = zlib.deflateRawSync(Buffer.from('abc'), { strategy: zlib.constants.Z_FIXED });
    expect(Buffer.from(inflateRawBounded(new Uint8Array(fixed), 3)).toString()).toBe('abc');
  });
  test('garbage input ends in an error, not a loop', () => {
    for (let seed = 1; seed < 200; seed++) {
      const b = new Uint8Array(64);
      let x = seed;
      for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      expect(() => inflateRawBounded(b, 1000)).toThrow();
    }
  });
});
