/**
 * Merge the regional submissions into one summary: every row kept with its provenance and normalised
 * reading, the cross-submission rules run, rows read reconciled with rows summarised, the counts taken.
 */
import { compareIssues, countBySeverity, type Issue, type Severity } from '../issues';
import { NOTICE } from '../notice/limits';
import { TABLE_KEYS, type TableKey } from '../notice/tables';
import type { NormalizedRow } from '../submission/normalized';
import { findRegion } from '../locate/region';
import { EXTRAS_KEY, extrasText } from './columns';
import type { JointApplicantRow, Submission, TableRow } from '../submission/types';
import { nameKey, normalizeText } from '../text/normalize';
import { formFieldValue } from '../rules/form';
import {
  duplicateRegions,
  enterprisesInMultipleRegions,
  leadSchemeLimit,
  schemesInMultipleRegions,
  type FileOccurrence,
  type Finding,
  type LeadOccurrence,
  type Occurrence,
} from './cross';
import { computeStatistics } from './stats';
import {
  SUMMARY_TABLE_KEYS,
  type AggregateDeps,
  type AggregateInput,
  type FileStatus,
  type Reconciliation,
  type ReconciliationLine,
  type Summary,
  type SummaryFile,
  type NotMergedLine,
  type SummaryJointApplicantRow,
  type SummaryRow,
  type SummaryTableKey,
} from './types';

interface FileWork {
  readonly index: number;
  readonly input: AggregateInput;
  readonly region: string;
  readonly regionKey: string;
  readonly submitter: string;
  /** The input's issues with the file filled in, plus the read error as an issue. */
  readonly issues: Issue[];
}

interface RowWork {
  table: TableKey;
  fileIndex: number;
  source: TableRow;
  sheet: string;
  cell: string;
  values: Record<string, string>;
  normalized: NormalizedRow;
  issueCount: number;
  duplicateOf?: SummaryRow['duplicateOf'];
}

function formValue(sub: Submission, key: string) {
  return formFieldValue(sub.form, key);
}

/** 来源单位: the submitter the reader found, else the form's 地方行业主管部门 (附件2) or 牵头单位 (附件3). */
function submitterOf(sub: Submission): string {
  if (sub.submitter) return normalizeText(sub.submitter);
  const v = sub.variant === '附件3' ? formValue(sub, 'lead') : (formValue(sub, 'authority') ?? formValue(sub, 'lead'));
  return v ? normalizeText(v.text) : '';
}

function rowKey(fileIndex: number, table: string, row: number): string {
  return `${fileIndex}\u0000${table}\u0000${row}`;
}

function nameCell(row: TableRow): string {
  const name = row.cells.name?.cell;
  // A name merged down over this row (B3:B4 read again on row 4) is given at this row, B4: the reviewer is sent to
  // the row the other values came from, not to the row above.
  if (name) return ownRowAddress(name, row.row);
  for (const c of Object.values(row.cells)) if (c.cell) return c.cell;
  return '';
}

/** "B3" on row 4 → "B4"; an address on its own row as it is. */
function ownRowAddress(a1: string, row: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return m && Number(m[2]) !== row ? `${m[1]}${row}` : a1;
}

function emptyCounts(): Record<SummaryTableKey, number> {
  return { agencies: 0, targets: 0, schemes: 0, jointApplicants: 0 };
}

/** A 联合申报单位 row's 单位名称 cell, else its first addressed cell. */
function jointCell(row: JointApplicantRow): string {
  const name = row.cells.name?.cell;
  if (name) return name;
  for (const c of Object.values(row.cells)) if (c.cell) return c.cell;
  return '';
}

/**
 * 联合申报单位 rows with their provenance, and the issues of their file that point into them: the validator checks
 * each cell as a form field (table 'jointApplicants', sheet and cell set), so an issue counts on the row holding its cell.
 */
function jointApplicantRows(files: readonly FileWork[]): SummaryJointApplicantRow[] {
  const out: SummaryJointApplicantRow[] = [];
  for (const f of files) {
    const joint = f.input.submission?.jointApplicants;
    if (!joint?.length) continue;
    const counts = joint.map(() => 0);
    const rowOfCell = new Map<string, number>();
    joint.forEach((r, i) => {
      for (const k in r.cells) if (r.cells[k].cell) rowOfCell.set(`${r.sheet}!${r.cells[k].cell}`, i);
    });
    for (const issue of f.issues) {
      if (issue.table !== 'jointApplicants' || !issue.sheet || !issue.cell) continue;
      const i = rowOfCell.get(`${issue.sheet}!${issue.cell}`);
      if (i !== undefined) counts[i]++;
    }
    joint.forEach((r, i) => {
      const values: Record<string, string> = {};
      for (const k in r.cells) values[k] = r.cells[k].text;
      out.push({
        fileIndex: f.index,
        region: f.region,
        submitter: f.submitter,
        file: f.input.file,
        sheet: r.sheet,
        row: r.row,
        cell: jointCell(r),
        values,
        issueCount: counts[i],
      });
    });
  }
  return out;
}

