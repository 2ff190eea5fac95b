/**
 * A cell value against one or more vocabularies of the notice (src/core/notice/vocabularies.ts).
 * exact → fine; only spacing / full-width / trailing 。 differs → `spelling` (certain fix); a 企业/公司/行业 suffix
 * or a listed alias → `variant` / `alias` (certain fix); one edit away from a value or alias of ≥3 characters →
 * `near` (suggestion); the template's hint text → `hint`; 其他（…） → `other`; else `unknown`.
 */
import { INDUSTRY_HINT, SCHEME_TYPE_HINT } from '../notice/tables';
import type { Term, Vocabulary } from '../notice/vocabularies';
import { nameKey, normalizeText } from '../text/normalize';

export type CategoryMatchKind = 'empty' | 'exact' | 'spelling' | 'variant' | 'alias' | 'near' | 'hint' | 'other' | 'several' | 'unknown';

export interface CategoryMatch {
  readonly input: string;
  readonly kind: CategoryMatchKind;
  /** The official value recognised (for near misses: the one suggested). */
  readonly official?: string;
  /** Key of the vocabulary the official value comes from. */
  readonly vocabulary?: string;
  /** Whether every vocabulary searched is open (ends with 等 in the notice). */
  readonly open: boolean;
  /** For `several`: every official value recognised. */
  readonly officials?: readonly string[];
}

interface Entry {
  readonly official: string;
  readonly vocabulary: string;
  readonly alias: boolean;
}

interface Index {
  readonly exact: Map<string, Entry>;
  readonly keys: Map<string, Entry>;
  /** Keys of ≥3 characters, for near misses. */
  readonly nearKeys: readonly [string, Entry][];
  readonly other?: Entry;
  readonly open: boolean;
}

const indexes = new Map<string, Index>();

function buildIndex(vocabs: readonly Vocabulary[]): Index {
  const exact = new Map<string, Entry>();
  const keys = new Map<string, Entry>();
  let other: Entry | undefined;
  const add = (v: Vocabulary, t: Term) => {
    const e: Entry = { official: t.value, vocabulary: v.key, alias: false };
    if (!exact.has(t.value)) exact.set(t.value, e);
    const k = nameKey(t.value);
    if (!keys.has(k) || keys.get(k)?.alias) keys.set(k, e);
    if (t.value === '其他' || t.value === '其他行业') other ??= e;
    for (const a of t.aliases ?? []) {
      const ak = nameKey(a);
      if (!keys.has(ak)) keys.set(ak, { official: t.value, vocabulary: v.key, alias: true });
    }
    for (const m of t.members ?? []) add(v, m);
  };
  for (const v of vocabs) for (const t of v.terms) add(v, t);
  const nearKeys = [...keys.entries()].filter(([k]) => [...k].length >= 3);
  return { exact, keys, nearKeys, ...(other ? { other } : {}), open: vocabs.every((v) => v.open) };
}

function indexOf(vocabs: readonly Vocabulary[]): Index {
  const id = vocabs.map((v) => v.key).join('+');
  let idx = indexes.get(id);
  if (!idx) {
    idx = buildIndex(vocabs);
    indexes.set(id, idx);
  }
  return idx;
}

const HINT_KEYS = new Set([nameKey(SCHEME_TYPE_HINT), nameKey(INDUSTRY_HINT), nameKey(SCHEME_TYPE_HINT.slice(1, -1)), nameKey(INDUSTRY_HINT.slice(1, -1))]);

/** Whether a cell still holds the template's hint text. */
export function isHintText(text: string): boolean {
  const k = nameKey(text);
  if (!k) return false;
  return HINT_KEYS.has(k) || k.includes('企业类、产品服务类') || /^\(如.*等\)?$/.test(k) || k.startsWith('(请注明');
}

const SUFFIX = /(企业|公司|行业|领域|产业|类别|类型|方向)$/;

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or transposition). */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function lookup(idx: Index, text: string): Omit<CategoryMatch, 'input' | 'open'> | undefined {
  const exact = idx.exact.get(text);
  if (exact) return { kind: 'exact', official: exact.official, vocabulary: exact.vocabulary };
  const k = nameKey(text);
  if (!k) return { kind: 'empty' };
  const byKey = idx.keys.get(k);
  if (byKey) return { kind: byKey.alias ? 'alias' : 'spelling', official: byKey.official, vocabulary: byKey.vocabulary };
  const stripped = k.replace(SUFFIX, '');
  if (stripped !== k && stripped) {
    const s = idx.keys.get(stripped);
    if (s) return { kind: 'variant', official: s.official, vocabulary: s.vocabulary };
  }
  return undefined;
}

/** Match a cell value against one vocabulary or several searched together (方案 行业领域: industries + products). */
export function matchCategory(text: string, vocab: Vocabulary | readonly Vocabulary[]): CategoryMatch {
  const vocabs: readonly Vocabulary[] = Array.isArray(vocab) ? vocab : [vocab as Vocabulary];
  const idx = indexOf(vocabs);
  const input = text;
  const open = idx.open;
  if (!normalizeText(text)) return { input, kind: 'empty', open };
  const found = lookup(idx, text);
  if (found) return { input, open, ...found };
  if (isHintText(text)) return { input, kind: 'hint', open };
  const k = nameKey(text);
  // 其他（农业） / 其他：律师事务所
  if (idx.other && /^其他(行业)?[(:：,，、\s-]/.test(k)) return { input, kind: 'other', official: idx.other.official, vocabulary: idx.other.vocabulary, open };
  // 电信和互联网、工业互联网: several values in one cell
  const parts = k.split(/[、,，;；/]/).filter(Boolean);
  if (parts.length >= 2) {
    const officials: string[] = [];
    for (const p of parts) {
      const m = lookup(idx, p);
      if (!m?.official) {
        officials.length = 0;
        break;
      }
      if (!officials.includes(m.official)) officials.push(m.official);
    }
    if (officials.length >= 2) return { input, kind: 'several', officials, official: officials[0], open };
    if (officials.length === 1) return { input, kind: 'variant', official: officials[0], open };
  }
  if ([...k].length >= 3) {
    for (const [key, e] of idx.nearKeys) {
      if (withinOne(k, key)) return { input, kind: 'near', official: e.official, vocabulary: e.vocabulary, open };
    }
  }
  return { input, kind: 'unknown', open };
}
