/**
 * 责任分工（是否牵头及分工）: whether the row marks the lead agency. "是，牵头单位，负责…" and "牵头…" lead;
 * "否，…", "配合牵头单位…", "非牵头" do not.
 */
import { compactText } from '../text/normalize';

export function isLeadRole(text: string): boolean {
  const t = compactText(text);
  if (!t) return false;
  if (/^(?:是|牵头|√|✓|✔|Y(?:es)?\b)/i.test(t)) return true;
  if (/^(?:否|不|非|无|N(?:o)?\b)/i.test(t)) return false;
  if (/(?:非牵头|不牵头|不是牵头|不作为牵头|协助牵头|配合牵头|协同牵头|支持牵头)/.test(t)) return false;
  return /牵头/.test(t);
}
