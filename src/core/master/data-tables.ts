/**
 * The data tables of the master — Tổng hợp, Theo dõi, Kiểm tra, Nhật ký, Đơn vị — as columns and rows
 * of plain values, both ways: model → rows for the write plan, and rows read back from a workbook →
 * model. Headers are matched through headerKey(), so the clerk may move columns; columns the clerk added
 * to Tổng hợp are kept.
 */
import { isIsoDate, type IsoDate } from '../campaign/deadline';
import type { CellValue } from '../grid';
import type { Severity } from '../issues';
import type { FieldDef, TableSchema } from '../schema/types';
import type { Roster } from '../units/roster';
import { rosterFromRows } from '../units/roster';
import { headerKey } from '../text/key';
import { isoFromSerial, type ColumnPlan, type PlanValue } from '../plan/write-plan';
import { readConfigDate } from './config-table';
import { CROSS_CHECK_SHEET, CROSS_DUPLICATE_PREFIX } from './cross-duplicates';
import {
  STATUS_VI,
  type IssueRow,
  type LogAction,
  type LogEntry,
  type MasterRow,
  type TrackerRow,
} from './model';

export type ReadRow = CellValue[];

const DATE_FORMAT = 'dd/mm/yyyy';

function dateCell(d: IsoDate | null): PlanValue {
  return d ? { date: d } : null;
}

/** A date as read back (serial number, "dd/mm/yyyy", "YYYY-MM-DD" or "ngày … tháng … năm …"). */
export const readDate = readConfigDate;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

