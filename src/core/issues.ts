/**
 * The issue catalogue: every finding has a stable code, a severity, a place and a message in
 * Vietnamese (and English). Codes follow the Frictionless catalogue where one exists.
 */

import { colLetters } from './grid';

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  // file level
  | 'unreadable-file'
  | 'encrypted-file'
  | 'unsupported-format'
  | 'too-large'
  | 'no-table-found'
  | 'empty-sheet'
  | 'hidden-sheet'
  | 'no-nominees'
  | 'legacy-encoding'
  // header
  | 'blank-label'
  | 'duplicate-label'
  | 'missing-label'
  | 'extra-label'
  | 'incorrect-label'
  // rows and cells
  | 'missing-cell'
  | 'extra-cell'
  | 'blank-row'
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'duplicate-row'
  | 'duplicate-nominee'
  | 'formula-value'
  | 'ignored-rows'
  | 'reference-sheet'
  // campaign
  | 'unknown-unit'
  | 'not-in-roster'
  | 'late-submission'
  | 'resubmission';

export const DEFAULT_SEVERITY: Record<IssueCode, Severity> = {
  'unreadable-file': 'error',
  'encrypted-file': 'error',
  'unsupported-format': 'error',
  'too-large': 'error',
  'no-table-found': 'error',
  'empty-sheet': 'info',
  'hidden-sheet': 'info',
  'no-nominees': 'info',
  'legacy-encoding': 'info',
  'blank-label': 'warning',
  'duplicate-label': 'warning',
  'missing-label': 'error',
  'extra-label': 'info',
  'incorrect-label': 'error',
  'missing-cell': 'error',
  'extra-cell': 'warning',
  'blank-row': 'info',
  'type-error': 'error',
  'constraint-error': 'error',
  'unique-error': 'error',
  'duplicate-row': 'warning',
  'duplicate-nominee': 'warning',
  'formula-value': 'info',
  'ignored-rows': 'warning',
  'reference-sheet': 'info',
  'unknown-unit': 'warning',
  'not-in-roster': 'warning',
  'late-submission': 'warning',
  resubmission: 'info',
};

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** File name as the clerk knows it (no directories). */
  file: string;
  sheet: string | null;
  /** A1 address of the cell, or of the row's first cell for a row issue; null for file/header-wide issues. */
  cell: string | null;
  /** 1-based physical row in the sheet, when the issue is about a row or cell. */
  row: number | null;
  /** 1-based column, when the issue is about a column or cell. */
  col: number | null;
  /** Field name (schema `name`) when the issue is about a field. */
  field: string | null;
  /** Vietnamese message, naming file, sheet and cell. */
  message: string;
  /** English message. */
  messageEn: string;
}

export type IssueParams = Record<string, string | number | undefined>;

type Template = (p: IssueParams) => string;

