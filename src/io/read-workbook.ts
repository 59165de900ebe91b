/**
 * Reads any returned spreadsheet into the neutral grid: .xlsx, .xlsm, .xlsb, .xls (BIFF2-BIFF8), .ods,
 * .fods, .csv/.tsv, SpreadsheetML 2003 .xml, and HTML tables saved as ".xls". The format is decided by
 * the bytes first, the name second. Bad files give an issue and `workbook: null`, never a throw.
 *
 * Parsing is SheetJS (@e965/xlsx) in dense mode with cellDates:false (dates stay serial numbers);
 * font names, which SheetJS community edition does not expose, come from xlsx-fonts / biff-fonts.
 * Pure: no Node APIs (it also runs in a browser Web Worker). For a time and memory limit on hostile
 * files, Node callers use src/io/node/read-file.ts, which runs this in a worker thread.
 */

import * as XLSX from '@e965/xlsx';
import type { CellRange, FileFormat, GridCell, GridSheet, GridWorkbook, SheetVisibility } from '../core/grid';
import { makeIssue, type Issue, type IssueCode } from '../core/issues';
import { decodeText, detectDelimiter, estimateFields, plainNumber, sepLine, type DecodedText } from './csv';
import { scanBiff, type BiffScan } from './biff-fonts';
import { DEFAULT_LIMITS, formatBytes, formatCount, resolveLimits, type ReadLimits } from './limits';
import {
  SPREADSHEET_EXTS,
  bytesInclude,
  classifyZip,
  listZipEntries,
  localData,
  sniff,
  zipKey,
  type ZipEntry,
} from './sniff';
import { readXlsxFonts, unescapeXml, type CellFonts } from './xlsx-fonts';

export interface ReadOptions {
  /** Overrides of the default safety limits (see limits.ts). */
  limits?: Partial<ReadLimits>;
}

export interface ReadResult {
  workbook: GridWorkbook | null;
  issues: Issue[];
}

/** Excel's own sheet size. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;

/** Thrown inside this module to stop with an issue; never escapes readWorkbook. */
class Refusal extends Error {
  constructor(
    readonly code: IssueCode,
    readonly params: Record<string, string | number | undefined>,
  ) {
    super(code);
  }
}

function refuse(code: IssueCode, detail?: string, extra: Record<string, string | number> = {}): never {
  throw new Refusal(code, { detail, ...extra });
}

function tooLarge(detail: string, limit: string): never {
  throw new Refusal('too-large', { detail, limit });
}

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '');
}

/** Reads a spreadsheet file's bytes into the neutral grid. Never throws. */
export function readWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult {
  const file = baseName(fileName);
  // A view in this realm (Buffers from another realm or context fail SheetJS's instanceof checks).
  const data =
    bytes instanceof Uint8Array && bytes.constructor === Uint8Array
      ? bytes
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limits = resolveLimits(opts.limits);
  try {
    const workbook = readInner(data, file, limits);
    return { workbook, issues: [] };
  } catch (e) {
    if (e instanceof Refusal) return { workbook: null, issues: [makeIssue(e.code, { file }, e.params)] };
    return { workbook: null, issues: [issueFromError(e, file)] };
  }
}

/** Maps an unexpected parser error to an issue. */
function issueFromError(e: unknown, file: string): Issue {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) return makeIssue('encrypted-file', { file });
  if (e instanceof RangeError && /allocation|array length|memory|string length/i.test(msg)) {
    return makeIssue('too-large', { file }, { detail: 'không đủ bộ nhớ để đọc', limit: '—' });
  }
  return makeIssue('unreadable-file', { file }, { detail: `nội dung tệp bị hỏng (${shortMessage(msg)})` });
}

function shortMessage(msg: string): string {
  const m = msg.replace(/\s+/g, ' ').trim() || 'lỗi không rõ';
  return m.length > 120 ? `${m.slice(0, 117)}...` : m;
}

