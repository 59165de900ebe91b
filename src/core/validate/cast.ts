/**
 * Casting a grid cell to a field's type, the lenient way a clerk reads a returned list:
 * Vietnamese numbers ("1.234,5", "1.000" = one thousand), dates as dd/mm/yyyy text, Excel serials
 * or phrases ("ngày 18 tháng 5 năm 2023"), enum values through their aliases. Text that looks like a
 * formula ("=HYPERLINK(…)", "+84…", "- Bằng khen…") is data and stays text. Never throws.
 */
import type { GridCell } from '../grid';
import type { FieldDef, FieldType } from '../schema/types';
import { foldAccents } from '../text/key';
import { matchEnum } from './enum-match';

export type CastValue = string | number | null;

export type CastFailure =
  | 'not-integer'
  | 'not-number'
  | 'not-year'
  | 'not-date'
  | 'not-enum'
  | 'not-boolean'
  /** The cell holds a spreadsheet error such as #N/A or #REF!. */
  | 'error-value';

export type CastResult =
  | { ok: true; value: CastValue }
  | {
      ok: false;
      reason: CastFailure;
      /** The text as the clerk sees it, for the message. */
      text: string;
      /** A short Vietnamese explanation, when there is more to say than the expected type. */
      hint?: string;
      hintEn?: string;
    };

export interface CastOptions {
  /** Extra texts that mean "no value" (TableSchema.missingValues). */
  missingValues?: string[];
}

/** Texts that mean "no value" in a returned list. "x" is not one: it is a mark (gender, yes). */
export const DEFAULT_MISSING_VALUES = ['', '-', '--', '---', '—', '–', '.', '…', '...', 'n/a', '#n/a'];

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, zero-width characters removed, whitespace runs collapsed to one space, trimmed. */
export function normalizeText(s: string): string {
  // A cell's text is asked for twice in a row (is it missing? its value): the last answer again.
  if (s === lastText) return lastNormal;
  let t = s.normalize('NFC');
  // Most cells are already clean: one test instead of three rewrites.
  if (UNCLEAN.test(t)) t = t.replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim();
  lastText = s;
  lastNormal = t;
  return t;
}
let lastText = '';
let lastNormal = '';

/** Anything normalizeText would change after NFC: a zero-width character, whitespace other than one space, or spaces at an end. */
const UNCLEAN = /[\u200B-\u200D\u2060\uFEFF]|[^\S ]| {2}|^ | $/;

/** Characters (code points) in a text, as [...s].length counts them, without making the array. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The text of a cell as shown (displayed text for numbers), normalized. */
export function cellDisplayText(cell: GridCell | undefined): string {
  if (!cell) return '';
  let s: string;
  if (typeof cell.w === 'string') s = cell.w;
  else if (cell.v === null || cell.v === undefined) s = '';
  else if (typeof cell.v === 'boolean') s = cell.v ? 'TRUE' : 'FALSE';
  else s = String(cell.v);
  return normalizeText(s);
}

/** True when the cell has no value: absent, empty, or one of the missing-value texts. */
export function isMissingCell(cell: GridCell | undefined, extra: string[] = []): boolean {
  if (!cell) return true;
  if (cell.err) return false;
  if (cell.v === null || cell.v === undefined) return true;
  if (typeof cell.v !== 'string') return false;
  const t = normalizeText(cell.v);
  if (t.length <= LONGEST_MISSING && DEFAULT_MISSING_VALUES.includes(t.toLowerCase())) return true;
  return extra.length > 0 && extra.some((m) => normalizeText(m) === t);
}

/** Length of the longest of DEFAULT_MISSING_VALUES: no longer text is one of them. */
const LONGEST_MISSING = Math.max(...DEFAULT_MISSING_VALUES.map((m) => m.length));

// ---------------------------------------------------------------------------------------------
// numbers

function groupedInt(s: string, sep: string): number | null {
  const parts = s.split(sep);
  if (!/^\d{1,3}$/.test(parts[0])) return null;
  for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i])) return null;
  return Number(parts.join(''));
}

/**
 * Reads a number typed as text, Vietnamese or English style: "1.234,5" and "1,234.5" are both
 * 1234.5; one separator followed by exactly three digits groups thousands ("1.000" = 1000,
 * "1,000" = 1000); otherwise it is the decimal mark ("1,5" = 1.5, "0.500" = 0.5). Spaces may
 * group thousands ("1 234 567"). Returns null when the text is not a number.
 */
