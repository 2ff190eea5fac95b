/**
 * The command line reads with Node's zlib (src/cli/native-inflate.ts), the task pane with the TypeScript
 * inflater: a file must be judged the same either way. Same bytes, same refusals of lying or broken entries, and
 * the same checkFile result for every shared fixture and bundled sample, and for damaged copies of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { NATIVE_INFLATER } from '../../src/cli/native-inflate';
import { checkFile } from '../../src/xlsx/check';
import { InflateError, JS_INFLATER, type Inflater } from '../../src/xlsx/read-inflate';
import { SAMPLE_SUBMISSIONS } from '../cli/helpers';
import { fixtureDirs, loadFixture } from './helpers';
import { buildZip } from './zip-builder';

function verdict(inflater: Inflater, src: Uint8Array, size: number): { reason: string; bytes?: Buffer } {
  try {
    return { reason: 'ok', bytes: Buffer.from(inflater.inflateRaw(src, size)) };
  } catch (e) {
    if (e instanceof InflateError) return { reason: e.reason };
    throw e;
  }
}

/** Text-like bytes with repeats, so the compressor emits back-references of every length. */
const textLike = fc.array(fc.constantFrom(...'<c r="A1" t="s"><v>12</v></c>星汉智能装备股份有限公司 13800138000 a@b.cn\n'.split('')), { maxLength: 4000 }).map((cs) => Buffer.from(cs.join(''), 'utf8'));

describe('NATIVE_INFLATER keeps the inflater contract', () => {
  it('inflates what zlib deflates, at every level, to the same bytes as the TypeScript inflater', () => {
    fc.assert(
      fc.property(textLike, fc.integer({ min: 0, max: 9 }), fc.boolean(), (data, level, fixed) => {
        const comp = new Uint8Array(zlib.deflateRawSync(data, { level, strategy: fixed ? zlib.constants.Z_FIXED : zlib.constants.Z_DEFAULT_STRATEGY }));
        const native = verdict(NATIVE_INFLATER, comp, data.length);
        expect(native.reason).toBe('ok');
        expect(native.bytes?.equals(data)).toBe(true);
        expect(native.bytes?.equals(verdict(JS_INFLATER, comp, data.length).bytes as Buffer)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an entry one byte larger or smaller than declared, as the TypeScript inflater does', () => {
    fc.assert(
      fc.property(textLike.filter((d) => d.length > 1), (data) => {
        const comp = new Uint8Array(zlib.deflateRawSync(data));
        for (const [size, reason] of [
          [data.length - 1, 'overflow'],
          [data.length + 1, 'short'],
        ] as const) {
          expect(verdict(NATIVE_INFLATER, comp, size).reason).toBe(reason);
          expect(verdict(JS_INFLATER, comp, size).reason).toBe(reason);
        }
        expect(verdict(NATIVE_INFLATER, comp.subarray(0, comp.length >> 1), data.length).reason).not.toBe('ok');
      }),
      { numRuns: 100 },
    );
  });

  it('stops a stream that inflates far past its declared size at that size (no large allocation)', () => {
    const comp = new Uint8Array(zlib.deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x41)));
    const before = process.memoryUsage().arrayBuffers;
    expect(verdict(NATIVE_INFLATER, comp, 1000).reason).toBe('overflow');
    // zlib works in 16 KB chunks: it may hold one chunk past the limit, never the 50 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(5 * 1024 * 1024);
  });

  it('an entry declared empty: empty is fine, one byte is an overflow', () => {
    expect(verdict(NATIVE_INFLATER, new Uint8Array(zlib.deflateRawSync(Buffer.alloc(0))), 0).reason).toBe('ok');
    expect(verdict(NATIVE_INFLATER, new Uint8Array(zlib.deflateRawSync(Buffer.from('x'))), 0).reason).toBe('overflow');
  });

  it('garbage ends in an InflateError whatever the declared size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 3000 }), (bytes, size) => {
        const native = verdict(NATIVE_INFLATER, bytes, size);
        const js = verdict(JS_INFLATER, bytes, size);
        expect(['ok', 'overflow', 'short', 'truncated', 'invalid']).toContain(native.reason);
        // Where both accept, they agree on every byte.
        if (native.reason === 'ok' && js.reason === 'ok') expect(native.bytes?.equals(js.bytes as Buffer)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('computes the same CRC-32 as the TypeScript CRC', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(NATIVE_INFLATER.crc32(data)).toBe(JS_INFLATER.crc32(data));
      }),
    );
  });
});

const inputs: { name: string; bytes: Uint8Array }[] = [
  ...fixtureDirs().map((d) => {
    const f = loadFixture(d);
    return { name: f.file, bytes: f.bytes };
  }),
  ...readdirSync(SAMPLE_SUBMISSIONS)
    .filter((n) => n.endsWith('.xlsx'))
    .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(SAMPLE_SUBMISSIONS, n))) })),
];

describe('checkFile gives the same result with either inflater', () => {
  it('has the shared fixtures and the bundled samples to compare', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(inputs.map((i) => [i.name, i] as const))('%s', (_name, input) => {
    const native = checkFile(input.bytes, input.name, NATIVE_INFLATER);
    expect(native.status).toBe('ok');
    expect(native).toEqual(checkFile(input.bytes, input.name, JS_INFLATER));
  });

  it('damaged copies (bytes changed, file cut short) are refused or read alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: inputs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        (which, flips, cut) => {
          const bytes = inputs[which].bytes.slice();
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged = cut === undefined ? bytes : bytes.subarray(0, Math.max(0, bytes.length - 1 - (cut % 4096)));
          const native = checkFile(damaged, 'damaged.xlsx', NATIVE_INFLATER);
          const js = checkFile(damaged, 'damaged.xlsx', JS_INFLATER);
          if (native.status === 'ok' || js.status === 'ok') expect(native).toEqual(js);
          // Both refuse; a stream that is both oversized and broken may be named either way (zlib decodes in chunks).
          else if (native.error?.code !== js.error?.code) expect([native.error?.code, js.error?.code].sort()).toEqual(['read.corrupt', 'read.limit.entry-size']);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an entry that inflates to more than it declares is refused as a limit, not read', () => {
    const z = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: 'a'.repeat(100_000), declaredSize: 1000 },
    ]);
    expect(checkFile(z, 'liar.xlsx', NATIVE_INFLATER).error?.code).toBe('read.limit.entry-size');
    expect(checkFile(z, 'liar.xlsx', JS_INFLATER).error?.code).toBe('read.limit.entry-size');
  });
});
