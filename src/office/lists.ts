/**
 * The dropdown lists the template offers, derived from the notice's vocabularies (src/core/notice).
 * Nothing here names a category: every value comes from `dropdownValues()` of a core vocabulary.
 */
import {
  AGENCY_TYPES,
  INDUSTRIES,
  PRODUCT_SERVICE_TYPES,
  SCHEME_TYPES,
  dropdownValues,
  type Vocabulary,
  type VocabularyKey,
} from '../core/notice';

/** The very-hidden sheet that holds the lists; the add-in owns it and may rewrite it. */
export const LISTS_SHEET = 'PT_Lists';

/**
 * Which core vocabularies feed each column vocabulary key. 方案表 行业领域 takes an industry for 企业类 and
 * a product or service type for 产品服务类 (三、试点对象及内容), so its list is the two together.
 */
const SOURCES: Readonly<Record<VocabularyKey, readonly Vocabulary[]>> = {
  agencyType: [AGENCY_TYPES],
  industry: [INDUSTRIES],
  schemeType: [SCHEME_TYPES],
  schemeField: [INDUSTRIES, PRODUCT_SERVICE_TYPES],
};

export interface DropdownList {
  readonly key: VocabularyKey;
  /** Workbook name, e.g. PT_List_agencyType. */
  readonly name: string;
  readonly values: readonly string[];
  /** Open lists (the notice ends them with 等) warn on other values; closed ones stop them. */
  readonly open: boolean;
  /** Column letter on the lists sheet. */
  readonly column: string;
  /** `=PT_Lists!$A$1:$A$10` */
  readonly formula: string;
}

export const LIST_KEYS: readonly VocabularyKey[] = ['agencyType', 'industry', 'schemeType', 'schemeField'];

export function listName(key: VocabularyKey): string {
  return `PT_List_${key}`;
}

export function dropdownList(key: VocabularyKey): DropdownList {
  const vocabs = SOURCES[key];
  const values: string[] = [];
  for (const v of vocabs) for (const value of dropdownValues(v)) if (!values.includes(value)) values.push(value);
  const column = String.fromCharCode(65 + LIST_KEYS.indexOf(key));
  return {
    key,
    name: listName(key),
    values,
    open: vocabs.some((v) => v.open),
    column,
    formula: `=${LISTS_SHEET}!$${column}$1:$${column}$${values.length}`,
  };
}

export function allDropdownLists(): DropdownList[] {
  return LIST_KEYS.map(dropdownList);
}
