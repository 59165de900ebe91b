/**
 * The master workbook as the engine sees it (GUIDE §3): the campaign, the roster, the fields, the merged
 * rows, the issues and the merge log. The tracker (Theo dõi) and the summary (Báo cáo) are derived from
 * these and never read back. Front ends read a master into this model and write it back through a
 * write plan (src/core/master/plan.ts).
 */
import type { IsoDate } from '../campaign/deadline';
import type { CellValue } from '../grid';
import type { Severity } from '../issues';
import type { TableSchema } from '../schema/types';
import type { Roster } from '../units/roster';

/** Sheet and table names of the master (GUIDE §3). */
export const SHEETS = {
  config: { sheet: 'Cấu hình', table: 'CauHinh' },
  roster: { sheet: 'Đơn vị', table: 'DonVi' },
  fields: { sheet: 'Trường dữ liệu', table: 'TruongDuLieu' },
  rows: { sheet: 'Tổng hợp', table: 'TongHop' },
  tracker: { sheet: 'Theo dõi', table: 'TheoDoi' },
  report: { sheet: 'Báo cáo', table: null },
  issues: { sheet: 'Kiểm tra', table: 'KiemTra' },
  log: { sheet: 'Nhật ký', table: 'NhatKy' },
} as const;

export interface CampaignConfig {
  /** Title of the campaign, e.g. "Danh sách giới thiệu điển hình tiên tiến năm 2023". */
  title: string;
  /** Number of the letter ("512/SKHCN-VP"). */
  letterNo: string;
  letterDate: IsoDate | null;
  deadline: IsoDate;
  /** Whether a file received on the deadline day is on time (default yes). */
  deadlineDayCounts: boolean;
  timeZone: string;
  /** The issuing body and its superior, for the report's header block. */
  issuer: string;
  superior: string;
  /** Place name for the date line ("Hưng Yên"). */
  place: string;
}

/** One row of Tổng hợp. */
export interface MasterRow {
  /**
   * Hidden stable key "unitKey|digest|n" of a merged row; null for a row the clerk added by hand.
   * Rows are matched by this key, never by position.
   */
  key: string | null;
  /** Đơn vị gửi: the roster name of the sending unit. */
  unit: string;
  /** Field values by field name (the schema's fields). */
  values: Record<string, CellValue>;
  received: IsoDate | null;
  /** Tình trạng: "Hợp lệ", "Có lỗi", "Cần xem". */
  status: string;
  /** Tệp nguồn. */
  file: string;
  /** Vị trí nguồn: "Sheet!A7". */
  source: string;
  /** Kiểm tra: the row's own findings, one message a line (cross-unit duplicates are added on output). */
  check: string[];
  /** Columns the clerk added to the table, by header: kept as they are. */
  extra?: Record<string, CellValue>;
}

/** One row of Kiểm tra. */
export interface IssueRow {
  file: string;
  /** Roster name of the unit, or "" when the file's unit is not known. */
  unit: string;
  sheet: string;
  cell: string;
  field: string;
  code: string;
  severity: Severity;
  message: string;
}

/**
 * What a merge did with a file (Nhật ký). `pending`: written first by a front end that cannot write the
 * master atomically (Office.js), and turned into the real action by its last request; a pending entry
 * left behind by an interrupted merge counts for nothing, so merging again converges.
 */
export type LogAction = 'merged' | 'replaced' | 'not-merged' | 'pending';

/** One row of Nhật ký: one file merged (or refused) at one time. */
export interface LogEntry {
  /** When the merge ran, local time of the campaign as text ("2023-05-18 09:30:05"). */
  time: string;
  file: string;
  /** Roster name, or "" when the unit was not identified. */
  unit: string;
  /** 1 for a unit's first list, 2 for its first re-submission …; 0 when not merged. */
  version: number;
  action: LogAction;
  received: IsoDate | null;
  /** How the received date was obtained: given by the clerk, the file's modification time, or today. */
  receivedFrom: 'given' | 'file-time' | 'today';
  /** Nominee rows of the file. */
  rows: number;
  added: number;
  replaced: number;
  removed: number;
  errors: number;
  /** Content fingerprint of the file, to recognise the same file merged again. */
  digest: string;
  note: string;
}

export interface MasterModel {
  config: CampaignConfig;
  roster: Roster;
  schema: TableSchema;
  rows: MasterRow[];
  issues: IssueRow[];
  log: LogEntry[];
}

export type TrackerStatus = 'on-time' | 'late' | 'missing';

export const STATUS_VI: Record<TrackerStatus, string> = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
};

/** One row of Theo dõi (derived). */
export interface TrackerRow {
  unit: string;
  group: string;
  /** False for a unit named with --unit that is not in the roster. */
  inRoster: boolean;
  status: TrackerStatus;
  daysLate: number;
  /** First received date (lateness is that of the first list; a later correction does not change it). */
  received: IsoDate | null;
  /** Received date of the current list, when different from the first. */
  lastReceived: IsoDate | null;
  tapThe: number;
  caNhan: number;
  /** Rows of the current list without a type. */
  otherRows: number;
  rows: number;
  errors: number;
  /** File of the current list. */
  file: string;
  timesSent: number;
  email: string;
  contact: string;
  phone: string;
}