function readInner(bytes: Uint8Array, file: string, limits: ReadLimits): GridWorkbook {
  if (bytes.length > limits.maxBytes) {
    tooLarge(`tệp ${formatBytes(bytes.length)}`, formatBytes(limits.maxBytes));
  }
  const sn = sniff(bytes, file);
  switch (sn.container) {
    case 'empty':
      return refuse('unreadable-file', 'tệp rỗng (0 byte)');
    case 'foreign':
      return refuse('unsupported-format', sn.what);
    case 'binary':
      if (SPREADSHEET_EXTS.has(sn.ext)) {
        return refuse(
          'unreadable-file',
          `tệp mang đuôi .${sn.ext} nhưng nội dung không phải bảng tính nào được biết`,
        );
      }
      return refuse(
        'unsupported-format',
        sn.ext ? `tệp .${sn.ext} không phải bảng tính` : 'không nhận ra định dạng tệp',
      );
    case 'zip':
      return readZip(bytes, file, limits);
    case 'cfb':
      return readCfb(bytes, file, limits);
    case 'biff':
      return readBareBiff(bytes, file, limits);
    case 'xml':
    case 'html':
      return readMarkup(bytes, file, limits, sn.format ?? 'xml');
    case 'text':
      return readText(bytes, file, limits, sn.ext);
  }
}

// ---------------------------------------------------------------------------------------------
// SheetJS

const BASE_OPTS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellDates: false,
  cellNF: true,
  cellFormula: true,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
};

/** Runs SheetJS with its console diagnostics muted (they are not for the clerk). */
function sheetjsRead(data: Uint8Array | string, extra: XLSX.ParsingOptions): XLSX.WorkBook {
  const c = console as unknown as Record<'error' | 'warn' | 'log', (...a: unknown[]) => void>;
  const saved = { error: c.error, warn: c.warn, log: c.log };
  const mute = () => undefined;
  c.error = mute;
  c.warn = mute;
  c.log = mute;
  try {
    return XLSX.read(data, { ...BASE_OPTS, ...extra });
  } finally {
    c.error = saved.error;
    c.warn = saved.warn;
    c.log = saved.log;
  }
}

// ---------------------------------------------------------------------------------------------
// Zip packages: xlsx, xlsm, xlsb, ods

interface CfbEntry {
  content?: Uint8Array | number[];
}

/** The part of Node's zlib module that is used (see useZlib). */
export interface ZlibLike {
  InflateRaw: unknown;
  inflateRawSync(data: Uint8Array, opts?: { maxOutputLength?: number }): Uint8Array;
}

let nativeInflate: ((data: Uint8Array, maxOut: number) => Uint8Array) | null = null;

/**
 * Node: inflate zip entries with native zlib, for SheetJS and for this module. It is faster, and it
 * fails cleanly on corrupt deflate data, on which SheetJS's pure-JavaScript inflater can loop forever
 * (found by the fuzz test). Without it (in a browser), run readWorkbook in a Web Worker with a time limit.
 */