/** Message bodies, without the place prefix. */
const MESSAGES: Record<IssueCode, { vi: Template; en: Template }> = {
  'unreadable-file': {
    vi: (p) => `không đọc được tệp (hỏng hoặc không phải bảng tính)${p.detail ? `: ${p.detail}` : ''}`,
    en: (p) => `the file cannot be read (corrupt or not a spreadsheet)${p.detail ? `: ${p.detail}` : ''}`,
  },
  'encrypted-file': {
    vi: () => 'tệp có mật khẩu bảo vệ; hãy bỏ mật khẩu (hoặc đề nghị đơn vị gửi lại bản không mật khẩu)',
    en: () => 'the file is password protected; remove the password or ask the unit for an unprotected copy',
  },
  'unsupported-format': {
    vi: (p) =>
      `định dạng tệp không được hỗ trợ${p.detail ? ` (${p.detail})` : ''}; hãy lưu lại dưới dạng .xlsx, .xls, .ods hoặc .csv`,
    en: (p) =>
      `unsupported file format${p.detail ? ` (${p.detail})` : ''}; save it as .xlsx, .xls, .ods or .csv`,
  },
  'too-large': {
    vi: (p) => `tệp quá lớn để đọc an toàn (${p.detail}); giới hạn là ${p.limit}`,
    en: (p) => `the file is too large to read safely (${p.detail}); the limit is ${p.limit}`,
  },
  'no-table-found': {
    vi: () => 'không tìm thấy bảng danh sách (dòng tiêu đề có cột Họ và tên / Tên tập thể)',
    en: () => 'no list table found (a header row with a name column)',
  },
  'empty-sheet': {
    vi: () => 'trang tính trống, bỏ qua',
    en: () => 'the sheet is empty and was skipped',
  },
  'hidden-sheet': {
    vi: () => 'trang tính bị ẩn, không đọc làm dữ liệu',
    en: () => 'the sheet is hidden and was not read as data',
  },
  'no-nominees': {
    vi: (p) => `đơn vị báo không có tập thể, cá nhân đề nghị${p.text ? ` („${p.text}”)` : ''}`,
    en: (p) => `the unit reports no nominees${p.text ? ` ("${p.text}")` : ''}`,
  },
  'legacy-encoding': {
    vi: (p) => `đã chuyển ${p.count} ô từ phông cũ (${p.encodings}) sang Unicode`,
    en: (p) => `${p.count} cells converted from legacy fonts (${p.encodings}) to Unicode`,
  },
  'blank-label': {
    vi: () => 'cột có dữ liệu nhưng tiêu đề để trống',
    en: () => 'the column has no header',
  },
  'duplicate-label': {
    vi: (p) => `tiêu đề cột „${p.label}” trùng với cột ${p.other}`,
    en: (p) => `the header "${p.label}" duplicates column ${p.other}`,
  },
  'missing-label': {
    vi: (p) => `thiếu cột bắt buộc „${p.title}”`,
    en: (p) => `the required column "${p.title}" is missing`,
  },
  'extra-label': {
    vi: (p) => `cột „${p.label}” không thuộc mẫu, không được tổng hợp`,
    en: (p) => `the column "${p.label}" is not in the schema and is not merged`,
  },
  'incorrect-label': {
    vi: (p) => `tiêu đề cột „${p.label}” khác tên trường „${p.name}” mà mẫu đặt ở vị trí này`,
    en: (p) =>
      `the header "${p.label}" does not match the schema field "${p.name}" expected at this position`,
  },
  'missing-cell': {
    vi: (p) => `dòng thiếu ô ở cột „${p.title}”`,
    en: (p) => `the row has no cell for "${p.title}"`,
  },
  'extra-cell': {
    vi: () => 'dòng có ô thừa, ngoài các cột của bảng',
    en: () => 'the row has a cell beyond the table columns',
  },
  'blank-row': {
    vi: () => 'dòng trống',
    en: () => 'the row is blank',
  },
  'type-error': {
    vi: (p) =>
      `„${p.value}” không phải ${p.expected} hợp lệ cho „${p.title}”` +
      `${p.hint ? ` (${p.hint})` : ''}${p.allowed ? ` (phải là một trong các giá trị: ${p.allowed})` : ''}`,
    en: (p) =>
      `"${p.value}" is not a valid ${p.expectedEn} for "${p.title}"` +
      `${p.hintEn ? ` (${p.hintEn})` : ''}${p.allowed ? ` (must be one of: ${p.allowed})` : ''}`,
  },
  'constraint-error': {
    vi: (p) => `„${p.title}”: ${p.detail}`,
    en: (p) => `"${p.title}": ${p.detailEn}`,
  },
  'unique-error': {
    vi: (p) => `giá trị „${p.value}” ở cột „${p.title}” đã có ở dòng ${p.other}`,
    en: (p) => `the value "${p.value}" in "${p.title}" already appears on row ${p.other}`,
  },
  'duplicate-row': {
    vi: (p) => `dòng trùng hoàn toàn với dòng ${p.other}`,
    en: (p) => `the row is identical to row ${p.otherEn ?? p.other}`,
  },
  'duplicate-nominee': {
    vi: (p) => `„${p.name}” được đề nghị hai lần (trùng với ${p.other})`,
    en: (p) => `"${p.name}" is nominated twice (same as ${p.otherEn ?? p.other})`,
  },
  'formula-value': {
    vi: (p) => `ô chứa công thức („=${p.formula}”); lấy giá trị đã tính „${p.value}”`,
    en: (p) => `the cell holds a formula ("=${p.formula}"); its computed value "${p.value}" is used`,
  },
  'ignored-rows': {
    vi: (p) =>
      p.reason === 'second-table'
        ? `từ dòng ${p.row} trở xuống là một bảng khác, không được đọc làm danh sách; hãy kiểm tra`
        : `sau nhiều dòng trống, từ dòng ${p.row} trở xuống còn dữ liệu không được đọc làm danh sách; hãy kiểm tra`,
    en: (p) =>
      p.reason === 'second-table'
        ? `another table starts at row ${p.row} and was not read as part of the list; please check`
        : `after many blank rows, data from row ${p.row} down was not read as part of the list; please check`,
  },
  'reference-sheet': {
    vi: () => 'trang hướng dẫn / danh mục, không đọc làm danh sách',
    en: () => 'an instructions or lookup sheet, not read as a list',
  },
  'unknown-unit': {
    vi: (p) => `không xác định được đơn vị gửi${p.candidates ? `; gần nhất: ${p.candidates}` : ''}`,
    en: (p) => `the sending unit could not be identified${p.candidates ? `; closest: ${p.candidates}` : ''}`,
  },
  'not-in-roster': {
    vi: (p) => `đơn vị „${p.unit}” không có trong danh sách đơn vị nhận công văn`,
    en: (p) => `the unit "${p.unit}" is not in the roster`,
  },
  'late-submission': {
    vi: (p) => `nộp trễ ${p.days} ngày (hạn ${p.deadline}, nhận ${p.received})`,
    en: (p) => `${p.days} days late (deadline ${p.deadline}, received ${p.received})`,
  },
  resubmission: {
    vi: (p) => `danh sách gửi lại (lần ${p.version}) thay cho danh sách trước của đơn vị`,
    en: (p) => `a resubmitted list (version ${p.version}) replaces the unit's earlier list`,
  },
};

