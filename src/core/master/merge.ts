/**
 * Merging checked lists into the master (issue "Engine II"): one current list per unit. A later list
 * from the same unit replaces that unit's rows (the log keeps the versions); the same file merged again
 * changes nothing; rows the clerk added by hand, and other units' rows, are never touched. Every nominee
 * row of a merged file lands in Tổng hợp (rows with errors are marked), and every finding in Kiểm tra.
 */
import { formatViDate, lateness, type IsoDate } from '../campaign/deadline';
import type { FileReport } from '../check';
import { a1, type CellValue } from '../grid';
import { makeIssue, type Issue } from '../issues';
import type { TableSchema } from '../schema/types';
import type { IssueRow, LogEntry, MasterModel, MasterRow } from './model';
import { keyUnitSlug, rowKey, unitKey, unitSlug } from './row-key';
import { rememberNomineeParts } from './cross-duplicates';

/** A checked file, ready to merge. */
export interface IncomingList {
  /** File name as the clerk knows it (no directories). */
  file: string;
  /** Content fingerprint (e.g. SHA-256 of the bytes, hex). */
  digest: string;
  received: IsoDate;
  receivedFrom: LogEntry['receivedFrom'];
  report: FileReport;
  /**
   * The sending unit: a roster name, a name the clerk gave that is not in the roster (`inRoster` false),
   * or null when it could not be identified.
   */
  unit: string | null;
  inRoster: boolean;
  /** Best roster candidates when the unit is unknown, for the message. */
  candidates?: { name: string; score: number }[];
  /** How sure the identification is (1 when the clerk named the unit). */
  confidence?: number;
}

export type FileAction = 'merged' | 'replaced' | 'unchanged' | 'not-merged';

export interface FileOutcome {
  file: string;
  unit: string | null;
  action: FileAction;
  /** The unit's list version this file became (0 when not merged). */
  version: number;
  added: number;
  replaced: number;
  removed: number;
  late: boolean;
  daysLate: number;
  /** Findings of the merge itself (unknown-unit, not-in-roster, late-submission, resubmission). */
  issues: Issue[];
}

export interface MergeResult {
  model: MasterModel;
  files: FileOutcome[];
  /** Whether anything changed (false when every file had already been merged as it is). */
  changed: boolean;
}

export const ROW_STATUS = { ok: 'Hợp lệ', errors: 'Có lỗi', warnings: 'Cần xem' } as const;

/** Codes that mean the file could not be read at all. */
const UNREADABLE = new Set(['unreadable-file', 'encrypted-file', 'unsupported-format', 'too-large']);

/** The message of an issue without its "Tệp „…”, trang „…”, ô B7: " prefix, led by the cell. */
export function shortMessage(issue: Issue): string {
  const start = `Tệp „${issue.file}”`.length;
  const i = issue.message.indexOf(': ', start);
  const text = i >= 0 ? issue.message.slice(i + 2) : issue.message;
  return issue.cell ? `${issue.cell}: ${text}` : text;
}

function fieldTitleOf(schema: TableSchema, name: string | null): string {
  if (!name) return '';
  const f = schema.fields.find((x) => x.name === name);
  return f?.title ?? name;
}

export function issueRow(issue: Issue, unit: string, schema: TableSchema): IssueRow {
  return {
    file: issue.file,
    unit,
    sheet: issue.sheet ?? '',
    cell: issue.cell ?? (issue.row !== null ? `dòng ${issue.row}` : ''),
    field: fieldTitleOf(schema, issue.field),
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
  };
}

function rowStatus(issues: Issue[]): string {
  if (issues.some((i) => i.severity === 'error')) return ROW_STATUS.errors;
  if (issues.some((i) => i.severity === 'warning')) return ROW_STATUS.warnings;
  return ROW_STATUS.ok;
}