/** Rows of one table grouped by file index, each group in the table's order. */
function rowsByFile(rows: readonly RowWork[], fileCount: number): RowWork[][] {
  const out: RowWork[][] = [];
  for (let i = 0; i < fileCount; i++) out.push([]);
  for (const w of rows) out[w.fileIndex].push(w);
  return out;
}

/**
 * One row of the summary, `duplicateOf` last and only when set. Built as a literal: spreading
 * `...(duplicateOf ? { duplicateOf } : {})` into every row was a measurable share of the merge.
 */
function summaryRow(w: RowWork, f: FileWork): SummaryRow {
  const row: { -readonly [K in keyof SummaryRow]: SummaryRow[K] } = {
    table: w.table,
    fileIndex: w.fileIndex,
    region: f.region,
    submitter: f.submitter,
    file: f.input.file,
    sheet: w.sheet,
    row: w.source.row,
    cell: w.cell,
    values: w.values,
    normalized: w.normalized,
    issueCount: w.issueCount,
  };
  if (w.duplicateOf) row.duplicateOf = w.duplicateOf;
  return row;
}

export function aggregate(inputs: readonly AggregateInput[], deps: AggregateDeps): Summary {
  const now = deps.now ? deps.now() : new Date();

  // Files: region, submitter, issues with their file.
  const files: FileWork[] = inputs.map((input, index) => {
    const sub = input.submission;
    // An unreadable file still says whose it is when its name does (山东省-附件2.xlsx): the reviewer knows whom to ask.
    const named = sub ? undefined : findRegion(input.file.replace(/\.[a-z0-9]+$/i, ''));
    const region = sub?.region?.name ?? named?.name ?? '';
    const issues: Issue[] = input.issues.map((i) => (i.file ? i : { ...i, file: input.file }));
    if (input.error && !issues.some((i) => i.code === input.error!.code)) {
      issues.push({
        code: input.error.code,
        severity: 'error',
        table: 'workbook',
        file: input.file,
        message: input.error.message,
        messageEn: input.error.messageEn ?? input.error.message,
      });
    }
    return {
      index,
      input,
      region,
      regionKey: sub?.region?.code ?? named?.code ?? `file:${index}`,
      submitter: sub ? submitterOf(sub) : '',
      issues,
    };
  });

  // Rows: every row of every table, in file order then table order then row order.
  const rows: Record<TableKey, RowWork[]> = { agencies: [], targets: [], schemes: [] };
  const byKey = new Map<string, RowWork>();
  for (const f of files) {
    const sub = f.input.submission;
    if (!sub) continue;
    for (const table of TABLE_KEYS) {
      const data = sub.tables[table];
      if (!data) continue;
      const given = f.input.normalized?.[table];
      const pre = given && given.length === data.rows.length ? given : undefined;
      for (let i = 0; i < data.rows.length; i++) {
        const source = data.rows[i];
        const values: Record<string, string> = {};
        // for…in over a plain record visits the keys Object.entries gives, in the same order, without the pairs.
        for (const k in source.cells) values[k] = source.cells[k].text;
        if (source.extras?.length) values[EXTRAS_KEY] = extrasText(source.extras);
        const w: RowWork = {
          table,
          fileIndex: f.index,
          source,
          sheet: data.sheet ?? '',
          cell: nameCell(source),
          values,
          normalized: pre?.[i] ?? deps.normalizeRow(table, source),
          issueCount: 0,
        };
        rows[table].push(w);
        // Two rows of one file and table never share a sheet row; if a source breaks that, the first keeps the count.
        const k = rowKey(f.index, table, source.row);
        if (!byKey.has(k)) byKey.set(k, w);
      }
    }
  }

  // The validator's issues, counted on their rows.
  for (const f of files) {
    for (const i of f.issues) {
      if (i.row === undefined || !(TABLE_KEYS as readonly string[]).includes(i.table)) continue;
      const w = byKey.get(rowKey(f.index, i.table, i.row));
      if (w) w.issueCount++;
    }
  }

  // Duplicates within the summary: flagged on every later row with the same name key.
  for (const table of TABLE_KEYS) {
    const first = new Map<string, RowWork>();
    for (const w of rows[table]) {
      const key = w.normalized.nameKey || nameKey(w.values.name ?? '');
      if (!key) continue;
      const earlier = first.get(key);
      if (earlier) {
        w.duplicateOf = {
          file: files[earlier.fileIndex].input.file,
          sheet: earlier.sheet || undefined,
          cell: earlier.cell || undefined,
          row: earlier.source.row,
        };
      } else first.set(key, w);
    }
  }

  // Cross-submission rules.
  const occurrence = (w: RowWork): Occurrence => {
    const f = files[w.fileIndex];
    return {
      fileIndex: w.fileIndex,
      file: f.input.file,
      sheet: w.sheet,
      row: w.source.row,
      cell: w.cell,
      table: w.table,
      region: f.region,
      regionKey: f.regionKey,
      // As written (星汉智能装备（北京）有限公司, not its normalised half-width form): the message cites its cell.
      name: (w.values.name ?? '').trim(),
      key: w.normalized.nameKey || nameKey(w.values.name ?? ''),
    };
  };
  const leads: LeadOccurrence[] = [];
  // Each file's rows picked out in one pass, not by filtering every table once per file (files × rows).
  const schemesOf = rowsByFile(rows.schemes, files.length);
  const agenciesOf = rowsByFile(rows.agencies, files.length);
  for (const f of files) {
    const sub = f.input.submission;
    if (!sub) continue;
    const schemeKeys = schemesOf[f.index].map((w, i) => w.normalized.nameKey || nameKey(w.values.name ?? '') || `#${f.index}:${i}`);
    // One lead per name in a file: a lead merged over two rows (a second contact below) is one lead, not two.
    const leadKeys = new Set<string>();
    const agencyLeads = agenciesOf[f.index].filter((w) => {
      if (!w.normalized.lead) return false;
      const k = w.normalized.nameKey || nameKey(w.values.name ?? '');
      if (leadKeys.has(k)) return false;
      leadKeys.add(k);
      return true;
    });
    for (const w of agencyLeads) leads.push({ ...occurrence(w), schemeKeys });
    if (agencyLeads.length === 0) {
      const lead = formValue(sub, 'lead');
      if (lead && nameKey(lead.text)) {
        leads.push({
          fileIndex: f.index,
          file: f.input.file,
          sheet: lead.sheet ?? '',
          cell: lead.cell ?? '',
          table: 'form',
          region: f.region,
          regionKey: f.regionKey,
          name: lead.text.trim(),
          key: nameKey(lead.text),
          schemeKeys,
        });
      }
    }
  }
  const findings: Finding[] = [
    ...enterprisesInMultipleRegions(rows.targets.map(occurrence)),
    ...leadSchemeLimit(leads),
    ...schemesInMultipleRegions(rows.schemes.map(occurrence)),
  ];
  const fileOccurrences: FileOccurrence[] = files
    .filter((f) => f.input.submission)
    .map((f) => ({ fileIndex: f.index, file: f.input.file, region: f.region, regionKey: f.regionKey, variant: f.input.submission!.variant, submitter: f.submitter }));
  const regionIssues = duplicateRegions(fileOccurrences);

  // Cross issues count on every row and file they point at (listed once in 问题清单, under the first of them: the
  // files' counts may therefore add up to more than the total).
  const crossByFile = files.map(() => [] as Issue[]);
  for (const { issue, occurrences } of findings) {
    const touchedFiles = new Set<number>();
    for (const o of occurrences) {
      touchedFiles.add(o.fileIndex);
      if (o.table !== 'form' && o.row !== undefined) {
        const w = byKey.get(rowKey(o.fileIndex, o.table, o.row));
        if (w) w.issueCount++;
      }
    }
    for (const fi of touchedFiles) crossByFile[fi].push(issue);
  }
  for (const { issue, fileIndex, earlier } of regionIssues) for (const fi of [fileIndex, ...earlier]) crossByFile[fi].push(issue);
  const crossIssues = [...findings.map((x) => x.issue), ...regionIssues.map((x) => x.issue)].sort(compareIssues);

  // Files.
  const summaryFiles: SummaryFile[] = files.map((f) => {
    const counts = countBySeverity([...f.issues, ...crossByFile[f.index]]);
    const rowsRead = emptyCounts();
    const sub = f.input.submission;
    for (const t of TABLE_KEYS) rowsRead[t] = sub?.tables[t]?.rows.length ?? 0;
    rowsRead.jointApplicants = sub?.jointApplicants?.length ?? 0;
    const status: FileStatus = !sub ? 'unreadable' : counts.error > 0 ? 'errors' : counts.warning > 0 ? 'warnings' : 'ok';
    return {
      index: f.index,
      file: f.input.file,
      status,
      ...(f.region ? { region: f.region, regionCode: f.regionKey } : {}),
      ...(sub?.variant ? { variant: sub.variant } : {}),
      ...(f.submitter ? { submitter: f.submitter } : {}),
      rowsRead,
      issueCounts: counts as Record<Severity, number>,
      ...(f.input.error ? { error: { code: f.input.error.code, message: f.input.error.message } } : {}),
    };
  });

  // Summary rows.
  const summaryRows: Record<TableKey, SummaryRow[]> = { agencies: [], targets: [], schemes: [] };
  for (const table of TABLE_KEYS) {
    summaryRows[table] = rows[table].map((w) => summaryRow(w, files[w.fileIndex]));
  }

  const jointApplicants = jointApplicantRows(files);

  const reconciliation = reconcile(inputs, summaryFiles, summaryRows, jointApplicants);
  const statistics = computeStatistics(summaryRows, summaryFiles);
  const issues = [...files.flatMap((f) => f.issues), ...crossIssues].sort(compareIssues);

  return {
    generatedAt: now.toISOString(),
    notice: NOTICE.number,
    files: summaryFiles,
    rows: summaryRows,
    jointApplicants,
    issues,
    crossIssues,
    reconciliation,
    statistics,
  };
}