export interface IssuePlace {
  file: string;
  sheet?: string | null;
  /** 0-based row and column, when known. */
  r?: number | null;
  c?: number | null;
  field?: string | null;
}

function placeText(p: IssuePlace, cell: string | null, lang: 'vi' | 'en'): string {
  const parts: string[] = [];
  if (lang === 'vi') {
    parts.push(`Tệp „${p.file}”`);
    if (p.sheet) parts.push(`trang „${p.sheet}”`);
    if (cell) parts.push(`ô ${cell}`);
    else if (p.r !== undefined && p.r !== null) parts.push(`dòng ${p.r + 1}`);
    else if (p.c !== undefined && p.c !== null) parts.push(`cột ${colLetters(p.c)}`);
  } else {
    parts.push(`File "${p.file}"`);
    if (p.sheet) parts.push(`sheet "${p.sheet}"`);
    if (cell) parts.push(`cell ${cell}`);
    else if (p.r !== undefined && p.r !== null) parts.push(`row ${p.r + 1}`);
    else if (p.c !== undefined && p.c !== null) parts.push(`column ${colLetters(p.c)}`);
  }
  return parts.join(', ');
}

/** Builds an issue with its messages. */
export function makeIssue(
  code: IssueCode,
  place: IssuePlace,
  params: IssueParams = {},
  severity: Severity = DEFAULT_SEVERITY[code],
): Issue {
  const hasR = place.r !== undefined && place.r !== null;
  const hasC = place.c !== undefined && place.c !== null;
  const cell = hasR && hasC ? `${colLetters(place.c as number)}${(place.r as number) + 1}` : null;
  const t = MESSAGES[code];
  return {
    code,
    severity,
    file: place.file,
    sheet: place.sheet ?? null,
    cell,
    row: hasR ? (place.r as number) + 1 : null,
    col: hasC ? (place.c as number) + 1 : null,
    field: place.field ?? null,
    message: `${placeText(place, cell, 'vi')}: ${t.vi(params)}.`,
    messageEn: `${placeText(place, cell, 'en')}: ${t.en(params)}.`,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts issues as a reader expects: by sheet order given, then row, then column. Stable. */
export function sortIssues(issues: Issue[], sheetOrder: string[] = []): Issue[] {
  const idx = (s: string | null) => (s === null ? -1 : sheetOrder.indexOf(s));
  return issues
    .map((i, n) => ({ i, n }))
    .sort(
      (a, b) =>
        idx(a.i.sheet) - idx(b.i.sheet) ||
        (a.i.row ?? 0) - (b.i.row ?? 0) ||
        (a.i.col ?? 0) - (b.i.col ?? 0) ||
        a.n - b.n,
    )
    .map((x) => x.i);
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER[s];
}
