/**
 * Deadlines and lateness: reading the deadline as the letter writes it ("trước ngày 20/5/2023"), the calendar
 * date of a received file in the office's time zone, how many calendar days late it is, and dates written the
 * way Decree 30/2020/NĐ-CP wants them ("Hưng Yên, ngày 05 tháng 02 năm 2023").
 *
 * Pure: zone conversion uses only Intl.DateTimeFormat (Node, browsers and Excel's webview all have it).
 */
import { foldAccents } from '../text/key';

/** A calendar date, "yyyy-mm-dd". */
export type IsoDate = string;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MS_PER_DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** yyyy-mm-dd from parts, or null when the parts are not a real date (31/02, 29/02/2023, month 13). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The parts of a valid IsoDate; throws RangeError on anything else. */
function partsOf(d: IsoDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (makeIsoDate(year, month, day) === d) return { year, month, day };
  }
  throw new RangeError(
    `Ngày không hợp lệ (cần dạng yyyy-mm-dd) / Invalid date (expected yyyy-mm-dd): "${d}"`,
  );
}

/** True when `d` is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return !!m && makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === d;
}

/** Days since 1970-01-01 (proleptic Gregorian, no time zone involved). */
function dayNumber(d: IsoDate): number {
  const { year, month, day } = partsOf(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `n` calendar days after `d` (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  const t = new Date((dayNumber(d) + n) * MS_PER_DAY);
  const out = makeIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (!out) throw new RangeError(`Ngày ngoài phạm vi / Date out of range: ${d} + ${n}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

export interface ParseDeadlineOptions {
  /** Year to use when the text gives only day and month ("trước ngày 20/5"). Without it such text → null. */
  defaultYear?: number;
}

interface Found {
  index: number;
  date: IsoDate | null;
}

/** Words that, just before a date, mark it as the deadline (accent-folded, lower case). */
const DEADLINE_CUE =
  /(^|[^a-z])(truoc|han|han chot|thoi han|han nop|han gui|cham nhat|cham nhat la|khong muon hon|khong qua|den het|deadline|by|before)\s*(ngay|:|ngay:)?\s*$/;

/** Times of day that may sit between the cue and the date: "17h00", "17 giờ 30 phút", "17:00". */
const TIME_OF_DAY = /\d{1,2}\s*(h|gio|:)\s*\d{0,2}\s*(phut)?/g;

function year4(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/**
 * The deadline date in a piece of text, or null when there is none or it is not a real date.
 * Accepts "2023-05-20", "20/5/2023", "20/05/2023", "20-5-2023", "20.5.2023", "20/5/23", "trước ngày 20/5/2023",
 * "trước 17h00 ngày 20/5/2023", "ngày 20 tháng 5 năm 2023" (any case, with or without accents).
 * Vietnamese dates are day first. When the text holds several dates (a letter citing "Kế hoạch số 90/KH-UBND
 * ngày 11/6/2021 … trước ngày 20/5/2023"), the one after "trước", "hạn", "chậm nhất" … wins, else the first.
 */
export function parseDeadline(text: string, opts: ParseDeadlineOptions = {}): IsoDate | null {
  if (typeof text !== 'string') return null;
  const s = foldAccents(text.normalize('NFC')).toLowerCase();
  const found: Found[] = [];
  let m: RegExpExecArray | null;

  // ISO: 2023-05-20, 2023/5/20 (a four-digit first number means year first)
  const iso = /(^|[^\d])(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d])/g;
  while ((m = iso.exec(s))) {
    found.push({ index: m.index + m[1].length, date: makeIsoDate(Number(m[2]), Number(m[3]), Number(m[4])) });
  }
  // Day first: 20/5/2023, 20-05-2023, 20.5.2023, 20/5/23 — also 20/5 when a default year is given
  const dmy = /(^|[^\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\3\s*(\d{4}|\d{2}))?(?![\d])/g;
  while ((m = dmy.exec(s))) {
    const index = m.index + m[1].length;
    if (found.some((f) => f.index <= index && index < f.index + 10)) continue;
    const yearText = m[5];
    if (yearText === undefined) {
      // "20/5" alone: a date only after a cue and when the year is known; never "17.5" in "17.5 điểm".
      const before = s.slice(0, index);
      if (opts.defaultYear === undefined || !/(ngay|truoc|han)\s*$/.test(before)) continue;
      found.push({ index, date: makeIsoDate(opts.defaultYear, Number(m[4]), Number(m[2])) });
      continue;
    }
    found.push({ index, date: makeIsoDate(year4(yearText), Number(m[4]), Number(m[2])) });
  }
  // In words: ngày 20 tháng 5 năm 2023
  const words = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*,?\s*(?:nam)?\s*(\d{4}))?(?![\d])/g;
  while ((m = words.exec(s))) {
    const year = m[3] !== undefined ? Number(m[3]) : opts.defaultYear;
    if (year === undefined) continue;
    found.push({ index: m.index, date: makeIsoDate(year, Number(m[2]), Number(m[1])) });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.index - b.index);
  const cued = found.find((f) => {
    // the cue may sit a few words before: "trước 17h00 ngày 20/5/2023"
    const before = s.slice(Math.max(0, f.index - 40), f.index).replace(TIME_OF_DAY, ' ');
    return DEADLINE_CUE.test(before.replace(/\s+/g, ' '));
  });
  return (cued ?? found[0]).date;
}

// ---------------------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // throws RangeError for an unknown zone, which is what a caller passing a bad config should see
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    } as Intl.DateTimeFormatOptions);
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the system knows the IANA time zone (its formatter is then ready for localDate). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of an instant in a time zone: a file modified at 2023-05-20T18:30Z was modified on
 * 2023-05-21 in Hà Nội (UTC+7). Throws RangeError for an invalid Date or an unknown zone.
 */
export function localDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  // not `instanceof`: a Date from another realm (a worker, a test sandbox) is still a Date
  if (Object.prototype.toString.call(instant) !== '[object Date]' || Number.isNaN(instant.getTime())) {
    throw new RangeError('Thời điểm không hợp lệ / Invalid instant');
  }
  let year = NaN;
  let month = NaN;
  let day = NaN;
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
  }
  const d = makeIsoDate(year, month, day);
  if (!d) throw new RangeError(`Không đọc được ngày / Could not read the date of ${instant.toISOString()}`);
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// Lateness

export interface LatenessOptions {
  /**
   * Whether the deadline day itself is still on time. Default true: "trước ngày 20/5" in practice accepts
   * files received on the 20th. When false, a file received on the 20th is 1 day late.
   */
  deadlineDayCounts?: boolean;
}

export interface Lateness {
  late: boolean;
  /** Calendar days late; 0 when on time. */
  daysLate: number;
}

/** Whether a file received on `received` is late for `deadline`, and by how many calendar days. */
export function lateness(received: IsoDate, deadline: IsoDate, opts: LatenessOptions = {}): Lateness {
  const counts = opts.deadlineDayCounts ?? true;
  const diff = daysBetween(deadline, received) + (counts ? 0 : 1);
  const daysLate = Math.max(0, diff);
  return { late: daysLate > 0, daysLate };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** "20/05/2023". */
export function formatViDate(d: IsoDate): string {
  const { year, month, day } = partsOf(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * The place-and-date line of an administrative document, Decree 30/2020/NĐ-CP style: days below 10 and
 * months 1 and 2 take a leading zero ("Hưng Yên, ngày 05 tháng 02 năm 2023"; "…, ngày 20 tháng 5 năm 2023").
 */
export function viDateLine(place: string, d: IsoDate): string {
  const { year, month, day } = partsOf(d);
  const mm = month <= 2 ? pad2(month) : String(month);
  const where = place.replace(/\s+/g, ' ').trim();
  const line = `ngày ${pad2(day)} tháng ${mm} năm ${year}`;
  return where ? `${where}, ${line}` : line.charAt(0).toUpperCase() + line.slice(1);
}
