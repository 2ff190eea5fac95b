/**
 * 联合申报单位 (附件3 基本信息): a small table by that label — 单位名称 | 单位性质 | 组织机构代码/三证合一码 —
 * one row per joint applicant. Found by the label, then its header row (the label's own row to the right, or the
 * row below), then the rows down to the next label in the label's column or five blank rows in a row.
 */
import { rawCell } from '../grid/merges';
import { a1, type GridCell, type GridSheet } from '../grid/types';
import { JOINT_APPLICANT_COLUMNS, JOINT_APPLICANTS_LABEL, JOINT_APPLICANTS_LABEL_ALIASES } from '../notice/forms';
import type { JointApplicantRow } from '../submission/types';
import type { Rect } from './form';
import { headerKey } from './text';

const LABELS = new Set([JOINT_APPLICANTS_LABEL, ...JOINT_APPLICANTS_LABEL_ALIASES].map(headerKey));

const HEADER_KEYS: ReadonlyMap<string, string> = new Map(
  JOINT_APPLICANT_COLUMNS.flatMap((c) => [c.label, ...(c.aliases ?? [])].map((l) => [headerKey(l), c.key] as const)),
);

/** Rows read below the header at most: the notice caps joint units at 10; room for blank and stray rows. */
const MAX_ROWS = 60;
/** Blank rows tolerated inside the table (people leave gaps); more ends it. */
const BLANK_RUN = 5;

export interface JointApplicants {
  readonly rows: readonly JointApplicantRow[];
  /** The label, header and rows: claimed, so the form reader does not take 单位性质 here for the lead's. */
  readonly rect: Rect;
}

/** Column → key for a header row starting at (r, c0), when it names 单位名称 and one more column. */
function headerAt(sheet: GridSheet, r: number, c0: number): Map<number, string> | undefined {
  const cols = new Map<number, string>();
  for (let c = c0; c < c0 + 6; c++) {
    const key = HEADER_KEYS.get(headerKey(rawCell(sheet, r, c)?.text ?? ''));
    if (key && ![...cols.values()].includes(key)) cols.set(c, key);
  }
  return cols.size >= 2 && [...cols.values()].includes('name') ? cols : undefined;
}

function isEllipsis(text: string): boolean {
  return /^[.。…·、\s]+$/.test(text);
}

function readRows(sheet: GridSheet, labelCol: number, headerRow: number, header: Map<number, string>): { rows: JointApplicantRow[]; last: number } {
  const rows: JointApplicantRow[] = [];
  let blanks = 0;
  let last = headerRow;
  for (let r = headerRow + 1; r <= headerRow + MAX_ROWS && r < sheet.rows.length; r++) {
    // The next form label in the label's column ends the table (the template merges the label down its rows).
    if (!header.has(labelCol) && (rawCell(sheet, r, labelCol)?.text.trim() ?? '') !== '') break;
    const cells: Record<string, { text: string; cell: string; raw?: GridCell }> = {};
    let filled = false;
    for (const [c, key] of header) {
      const raw = rawCell(sheet, r, c);
      const text = raw?.text.trim() ?? '';
      if (text && !isEllipsis(text)) filled = true;
      cells[key] = raw ? { text, cell: a1(r, c), raw } : { text, cell: a1(r, c) };
    }
    if (!filled) {
      if (++blanks >= BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    last = r;
    rows.push({ sheet: sheet.name, row: r + 1, cells });
  }
  return { rows, last };
}

export function extractJointApplicants(sheets: readonly GridSheet[], claimed: readonly Rect[]): JointApplicants | undefined {
  for (const sheet of sheets) {
    const onSheet = claimed.filter((x) => x.sheet === sheet.name);
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const text = row[c]?.text;
        // Every label holds 联; most cells do not, and skip the normalising (this scan visits every cell).
        if (!text || !text.includes('联') || !LABELS.has(headerKey(text))) continue;
        if (onSheet.some((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1)) continue;
        const found = [
          { hr: r, header: headerAt(sheet, r, c + 1) },
          { hr: r + 1, header: headerAt(sheet, r + 1, c) },
          { hr: r + 1, header: headerAt(sheet, r + 1, c + 1) },
        ].find((h) => h.header);
        if (!found?.header) continue;
        const { rows, last } = readRows(sheet, c, found.hr, found.header);
        const cols = [c, ...found.header.keys()];
        return { rows, rect: { sheet: sheet.name, r0: r, r1: last, c0: Math.min(...cols), c1: Math.max(...cols) } };
      }
    }
  }
  return undefined;
}
