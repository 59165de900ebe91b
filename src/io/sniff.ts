/**
 * Format detection: by magic bytes first, by file name second. A ".xls" that is really HTML, CSV or
 * SpreadsheetML 2003 XML is read as what it is. Also a minimal zip central-directory reader, so that
 * declared sizes can be checked before anything is inflated. Pure: no Node APIs.
 */

import type { FileFormat } from '../core/grid';

export type Container =
  | 'empty'
  | 'zip' // xlsx, xlsm, xlsb, ods, or something else zipped
  | 'cfb' // OLE2 compound file: xls BIFF5/8, encrypted OOXML, .doc ...
  | 'biff' // bare BIFF2-4 stream (Excel 2-4 worksheet, no OLE container)
  | 'xml' // SpreadsheetML 2003 or flat ODS
  | 'html'
  | 'text' // CSV / TSV / other plain text
  | 'foreign' // a known non-spreadsheet (PDF, image, archive, ...)
  | 'binary'; // unknown binary

export interface SniffResult {
  container: Container;
  /** Format as far as it can be told without parsing; refined after looking inside zips and CFBs. */
  format: FileFormat | null;
  /** Lower-case extension of the file name without the dot ("xlsx"), "" if none. */
  ext: string;
  /** Vietnamese name of what the file is, when it is not a spreadsheet ("tài liệu PDF"). */
  what?: string;
}

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Extensions under which we expect a spreadsheet. */
export const SPREADSHEET_EXTS = new Set([
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'xlsb',
  'xls',
  'xlt',
  'xla',
  'xls5',
  'biff5',
  'ods',
  'ots',
  'fods',
  'csv',
  'tsv',
  'xml',
]);

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Known non-spreadsheet signatures. */
const FOREIGN: { sig: number[]; at?: number; what: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46], what: 'tài liệu PDF' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'ảnh PNG' },
  { sig: [0xff, 0xd8, 0xff], what: 'ảnh JPEG' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'ảnh GIF' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'ảnh TIFF' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'ảnh TIFF' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'tệp nén RAR (hãy giải nén rồi gửi tệp bảng tính bên trong)' },
  {
    sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    what: 'tệp nén 7z (hãy giải nén rồi gửi tệp bảng tính bên trong)',
  },
  { sig: [0x1f, 0x8b], what: 'tệp nén gzip (hãy giải nén rồi gửi tệp bảng tính bên trong)' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'văn bản RTF' },
  { sig: [0x52, 0x49, 0x46, 0x46], what: 'tệp âm thanh/hình ảnh (RIFF)' },
];

/** Head of the file as Latin-1 text (for looking at markup); at most `n` bytes. */
export function headText(bytes: Uint8Array, n = 4096): string {
  const end = Math.min(bytes.length, n);
  const parts: string[] = [];
  for (let i = 0; i < end; i += 8192) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(end, i + 8192)))));
  }
  return parts.join('');
}

/** True when the ASCII `needle` occurs in the first `limit` bytes. */
export function bytesInclude(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  const first = needle.charCodeAt(0);
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function hasNul(bytes: Uint8Array, n: number): boolean {
  const end = Math.min(bytes.length, n);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Classifies markup (XML/HTML) from its head. */
function sniffMarkup(
  head: string,
): { container: Container; format: FileFormat | null; what?: string } | null {
  const t = head
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (!t.startsWith('<')) return null;
  if (t.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { container: 'xml', format: 'xml' };
  if (t.includes('opendocument.spreadsheet') || (t.includes('office:document') && t.includes('table:'))) {
    return { container: 'xml', format: 'fods' };
  }
  if (/<(!doctype\s+html|html|table|body|head|meta)\b/.test(t)) return { container: 'html', format: 'html' };
  if (t.includes('<?mso-application progid="excel.sheet"?>')) return { container: 'xml', format: 'xml' };
  if (t.includes('office:document'))
    return { container: 'foreign', format: null, what: 'văn bản OpenDocument dạng XML' };
  if (t.includes('urn:schemas-microsoft-com:office:word')) {
    return { container: 'foreign', format: null, what: 'tài liệu Word dạng XML' };
  }
  // Other XML: let the reader try SpreadsheetML; it will say if it cannot.
  return { container: 'xml', format: 'xml' };
}

/** Looks at the first bytes (and the name only where bytes cannot tell). */
export function sniff(bytes: Uint8Array, fileName: string): SniffResult {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) return { container: 'empty', format: null, ext };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { container: 'zip', format: null, ext };
  }
  if (startsWith(bytes, CFB_MAGIC)) return { container: 'cfb', format: 'xls', ext };
  // Bare BIFF2-4 stream: a BOF record (0x0009, 0x0209, 0x0409, 0x0809) with a small length.
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x09 &&
    (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04 || bytes[1] === 0x08) &&
    bytes[3] === 0x00 &&
    bytes[2] >= 4 &&
    bytes[2] <= 20
  ) {
    return { container: 'biff', format: 'xls', ext };
  }
  for (const f of FOREIGN)
    if (startsWith(bytes, f.sig, f.at ?? 0)) return { container: 'foreign', format: null, ext, what: f.what };
  // UTF-16 text with BOM.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    let head = '';
    for (let i = 2; i + 1 < Math.min(bytes.length, 8192); i += 2) {
      head += String.fromCharCode(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    }
    const m = sniffMarkup(head);
    if (m) return { ...m, ext };
    return { container: 'text', format: textFormat(ext), ext };
  }
  const head = headText(bytes, 8192);
  const m = sniffMarkup(head);
  if (m) return { ...m, ext };
  if (hasNul(bytes, 8192)) return { container: 'binary', format: null, ext };
  return { container: 'text', format: textFormat(ext), ext };
}

