/**
 * Workbooks for the benchmarks: by default 36 regional 附件2 submissions × 3 tables × 500 rows,
 * cycling through the layouts people produce, with a few planted mistakes each. Deterministic; prints nothing.
 */
import { REGIONS } from '../core/notice/regions';
import { TABLE_KEYS, type TableKey } from '../core/notice/tables';
import { generateSubmission, type LayoutSpec, type MistakeSpec, type SubmissionManifest } from '../samples/generate';

const LAYOUTS: readonly LayoutSpec[] = [
  {},
  { arrangement: 'stacked', formSheet: true, continuationRow: true },
  { headerLineBreaks: true, remarksColumn: true, fillerRow: true, hintRow: true },
  { splitContactHeader: true, phonesAsNumbers: true, blankRowInside: true, hiddenOldSheet: true },
  { arrangement: 'stacked', halfWidthBrackets: true, totalRow: true, continuationRow: true },
  { arrangement: 'stacked', mergedTitles: false, startColumn: 2, titleSpace: true },
];

const MISTAKES: readonly (readonly MistakeSpec[])[] = [
  [],
  [{ kind: 'mobile-invalid' }, { kind: 'email-fullwidth-at', table: 'schemes' }],
  [{ kind: 'alias-industry' }, { kind: 'missing-contact-person' }],
  [{ kind: 'duplicate-enterprise' }, { kind: 'product-scheme-with-industry' }],
];

export interface BenchWorkbook {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Data rows per table the generator wrote (a planted duplicate adds one): what a correct reader must find. */
  readonly rows: Readonly<Record<TableKey, number>>;
}

/** Data rows per table listed in a generator manifest (0 for a table the variant lacks). */
export function manifestRows(m: SubmissionManifest): Record<TableKey, number> {
  const out = { agencies: 0, targets: 0, schemes: 0 };
  for (const t of TABLE_KEYS) out[t] = m.tables[t]?.dataRows.length ?? 0;
  return out;
}

export async function generateBenchWorkbooks(count = 36, rowsPerTable = 500, seedBase = 9000): Promise<BenchWorkbook[]> {
  const out: BenchWorkbook[] = [];
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const round = Math.floor(i / REGIONS.length);
    const mistakes = rowsPerTable >= 8 ? MISTAKES[i % MISTAKES.length] : [];
    const g = await generateSubmission({
      seed: seedBase + i,
      region: region.code,
      variant: '附件2',
      rows: { agencies: rowsPerTable, targets: rowsPerTable, schemes: rowsPerTable },
      layout: LAYOUTS[i % LAYOUTS.length],
      mistakes,
      fileName: `bench-${String(i + 1).padStart(2, '0')}-${region.name}${round > 0 ? `-${round + 1}` : ''}.xlsx`,
    });
    out.push({ name: g.name, bytes: g.bytes, rows: manifestRows(g.manifest) });
  }
  return out;
}
