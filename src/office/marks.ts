/**
 * Marking invalid cells, so that the marks can be cleared without touching the user's own formatting.
 *
 * A mark is a conditional format, never a cell fill: deleting a conditional format leaves the cell's own fill,
 * font and borders exactly as the user left them, whereas painting and later "un-painting" a fill cannot know
 * what was there before. Each mark is a custom-formula rule that is always true and carries a tag in its
 * formula, `=ISTEXT("PilotTables-mark:error:12")` (severity, cells covered). The tag is how clearMarks finds
 * ours and only ours: it needs no side record that could drift (a hidden sheet, a setting), it survives save,
 * reopen and sheet copies, and no user rule has that formula. The distinctive fills (error #FFC7CE with dark red
 * text, warning #FFEB9C with dark yellow text, Excel's own "bad" and "neutral" styles) are what people see.
 *
 * Cells are grouped per sheet and severity into multi-area ranges (`worksheet.getRanges`, ExcelApi 1.9), runs of
 * a column merged (E5:E9), a bounded number of areas per rule: the number of rules grows with the issues, the
 * number of round trips does not.
 */
import type { Issue, Severity } from '../core/issues';

export const MARK_TAG = 'PilotTables-mark';
export type MarkSeverity = Extract<Severity, 'error' | 'warning'>;

export const MARK_STYLES: Readonly<Record<MarkSeverity, { fill: string; font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

/** Most areas in one rule's range: keeps each address string short enough for every host. */
export const MAX_AREAS_PER_RULE = 100;

export function markFormula(severity: MarkSeverity, cells: number): string {
  return `=ISTEXT("${MARK_TAG}:${severity}:${cells}")`;
}

/** The severity and cell count of one of our rules, or undefined for anyone else's formula. */
export function parseMarkFormula(formula: string | undefined): { severity: MarkSeverity; cells: number } | undefined {
  const m = /PilotTables-mark:(error|warning):(\d+)/.exec(formula ?? '');
  return m ? { severity: m[1] as MarkSeverity, cells: Number(m[2]) } : undefined;
}

export interface MarkRule {
  readonly sheet: string;
  readonly severity: MarkSeverity;
  /** "E5:E9, C4" for worksheet.getRanges. */
  readonly address: string;
  readonly cells: number;
}

function splitCell(cell: string): { col: string; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell.toUpperCase());
  return m ? { col: m[1], row: Number(m[2]) } : undefined;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The rules to add for `issues`: errors and warnings with a sheet and a single-cell address on one of `sheets`.
 * A cell with both gets the error mark only. Pure.
 */
export function planMarks(issues: readonly Issue[], sheets: ReadonlySet<string>): { rules: MarkRule[]; cells: number } {
  const bySheet = new Map<string, Map<string, MarkSeverity>>();
  for (const i of issues) {
    if (i.severity === 'info' || !i.sheet || !i.cell || !sheets.has(i.sheet)) continue;
    const at = splitCell(i.cell);
    if (!at) continue;
    const key = `${at.col}${at.row}`;
    let cells = bySheet.get(i.sheet);
    if (!cells) bySheet.set(i.sheet, (cells = new Map()));
    if (cells.get(key) !== 'error') cells.set(key, i.severity);
  }
  const rules: MarkRule[] = [];
  let total = 0;
  for (const [sheet, cells] of bySheet) {
    for (const severity of ['error', 'warning'] as const) {
      const list = [...cells].filter(([, s]) => s === severity).map(([k]) => splitCell(k)!);
      list.sort((a, b) => colIndex(a.col) - colIndex(b.col) || a.row - b.row);
      const areas: { address: string; cells: number }[] = [];
      for (let i = 0; i < list.length; ) {
        let j = i;
        while (j + 1 < list.length && list[j + 1].col === list[i].col && list[j + 1].row === list[j].row + 1) j++;
        const a = list[i];
        const z = list[j];
        areas.push({ address: i === j ? `${a.col}${a.row}` : `${a.col}${a.row}:${z.col}${z.row}`, cells: j - i + 1 });
        i = j + 1;
      }
      for (let k = 0; k < areas.length; k += MAX_AREAS_PER_RULE) {
        const group = areas.slice(k, k + MAX_AREAS_PER_RULE);
        const n = group.reduce((s, a) => s + a.cells, 0);
        rules.push({ sheet, severity, address: group.map((a) => a.address).join(', '), cells: n });
        total += n;
      }
    }
  }
  return { rules, cells: total };
}

/** Queues the load of every conditional format on `sheets`; read `ours()` after the next sync. */
export function loadMarks(context: Excel.RequestContext, sheets: readonly string[]): { ours(): { format: Excel.ConditionalFormat; cells: number }[] } {
  const collections = sheets.map((name) => {
    // Every rule touching the sheet; only the type and a custom rule's formula are loaded.
    const cfs = context.workbook.worksheets.getItem(name).getRange().conditionalFormats;
    return cfs.load('items/type,items/customOrNullObject/rule/formula');
  });
  return {
    ours() {
      const out: { format: Excel.ConditionalFormat; cells: number }[] = [];
      for (const c of collections)
        for (const cf of c.items) {
          if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
          const tag = parseMarkFormula(cf.customOrNullObject.rule.formula);
          if (tag) out.push({ format: cf, cells: tag.cells });
        }
      return out;
    },
  };
}

/** Queues the rules (no sync). */
export function queueMarks(context: Excel.RequestContext, rules: readonly MarkRule[]): void {
  for (const r of rules) {
    const cf = context.workbook.worksheets.getItem(r.sheet).getRanges(r.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = markFormula(r.severity, r.cells);
    cf.custom.format.fill.color = MARK_STYLES[r.severity].fill;
    cf.custom.format.font.color = MARK_STYLES[r.severity].font;
  }
}
