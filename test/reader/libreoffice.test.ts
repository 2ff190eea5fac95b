/**
 * Workbooks written by another program: LibreOffice headless converts a flat ODS (.fods) written here to .xlsx,
 * and the reader reads it back. CI installs LibreOffice; this test requires it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { numberText } from '../../src/core/text/normalize';
import { readSubmission } from '../../src/xlsx/read';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
type C = string | { n: number; f?: string } | { link: string; text: string } | { date: string } | { span: number; text: string } | { rows: number; text: string } | { covered: number } | null;

function cellXml(c: C): string {
  if (c === null) return '<table:table-cell/>';
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${c.split('\n').map(esc).join('</text:p><text:p>')}</text:p></table:table-cell>`;
  if ('n' in c) return `<table:table-cell${c.f ? ` table:formula="${esc(c.f)}"` : ''} office:value-type="float" office:value="${c.n}"><text:p>${c.n}</text:p></table:table-cell>`;
  if ('link' in c) return `<table:table-cell office:value-type="string"><text:p><text:a xlink:href="${esc(c.link)}">${esc(c.text)}</text:a></text:p></table:table-cell>`;
  if ('date' in c) return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  if ('span' in c) return `<table:table-cell table:number-columns-spanned="${c.span}" office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="${c.span - 1}"/>`;
  if ('rows' in c) return `<table:table-cell table:number-rows-spanned="${c.rows}" office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
  return `<table:covered-table-cell table:number-columns-repeated="${c.covered}"/>`;
}

function fods(sheets: { name: string; hidden?: boolean; rows: C[][] }[]): string {
  const body = sheets
    .map((s) => `<table:table table:name="${esc(s.name)}" table:style-name="${s.hidden ? 'ta2' : 'ta1'}">${s.rows.map((r) => `<table:table-row>${r.length ? r.map(cellXml).join('') : '<table:table-cell/>'}</table:table-row>`).join('')}</table:table>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="NDate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style><style:style style:name="ceDate" style:family="table-cell" style:data-style-name="NDate"/><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document>`;
}

function convert(name: string, xml: string): { bytes: Uint8Array; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-lo-'));
  const src = path.join(dir, `${name}.fods`);
  fs.writeFileSync(src, xml);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, src], { stdio: 'pipe', timeout: 120_000 });
  const out = path.join(dir, `${name}.xlsx`);
  return { bytes: new Uint8Array(fs.readFileSync(out)), file: `${name}.xlsx` };
}

// eslint-disable-next-line no-loss-of-precision -- the point: a code typed as a number has already lost digits
const CODE = 913502001234567890; // an 18-digit code typed as a number: precision lost

describe('a workbook written by LibreOffice', () => {
  const { bytes, file } = convert('河南省试点表格', fods([
    {
      name: '附件2',
      rows: [
        [{ span: 5, text: '表1 服务机构基本情况' }],
        ['序号', '机构名称', '机构类型', '联系人及\n联系方式', '责任分工（是否牵头及分工）'],
        [{ n: 1 }, '中原财产保险股份有限公司', '保险公司', '张三 13800138000', '是，牵头单位'],
        [],
        [{ span: 6, text: '表2 服务对象基本情况' }],
        [{ rows: 2, text: '序号' }, { rows: 2, text: '企业名称' }, { rows: 2, text: '所在行业领域' }, { rows: 2, text: '联系人' }, { span: 2, text: '联系方式（手机与邮箱）' }],
        [{ covered: 4 }, '手机', '邮箱'],
        [{ n: 1 }, '郑州甲科技有限公司', '车联网', '李四', { n: 13800138001 }, { link: 'mailto:lisi@qq.com', text: 'lisi@qq.com' }],
        [{ n: 2, f: 'of:=[.A8]+1' }, '洛阳乙制造有限公司', '工业互联网', '王五', { n: 13900139002 }, 'wangwu@163.com'],
        ['合计', '2家'],
        [],
        [{ span: 6, text: '表3 服务方案基本情况' }],
        ['序号', '方案名称', '方案类型', '行业领域', '联系人', '联系方式（手机与邮箱）'],
        [{ n: 1 }, '中原制造业网络安全保险服务方案', '企业类', '工业互联网', '赵六', '13700137003 zl@qq.com'],
        [],
        ['组织机构代码', { n: CODE }, '填报日期', { date: '2024-01-22' }],
      ],
    },
    { name: '旧版', hidden: true, rows: [['序号', '企业名称', '所在行业领域', '联系人', '联系方式（手机与邮箱）'], [{ n: 1 }, '旧企业', '金融', '某某', 'x'], [{ n: 2 }, '旧企业二', '金融', '某某', 'y']] },
  ]));
  const { submission, issues, grid } = readSubmission(bytes, file);

  test('region, variant and tables', () => {
    expect(submission.region?.name).toBe('河南省');
    expect(submission.variant).toBe('附件2');
    expect(Object.keys(submission.tables).sort()).toEqual(['agencies', 'schemes', 'targets']);
  });
  test('phones stored as numbers come back as exact digits; the number is kept', () => {
    const s = grid.sheets[0];
    expect(s.rows[7]?.[4]).toMatchObject({ text: '13800138001', type: 'number', number: 13800138001 });
    expect(s.rows[15]?.[1]).toMatchObject({ text: numberText(CODE), type: 'number', number: CODE });
    expect(s.rows[15]?.[3]).toMatchObject({ text: '2024-01-22', type: 'date' });
  });
  test('two-row 手机 / 邮箱 header, formula 序号, hyperlink, 合计 row', () => {
    const t = submission.tables.targets;
    expect(t?.headerRows).toEqual([6, 7]);
    expect(t?.rows.map((r) => [r.row, r.cells.seq.text, r.cells.name.text, r.cells.contact.text])).toEqual([
      [8, '1', '郑州甲科技有限公司', '13800138001 lisi@qq.com'],
      [9, '2', '洛阳乙制造有限公司', '13900139002 wangwu@163.com'],
    ]);
    expect(t?.rows[0].cells.contact.raw?.link).toBe('mailto:lisi@qq.com');
    expect(grid.sheets[0].rows[8]?.[0]?.formula).toMatch(/A8\+1/);
    expect(submission.tables.agencies?.rows[0].cells.contact.text).toBe('张三 13800138000');
  });
  test('the hidden sheet is reported, not merged', () => {
    expect(grid.sheets[1].hidden).toBe(true);
    const h = issues.find((i) => i.code === 'workbook.hidden-sheet');
    expect(h?.message).toContain('旧版');
    expect(h?.message).toContain('2 行');
    expect(submission.tables.targets?.rows).toHaveLength(2);
  });
});
