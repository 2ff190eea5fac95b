/**
 * The bundled sample submissions: about ten regions, both variants, a few messy layouts and a few real
 * mistakes, with the cross-submission findings they are built to show. Pure: returns bytes and manifests;
 * build-samples.ts writes them to test/samples/.
 */
import { PRODUCT_SERVICE_TYPES, SCHEME_TYPES, INDUSTRIES } from '../core/notice/vocabularies';
import type { TableKey, Variant } from '../core/notice/tables';
import { generateSubmission, type CellRef, type GeneratedSubmission, type Severity, type SubmissionManifest, type SubmissionSpec } from './generate';
import { official, termOf } from './pools';

export interface CrossOccurrence extends CellRef {
  readonly file: string;
  readonly region: string;
  readonly table: TableKey;
}

export interface CrossIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly kind: string;
  /** The enterprise, scheme, lead or region concerned. */
  readonly subject: string;
  readonly count?: number;
  readonly files: readonly string[];
  readonly occurrences?: readonly CrossOccurrence[];
}

export interface SampleSetManifest {
  readonly generator: string;
  readonly note: string;
  readonly files: readonly SubmissionManifest[];
  readonly crossIssues: readonly CrossIssue[];
}

/** A vehicle maker with plants in two regions: served in both. */
export const SHARED_ENTERPRISE = '宏图智联汽车科技股份有限公司';
/** One insurer leading 附件3 consortia in two regions, with more than five schemes in all (its brand is kept out of the drawn insurers). */
export const SHARED_LEAD = '安盾财产保险股份有限公司';

function sharedScheme(): { name: string; type: string; field: string } {
  const products = official(PRODUCT_SERVICE_TYPES, '网络安全产品');
  const member = termOf(PRODUCT_SERVICE_TYPES, '防勒索软件').value;
  return { name: `${member}产品网络安全保险方案`, type: official(SCHEME_TYPES, '产品服务类'), field: products };
}

