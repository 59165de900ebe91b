/**
 * Units between the write plan and Office.js, each conversion in one place.
 */

/**
 * Column widths. The plan's width is the .xlsx file's (what the command line's writer stores as is):
 * units of the default font's widest digit, 7 pixels for Calibri 11, padding included. Office.js sets
 * widths in points. Excel's rule (ECMA-376 §18.3.1.13): pixels = trunc(((256·w + trunc(128/7)) / 256)·7),
 * points = pixels · 3/4 — so width 20 → 140 px → 105 pt, and Excel's default column (9.140625, shown as
 * 8.43) → 48 pt.
 */
const DIGIT_PX = 7;
const POINTS_PER_PX = 0.75;

/** Office.js column width (points) of a plan (.xlsx) width. */
export function columnWidthPoints(width: number): number {
  if (width <= 0) return 0;
  const px = Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
  return px * POINTS_PER_PX;
}

/** The plan (.xlsx) width of an Office.js column width in points, to 1/256 (inverse of columnWidthPoints). */
export function columnWidthChars(points: number): number {
  if (points <= 0) return 0;
  const px = Math.round(points / POINTS_PER_PX);
  return Math.trunc((px / DIGIT_PX) * 256) / 256;
}

/** Page margins: the plan's centimetres → Office.js points. */
export function cmToPoints(cm: number): number {
  return Math.round(((cm * 72) / 2.54) * 100) / 100;
}

/** A plan colour "RRGGBB" → "#RRGGBB". */
export function cssColor(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return `#${h.length === 8 ? h.slice(2) : h}`;
}

/** Office.js horizontal alignment of a plan alignment. */
export function hAlign(a: 'left' | 'center' | 'right'): string {
  return a === 'left' ? 'Left' : a === 'center' ? 'Center' : 'Right';
}

/** Office.js vertical alignment of a plan alignment. */
export function vAlign(a: 'top' | 'middle' | 'bottom'): string {
  return a === 'top' ? 'Top' : a === 'middle' ? 'Center' : 'Bottom';
}
