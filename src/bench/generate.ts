/**
 * Workbooks for the benchmarks: by default 36 regional 附件2 submissions × 3 tables × 500 rows,
 * cycling through the layouts people produce, with a few planted mistakes each. Deterministic; prints nothing.
 */
import { REGIONS } from '../core/notice/regions';
import { generateSubmission, type LayoutSpec, type MistakeSpec } from '../samples/generate';

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
}

export async function generateBenchWorkbooks(count = 36, rowsPerTable = 500): Promise<BenchWorkbook[]> {
  const out: BenchWorkbook[] = [];
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const round = Math.floor(i / REGIONS.length);
    const mistakes = rowsPerTable >= 8 ? MISTAKES[i % MISTAKES.length] : [];
    const g = await generateSubmission({
      seed: 9000 + i,
      region: region.code,
      variant: '附件2',
      rows: { agencies: rowsPerTable, targets: rowsPerTable, schemes: rowsPerTable },
      layout: LAYOUTS[i % LAYOUTS.length],
      mistakes,
      fileName: `bench-${String(i + 1).padStart(2, '0')}-${region.name}${round > 0 ? `-${round + 1}` : ''}.xlsx`,
    });
    out.push({ name: g.name, bytes: g.bytes });
  }
  return out;
}
