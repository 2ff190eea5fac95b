// Draws the add-in's icons (a table on a blue rounded square) and writes assets/icon-<size>.png.
// Plain zlib PNG encoding, 4x supersampled; run: node test/addin/make-icons.mjs
/* global Buffer, process -- a Node script run by hand */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const PALE = [207, 228, 250];

/** Colour at (x, y) in unit coordinates, or null for transparent. */
function shade(x, y) {
  const r = 0.16;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // The table: white sheet with a pale header band and grid lines in blue.
  const L = 0.2, R = 0.8, T = 0.22, B = 0.8;
  if (x < L || x > R || y < T || y > B) return BLUE;
  const line = 0.045;
  const near = (v, a) => Math.abs(v - a) < line / 2;
  if (near(x, L + line / 2) || near(x, R - line / 2) || near(y, T + line / 2) || near(y, B - line / 2)) return BLUE;
  const header = T + 0.17;
  if (y < header) return PALE;
  if (near(y, header) || near(y, header + 0.135) || near(y, header + 0.27) || near(x, 0.4)) return BLUE;
  return WHITE;
}

export function renderIcon(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      const i = (py * size + px) * 4;
      if (a) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  return encodePng(size, out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');
  for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(assets, `icon-${size}.png`), renderIcon(size));
}
