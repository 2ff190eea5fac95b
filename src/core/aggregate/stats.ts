/**
 * The counts a reviewer reports: by region × category, agency types, agencies' reach, files with errors.
 *
 * Rows flagged as duplicates (SummaryRow.duplicateOf: an earlier row of the same table has the same name key, e.g. a
 * region that re-sent its file, or an enterprise listed by two regions) stay in the summary and in the
 * reconciliation, but are not counted here: a re-sent file must not double a region's enterprises. So the region
 * × category tables and the agency types count each name once, where it first appears (a region whose rows are
 * all duplicates is still listed, with zeros). The agencies' reach is
 * by name already (one entry per agency, the set of regions it serves), so it reads every row, duplicates
 * included: they are how an agency shows up in a second region.
 */
import { REGIONS } from '../notice/regions';
import { AGENCY_TYPES, INDUSTRIES, SCHEME_TYPES, officialValues } from '../notice/vocabularies';
import { nameKey, normalizeText } from '../text/normalize';
import type { AgencyReach, CrossTab, Statistics, SummaryFile, SummaryRow } from './types';

export const UNKNOWN_REGION = '（地区未识别）';
export const EMPTY_VALUE = '（空）';

const REGION_ORDER = new Map(REGIONS.map((r, i) => [r.name, i]));

function regionOrder(a: string, b: string): number {
  return (REGION_ORDER.get(a) ?? 999) - (REGION_ORDER.get(b) ?? 999) || a.localeCompare(b, 'zh-CN');
}

/** Columns in the notice's order first, then any other value met, in sorting order. */
function orderColumns(found: Iterable<string>, preferred: readonly string[]): string[] {
  const seen = new Set(found);
  const first = preferred.filter((v) => seen.has(v));
  const rest = [...seen].filter((v) => !preferred.includes(v)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [...first, ...rest];
}

/** Counts of (row, column) pairs; `alsoRows` are listed even when no pair has them (all zero). */
export function crossTab(pairs: readonly (readonly [string, string])[], rowLabel: string, preferredColumns: readonly string[], alsoRows: Iterable<string> = []): CrossTab {
  const columns = orderColumns(
    pairs.map((p) => p[1]),
    preferredColumns,
  );
  const rowNames = [...new Set([...pairs.map((p) => p[0]), ...alsoRows])].sort(regionOrder);
  const colIndex = new Map(columns.map((c, i) => [c, i]));
  const counts = new Map(rowNames.map((r) => [r, columns.map(() => 0)]));
  for (const [r, c] of pairs) counts.get(r)![colIndex.get(c)!]++;
  const rows = rowNames.map((label) => {
    const cs = counts.get(label)!;
    return { label, counts: cs, total: cs.reduce((a, b) => a + b, 0) };
  });
  const columnTotals = columns.map((_, j) => rows.reduce((a, r) => a + r.counts[j], 0));
  return { rowLabel, columns, rows, columnTotals, total: pairs.length };
}

/** The official value the normaliser recognised, else the text as written, else （空）. */
export function categoryLabel(official: string | undefined, written: string | undefined): string {
  if (official) return official;
  const t = normalizeText(written ?? '');
  return t || EMPTY_VALUE;
}

/** The rows counted: every row not flagged as a duplicate of an earlier one. */
export function countedRows(rows: readonly SummaryRow[]): SummaryRow[] {
  return rows.filter((r) => !r.duplicateOf);
}

export function computeStatistics(rows: { agencies: readonly SummaryRow[]; targets: readonly SummaryRow[]; schemes: readonly SummaryRow[] }, files: readonly SummaryFile[]): Statistics {
  const region = (r: SummaryRow) => r.region || UNKNOWN_REGION;

  const regionByIndustry = crossTab(
    countedRows(rows.targets).map((r) => [region(r), categoryLabel(r.normalized.industry, r.values.industry)] as const),
    '来源地区',
    officialValues(INDUSTRIES),
    rows.targets.map(region),
  );
  const regionBySchemeType = crossTab(
    countedRows(rows.schemes).map((r) => [region(r), categoryLabel(r.normalized.type, r.values.type)] as const),
    '来源地区',
    officialValues(SCHEME_TYPES),
    rows.schemes.map(region),
  );

  const typeCounts = new Map<string, number>();
  for (const r of countedRows(rows.agencies)) {
    const t = categoryLabel(r.normalized.type, r.values.type);
    typeCounts.set(t, (typeCounts.get(t) ?? 0) + 1);
  }
  const agencyTypes = orderColumns(typeCounts.keys(), officialValues(AGENCY_TYPES)).map((type) => ({ type, count: typeCounts.get(type)! }));

  // Every row, duplicates included: an agency's row in a second region is flagged as a duplicate of its first.
  const reach = new Map<string, { name: string; type: string; regions: Set<string> }>();
  for (const r of rows.agencies) {
    const key = r.normalized.nameKey || nameKey(r.values.name ?? '');
    if (!key) continue;
    const entry = reach.get(key) ?? { name: normalizeText(r.values.name ?? ''), type: categoryLabel(r.normalized.type, r.values.type), regions: new Set<string>() };
    entry.regions.add(region(r));
    reach.set(key, entry);
  }
  const agencyReach: AgencyReach[] = [...reach.values()]
    .map((e) => ({ name: e.name, type: e.type, regions: [...e.regions].sort(regionOrder) }))
    .sort((a, b) => b.regions.length - a.regions.length || a.name.localeCompare(b.name, 'zh-CN'));
  const histogram = new Map<number, number>();
  for (const a of agencyReach) histogram.set(a.regions.length, (histogram.get(a.regions.length) ?? 0) + 1);
  const agenciesByRegionCount = [...histogram.entries()].sort((a, b) => a[0] - b[0]).map(([regions, agencies]) => ({ regions, agencies }));

  const filesWithErrors = files
    .filter((f) => f.status === 'unreadable' || f.issueCounts.error > 0)
    .map((f) => ({ file: f.file, region: f.region ?? UNKNOWN_REGION, errors: f.issueCounts.error, unreadable: f.status === 'unreadable' }));

  return { regionByIndustry, regionBySchemeType, agencyTypes, agencyReach, agenciesByRegionCount, filesWithErrors };
}
