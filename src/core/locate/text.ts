/**
 * How the locator compares header, title and label text. Facts (headers, aliases, hints, titles) come from
 * src/core/notice; this file only says how loosely they are matched.
 */
import { TABLES, TABLE_KEYS, type TableKey } from '../notice/tables';
import { NFKC_STABLE_CHARS, normalizeText } from '../text/normalize';

/**
 * Text headerKey returns unchanged (most data cells the locator looks at): NFKC-stable characters, no space, none
 * of the characters the key rewrites — A-Z, * : and the brackets [ ] { } 【 】. Checked against the long way in
 * test/core/normalize-fast.test.ts.
 */
const HEADER_KEY_STABLE = /^[!-)+-9;-@\\^-z|~\u00B7\u2014\u2018-\u201D\u3001\u3002\u3008-\u300F\u4E00-\u9FFF]+$/;

/**
 * Compare key for a header or label: NFKC (full-width brackets and colons to half-width), every space and line
 * break removed, all bracket kinds to (), leading required-marks (*) and trailing colons dropped, lower case.
 */
export function headerKey(text: string): string {
  if (HEADER_KEY_STABLE.test(text)) return text;
  return normalizeText(text)
    .replace(/\s+/g, '')
    .replace(/[（【［〔[{]/g, '(')
    .replace(/[）】］〕\]}]/g, ')')
    .replace(/^[*＊※]+/, '')
    .replace(/[*＊※]+$/, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** The key without a trailing bracketed remark: "方案类型(企业类、产品服务类)" → "方案类型". */
export function withoutTrailingRemark(key: string): string {
  return key.replace(/\([^()]*\)$/, '');
}

/** Key with every bracket removed, for hint rows written with or without their brackets. */
export function bareKey(text: string): string {
  return headerKey(text).replace(/[()]/g, '');
}

export interface ColumnMatch {
  readonly table: TableKey;
  readonly key: string;
  /** The notice's own header (not an alias). */
  readonly exact: boolean;
}

const HEADER_INDEX: ReadonlyMap<string, readonly ColumnMatch[]> = (() => {
  const m = new Map<string, ColumnMatch[]>();
  const add = (text: string, match: ColumnMatch): void => {
    const k = headerKey(text);
    const list = m.get(k) ?? [];
    if (!list.some((x) => x.table === match.table && x.key === match.key)) list.push(match);
    m.set(k, list);
  };
  for (const t of TABLE_KEYS) {
    for (const c of TABLES[t].columns) {
      add(c.header, { table: t, key: c.key, exact: true });
      for (const a of c.aliases) add(a, { table: t, key: c.key, exact: false });
    }
  }
  return m;
})();

/**
 * The most columns of one table a single header text may be (1 with the notice's headers: no text names two
 * columns of a table). The locator's pre-filters count cells, so they rely on this bound.
 */
export const MOST_COLUMNS_PER_CELL: number = (() => {
  let most = 0;
  for (const list of HEADER_INDEX.values()) {
    const perTable = new Map<TableKey, number>();
    for (const m of list) perTable.set(m.table, (perTable.get(m.table) ?? 0) + 1);
    for (const n of perTable.values()) most = Math.max(most, n);
  }
  return most;
})();

/** Which table columns a header cell may be. */
export function matchHeader(text: string): readonly ColumnMatch[] {
  return matchHeaderKey(headerKey(text));
}

/**
 * matchHeader(text) when the text is its own header key, so the answer costs no normalising; undefined for any
 * other text (which may or may not match). For pre-filters that rule data rows out cheaply.
 */
export function matchHeaderIfStable(text: string): readonly ColumnMatch[] | undefined {
  return HEADER_KEY_STABLE.test(text) ? matchHeaderKey(text) : undefined;
}

function matchHeaderKey(k: string): readonly ColumnMatch[] {
  if (!k) return [];
  const direct = HEADER_INDEX.get(k);
  if (direct) return direct;
  // Only a key ending in ")" has a remark to strip; most data cells do not, and skip the regex.
  const stripped = k.endsWith(')') ? withoutTrailingRemark(k) : k;
  if (stripped !== k && stripped) {
    const s = HEADER_INDEX.get(stripped);
    if (s) return s.map((x) => ({ ...x, exact: false }));
  }
  return [];
}

export function isSeqHeader(text: string): boolean {
  return matchHeader(text).some((m) => m.key === 'seq');
}

/** Sub-headers under a split header cell (联系方式 → 手机 / 邮箱; 联系人及联系方式 → 姓名 / 电话). */
const SUB_HEADERS = new Set(
  ['手机', '手机号', '手机号码', '移动电话', '电话', '联系电话', '电话号码', '座机', '邮箱', '电子邮箱', '邮件', '电子邮件', 'email', 'e-mail', '邮箱地址', '姓名', '联系人', '联系方式'].map(headerKey),
);

export function isSubHeader(text: string): boolean {
  return SUB_HEADERS.has(headerKey(text));
}

/**
 * 联系人及联系方式 written as two header cells side by side, 联系人 | 联系方式 (or 联系电话 …): the person's and the
 * number's halves of the one column, read together as the notice's single cell is.
 */
const PERSON_HALF = new Set(['联系人', '姓名', '联系人姓名'].map(headerKey));
const PHONE_HALF = new Set(['联系方式', '联系电话', '电话', '手机', '手机号', '手机号码', '电话号码', '移动电话', '联系电话（手机）', '联系方式（电话）'].map(headerKey));

export function isPersonHalfHeader(text: string): boolean {
  return PERSON_HALF.has(headerKey(text));
}

export function isPhoneHalfHeader(text: string): boolean {
  return PHONE_HALF.has(headerKey(text));
}

const TITLE_NUMBER = /^表\s*([0-9０-９一二三四五六七八九十]+)/;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export interface TitleInfo {
  readonly number?: number;
  readonly table?: TableKey;
}

/** Text of NFKC-stable characters and whitespace: normalising it and dropping the spaces only drops the spaces. */
const STABLE_OR_SPACE = new RegExp(`^[${NFKC_STABLE_CHARS}\\s]*$`);

/**
 * A title starts with 表 or holds a table's title, so it holds 表 or the first character of some title. Checked on
 * the text as written, which is only sound where normalising changes no other character (STABLE_OR_SPACE).
 */
const TITLE_MARKS = new RegExp(`[表${TABLE_KEYS.map((k) => TABLES[k].title[0].replace(/[\\\]^-]/g, '\\$&')).join('')}]`);

/**
 * Text parseTitle surely answers undefined for, decided without normalising: the row reader asks of every cell
 * of every data row, and nearly none is a title.
 */
function cannotBeTitle(text: string): boolean {
  return STABLE_OR_SPACE.test(text) && !TITLE_MARKS.test(text);
}

/** "表1 服务机构基本情况", "表 1 服务对象基本情况", "表2：服务方案基本情况表" … */
export function parseTitle(text: string): TitleInfo | undefined {
  return cannotBeTitle(text) ? undefined : parseTitleLongWay(text);
}

/** parseTitle without the pre-filter (exported for the test that checks the two agree). */
export function parseTitleLongWay(text: string): TitleInfo | undefined {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (!t) return undefined;
  const num = TITLE_NUMBER.exec(t);
  let table: TableKey | undefined;
  for (const k of TABLE_KEYS) {
    if (t.includes(TABLES[k].title)) table = k;
  }
  if (!table && num) {
    const rest = t.slice(num[0].length).replace(/^[:：.、．]/, '');
    for (const k of TABLE_KEYS) if (rest.startsWith(TABLES[k].shortName)) table = k;
  }
  if (!num && !table) return undefined;
  // A long sentence that merely mentions a table title is not a title.
  if (!num && t.length > TABLES[table as TableKey].title.length + 12) return undefined;
  let n: number | undefined;
  if (num) {
    const d = normalizeText(num[1]);
    n = /^\d+$/.test(d) ? Number(d) : CN_DIGITS[d];
  }
  return { ...(n !== undefined ? { number: n } : {}), ...(table ? { table } : {}) };
}

/** "...", "……", "…", "。。。", "⋯" */
export function isEllipsis(text: string): boolean {
  return /^[.。…⋯·．\s]+$/.test(text) && /[.。…⋯·．]/.test(text);
}

const HINT_KEYS: ReadonlySet<string> = new Set(
  TABLE_KEYS.flatMap((t) => TABLES[t].columns.flatMap((c) => (c.hint ? [bareKey(c.hint)] : []))),
);

/** A template hint left in a cell: （企业类、产品服务类） with or without its brackets. */
export function isHint(text: string): boolean {
  return HINT_KEYS.has(bareKey(text));
}

/**
 * 合计 / 小计 / 总计 / 共计 rows: the word alone, or with a count (合计：3家). Only the whole cell: 合计宝网络科技有限公司
 * and 总计划设计院 are names that merely begin with the word.
 */
const TOTAL = /^(?:合计|小计|总计|共计)(?::?[\d,.]*(?:家|个|项|行|户|条|人|元|万元)?)?$/;

export function isTotal(text: string): boolean {
  return TOTAL.test(headerKey(text));
}

/** A note, signature or date line under a table. */
export function isFooter(text: string): boolean {
  const t = normalizeText(text);
  return /^(注|备注|说明|填报说明|填表说明|填报人|填表人|制表人|审核人|填报单位|报送单位|填报日期|填表日期|单位盖章|盖章|单位\(盖章\))\s*[:：]/.test(t) || /^注\s*\d/.test(t);
}