/** The rows a file contributes to Tổng hợp. */
function rowsOf(list: IncomingList, unit: string): MasterRow[] {
  return list.report.records.map((rec, n) => {
    let c0 = Infinity;
    for (const f in rec.cols) c0 = Math.min(c0, rec.cols[f]!);
    if (c0 === Infinity) c0 = 0;
    const values: Record<string, CellValue> = { ...rec.values };
    if (rec.nominee !== undefined) rememberNomineeParts(values, rec.nominee);
    return {
      key: rowKey(unit, list.digest, n + 1),
      unit,
      values,
      received: list.received,
      status: rowStatus(rec.issues),
      file: list.file,
      source: `${rec.sheet}!${a1(rec.r, c0)}`,
      check: rec.issues.map(shortMessage),
    };
  });
}

function isUnreadable(report: FileReport): boolean {
  return report.sheets.length === 0 && report.issues.some((i) => UNREADABLE.has(i.code));
}

/** Versions (merged lists) of a unit in the log, oldest first. */
export function unitVersions(log: LogEntry[], unit: string): LogEntry[] {
  const k = unitKey(unit);
  return log.filter(
    (e) => (e.action === 'merged' || e.action === 'replaced') && e.unit !== '' && unitKey(e.unit) === k,
  );
}

function candidatesText(c: { name: string; score: number }[] | undefined): string | undefined {
  if (!c || c.length === 0) return undefined;
  return c.map((x) => `${x.name} (${Math.round(x.score * 100)}%)`).join('; ');
}

/**
 * Merges the lists, in the order given, into a copy of the model. `now` is the time of the merge
 * (an ISO instant) for the log.
 */
