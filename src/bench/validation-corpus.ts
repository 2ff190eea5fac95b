/**
 * The rows for the validation-throughput figure: distinct generated submissions (both variants, planted
 * mistakes), turned into Submissions straight from the generator's manifest — the rows as written, with their
 * cell addresses — so the figure measures validateSubmission alone, not the reader (read+validate is measured
 * on the 36 workbooks). Distinct seeds matter: the phone checks cache per number, and repeating one submission
 * would measure the cache.
 */
import { regionByCode, REGIONS } from '../core/notice/regions';
import { TABLE_KEYS, VARIANTS, type TableKey, type Variant } from '../core/notice/tables';
import type { Submission, TableData, TableRow } from '../core/submission/types';
import { generateSubmission, type LayoutSpec, type MistakeSpec, type SubmissionManifest, type TableManifest } from '../samples/generate';

/** Rows per table in one generated submission: big enough to exercise the table rules, small enough to vary. */
const CHUNK_ROWS = 500;

// No split contact header here: its manifest keys (contact.mobile / contact.email) are the reader's job to join.
const LAYOUTS: readonly LayoutSpec[] = [{}, { headerLineBreaks: true, remarksColumn: true }, { arrangement: 'stacked', formSheet: true }];

const MISTAKES: Readonly<Record<Variant, readonly (readonly MistakeSpec[])[]>> = {
  附件2: [
    [{ kind: 'mobile-invalid' }, { kind: 'alias-industry' }],
    [{ kind: 'email-fullwidth-at', table: 'schemes' }, { kind: 'alias-agency-type' }, { kind: 'duplicate-enterprise' }],
    [{ kind: 'missing-contact-person' }, { kind: 'product-scheme-with-industry' }, { kind: 'email-no-tld', table: 'agencies' }],
  ],
  附件3: [[{ kind: 'mobile-in-name' }, { kind: 'alias-industry' }], [{ kind: 'email-no-tld' }, { kind: 'product-scheme-with-industry' }]],
};

export interface ValidationCorpus {
  readonly submissions: readonly Submission[];
  /** Rows per table over all submissions; their sum is exactly the rows asked for. */
  readonly rows: Readonly<Record<TableKey, number>>;
}

function tableOf(m: SubmissionManifest, t: TableManifest, keep: number): TableData {
  const rows: TableRow[] = t.dataRows.slice(0, keep).map((r) => ({
    row: r.row,
    cells: Object.fromEntries(Object.entries(r.cells).map(([key, text]) => [key, { text, cell: `${t.columns[key] ?? ''}${r.row}` }])),
  }));
  return { table: t.table, file: m.file, sheet: t.sheet, headerRows: t.headerRows, columns: t.columns, rows };
}

/** Exactly `totalRows` generated rows, deterministic for a given size. */
export async function buildValidationCorpus(totalRows: number): Promise<ValidationCorpus> {
  const submissions: Submission[] = [];
  const counted: Record<TableKey, number> = { agencies: 0, targets: 0, schemes: 0 };
  let left = totalRows;
  for (let i = 0; left > 0; i++) {
    // One 附件3 (two tables) in four: the mix reviewers get.
    const variant: Variant = i % 4 === 3 ? '附件3' : '附件2';
    const tables = VARIANTS[variant].tables.map((x) => x.table);
    const perTable = Math.min(CHUNK_ROWS, Math.ceil(left / tables.length));
    const region = REGIONS[i % REGIONS.length];
    const mistakeSets = MISTAKES[variant];
    const g = await generateSubmission({
      seed: 70_000 + i,
      region: region.code,
      variant,
      rows: { agencies: perTable, targets: perTable, schemes: perTable },
      layout: LAYOUTS[i % LAYOUTS.length],
      // The planted mistakes need a few rows to pick from.
      mistakes: perTable >= 8 ? mistakeSets[i % mistakeSets.length] : [],
      fileName: `validate-${String(i + 1).padStart(3, '0')}-${region.name}-${variant}.xlsx`,
    });
    const m = g.manifest;
    const data: Partial<Record<TableKey, TableData>> = {};
    for (const key of TABLE_KEYS) {
      const t = m.tables[key];
      if (!t || left <= 0) continue;
      const keep = Math.min(t.dataRows.length, left);
      data[key] = tableOf(m, t, keep);
      counted[key] += keep;
      left -= keep;
    }
    submissions.push({ file: m.file, variant: m.variant, region: regionByCode(m.regionCode), submitter: m.submitter, tables: data });
  }
  return { submissions, rows: counted };
}
