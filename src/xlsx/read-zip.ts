/**
 * What the bytes are, before any spreadsheet library sees them: magic bytes, the zip central directory (read by
 * hand, sizes checked against READ_LIMITS), entry names (.xlsb, .ods, .numbers renamed to .xlsx), then a bounded
 * inflate of the XML parts with a CRC check and a DOCTYPE/ENTITY check. No Node API.
 */
import { LIMIT_NAMES, READ_LIMITS, type ReadLimits } from './limits';
import { ReadError, type ReadErrorCode } from './read-error';
import { InflateError, JS_INFLATER, type Inflater } from './read-inflate';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export type FileKind = 'xlsx' | 'xlsb' | 'ods' | 'numbers' | 'other-zip';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

function corrupt(detailEn: string, detailZh = '文件已损坏或不完整'): ReadError {
  return new ReadError('read.corrupt', `${detailZh}，无法读取（压缩包结构错误：${detailEn}）。请用 Excel 重新打开并另存为 .xlsx。`, `The file is corrupt or truncated (${detailEn}). Open it in Excel and save it again as .xlsx.`);
}

export function limitError(code: ReadErrorCode, name: keyof ReadLimits, max: number, found: number): ReadError {
  const n = LIMIT_NAMES[name];
  return new ReadError(code, `超出读取限制：${n.zh}为 ${found}，上限 ${max}。文件可能是恶意构造的（压缩炸弹）或过大，请拆分后再试。`, `Read limit exceeded: ${n.en} is ${found}, the limit is ${max}. The file may be a decompression bomb or too large; split it and try again.`, { name, max, found });
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pat = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pat[i * 2] = word.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    if (bytes[i] !== pat[0]) continue;
    for (let j = 1; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Reject what is not a zip: empty, too big, CFB (.xls / encrypted .xlsx), anything else. */
export function sniff(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): void {
  if (bytes.length === 0) throw new ReadError('read.empty', '文件为空（0 字节），请确认上传的是填好的工作簿。', 'The file is empty (0 bytes).');
  if (bytes.length > limits.maxFileBytes) throw limitError('read.limit.file-size', 'maxFileBytes', limits.maxFileBytes, bytes.length);
  if (bytes.length >= 8 && CFB_MAGIC.every((m, i) => bytes[i] === m)) {
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new ReadError('read.encrypted', '工作簿设有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后另存为 .xlsx。', 'The workbook is password-protected (encrypted). Remove the password in Excel and save it again as .xlsx.');
    }
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) {
      throw new ReadError('read.xls', '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再提交。', 'This is a legacy Excel 97-2003 workbook (.xls). Save it as .xlsx and try again.');
    }
    throw new ReadError('read.not-xlsx', '这是 OLE 复合文档（可能是 Word 或旧版 Office 文件），不是 .xlsx 工作簿。', 'This is an OLE compound file (perhaps Word or old Office), not an .xlsx workbook.');
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return;
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) throw corrupt('unexpected zip signature');
  throw new ReadError('read.not-xlsx', '不是 .xlsx 工作簿（文件开头不是 zip 压缩包；可能是 CSV、HTML、PDF 或改了扩展名的其他文件）。请用 Excel 另存为 .xlsx。', 'Not an .xlsx workbook (the file is not a zip package; maybe CSV, HTML, PDF or another file renamed). Save it as .xlsx in Excel.');
}

/** The central directory, every size checked against the limits before anything is inflated. */
export function readZipDirectory(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): ZipEntry[] {
  const len = bytes.length;
  let eocd = -1;
  for (let i = len - 22; i >= 0 && i >= len - 22 - 65535; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('end of central directory not found (truncated?)', '文件不完整（可能下载或复制时被截断）');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw corrupt('zip64 locator missing');
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > len || u32(bytes, rec) !== 0x06064b50) throw corrupt('zip64 record missing');
    count = u64(bytes, rec + 32);
    cdSize = u64(bytes, rec + 40);
    cdOffset = u64(bytes, rec + 48);
  }
  if (count > limits.maxZipEntries) throw limitError('read.limit.zip-entries', 'maxZipEntries', limits.maxZipEntries, count);
  if (cdOffset + cdSize > len) throw corrupt('central directory outside the file (truncated?)', '文件不完整（可能下载或复制时被截断）');
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > len || u32(bytes, p) !== 0x02014b50) throw corrupt('bad central directory entry');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen > len) throw corrupt('bad central directory entry');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field: the 64-bit values present only for the fields set to 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const sz = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + sz) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + sz) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + sz) localOffset = u64(bytes, q);
      }
      e += 4 + sz;
    }
    if (flags & 1) throw new ReadError('read.encrypted', '压缩包内容已加密，无法读取。请去掉密码后另存为 .xlsx。', 'The package content is encrypted. Remove the password and save it again as .xlsx.');
    if (size > limits.maxEntryBytes) throw limitError('read.limit.entry-size', 'maxEntryBytes', limits.maxEntryBytes, size);
    total += size;
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.maxDecompressedBytes) throw limitError('read.limit.decompressed', 'maxDecompressedBytes', limits.maxDecompressedBytes, total);
  for (const e of entries) {
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > limits.ratioMinBytes && ratio > limits.maxCompressionRatio) {
      throw limitError('read.limit.ratio', 'maxCompressionRatio', limits.maxCompressionRatio, Math.round(ratio));
    }
  }
  return entries;
}

