/**
 * The neutral grid: what a spreadsheet file becomes once read, independent of its format.
 * Produced by src/io, consumed by everything in src/core. Rows and columns are 0-based.
 */

export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** Raw value: text, a number (dates stay Excel serial numbers), or a boolean. */
  v: CellValue;
  /** Displayed text, as Excel shows it (number format applied). For text cells it equals `v`. */
  w?: string;
  /** Number format code of a numeric cell, e.g. "dd/mm/yyyy". */
  z?: string;
  /** Font name from the file's styles when the format carries one (".VnTime", "VNI-Times", "Arial"). */
  font?: string;
  /** Formula without the leading "=", when the cell holds a formula. */
  f?: string;
  /** The cell holds an error value such as #N/A. */
  err?: boolean;
}

export interface CellAddress {
  r: number;
  c: number;
}

/** An inclusive range, 0-based. */
export interface CellRange {
  s: CellAddress;
  e: CellAddress;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface GridSheet {
  name: string;
  visibility: SheetVisibility;
  /** rows[r][c]; missing rows and cells are undefined. */
  rows: (GridCell | undefined)[][];
  merges: CellRange[];
}

export type FileFormat =
  'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'fods' | 'csv' | 'tsv' | 'xml' | 'html' | 'unknown';

export interface GridWorkbook {
  fileName: string;
  format: FileFormat;
  sheets: GridSheet[];
  /** For CSV: the delimiter that was detected. */
  delimiter?: string;
}

/** "A1" style address of a 0-based cell. */
export function a1(r: number, c: number): string {
  let col = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    col = String.fromCharCode(65 + m) + col;
    n = Math.floor((n - 1) / 26);
  }
  return `${col}${r + 1}`;
}

/** Column letters of a 0-based column index. */
export function colLetters(c: number): string {
  return a1(0, c).replace(/\d+$/, '');
}

/** The text a person sees in a cell: displayed text, else the raw value as text. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return '';
  if (cell.w !== undefined) return cell.w;
  if (cell.v === null || cell.v === undefined) return '';
  return String(cell.v);
}

/** True when the cell has no visible content. */
export function isBlankCell(cell: GridCell | undefined): boolean {
  return cellText(cell).trim() === '';
}
