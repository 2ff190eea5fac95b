/**
 * Findings from what the source says beside the values (GridSheet.hiddenRows, GridSheet.uncachedFormulas):
 * data rows a person hid rather than deleted — read and summed like any row, so the reviewer must hear of them —
 * and formula cells saved without a result, which read as empty while Excel shows a value.
 */
import { columnLetter, type GridSheet } from '../grid/types';
import type { Issue } from '../issues';
import { WORKBOOK_RULES } from '../rules/other-codes';
import type { JointApplicantRow } from '../submission/types';
import type { LocatedTable, SkipReason } from './tables';

/** How many rows or ranges a message names before it says "…等 N 个". */
const LISTED = 8;

function listed(items: readonly string[], sep: string): string {
  return items.length <= LISTED ? items.join(sep) : `${items.slice(0, LISTED).join(sep)}${sep}…`;
}

/**
 * One warning per hidden data row, at its first cell: each such row carries its own count in the summary, so a
 * reviewer filtering rows with issues finds every one. `label`: how messages name the table (表2 服务对象).
 */
export function hiddenRowIssues(tables: readonly { located: LocatedTable; label: string; titleEn: string }[], sheets: readonly GridSheet[], file: string): Issue[] {
  const out: Issue[] = [];
  for (const { located: t, label, titleEn } of tables) {
    const hidden = new Set(sheets.find((s) => s.name === t.sheet)?.hiddenRows ?? []);
    if (!hidden.size) continue;
    for (const r of t.rows) {
      if (!hidden.has(r.row - 1)) continue;
      const first = Object.values(r.cells).find((c) => c.cell && c.text)?.cell ?? `${columnLetter(t.c0)}${r.row}`;
      out.push({
        code: 'workbook.hidden-rows',
        severity: WORKBOOK_RULES['workbook.hidden-rows'].severity,
        table: t.table,
        file,
        sheet: t.sheet,
        row: r.row,
        cell: first,
        message: `${label}第 ${r.row} 行在原文件中是隐藏行，已照常读取并计入汇总；如果是作废或旧的数据，请删除该行后重新报送。`,
        messageEn: `Row ${r.row} of the ${titleEn} table is hidden in the file; it was read and summed like the others. Delete it and resubmit if it is old or void.`,
      });
    }
  }
  return out;
}

/** The same, for the 联合申报单位 rows of 附件3's 基本信息. */
export function hiddenJointRowIssues(rows: readonly JointApplicantRow[], sheets: readonly GridSheet[], file: string): Issue[] {
  const out: Issue[] = [];
  for (const r of rows) {
    if (!sheets.find((s) => s.name === r.sheet)?.hiddenRows?.includes(r.row - 1)) continue;
    const cell = Object.values(r.cells).find((c) => c?.cell && c.text)?.cell;
    out.push({
      code: 'workbook.hidden-rows',
      severity: WORKBOOK_RULES['workbook.hidden-rows'].severity,
      table: 'jointApplicants',
      file,
      sheet: r.sheet,
      row: r.row,
      ...(cell ? { cell } : {}),
      message: `联合申报单位第 ${r.row} 行在原文件中是隐藏行，已照常读取并计入汇总（含联合单位家数）；如果是作废或旧的数据，请删除该行后重新报送。`,
      messageEn: `Joint applicant row ${r.row} is hidden in the file; it was read and counted like the others. Delete it and resubmit if it is old or void.`,
    });
  }
  return out;
}

/**
 * One error per formula cell without a result, at the cell (visible sheets only: hidden ones are not read), so
 * each row it empties carries its count in the summary. Inside a located table the issue names the table and the
 * column; elsewhere (a form) it is about the workbook.
 */
export function uncachedFormulaIssues(sheets: readonly GridSheet[], tables: readonly LocatedTable[], file: string): Issue[] {
  const out: Issue[] = [];
  for (const s of sheets) {
    if (s.hidden || !s.uncachedFormulas?.length) continue;
    const cells = [...s.uncachedFormulas].sort((a, b) => a.row - b.row || a.col - b.col);
    for (const f of cells) {
      const cell = `${columnLetter(f.col)}${f.row + 1}`;
      const inTable = tables.find((t) => t.sheet === s.name && f.col >= t.c0 && f.col <= t.c1 && f.row >= t.headerRows[0] && f.row <= t.lastRow);
      const columnKey = inTable ? [...inTable.columns].find(([, cols]) => cols.includes(f.col))?.[0] : undefined;
      const formula = f.formula ? `公式 =${f.formula}` : '共享公式';
      out.push({
        code: 'workbook.formula-no-value',
        severity: WORKBOOK_RULES['workbook.formula-no-value'].severity,
        table: inTable?.table ?? 'workbook',
        ...(columnKey ? { column: columnKey } : {}),
        file,
        sheet: s.name,
        row: f.row + 1,
        cell,
        message: `工作表“${s.name}”${cell} 的${formula} 在文件中没有保存计算结果，本工具读到的是空值。文件可能由程序生成：请用 Excel 或 WPS 打开、保存后重新报送。`,
        messageEn: `Sheet "${s.name}" ${cell}: the ${f.formula ? `formula =${f.formula}` : 'shared formula'} was saved without its result and reads as empty. The file was probably written by a program: open it in Excel or WPS, save, and resubmit.`,
      });
    }
  }
  return out;
}

const SKIP_LABELS: Readonly<Record<SkipReason, { zh: string; en: string }>> = {
  blank: { zh: '空行', en: 'blank' },
  total: { zh: '合计行', en: 'total' },
  note: { zh: '说明行', en: 'note' },
  hint: { zh: '模板提示', en: 'template hint' },
  'seq-only': { zh: '只有序号', en: '序号 only' },
  ellipsis: { zh: '省略号', en: 'ellipsis' },
};

/** How long a quoted cell text may be in a message. */
const QUOTED = 20;

/**
 * One note per table listing the non-blank rows inside it that were not read as data (合计, a 注： line with data
 * below it, template hints, 序号-only rows, ellipses): a row left out is said, with its cell, never dropped unseen.
 */
export function skippedRowIssues(tables: readonly { located: LocatedTable; label: string; titleEn: string }[], file: string): Issue[] {
  const out: Issue[] = [];
  for (const { located: t, label, titleEn } of tables) {
    const rows = t.skipped.filter((x) => x.reason !== 'blank');
    if (!rows.length) continue;
    const quote = (x: (typeof rows)[number]): string => (x.text ? `“${x.text.length > QUOTED ? `${x.text.slice(0, QUOTED)}…` : x.text}”` : '');
    const zh = rows.map((x) => `第 ${x.row} 行（${SKIP_LABELS[x.reason].zh}${quote(x)}）`);
    const en = rows.map((x) => `row ${x.row} (${SKIP_LABELS[x.reason].en})`);
    out.push({
      code: 'row.skipped',
      severity: WORKBOOK_RULES['row.skipped'].severity,
      table: t.table,
      file,
      sheet: t.sheet,
      row: rows[0].row,
      ...(rows[0].cell ? { cell: rows[0].cell } : {}),
      message: `${label}中有 ${rows.length} 行不是数据，未读入：${listed(zh, '、')}。如其中有数据，请改为完整的一行后重新报送。`,
      messageEn: `${rows.length} row(s) of the ${titleEn} table are not data and were not read: ${listed(en, ', ')}.`,
    });
  }
  return out;
}
