/**
 * 联系人: a person's name, not a number or an e-mail. Chinese names are 2–4 characters as a rule; minority
 * names joined with · (阿依古丽·买买提) and Latin names (John Smith) are names too.
 */
import { normalizeText } from '../text/normalize';

export type PersonProblem =
  | 'empty'
  | 'is-number' // 15997299362 typed into 联系人
  | 'is-email'
  | 'has-number' // 张三13800138000 / 钱进 qianjin@qq.com: a name with a number or an address beside it
  | 'several' // 张三、李四
  | 'unusual'; // one character, too long, or characters a name does not hold

export interface PersonCheck {
  readonly input: string;
  /** The name alone, when one can be read (张三 out of 张三13800138000). */
  readonly name?: string;
  readonly ok: boolean;
  readonly problem?: PersonProblem;
}

const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const MIDDLE_DOT = /[·•・‧∙.．]/g;
const CHINESE_NAME = new RegExp(`^[${HAN}]{2,5}(?:·[${HAN}]{1,10}){0,3}$`);
const LATIN_NAME = /^[A-Za-z][A-Za-z'’\-.]*(?: [A-Za-z][A-Za-z'’\-.]*){0,4}$/;

export function checkPersonName(text: string): PersonCheck {
  const input = normalizeText(text);
  if (!input) return { input, ok: false, problem: 'empty' };
  if (/@/.test(input) && /\.[A-Za-z]{2,}/.test(input)) {
    // 钱进 qianjin@qq.com: a name with the address beside it is a name to keep, not "an e-mail instead of a name".
    const rest = input.replace(/\S*@\S*/g, ' ').replace(/[\s,，;；:：/、<>()（）]+/g, ' ').trim();
    const name = checkPersonName(rest);
    if (rest && name.ok && name.name) return { input, ok: false, problem: 'has-number', name: name.name };
    return { input, ok: false, problem: 'is-email' };
  }
  const digits = input.replace(/\D/g, '');
  const letters = input.replace(/[\d\s\-+()（）]/g, '');
  if (digits.length >= 5 && letters.length === 0) return { input, ok: false, problem: 'is-number' };
  if (digits.length > 0) {
    const name = input.replace(/[\d\-+()（）]+/g, ' ').replace(/[\s,，;；:：/、]+/g, ' ').trim();
    return { input, ok: false, problem: 'has-number', ...(name ? { name } : {}) };
  }
  if (/[、,，;；/]/.test(input) || /^[\u4E00-\u9FFF]{2,4}\s[\u4E00-\u9FFF]{2,4}$/.test(input)) {
    return { input, ok: false, problem: 'several' };
  }
  const unified = input.replace(MIDDLE_DOT, '·');
  const compact = unified.replace(/\s*·\s*/g, '·').replace(/(?<=[\u4E00-\u9FFF])\s+(?=[\u4E00-\u9FFF])/g, '');
  if (CHINESE_NAME.test(compact)) {
    // 2–4 characters as a rule; 5 without a middle dot is possible (复姓 + 3) but worth a look only when longer.
    return { input, name: compact, ok: true };
  }
  if (LATIN_NAME.test(unified)) return { input, name: unified, ok: true };
  return { input, ok: false, problem: 'unusual' };
}
