/**
 * Writing many cells within Excel on the web's 5 MB request limit.
 *
 * Everything to write is a list of rectangular blocks. Their cells are read as one stream (block by block,
 * row by row) and sent in chunks of `chunkCells` cells per `context.sync()`; a chunk may end mid-row, so the
 * number of round trips is exactly ceil(cells / chunkCells). A chunk refused as too large is sent again at half
 * the size, and the smaller size is kept for the rest (the limit is per request).
 * Each cell gets its number format in the same request and before its value: '@' (text) for every string, so
 * phones, codes and 1-1 stay as typed and "=…" never becomes a formula; General for numbers.
 */
import { columnLetter } from '../core/grid/types';

export type WriteValue = string | number;

export interface Block {
  readonly sheet: string;
  /** 0-based top-left cell. */
  readonly row: number;
  readonly col: number;
  /** Rectangular: every row as long as the first. */
  readonly rows: readonly (readonly WriteValue[])[];
}

export const DEFAULT_CHUNK_CELLS = 10000;
/** Below this a refused chunk is not the payload's fault: give up. */
const MIN_CHUNK_CELLS = 16;

export function blockCells(b: Block): number {
  return b.rows.length * (b.rows[0]?.length ?? 0);
}

export function totalCells(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + blockCells(b), 0);
}

export interface Rect {
  readonly sheet: string;
  readonly address: string;
  readonly values: WriteValue[][];
}

function rect(b: Block, r0: number, r1: number, c0: number, c1: number): Rect {
  const values: WriteValue[][] = [];
  for (let r = r0; r <= r1; r++) values.push(b.rows[r].slice(c0, c1 + 1) as WriteValue[]);
  const a = `${columnLetter(b.col + c0)}${b.row + r0 + 1}`;
  const z = `${columnLetter(b.col + c1)}${b.row + r1 + 1}`;
  return { sheet: b.sheet, address: a === z ? a : `${a}:${z}`, values };
}

/** The rectangles holding cells [from, to) of the stream: at most three per block touched. Pure. */
export function rectsBetween(blocks: readonly Block[], from: number, to: number): Rect[] {
  const out: Rect[] = [];
  let base = 0;
  for (const b of blocks) {
    const n = blockCells(b);
    const a = Math.max(from, base) - base;
    const z = Math.min(to, base + n) - base; // exclusive
    base += n;
    if (z <= a) continue;
    const w = b.rows[0].length;
    const ra = Math.floor(a / w);
    const ca = a % w;
    const rz = Math.floor((z - 1) / w);
    const cz = (z - 1) % w;
    if (ra === rz) {
      out.push(rect(b, ra, ra, ca, cz));
      continue;
    }
    let first = ra;
    if (ca > 0) {
      out.push(rect(b, ra, ra, ca, w - 1));
      first = ra + 1;
    }
    const lastFull = cz === w - 1 ? rz : rz - 1;
    if (lastFull >= first) out.push(rect(b, first, lastFull, 0, w - 1));
    if (cz < w - 1) out.push(rect(b, rz, rz, 0, cz));
  }
  return out;
}

/** RichApi.Error RequestPayloadSizeLimitExceeded, or a host that only says "payload" in its message. */
export function isPayloadError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return code === 'RequestPayloadSizeLimitExceeded' || (typeof message === 'string' && /payload/i.test(message));
}

export interface ChunkOptions {
  readonly chunkCells?: number;
  /** Cells written so far, and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Wraps each chunk's sync (the own-writes guard). */
  readonly wrapSync?: (rects: readonly Rect[], sync: () => Promise<void>) => Promise<void>;
}

/** Writes the blocks; returns the number of syncs used (refused attempts included). */
export async function writeBlocks(context: Excel.RequestContext, blocks: readonly Block[], options: ChunkOptions = {}): Promise<{ syncs: number; chunkCells: number }> {
  let size = Math.max(1, Math.floor(options.chunkCells ?? DEFAULT_CHUNK_CELLS));
  const total = totalCells(blocks);
  let done = 0;
  let syncs = 0;
  options.onProgress?.(0, total);
  while (done < total) {
    const end = Math.min(done + size, total);
    const rects = rectsBetween(blocks, done, end);
    for (const r of rects) {
      const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.address);
      range.numberFormat = r.values.map((row) => row.map((v) => (typeof v === 'number' ? 'General' : '@')));
      range.values = r.values;
    }
    try {
      syncs++;
      if (options.wrapSync) await options.wrapSync(rects, () => context.sync());
      else await context.sync();
      done = end;
      options.onProgress?.(done, total);
    } catch (e) {
      if (!isPayloadError(e) || size <= MIN_CHUNK_CELLS) throw e;
      size = Math.floor(size / 2);
    }
  }
  return { syncs, chunkCells: size };
}
