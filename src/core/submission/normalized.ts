/**
 * The normalised reading of one row: official category, mobile, e-mail, person. The validator computes it
 * (src/core/rules/normalize-row.ts) and the aggregator shows it beside the person's own text.
 */
export interface NormalizedRow {
  /** Official value of the row's category column(s), when recognised (exact, normalised or alias). */
  readonly type?: string;
  readonly industry?: string;
  /** Mobile as 11 national digits, e.g. "13800138000". */
  readonly mobile?: string;
  /** E-mail after normalisation (NFKC, trimmed, mailto: removed, lower-cased domain). */
  readonly email?: string;
  /** Person's name, for agencies taken out of 联系人及联系方式. */
  readonly person?: string;
  /** Any phone found (mobile or fixed line) in display form, e.g. "010-68206187". */
  readonly phone?: string;
  /** For agencies: whether 责任分工 marks the row as 牵头. */
  readonly lead?: boolean;
  /** Key the row's name is compared under (see nameKey). */
  readonly nameKey: string;
}
