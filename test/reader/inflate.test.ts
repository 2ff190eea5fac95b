/**
 * The reader's own bounded inflate and CRC against references (node's zlib for valid streams and the CRC, a
 * byte-at-a-time CRC), and hasDoctype's `<!` pre-check against its full decode-and-match.
 */
import * as zlib from 'node:zlib';
import { InflateError, crc32, inflateRawBounded } from '../../src/xlsx/read-inflate';
import { hasDoctype } from '../../src/xlsx/read-zip';

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Text-like bytes: a small alphabet with back-references, so the compressor emits long and overlapping matches. */
function sample(rand: () => number, len: number): Buffer {
  const b = Buffer.alloc(len);
  const alpha = 1 + Math.floor(rand() * 255);
  for (let i = 0; i < len; i++) b[i] = rand() < 0.3 && i > 0 ? b[Math.max(0, i - 1 - Math.floor(rand() * 40))] : Math.floor(rand() * alpha);
  return b;
}

function slowCrc32(data: Uint8Array): number {
  let c = -1;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

function reasonOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InflateError) return e.reason;
    throw e;
  }
  return 'ok';
}

describe('inflateRawBounded', () => {
  it('gives what zlib gives, for every level, fixed codes and stored blocks', () => {
    const rand = rng(7);
    for (let i = 0; i < 300; i++) {
      const data = sample(rand, Math.floor(rand() * 6000));
      const level = i % 10;
      const strategy = i % 7 === 0 ? zlib.constants.Z_FIXED : zlib.constants.Z_DEFAULT_STRATEGY;
      const comp = new Uint8Array(zlib.deflateRawSync(data, { level, strategy }));
      expect(Buffer.from(inflateRawBounded(comp, data.length)).equals(data)).toBe(true);
    }
  });

  it('still refuses a stream larger, smaller or shorter than declared', () => {
    const rand = rng(11);
    for (let i = 0; i < 100; i++) {
      const data = sample(rand, 200 + Math.floor(rand() * 3000));
      const comp = new Uint8Array(zlib.deflateRawSync(data, { level: i % 10 }));
      expect(reasonOf(() => inflateRawBounded(comp, data.length - 1))).toBe('overflow');
      expect(reasonOf(() => inflateRawBounded(comp, data.length + 1))).toBe('short');
      expect(reasonOf(() => inflateRawBounded(comp.subarray(0, comp.length >> 1), data.length))).not.toBe('ok');
    }
  });

  it('ends corrupt streams in an InflateError, never a hang', () => {
    const rand = rng(13);
    for (let i = 0; i < 300; i++) {
      const bytes = new Uint8Array(Math.floor(rand() * 64)).map(() => Math.floor(rand() * 256));
      expect(['ok', 'overflow', 'short', 'truncated', 'invalid']).toContain(reasonOf(() => inflateRawBounded(bytes, Math.floor(rand() * 3000))));
    }
  });
});

describe('crc32', () => {
  it('matches a byte-at-a-time CRC and zlib for every length mod 4', () => {
    const rand = rng(17);
    for (let len = 0; len < 70; len++) {
      const data = sample(rand, len);
      expect(crc32(data)).toBe(slowCrc32(data));
    }
    const big = sample(rand, 100003);
    expect(crc32(big)).toBe(slowCrc32(big));
    expect(crc32(big)).toBe(zlib.crc32(big));
  });
});

describe('hasDoctype', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('finds declarations with or without the byte pre-check', () => {
    expect(hasDoctype(enc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'))).toBe(true);
    expect(hasDoctype(enc('<x><!ENTITY a "b"></x>'))).toBe(true);
    expect(hasDoctype(enc('\uFEFF<!-- c --><x/>'))).toBe(true);
    expect(hasDoctype(enc('<x>a!b &lt;!</x>'))).toBe(false);
    expect(hasDoctype(enc('<x><![CDATA[1]]></x>'))).toBe(false);
    expect(hasDoctype(enc('!<x/>'))).toBe(false);
    expect(hasDoctype(new Uint8Array(0))).toBe(false);
  });

  it('reads UTF-16 parts the long way', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!DOCTYPE x><x/>', 'utf16le')]);
    expect(hasDoctype(new Uint8Array(le))).toBe(true);
  });

  it('agrees with decoding and matching on text with invalid UTF-8 around `<!`', () => {
    const rand = rng(19);
    const pieces = [0x3c, 0x21, 0x44, 0x45, 0xe4, 0xbd, 0xa0, 0xc3, 0xff, 0x80, 0x20, 0x3e];
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(Math.floor(rand() * 12)).map(() => pieces[Math.floor(rand() * pieces.length)]);
      if (bytes[0] === 0xff || bytes[0] === 0xfe) continue;
      const text = new TextDecoder('utf-8').decode(bytes);
      if (!text.includes('<!')) expect(hasDoctype(bytes)).toBe(false);
      else expect(hasDoctype(bytes)).toBe(/^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<!/.test(text) || /<!ENTITY/i.test(text) || /<!DOCTYPE/i.test(text));
    }
  });
});
