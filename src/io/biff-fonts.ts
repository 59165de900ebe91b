/**
 * Font names per cell for .xls (BIFF2-BIFF8), by walking the records of the Workbook/Book stream:
 * FONT (0x0031, BIFF3/4 0x0231), XF (0x00E0; BIFF2-4 0x0043/0x0243/0x0443), BOUNDSHEET (0x0085),
 * BOF/EOF, and the cell records, each of which names its XF (BIFF2 cells name the font directly).
 * Font index 4 does not exist in any BIFF version: index n > 4 is the (n-1)-th FONT record.
 * Also reports FILEPASS (0x002F), which means the workbook is encrypted. Pure: no Node APIs.
 */

import type { CellFonts } from './xlsx-fonts';

export interface BiffSheet {
  name: string;
  /** Stream offset of the sheet's BOF record (BOUNDSHEET lbPlyPos). */
  offset: number;
  /** 0 visible, 1 hidden, 2 very hidden. */
  hidden: number;
  /** 0 worksheet, 1 macro sheet, 2 chart, 6 VB module. */
  type: number;
}

export interface BiffScan extends CellFonts {
  /** 2, 3, 4, 5 or 8; 0 when the stream does not start with a BOF record. */
  biff: number;
  /** A FILEPASS record was found: the workbook is encrypted (or XOR-obfuscated). */
  encrypted: boolean;
  /** Sheets from BOUNDSHEET records, in stream order (the order SheetJS lists them). */
  sheets: BiffSheet[];
  /** Font name of each FONT record, in record order (index 4 not skipped here). */
  fonts: string[];
}

const BOF_TYPES = new Set([0x0009, 0x0209, 0x0409, 0x0809]);

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function latin1(b: Uint8Array, s: number, n: number): string {
  let out = '';
  const e = Math.min(b.length, s + n);
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]);
  return out;
}

function utf16le(b: Uint8Array, s: number, n: number): string {
  let out = '';
  for (let k = 0; k < n && s + 2 * k + 1 < b.length; k++) out += String.fromCharCode(u16(b, s + 2 * k));
  return out;
}

/** BIFF8 ShortXLUnicodeString at `p` (cch byte, flags byte, characters); BIFF5 and older: cch + bytes. */
function shortString(b: Uint8Array, p: number, end: number, biff: number): string {
  if (p >= end) return '';
  const cch = b[p];
  if (biff >= 8) {
    const flags = b[p + 1];
    return flags & 1
      ? utf16le(b, p + 2, Math.min(cch, (end - p - 2) >> 1))
      : latin1(b, p + 2, Math.min(cch, end - p - 2));
  }
  return latin1(b, p + 1, Math.min(cch, end - p - 1));
}

