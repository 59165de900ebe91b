/**
 * Node only: writes the data rows of a big table as sheet XML directly, into the parts exceljs wrote.
 *
 * exceljs builds an object for every cell and then its XML, which takes most of the time of writing a
 * master with tens of thousands of rows. The master writer (master-file.ts) lets exceljs write the
 * sheet with the table's FIRST data row followed by two template rows (every column's cell with the
 * column's plain style, then with its date style, no values); this module reads the style ids of the
 * template rows, replaces them with the remaining data rows, adds their text to the shared strings and
 * moves the end of the table's range (table and auto filter `ref`, the sheet's `<dimension>`).
 * Data validations and conditional formats are given their final range by the writer already.
 *
 * The XML is what exceljs itself writes for the same cells: text as shared strings (never formulas),
 * escaped as exceljs escapes it (the control characters XML 1.0 forbids are dropped), numbers and
 * booleans as such, dates as serial numbers of the workbook's date system, a missing value as a cell
 * with the column's style only, row heights as `ht` with `customHeight`.
 */

/** A cell value as the master writer hands it to exceljs. */
export type BulkValue = string | number | boolean | Date | null;

export interface BulkRow {
  values: BulkValue[];
  /** Per column: the cell takes the column's date style (else its plain style). */
  dated: boolean[];
}

export interface BulkTable {
  /** The table's name (as in xl/tables/tableN.xml). */
  name: string;
  /** 1-based row of the first data row, which exceljs wrote; the templates are the two rows below. */
  firstRow: number;
  /** Columns of the table (from column A). */
  width: number;
  /** The data rows after the first one (at least one). */
  rows: BulkRow[];
  /** Row heights by 1-based row number. */
  heights: ReadonlyMap<number, number>;
  /** The workbook counts dates from 1904. */
  date1904: boolean;
}

/** The parts to replace (name → new content) so that the zip holds every table's rows. */
export function bulkRowParts(parts: ReadonlyMap<string, Buffer>, tables: BulkTable[]): Map<string, Buffer> {
  const out = new Map<string, string | Buffer>();
  const text = (name: string): string => {
    const done = out.get(name);
    if (done !== undefined) return typeof done === 'string' ? done : done.toString('utf8');
    const data = parts.get(name);
    if (!data) throw new Error(`sheet-xml: no part ${name}`);
    return data.toString('utf8');
  };
  const strings = new SharedStrings(text('xl/sharedStrings.xml'));
  for (const t of tables) {
    if (t.rows.length === 0 || t.width === 0) throw new Error('sheet-xml: nothing to write');
    const tablePart = findTablePart(parts, t.name);
    const sheetPart = findSheetOf(parts, tablePart);
    const last = t.firstRow + t.rows.length;
    const lastCol = colLetters(t.width - 1);
    const oldRef = `A${t.firstRow - 1}:${lastCol}${t.firstRow + 2}`;
    const tableXml = text(tablePart);
    if (!tableXml.includes(`ref="${oldRef}"`)) throw new Error('sheet-xml: unexpected table range');
    out.set(tablePart, tableXml.split(`ref="${oldRef}"`).join(`ref="A${t.firstRow - 1}:${lastCol}${last}"`));
    out.set(sheetPart, patchSheet(text(sheetPart), t, strings, last));
  }
  out.set('xl/sharedStrings.xml', strings.xml());
  const result = new Map<string, Buffer>();
  for (const [name, xml] of out) result.set(name, typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml);
  return result;
}

function findTablePart(parts: ReadonlyMap<string, Buffer>, name: string): string {
  const attr = `name="${xmlEncode(name)}"`;
  for (const [part, data] of parts) {
    if (!/^xl\/tables\/table\d+\.xml$/.test(part)) continue;
    const head = data.subarray(0, 2000).toString('utf8');
    if (head.includes(` ${attr}`)) return part;
  }
  throw new Error(`sheet-xml: no table ${name}`);
}

function findSheetOf(parts: ReadonlyMap<string, Buffer>, tablePart: string): string {
  const target = `Target="../tables/${tablePart.slice('xl/tables/'.length)}"`;
  for (const [part, data] of parts) {
    const m = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(part);
    if (m && data.toString('utf8').includes(target)) return `xl/worksheets/${m[1]}`;
  }
  throw new Error(`sheet-xml: no sheet for ${tablePart}`);
}

