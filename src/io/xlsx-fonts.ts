/**
 * Font names per cell for .xlsx/.xlsm: SheetJS community edition does not expose fonts, so this reads
 * them from the package parts SheetJS already inflated — xl/styles.xml (<fonts>, <cellXfs fontId>)
 * and each worksheet's `s` (style index) attributes, scanned as bytes without building strings.
 * Pure: no Node APIs.
 */

/** Returns the bytes of a package part by path (case-insensitive, no leading slash), or null. */
export type PartReader = (path: string) => Uint8Array | null;

export interface CellFonts {
  /** Font name of the cell at 0-based (r, c) of the sheet at `sheetIndex` (workbook order). */
  fontAt(sheetIndex: number, r: number, c: number): string | undefined;
  /** Distinct font names the cell formats use. */
  names: string[];
}

const utf8 = new TextDecoder('utf-8');

function text(read: PartReader, path: string): string | null {
  const b = read(path);
  return b ? utf8.decode(b) : null;
}

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Resolves a relationship target against the directory of the part that owns the rels. */
function resolveTarget(base: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const parts = base.split('/');
  parts.pop();
  for (const step of t.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string | null, owner: string): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (!id || target === undefined) continue;
    const external = attr(m[1], 'TargetMode') === 'External';
    out.push({
      id,
      type: attr(m[1], 'Type') ?? '',
      target: external ? target : resolveTarget(owner, target),
    });
  }
  return out;
}

function findWorkbookPart(read: PartReader): string {
  const ct = text(read, '[Content_Types].xml');
  if (ct) {
    for (const m of ct.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
      const type = attr(m[1], 'ContentType') ?? '';
      const name = attr(m[1], 'PartName');
      if (name && /(\.sheet|\.template|macroEnabled|\.addin[^+]*)\.main\+xml$/i.test(type)) {
        return name.replace(/^\//, '');
      }
    }
  }
  const root = parseRels(text(read, '_rels/.rels'), '');
  const doc = root.find((r) => /\/officeDocument$/.test(r.type));
  if (doc && read(doc.target)) return doc.target;
  return 'xl/workbook.xml';
}

/** Font name of each cell format (cellXfs index), from styles.xml. */
export function parseStyleFonts(xml: string): (string | undefined)[] {
  const fontsBlock = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml);
  const names: (string | undefined)[] = [];
  if (fontsBlock) {
    for (const m of fontsBlock[1].matchAll(/<(?:\w+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?font>)/g)) {
      const inner = m[1] ?? '';
      const n = /<(?:\w+:)?name\b([^>]*)>/.exec(inner);
      names.push(n ? attr(n[1], 'val') : undefined);
    }
  }
  const xfBlock = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  const xfFont: (string | undefined)[] = [];
  if (xfBlock) {
    for (const m of xfBlock[1].matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
      const id = Number(attr(m[1], 'fontId') ?? '0');
      xfFont.push(Number.isInteger(id) ? names[id] : undefined);
    }
  }
  return xfFont;
}

// ---------------------------------------------------------------------------------------------
// Byte-level scan of <row r> / <c r s> in a worksheet part.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}
function isNameChar(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x5f ||
    b === 0x2d ||
    b === 0x2e
  );
}

/** Style index per cell: rows[r][c] = s, only for cells that carry an `s` attribute. */
export type StyleGrid = (number[] | undefined)[];

/**
 * Finds every <c> in <sheetData> and its style index. Cells and rows without `r` follow the previous
 * one, as Excel and SheetJS read them.
 */
