/**
 * Decodes every text cell of a workbook that is in a legacy Vietnamese encoding (TCVN3 or VNI),
 * cell by cell (GUIDE §6). Numbers, booleans and errors are left alone; a formula's cached text
 * result is decoded like any other text. The input is not modified.
 *
 * Two passes. The first decides each cell on its own text (readCell). The second looks again at the
 * cells that their text alone could not settle ("Mai Dòng" is well-formed Unicode and also TCVN3
 * for "Mai Dũng"): when the sheet is plainly in one legacy encoding (most of its decided cells are,
 * and few cells are Unicode) and the cell's font is that encoding's or unknown, the reading in that
 * encoding is taken, provided it makes no word of the cell ill-formed. A cell whose font is known and
 * not a legacy font (Times New Roman) showed its text as it is, and keeps it, unless the sheet's
 * legacy text is in that font too (a file whose every cell has the default font says nothing).
 */
import type { GridCell, GridSheet, GridWorkbook } from '../grid';
import { decodeAs, legacyFont, readAs, readCell } from './detect';
import type { LegacyEncoding, Reading } from './detect';

export interface SheetConversion {
  sheet: string;
  /** cells whose text was decoded */
  count: number;
  /** encodings met on the sheet, most used first */
  encodings: LegacyEncoding[];
  /** cells decoded from each encoding */
  byEncoding: Record<LegacyEncoding, number>;
}

export interface DecodedWorkbook {
  workbook: GridWorkbook;
  /** one entry per sheet that had legacy text, in sheet order */
  converted: SheetConversion[];
}

interface Tally {
  tcvn3: number;
  vni: number;
  /** cells with characters beyond Windows-1252 that were left as they are */
  unicode: number;
}

interface Pending {
  r: number;
  c: number;
  reading: Reading;
}

/** The encoding a body of cells is plainly in: at least two decided cells, and three quarters of the evidence. */
function dominant(t: Tally): LegacyEncoding | null {
  const enc: LegacyEncoding = t.tcvn3 >= t.vni ? 'tcvn3' : 'vni';
  const n = t[enc];
  if (n < 2) return null;
  return n >= 0.75 * (t.tcvn3 + t.vni + t.unicode) ? enc : null;
}

function withText(cell: GridCell, text: string, encoding: LegacyEncoding): GridCell {
  const next: GridCell = { ...cell, v: text };
  if (cell.w !== undefined) next.w = cell.w === cell.v ? text : decodeAs(cell.w, encoding, cell.font);
  return next;
}

/** Vietnamese letters that no legacy font can hold (beyond Windows-1252). */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

interface FirstPass {
  rows: (GridCell | undefined)[][];
  tally: Tally;
  pending: Pending[];
  /** fonts of the cells decided as legacy, with their counts */
  legacyFonts: Map<string, number>;
}

/** Readings already made in this workbook, by the kind of font ('' none, tcvn3, tcvn3H, vni) and text. */
type Memo = Map<string, Map<string, Reading>>;

function firstPass(sheet: GridSheet, memo: Memo): FirstPass {
  const tally: Tally = { tcvn3: 0, vni: 0, unicode: 0 };
  const pending: Pending[] = [];
  const legacyFonts = new Map<string, number>();
  const rows = sheet.rows.map((row, r) => {
    if (!row) return row;
    const out = row.slice();
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.v !== 'string') continue;
      const hint = legacyFont(cell.font);
      // the same text under the same kind of font reads the same way
      const kind = hint ? (hint.upper ? 'tcvn3H' : hint.encoding) : '';
      let seen = memo.get(kind);
      if (!seen) memo.set(kind, (seen = new Map()));
      let reading = seen.get(cell.v);
      if (!reading) {
        reading = readCell(cell.v, cell.font);
        seen.set(cell.v, reading);
      }
      if (reading.tie || reading.undecided) {
        pending.push({ r, c, reading });
      } else if (reading.encoding) {
        out[c] = withText(cell, reading.text, reading.encoding);
        tally[reading.encoding]++;
        if (cell.font) legacyFonts.set(cell.font, (legacyFonts.get(cell.font) ?? 0) + 1);
      } else if (UNICODE_VIETNAMESE.test(cell.v)) {
        tally.unicode++;
      }
    }
    return out;
  });
  return { rows, tally, pending, legacyFonts };
}

/** A new workbook with legacy text decoded, and how many cells of each sheet were converted. */
export function decodeWorkbook(wb: GridWorkbook): DecodedWorkbook {
  const memo: Memo = new Map();
  const passes = wb.sheets.map((s) => firstPass(s, memo));
  const book: Tally = { tcvn3: 0, vni: 0, unicode: 0 };
  for (const p of passes) {
    book.tcvn3 += p.tally.tcvn3;
    book.vni += p.tally.vni;
    book.unicode += p.tally.unicode;
  }
  const bookEnc = dominant(book);
  const converted: SheetConversion[] = [];
  const sheets = wb.sheets.map((sheet, i) => {
    const { rows, tally, pending, legacyFonts } = passes[i];
    const counts = { tcvn3: tally.tcvn3, vni: tally.vni };
    const own = tally.tcvn3 + tally.vni + tally.unicode;
    const sheetEnc = own >= 2 ? dominant(tally) : bookEnc;
    for (const { r, c, reading } of pending) {
      const cell = rows[r][c] as GridCell;
      const text = cell.v as string;
      const hint = legacyFont(cell.font)?.encoding ?? null;
      if (reading.tie && reading.encoding) {
        // two readings equally good: the font's, else the sheet's, else the one readCell took
        const enc = hint ?? sheetEnc ?? reading.encoding;
        rows[r][c] = withText(
          cell,
          enc === reading.encoding ? reading.text : decodeAs(text, enc, cell.font),
          enc,
        );
        counts[enc]++;
        continue;
      }
      // text alone could not settle it: only in a sheet plainly in one encoding, and only when the
      // cell's font is that encoding's, unknown, or one the sheet's legacy text is in anyway
      if (!sheetEnc || (hint && hint !== sheetEnc)) continue;
      if (cell.font && !hint && (legacyFonts.get(cell.font) ?? 0) < 2) continue;
      const decoded = readAs(text, sheetEnc, cell.font);
      if (decoded === null) continue;
      rows[r][c] = withText(cell, decoded, sheetEnc);
      counts[sheetEnc]++;
    }
    const total = counts.tcvn3 + counts.vni;
    if (total > 0) {
      const encodings = (['tcvn3', 'vni'] as LegacyEncoding[])
        .filter((e) => counts[e] > 0)
        .sort((x, y) => counts[y] - counts[x]);
      converted.push({ sheet: sheet.name, count: total, encodings, byEncoding: counts });
    }
    return { ...sheet, rows };
  });
  return { workbook: { ...wb, sheets }, converted };
}
