/**
 * Masking for sharing: mobiles shown as 138****8000, e-mails as z***@qq.com, wherever they occur in a cell
 * (a 联系方式 cell, a normalised column, an issue message). Names are left as written.
 */

const D = '[0-9\uFF10-\uFF19]';
/** A mainland mobile, optionally after +86 / 86, with optional - or space groups (138-0013-8000). */
const MOBILE = new RegExp(`(?<!${D})((?:[+\uFF0B]?86[-\\s]?)?1[3-9]${D})[-\\s]?(${D}{4})[-\\s]?(${D}{4})(?!${D})`, 'gu');
const EMAIL = /([A-Za-z0-9._%+\-\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+)([@\uFF20])([A-Za-z0-9\-\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+(?:[.\uFF0E][A-Za-z0-9\-\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+)+)/gu;

export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
}

export function maskEmails(text: string): string {
  return text.replace(EMAIL, (_m, local: string, at: string, domain: string) => `${Array.from(local)[0]}***${at}${domain}`);
}

/** Both masks; text without a mobile or e-mail is returned unchanged. */
export function maskText(text: string): string {
  return maskMobiles(maskEmails(text));
}
