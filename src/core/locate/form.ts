/**
 * The one-record forms beside the tables (附件2 一、基本情况 / 附件3 基本信息): a label cell, its value to the right
 * or below. Labels split over two cells (负责人（处级） | 姓名) are joined. Cells inside located tables are skipped.
 */
import { mergeIndex, rawCell, visibleCell } from '../grid/merges';
import { a1, type GridCell, type GridSheet } from '../grid/types';
import type { FormSpec } from '../notice/forms';
import type { FormValue } from '../submission/types';
import { headerKey, withoutTrailingRemark } from './text';

export interface Rect {
  readonly sheet: string;
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** Generic sub-labels that are never values. */
const SUB_LABELS = new Set(['姓名', '职务', '部门', '电话', '手机', '座机', '邮箱', '电子邮箱', '职称', '联系电话', '传真'].map(headerKey));

function labelIndex(spec: FormSpec): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of spec.fields) {
    for (const l of [f.label, ...(f.aliases ?? [])]) {
      const k = headerKey(l);
      if (!m.has(k)) m.set(k, f.key);
    }
  }
  return m;
}

function lookup(index: Map<string, string>, text: string): string | undefined {
  const k = headerKey(text);
  if (!k) return undefined;
  return index.get(k) ?? index.get(withoutTrailingRemark(k));
}

export interface FormResult {
  readonly values: FormValue[];
  /** How many labels were recognised (evidence for the variant). */
  readonly labels: number;
}

export function extractForm(sheets: readonly GridSheet[], spec: FormSpec, claimed: readonly Rect[]): FormResult {
  const index = labelIndex(spec);
  const values: FormValue[] = [];
  const seen = new Set<string>();
  let labels = 0;
  const isClaimed = (sheet: string, r: number, c: number): boolean => claimed.some((x) => x.sheet === sheet && r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);

  for (const sheet of sheets) {
    const idx = mergeIndex(sheet);
    const txt = (r: number, c: number): string => (rawCell(sheet, r, c)?.text ?? '').trim();
    // A value and, when its cell holds other than text (a number, a date), that cell: the checks tell a code stored
    // as a number by it, as they do for the 联合申报单位 table's cells. Text cells carry nothing more than before.
    const valueAt = (r: number, c: number, text: string): { text: string; cell: string; raw?: GridCell } => {
      const raw = rawCell(sheet, r, c);
      return raw && raw.type !== undefined && raw.type !== 'string' ? { text, cell: a1(r, c), raw } : { text, cell: a1(r, c) };
    };
    const isLabel = (t: string): boolean => !!t && (lookup(index, t) !== undefined || SUB_LABELS.has(headerKey(t)) || /[:：]\s*$/.test(t));
    // Claims of this sheet, then of each row: most cells lie in a table, and are ruled out against a row's claims.
    const onSheet = claimed.filter((x) => x.sheet === sheet.name);
    sheet.rows.forEach((row, r) => {
      const onRow = onSheet.filter((x) => r >= x.r0 && r <= x.r1);
      row?.forEach((cell, c) => {
        const t = cell?.text.trim() ?? '';
        if (!t || onRow.some((x) => c >= x.c0 && c <= x.c1)) return;
        // "label：value" in one cell
        const colon = /^([^:：]{1,30})[:：]\s*(.+)$/s.exec(t);
        if (colon) {
          const key = lookup(index, colon[1]);
          if (key && !seen.has(key)) {
            seen.add(key);
            labels++;
            values.push({ key, text: colon[2].trim(), sheet: sheet.name, cell: a1(r, c) });
          }
          return;
        }
        // compose with a label to the left (负责人（处级） + 姓名), nearest first, then the label alone
        let key: string | undefined;
        for (let x = c - 1; x >= 0 && !key; x--) {
          const left = visibleCell(sheet, r, x);
          const lt = left.cell?.text.trim() ?? '';
          if (lt) key = lookup(index, lt + t);
        }
        key ??= lookup(index, t);
        if (!key) return;
        labels++;
        if (seen.has(key)) return;
        const m = idx.at(r, c);
        const right = m ? m.c1 + 1 : c + 1;
        const bottom = m ? m.r1 + 1 : r + 1;
        let value: { text: string; cell: string; raw?: GridCell } | undefined;
        for (let x = right; x <= right + 2; x++) {
          const vt = txt(r, x);
          if (!vt) {
            if (idx.at(r, x)) continue;
            continue;
          }
          if (!isLabel(vt)) value = valueAt(r, x, vt);
          break;
        }
        if (!value) {
          const vt = txt(bottom, c);
          if (vt && !isLabel(vt) && !isClaimed(sheet.name, bottom, c)) value = valueAt(bottom, c, vt);
        }
        if (!value) {
          // A label whose right-hand cell is a sub-label (联系人 | 姓名) is a group heading, not a field.
          if (isLabel(txt(r, right))) return;
          value = { text: '', cell: a1(r, right) };
        }
        seen.add(key);
        values.push(value.raw ? { key, text: value.text, sheet: sheet.name, cell: value.cell, raw: value.raw } : { key, text: value.text, sheet: sheet.name, cell: value.cell });
      });
    });
  }
  return { values, labels };
}
