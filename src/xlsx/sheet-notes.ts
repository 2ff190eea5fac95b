/**
 * What the sheet XML says that SheetJS, with the options we read with, does not pass on:
 * - rows hidden in the sheet (SheetJS reads row properties only with cellStyles, which costs every cell a style
 *   lookup) — a person hides old rows instead of deleting them, and the summary would take them in unseen;
 * - formula cells saved without a result (files written by programs such as openpyxl: Excel computes them on
 *   opening, so the person sees a value, but the file holds none and SheetJS drops the cell).
 * Both are rare, so the bytes are searched first and only a sheet that holds `hidden=` or a `<f` tag is decoded.
 * Pure: bytes in, notes out; no Node API.
 */
import type { UncachedFormula } from '../core/grid/types';

export interface SheetNotes {
  /** 0-based rows marked hidden. */
  readonly hiddenRows: readonly number[];
  readonly uncachedFormulas: readonly UncachedFormula[];
}

export const NO_NOTES: SheetNotes = { hiddenRows: [], uncachedFormulas: [] };

/** Whether `data` holds the ASCII `needle`, found by the native indexOf on its rarest-looking first byte. */
function holds(data: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  for (let i = data.indexOf(first); i >= 0; i = data.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && data[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/**
 * A `<f` start tag: `<f>`, `<f ` or `<f/>` (not `<font`), or a prefixed `<x:f`. Searched by its `f`, which sheet
 * XML rarely holds; a false hit only costs decoding the sheet.
 */
function holdsFormulaTag(data: Uint8Array): boolean {
  for (let i = data.indexOf(0x66, 1); i > 0; i = data.indexOf(0x66, i + 1)) {
    if (data[i - 1] !== 0x3c && data[i - 1] !== 0x3a) continue;
    const next = data[i + 1];
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) return true;
  }
  return false;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

/** "B12" → 0-based { row: 11, col: 1 }; undefined for anything else. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const ROW_TAG = /<(?:\w+:)?row\b([^>]*?)\/?>/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const FORMULA = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
/** A cached result: a <v> with content, or an inline string. */
const RESULT = /<(?:\w+:)?v\b[^>]*>[^<]|<(?:\w+:)?is\b/;

/** Hidden rows and formula cells without a result in one worksheet part. */
export function scanSheetNotes(data: Uint8Array): SheetNotes {
  const hidden = holds(data, 'hidden=');
  const formulas = holdsFormulaTag(data);
  if (!hidden && !formulas) return NO_NOTES;
  const xml = new TextDecoder('utf-8').decode(data);

  const hiddenRows: number[] = [];
  if (hidden) {
    let r = -1;
    ROW_TAG.lastIndex = 0;
    for (let m = ROW_TAG.exec(xml); m; m = ROW_TAG.exec(xml)) {
      const n = Number(attr(m[1], 'r'));
      // A row without r follows the one before it (ECMA-376 18.3.1.73).
      r = Number.isInteger(n) && n >= 1 ? n - 1 : r + 1;
      if (isTrue(attr(m[1], 'hidden'))) hiddenRows.push(r);
    }
  }

  const uncachedFormulas: UncachedFormula[] = [];
  if (formulas) {
    CELL.lastIndex = 0;
    for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
      const inner = m[2];
      if (!inner) continue;
      const f = FORMULA.exec(inner);
      if (!f || RESULT.test(inner)) continue;
      const at = parseRef(attr(m[1], 'r') ?? '');
      if (at) uncachedFormulas.push({ row: at.row, col: at.col, formula: unescapeXml(f[1] ?? '').trim() });
    }
  }
  return { hiddenRows, uncachedFormulas };
}

/**
 * The worksheet part of each sheet, in workbook order (SheetJS's SheetNames order): xl/workbook.xml's <sheet>
 * elements, resolved through its relationships. Undefined where a sheet cannot be resolved (its notes are then
 * left out, never guessed).
 */
export function sheetPartsInOrder(parts: ReadonlyMap<string, Uint8Array>): { name: string; part?: string }[] {
  const names = [...parts.keys()];
  const wbPart = names.find((n) => /^xl\/workbook\.xml$/i.test(n)) ?? names.find((n) => /(^|\/)workbook\.xml$/i.test(n));
  if (!wbPart) return [];
  const dir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const relsPart = `${dir}_rels/${wbPart.slice(dir.length)}.rels`;
  const decode = (n: string): string => new TextDecoder('utf-8').decode(parts.get(n));
  const targets = new Map<string, string>();
  const relsName = names.find((n) => n.toLowerCase() === relsPart.toLowerCase());
  if (relsName) {
    const rels = decode(relsName);
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const id = attr(m[1], 'Id');
      const target = attr(m[1], 'Target');
      if (id && target) targets.set(id, unescapeXml(target));
    }
  }
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const out: { name: string; part?: string }[] = [];
  for (const m of decode(wbPart).matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = unescapeXml(attr(m[1], 'name') ?? '');
    // The relationship id is the namespaced `r:id` (any prefix); `sheetId` is another attribute.
    const rid = /(?:^|\s)\w+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const path = target ? (target.startsWith('/') ? target.slice(1) : normalizePath(dir + target)) : undefined;
    const part = path ? byLower.get(path.toLowerCase()) : undefined;
    out.push(part ? { name, part } : { name });
  }
  return out;
}

/** "xl/../xl/worksheets/./sheet1.xml" → "xl/worksheets/sheet1.xml". */
function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
