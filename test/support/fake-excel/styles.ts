/**
 * Cell formats of the fake Excel: immutable, interned style objects (one object per distinct look, so
 * 50,000 rows of the same look cost one object), colours, and the column-width units.
 */
import { ErrorCodes, fail } from './errors';

export interface BorderSide {
  style: string;
  color: string;
  weight: string;
}

export interface FontStyle {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  color: string;
}

export interface Style {
  numberFormat: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  font: FontStyle;
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  borders: {
    top: BorderSide | null;
    bottom: BorderSide | null;
    left: BorderSide | null;
    right: BorderSide | null;
  };
}

const interned = new Map<string, Style>();

export function intern(s: Style): Style {
  const key = JSON.stringify(s);
  let hit = interned.get(key);
  if (!hit) {
    hit = Object.freeze({
      ...s,
      font: Object.freeze({ ...s.font }),
      borders: Object.freeze({ ...s.borders }),
    }) as Style;
    interned.set(key, hit);
  }
  return hit;
}

export const DEFAULT_STYLE: Style = intern({
  numberFormat: 'General',
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  font: {
    name: 'Calibri',
    size: 11,
    bold: false,
    italic: false,
    underline: 'None',
    strikethrough: false,
    color: '#000000',
  },
  fill: null,
  borders: { top: null, bottom: null, left: null, right: null },
});

/** A function from style to style, memoised for one operation over many cells. */
export function styleUpdater(patch: (s: Style) => Style): (s: Style) => Style {
  const memo = new Map<Style, Style>();
  return (s) => {
    let out = memo.get(s);
    if (!out) {
      out = intern(patch(s));
      memo.set(s, out);
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Colours: Office.js takes "#RRGGBB" or an HTML colour name and returns "#RRGGBB".

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  navy: '#000080',
  purple: '#800080',
  maroon: '#800000',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00FFFF',
  fuchsia: '#FF00FF',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  pink: '#FFC0CB',
};

export function normalizeColor(v: unknown, what: string): string {
  if (typeof v !== 'string')
    fail(ErrorCodes.invalidArgument, `${what} must be a colour string, not ${String(v)}`);
  const s = v.trim();
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (hex) return `#${hex[1]!.toUpperCase()}`;
  const short = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (short)
    return `#${[...short[1]!]
      .map((ch) => ch + ch)
      .join('')
      .toUpperCase()}`;
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  return fail(ErrorCodes.invalidArgument, `${what}: "${v}" is not a colour Excel knows`);
}

// ---------------------------------------------------------------------------------------------
// Column widths. Office.js gives and takes `format.columnWidth` in POINTS; the .xlsx file (exceljs's
// `column.width`, and the command line's ColumnPlan.width, which is written there as is) holds a width
// in units of the default font's maximum digit width (7 px for Calibri 11, the Normal style of every
// workbook exceljs and Excel make). Excel's rule (ECMA-376 §18.3.1.13):
// pixels = trunc(((256·width + trunc(128/7)) / 256) · 7), points = pixels · 3/4.
// So width 20 = 140 px = 105 pt (≈ 5.25 pt per unit: "width ≈ points / 7" would be pixels, not points),
// and Excel's default column (width 9.140625, shown as 8.43) = 64 px = 48 pt.

const MDW = 7;

/** Points (Office.js columnWidth) of a column of .xlsx width `width`. */
export function widthToPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MDW)) / 256) * MDW);
  return (px * 3) / 4;
}

/** The .xlsx width of a column `points` wide (inverse of widthToPoints, to 1/256). */
export function pointsToWidth(points: number): number {
  const px = Math.round((points * 4) / 3);
  return Math.trunc((px / MDW) * 256) / 256;
}

export const DEFAULT_COLUMN_WIDTH = widthToPoints(9.140625); // 48 pt
export const DEFAULT_ROW_HEIGHT = 15;