export function scanSheetStyles(b: Uint8Array): StyleGrid {
  const rows: StyleGrid = [];
  let row = -1;
  let col = -1;
  const n = b.length;
  let i = 0;
  while (i < n) {
    if (b[i] !== LT) {
      i++;
      continue;
    }
    // Tag name (skip a namespace prefix).
    let j = i + 1;
    if (b[j] === SLASH || b[j] === 0x3f || b[j] === 0x21) {
      i = j;
      continue;
    }
    let nameStart = j;
    while (j < n && isNameChar(b[j])) j++;
    if (b[j] === COLON) {
      j++;
      nameStart = j;
      while (j < n && isNameChar(b[j])) j++;
    }
    const len = j - nameStart;
    const isRow =
      len === 3 && b[nameStart] === 0x72 && b[nameStart + 1] === 0x6f && b[nameStart + 2] === 0x77;
    const isCell = len === 1 && b[nameStart] === 0x63;
    if (!isRow && !isCell) {
      i = j;
      continue;
    }
    // Attributes up to '>'.
    let rAttr: [number, number] | null = null;
    let sAttr: [number, number] | null = null;
    while (j < n && b[j] !== GT) {
      if (isSpace(b[j]) || b[j] === SLASH) {
        j++;
        continue;
      }
      const aStart = j;
      while (j < n && b[j] !== EQ && !isSpace(b[j]) && b[j] !== GT) j++;
      const aLen = j - aStart;
      while (j < n && isSpace(b[j])) j++;
      if (b[j] !== EQ) continue;
      j++;
      while (j < n && isSpace(b[j])) j++;
      const q = b[j];
      if (q !== DQ && q !== SQ) continue;
      const vStart = ++j;
      while (j < n && b[j] !== q) j++;
      const vEnd = j;
      j++;
      if (aLen === 1 && b[aStart] === 0x72) rAttr = [vStart, vEnd];
      else if (aLen === 1 && b[aStart] === 0x73) sAttr = [vStart, vEnd];
    }
    i = j + 1;
    if (isRow) {
      row = rAttr ? parseDigits(b, rAttr[0], rAttr[1]) - 1 : row + 1;
      col = -1;
      continue;
    }
    // A cell.
    if (rAttr) {
      const ref = decodeRef(b, rAttr[0], rAttr[1]);
      if (ref) {
        col = ref[1];
        if (ref[0] >= 0) row = ref[0];
      } else col++;
    } else col++;
    if (sAttr && row >= 0) {
      const s = parseDigits(b, sAttr[0], sAttr[1]);
      if (s > 0) {
        const arr = rows[row] ?? (rows[row] = []);
        arr[col] = s;
      }
    }
  }
  return rows;
}

function parseDigits(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  let any = false;
  for (let k = s; k < e; k++) {
    const d = b[k] - 0x30;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    any = true;
  }
  return any ? v : 0;
}

/** "AB12" -> [11, 27]; a reference without digits gives row -1. */
function decodeRef(b: Uint8Array, s: number, e: number): [number, number] | null {
  let k = s;
  let c = 0;
  while (k < e) {
    let ch = b[k];
    if (ch === 0x24) {
      k++;
      continue;
    }
    if (ch >= 0x61 && ch <= 0x7a) ch -= 0x20;
    if (ch < 0x41 || ch > 0x5a) break;
    c = c * 26 + (ch - 0x40);
    k++;
  }
  if (c === 0) return null;
  if (b[k] === 0x24) k++;
  const r = k < e ? parseDigits(b, k, e) - 1 : -1;
  return [r, c - 1];
}

/**
 * Reads the font of every cell of an OOXML workbook. `sheetCount` is the number of sheets SheetJS
 * returned (workbook order). Returns null when the package has no styles.
 */
export function readXlsxFonts(read: PartReader): CellFonts | null {
  const wbPath = findWorkbookPart(read);
  const wbXml = text(read, wbPath);
  if (!wbXml) return null;
  const rels = parseRels(text(read, relsPathOf(wbPath)), wbPath);
  const stylesRel = rels.find((r) => /\/styles$/.test(r.type));
  const stylesPath = stylesRel?.target ?? resolveTarget(wbPath, 'styles.xml');
  const stylesXml = text(read, stylesPath) ?? text(read, 'xl/styles.xml');
  if (!stylesXml) return null;
  const xfFont = parseStyleFonts(stylesXml);
  if (xfFont.length === 0) return null;
  const names = [...new Set(xfFont.filter((x): x is string => x !== undefined))];
  const defaultFont = xfFont[0];

  // Sheets in workbook order and their parts.
  const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(wbXml);
  const sheetParts: (string | null)[] = [];
  if (sheetsBlock) {
    let k = 0;
    for (const m of sheetsBlock[1].matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const rid = /(?:^|\s)(?:\w+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
      const id = rid ? (rid[1] ?? rid[2]) : undefined;
      const rel = id ? rels.find((r) => r.id === id) : undefined;
      sheetParts.push(rel ? rel.target : `xl/worksheets/sheet${k + 1}.xml`);
      k++;
    }
  }

  // One font name for every format: no need to look at the cells.
  if (names.length <= 1 && xfFont.every((f) => f === defaultFont)) {
    return { names, fontAt: () => defaultFont };
  }
  const grids: (StyleGrid | null)[] = sheetParts.map((p) => {
    if (!p) return null;
    const bytes = read(p);
    return bytes ? scanSheetStyles(bytes) : null;
  });
  return {
    names,
    fontAt(sheetIndex, r, c) {
      const g = grids[sheetIndex];
      const s = g?.[r]?.[c] ?? 0;
      return xfFont[s] ?? defaultFont;
    },
  };
}
