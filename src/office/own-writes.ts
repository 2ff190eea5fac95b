/**
 * The add-in's own writes, so live validation can tell them from the user's edits.
 *
 * Excel raises `worksheets.onChanged` for every value write, the add-in's included, and delivers the event
 * asynchronously: it may arrive after the write's `context.sync()` has resolved. A plain "writing" flag would
 * miss those late events, so each write records the ranges it touches and keeps them for a short grace period
 * after it ends; an event is ours when every cell it covers was written by us within that window.
 * Events carry an address and a worksheet id, not the sheet name, so cells are matched by address only: a user
 * edit of the same address on another sheet within the window is missed by live validation (the 校验 button
 * always re-checks).
 */

/** How long after a write its change events are still taken for ours. */
export const OWN_WRITE_GRACE_MS = 2000;
/** Events covering more cells than this are checked by containment only. */
const MAX_EVENT_CELLS = 10000;

interface Box {
  readonly c0: number;
  readonly r0: number;
  readonly c1: number;
  readonly r1: number;
}

interface Entry {
  readonly boxes: readonly Box[];
  /** Still ours until then; Infinity while the write is running. */
  until: number;
}

const entries: Entry[] = [];
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "E11", "E11:F12" or "'Sheet'!E11" as a box; undefined for whole rows or columns. */
function boxOf(address: string): Box | undefined {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(bare);
  if (!m) return undefined;
  const c0 = colIndex(m[1]);
  const r0 = Number(m[2]);
  return { c0, r0, c1: m[3] ? colIndex(m[3]) : c0, r1: m[4] ? Number(m[4]) : r0 };
}

function prune(now: number): void {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].until < now) entries.splice(i, 1);
}

/** Runs `write` (which syncs) with `addresses` marked as the add-in's own until the grace period after it. */
export async function asOwnWrite<T>(addresses: Iterable<string>, write: () => Promise<T>): Promise<T> {
  const boxes: Box[] = [];
  for (const a of addresses) {
    const b = boxOf(a);
    if (b) boxes.push(b);
  }
  const entry: Entry = { boxes, until: Infinity };
  entries.push(entry);
  try {
    return await write();
  } finally {
    entry.until = Date.now() + OWN_WRITE_GRACE_MS;
  }
}

/** True when a change event at `address` was caused by one of the add-in's recent writes. */
export function isOwnChange(address: string): boolean {
  prune(Date.now());
  const e = boxOf(address);
  if (!e) return false;
  const boxes = entries.flatMap((x) => x.boxes);
  const inside = (b: Box) => e.c0 >= b.c0 && e.c1 <= b.c1 && e.r0 >= b.r0 && e.r1 <= b.r1;
  if (boxes.some(inside)) return true;
  // Excel may report two adjacent writes as one range: then every cell must be ours.
  if ((e.c1 - e.c0 + 1) * (e.r1 - e.r0 + 1) > MAX_EVENT_CELLS) return false;
  for (let c = e.c0; c <= e.c1; c++)
    for (let r = e.r0; r <= e.r1; r++) if (!boxes.some((b) => c >= b.c0 && c <= b.c1 && r >= b.r0 && r <= b.r1)) return false;
  return true;
}

/** For tests: forget every recorded write. */
export function resetOwnWrites(): void {
  entries.length = 0;
}
