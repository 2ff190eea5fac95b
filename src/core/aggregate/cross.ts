/**
 * Rules that only show once the submissions are put side by side (DESIGN.md §4, "Across submissions").
 * Each finding names its main cell and every other cell involved (`related`).
 */
import type { Issue, Provenance } from '../issues';
import { CROSS_RULES, type CrossRuleCode } from '../rules/other-codes';
import { LIMITS, NOTICE } from '../notice/limits';
import type { TableKey, Variant } from '../notice/tables';
import { AUTHORITY_KINDS } from '../notice/regions';
import { compactText, nameKey } from '../text/normalize';

/** A named thing at a place: an enterprise row, a scheme row, a lead (agency row or 附件3 form cell). */
export interface Occurrence {
  readonly fileIndex: number;
  readonly file: string;
  readonly sheet: string;
  readonly row?: number;
  readonly cell: string;
  readonly table: TableKey | 'form';
  /** Region as shown ('' when not recognised). */
  readonly region: string;
  /** Identity of the region: its code, or `file:<index>` when not recognised (never merged with another file). */
  readonly regionKey: string;
  /** The name as written. */
  readonly name: string;
  readonly key: string;
}

export interface Finding {
  readonly issue: Issue;
  /** Every place the finding points at, main cell first. */
  readonly occurrences: readonly Occurrence[];
}

export const CROSS_CODES = {
  enterpriseInMultipleRegions: 'cross.enterprise-in-multiple-regions',
  leadSchemeLimit: 'cross.lead-scheme-limit',
  schemeInMultipleRegions: 'cross.scheme-in-multiple-regions',
  duplicateRegion: 'cross.duplicate-region',
} as const satisfies Record<string, CrossRuleCode>;

function provenance(o: Occurrence): Provenance {
  return { file: o.file, sheet: o.sheet || undefined, cell: o.cell || undefined, row: o.row };
}

function where(o: Occurrence): string {
  const place = [o.sheet, o.cell || (o.row ? `第${o.row}行` : '')].filter(Boolean).join(' ');
  return `${o.region || '（地区未识别）'}《${o.file}》${place}`;
}

function whereEn(o: Occurrence): string {
  const place = [o.sheet, o.cell || (o.row ? `row ${o.row}` : '')].filter(Boolean).join(' ');
  return `${o.region || '(region not recognised)'} "${o.file}" ${place}`.trim();
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function distinctRegions(list: readonly Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const o of list) {
    if (seen.has(o.regionKey)) continue;
    seen.add(o.regionKey);
    out.push(o);
  }
  return out;
}

function mainIssue(o: Occurrence, related: readonly Occurrence[], base: Pick<Issue, 'code' | 'severity' | 'message' | 'messageEn'>): Issue {
  return {
    ...base,
    table: o.table,
    row: o.row,
    column: o.table === 'form' ? 'lead' : 'name',
    file: o.file,
    sheet: o.sheet || undefined,
    cell: o.cell || undefined,
    value: o.name,
    related: related.map(provenance),
  };
}

/** One finding per name key seen in two or more regions; `say` words it from the first occurrence. */
function inMultipleRegions(
  list: readonly Occurrence[],
  code: CrossRuleCode,
  say: (first: Occurrence, regions: number, names: string, all: readonly Occurrence[]) => { message: string; messageEn: string },
): Finding[] {
  const out: Finding[] = [];
  for (const group of groupBy(list, (o) => o.key).values()) {
    const regions = distinctRegions(group);
    if (regions.length < 2) continue;
    const [first, ...rest] = group;
    // Each unrecognised region is its file's own (never merged with another): named by the file, so two of them
    // do not read as one region listed twice.
    const names = regions.map((o) => o.region || `地区未识别的《${o.file}》`).join('、');
    out.push({ occurrences: group, issue: mainIssue(first, rest, { code, severity: CROSS_RULES[code].severity, ...say(first, regions.length, names, group) }) });
  }
  return out;
}

/** The same enterprise (服务对象, by name key) served in two or more regions: one warning per enterprise. */
export function enterprisesInMultipleRegions(targets: readonly Occurrence[]): Finding[] {
  return inMultipleRegions(targets, CROSS_CODES.enterpriseInMultipleRegions, (first, n, names, all) => ({
    message: `服务对象“${first.name}”同时出现在${n}个地区（${names}）的申报中：${all.map(where).join('；')}。请核实是否重复申报。`,
    messageEn: `Enterprise "${first.name}" is a service target in ${n} regions: ${all.map(whereEn).join('; ')}. Check whether it was submitted twice.`,
  }));
}

/** The same scheme (by name key) in two or more regions: info, it may be one scheme offered widely. */
export function schemesInMultipleRegions(schemes: readonly Occurrence[]): Finding[] {
  return inMultipleRegions(schemes, CROSS_CODES.schemeInMultipleRegions, (first, n, names, all) => ({
    message: `服务方案“${first.name}”出现在${n}个地区（${names}）：${all.map(where).join('；')}。`,
    messageEn: `Scheme "${first.name}" appears in ${n} regions: ${all.map(whereEn).join('; ')}.`,
  }));
}