export function mergeLists(model: MasterModel, lists: IncomingList[], now: string): MergeResult {
  const m: MasterModel = {
    ...model,
    rows: [...model.rows],
    issues: [...model.issues],
    log: [...model.log],
  };
  const files: FileOutcome[] = [];
  let changed = false;
  /** Unit slugs of the rows' keys (null: a row without a key), once a list is merged. */
  let slugsInRows: Set<string | null> | undefined;
  // The unit slug of each row key, worked out once: every merged list looks at every row.
  const slugOfKey = new Map<string, string | null>();
  const keySlug = (key: string): string | null => {
    let s = slugOfKey.get(key);
    if (s === undefined) {
      s = keyUnitSlug(key);
      slugOfKey.set(key, s);
    }
    return s;
  };

  for (const list of lists) {
    const mergeIssues: Issue[] = [];
    const outcome: FileOutcome = {
      file: list.file,
      unit: list.unit,
      action: 'not-merged',
      version: 0,
      added: 0,
      replaced: 0,
      removed: 0,
      late: false,
      daysLate: 0,
      issues: mergeIssues,
    };
    files.push(outcome);
    const errors = list.report.issues.filter((i) => i.severity === 'error').length;
    const unitName = list.unit ?? '';
    const readable = !isUnreadable(list.report);

    // The same file merged again: nothing changes.
    const prior = list.unit ? unitVersions(m.log, list.unit) : [];
    const latest = prior[prior.length - 1];
    if (readable && list.unit && latest && latest.digest === list.digest) {
      outcome.action = 'unchanged';
      outcome.version = latest.version;
      const first = prior[0]!;
      const lt = lateness(first.received ?? list.received, m.config.deadline, {
        deadlineDayCounts: m.config.deadlineDayCounts,
      });
      outcome.late = lt.late;
      outcome.daysLate = lt.daysLate;
      continue;
    }
    if (!readable || !list.unit) {
      const lastForFile = [...m.log].reverse().find((e) => e.file === list.file && e.action !== 'pending');
      if (lastForFile && lastForFile.action === 'not-merged' && lastForFile.digest === list.digest) {
        outcome.action = 'unchanged';
        continue;
      }
    }

    changed = true;
    if (!list.unit && readable) {
      mergeIssues.push(
        makeIssue('unknown-unit', { file: list.file }, { candidates: candidatesText(list.candidates) }),
      );
    } else if (list.unit && !list.inRoster) {
      mergeIssues.push(makeIssue('not-in-roster', { file: list.file }, { unit: list.unit }));
    }

    if (!readable || !list.unit) {
      // Not merged: the findings say why; earlier findings about this same file are replaced.
      m.issues = m.issues.filter((r) => !(r.file === list.file && (r.unit === '' || r.unit === unitName)));
      for (const i of [...list.report.issues, ...mergeIssues]) m.issues.push(issueRow(i, unitName, m.schema));
      m.log.push({
        time: now,
        file: list.file,
        unit: unitName,
        version: 0,
        action: 'not-merged',
        received: list.received,
        receivedFrom: list.receivedFrom,
        rows: list.report.rows,
        added: 0,
        replaced: 0,
        removed: 0,
        errors,
        digest: list.digest,
        note: !readable ? 'Không đọc được tệp' : 'Chưa xác định đơn vị gửi',
      });
      continue;
    }

    const unit = list.unit;
    const version = prior.length + 1;
    const firstReceived = prior[0]?.received ?? list.received;
    const lt = lateness(firstReceived, m.config.deadline, { deadlineDayCounts: m.config.deadlineDayCounts });
    outcome.late = lt.late;
    outcome.daysLate = lt.daysLate;
    if (lt.late) {
      mergeIssues.push(
        makeIssue(
          'late-submission',
          { file: list.file },
          {
            days: lt.daysLate,
            deadline: formatViDate(m.config.deadline),
            received: formatViDate(firstReceived),
          },
        ),
      );
    }
    if (version > 1) mergeIssues.push(makeIssue('resubmission', { file: list.file }, { version }));

    // Replace the unit's rows where they stood; rows without a key or of other units stay as they are.
    const slug = unitSlug(unit);
    const fresh = rowsOf(list, unit);
    let removed = 0;
    // A superset of the slugs in m.rows: a slug not in it has no rows to replace.
    slugsInRows ??= new Set(m.rows.map((row) => (row.key !== null ? keySlug(row.key) : null)));
    if (!slugsInRows.has(slug)) {
      // No row of this unit yet (the usual case): its rows go at the end (m.rows is this call's copy).
      for (const row of fresh) m.rows.push(row);
    } else {
      const kept: MasterRow[] = [];
      let at = -1;
      for (const row of m.rows) {
        if (row.key !== null && keySlug(row.key) === slug) {
          if (at < 0) at = kept.length;
          removed++;
        } else kept.push(row);
      }
      if (at < 0) at = kept.length;
      kept.splice(at, 0, ...fresh);
      m.rows = kept;
    }
    // every fresh row's key starts with the unit's slug (rowKey)
    if (fresh.length > 0) slugsInRows.add(slug);

    const k = unitKey(unit);
    m.issues = m.issues.filter(
      (r) => !((r.unit !== '' && unitKey(r.unit) === k) || (r.unit === '' && r.file === list.file)),
    );
    for (const i of [...list.report.issues, ...mergeIssues]) m.issues.push(issueRow(i, unit, m.schema));

    const replaced = Math.min(removed, fresh.length);
    outcome.action = version > 1 ? 'replaced' : 'merged';
    outcome.version = version;
    outcome.added = fresh.length - replaced;
    outcome.replaced = replaced;
    outcome.removed = removed - replaced;
    m.log.push({
      time: now,
      file: list.file,
      unit,
      version,
      action: outcome.action === 'replaced' ? 'replaced' : 'merged',
      received: list.received,
      receivedFrom: list.receivedFrom,
      rows: fresh.length,
      added: outcome.added,
      replaced: outcome.replaced,
      removed: outcome.removed,
      errors,
      digest: list.digest,
      note: version > 1 ? `Thay danh sách lần ${version - 1}` : fresh.length === 0 ? 'Không có đề nghị' : '',
    });
  }
  return { model: changed ? m : model, files, changed };
}

/**
 * The model as a non-atomic front end writes it first: the log entries from `from` on marked pending
 * (Office.js writes this log first and the real one last, so an interrupted merge shows in Nhật ký and
 * is merged again on the next run).
 */
export function withPendingLog(model: MasterModel, from: number): MasterModel {
  return {
    ...model,
    log: model.log.map((e, i) => (i >= from ? { ...e, action: 'pending' } : e)),
  };
}
