/**
 * GridWorkbook → Submission: locate the notice's tables on every sheet, decide the variant (附件2 / 附件3), read the
 * forms, find the region and the submitter, and report what the workbook itself gets wrong (hidden sheets, missing
 * tables, unknown region). Pure core: plain values in, plain values out.
 */
import type { GridSheet, GridWorkbook } from '../grid/types';
import { columnLetter } from '../grid/types';
import type { Issue } from '../issues';
import { APPLICANT_BASICS, AUTHORITY_BASICS } from '../notice/forms';
import type { Region } from '../notice/regions';
import { TABLES, TABLE_KEYS, VARIANTS, type TableKey, type Variant } from '../notice/tables';
import type { FormValue, Submission, TableData, UnmergedTable } from '../submission/types';
import { formFieldValue } from '../rules/form';
import { WORKBOOK_RULES, type WorkbookRuleCode } from '../rules/other-codes';
import { normalizeText } from '../text/normalize';
import { extractForm, type Rect } from './form';
import { extractJointApplicants } from './joint';
import { hiddenJointRowIssues, hiddenRowIssues, skippedRowIssues, uncachedFormulaIssues } from './notes';
import { findRegion, looksLikeAuthority } from './region';
import { columnLetters, locateTablesInSheet, type LocatedTable } from './tables';

export { findRegion } from './region';
export { locateTablesInSheet, type LocatedTable } from './tables';
export { headerKey, parseTitle } from './text';

export interface LocateResult {
  readonly submission: Submission;
  readonly issues: Issue[];
  /** Every table found, hidden sheets included, with titles and skipped rows (for tests and diagnostics). */
  readonly located: readonly LocatedTable[];
}

/** Our own template's very-hidden lists sheet, or any sheet with nothing in it. */
function isListsOnly(tables: readonly LocatedTable[]): boolean {
  return tables.length === 0;
}

function nonEmptyCells(sheet: GridSheet): number {
  let n = 0;
  sheet.rows.forEach((row) => row?.forEach((c) => c && c.text.trim() && n++));
  return n;
}

function rectOf(t: LocatedTable): Rect {
  return { sheet: t.sheet, r0: t.headerRows[0], r1: t.lastRow, c0: t.c0, c1: t.c1 };
}

function tableLabel(t: LocatedTable, variant: Variant | undefined): string {
  const n = variant ? VARIANTS[variant].tables.find((x) => x.table === t.table)?.number : undefined;
  return `${n ? `表${n} ` : ''}${TABLES[t.table].shortName}`;
}

interface Evidence {
  readonly variant: Variant;
  readonly why: string;
}

function decideVariant(visible: readonly LocatedTable[], texts: readonly string[], fileName: string, form2: number, form3: number): { variant: Variant; guessed: boolean; why: string } {
  const found = new Set(visible.map((t) => t.table));
  const ev: Evidence[] = [];
  if (found.has('agencies')) ev.push({ variant: '附件2', why: '含服务机构表' });
  for (const t of visible) {
    const n = t.title?.number;
    if (n === undefined) continue;
    for (const v of ['附件2', '附件3'] as const) {
      const want = VARIANTS[v].tables.find((x) => x.table === t.table)?.number;
      if (want === n && !(v === '附件2' && n === 1 && t.table !== 'agencies')) ev.push({ variant: v, why: `标题“${t.titleText}”` });
    }
  }
  if (ev.length) {
    const v2 = ev.filter((e) => e.variant === '附件2').length;
    const v3 = ev.filter((e) => e.variant === '附件3').length;
    const variant = found.has('agencies') || v2 > v3 ? '附件2' : '附件3';
    return { variant, guessed: false, why: ev.find((e) => e.variant === variant)?.why ?? '' };
  }
  const marker = (s: string): Variant | undefined => {
    const t = normalizeText(s).replace(/\s+/g, '');
    if (/服务机构版|附件3/.test(t)) return '附件3';
    if (/地方主管部门版|主管部门版|附件2/.test(t)) return '附件2';
    return undefined;
  };
  for (const s of texts) {
    const m = marker(s);
    if (m) return { variant: m, guessed: false, why: `“${s}”` };
  }
  if (form2 > form3 && form2 >= 2) return { variant: '附件2', guessed: false, why: '一、基本情况表单' };
  if (form3 > form2 && form3 >= 2) return { variant: '附件3', guessed: false, why: '基本信息表单' };
  const fm = marker(fileName);
  if (fm) return { variant: fm, guessed: false, why: `文件名“${fileName}”` };
  return { variant: found.size > 0 && !found.has('agencies') ? '附件3' : '附件2', guessed: true, why: '' };
}