/** Walks a Workbook stream (or a bare BIFF2-4 file). Never throws; stops at the first truncated record. */
export function scanBiff(stream: Uint8Array): BiffScan {
  const fonts: string[] = [];
  const xfFontIdx: number[] = [];
  const sheets: BiffSheet[] = [];
  const grids: (number[] | undefined)[][] = [];
  let biff = 0;
  let encrypted = false;
  let depth = 0;
  let substreams = 0;
  let cur = -1; // index in `sheets` of the sheet whose cells are being read
  let ordinal = 0;
  let byOffset: Map<number, number> | null = null;
  const n = stream.length;
  let pos = 0;

  const put = (r: number, c: number, fontIdx: number) => {
    if (cur < 0 || fontIdx < 0) return;
    const g = grids[cur] ?? (grids[cur] = []);
    const row = g[r] ?? (g[r] = []);
    row[c] = fontIdx;
  };
  const fontOfXf = (ixfe: number): number => {
    const f = xfFontIdx[ixfe];
    return f === undefined ? -1 : f;
  };

  while (pos + 4 <= n) {
    const type = u16(stream, pos);
    const size = u16(stream, pos + 2);
    const d = pos + 4;
    const end = d + size;
    if (end > n) break;
    if (BOF_TYPES.has(type)) {
      if (depth === 0) {
        if (substreams === 0) {
          const vers = size >= 2 ? u16(stream, d) : 0;
          biff =
            type === 0x0009
              ? 2
              : type === 0x0209
                ? 3
                : type === 0x0409
                  ? 4
                  : vers === 0x0500
                    ? 5
                    : vers === 0x0600
                      ? 8
                      : 8;
          if (biff <= 4) {
            // A bare BIFF2-4 worksheet: globals and cells share one substream.
            sheets.push({ name: 'Sheet1', offset: pos, hidden: 0, type: 0 });
            cur = 0;
          }
        } else {
          if (!byOffset) {
            byOffset = new Map();
            sheets.forEach((s, k) => byOffset!.set(s.offset, k));
          }
          cur = byOffset.get(pos) ?? (ordinal < sheets.length ? ordinal : -1);
          ordinal++;
        }
        substreams++;
      }
      depth++;
    } else if (type === 0x000a) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && biff > 4) cur = -1;
    } else if (depth === 1) {
      switch (type) {
        case 0x002f: // FILEPASS
          if (substreams === 1) encrypted = true;
          break;
        case 0x0031: // FONT (BIFF2, BIFF5, BIFF8)
          if (biff >= 5) fonts.push(shortString(stream, d + 14, end, biff));
          else fonts.push(latin1(stream, d + 5, Math.min(stream[d + 4] ?? 0, size - 5)));
          break;
        case 0x0231: // FONT (BIFF3, BIFF4)
          fonts.push(latin1(stream, d + 7, Math.min(stream[d + 6] ?? 0, size - 7)));
          break;
        case 0x00e0: // XF (BIFF5, BIFF8)
          if (size >= 2) xfFontIdx.push(u16(stream, d));
          break;
        case 0x0043: // XF (BIFF2)
        case 0x0243: // XF (BIFF3)
        case 0x0443: // XF (BIFF4)
          if (size >= 1) xfFontIdx.push(stream[d]);
          break;
        case 0x0085: // BOUNDSHEET
          if (size >= 8) {
            sheets.push({
              offset: u32(stream, d),
              hidden: stream[d + 4] & 3,
              type: stream[d + 5],
              name: shortString(stream, d + 6, end, biff),
            });
          }
          break;
        // Cell records: row, col, ixfe.
        case 0x00fd: // LABELSST
        case 0x0204: // LABEL
        case 0x00d6: // RSTRING
        case 0x0203: // NUMBER
        case 0x027e: // RK
        case 0x0201: // BLANK
        case 0x0205: // BOOLERR
        case 0x0206: // FORMULA (BIFF3)
        case 0x0406: // FORMULA (BIFF4)
          if (size >= 6) put(u16(stream, d), u16(stream, d + 2), fontOfXf(u16(stream, d + 4)));
          break;
        case 0x0006: // FORMULA (BIFF5/8); BIFF2 FORMULA has cell attributes instead
          if (biff >= 5) {
            if (size >= 6) put(u16(stream, d), u16(stream, d + 2), fontOfXf(u16(stream, d + 4)));
          } else if (size >= 7) put(u16(stream, d), u16(stream, d + 2), (stream[d + 5] >> 6) & 3);
          break;
        case 0x00bd: // MULRK: row, first col, (ixfe, rk)*, last col
          if (size >= 6) {
            const r = u16(stream, d);
            const c0 = u16(stream, d + 2);
            const count = Math.floor((size - 6) / 6);
            for (let k = 0; k < count; k++) put(r, c0 + k, fontOfXf(u16(stream, d + 4 + 6 * k)));
          }
          break;
        case 0x00be: // MULBLANK: row, first col, ixfe*, last col
          if (size >= 6) {
            const r = u16(stream, d);
            const c0 = u16(stream, d + 2);
            const count = Math.floor((size - 6) / 2);
            for (let k = 0; k < count; k++) put(r, c0 + k, fontOfXf(u16(stream, d + 4 + 2 * k)));
          }
          break;
        case 0x0001: // BIFF2 BLANK
        case 0x0002: // BIFF2 INTEGER
        case 0x0003: // BIFF2 NUMBER
        case 0x0004: // BIFF2 LABEL
        case 0x0005: // BIFF2 BOOLERR
          // BIFF2 cell attributes: byte 1 bits 6-7 are the font index (0-3).
          if (biff === 2 && size >= 7) put(u16(stream, d), u16(stream, d + 2), (stream[d + 5] >> 6) & 3);
          break;
        default:
          break;
      }
      if (encrypted) break;
    }
    pos = end;
  }

  // Font index 4 is never written: FONT record k is index k for k < 4, index k+1 after.
  const nameOf = (fontIdx: number): string | undefined => {
    if (fontIdx < 0) return undefined;
    const k = fontIdx < 4 ? fontIdx : fontIdx - 1;
    return fonts[k];
  };
  // Resolve XF font indices to names once per distinct index.
  const names = [...new Set(fonts)];
  return {
    biff,
    encrypted,
    sheets,
    fonts,
    names,
    fontAt(sheetIndex, r, c) {
      const f = grids[sheetIndex]?.[r]?.[c];
      return f === undefined ? undefined : nameOf(f);
    },
  };
}