/** A lead and the schemes of the submission it leads. */
export interface LeadOccurrence extends Occurrence {
  /** Name keys of the schemes of that submission (a scheme listed twice counts once). */
  readonly schemeKeys: readonly string[];
}

/**
 * 每个申报主体牵头的网络安全保险服务方案总数原则上不超过5个: one error per lead over the limit, counting
 * distinct scheme names over every submission it leads. The message lists each place with its own count; when
 * those add up to more than the total (a scheme in two regions), it says the scheme was counted once.
 */
export function leadSchemeLimit(leads: readonly LeadOccurrence[], limit: number = LIMITS.maxSchemesPerLead): Finding[] {
  const out: Finding[] = [];
  for (const list of groupBy(leads, (o) => o.key).values()) {
    const schemes = new Set<string>();
    for (const o of list) for (const k of o.schemeKeys) schemes.add(k);
    if (schemes.size <= limit) continue;
    const [first, ...rest] = list;
    const counts = list.map((o) => new Set(o.schemeKeys).size);
    // The parts add up to more than the total when a scheme is listed in several places: say it is counted once.
    const once = counts.reduce((a, b) => a + b, 0) > schemes.size;
    const parts = [...list.map((o, i) => `${where(o)} ${counts[i]}个`), ...(once ? ['同一方案在多地出现的只计一次'] : [])].join('；');
    const partsEn = [...list.map((o, i) => `${whereEn(o)}: ${counts[i]}`), ...(once ? ['a scheme in several regions counted once'] : [])].join('; ');
    out.push({
      occurrences: list,
      issue: mainIssue(first, rest, {
        code: CROSS_CODES.leadSchemeLimit,
        severity: CROSS_RULES[CROSS_CODES.leadSchemeLimit].severity,
        message: `牵头单位“${first.name}”在全国共牵头${schemes.size}个服务方案（${parts}），超过每个申报主体牵头方案总数原则上不超过${limit}个的要求（${NOTICE.number}）。`,
        messageEn: `Lead "${first.name}" leads ${schemes.size} schemes nationwide (${partsEn}), more than the ${limit} the notice allows each applicant.`,
      }),
    });
  }
  return out;
}

/** One file's identity for the duplicate-region rule. */
export interface FileOccurrence {
  readonly fileIndex: number;
  readonly file: string;
  readonly region: string;
  readonly regionKey: string;
  readonly variant?: Variant;
  readonly submitter: string;
}

/** 工信 or 通信管理局, from the submitter's name; undefined when it says neither. */
export function authorityKind(submitter: string): string | undefined {
  const s = compactText(submitter);
  if (!s) return undefined;
  for (const k of AUTHORITY_KINDS) if (k.suffixes.some((x) => s.includes(x))) return k.key;
  return undefined;
}

/**
 * Two files are for the same region when the region and the variant agree and the submitters are not known
 * to differ: a region's 工信主管部门 and 通信管理局 may each submit 附件2, and several 服务机构 may each
 * submit 附件3, so a known different authority kind (附件2) or lead (附件3) is not a duplicate.
 */
function sameSubmitterSlot(a: FileOccurrence, b: FileOccurrence): boolean {
  if (a.regionKey !== b.regionKey || a.variant !== b.variant) return false;
  if (a.variant === '附件3') {
    const ka = nameKey(a.submitter);
    const kb = nameKey(b.submitter);
    return !ka || !kb || ka === kb;
  }
  const ka = authorityKind(a.submitter);
  const kb = authorityKind(b.submitter);
  return !ka || !kb || ka === kb;
}

/**
 * Two files for the same region (and the same submitter slot): a warning on every later file, naming the earlier
 * ones (`earlier`: their indexes, so the warning counts on them too, as other cross-submission findings do).
 */
export function duplicateRegions(files: readonly FileOccurrence[]): { issue: Issue; fileIndex: number; earlier: number[] }[] {
  const out: { issue: Issue; fileIndex: number; earlier: number[] }[] = [];
  const known = files.filter((f) => !f.regionKey.startsWith('file:'));
  known.forEach((f, i) => {
    const earlier = known.slice(0, i).filter((e) => sameSubmitterSlot(e, f));
    if (earlier.length === 0) return;
    const names = earlier.map((e) => `《${e.file}》`).join('、');
    out.push({ fileIndex: f.fileIndex, earlier: earlier.map((e) => e.fileIndex), issue: {
      code: CROSS_CODES.duplicateRegion,
      severity: CROSS_RULES[CROSS_CODES.duplicateRegion].severity,
      table: 'workbook',
      file: f.file,
      value: f.region,
      message: `《${f.file}》与${names}都是${f.region}的${f.variant ?? ''}申报${f.submitter ? `（来源单位：${f.submitter}）` : ''}。请确认是否为重复或更新版本，${earlier.length + 1 === 2 ? '两' : earlier.length + 1}份的行都已汇总、未删除。`,
      messageEn: `"${f.file}" and ${earlier.map((e) => `"${e.file}"`).join(', ')} are all ${f.variant ?? ''} submissions for ${f.region}. Check which is current; rows of all ${earlier.length + 1} are in the summary.`,
      related: earlier.map((e) => ({ file: e.file })),
    } });
  });
  return out;
}
