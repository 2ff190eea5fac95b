/** One lookup for every code any part of Pilot Tables reports, for lists that title problems by code. */
import { RULES, type RuleSpec } from './catalog';
import { CROSS_RULES, READ_RULES, WORKBOOK_RULES } from './other-codes';

const ALL: Readonly<Record<string, RuleSpec>> = { ...RULES, ...READ_RULES, ...WORKBOOK_RULES, ...CROSS_RULES };

export function ruleSpec(code: string): RuleSpec | undefined {
  return Object.prototype.hasOwnProperty.call(ALL, code) ? ALL[code] : undefined;
}

export const ALL_RULE_CODES: readonly string[] = Object.keys(ALL);
