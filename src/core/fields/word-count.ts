/**
 * 字数 as Microsoft Word counts it (字数统计 "字数"): every CJK character and every full-width punctuation mark
 * counts 1; a run of Latin letters, digits and half-width punctuation between spaces counts 1; spaces count 0.
 * The notice's 不超过400字 limits are measured this way.
 */

function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x2fdf) || // CJK radicals, Kangxi
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation 。、「」
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0x3100 && code <= 0x31ff) || // bopomofo, kanbun, CJK strokes
    (code >= 0x3200 && code <= 0x33ff) || // enclosed CJK, compatibility
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0x4e00 && code <= 0x9fff) || // unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms （），：；！？
    (code >= 0x20000 && code <= 0x3134f) || // Extensions B–G
    code === 0x2014 || code === 0x2026 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x00b7
  );
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x0b || code === 0x0c || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Word's 字数 of a text. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isSpace(code)) {
      inWord = false;
    } else if (isWide(code)) {
      n++;
      inWord = false;
    } else if (!inWord) {
      n++;
      inWord = true;
    }
  }
  return n;
}
