/**
 * A1 addresses and rectangles of the fake Excel (0-based, inclusive bounds).
 */
import { ErrorCodes, fail } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A block of cells: rows r0..r1 and columns c0..c1, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1 = r0, c1 = c0): Rect {
  return { r0, c0, r1, c1 };
}

export const rows = (x: Rect): number => x.r1 - x.r0 + 1;
export const cols = (x: Rect): number => x.c1 - x.c0 + 1;
export const isFullColumns = (x: Rect): boolean => x.r0 === 0 && x.r1 === MAX_ROWS - 1;
export const isFullRows = (x: Rect): boolean => x.c0 === 0 && x.c1 === MAX_COLS - 1;

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
}

/** The parts of `a` outside `b` (at most four rectangles). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersection(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, c0: a.c0, r1: i.r0 - 1, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, c0: a.c0, r1: i.r1, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, c0: i.c1 + 1, r1: i.r1, c1: a.c1 });
  return out;
}

export function colLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellName = (r: number, c: number): string => `${colLetters(c)}${r + 1}`;

/** "A1:C3", "A:C" (whole columns), "2:4" (whole rows), "A1" (one cell). */
export function rectAddress(x: Rect): string {
  if (isFullColumns(x) && !isFullRows(x)) return `${colLetters(x.c0)}:${colLetters(x.c1)}`;
  if (isFullRows(x)) return `${x.r0 + 1}:${x.r1 + 1}`;
  const a = cellName(x.r0, x.c0);
  return x.r0 === x.r1 && x.c0 === x.c1 ? a : `${a}:${cellName(x.r1, x.c1)}`;
}

/** Sheet name as Excel writes it in an address: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheetName: string, x: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(x)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1) };
}

/** Parses a local A1 address ("A1", "A1:C3", "A:C", "2:4"); throws InvalidArgument. */
export function parseLocal(local: string): Rect {
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === '')) {
    fail(ErrorCodes.invalidArgument, `address "${local}" is not an A1 address`);
  }
  const [a, b = a] = parts as [string, string?];
  const ca = CELL.exec(a);
  const cb = CELL.exec(b!);
  let out: Rect | null = null;
  if (ca && cb) {
    const r = [Number(ca[2]) - 1, Number(cb[2]) - 1];
    const c = [colIndex(ca[1]!), colIndex(cb[1]!)];
    out = {
      r0: Math.min(r[0]!, r[1]!),
      r1: Math.max(r[0]!, r[1]!),
      c0: Math.min(c[0]!, c[1]!),
      c1: Math.max(c[0]!, c[1]!),
    };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b!)) {
    const c = [colIndex(COL.exec(a)![1]!), colIndex(COL.exec(b!)![1]!)];
    out = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(c[0]!, c[1]!), c1: Math.max(c[0]!, c[1]!) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b!)) {
    const r = [Number(ROW.exec(a)![1]) - 1, Number(ROW.exec(b!)![1]) - 1];
    out = { r0: Math.min(r[0]!, r[1]!), r1: Math.max(r[0]!, r[1]!), c0: 0, c1: MAX_COLS - 1 };
  }
  if (!out || out.r0 < 0 || out.c0 < 0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLS) {
    fail(ErrorCodes.invalidArgument, `address "${local}" is not an A1 address inside the sheet`);
  }
  return out;
}

export const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };

export function checkInSheet(x: Rect): Rect {
  if (x.r0 < 0 || x.c0 < 0 || x.r1 >= MAX_ROWS || x.c1 >= MAX_COLS || x.r1 < x.r0 || x.c1 < x.c0) {
    fail(
      ErrorCodes.invalidArgument,
      `the range (rows ${x.r0}..${x.r1}, columns ${x.c0}..${x.c1}) is outside the sheet`,
    );
  }
  return x;
}