/**
 * Rows read (from the inputs) against rows in the summary (counted in the output), per file and table: the three
 * tables and, for a file whose 联合申报单位 table was found, its joint applicants.
 */
export function reconcile(
  inputs: readonly AggregateInput[],
  files: readonly SummaryFile[],
  rows: Readonly<Record<TableKey, readonly SummaryRow[]>>,
  jointApplicants: readonly Pick<SummaryJointApplicantRow, 'fileIndex'>[] = [],
): Reconciliation {
  const inSummary = new Map<string, number>();
  const lists: [SummaryTableKey, readonly { readonly fileIndex: number }[]][] = [...TABLE_KEYS.map((t) => [t, rows[t]] as [SummaryTableKey, readonly SummaryRow[]]), ['jointApplicants', jointApplicants]];
  for (const [table, list] of lists) {
    // Rows come in runs of one file: count a run, then add it, rather than build two keys for every row.
    for (let i = 0; i < list.length; ) {
      const fileIndex = list[i].fileIndex;
      let j = i + 1;
      while (j < list.length && list[j].fileIndex === fileIndex) j++;
      const k = `${fileIndex}|${table}`;
      inSummary.set(k, (inSummary.get(k) ?? 0) + (j - i));
      i = j;
    }
  }
  const lines: ReconciliationLine[] = [];
  const totals = Object.fromEntries(SUMMARY_TABLE_KEYS.map((t) => [t, { read: 0, inSummary: 0 }])) as Record<SummaryTableKey, { read: number; inSummary: number }>;
  inputs.forEach((input, index) => {
    const sub = input.submission;
    if (!sub) return;
    for (const table of SUMMARY_TABLE_KEYS) {
      // A table not found gets no line (附件3 has no 服务机构 table; 附件2 no 联合申报单位).
      const read = table === 'jointApplicants' ? sub.jointApplicants?.length : sub.tables[table]?.rows.length;
      if (read === undefined) continue;
      const summarised = inSummary.get(`${index}|${table}`) ?? 0;
      lines.push({ fileIndex: index, file: files[index].file, table, read, inSummary: summarised, balanced: read === summarised });
      totals[table].read += read;
      totals[table].inSummary += summarised;
    }
  });
  // Rows in the summary from a file/table that was not read would be invented rows: unbalanced too.
  let stray = 0;
  for (const [k, n] of inSummary) {
    const [fi, table] = k.split('|');
    if (!lines.some((l) => l.fileIndex === Number(fi) && l.table === table)) stray += n;
  }
  const notMerged: NotMergedLine[] = inputs.flatMap((input, index) =>
    (input.submission?.unmerged ?? []).map((u) => ({ reason: u.reason, fileIndex: index, file: files[index].file, table: u.table, sheet: u.sheet, headerRow: u.headerRow, rows: u.rows })),
  );
  const balanced = stray === 0 && lines.every((l) => l.balanced);
  const unreadable = inputs.filter((i) => !i.submission).length;
  return { lines, totals, balanced, notMerged, unreadable, complete: balanced && notMerged.length === 0 && unreadable === 0 };
}