function textFormat(ext: string): FileFormat {
  return ext === 'tsv' || ext === 'tab' ? 'tsv' : 'csv';
}

// ---------------------------------------------------------------------------------------------
// Zip central directory (no inflating)

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  offset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function decodeName(b: Uint8Array, start: number, len: number, utf8: boolean): string {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(start, start + len));
    } catch {
      /* fall through to Latin-1 */
    }
  }
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(b[start + i]);
  return s;
}

/**
 * Lists the entries of a zip from its central directory, with their declared sizes. Returns null when
 * the file has no readable central directory (truncated or corrupt).
 */
export function listZipEntries(b: Uint8Array): ZipEntry[] | null {
  if (b.length < 22) return null;
  // End of central directory: last occurrence of PK\5\6 (a comment of up to 64 KB may follow).
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20) {
    const loc = eocd - 20;
    if (u32(b, loc) === 0x07064b50) {
      const z64 = u64(b, loc + 8);
      if (z64 + 56 <= b.length && u32(b, z64) === 0x06064b50) {
        count = u64(b, z64 + 32);
        cdOffset = u64(b, z64 + 48);
      }
    }
  }
  if (cdOffset >= b.length) return null;
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let csz = u32(b, p + 20);
    let usz = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let offset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen > b.length) return null;
    const name = decodeName(b, p + 46, nameLen, (flags & 0x800) !== 0);
    // ZIP64 extra field: the 64-bit values present are those whose 32-bit field is 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(b, e);
      const sz = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (usz === 0xffffffff && q + 8 <= e + 4 + sz) {
          usz = u64(b, q);
          q += 8;
        }
        if (csz === 0xffffffff && q + 8 <= e + 4 + sz) {
          csz = u64(b, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= e + 4 + sz) offset = u64(b, q);
      }
      e += 4 + sz;
    }
    // SheetJS trusts the local header's sizes over the central directory's: the larger counts.
    if (offset + 30 <= b.length && u32(b, offset) === 0x04034b50) {
      const lcsz = u32(b, offset + 18);
      const lusz = u32(b, offset + 22);
      if (lusz !== 0xffffffff && lusz > usz) usz = lusz;
      if (lcsz !== 0xffffffff && lcsz > csz) csz = lcsz;
    }
    out.push({ name, method, flags, compressedSize: csz, uncompressedSize: usz, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Normalised zip path for lookups: forward slashes, no leading slash, lower case. */
export function zipKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export interface ZipKind {
  format: FileFormat | null;
  /** Set when the package is a known non-spreadsheet. */
  what?: string;
  /** Set for OpenDocument packages: the mimetype. */
  odfMime?: string;
}

/**
 * Tells what a zip package is from its entry names; `readText` returns the text of a small entry
 * (the ODF mimetype, [Content_Types].xml) or null when it is absent or unreadable.
 */
export function classifyZip(entries: ZipEntry[], readText: (name: string) => string | null): ZipKind {
  const names = new Set(entries.map((e) => zipKey(e.name)));
  const has = (n: string) => names.has(n);
  const anyEnds = (re: RegExp) => [...names].some((n) => re.test(n));
  if (has('mimetype') || has('meta-inf/manifest.xml')) {
    const m = (has('mimetype') ? (readText('mimetype') ?? '') : '').trim();
    if (m.includes('opendocument.spreadsheet')) return { format: 'ods', odfMime: m };
    if (m.includes('opendocument.text'))
      return { format: null, what: 'văn bản OpenDocument (.odt)', odfMime: m };
    if (m.includes('opendocument.presentation')) {
      return { format: null, what: 'bản trình chiếu OpenDocument (.odp)', odfMime: m };
    }
    if (m.includes('opendocument.graphics'))
      return { format: null, what: 'bản vẽ OpenDocument (.odg)', odfMime: m };
    if (has('content.xml')) return { format: 'ods', odfMime: m };
  }
  if (has('index/document.iwa') || has('index.xml') || has('index.xml.gz') || has('index.zip')) {
    return { format: null, what: 'tệp Apple Numbers (hãy xuất sang Excel .xlsx)' };
  }
  if (has('word/document.xml')) return { format: null, what: 'tài liệu Word (.docx)' };
  if (has('ppt/presentation.xml')) return { format: null, what: 'bản trình chiếu PowerPoint (.pptx)' };
  if (has('[content_types].xml') || anyEnds(/(^|\/)workbook\.(xml|bin)$/)) {
    if (anyEnds(/(^|\/)workbook\.bin$/)) return { format: 'xlsb' };
    const ct = has('[content_types].xml') ? readText('[content_types].xml') : null;
    if (ct !== null && /macroEnabled\.main\+xml/i.test(ct)) return { format: 'xlsm' };
    if (anyEnds(/vbaproject\.bin$/)) return { format: 'xlsm' };
    return { format: 'xlsx' };
  }
  return { format: null, what: 'tệp nén ZIP (hãy giải nén rồi gửi tệp bảng tính bên trong)' };
}

/** The raw (possibly compressed) bytes of an entry, located through its local header. */
export function localData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const p = e.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) return null;
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) return null;
  return bytes.subarray(start, end);
}
