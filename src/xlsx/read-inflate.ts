/**
 * A bounded raw-DEFLATE decoder (RFC 1951) for untrusted zip entries. It writes into a buffer of exactly the size
 * the zip directory declares and throws as soon as the stream would write more, reads past its compressed bytes,
 * or holds an invalid code: a bomb or a corrupt stream ends in an exception, never in a hang or a huge allocation.
 * Pure TypeScript: runs the same in the browser and in Node.
 */

export class InflateError extends Error {
  constructor(
    readonly reason: 'overflow' | 'truncated' | 'invalid' | 'short',
    message: string,
  ) {
    super(message);
    this.name = 'InflateError';
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A full lookup table: index = next `bits` input bits (LSB first), entry = symbol << 4 | code length; 0 = no code. */
interface Huffman {
  readonly table: Int32Array;
  readonly bits: number;
}

function buildHuffman(lengths: ArrayLike<number>, count: number): Huffman {
  const blCount = new Int32Array(16);
  let max = 0;
  for (let i = 0; i < count; i++) {
    const l = lengths[i];
    if (l) {
      blCount[l]++;
      if (l > max) max = l;
    }
  }
  if (max === 0) return { table: new Int32Array(1), bits: 0 };
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left <<= 1;
    left -= blCount[len];
    if (left < 0) throw new InflateError('invalid', 'over-subscribed Huffman code');
  }
  const next = new Int32Array(16);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + blCount[len - 1]) << 1;
    next[len] = code;
  }
  const size = 1 << max;
  const table = new Int32Array(size);
  for (let sym = 0; sym < count; sym++) {
    const len = lengths[sym];
    if (!len) continue;
    let c = next[len]++;
    let rev = 0;
    for (let i = 0; i < len; i++) {
      rev = (rev << 1) | (c & 1);
      c >>>= 1;
    }
    const entry = (sym << 4) | len;
    for (let i = rev; i < size; i += 1 << len) table[i] = entry;
  }
  return { table, bits: max };
}

let fixedLit: Huffman | undefined;
let fixedDist: Huffman | undefined;

function fixedTables(): [Huffman, Huffman] {
  if (!fixedLit || !fixedDist) {
    const l = new Uint8Array(288);
    for (let i = 0; i < 144; i++) l[i] = 8;
    for (let i = 144; i < 256; i++) l[i] = 9;
    for (let i = 256; i < 280; i++) l[i] = 7;
    for (let i = 280; i < 288; i++) l[i] = 8;
    fixedLit = buildHuffman(l, 288);
    const d = new Uint8Array(30).fill(5);
    fixedDist = buildHuffman(d, 30);
  }
  return [fixedLit, fixedDist];
}

/**
 * Inflate `src` (raw DEFLATE) into exactly `size` bytes. Throws InflateError when the output would be larger
 * ('overflow'), smaller ('short'), when the input runs out ('truncated') or holds an invalid code ('invalid').
 */
