/**
 * 责任分工（是否牵头及分工）: whether the row marks the lead agency. "是，牵头单位，负责…" and "牵头…" lead;
 * "否，…", "配合牵头单位…", "非牵头", and text naming another unit as the lead ("由安泰财险牵头", "牵头单位为…",
 * "牵头单位的技术合作方", "成员单位") do not. A copy of the header's own question in front ("是否牵头：否，…") is
 * read past: its 是 is not an answer.
 */
import { compactText } from '../text/normalize';

/** The header's question repeated in the cell: 是否牵头： / 是否为牵头单位： / 是否牵头及分工： */
const QUESTION = /^是否(?:为)?牵头(?:单位)?(?:及(?:职责)?分工)?[:：]?/;
/** Someone else leads: the row's unit is a member, a partner, or names the lead. */
const OTHER_LEADS = /由.{1,40}牵头|牵头(?:单位|方)(?:为|是)|牵头(?:单位|方)的|(?:成员|参与|联合|合作|配合)(?:单位|方)/;

export function isLeadRole(text: string): boolean {
  const t = compactText(text).replace(QUESTION, '');
  if (!t) return false;
  if (/^(?:否|不|非|无|N(?:o)?\b)/i.test(t)) return false;
  if (/(?:非牵头|不牵头|不是牵头|不作为牵头|协助牵头|配合牵头|协同牵头|支持牵头)/.test(t)) return false;
  if (/^(?:是|√|✓|✔|Y(?:es)?\b)/i.test(t)) return true;
  if (OTHER_LEADS.test(t)) return false;
  return /牵头/.test(t);
}
