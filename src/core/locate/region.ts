/**
 * Which region a text names: full names, short names and aliases from REGIONS, the longest match first
 * (新疆生产建设兵团 before 新疆), and a 计划单列市 before its province (福建省厦门市 → 厦门市).
 */
import { AUTHORITY_KINDS, REGIONS, type Region } from '../notice/regions';
import { normalizeText } from '../text/normalize';

const NEEDLES: readonly { text: string; region: Region }[] = REGIONS.flatMap((r) =>
  [r.name, r.short, ...r.aliases].filter((t, i, a) => t.length >= 2 && a.indexOf(t) === i).map((text) => ({ text, region: r })),
).sort((a, b) => b.text.length - a.text.length);

export function findRegion(value: string): Region | undefined {
  const t = normalizeText(value).replace(/\s+/g, '');
  if (!t) return undefined;
  const hits: { start: number; end: number; region: Region }[] = [];
  for (const n of NEEDLES) {
    let from = 0;
    for (;;) {
      const i = t.indexOf(n.text, from);
      if (i < 0) break;
      const end = i + n.text.length;
      if (!hits.some((h) => i >= h.start && end <= h.end)) hits.push({ start: i, end, region: n.region });
      from = i + 1;
    }
  }
  if (!hits.length) return undefined;
  hits.sort((a, b) => a.start - b.start);
  // A 计划单列市 written right after its province (福建省厦门市, 福建厦门) is the city; 广东省（含深圳） is the province.
  const city = hits.find((h) => h.region.parent && hits.some((p) => p.region.name === h.region.parent && p.end === h.start));
  return (city ?? hits[0]).region;
}

const AUTHORITY_SUFFIXES: readonly string[] = AUTHORITY_KINDS.flatMap((k) => [...k.suffixes]);

/** 江苏省工业和信息化厅, 广东省通信管理局 … */
export function looksLikeAuthority(value: string): boolean {
  const t = normalizeText(value).replace(/\s+/g, '');
  return AUTHORITY_SUFFIXES.some((s) => t.includes(s));
}