/** Style ids of a template row, by column (0-based); undefined: no style. */
function templateStyles(rowXml: string, width: number): (string | undefined)[] {
  const ids: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  const re = /<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g;
  for (let m = re.exec(rowXml); m; m = re.exec(rowXml)) {
    const c = colIndex(m[1]!);
    if (c < width) ids[c] = m[2];
  }
  return ids;
}

function rowSpan(xml: string, r: number): { start: number; end: number } {
  const start = xml.indexOf(`<row r="${r}" `);
  if (start < 0) throw new Error(`sheet-xml: no row ${r}`);
  const close = xml.indexOf('</row>', start);
  const selfClose = xml.indexOf('/>', start);
  const open = xml.indexOf('>', start);
  // `<row …/>` (no cells) or `<row …>…</row>`
  const end = selfClose >= 0 && selfClose < open ? selfClose + 2 : close + '</row>'.length;
  if (end < start + 6) throw new Error(`sheet-xml: bad row ${r}`);
  return { start, end };
}

function patchSheet(xml: string, t: BulkTable, strings: SharedStrings, last: number): Buffer {
  const plainRow = rowSpan(xml, t.firstRow + 1);
  const dateRow = rowSpan(xml, t.firstRow + 2);
  if (dateRow.start !== plainRow.end) throw new Error('sheet-xml: template rows not adjacent');
  if (!xml.startsWith('</sheetData>', dateRow.end)) throw new Error('sheet-xml: rows after the table');
  const plain = templateStyles(xml.slice(plainRow.start, plainRow.end), t.width);
  const dated = templateStyles(xml.slice(dateRow.start, dateRow.end), t.width);

  let head = xml.slice(0, plainRow.start);
  // The sheet's used range ends at the table's last row now.
  const dim = /<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"\/>/.exec(head);
  if (dim) {
    if (Number(dim[3]) !== t.firstRow + 2) throw new Error('sheet-xml: unexpected dimension');
    head = head.replace(dim[0], `<dimension ref="${dim[1]}:${dim[2]}${last}"/>`);
  }
  const out = new AsciiOut(Buffer.byteLength(head) + t.rows.length * t.width * 40);
  out.text(head);
  writeRows(out, t, plain, dated, strings);
  out.text(xml.slice(dateRow.end));
  return out.result();
}

/**
 * The rows as bytes, straight into the output: the cells' XML is ASCII only (references, style ids,
 * numbers, shared-string ids; the text is in the shared strings), so no string is built per cell.
 */
function writeRows(
  out: AsciiOut,
  t: BulkTable,
  plain: (string | undefined)[],
  dated: (string | undefined)[],
  strings: SharedStrings,
): void {
  const ascii = (x: string) => Buffer.from(x, 'latin1');
  // per column and style (plain, dated): what comes before the row number, and after it per kind of value
  const open = Array.from({ length: t.width }, (_, c) => ascii(`<c r="${colLetters(c)}`));
  const after = (style: string | undefined) => {
    const s = style ? ` s="${style}"` : '';
    return {
      styled: style !== undefined,
      text: ascii(`"${s} t="s"><v>`),
      number: ascii(`"${s}><v>`),
      bool: ascii(`"${s} t="b"><v>`),
      empty: ascii(`"${s}/>`),
    };
  };
  const kinds = [plain.map(after), dated.map(after)] as const;
  const close = ascii('</v></c>');
  const rowOpen = ascii('<row r="');
  const rowTail = ascii(' x14ac:dyDescent="0.25"');
  // A column often repeats the text of the row above (the unit, the file, the date): its id again.
  const lastText: (string | undefined)[] = new Array<string | undefined>(t.width).fill(undefined);
  const lastId: number[] = new Array<number>(t.width).fill(0);
  t.rows.forEach((row, i) => {
    const r = t.firstRow + 1 + i;
    const rowNo = ascii(String(r));
    let min = 0;
    let max = 0;
    for (let c = 0; c < t.width; c++) {
      const k = kinds[row.dated[c] ? 1 : 0][c]!;
      if ((row.values[c] ?? null) === null && !k.styled) continue;
      if (!min) min = c + 1;
      max = c + 1;
    }
    out.bytes(rowOpen);
    out.bytes(rowNo);
    out.char(0x22); // "
    const h = t.heights.get(r);
    if (h) out.text(` ht="${h}" customHeight="1"`);
    if (min > 0) out.text(` spans="${min}:${max}"`);
    out.bytes(rowTail);
    if (min === 0) {
      out.text('/>');
      return;
    }
    out.char(0x3e); // >
    for (let c = 0; c < t.width; c++) {
      const k = kinds[row.dated[c] ? 1 : 0][c]!;
      const v = row.values[c] ?? null;
      if (v === null) {
        if (!k.styled) continue;
        out.bytes(open[c]!);
        out.bytes(rowNo);
        out.bytes(k.empty);
        continue;
      }
      out.bytes(open[c]!);
      out.bytes(rowNo);
      if (typeof v === 'string') {
        out.bytes(k.text);
        if (v === lastText[c]) out.uint(strings.again(lastId[c]!));
        else {
          lastText[c] = v;
          out.uint((lastId[c] = strings.add(v)));
        }
      } else if (typeof v === 'number') {
        out.bytes(k.number);
        out.number(v);
      } else if (typeof v === 'boolean') {
        out.bytes(k.bool);
        out.char(v ? 0x31 : 0x30);
      } else {
        out.bytes(k.number);
        out.number(dateToExcel(v, t.date1904));
      }
      out.bytes(close);
    }
    out.text('</row>');
  });
}