export function kindOf(entries: readonly ZipEntry[]): FileKind {
  const names = entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n === 'index/document.iwa' || n.startsWith('index/') && n.endsWith('.iwa'))) return 'numbers';
  if (names.some((n) => /(^|\/)workbook\.xml$/.test(n))) return 'xlsx';
  if (names.some((n) => /(^|\/)workbook\.bin$/.test(n))) return 'xlsb';
  if (names.includes('content.xml') || names.includes('mimetype') || names.includes('meta-inf/manifest.xml')) return 'ods';
  return 'other-zip';
}

export function rejectKind(kind: FileKind): void {
  switch (kind) {
    case 'xlsx':
      return;
    case 'xlsb':
      throw new ReadError('read.xlsb', '这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再提交。', 'This is an Excel binary workbook (.xlsb). Save it as .xlsx and try again.');
    case 'ods':
      throw new ReadError('read.ods', '这是 OpenDocument 表格（.ods，WPS/LibreOffice 默认格式），请另存为 Excel 工作簿（.xlsx）后再提交。', 'This is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) and try again.');
    case 'numbers':
      throw new ReadError('read.numbers', '这是 Apple Numbers 文件，请在 Numbers 中“导出为 Excel（.xlsx）”后再提交。', 'This is an Apple Numbers file. Export it to Excel (.xlsx) and try again.');
    default:
      throw new ReadError('read.not-xlsx', '压缩包中没有 Excel 工作簿（可能是 Word、PowerPoint 或普通 zip 文件）。', 'The zip package holds no Excel workbook (maybe Word, PowerPoint or a plain zip).');
  }
}

/** The parts a spreadsheet reader needs: XML and relationship parts (images and binaries are skipped). */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

const PROLOG_DOCTYPE = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<!/;

/**
 * Whether bytes hold `<!` (0x3C 0x21). In UTF-8 those are ASCII and never part of another character, and the
 * decoder never swallows an ASCII byte into a replacement character, so the decoded text holds `<!` exactly when
 * the bytes do.
 */
function hasMarkupDeclOpen(bytes: Uint8Array): boolean {
  // Look for the `!`, which XML rarely holds, and check the byte before it.
  for (let i = bytes.indexOf(0x21, 1); i > 0; i = bytes.indexOf(0x21, i + 1)) {
    if (bytes[i - 1] === 0x3c) return true;
  }
  return false;
}

/** True when the XML part declares a DOCTYPE or an ENTITY (billion laughs and external entities). */
export function hasDoctype(data: Uint8Array): boolean {
  const head = data.subarray(0, Math.min(data.length, 65536));
  // Every pattern below needs `<!`; nearly no part has one, and then decoding 64 KB to find none is wasted.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && !hasMarkupDeclOpen(head)) return false;
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head);
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head);
  else text = new TextDecoder('utf-8').decode(head);
  return PROLOG_DOCTYPE.test(text) || /<!ENTITY/i.test(text) || /<!DOCTYPE/i.test(text);
}

/** Inflate one entry into exactly its declared size, check the CRC and reject DTDs. */
export function extractEntry(bytes: Uint8Array, e: ZipEntry, inflater: Inflater = JS_INFLATER): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw corrupt(`bad local header for ${e.name}`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  if (start + e.compressedSize > bytes.length) throw corrupt(`${e.name} runs past the end of the file (truncated?)`, '文件不完整（可能下载或复制时被截断）');
  const raw = bytes.subarray(start, start + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw corrupt(`stored entry ${e.name} has inconsistent sizes`);
    data = raw;
  } else if (e.method === 8) {
    try {
      data = inflater.inflateRaw(raw, e.size);
    } catch (err) {
      if (err instanceof InflateError && err.reason === 'overflow') {
        throw new ReadError('read.limit.entry-size', `超出读取限制：压缩包条目 ${e.name} 解压后比声明的 ${e.size} 字节更大（可能是压缩炸弹）。`, `Read limit exceeded: zip entry ${e.name} inflates to more than its declared ${e.size} bytes (possible decompression bomb).`, { name: 'maxEntryBytes', max: e.size, found: e.size + 1 });
      }
      throw corrupt(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    throw corrupt(`unsupported compression method ${e.method} for ${e.name}`);
  }
  if (inflater.crc32(data) !== e.crc) throw corrupt(`CRC mismatch in ${e.name}`);
  if (hasDoctype(data)) {
    throw new ReadError('read.xml-doctype', `工作簿部件 ${e.name} 含有 DOCTYPE/ENTITY 声明，Excel 不会生成这种内容，出于安全考虑拒绝读取。`, `Workbook part ${e.name} declares a DOCTYPE/ENTITY, which Excel never writes; refused for safety.`);
  }
  return data;
}

export interface UnzippedWorkbook {
  readonly entries: readonly ZipEntry[];
  /** XML parts by name, inflated. */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

/** Sniff, read the directory, reject non-xlsx packages, inflate and check every XML part. */
export function unzipWorkbook(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS, inflater: Inflater = JS_INFLATER): UnzippedWorkbook {
  sniff(bytes, limits);
  const entries = readZipDirectory(bytes, limits);
  rejectKind(kindOf(entries));
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith('/') || !isXmlPart(e.name)) continue;
    parts.set(e.name, extractEntry(bytes, e, inflater));
  }
  return { entries, parts };
}
