/**
 * Node's zlib as the reader's inflater (src/xlsx/read-inflate.ts `Inflater`): the same contract as the pure
 * TypeScript inflater — exactly the declared size or an InflateError — at about a quarter of its time, which is
 * most of what reading a zip costs before SheetJS starts. The bound holds: `maxOutputLength` makes zlib stop and
 * throw as soon as the output would pass the size the zip directory declares, so a bomb never allocates more.
 * The task pane (no zlib in a browser) keeps the TypeScript inflater; test/reader/native-inflate.test.ts checks
 * that both give the same bytes and the same verdicts.
 */
import * as zlib from 'node:zlib';
import { InflateError, JS_INFLATER, type Inflater } from '../xlsx/read-inflate';

function inflateRaw(src: Uint8Array, size: number): Uint8Array {
  let out: Buffer;
  try {
    // maxOutputLength must be at least 1; an entry declared empty that inflates to a byte is caught below.
    out = zlib.inflateRawSync(src, { maxOutputLength: Math.max(1, size) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InflateError('overflow', 'entry larger than declared');
    if (code === 'Z_BUF_ERROR') throw new InflateError('truncated', 'compressed data ends early');
    throw new InflateError('invalid', e instanceof Error ? e.message : String(e));
  }
  if (out.length > size) throw new InflateError('overflow', 'entry larger than declared');
  if (out.length < size) throw new InflateError('short', `entry smaller than declared (${out.length} < ${size})`);
  return out;
}

/** zlib.crc32 arrived in Node 20.15 / 22.2; older Nodes (package.json allows 20.x) use the TypeScript CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const NATIVE_INFLATER: Inflater = {
  name: nativeCrc32 ? 'zlib' : 'zlib+js-crc',
  inflateRaw,
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : JS_INFLATER.crc32,
};
