/**
 * The campaign settings of the master (sheet "Cấu hình", table CauHinh): one setting per row, a label the
 * clerk can read ("Hạn nộp") and its value. Written from a CampaignConfig and read back from the cells as
 * a spreadsheet returns them: labels through headerKey() (so "HAN NOP", "Hạn nộp:" work), dates as Excel
 * serial numbers or as text ("20/05/2023", "2023-05-20", "ngày 20 tháng 5 năm 2023").
 */
import {
  DEFAULT_TIME_ZONE,
  isIsoDate,
  isKnownTimeZone,
  parseDeadline,
  type IsoDate,
} from '../campaign/deadline';
import { a1, type CellValue } from '../grid';
import { isoFromSerial, type ColumnPlan, type PlanValue } from '../plan/write-plan';
import { headerKey } from '../text/key';
import { SHEETS, type CampaignConfig } from './model';

export const DEFAULT_TITLE = 'Danh sách giới thiệu điển hình tiên tiến';

/** Header texts of the two columns. */
export const CONFIG_HEADERS = { key: 'Mục', value: 'Giá trị' } as const;

type ConfigKey = keyof CampaignConfig;
type TextKey = 'title' | 'letterNo' | 'timeZone' | 'issuer' | 'superior' | 'place';

interface Setting {
  key: ConfigKey;
  /** The label written in the sheet. */
  label: string;
  /** Other labels accepted when reading. */
  also: string[];
  kind: 'text' | 'date' | 'bool';
}

/** The settings in the order they are written. */
const SETTINGS: readonly Setting[] = [
  {
    key: 'title',
    label: 'Tên đợt',
    also: ['Tên đợt tổng hợp', 'Tiêu đề', 'Tên danh sách', 'Title'],
    kind: 'text',
  },
  {
    key: 'letterNo',
    label: 'Số công văn',
    also: ['Số văn bản', 'Số hiệu văn bản', 'Số CV', 'Letter number'],
    kind: 'text',
  },
  {
    key: 'letterDate',
    label: 'Ngày công văn',
    also: ['Ngày văn bản', 'Ngày ban hành', 'Ngày CV', 'Letter date'],
    kind: 'date',
  },
  {
    key: 'deadline',
    label: 'Hạn nộp',
    also: ['Hạn gửi', 'Thời hạn', 'Hạn chót', 'Hạn nộp danh sách', 'Deadline'],
    kind: 'date',
  },
  {
    key: 'deadlineDayCounts',
    label: 'Tính cả ngày hạn là đúng hạn',
    also: ['Ngày hạn là đúng hạn', 'Nộp trong ngày hạn là đúng hạn', 'Tính cả ngày hạn'],
    kind: 'bool',
  },
  { key: 'timeZone', label: 'Múi giờ', also: ['Time zone'], kind: 'text' },
  { key: 'issuer', label: 'Cơ quan ban hành', also: ['Cơ quan', 'Đơn vị ban hành', 'Issuer'], kind: 'text' },
  { key: 'superior', label: 'Cơ quan chủ quản', also: ['Cơ quan cấp trên', 'Superior'], kind: 'text' },
  { key: 'place', label: 'Địa danh', also: ['Nơi ban hành', 'Place'], kind: 'text' },
];

const BY_LABEL = new Map<string, Setting>();
for (const s of SETTINGS) for (const l of [s.label, ...s.also]) BY_LABEL.set(headerKey(l), s);

export const YES = 'Có';
export const NO = 'Không';

/** A setting as written in the sheet, by key (for front ends that show or edit one setting). */
export function configLabel(key: ConfigKey): string {
  return SETTINGS.find((s) => s.key === key)!.label;
}

export function defaultConfig(deadline: IsoDate, title?: string): CampaignConfig {
  return {
    title: title?.trim() || DEFAULT_TITLE,
    letterNo: '',
    letterDate: null,
    deadline,
    deadlineDayCounts: true,
    timeZone: DEFAULT_TIME_ZONE,
    issuer: '',
    superior: '',
    place: '',
  };
}