export function parseNumberText(text: string): number | null {
  let t = normalizeText(text);
  if (!t) return null;
  let sign = 1;
  if (/^[+\-\u2212]/.test(t)) {
    if (t[0] !== '+') sign = -1;
    t = t.slice(1).trim();
  }
  if (/\s/.test(t)) {
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(t)) return null;
    t = t.replace(/ /g, '');
    const m = /^(\d+)(?:[.,](\d+))?$/.exec(t);
    if (!m) return null;
    return sign * Number(m[2] ? `${m[1]}.${m[2]}` : m[1]);
  }
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(t)) return sign * Number(t);
  if (!/^(\d[\d.,]*|[.,]\d+)$/.test(t)) return null;
  if (/[.,]$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  let value: number | null;
  if (dots === 0 && commas === 0) {
    value = Number(t);
  } else if (dots > 0 && commas > 0) {
    const dec = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    const at = t.lastIndexOf(dec);
    const intPart = t.slice(0, at);
    const frac = t.slice(at + 1);
    if (!/^\d+$/.test(frac) || intPart.includes(dec)) return null;
    const whole = groupedInt(intPart, group);
    value = whole === null ? null : Number(`${whole}.${frac}`);
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = t.split(sep);
    if (parts.length > 2) {
      value = groupedInt(t, sep);
    } else {
      const [a, b] = parts;
      if (b.length === 3 && /^[1-9]\d{0,2}$/.test(a)) value = Number(a + b);
      else value = Number(`${a || '0'}.${b}`);
    }
  }
  if (value === null || !Number.isFinite(value)) return null;
  return sign * value;
}

// ---------------------------------------------------------------------------------------------
// dates

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validYmd(y: number, m: number, d: number): Ymd | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** "yyyy-mm-dd". */
export function isoDate(x: Ymd): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}

/**
 * The calendar date of an Excel serial number (1900 date system). Excel counts 29/02/1900, a day
 * that never existed (the Lotus 1-2-3 leap-year bug): serial 60 is that day and gives null; serials
 * after it are one day ahead of a plain count. The time of day, if any, is dropped.
 */
export function excelSerialToYmd(serial: number): Ymd | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const s = Math.floor(serial);
  if (s === 60) return null;
  const days = s < 60 ? s : s - 1;
  const t = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Excel serial of a date (inverse of excelSerialToYmd). */
export function ymdToExcelSerial(x: Ymd): number {
  const days = Math.round((Date.UTC(x.y, x.m - 1, x.d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days < 60 ? days : days + 1;
}

/** True when a number format code shows a date ("dd/mm/yyyy", "[$-409]d-mmm-yy", "yyyy"). */
export function isDateFormat(z: string | undefined): boolean {
  if (!z || /^general$/i.test(z.trim())) return false;
  const t = z
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/[dy]/i.test(t)) return true;
  return /m/i.test(t) && !/[hs0#?]/i.test(t);
}

const DMY_TEXT = /^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}$/;

function cellIsDate(cell: GridCell): boolean {
  return isDateFormat(cell.z) || (typeof cell.w === 'string' && DMY_TEXT.test(cell.w.trim()));
}

function twoDigitYear(y: number): number {
  return y < 30 ? 2000 + y : 1900 + y;
}

/**
 * Reads a date typed as text: dd/mm/yyyy (also with "-" or "."), d/m/yy, yyyy-mm-dd,
 * "ngày 18 tháng 5 năm 2023" (place names before it are ignored). Day first, always: Vietnam
 * never writes month first, and "05/18/2023" is not a date here.
 */
export function parseDateText(text: string): Ymd | null {
  const t = normalizeText(text).toLowerCase();
  if (!t) return null;
  let m =
    /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(
      t,
    );
  if (m) return validYmd(+m[1], +m[2], +m[3]);
  const stripped = t.replace(/^ngày\s*/, '');
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
    stripped,
  );
  if (m) {
    const y = m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3];
    return validYmd(y, +m[2], +m[1]);
  }
  m = /(?:^|[\s,;:(])(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})\s*\)?\.?$/.exec(` ${t}`);
  if (m) return validYmd(+m[3], +m[2], +m[1]);
  return null;
}

/** A year typed as text: "1985", "năm 1985", a date, "3/1985", "tháng 3 năm 1985". */
function parseYearText(text: string): number | null {
  const t = normalizeText(text).toLowerCase();
  let m = /^(?:năm\s*|sinh năm\s*)?(\d{4})\.?$/.exec(t);
  if (m) return +m[1];
  const d = parseDateText(t);
  if (d) return d.y;
  m = /^(?:tháng\s*)?(\d{1,2})\s*(?:[/.-]|\s*năm\s*)\s*(\d{4})$/.exec(t);
  if (m && +m[1] >= 1 && +m[1] <= 12) return +m[2];
  return null;
}

// ---------------------------------------------------------------------------------------------
// booleans