export function useZlib(zlib: ZlibLike): void {
  (XLSX.CFB as { utils: { use_zlib: (z: unknown) => void } }).utils.use_zlib(zlib);
  nativeInflate = (data, maxOut) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxOut) });
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const raw = localData(bytes, e);
  if (!raw) return null;
  if (e.method === 0) return raw;
  if (e.method !== 8 || raw.length === 0) return null;
  try {
    // An entry that inflates past its declared size fails here (native) or is cut (pure JS).
    if (nativeInflate) return nativeInflate(raw, e.uncompressedSize);
    const inflate = (XLSX.CFB as { utils: { _inflateRaw: (d: Uint8Array, usz: number) => Uint8Array } }).utils
      ._inflateRaw;
    const out = inflate(raw, e.uncompressedSize);
    return out.length > e.uncompressedSize ? out.subarray(0, e.uncompressedSize) : out;
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder('utf-8');

/** An XML document that declares entities (the "billion laughs" bomb) is refused. */
function checkNoEntities(head: string, part: string): void {
  if (/<!ENTITY/i.test(head)) {
    refuse(
      'unreadable-file',
      `phần „${part}” khai báo thực thể XML (<!ENTITY>), dấu hiệu của tệp độc hại (XML bomb); Excel không bao giờ ghi như vậy`,
    );
  }
}

function readZip(bytes: Uint8Array, file: string, limits: ReadLimits): GridWorkbook {
  const entries = listZipEntries(bytes);
  if (!entries || entries.length === 0) {
    return refuse('unreadable-file', 'tệp nén (zip) bị hỏng hoặc không trọn vẹn, có thể do tải về chưa xong');
  }
  if (entries.some((e) => (e.flags & 1) !== 0)) return refuse('encrypted-file');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxEntryBytes) {
      tooLarge(
        `phần „${e.name}” giải nén ra ${formatBytes(e.uncompressedSize)}`,
        formatBytes(limits.maxEntryBytes),
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    tooLarge(`nội dung giải nén ra ${formatBytes(total)}`, formatBytes(limits.maxUncompressedBytes));
  }
  const byKey = new Map(entries.map((e) => [zipKey(e.name), e]));
  const entryText = (name: string, max = 1024 * 1024): string | null => {
    const e = byKey.get(name);
    if (!e || e.uncompressedSize > max) return null;
    const b = inflateEntry(bytes, e);
    return b ? utf8.decode(b) : null;
  };
  const kind = classifyZip(entries, (n) => entryText(n));
  if (!kind.format) return refuse('unsupported-format', kind.what);

  if (kind.format === 'ods') return readOds(bytes, file, limits, byKey, entryText);

  let wb: XLSX.WorkBook;
  try {
    wb = sheetjsRead(bytes, { bookFiles: kind.format !== 'xlsb' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) return refuse('encrypted-file');
    if (kind.format === 'xlsb') {
      return refuse(
        'unsupported-format',
        `tệp Excel nhị phân .xlsb không đọc được (${shortMessage(msg)}); hãy lưu lại dưới dạng .xlsx`,
      );
    }
    return refuse('unreadable-file', `tệp Excel bị hỏng (${shortMessage(msg)})`);
  }
  let fonts: CellFonts | null = null;
  const files = (wb as unknown as { files?: Record<string, CfbEntry> }).files;
  if (files) {
    const parts = new Map<string, Uint8Array>();
    for (const [k, v] of Object.entries(files)) {
      const c = v?.content;
      if (c && c.length) parts.set(zipKey(k), c instanceof Uint8Array ? c : Uint8Array.from(c));
    }
    for (const [k, c] of parts) {
      if (/\.(xml|rels|vml)$/.test(k) && bytesInclude(c, '<!ENTITY', 64 * 1024))
        checkNoEntities('<!ENTITY', k);
    }
    fonts = readXlsxFonts((p) => parts.get(zipKey(p)) ?? null);
    delete (wb as unknown as { files?: unknown }).files;
  }
  return toGrid(wb, file, kind.format, limits, fonts ? { fonts } : {});
}

/** ODS: refuse encrypted packages and repeat bombs before SheetJS expands anything. */
function readOds(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  byKey: Map<string, ZipEntry>,
  entryText: (name: string, max?: number) => string | null,
): GridWorkbook {
  const manifest = entryText('meta-inf/manifest.xml');
  if (manifest && /encryption-data/.test(manifest)) return refuse('encrypted-file');
  const contentEntry = byKey.get('content.xml');
  if (!contentEntry) return refuse('unreadable-file', 'tệp ODS thiếu phần nội dung (content.xml)');
  const content = entryText('content.xml', limits.maxEntryBytes);
  if (content === null) return refuse('unreadable-file', 'phần nội dung (content.xml) của tệp ODS bị hỏng');
  checkNoEntities(content.slice(0, 64 * 1024), 'content.xml');
  const styles = entryText('styles.xml');
  if (styles) checkNoEntities(styles.slice(0, 64 * 1024), 'styles.xml');
  checkOdsRepeats(content, limits);
  let wb: XLSX.WorkBook;
  try {
    wb = sheetjsRead(bytes, {});
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) return refuse('encrypted-file');
    return refuse('unreadable-file', `tệp ODS bị hỏng (${shortMessage(msg)})`);
  }
  return toGrid(wb, file, 'ods', limits, { hiddenNames: odsHiddenTables(content) });
}

/** Names of ODS tables whose table style says display="false" (SheetJS does not read it). */
export function odsHiddenTables(xml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  const styleRe = /<(?:[\w.-]+:)?style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?style>)/g;
  for (const m of xml.matchAll(styleRe)) {
    if (!/family\s*=\s*["']table["']/.test(m[1])) continue;
    if (!/(?:^|\s)(?:[\w.-]+:)?display\s*=\s*["']false["']/.test(m[2] ?? '')) continue;
    const name = /(?:^|\s)(?:[\w.-]+:)?name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    if (name) hiddenStyles.add(name[1] ?? name[2]);
  }
  const out = new Set<string>();
  if (hiddenStyles.size === 0) return out;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?table\b([^>]*)>/g)) {
    const style = /(?:^|\s)(?:[\w.-]+:)?style-name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const name = /(?:^|\s)(?:[\w.-]+:)?name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    if (style && name && hiddenStyles.has(style[1] ?? style[2])) out.add(unescapeXml(name[1] ?? name[2]));
  }
  return out;
}

/**
 * ODS rows and cells carry repeat counts (table:number-rows-repeated, number-columns-repeated).
 * Empty repeated cells cost nothing, but SheetJS expands every repeated cell that has content; the
 * product of the repeats must stay within the cell limit, and rows within Excel's sheet size.
 */
export function odsCellCost(xml: string): { cells: number; rows: number; cols: number } {
  const re =
    /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let cells = 0;
  let rowRepeat = 1;
  let rows = 0;
  let maxRows = 0;
  let col = 0;
  let maxCols = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const closing = m[1] === '/';
    const name = m[2];
    const attrs = m[3];
    const selfClosing = m[4] === '/';
    if (name === 'table') {
      if (!closing) {
        rows = 0;
      }
      continue;
    }
    if (name === 'table-row') {
      if (closing) continue;
      rowRepeat = repeatOf(attrs, 'number-rows-repeated');
      col = 0;
      if (selfClosing) {
        rows += rowRepeat;
        continue;
      }
      // Rows are counted when they close would be cleaner; counting at open is enough for a bound.
      rows += rowRepeat;
      continue;
    }
    if (closing) continue;
    const colRepeat = repeatOf(attrs, 'number-columns-repeated');
    let hasContent = /(?:^|\s)(?:[\w.-]+:)?value-type\s*=/.test(attrs);
    if (!selfClosing && !hasContent) {
      const close = xml.indexOf('table-cell>', re.lastIndex);
      const inner = xml.slice(re.lastIndex, close < 0 ? xml.length : close);
      hasContent =
        /<(?:[\w.-]+:)?(p|h|span|a|s)\b/.test(inner) && /[^\s]/.test(inner.replace(/<[^>]*>/g, ''));
    }
    col += colRepeat;
    if (hasContent && name === 'table-cell') {
      cells += rowRepeat * (selfClosing ? 1 : colRepeat);
      if (rows > maxRows) maxRows = rows;
      if (col > maxCols) maxCols = col;
    }
    if (cells > Number.MAX_SAFE_INTEGER / 2) break;
  }
  return { cells, rows: maxRows, cols: maxCols };
}

function repeatOf(attrs: string, name: string): number {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*["']\\s*(\\d+)`).exec(attrs);
  if (!m) return 1;
  const n = Number(m[1]);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function checkOdsRepeats(xml: string, limits: ReadLimits): void {
  const cost = odsCellCost(xml);
  if (cost.cells > limits.maxCells) {
    tooLarge(
      `các ô lặp lại (number-rows-repeated / number-columns-repeated) tạo ra ${formatCount(cost.cells)} ô`,
      `${formatCount(limits.maxCells)} ô`,
    );
  }
  if (cost.rows > EXCEL_MAX_ROWS || cost.cols > EXCEL_MAX_COLS) {
    tooLarge(
      `dữ liệu kéo dài tới dòng ${formatCount(cost.rows)}, cột ${formatCount(cost.cols)}`,
      `${formatCount(EXCEL_MAX_ROWS)} dòng × ${formatCount(EXCEL_MAX_COLS)} cột`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// OLE2 compound files: .xls BIFF5/8, encrypted OOXML

interface CfbContainer {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content?: Uint8Array | number[] }[];
}

function readCfb(bytes: Uint8Array, file: string, limits: ReadLimits): GridWorkbook {
  let cfb: CfbContainer;
  try {
    cfb = (XLSX.CFB as { read: (d: Uint8Array, o: { type: string }) => CfbContainer }).read(bytes, {
      type: 'array',
    });
  } catch (e) {
    return refuse(
      'unreadable-file',
      `cấu trúc tệp Office 97-2003 (OLE) bị hỏng (${shortMessage(e instanceof Error ? e.message : String(e))})`,
    );
  }
  const names = cfb.FullPaths.map((p) => p.replace(/\/$/, '').replace(/^.*\//, '').toUpperCase());
  const stream = (name: string): Uint8Array | null => {
    const i = names.indexOf(name.toUpperCase());
    if (i < 0) return null;
    const c = cfb.FileIndex[i]?.content;
    if (!c || c.length === 0) return null;
    return c instanceof Uint8Array ? c : Uint8Array.from(c);
  };
  const hasStream = (name: string) => names.includes(name.toUpperCase());
  if (hasStream('EncryptionInfo') || hasStream('EncryptedPackage') || hasStream('encryption')) {
    return refuse('encrypted-file');
  }
  const book = stream('Workbook') ?? stream('Book');
  if (!book) {
    if (hasStream('WordDocument')) return refuse('unsupported-format', 'tài liệu Word 97-2003 (.doc)');
    if (hasStream('PowerPoint Document'))
      return refuse('unsupported-format', 'bản trình chiếu PowerPoint 97-2003 (.ppt)');
    if (hasStream('PerfectOffice_MAIN') || hasStream('NativeContent_MAIN')) {
      return readWithSheetjs(bytes, file, limits, 'xls', null);
    }
    return refuse('unreadable-file', 'tệp Office 97-2003 không chứa bảng tính (không có luồng Workbook)');
  }
  const scan = scanBiff(book);
  if (scan.encrypted) return refuse('encrypted-file');
  return readWithSheetjs(bytes, file, limits, 'xls', scan);
}

function readBareBiff(bytes: Uint8Array, file: string, limits: ReadLimits): GridWorkbook {
  const scan = scanBiff(bytes);
  if (scan.encrypted) return refuse('encrypted-file');
  return readWithSheetjs(bytes, file, limits, 'xls', scan);
}

function readWithSheetjs(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
  format: FileFormat,
  scan: BiffScan | null,
): GridWorkbook {
  let wb: XLSX.WorkBook;
  try {
    wb = sheetjsRead(bytes, {});
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) return refuse('encrypted-file');
    return refuse('unreadable-file', `tệp Excel 97-2003 bị hỏng (${shortMessage(msg)})`);
  }
  return toGrid(wb, file, format, limits, scan ? { fonts: scan, biff: scan } : {});
}

// ---------------------------------------------------------------------------------------------
// Markup: SpreadsheetML 2003, flat ODS, HTML tables

function readMarkup(bytes: Uint8Array, file: string, limits: ReadLimits, format: FileFormat): GridWorkbook {
  const decoded = decodeText(bytes);
  const text = decoded.text;
  checkNoEntities(text.slice(0, 64 * 1024), file);
  if (format === 'fods') {
    checkOdsRepeats(text, limits);
  } else {
    const re = format === 'html' ? /<t[dh]\b/gi : /<(?:\w+:)?Cell\b/g;
    let count = 0;
    while (re.exec(text)) {
      if (++count > limits.maxCells)
        tooLarge(`hơn ${formatCount(limits.maxCells)} ô`, `${formatCount(limits.maxCells)} ô`);
    }
  }
  let wb: XLSX.WorkBook;
  try {
    wb = sheetjsRead(text, { type: 'string' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) return refuse('encrypted-file');
    const what = format === 'html' ? 'trang HTML' : format === 'fods' ? 'tệp ODS dạng XML' : 'tệp XML';
    return refuse('unreadable-file', `${what} không đọc được như bảng tính (${shortMessage(msg)})`);
  }
  if (wb.SheetNames.length === 0) {
    return refuse(
      'unreadable-file',
      format === 'html' ? 'trang HTML không có bảng nào' : 'tệp XML không phải bảng tính',
    );
  }
  return toGrid(wb, file, format, limits, format === 'fods' ? { hiddenNames: odsHiddenTables(text) } : {});
}

// ---------------------------------------------------------------------------------------------
// CSV / TSV

function readText(bytes: Uint8Array, file: string, limits: ReadLimits, ext: string): GridWorkbook {
  const decoded: DecodedText = decodeText(bytes);
  let text = decoded.text;
  const sep = sepLine(text);
  const delimiter = sep ? sep.delimiter : detectDelimiter(text, ext === 'tsv' || ext === 'tab');
  if (sep) text = text.slice(sep.length);
  const isTab = delimiter === '\t';
  if (!['csv', 'tsv', 'tab', 'txt', 'prn', ''].includes(ext) && !SPREADSHEET_EXTS.has(ext)) {
    return refuse('unsupported-format', `tệp văn bản .${ext}`);
  }
  if (!['csv', 'tsv', 'tab'].includes(ext)) {
    // A .txt, or a ".xls" that is really text: accept it only if it is clearly delimited.
    if (!looksDelimited(text, delimiter)) {
      return ext === 'txt' || ext === ''
        ? refuse('unsupported-format', 'tệp văn bản thường, không phải bảng tính')
        : refuse(
            'unreadable-file',
            `tệp mang đuôi .${ext} nhưng nội dung là văn bản thường, không phải bảng tính`,
          );
    }
  }
  const fields = estimateFields(text, delimiter);
  if (fields > limits.maxCells)
    tooLarge(`khoảng ${formatCount(fields)} ô`, `${formatCount(limits.maxCells)} ô`);
  let wb: XLSX.WorkBook;
  try {
    // "sep=" first line makes SheetJS use the delimiter as given and skip its content sniffing
    // (a CSV starting with "ID" would otherwise be taken for SYLK).
    wb = sheetjsRead(`sep=${delimiter}\n${text}`, { type: 'string', raw: true });
  } catch (e) {
    return refuse(
      'unreadable-file',
      `tệp CSV không đọc được (${shortMessage(e instanceof Error ? e.message : String(e))})`,
    );
  }
  const format: FileFormat = isTab && ext !== 'csv' ? 'tsv' : 'csv';
  const grid = toGrid(wb, file, format, limits, { csv: true });
  grid.delimiter = delimiter;
  for (const s of grid.sheets) s.name = s.name || 'Sheet1';
  return grid;
}

/** At least two lines, most of which split into the same number (>1) of fields. */
function looksDelimited(text: string, delimiter: string): boolean {
  const lines = text
    .split(/\r\n|\n|\r/)
    .slice(0, 50)
    .filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const counts = lines.map((l) => l.split(delimiter).length);
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [c, n] of freq) if (n > bestN) [best, bestN] = [c, n];
  return best > 1 && bestN >= Math.max(2, Math.ceil(lines.length * 0.6));
}

// ---------------------------------------------------------------------------------------------
// SheetJS workbook -> grid

interface GridExtras {
  fonts?: CellFonts;
  /** Sheets known to be hidden from outside SheetJS (ODS table styles). */
  hiddenNames?: Set<string>;
  biff?: BiffScan;
  csv?: boolean;
}

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function visibilityOf(h: unknown): SheetVisibility {
  return h === 2 ? 'veryHidden' : h === 1 || h === true ? 'hidden' : 'visible';
}

function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function toGrid(
  wb: XLSX.WorkBook,
  file: string,
  format: FileFormat,
  limits: ReadLimits,
  x: GridExtras,
): GridWorkbook {
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const wbSheets = wb.Workbook?.Sheets ?? [];
  const biffSheets = x.biff && x.biff.sheets.length === wb.SheetNames.length ? x.biff.sheets : null;
  const biffByName = x.biff ? new Map(x.biff.sheets.map((s, i) => [s.name, i])) : null;
  let totalCells = 0;
  let totalChars = 0;
  const sheets: GridSheet[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet | undefined;
    const meta = wbSheets.find((s) => s && s.name === name) ?? wbSheets[i];
    let visibility = visibilityOf(meta?.Hidden);
    if (visibility === 'visible' && x.hiddenNames?.has(name)) visibility = 'hidden';
    // Font lookups: for .xls, the index of the sheet in the record walk.
    let fontSheet = i;
    if (x.biff) {
      if (biffSheets) visibility = visibilityOf(biffSheets[i].hidden);
      else {
        const k = biffByName?.get(name);
        fontSheet = k ?? -1;
        if (k !== undefined) visibility = visibilityOf(x.biff.sheets[k].hidden);
      }
    }
    const rows: (GridCell | undefined)[][] = [];
    const merges: CellRange[] = [];
    if (ws) {
      const data = (ws as { '!data'?: XLSX.CellObject[][] })['!data'];
      const visit = (r: number, c: number, cell: XLSX.CellObject | undefined) => {
        if (!cell) return;
        const g = toCell(cell, date1904, x.csv === true);
        if (!g) return;
        if (r >= EXCEL_MAX_ROWS || c >= EXCEL_MAX_COLS) {
          tooLarge(
            `trang „${name}” có ô ở dòng ${formatCount(r + 1)}, cột ${formatCount(c + 1)}`,
            `${formatCount(EXCEL_MAX_ROWS)} dòng × ${formatCount(EXCEL_MAX_COLS)} cột`,
          );
        }
        if (++totalCells > limits.maxCells) {
          tooLarge(`hơn ${formatCount(limits.maxCells)} ô`, `${formatCount(limits.maxCells)} ô`);
        }
        totalChars += typeof g.v === 'string' ? g.v.length : (g.w?.length ?? 0);
        if (totalChars > limits.maxTextChars) {
          tooLarge(
            `nội dung chữ của các ô vượt ${formatCount(limits.maxTextChars)} ký tự (có thể một chuỗi rất dài được lặp lại ở nhiều ô)`,
            `${formatCount(limits.maxTextChars)} ký tự`,
          );
        }
        if (x.fonts && fontSheet >= 0) {
          const f = x.fonts.fontAt(fontSheet, r, c);
          if (f !== undefined) g.font = f;
        }
        const row = rows[r] ?? (rows[r] = []);
        row[c] = g;
      };
      if (data) {
        // for-in: only the rows and cells present (the arrays may be very sparse).
        for (const rk in data) {
          const row = data[rk as unknown as number];
          if (!row) continue;
          const r = Number(rk);
          for (const ck in row) visit(r, Number(ck), row[ck as unknown as number]);
        }
      } else {
        for (const key of Object.keys(ws)) {
          if (key[0] === '!') continue;
          const a = XLSX.utils.decode_cell(key);
          visit(a.r, a.c, ws[key] as XLSX.CellObject);
        }
      }
      for (const m of ws['!merges'] ?? []) {
        merges.push({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } });
      }
    }
    // Dense rows: every row up to the last one is an array.
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { name, visibility, rows, merges };
  });
  return { fileName: file, format, sheets };
}

function toCell(cell: XLSX.CellObject, date1904: boolean, csv: boolean): GridCell | null {
  const f = typeof cell.f === 'string' && cell.f !== '' ? cell.f : undefined;
  let out: GridCell;
  switch (cell.t) {
    case 's': {
      const v = cell.v === undefined || cell.v === null ? '' : String(cell.v);
      if (csv) {
        const n = plainNumber(v);
        out = n === null ? { v, w: v } : { v: n, w: v };
      } else out = { v, w: v };
      break;
    }
    case 'n': {
      let v = typeof cell.v === 'number' ? cell.v : Number(cell.v);
      const z = typeof cell.z === 'string' ? cell.z : undefined;
      // Serial numbers of a 1904 workbook are moved to the 1900 system every consumer assumes.
      if (date1904 && z && XLSX.SSF.is_date(z)) v += 1462;
      out = { v, w: typeof cell.w === 'string' ? cell.w : String(v) };
      if (z !== undefined) out.z = z;
      break;
    }
    case 'b':
      out = { v: !!cell.v, w: typeof cell.w === 'string' ? cell.w : cell.v ? 'TRUE' : 'FALSE' };
      break;
    case 'e': {
      const text = typeof cell.w === 'string' ? cell.w : (ERROR_TEXT[Number(cell.v)] ?? '#ERROR');
      out = { v: text, w: text, err: true };
      break;
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const v = dateToSerial(d);
      out = { v, w: typeof cell.w === 'string' ? cell.w : String(v) };
      if (typeof cell.z === 'string') out.z = cell.z;
      break;
    }
    default:
      return null; // stub
  }
  if (f !== undefined) out.f = f;
  return out;
}

export { DEFAULT_LIMITS };
export type { ReadLimits };
