/**
 * Text stays text (GUIDE §3, issue 4): a string written through Office.js is parsed like typed input, so
 * "=HYPERLINK(…)" would become a formula and "+84…", "-5" numbers. Such strings are written with Excel's
 * quote prefix — a leading apostrophe, which Excel keeps as a flag and not as part of the text — and a
 * string that itself starts with an apostrophe gets one more, so it keeps its own.
 *
 * In a column without the text format ('@') Excel would also turn "1980", "18/5/2023", "TRUE" or "#N/A"
 * into a number, a date, a Boolean or an error value: there every string that Excel might read so gets
 * the prefix too (any string with a digit, TRUE/FALSE, or starting with "#"). Other text is sent as it
 * is, so that the formula bar does not show an apostrophe before every name.
 */
import { excelSerial, isPlanDate, type PlanValue } from '../core/plan/write-plan';
import type { XlValue } from './office-api';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/** First characters that make Excel read typed input as a formula (or a signed number). */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Whether Excel would not keep `s` as the same text when it is typed into a text-formatted cell. */
export function needsQuotePrefix(s: string): boolean {
  return FORMULA_START.test(s);
}

/** Whether Excel might read typed `s` as a number, date, time, Boolean or error value in a General cell. */
export function mayBeCoerced(s: string): boolean {
  return /\d/.test(s) || /^\s*(true|false)\s*$/i.test(s) || /^\s*#/.test(s);
}

/**
 * The string to send so that the cell holds exactly `s` as text. `textColumn`: the cell has the text
 * number format '@'.
 */
export function literalText(s: string, textColumn: boolean): string {
  if (s === '') return '';
  const t = s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
  return needsQuotePrefix(t) || (!textColumn && mayBeCoerced(t)) ? `'${t}` : t;
}

/** A plan value as sent to Excel: text as literal text, dates as serial numbers, blanks as "". */
export function excelValue(v: PlanValue | undefined, textColumn: boolean): XlValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return literalText(v, textColumn);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isPlanDate(v)) {
    const serial = excelSerial(v.date);
    return Number.isFinite(serial) ? serial : literalText(v.date, textColumn);
  }
  return '';
}

/** Whether a number format is the text format. */
export function isTextFormat(fmt: string | undefined): boolean {
  return fmt === '@';
}
