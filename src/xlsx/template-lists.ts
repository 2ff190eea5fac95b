/**
 * The dropdown lists of the template: which values each category column offers, read from the notice's
 * vocabularies, and the defined names they are published under on the very-hidden lists sheet.
 */
import {
  INDUSTRIES,
  ORG_NATURES,
  PRODUCT_SERVICE_TYPES,
  VOCABULARIES,
  dropdownValues,
  type Vocabulary,
} from '../core/notice/vocabularies';
import type { VocabularyKey } from '../core/notice/tables';
import { columnLetter } from '../core/grid/types';

export interface DropdownList {
  /** Defined name in the workbook (ASCII, valid in Excel and LibreOffice). */
  readonly name: string;
  /** Label shown in the lists sheet's first row and in the prompt. */
  readonly label: string;
  readonly values: readonly string[];
  /** Open vocabulary: a value outside the list is a warning, not a stop. */
  readonly open: boolean;
}

/**
 * 行业领域 of 表3 holds an industry for 企业类 and a product or service type for 产品服务类
 * (附件1 申报方向: 企业类（请注明行业领域）/ 产品服务类（请注明产品类型）), so its list is both.
 * `schemeField` has no vocabulary of its own in the notice module; it is composed here.
 */
function schemeFieldList(): DropdownList {
  return {
    name: 'List_schemeField',
    label: `${INDUSTRIES.label}/${PRODUCT_SERVICE_TYPES.label}`,
    values: [...dropdownValues(INDUSTRIES), ...dropdownValues(PRODUCT_SERVICE_TYPES)],
    open: INDUSTRIES.open || PRODUCT_SERVICE_TYPES.open,
  };
}

function fromVocabulary(vocab: Vocabulary): DropdownList {
  return { name: `List_${vocab.key}`, label: vocab.label, values: dropdownValues(vocab), open: vocab.open };
}

export function dropdownFor(key: VocabularyKey): DropdownList {
  if (key === 'schemeField') return schemeFieldList();
  return fromVocabulary(VOCABULARIES[key]);
}

/** 单位性质 of the 基本信息 form. */
export function orgNatureList(): DropdownList {
  return fromVocabulary(ORG_NATURES);
}

/** Column letters, 1-based as exceljs counts columns: 1 → A, 27 → AA. */
export function colLetter(col: number): string {
  return columnLetter(col - 1);
}
