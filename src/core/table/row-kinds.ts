/**
 * What a row under the header is, read the way a clerk reads it: a numbering row "(1) (2) (3)", a section
 * row "I. TẬP THỂ" / "a) Cá nhân" / "Khối Sở, ngành", a note that the unit has no nominees, the footnotes
 * and signature block that end the list ("Ghi chú: …", "Văn Lâm, ngày 18 tháng 5 năm 2023",
 * "KT. CHỦ TỊCH", "(Ký tên, đóng dấu)", a name alone in a late column), or anything else (a data row,
 * decided by the caller). Pure functions of the row's non-blank cells.
 */
import type { FieldDef } from '../schema/types';
import { loaiFromText } from './sheet-loai';

export interface RowCell {
  /** 0-based column. */
  c: number;
  /** Trimmed text, never empty. */
  text: string;
  /** Columns covered by a horizontal merge that starts at this cell (1 when not merged). */
  span: number;
}

export interface RowShape {
  /** Column of the name field. */
  nameCol: number;
  /** Column of STT, when the table has one. */
  rowNumberCol: number | null;
  /** First and last header columns. */
  firstCol: number;
  lastCol: number;
  /** The schema's field whose value a section row may give (loai). */
  loaiField?: FieldDef;
}

export type RowKind =
  | { kind: 'numbering' }
  | { kind: 'section'; loai: string | null; text: string }
  /** `footnote`: "Ghi chú: …", "* …" (the rest: date line, signers, a signer's name). */
  | { kind: 'footer'; text: string; footnote: boolean }
  | { kind: 'no-nominees'; text: string }
  | { kind: 'other' };

// ---------------------------------------------------------------- numbering

const NUMBERING_CELL = /^[([]?\s*(\d{1,2}|[A-Za-z])\s*[)\]]?\.?$/;

/** "(1) (2) (3) …", "1 2 3 …", "A B 1 2 …": every cell a short number or letter. */
export function isNumberingRow(cells: RowCell[], headerWidth: number): boolean {
  if (cells.length < 2) return false;
  for (const cell of cells) if (!NUMBERING_CELL.test(cell.text)) return false;
  return cells.length >= 3 || cells.length * 2 >= headerWidth;
}

// ---------------------------------------------------------------- footer and signature block

/**
 * A cheap comparison key for the footer phrases: accents and case folded, đ → d, anything but letters
 * and digits a space. (headerKey also expands abbreviations, which these phrases do not need, and costs
 * more: this runs on the rows of long lists.)
 */
export function plainKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐð]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function isUpperText(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toUpperCase();
}

const DATE_LINE = /(^| )ngay( \d{1,2})? thang( \d{1,2})? nam( \d{4})?$|(^| )ngay \d{1,2} \d{1,2} \d{4}$/;
/** "KT. CHỦ TỊCH", "TM. UỶ BAN NHÂN DÂN", "T/M BAN GIÁM ĐỐC", "Q. GIÁM ĐỐC", "TUQ. …" */
const SIGNER_PREFIX = /^\s*((KT|TM|TL|TUQ|TTL|Q)\s*[./:]|(T\/M|K\/T|T\/L)\.?\s)\s*\S/i;
/** Positions that sign, when written in capitals as a signature block writes them. */
const POSITION =
  /^(kt |tm |q )?(pho )?(chu tich|giam doc|tong giam doc|truong phong|chanh van phong|hieu truong|vien truong|cuc truong|chi cuc truong|truong ban|thu truong|bi thu|truong khoa|chanh thanh tra|chu nhiem|ke toan|ke toan truong|thu ky|truong tram|truong dai|giam doc so)( .*)?$/;
/** Lines of a signature block in any case. */
const SIGN_LINE =
  /^(nguoi lap( bieu)?|nguoi tong hop|nguoi ky|can bo tong hop|lanh dao (don vi|co quan)|thu truong (don vi|co quan)( .*)?|xac nhan( cua .*)?|da ky|ky ten( .*)?|ky ghi ro( .*)?|ky va ghi ro( .*)?|ky dong dau( .*)?|ky ho ten( .*)?|ky ro ho ten( .*)?|noi nhan( .*)?)$/;
const NOTE_START = /^\s*(ghi\s*chú|ghi\s*chu|lưu\s*ý|luu\s*y|chú\s*ý|chú\s*thích|nb|n\.b\.)\s*[:：.\-–]/i;
const STAR_NOTE = /^\s*(\(\s*\*+\s*\)|\*+)\s*\S/;
const NUMBERED_NOTE = /^\s*\(\d{1,2}\)\s*\S+(\s+\S+){2,}/;

/**
 * Cheap signs that a text may be a signature-block line, tried before computing its key (this runs on
 * every short row of a long list). Written to accept both composed and decomposed Vietnamese.
 */