export function inflateRawBounded(src: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const end = src.length;
  let pos = 0; // next byte of src to load (may pass `end`: bytes past the end read as 0 and are checked below)
  let bb = 0; // bit buffer
  let bc = 0; // bits in the buffer
  let woff = 0;

  const need = (n: number): void => {
    while (bc < n) {
      bb |= (pos < end ? src[pos] : 0) << bc;
      pos++;
      bc += 8;
    }
  };
  const checkInput = (): void => {
    if (pos * 8 - bc > end * 8) throw new InflateError('truncated', 'compressed data ends early');
  };
  const bits = (n: number): number => {
    need(n);
    const v = bb & ((1 << n) - 1);
    bb >>>= n;
    bc -= n;
    return v;
  };
  const decode = (h: Huffman): number => {
    if (h.bits === 0) throw new InflateError('invalid', 'empty Huffman code used');
    need(h.bits);
    const e = h.table[bb & ((1 << h.bits) - 1)];
    if (e === 0) throw new InflateError('invalid', 'invalid Huffman code');
    const l = e & 15;
    bb >>>= l;
    bc -= l;
    return e >> 4;
  };

  let final = 0;
  const lengths = new Uint8Array(288 + 32);
  while (!final) {
    final = bits(1);
    const type = bits(2);
    if (type === 0) {
      // Stored block: drop to a byte boundary, give back whole buffered bytes, then copy.
      bb >>>= bc & 7;
      bc -= bc & 7;
      pos -= bc >> 3;
      bb = 0;
      bc = 0;
      if (pos + 4 > end) throw new InflateError('truncated', 'compressed data ends early');
      const len = src[pos] | (src[pos + 1] << 8);
      const nlen = src[pos + 2] | (src[pos + 3] << 8);
      pos += 4;
      if ((len ^ 0xffff) !== nlen) throw new InflateError('invalid', 'stored block length check failed');
      if (pos + len > end) throw new InflateError('truncated', 'compressed data ends early');
      if (woff + len > size) throw new InflateError('overflow', 'entry larger than declared');
      out.set(src.subarray(pos, pos + len), woff);
      pos += len;
      woff += len;
      continue;
    }
    let lit: Huffman;
    let dist: Huffman;
    if (type === 1) {
      [lit, dist] = fixedTables();
    } else if (type === 2) {
      const hlit = bits(5) + 257;
      const hdist = bits(5) + 1;
      const hclen = bits(4) + 4;
      if (hlit > 286 || hdist > 30) throw new InflateError('invalid', 'bad code counts');
      const cl = new Uint8Array(19);
      for (let i = 0; i < hclen; i++) cl[CL_ORDER[i]] = bits(3);
      const clh = buildHuffman(cl, 19);
      lengths.fill(0);
      let i = 0;
      while (i < hlit + hdist) {
        const sym = decode(clh);
        if (sym < 16) {
          lengths[i++] = sym;
        } else {
          let rep: number;
          let val = 0;
          if (sym === 16) {
            if (i === 0) throw new InflateError('invalid', 'repeat with no previous length');
            val = lengths[i - 1];
            rep = 3 + bits(2);
          } else if (sym === 17) rep = 3 + bits(3);
          else rep = 11 + bits(7);
          if (i + rep > hlit + hdist) throw new InflateError('invalid', 'code lengths overflow');
          while (rep--) lengths[i++] = val;
        }
        checkInput();
      }
      lit = buildHuffman(lengths.subarray(0, hlit), hlit);
      dist = buildHuffman(lengths.subarray(hlit, hlit + hdist), hdist);
    } else {
      throw new InflateError('invalid', 'reserved block type');
    }
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        if (woff >= size) throw new InflateError('overflow', 'entry larger than declared');
        out[woff++] = sym;
      } else if (sym === 256) {
        break;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('invalid', 'bad length code');
        const len = LEN_BASE[li] + (LEN_EXTRA[li] ? bits(LEN_EXTRA[li]) : 0);
        const di = decode(dist);
        if (di >= 30) throw new InflateError('invalid', 'bad distance code');
        const d = DIST_BASE[di] + (DIST_EXTRA[di] ? bits(DIST_EXTRA[di]) : 0);
        if (d > woff) throw new InflateError('invalid', 'distance before start');
        if (woff + len > size) throw new InflateError('overflow', 'entry larger than declared');
        for (let k = 0; k < len; k++, woff++) out[woff] = out[woff - d];
      }
      // Input past the end reads as zeros; a long run of those would decode forever, so check often.
      if (pos > end + 4) checkInput();
    }
    checkInput();
  }
  checkInput();
  if (woff !== size) throw new InflateError('short', `entry smaller than declared (${woff} < ${size})`);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * How zip entries are inflated and checked. The contract of `inflateRaw` is inflateRawBounded's: exactly `size`
 * bytes or an InflateError ('overflow' as soon as the output would pass `size`), never an allocation beyond it.
 * The command line swaps in Node's native zlib (src/cli/native-inflate.ts); the browser keeps this one.
 */
export interface Inflater {
  readonly name: string;
  readonly inflateRaw: (src: Uint8Array, size: number) => Uint8Array;
  readonly crc32: (data: Uint8Array) => number;
}

/** The pure TypeScript inflater and CRC above: the same in the browser and in Node. */
export const JS_INFLATER: Inflater = { name: 'js', inflateRaw: inflateRawBounded, crc32 };
