/**
 * Hidden rows and formulas saved without a result: found in the sheet XML (src/xlsx/sheet-notes.ts), carried on
 * the grid, and reported at their cells (src/core/locate/notes.ts). Workbooks are written by exceljs (which, like
 * openpyxl, saves a formula without its result unless given one) and by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkFile } from '../../src/xlsx/check';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { parseRef, scanSheetNotes, sheetPartsInOrder, unescapeXml } from '../../src/xlsx/sheet-notes';
import { SAMPLE_SUBMISSIONS } from '../cli/helpers';
import { buildZip, CONTENT_TYPES, minimalXlsx, ROOT_RELS, sheetXml } from './zip-builder';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scanSheetNotes', () => {
  it('finds hidden rows by r, and rows without r by position', () => {
    const xml = sheetXml('<row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row hidden="true"/><row r="7" hidden="0"/><row r="9" spans="1:3" hidden="1" customHeight="1"></row>');
    expect(scanSheetNotes(enc(xml)).hiddenRows).toEqual([1, 2, 8]);
  });

  it('finds formula cells without a result, keeps those with one', () => {
    const xml = sheetXml(
      [
        '<row r="3">',
        '<c r="A3"><f>ROW()-2</f></c>',
        '<c r="B3"><f>A3&amp;"号"</f><v></v></c>',
        '<c r="C3" t="str"><f>B3</f><v>1号</v></c>',
        '<c r="D3" t="shared"><f t="shared" ref="D3:D9" si="0">A3*2</f><v>2</v></c>',
        '<c r="E3"><f t="shared" si="0"/></c>',
        '<c r="F3" t="inlineStr"><f>x</f><is><t>y</t></is></c>',
        '<c r="G3"/><c r="H3" t="s"><v>0</v></c>',
        '</row>',
      ].join(''),
    );
    expect(scanSheetNotes(enc(xml)).uncachedFormulas).toEqual([
      { row: 2, col: 0, formula: 'ROW()-2' },
      { row: 2, col: 1, formula: 'A3&"号"' },
      { row: 2, col: 4, formula: '' },
    ]);
  });

  it('reads namespace-prefixed markup (some writers prefix every element)', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4" hidden="1"><x:c r="B4"><x:f>1+1</x:f></x:c></x:row></x:sheetData></x:worksheet>';
    expect(scanSheetNotes(enc(xml))).toEqual({ hiddenRows: [3], uncachedFormulas: [{ row: 3, col: 1, formula: '1+1' }] });
  });

  it('is not fooled by text that merely contains the words', () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>hidden="1" &lt;f&gt;x&lt;/f&gt; font</t></is></c></row>');
    expect(scanSheetNotes(enc(xml))).toEqual({ hiddenRows: [], uncachedFormulas: [] });
  });

  it('finds exactly the hidden rows and result-less formulas of any sheet (property)', () => {
    const cell = fc.record({ formula: fc.boolean(), cached: fc.boolean(), text: fc.constantFrom('a&b', '<x>', '1', '') });
    const row = fc.record({ hidden: fc.constantFrom<'1' | 'true' | '0' | 'false' | undefined>('1', 'true', '0', 'false', undefined), withR: fc.boolean(), gap: fc.nat(3), cells: fc.array(cell, { maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        let r = 0;
        const expectHidden: number[] = [];
        const expectFormulas: { row: number; col: number; formula: string }[] = [];
        const body = rows
          .map((x) => {
            // A row without r must follow its predecessor; with r it may skip ahead.
            r = x.withR ? r + 1 + x.gap : r + 1;
            if (x.hidden === '1' || x.hidden === 'true') expectHidden.push(r - 1);
            const cells = x.cells
              .map((c, i) => {
                const ref = `${String.fromCharCode(65 + i)}${r}`;
                const esc = c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
                if (c.formula && !c.cached) expectFormulas.push({ row: r - 1, col: i, formula: c.text });
                return `<c r="${ref}"${c.formula && c.cached ? ' t="str"' : ''}>${c.formula ? `<f>${esc}</f>` : ''}${c.cached || !c.formula ? `<v>${c.formula ? esc || '0' : '1'}</v>` : ''}</c>`;
              })
              .join('');
            return `<row${x.withR ? ` r="${r}"` : ''}${x.hidden ? ` hidden="${x.hidden}"` : ''}>${cells}</row>`;
          })
          .join('');
        const notes = scanSheetNotes(enc(sheetXml(body)));
        expect(notes.hiddenRows).toEqual(expectHidden);
        expect(notes.uncachedFormulas).toEqual(expectFormulas);
      }),
      { numRuns: 300 },
    );
  });

  it('parseRef and unescapeXml', () => {
    expect(parseRef('B12')).toEqual({ row: 11, col: 1 });
    expect(parseRef('$AA$3')).toEqual({ row: 2, col: 26 });
    expect(parseRef('12B')).toBeUndefined();
    expect(unescapeXml('A1&amp;&quot;&#x53F7;&#21495;&lt;&gt;&apos;&bogus;')).toBe('A1&"号号<>\'&bogus;');
  });
});

describe('sheetPartsInOrder', () => {
  const wb = (sheets: string): string => `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
  const rels = (list: string): string => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}</Relationships>`;
  const parts = (entries: Record<string, string>): Map<string, Uint8Array> => new Map(Object.entries(entries).map(([k, v]) => [k, enc(v)]));

  it('follows the relationships, not the file names, and keeps workbook order', () => {
    const p = parts({
      'xl/workbook.xml': wb('<sheet name="服务对象 &amp; 方案" sheetId="5" r:id="rId9"/><sheet name="B" sheetId="1" r:id="rId1"/><sheet name="C" sheetId="2" r:id="rId404"/>'),
      'xl/_rels/workbook.xml.rels': rels('<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Target="/xl/worksheets/Sheet2.xml"/>'),
      'xl/worksheets/sheet1.xml': '',
      'xl/worksheets/sheet2.xml': '',
    });
    expect(sheetPartsInOrder(p)).toEqual([{ name: '服务对象 & 方案', part: 'xl/worksheets/sheet2.xml' }, { name: 'B', part: 'xl/worksheets/sheet1.xml' }, { name: 'C' }]);
  });

  it('gives nothing without a workbook part', () => {
    expect(sheetPartsInOrder(parts({ 'xl/worksheets/sheet1.xml': '' }))).toEqual([]);
  });
});

/** The first bundled sample, its 服务对象 table located. */
async function sampleWithTargets(): Promise<{ wb: ExcelJS.Workbook; sheet: string; seqCol: string; rows: number[]; bytes: Uint8Array }> {
  const name = readdirSync(SAMPLE_SUBMISSIONS).filter((n) => n.endsWith('.xlsx')).sort()[0];
  const bytes = new Uint8Array(readFileSync(join(SAMPLE_SUBMISSIONS, name)));
  const t = checkFile(bytes, name).submission?.tables.targets;
  if (!t?.sheet || !t.columns) throw new Error(`no 服务对象 table in ${name}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { wb, sheet: t.sheet, seqCol: t.columns.seq as string, rows: t.rows.map((r) => r.row), bytes };
}

describe('reported at their cells', () => {
  it('a workbook without hidden rows or formulas has neither note nor issue (the samples)', () => {
    for (const n of readdirSync(SAMPLE_SUBMISSIONS).filter((x) => x.endsWith('.xlsx'))) {
      const bytes = new Uint8Array(readFileSync(join(SAMPLE_SUBMISSIONS, n)));
      const grid = readWorkbookGrid(bytes, n);
      for (const s of grid.sheets) {
        expect(s).not.toHaveProperty('hiddenRows');
        expect(s).not.toHaveProperty('uncachedFormulas');
      }
      expect(checkFile(bytes, n).issues.map((i) => i.code)).not.toEqual(expect.arrayContaining([expect.stringMatching(/workbook\.(hidden-rows|formula-no-value)/)]));
    }
  });

  it('hidden data rows: one warning per row at its first cell (each row counts it), and the rows still read', async () => {
    const s = await sampleWithTargets();
    const ws = s.wb.getWorksheet(s.sheet) as ExcelJS.Worksheet;
    const hide = [s.rows[1], s.rows[2], s.rows[4]];
    for (const r of hide) ws.getRow(r).hidden = true;
    const r = checkFile(new Uint8Array(await s.wb.xlsx.writeBuffer()), 'hidden.xlsx');
    const found = r.issues.filter((i) => i.code === 'workbook.hidden-rows');
    expect(found.map((i) => [i.severity, i.table, i.sheet, i.row, i.cell])).toEqual(hide.map((row) => ['warning', 'targets', s.sheet, row, `${s.seqCol}${row}`]));
    expect(found[0].message).toBe(`表2 服务对象第 ${hide[0]} 行在原文件中是隐藏行，已照常读取并计入汇总；如果是作废或旧的数据，请删除该行后重新报送。`);
    expect(r.submission?.tables.targets?.rows.map((x) => x.row)).toEqual(s.rows);
  });

  it('formulas saved without results: one error per cell with its formula (each row counts it); Excel-saved results are fine', async () => {
    const s = await sampleWithTargets();
    const ws = s.wb.getWorksheet(s.sheet) as ExcelJS.Worksheet;
    const offset = s.rows[0] - 1;
    for (const row of s.rows) ws.getCell(`${s.seqCol}${row}`).value = { formula: `ROW()-${offset}`, date1904: false } as ExcelJS.CellFormulaValue;
    // One cell as Excel saves it: formula and its result.
    ws.getCell(`${s.seqCol}${s.rows[0]}`).value = { formula: `ROW()-${offset}`, result: 1, date1904: false } as ExcelJS.CellFormulaValue;
    const r = checkFile(new Uint8Array(await s.wb.xlsx.writeBuffer()), 'formulas.xlsx');
    const found = r.issues.filter((i) => i.code === 'workbook.formula-no-value');
    expect(found.map((i) => [i.severity, i.table, i.column, i.sheet, i.row, i.cell])).toEqual(s.rows.slice(1).map((row) => ['error', 'targets', 'seq', s.sheet, row, `${s.seqCol}${row}`]));
    const first = s.rows[1];
    expect(found[0].message).toBe(`工作表“${s.sheet}”${s.seqCol}${first} 的公式 =ROW()-${offset} 在文件中没有保存计算结果，本工具读到的是空值。文件可能由程序生成：请用 Excel 或 WPS 打开、保存后重新报送。`);
    // The cell saved with its result reads as that result.
    expect(r.submission?.tables.targets?.rows[0].cells.seq?.text).toBe('1');
    // The file's missing results are said once, not again as an empty 序号 in every row.
    expect(r.issues.filter((i) => i.code === 'required.missing' && i.column === 'seq')).toEqual([]);
    expect(r.submission?.tables.targets?.rows[1].cells.seq?.raw).toEqual({ text: '', type: 'formula', formula: `ROW()-${offset}` });
  });

  it('formulas outside the tables are about the workbook; on a hidden sheet they are not reported (it is not read)', () => {
    const sheet = (body: string) => sheetXml(body);
    const wbXml = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="旧" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`;
    const relsXml = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`;
    const z = buildZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES.replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'xl/workbook.xml', data: wbXml },
      { name: 'xl/_rels/workbook.xml.rels', data: relsXml },
      { name: 'xl/worksheets/sheet1.xml', data: sheet('<row r="2"><c r="C2"><f>TODAY()</f></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', data: sheet('<row r="1"><c r="A1"><f>1+1</f></c></row>') },
    ]);
    const found = checkFile(z, 'x.xlsx').issues.filter((i) => i.code === 'workbook.formula-no-value');
    expect(found.map((i) => [i.table, i.sheet, i.cell])).toEqual([['workbook', '说明', 'C2']]);
  });

  it('a hand-written single-sheet file gets its notes on the grid', () => {
    const grid = readWorkbookGrid(minimalXlsx(sheetXml('<row r="1" hidden="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="B2"><f>A1</f></c></row>')), 'm.xlsx');
    expect(grid.sheets[0]).toMatchObject({ hiddenRows: [0], uncachedFormulas: [{ row: 1, col: 1, formula: 'A1' }] });
    expect(grid.sheets[0].rows[1]?.[1]).toEqual({ text: '', type: 'formula', formula: 'A1' });
  });
});

describe('hidden 联合申报单位 rows', () => {
  it('each hidden joint applicant row is read and warned at its cell, under 联合申报单位', async () => {
    const name = readdirSync(SAMPLE_SUBMISSIONS).find((n) => n.includes('附件3') && n.endsWith('.xlsx')) as string;
    const bytes = new Uint8Array(readFileSync(join(SAMPLE_SUBMISSIONS, name)));
    const joint = checkFile(bytes, name).submission?.jointApplicants ?? [];
    expect(joint.length).toBeGreaterThan(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    (wb.getWorksheet(joint[1].sheet) as ExcelJS.Worksheet).getRow(joint[1].row).hidden = true;
    const r = checkFile(new Uint8Array(await wb.xlsx.writeBuffer()), name);
    expect(r.submission?.jointApplicants).toHaveLength(joint.length);
    const found = r.issues.filter((i) => i.code === 'workbook.hidden-rows');
    expect(found.map((i) => [i.table, i.sheet, i.row, i.cell])).toEqual([['jointApplicants', joint[1].sheet, joint[1].row, joint[1].cells.name?.cell]]);
    expect(found[0].message).toContain(`联合申报单位第 ${joint[1].row} 行在原文件中是隐藏行`);
  });
});
