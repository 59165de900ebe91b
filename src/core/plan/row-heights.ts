/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice fits a row to wrapped text when it opens a
 * file, so a writer that cannot ask the host to autofit (the command line's file writer) sets heights
 * from this estimate. Office.js can call `autofitRows()` instead.
 */
import { isSpace } from '../text/spaces';
import { isPlanDate, type PlanValue, type SheetPlan } from './write-plan';

/** Bold text is about a tenth wider. */
const BOLD = 0.88;

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

function textOf(v: PlanValue | undefined): string {
  if (v === null || v === undefined || isPlanDate(v)) return '';
  return String(v);
}

/**
 * Lines a text takes in a column `width` characters wide (Excel width units: digits of the default font)
 * at `size` points. Slightly generous, as clipped text is worse than a little space. Words (runs of
 * non-space characters, counted in code points) fill a line; a word longer than a line breaks across
 * lines; each line feed starts a new paragraph. One pass over the text: a master has tens of thousands
 * of cells to measure.
 */
export function wrappedLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width * (11 / size) * 1.05));
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  let n = 1; // lines of the current paragraph
  let used = 0; // characters used on its last line
  let len = 0; // characters of the current word
  // the end of the text counts as a line feed
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 10;
    if (ch === 10 || isSpace(ch)) {
      if (len > 0) {
        if (used === 0) {
          n += Math.floor((len - 1) / perLine);
          used = len % perLine || perLine;
        } else if (used + 1 + len <= perLine) used += 1 + len;
        else {
          n += 1 + Math.floor((len - 1) / perLine);
          used = len % perLine || perLine;
        }
        len = 0;
      }
      if (ch === 10) {
        lines += n;
        n = 1;
        used = 0;
      }
    } else if (ch < 0xdc00 || ch > 0xdfff) len++; // a low surrogate counts with its high one
  }
  return Math.max(1, lines);
}

function heightFor(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * size * 1.3 + 3) * 4) / 4);
}

/** 0-based sheet row → height in points, for the rows whose wrapped text needs more than one line. */
export function rowHeights(sheet: SheetPlan): Map<number, number> {
  const size = sheet.font.size;
  const out = new Map<number, number>();
  const need = (r: number, lines: number, sz = size) => {
    if (lines <= 1) return;
    const h = heightFor(lines, sz);
    if (h > (out.get(r) ?? 0)) out.set(r, h);
  };
  const t = sheet.table;
  if (t) {
    const wrapCols = t.columns.map((c, i) => ({ c, i })).filter((x) => x.c.wrap && !x.c.hidden);
    // header cells wrap too; the filter button takes about two characters of the width
    for (const c of t.columns) {
      if (!c.hidden) need(t.headerRow, wrappedLines(c.header, Math.max(1, (c.width - 2) * BOLD), size));
    }
    // a column's texts repeat (the unit, the file, the field): each is measured once
    const measured = wrapCols.map(() => new Map<string, number>());
    t.rows.forEach((row, k) => {
      let lines = 1;
      wrapCols.forEach(({ c, i }, w) => {
        const text = textOf(row[i]);
        let n = measured[w]!.get(text);
        if (n === undefined) measured[w]!.set(text, (n = wrappedLines(text, c.width, size)));
        lines = Math.max(lines, n);
      });
      need(t.headerRow + 1 + k, lines);
    });
  }
  const widths = sheet.columnWidths ?? [];
  for (const cell of sheet.cells ?? []) {
    if (!cell.wrap) continue;
    const rows = cell.merge?.rows ?? 1;
    const cols = cell.merge?.cols ?? 1;
    let width = 0;
    for (let c = cell.c; c < cell.c + cols; c++) width += widths[c] ?? 8.43;
    const sz = cell.size ?? size;
    const lines = Math.ceil(wrappedLines(textOf(cell.value), cell.bold ? width * BOLD : width, sz) / rows);
    need(cell.r, lines, sz);
  }
  return out;
}