/** A growing byte buffer for the sheet's XML. */
class AsciiOut {
  private buf: Buffer;
  private len = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, size));
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  char(code: number): void {
    this.room(1);
    this.buf[this.len++] = code;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(Buffer.byteLength(s));
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /** A non-negative integer below 2^31. */
  uint(n: number): void {
    this.room(10);
    if (n < 10) {
      this.buf[this.len++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let x = n; x > 0; x = Math.floor(x / 10)) digits++;
    let at = this.len + digits;
    this.len = at;
    for (let x = n; x > 0; x = Math.floor(x / 10)) this.buf[--at] = 48 + (x % 10);
  }

  /** A number as JavaScript writes it (as exceljs does). */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) this.uint(v);
    else this.text(String(v));
  }

  result(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

/** As exceljs: days since 1899-12-30 (or 1904-01-01). */
function dateToExcel(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / (24 * 3600 * 1000) - (date1904 ? 1462 : 0);
}

/** The shared strings part, to which new strings are added (after the ones exceljs wrote). */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly added: string[] = [];
  private count: number;
  private readonly unique: number;
  private readonly head: string;
  private readonly before: string;
  private readonly body: string;

  constructor(xml: string) {
    const m = /<sst\b[^>]*>/.exec(xml);
    const count = m && /\scount="(\d+)"/.exec(m[0]);
    const unique = m && /\suniqueCount="(\d+)"/.exec(m[0]);
    const end = xml.lastIndexOf('</sst>');
    if (!m || !count || !unique || end < 0) throw new Error('sheet-xml: unexpected shared strings');
    this.count = Number(count[1]);
    this.unique = Number(unique[1]);
    this.head = m[0];
    this.before = xml.slice(0, m.index);
    this.body = xml.slice(m.index + m[0].length, end);
  }

  /** One more use of a string already added, by its id. */
  again(id: number): number {
    this.count++;
    return id;
  }

  add(s: string): number {
    this.count++;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.unique + this.added.length;
      this.ids.set(s, id);
      this.added.push(s);
    }
    return id;
  }

  xml(): string {
    const head = this.head
      .replace(/(\scount=")\d+"/, `$1${this.count}"`)
      .replace(/(\suniqueCount=")\d+"/, `$1${this.unique + this.added.length}"`);
    const items = this.added.map((s) =>
      /^\s|\n|\s$/.test(s)
        ? `<si><t xml:space="preserve">${xmlEncode(s)}</t></si>`
        : `<si><t>${xmlEncode(s)}</t></si>`,
    );
    return this.before + head + this.body + items.join('') + '</sst>';
  }
}

/**
 * Text for XML as exceljs writes it: `"&'<>` escaped; the control characters XML 1.0 forbids
 * (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and U+007F dropped.
 */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
export function xmlEncode(s: string): string {
  XML_SPECIAL.lastIndex = 0;
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(XML_SPECIAL, (ch) => {
    switch (ch) {
      case '"':
        return '&quot;';
      case '&':
        return '&amp;';
      case "'":
        return '&apos;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '';
    }
  });
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}
