/** Terminal column widths for Chinese text: CJK and full-width characters take two columns, so pad by width, not length. */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** At most `width` columns, with … when cut. */
export function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** At most `width` columns, cut in the middle: file names differ at their ends (（更新版）.xlsx), so keep both ends. */
export function clipMiddle(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = Array.from(text);
  const tailWidth = Math.floor((width - 1) / 2);
  let tail = '';
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + tail) <= tailWidth; i--) tail = chars[i] + tail;
  return `${clip(text, width - displayWidth(tail)).slice(0, -1)}…${tail}`;
}