const DATE_HINT = /ng[aàáảãạ]/i;
const SIGN_HINT =
  /^[\s(]*(ngư|ngu\u031b|nguoi|cán|ca\u0301n|can|lãnh|la\u0303nh|lanh|thủ|thu|xác|xa\u0301c|xac|đã|đa\u0303|da|ký|ky|nơi|no\u031bi|noi)/iu;

/** A cell of a signature block: date line, signer title, "(Ký tên, đóng dấu)", "Nơi nhận:". */
export function isSignatureText(text: string): boolean {
  if (!/\p{L}/u.test(text)) return false;
  if (SIGNER_PREFIX.test(text)) return text.length <= 80;
  if (text.length > 120) return false;
  if (!DATE_HINT.test(text) && !SIGN_HINT.test(text) && !isUpperText(text)) return false;
  const key = plainKey(text);
  const words = key ? key.split(' ').length : 0;
  if (words === 0 || words > 14) return false;
  if (DATE_LINE.test(key)) return true;
  if (SIGN_LINE.test(key)) return true;
  if (words <= 8 && isUpperText(text) && POSITION.test(key)) return true;
  return false;
}

/** A footnote line: "Ghi chú: …", "* …", "(*) …", "(1) Ghi rõ …", "Lưu ý: …". */
export function isNoteText(text: string): boolean {
  return NOTE_START.test(text) || STAR_NOTE.test(text) || NUMBERED_NOTE.test(text);
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*$|^\p{Lu}[\p{Lu}\p{M}]*$/u;

/** "Nguyễn Văn Bình": two to six capitalised words of letters only. */
export function looksLikePersonName(text: string): boolean {
  const t = text.normalize('NFC').trim();
  if (t.length > 45) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/**
 * The row ends the list: a footnote, the place-and-date line, signers, or a signer's name alone late in
 * the row. Returns which, or null.
 */
export function footerKind(cells: RowCell[], shape: RowShape): 'footnote' | 'signature' | null {
  if (cells.length === 0 || cells.length > 4) return null;
  if (cells.length === 1) {
    const only = cells[0];
    if (isNoteText(only.text)) return 'footnote';
    if (only.c > shape.nameCol && only.c > shape.firstCol + 1 && looksLikePersonName(only.text))
      return 'signature';
  }
  for (const cell of cells) if (!isSignatureText(cell.text)) return null;
  return 'signature';
}

export function isFooterRow(cells: RowCell[], shape: RowShape): boolean {
  return footerKind(cells, shape) !== null;
}

// ---------------------------------------------------------------- "no nominees" note

const NONE_KEY =
  /^(khong|khong co|khong co de nghi)$|(^| )khong (co )?(tap the|ca nhan|de nghi|doi tuong|truong hop|ai)( |$)|^khong co( |$)/;

/** "Đơn vị không có tập thể, cá nhân đề nghị", "Không có", "Không có đề nghị". */
export function isNoNomineesText(text: string): boolean {
  if (text.length > 160) return false;
  return NONE_KEY.test(plainKey(text));
}

// ---------------------------------------------------------------- section rows

/** A marker alone in the STT column: "I", "II", "A", "b", "I.", "B)". */
const MARKER_ALONE = /^\s*([IVXLC]{1,6}|[A-Za-zĐđ])\s*[.):\-–]?\s*$/;
/** A label that starts with a marker: "I. TẬP THỂ", "A. Tập thể", "a) Cá nhân", "1. Tập thể:", "II - CÁ NHÂN". */
const MARKER_PREFIX = /^\s*(?:([IVXLC]{1,6}|[A-Za-zĐđ])|(\d{1,2}))\s*(?:[.)]|\s[-–:])\s*(\S.*)$/;
const GROUP_WORD = /^(khối|khoi|cụm|cum|nhóm|nhom|phần|phan|khu vực|khu vuc)\s/i;

function stripTrailing(s: string): string {
  return s.replace(/\s*[:：.]\s*$/, '').trim();
}

/**
 * A section row: one label (perhaps with a marker alone in the STT column) in the first columns or merged
 * across the row. The label names a type ("TẬP THỂ", "Cá nhân") or is clearly a heading (a marker "I." /
 * "A." / "a)", merged across, ending with ":", or "Khối …", "Cụm …", "Nhóm …"). A lone name with no such
 * sign is left as a data row (the validator then reports its empty cells), never dropped silently.
 */
export function sectionOf(cells: RowCell[], shape: RowShape): { loai: string | null; text: string } | null {
  if (cells.length === 0 || cells.length > 2) return null;
  let markerCell = false;
  let label: RowCell;
  if (cells.length === 2) {
    const [a, b] = cells;
    const inStt = shape.rowNumberCol !== null ? a.c === shape.rowNumberCol : a.c === shape.firstCol;
    if (!inStt || !MARKER_ALONE.test(a.text)) return null;
    markerCell = true;
    label = b;
  } else label = cells[0];
  if (label.c > Math.max(shape.nameCol, shape.firstCol) && label.span < 2) return null;
  const text = cells.map((c) => c.text).join(' ');
  const m = MARKER_PREFIX.exec(label.text);
  const rest = stripTrailing(m ? m[3] : label.text);
  const letterMarker = markerCell || Boolean(m && m[1]);
  const digitMarker = Boolean(m && m[2]);
  const loai = loaiFromText(rest, shape.loaiField, letterMarker || digitMarker ? 'loose' : 'strict');
  if (loai) return { loai, text };
  const merged = label.span >= 2;
  const colon = /[:：]\s*$/.test(label.text);
  if (letterMarker || merged || colon || GROUP_WORD.test(rest)) return { loai: null, text };
  if (digitMarker && isUpperText(rest)) return { loai: null, text };
  return null;
}

// ---------------------------------------------------------------- all together

/**
 * The kind of a non-blank row under the header. `cells` are the row's own non-blank cells (not values
 * filled down from a merge above), in column order.
 */
export function classifyRow(cells: RowCell[], shape: RowShape): RowKind {
  if (cells.length === 0) return { kind: 'other' };
  if (isNumberingRow(cells, shape.lastCol - shape.firstCol + 1)) return { kind: 'numbering' };
  const footer = footerKind(cells, shape);
  if (footer)
    return { kind: 'footer', text: cells.map((c) => c.text).join(' '), footnote: footer === 'footnote' };
  if (cells.length === 1 && (cells[0].c <= Math.max(shape.nameCol, shape.firstCol) || cells[0].span >= 2)) {
    if (isNoNomineesText(cells[0].text)) return { kind: 'no-nominees', text: cells[0].text };
  }
  const section = sectionOf(cells, shape);
  if (section) return { kind: 'section', ...section };
  return { kind: 'other' };
}