const TRUE_WORDS = new Set(['co', 'x', 'true', 'yes', 'y', '1', 'dung', 'v', '✓', '✔', '☑', '√']);
const FALSE_WORDS = new Set(['khong', 'false', 'no', 'n', '0', 'sai', '✗', '✘', '☐']);

export const BOOLEAN_TRUE = 'Có';
export const BOOLEAN_FALSE = 'Không';

// ---------------------------------------------------------------------------------------------

function fail(reason: CastFailure, text: string, hint?: string, hintEn?: string): CastResult {
  return hint ? { ok: false, reason, text, hint, hintEn } : { ok: false, reason, text };
}

const FAILURE_OF: Record<FieldType, CastFailure> = {
  string: 'error-value',
  any: 'error-value',
  integer: 'not-integer',
  number: 'not-number',
  year: 'not-year',
  date: 'not-date',
  enum: 'not-enum',
  boolean: 'not-boolean',
};

function castInner(cell: GridCell, field: FieldDef): CastResult {
  const text = cellDisplayText(cell);
  if (cell.err) {
    return fail('error-value', text || '#ERROR', 'ô báo lỗi công thức', 'the cell shows a formula error');
  }
  const v = cell.v;
  switch (field.type) {
    case 'string':
      return { ok: true, value: text };
    case 'any':
      return { ok: true, value: typeof v === 'number' ? v : text };
    case 'integer': {
      let n: number | null = null;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'string') n = parseNumberText(v);
      if (n === null || !Number.isFinite(n)) return fail('not-integer', text);
      if (!Number.isInteger(n)) {
        const r = Math.round(n);
        if (Math.abs(n - r) > 1e-9) return fail('not-integer', text);
        n = r;
      }
      return { ok: true, value: n };
    }
    case 'number': {
      let n: number | null = null;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'string') n = parseNumberText(v);
      if (n === null || !Number.isFinite(n)) return fail('not-number', text);
      return { ok: true, value: n };
    }
    case 'year': {
      if (typeof v === 'number') {
        if (cellIsDate(cell)) {
          const d = excelSerialToYmd(v);
          return d ? { ok: true, value: d.y } : fail('not-year', text);
        }
        if (Number.isInteger(v) && v >= 1000 && v <= 9999) return { ok: true, value: v };
        return fail('not-year', text);
      }
      if (typeof v === 'string') {
        const y = parseYearText(v);
        if (y !== null && y >= 1000 && y <= 9999) return { ok: true, value: y };
      }
      return fail('not-year', text);
    }
    case 'date': {
      if (typeof v === 'number') {
        if (!cellIsDate(cell) && Number.isInteger(v) && v >= 1000 && v <= 9999) {
          return fail(
            'not-date',
            text,
            `${v} là một năm, chưa đủ ngày, tháng`,
            `${v} is a year, not a full date`,
          );
        }
        const d = excelSerialToYmd(v);
        return d ? { ok: true, value: isoDate(d) } : fail('not-date', text);
      }
      if (typeof v === 'string') {
        const d = parseDateText(v);
        if (d) return { ok: true, value: isoDate(d) };
      }
      return fail('not-date', text);
    }
    case 'enum': {
      const hit = matchEnum(text, field);
      return hit === null ? fail('not-enum', text) : { ok: true, value: hit };
    }
    case 'boolean': {
      if (typeof v === 'boolean') return { ok: true, value: v ? BOOLEAN_TRUE : BOOLEAN_FALSE };
      if (typeof v === 'number') {
        if (v === 1) return { ok: true, value: BOOLEAN_TRUE };
        if (v === 0) return { ok: true, value: BOOLEAN_FALSE };
        return fail('not-boolean', text);
      }
      const k = foldAccents(text.toLowerCase())
        .replace(/[.!]+$/, '')
        .trim();
      if (TRUE_WORDS.has(k)) return { ok: true, value: BOOLEAN_TRUE };
      if (FALSE_WORDS.has(k)) return { ok: true, value: BOOLEAN_FALSE };
      return fail('not-boolean', text);
    }
    default:
      return { ok: true, value: text };
  }
}

/**
 * Casts a cell to the field's type. Missing values (absent, empty, "-", "—", schema
 * missingValues) give `{ ok: true, value: null }`. Never throws.
 */
export function castValue(cell: GridCell | undefined, field: FieldDef, opts: CastOptions = {}): CastResult {
  try {
    if (isMissingCell(cell, opts.missingValues)) return { ok: true, value: null };
    return castInner(cell as GridCell, field);
  } catch {
    let text: string;
    try {
      text = cellDisplayText(cell);
    } catch {
      text = '';
    }
    return fail(FAILURE_OF[field.type] ?? 'error-value', text);
  }
}