/** Where the region was read, as a message names it. */
const REGION_SOURCE_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  form: { zh: '表单（基本情况/基本信息）', en: 'the form' },
  filler: { zh: '“填报单位”一行', en: 'the 填报单位 line' },
  authority: { zh: '单位名称', en: "the authority's name" },
  title: { zh: '标题', en: 'the title' },
};

function issue(code: WorkbookRuleCode, message: string, messageEn: string, extra: Partial<Issue> = {}): Issue {
  return { code, severity: WORKBOOK_RULES[code].severity, table: 'workbook', message, messageEn, ...extra };
}

export function locateSubmission(grid: GridWorkbook): LocateResult {
  const issues: Issue[] = [];
  const file = grid.file;
  const located: LocatedTable[] = [];
  const bySheet = new Map<GridSheet, LocatedTable[]>();
  grid.sheets.forEach((sheet, i) => {
    const t = locateTablesInSheet(sheet, i);
    bySheet.set(sheet, t);
    located.push(...t);
  });

  const visibleSheets = grid.sheets.filter((s) => !s.hidden);
  const visible = located.filter((t) => !t.hidden);
  const claimed = located.map(rectOf);

  // Texts outside the tables: titles, filler lines, sheet names — for the variant and the region.
  const outside: { text: string; sheet: string }[] = [];
  for (const s of visibleSheets) {
    outside.push({ text: s.name, sheet: s.name });
    // The claims of this sheet, then of each row: a cell is tested against a row's few claims, not every table.
    const onSheet = claimed.filter((x) => x.sheet === s.name);
    s.rows.forEach((row, r) => {
      if (!row) return;
      const onRow = onSheet.filter((x) => r >= x.r0 && r <= x.r1);
      row.forEach((c, col) => {
        const t = c?.text.trim();
        if (t && !onRow.some((x) => col >= x.c0 && col <= x.c1)) outside.push({ text: t, sheet: s.name });
      });
    });
  }
  const titleTexts = [...visible.map((t) => t.titleText ?? ''), ...outside.map((o) => o.text).filter((t) => t.length <= 80)].filter(Boolean);

  // 联合申报单位 first: its 单位性质 / 组织机构代码 headers must not be read as the lead's form fields.
  const joint = extractJointApplicants(visibleSheets, claimed);
  const formClaims = joint ? [...claimed, joint.rect] : claimed;
  const f2 = extractForm(visibleSheets, AUTHORITY_BASICS, formClaims);
  const f3 = extractForm(visibleSheets, APPLICANT_BASICS, formClaims);
  const decided = decideVariant(visible, titleTexts, file, f2.labels, f3.labels);
  const variant = decided.variant;
  const formResult = variant === '附件2' ? f2 : f3;
  const form: FormValue[] = formResult.values;

  // Tables: the first visible one of each kind; later ones are reported, never merged.
  const tables: Partial<Record<TableKey, TableData>> = {};
  const chosen = new Map<TableKey, LocatedTable>();
  const unmerged: UnmergedTable[] = [];
  // The table read for each kind: the first with data rows (an empty template table above the filled-in one does
  // not win), else the first.
  const readFirst = new Map<TableKey, LocatedTable>();
  for (const t of visible) if (!readFirst.has(t.table) && t.rows.length > 0) readFirst.set(t.table, t);
  for (const t of visible) if (!readFirst.has(t.table)) readFirst.set(t.table, t);
  for (const t of [...readFirst.values()]) chosen.set(t.table, t);
  for (const t of visible) {
    if (readFirst.get(t.table) === t) continue;
    const prev = chosen.get(t.table);
    if (prev) {
      const at = { sheet: t.sheet, row: t.headerRows[0] + 1, cell: `${columnLetter(t.c0)}${t.headerRows[0] + 1}` };
      const here = `工作表“${t.sheet}”第 ${t.headerRows[0] + 1} 行`;
      const first = `工作表“${prev.sheet}”第 ${prev.headerRows[0] + 1} 行`;
      const name = TABLES[t.table].shortName;
      if (t.rows.length > 0) {
        // Merging would mix two sheets' rows and 序号 runs in one table; the rows are counted and said instead.
        unmerged.push({ reason: 'second-table', table: t.table, sheet: t.sheet, headerRow: t.headerRows[0] + 1, rows: t.rows.length });
        issues.push(
          issue('workbook.table-not-merged', `${here}又有一张${name}表，其中 ${t.rows.length} 行数据没有汇总（每个文件每种表只读一张，已读取${first}的那张）。请把这些行移入${first}的表中后重新报送；如是重复或作废的数据，请删除。`, `A second ${TABLES[t.table].titleEn} table on sheet "${t.sheet}" row ${t.headerRows[0] + 1} holds ${t.rows.length} data row(s) that were NOT merged (one table of each kind is read: the one on sheet "${prev.sheet}" row ${prev.headerRows[0] + 1}). Move them into that table and resubmit, or delete them if they are duplicates.`, at),
        );
      } else {
        issues.push(issue('workbook.duplicate-table', `${here}又有一张${name}表（没有数据行），未读入；已读取${first}的那张。`, `A second ${TABLES[t.table].titleEn} table on sheet "${t.sheet}" row ${t.headerRows[0] + 1} (no data rows) was not read; the one on sheet "${prev.sheet}" row ${prev.headerRows[0] + 1} was.`, at));
      }
    }
  }
  for (const key of TABLE_KEYS) {
    const t = chosen.get(key);
    if (!t) continue;
    tables[key] = { table: key, file, sheet: t.sheet, headerRows: t.headerRows.map((r) => r + 1), columns: columnLetters(t), rows: t.rows };
    for (const k of t.missing) {
      const col = TABLES[key].columns.find((c) => c.key === k);
      issues.push({
        code: 'workbook.column-missing',
        severity: WORKBOOK_RULES['workbook.column-missing'].severity,
        table: key,
        column: k,
        file,
        sheet: t.sheet,
        row: t.headerRows[0] + 1,
        message: `${tableLabel(t, variant)}缺少“${col?.header ?? k}”列。`,
        messageEn: `The ${TABLES[key].titleEn} table has no "${col?.header ?? k}" column.`,
      });
    }
  }

  // Rows hidden inside the tables read, and formulas whose value the file does not hold.
  const chosenTables = TABLE_KEYS.flatMap((k) => {
    const t = chosen.get(k);
    return t ? [{ located: t, label: tableLabel(t, variant), titleEn: TABLES[k].titleEn }] : [];
  });
  issues.push(...hiddenRowIssues(chosenTables, grid.sheets, file), ...uncachedFormulaIssues(grid.sheets, [...chosen.values()], file), ...skippedRowIssues(chosenTables, file));
  if (joint && variant === '附件3') issues.push(...hiddenJointRowIssues(joint.rows, grid.sheets, file));

  // Hidden sheets: say what they hold; a very-hidden lists sheet is ours and silent.
  for (const s of grid.sheets) {
    if (!s.hidden) continue;
    const held = bySheet.get(s) ?? [];
    if (s.veryHidden && isListsOnly(held)) continue;
    const cells = nonEmptyCells(s);
    if (!held.length && cells === 0) continue;
    // Their data rows are not in the summary: counted for the reconciliation, as a second table's are.
    for (const t of held) if (t.rows.length > 0) unmerged.push({ reason: 'hidden-sheet', table: t.table, sheet: t.sheet, headerRow: t.headerRows[0] + 1, rows: t.rows.length });
    const what = held.length ? held.map((t) => `${tableLabel(t, variant)} ${t.rows.length} 行`).join('、') : `${cells} 个非空单元格，无可识别的表格`;
    const whatEn = held.length ? held.map((t) => `a "${TABLES[t.table].titleEn}" table of ${t.rows.length} rows`).join(', ') : `${cells} non-empty cells, no table`;
    issues.push(
      issue('workbook.hidden-sheet', `隐藏工作表“${s.name}”含${what}；其内容未读入，如需提交请取消隐藏并移入正式表格。`, `Hidden sheet "${s.name}" holds ${whatEn}; it was not read. Unhide it and move the rows into the tables if they belong to the submission.`, { sheet: s.name, file }),
    );
  }

  if (located.length === 0 || visible.length === 0) {
    issues.push(issue('workbook.no-tables', '工作簿中没有找到通知附件中的表格（服务机构 / 服务对象 / 服务方案）。请使用官方模板的表头。', 'No table of the notice (agencies / targets / schemes) was found in the workbook. Use the template headers.', { file }));
  } else {
    for (const vt of VARIANTS[variant].tables) {
      if (chosen.has(vt.table)) continue;
      issues.push(
        issue('workbook.table-missing', `${variant}应有“表${vt.number} ${TABLES[vt.table].title}”，工作簿中没有找到。`, `${variant} should contain table ${vt.number} ${TABLES[vt.table].titleEn}; it was not found.`, { file }),
      );
    }
    if (decided.guessed) {
      issues.push(issue('workbook.variant-guessed', `无法从标题或文件名判断版本，按${variant}（${VARIANTS[variant].submitter}版）读取。`, `The variant could not be told from titles or the file name; read as ${variant}.`, { file }));
    }
  }

  // Region and submitter: the form, a 填报单位 line, the titles, then the file name.
  const formText = (key: string): FormValue | undefined => formFieldValue(form, key);
  const filler = outside.map((o) => /(填报|报送|申报|填表)单位\s*[:：]\s*(\S.*)$/.exec(o.text)?.[2]?.trim()).find((x): x is string => !!x);
  const authorityCell = outside.map((o) => o.text).find((t) => t.length <= 40 && looksLikeAuthority(t));
  const sources: { text: string | undefined; from: string }[] = [
    { text: formText('authority')?.text, from: 'form' },
    { text: formText('region')?.text, from: 'form' },
    { text: filler, from: 'filler' },
    { text: authorityCell, from: 'authority' },
    ...titleTexts.map((t) => ({ text: /试点|方案|表格|申报|汇总|报送|附件/.test(t) ? t : undefined, from: 'title' })),
    { text: file.replace(/\.[a-z0-9]+$/i, ''), from: 'file' },
  ];
  let region: Region | undefined;
  let regionFrom = '';
  for (const s of sources) {
    if (!s.text) continue;
    region = findRegion(s.text);
    regionFrom = s.from;
    if (region) break;
  }
  // The file's name (with its folder, for a file found in one) naming another region: a misfiled or mislabelled file.
  const named = regionFrom !== 'file' ? findRegion(file.replace(/\.[a-z0-9]+$/i, '')) : undefined;
  if (region && named && named.code !== region.code) {
    const what = REGION_SOURCE_LABELS[regionFrom] ?? REGION_SOURCE_LABELS.title;
    issues.push(
      issue(
        'workbook.region-conflict',
        `文件名“${file}”写的是${named.name}，但${what.zh}中是${region.name}；已按${region.name}汇总。请核实是否放错了文件或写错了地区。`,
        `The file name "${file}" says ${named.name}, but ${what.en} says ${region.name}; aggregated as ${region.name}. Check whether the file is misfiled or the region is wrong.`,
        { file },
      ),
    );
  }
  if (!region) {
    // Where the person can write it: 附件2's form names the authority, 附件3's 基本信息 has 所在地区.
    const where = variant === '附件3' ? { zh: '基本信息的“所在地区”', en: 'the 所在地区 field of 基本信息' } : { zh: '“地方行业主管部门（全称）”', en: 'the 地方行业主管部门（全称） field' };
    issues.push(
      issue(
        'workbook.region-unknown',
        `无法判断报送地区：${variant === '附件3' ? '基本信息' : '基本情况'}、标题、填报单位和文件名中都没有省（区、市）或计划单列市名称。请在${where.zh}或文件名中写明。`,
        `Unknown region: neither the form, the titles, a 填报单位 line nor the file name names a province or separately planned city. Write it in ${where.en} or the file name.`,
        { file },
      ),
    );
  }
  const submitter = formText('authority')?.text ?? filler ?? authorityCell ?? (variant === '附件3' ? formText('lead')?.text : undefined);

  const submission: Submission = {
    file,
    variant,
    ...(region ? { region } : {}),
    ...(submitter ? { submitter } : {}),
    tables,
    ...(form.length ? { form } : {}),
    ...(joint && variant === '附件3' ? { jointApplicants: joint.rows } : {}),
    ...(unmerged.length ? { unmerged } : {}),
  };
  return { submission, issues, located };
}