function num(v: CellValue | undefined): number {
  if (typeof v === 'number') return v;
  const n = Number(text(v).replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
}

/** Index of each wanted header in a header row (by headerKey); -1 when absent. */
function locate(header: ReadRow, wanted: readonly string[]): number[] {
  const keys = header.map((h) => headerKey(text(h)));
  return wanted.map((w) => keys.indexOf(headerKey(w)));
}

function isBlankRow(row: ReadRow | undefined): boolean {
  return !row || row.every((v) => v === null || v === undefined || text(v).trim() === '');
}

// ---------------------------------------------------------------------------------------------------------
// Tổng hợp

export const ROW_COLS = {
  stt: 'STT',
  unit: 'Đơn vị gửi',
  received: 'Ngày nhận',
  status: 'Tình trạng',
  file: 'Tệp nguồn',
  source: 'Vị trí nguồn',
  check: 'Kiểm tra',
  key: 'Mã dòng',
} as const;

const FIELD_WIDTH: Record<string, number> = {
  ten: 28,
  loai: 10,
  gioiTinh: 8,
  namSinh: 9,
  chucVu: 18,
  donViCongTac: 28,
  linhVuc: 30,
  thanhTich: 50,
  ghiChu: 16,
};

export function fieldHeader(f: FieldDef): string {
  return f.title ?? f.name;
}

function fieldColumn(f: FieldDef): ColumnPlan {
  const col: ColumnPlan = {
    header: fieldHeader(f),
    width: FIELD_WIDTH[f.name] ?? (f.type === 'string' ? 24 : 12),
  };
  switch (f.type) {
    case 'string':
    case 'any':
      col.wrap = true;
      col.numberFormat = '@';
      break;
    case 'enum':
      col.wrap = true;
      col.numberFormat = '@';
      if (f.constraints?.enum?.length) col.list = { values: f.constraints.enum, strict: false };
      break;
    case 'date':
      col.numberFormat = DATE_FORMAT;
      col.align = 'center';
      break;
    case 'year':
    case 'integer':
      col.numberFormat = '0';
      col.align = 'center';
      break;
    default:
      break;
  }
  return col;
}

/** The extra columns of Tổng hợp, in the order they were first seen. */
function extraHeaders(rows: MasterRow[]): string[] {
  const seen: string[] = [];
  for (const r of rows) for (const h of Object.keys(r.extra ?? {})) if (!seen.includes(h)) seen.push(h);
  return seen;
}

export function rowColumns(schema: TableSchema, rows: MasterRow[]): ColumnPlan[] {
  return [
    { header: ROW_COLS.stt, width: 5, align: 'center', numberFormat: '0' },
    { header: ROW_COLS.unit, width: 26, wrap: true, numberFormat: '@' },
    ...schema.fields.map(fieldColumn),
    { header: ROW_COLS.received, width: 12, numberFormat: DATE_FORMAT, align: 'center' },
    { header: ROW_COLS.status, width: 11, numberFormat: '@' },
    { header: ROW_COLS.file, width: 24, wrap: true, numberFormat: '@' },
    { header: ROW_COLS.source, width: 14, numberFormat: '@' },
    { header: ROW_COLS.check, width: 44, wrap: true, numberFormat: '@' },
    ...extraHeaders(rows).map((h): ColumnPlan => ({ header: h, width: 16, wrap: true })),
    { header: ROW_COLS.key, width: 22, hidden: true, numberFormat: '@' },
  ];
}

/** Rows of Tổng hợp; `notes` adds lines to a row's Kiểm tra cell (cross-unit duplicates). */
export function rowValues(
  schema: TableSchema,
  rows: MasterRow[],
  notes?: Map<number, string[]>,
): PlanValue[][] {
  const extras = extraHeaders(rows);
  return rows.map((row, i) => [
    i + 1,
    row.unit,
    ...schema.fields.map((f): PlanValue => {
      const v = row.values[f.name];
      if (v === undefined || v === null) return null;
      if (f.type === 'date' && typeof v === 'string' && isIsoDate(v)) return { date: v };
      return v;
    }),
    dateCell(row.received),
    row.status,
    row.file,
    row.source,
    [...row.check, ...(notes?.get(i) ?? [])].join('\n'),
    ...extras.map((h) => row.extra?.[h] ?? null),
    row.key,
  ]);
}

/** Rows of Tổng hợp read back (header row first). */
export function rowsFromTable(schema: TableSchema, table: ReadRow[]): MasterRow[] {
  const [header = [], ...data] = table;
  const fixed = Object.values(ROW_COLS);
  const fixedIdx = locate(header, fixed);
  const col = (name: keyof typeof ROW_COLS) => fixedIdx[fixed.indexOf(ROW_COLS[name])]!;
  const fieldIdx = locate(header, schema.fields.map(fieldHeader));
  // A field whose title changed may still be found by its name.
  const byName = locate(
    header,
    schema.fields.map((f) => f.name),
  );
  const fieldCols = fieldIdx.map((c, i) => (c >= 0 ? c : byName[i]!));
  const known = new Set<number>([...fixedIdx, ...fieldCols].filter((c) => c >= 0));
  const extraCols = header
    .map((h, c) => ({ h: text(h).trim(), c }))
    .filter((x) => !known.has(x.c) && x.h !== '');

  const out: MasterRow[] = [];
  for (const r of data) {
    if (isBlankRow(r)) continue;
    const get = (c: number): CellValue => (c >= 0 ? (r[c] ?? null) : null);
    const values: Record<string, CellValue> = {};
    schema.fields.forEach((f, i) => {
      let v = get(fieldCols[i]!);
      if (f.type === 'date' && typeof v === 'number') v = isoFromSerial(v);
      if (typeof v === 'string' && v.trim() === '') v = null;
      values[f.name] = v;
    });
    const keyText = text(get(col('key'))).trim();
    const row: MasterRow = {
      key: keyText === '' ? null : keyText,
      unit: text(get(col('unit'))).trim(),
      values,
      received: readDate(get(col('received'))),
      status: text(get(col('status'))),
      file: text(get(col('file'))),
      source: text(get(col('source'))),
      check: text(get(col('check')))
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '' && !l.startsWith(CROSS_DUPLICATE_PREFIX)),
    };
    if (extraCols.length) {
      const extra: Record<string, CellValue> = {};
      for (const x of extraCols) extra[x.h] = get(x.c);
      row.extra = extra;
    }
    out.push(row);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Theo dõi (written only: derived from the log)

export const TRACKER_HEADERS = [
  'STT',
  'Đơn vị',
  'Nhóm',
  'Tình trạng',
  'Số ngày trễ',
  'Ngày nhận',
  'Ngày nhận bản mới nhất',
  'Tập thể',
  'Cá nhân',
  'Tổng số đề nghị',
  'Số lỗi',
  'Tệp',
  'Số lần gửi',
  'Người liên hệ',
  'Điện thoại',
  'Email',
] as const;

export function trackerColumns(): ColumnPlan[] {
  const widths = [5, 32, 22, 11, 8, 12, 12, 8, 8, 9, 7, 28, 7, 20, 14, 26];
  return TRACKER_HEADERS.map((header, i) => {
    const col: ColumnPlan = { header, width: widths[i]! };
    if ([1, 2, 11, 13].includes(i)) col.wrap = true;
    if ([5, 6].includes(i)) {
      col.numberFormat = DATE_FORMAT;
      col.align = 'center';
    }
    if ([0, 4, 7, 8, 9, 10, 12].includes(i)) col.align = 'center';
    if (i === 3) col.list = { values: Object.values(STATUS_VI), strict: true };
    return col;
  });
}

export function trackerValues(rows: TrackerRow[]): PlanValue[][] {
  return rows.map((t, i) => [
    i + 1,
    t.unit,
    t.inRoster ? t.group : 'Ngoài danh sách',
    STATUS_VI[t.status],
    t.status === 'missing' ? null : t.daysLate,
    dateCell(t.received),
    dateCell(t.lastReceived),
    t.tapThe,
    t.caNhan,
    t.rows,
    t.errors,
    t.file,
    t.timesSent,
    t.contact,
    t.phone,
    t.email,
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Kiểm tra

export const SEVERITY_VI: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export const ISSUE_HEADERS = [
  'STT',
  'Tệp',
  'Đơn vị',
  'Trang tính',
  'Ô',
  'Trường',
  'Mã lỗi',
  'Mức độ',
  'Nội dung',
] as const;

export function issueColumns(): ColumnPlan[] {
  const widths = [5, 26, 26, 16, 8, 18, 18, 10, 70];
  return ISSUE_HEADERS.map((header, i) => {
    const col: ColumnPlan = { header, width: widths[i]!, numberFormat: i === 0 ? '0' : '@' };
    if ([1, 2, 8].includes(i)) col.wrap = true;
    return col;
  });
}

export function issueValues(rows: IssueRow[]): PlanValue[][] {
  return rows.map((x, i) => [
    i + 1,
    x.file,
    x.unit,
    x.sheet,
    x.cell,
    x.field,
    x.code,
    SEVERITY_VI[x.severity],
    x.message,
  ]);
}

function severityFrom(v: string): Severity {
  const k = headerKey(v);
  if (k === headerKey('Lỗi') || k === 'error') return 'error';
  if (k === headerKey('Cảnh báo') || k === 'warning') return 'warning';
  return 'info';
}

/** Kiểm tra read back; rows found by comparing units are dropped (they are derived again on writing). */
export function issuesFromTable(table: ReadRow[]): IssueRow[] {
  const [header = [], ...data] = table;
  const idx = locate(header, ISSUE_HEADERS);
  const out: IssueRow[] = [];
  for (const r of data) {
    if (isBlankRow(r)) continue;
    const get = (i: number) => text(idx[i]! >= 0 ? r[idx[i]!] : null);
    if (get(3) === CROSS_CHECK_SHEET) continue;
    out.push({
      file: get(1),
      unit: get(2),
      sheet: get(3),
      cell: get(4),
      field: get(5),
      code: get(6),
      severity: severityFrom(get(7)),
      message: get(8),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Nhật ký

export const LOG_HEADERS = [
  'STT',
  'Thời điểm',
  'Tệp',
  'Đơn vị',
  'Lần gửi',
  'Kết quả',
  'Ngày nhận',
  'Nguồn ngày nhận',
  'Số dòng',
  'Thêm',
  'Thay',
  'Bớt',
  'Số lỗi',
  'Ghi chú',
  'Mã tệp',
] as const;

const ACTION_VI: Record<LogAction, string> = {
  merged: 'Đã gộp',
  replaced: 'Thay danh sách cũ',
  'not-merged': 'Không gộp',
  pending: 'Chưa xong (bị gián đoạn)',
};

const RECEIVED_FROM_VI: Record<LogEntry['receivedFrom'], string> = {
  given: 'Do người dùng nhập',
  'file-time': 'Ngày sửa tệp',
  today: 'Ngày gộp',
};

function fromVi<T extends string>(map: Record<T, string>, v: string, fallback: T): T {
  const k = headerKey(v);
  for (const [key, label] of Object.entries(map) as [T, string][])
    if (headerKey(label) === k || key === v) return key;
  return fallback;
}

export function logColumns(): ColumnPlan[] {
  const widths = [5, 19, 30, 28, 7, 16, 12, 16, 7, 6, 6, 6, 7, 24, 20];
  return LOG_HEADERS.map((header, i) => {
    const col: ColumnPlan = { header, width: widths[i]! };
    if ([2, 3, 13].includes(i)) col.wrap = true;
    if (i === 6) col.numberFormat = DATE_FORMAT;
    if ([1, 2, 3, 5, 7, 13, 14].includes(i)) col.numberFormat = '@';
    if (i === 14) col.hidden = true;
    return col;
  });
}

export function logValues(log: LogEntry[]): PlanValue[][] {
  return log.map((e, i) => [
    i + 1,
    e.time,
    e.file,
    e.unit,
    e.version,
    ACTION_VI[e.action],
    dateCell(e.received),
    RECEIVED_FROM_VI[e.receivedFrom],
    e.rows,
    e.added,
    e.replaced,
    e.removed,
    e.errors,
    e.note,
    e.digest,
  ]);
}

export function logFromTable(table: ReadRow[]): LogEntry[] {
  const [header = [], ...data] = table;
  const idx = locate(header, LOG_HEADERS);
  const out: LogEntry[] = [];
  for (const r of data) {
    if (isBlankRow(r)) continue;
    const raw = (i: number): CellValue => (idx[i]! >= 0 ? (r[idx[i]!] ?? null) : null);
    const t = (i: number) => text(raw(i));
    out.push({
      time: t(1),
      file: t(2),
      unit: t(3).trim(),
      version: num(raw(4)),
      action: fromVi(ACTION_VI, t(5), 'merged'),
      received: readDate(raw(6)),
      receivedFrom: fromVi(RECEIVED_FROM_VI, t(7), 'given'),
      rows: num(raw(8)),
      added: num(raw(9)),
      replaced: num(raw(10)),
      removed: num(raw(11)),
      errors: num(raw(12)),
      note: t(13),
      digest: t(14),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Đơn vị

export const ROSTER_HEADERS = [
  'Tên đơn vị',
  'Nhóm',
  'Tên khác',
  'Email',
  'Người liên hệ',
  'Điện thoại',
] as const;

export function rosterColumns(roster: Roster): ColumnPlan[] {
  const groups = [...new Set(roster.units.map((u) => u.group).filter((g): g is string => !!g))];
  const widths = [40, 30, 40, 30, 22, 16];
  return ROSTER_HEADERS.map((header, i) => {
    const col: ColumnPlan = { header, width: widths[i]!, wrap: i < 3, numberFormat: '@' };
    if (i === 1 && groups.length > 0) col.list = { values: groups, strict: false };
    return col;
  });
}

export function rosterValues(roster: Roster): PlanValue[][] {
  return roster.units.map((u) => [
    u.name,
    u.group ?? null,
    u.aliases.length ? u.aliases.join('; ') : null,
    u.email ?? null,
    u.contact ?? null,
    u.phone ?? null,
  ]);
}

export function rosterFromTable(table: ReadRow[]): { roster: Roster; problems: string[] } {
  return rosterFromRows(table.map((r) => r.map((v) => text(v))));
}
