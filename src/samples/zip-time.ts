/**
 * exceljs (through JSZip) stamps every zip entry with the current time, so regenerating the samples would change
 * every committed .xlsx although nothing in it changed. Setting the DOS date/time of each entry to one fixed value
 * makes `npm run samples` reproducible byte for byte. Pure byte work (no Node API), length and CRCs untouched.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** 2024-03-08 00:00:00 in MS-DOS format (the date the samples' 填报日期 use). */
const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 8;
const DOS_TIME = 0;

export function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65557); i--) {
    if (view.getUint32(i, true) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count && view.getUint32(p, true) === CENTRAL; n++) {
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === LOCAL) {
      view.setUint16(local + 10, DOS_TIME, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