export function sampleSpecs(): SubmissionSpec[] {
  const scheme = sharedScheme();
  const vehicles = official(INDUSTRIES, '车联网');
  return [
    {
      seed: 101,
      region: '浙江省',
      variant: '附件2',
      rows: { agencies: 6, targets: 14, schemes: 5 },
      layout: { arrangement: 'stacked', formSheet: true, continuationRow: true, sheetNames: { stacked: '二、试点安排' } },
    },
    {
      seed: 102,
      region: '浙江省',
      variant: '附件2',
      authority: 'ca',
      fileName: '浙江省通信管理局-网络安全保险服务试点表格.xlsx',
      rows: { agencies: 4, targets: 8, schemes: 3 },
      layout: { fillerRow: true, headerLineBreaks: true },
    },
    {
      seed: 103,
      region: '上海市',
      variant: '附件2',
      fileName: '上海市网络安全保险服务试点申报表（汇总）.xlsx',
      rows: { agencies: 5, targets: 12, schemes: 4 },
      layout: { headerLineBreaks: true, remarksColumn: true, fillerRow: true, hintRow: true },
      extraTargets: [{ name: SHARED_ENTERPRISE, industry: vehicles }],
    },
    {
      seed: 104,
      region: '四川省',
      variant: '附件2',
      fileName: '四川省附件2表格（修改版）.xlsx',
      rows: { agencies: 5, targets: 20, schemes: 5 },
      layout: { formSheet: true, splitContactHeader: true, phonesAsNumbers: true, hiddenOldSheet: true, blankRowInside: true },
    },
    {
      seed: 105,
      region: '山东省',
      variant: '附件2',
      rows: { agencies: 6, targets: 15, schemes: 5 },
      layout: { arrangement: 'stacked', halfWidthBrackets: true, continuationRow: true, totalRow: true, sheetNames: { stacked: '附件2' } },
      mistakes: [
        { kind: 'mobile-invalid' },
        { kind: 'email-no-tld' },
        { kind: 'email-fullwidth-at', table: 'schemes' },
        { kind: 'alias-industry' },
        { kind: 'alias-agency-type' },
      ],
    },
    {
      seed: 106,
      region: '重庆市',
      variant: '附件2',
      rows: { agencies: 5, targets: 12, schemes: 5 },
      layout: { arrangement: 'stacked', formSheet: true, sheetNames: { stacked: '试点安排' } },
      mistakes: [{ kind: 'missing-contact-person' }, { kind: 'mobile-in-name' }, { kind: 'duplicate-enterprise' }, { kind: 'product-scheme-with-industry' }],
    },
    {
      seed: 107,
      region: '河南省',
      variant: '附件2',
      rows: { agencies: 6, targets: 25, schemes: 5 },
      layout: { blankRowInside: true, continuationRow: true, totalRow: true, hintRow: true },
      mistakes: [{ kind: 'two-leads' }],
    },
    {
      seed: 108,
      region: '宁波市',
      variant: '附件2',
      fileName: '宁波市网络安全保险服务试点工作方案（计划单列市）-附件2表格.xlsx',
      rows: { agencies: 4, targets: 8, schemes: 3 },
      layout: { arrangement: 'stacked', mergedTitles: false, startColumn: 2, sheetNames: { stacked: 'Sheet1' } },
      mistakes: [{ kind: 'no-licensed-insurer' }],
    },
    {
      seed: 109,
      region: '深圳市',
      variant: '附件3',
      fileName: '深圳市网络安全保险服务试点工作方案（服务机构版）表格.xlsx',
      lead: SHARED_LEAD,
      rows: { targets: 10, schemes: 3 },
      layout: { arrangement: 'stacked', formSheet: true, titleSpace: true, halfWidthBrackets: true, continuationRow: true, sheetNames: { stacked: '附件3' } },
      extraSchemes: [scheme],
    },
    {
      seed: 110,
      region: '湖北省',
      variant: '附件3',
      fileName: '湖北省网络安全保险服务试点工作方案-附件3表格（安盾财险牵头）.xlsx',
      lead: SHARED_LEAD,
      rows: { targets: 12, schemes: 2 },
      layout: { formSheet: true, headerLineBreaks: true },
      extraTargets: [{ name: SHARED_ENTERPRISE, industry: vehicles }],
      extraSchemes: [scheme],
    },
    {
      seed: 111,
      region: '辽宁省',
      variant: '附件2',
      rows: { agencies: 5, targets: 10, schemes: 4 },
      layout: { headerLineBreaks: true, halfWidthBrackets: true, remarksColumn: true, continuationRow: true },
    },
    {
      // The same 辽宁 submission sent again as an "updated" copy with a tidier layout (same seed, same rows):
      // a duplicate region to flag, with every row kept in the summary.
      seed: 111,
      region: '辽宁省',
      variant: '附件2',
      fileName: '辽宁省网络安全保险服务试点工作方案-附件2表格（更新版）.xlsx',
      rows: { agencies: 5, targets: 10, schemes: 4 },
      layout: { arrangement: 'stacked', formSheet: true, sheetNames: { stacked: '试点安排' } },
    },
  ];
}

function occurrencesOf(files: readonly SubmissionManifest[], table: TableKey, name: string): CrossOccurrence[] {
  const out: CrossOccurrence[] = [];
  for (const f of files) {
    const t = f.tables[table];
    if (!t) continue;
    for (const r of t.dataRows) {
      if (r.cells.name !== name) continue;
      out.push({ file: f.file, region: f.region, table, sheet: t.sheet, cell: `${t.columns.name}${r.row}`, row: r.row });
    }
  }
  return out;
}