function valueCell(s: Setting, config: CampaignConfig): PlanValue {
  const v = config[s.key];
  if (s.kind === 'bool') return v ? YES : NO;
  if (s.kind === 'date') return typeof v === 'string' && isIsoDate(v) ? { date: v } : null;
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * The CauHinh table. Dates are PlanDate values (written as Excel dates shown dd/mm/yyyy); the value column
 * keeps the General format because it also holds text.
 */
export function configRows(config: CampaignConfig): { columns: ColumnPlan[]; rows: PlanValue[][] } {
  return {
    columns: [
      { header: CONFIG_HEADERS.key, width: 32, numberFormat: '@' },
      { header: CONFIG_HEADERS.value, width: 60, wrap: true, align: 'left' },
    ],
    rows: SETTINGS.map((s) => [s.label, valueCell(s, config)]),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

function shown(v: CellValue | undefined): string {
  const t = text(v).replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** A date cell: an Excel serial number, "YYYY-MM-DD", "dd/mm/yyyy" or "ngày 20 tháng 5 năm 2023". */
export function readConfigDate(v: CellValue | undefined): IsoDate | null {
  if (typeof v === 'number') return isoFromSerial(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (isIsoDate(t)) return t;
  return parseDeadline(t);
}

const TRUE_WORDS = new Set(['co', 'yes', 'y', 'true', 'x', 'dung', '1', 'c', 'tinh', 'co tinh']);
const FALSE_WORDS = new Set(['khong', 'no', 'n', 'false', 'sai', '0', 'k', 'ko', 'khong tinh']);

/** Có/Không, Yes/No, TRUE/FALSE, x; null when blank, undefined when unreadable. */
export function readYesNo(v: CellValue | undefined): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const t = text(v).trim();
  if (t === '') return null;
  const k = headerKey(t);
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return undefined;
}

export interface ConfigReadOptions {
  /** 0-based sheet row of the header row (for cell addresses in messages); default 0. */
  headerRow?: number;
}

/**
 * The campaign settings from the CauHinh table as a spreadsheet returns it: the header row first, then one
 * row per setting. Never throws; what is missing or unreadable is named in `problems` (Vietnamese, with the
 * cell) and replaced by a default: deadline "" (no deadline), letter date null, deadline day counts yes,
 * time zone Asia/Ho_Chi_Minh, texts "".
 */
export function configFromRows(
  rows: CellValue[][],
  opts: ConfigReadOptions = {},
): { config: CampaignConfig; problems: string[] } {
  const sheet = SHEETS.config.sheet;
  const top = opts.headerRow ?? 0;
  const problems: string[] = [];
  const config: CampaignConfig = {
    title: '',
    letterNo: '',
    letterDate: null,
    deadline: '',
    deadlineDayCounts: true,
    timeZone: DEFAULT_TIME_ZONE,
    issuer: '',
    superior: '',
    place: '',
  };

  const header = (rows[0] ?? []).map((h) => headerKey(text(h)));
  let keyCol = header.indexOf(headerKey(CONFIG_HEADERS.key));
  let valueCol = header.indexOf(headerKey(CONFIG_HEADERS.value));
  let first = 1;
  if (keyCol < 0 || valueCol < 0) {
    // no header row: settings in columns A and B, perhaps from the first row
    keyCol = 0;
    valueCol = 1;
    if (BY_LABEL.has(header[0] ?? '')) first = 0;
  }

  const seen = new Map<ConfigKey, number>();
  for (let r = first; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const setting = BY_LABEL.get(headerKey(text(row[keyCol])));
    if (!setting) continue;
    const cell = a1(top + r, valueCol);
    const earlier = seen.get(setting.key);
    if (earlier !== undefined) {
      problems.push(
        `${sheet}, dòng ${top + r + 1}: mục „${setting.label}” lặp lại; dùng giá trị ở dòng ${top + earlier + 1}`,
      );
      continue;
    }
    seen.set(setting.key, r);
    const v = row[valueCol];
    const blank = text(v).trim() === '';
    const what = setting.label.charAt(0).toLowerCase() + setting.label.slice(1);

    if (setting.kind === 'date') {
      if (blank) {
        if (setting.key === 'deadline') problems.push(`${sheet}, ô ${cell}: chưa có hạn nộp`);
        continue;
      }
      const d = readConfigDate(v);
      if (d === null) {
        problems.push(`${sheet}, ô ${cell}: không đọc được ${what} „${shown(v)}” (cần dạng dd/mm/yyyy)`);
        continue;
      }
      if (setting.key === 'deadline') config.deadline = d;
      else config.letterDate = d;
    } else if (setting.kind === 'bool') {
      const b = readYesNo(v);
      if (b === undefined) {
        problems.push(`${sheet}, ô ${cell}: „${shown(v)}” không phải ${YES} hoặc ${NO}; coi như ${YES}`);
      } else if (b !== null) config.deadlineDayCounts = b;
    } else if (setting.key === 'timeZone') {
      const tz = text(v).trim();
      if (tz === '') continue;
      if (isKnownTimeZone(tz)) config.timeZone = tz;
      else problems.push(`${sheet}, ô ${cell}: múi giờ „${shown(v)}” không có; dùng ${DEFAULT_TIME_ZONE}`);
    } else {
      config[setting.key as TextKey] = text(v).trim();
    }
  }
  if (!seen.has('deadline')) problems.push(`${sheet}: không có dòng „${configLabel('deadline')}”`);
  return { config, problems };
}