/** Names found in more than one region of the set (what the aggregator must report). */
function namesInSeveralRegions(files: readonly SubmissionManifest[], table: TableKey): string[] {
  const regions = new Map<string, Set<string>>();
  for (const f of files) {
    for (const r of f.tables[table]?.dataRows ?? []) {
      const name = r.cells.name ?? '';
      if (!regions.has(name)) regions.set(name, new Set());
      regions.get(name)?.add(f.region);
    }
  }
  return [...regions].filter(([, set]) => set.size > 1).map(([name]) => name).sort();
}

export function crossIssuesOf(files: readonly SubmissionManifest[]): CrossIssue[] {
  const out: CrossIssue[] = [];
  // A region's 工信主管部门 and its 通信管理局 may each send 附件2, and each lead its own 附件3: only two files
  // from the same sender for the same region are a duplicate.
  const sender = (f: SubmissionManifest) => (f.variant === '附件3' ? `附件3:${f.lead}` : `附件2:${f.submitter.includes('通信管理局') ? 'ca' : 'miit'}`);
  const bySlot = new Map<string, SubmissionManifest[]>();
  for (const f of files) bySlot.set(`${f.region}|${sender(f)}`, [...(bySlot.get(`${f.region}|${sender(f)}`) ?? []), f]);
  for (const list of bySlot.values()) {
    const region = list[0].region;
    if (list.length > 1) out.push({ code: 'cross.duplicate-region', severity: 'warning', kind: `two files for ${region} from the same sender (同一地区同一单位提交了两份)`, subject: region, count: list.length, files: list.map((f) => f.file) });
  }
  for (const name of namesInSeveralRegions(files, 'targets')) {
    const occ = occurrencesOf(files, 'targets', name);
    out.push({ code: 'cross.enterprise-in-multiple-regions', severity: 'warning', kind: `the same enterprise served in ${new Set(occ.map((o) => o.region)).size} regions (同一企业出现在多个地区)`, subject: name, files: [...new Set(occ.map((o) => o.file))], occurrences: occ });
  }
  for (const name of namesInSeveralRegions(files, 'schemes')) {
    const occ = occurrencesOf(files, 'schemes', name);
    out.push({ code: 'cross.scheme-in-multiple-regions', severity: 'info', kind: 'the same scheme in several regions (同一方案出现在多个地区)', subject: name, files: [...new Set(occ.map((o) => o.file))], occurrences: occ });
  }
  // Schemes per lead: a 附件3 file's schemes belong to its 牵头单位; a 附件2 file's to its 牵头 agency. A scheme
  // sent twice (a re-sent file) is still one scheme.
  const perLead = new Map<string, { schemes: Set<string>; files: string[] }>();
  for (const f of files) {
    const e = perLead.get(f.lead) ?? { schemes: new Set<string>(), files: [] };
    for (const r of f.tables.schemes?.dataRows ?? []) e.schemes.add(r.cells.name ?? '');
    e.files.push(f.file);
    perLead.set(f.lead, e);
  }
  for (const [lead, e] of perLead) {
    const count = e.schemes.size;
    if (count > 5) out.push({ code: 'cross.lead-scheme-limit', severity: 'error', kind: `lead ${lead} has ${count} schemes in all, more than 5 (牵头方案总数超过5个)`, subject: lead, count, files: e.files });
  }
  return out;
}

/** Generate every sample and the set's manifest. */
export async function buildSampleSet(): Promise<{ files: GeneratedSubmission[]; manifest: SampleSetManifest }> {
  const files: GeneratedSubmission[] = [];
  for (const spec of sampleSpecs()) files.push(await generateSubmission(spec));
  const manifests = files.map((f) => f.manifest);
  return {
    files,
    manifest: {
      generator: 'src/samples/build-samples.ts (seeded; regenerate with npm run samples)',
      note: 'Generated sample submissions. Every planted mistake is listed with its cell and rule code; crossIssues lists what only shows when all files are aggregated.',
      files: manifests,
      crossIssues: crossIssuesOf(manifests),
    },
  };
}

export type { Variant };
