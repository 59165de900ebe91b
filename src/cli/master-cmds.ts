/** `tonghop init`, `merge` and `status`: the master workbook on the command line. */
import fs from 'fs';
import { localTimeText } from '../core/campaign/clock';
import { formatViDate, isIsoDate, localDate, parseDeadline, type IsoDate } from '../core/campaign/deadline';
import { countBySeverity } from '../core/issues';
import { defaultConfig } from '../core/master/config-table';
import { mergeLists, type FileOutcome, type IncomingList } from '../core/master/merge';
import type { MasterModel, TrackerRow } from '../core/master/model';
import type { ResolvedUnit } from '../core/master/resolve-unit';
import { computeTracker, trackerTotals } from '../core/master/tracker';
import { defaultSchema } from '../core/schema/default-schema';
import type { TableSchema } from '../core/schema/types';
import type { Roster } from '../core/units/roster';
import { preloadBase } from '../io/node/master-file';
import { prestartReaders } from '../io/node/read-file';
import { parse, UsageError } from './args';
import { RunError } from './errors';
import { loadMaster, loadRoster, readAndCheck, saveMaster, type CheckedFile } from './master-io';
import { startProgress } from './progress';
import { fileToJson, type JsonFile } from './report-json';
import { trackerText } from './tracker-text';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export type SchemaLoader = (file: string | undefined) => TableSchema;
export type JsonWriter = (target: string, data: unknown, io: Io) => void;

/** A date given on the command line: YYYY-MM-DD, or dd/mm/yyyy as a clerk types it. */
export function dateOption(v: string | boolean | string[] | undefined, name: string): IsoDate | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  const d = isIsoDate(s) ? s : parseDeadline(s);
  if (!d) throw new UsageError(`--${name} cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy, không phải „${s}”`);
  return d;
}

function str(v: string | boolean | string[] | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export async function cmdInit(args: string[], io: Io, loadSchema: SchemaLoader): Promise<number> {
  const { values, positionals } = parse(args, {
    deadline: { type: 'string' },
    roster: { type: 'string' },
    schema: { type: 'string' },
    title: { type: 'string' },
    'letter-no': { type: 'string' },
    'letter-date': { type: 'string' },
    issuer: { type: 'string' },
    superior: { type: 'string' },
    place: { type: 'string' },
    'deadline-day-late': { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (positionals.length !== 1)
    throw new UsageError('init cần đúng một tệp tổng hợp (init takes one MASTER.xlsx)');
  const master = positionals[0]!;
  if (!/\.xlsx$/i.test(master)) throw new UsageError(`tệp tổng hợp phải có đuôi .xlsx: ${master}`);
  const deadline = dateOption(values.deadline, 'deadline');
  if (!deadline) throw new UsageError('init cần --deadline YYYY-MM-DD (hạn nộp của công văn)');
  if (fs.existsSync(master) && !values.force) {
    throw new RunError(
      `đã có tệp „${master}”; không ghi đè để khỏi mất dữ liệu. Dùng --force nếu thật sự muốn tạo lại.`,
    );
  }
  let roster: Roster = { units: [] };
  if (values.roster) {
    const r = await loadRoster(String(values.roster));
    roster = r.roster;
    for (const p of r.problems) io.stderr(`tonghop: ${p}\n`);
  }
  const schema = values.schema ? loadSchema(String(values.schema)) : defaultSchema();
  const config = defaultConfig(deadline, str(values.title));
  config.letterNo = str(values['letter-no']) ?? '';
  config.letterDate = dateOption(values['letter-date'], 'letter-date') ?? null;
  config.issuer = str(values.issuer) ?? config.issuer;
  config.superior = str(values.superior) ?? config.superior;
  config.place = str(values.place) ?? config.place;
  config.deadlineDayCounts = !values['deadline-day-late'];
  const model: MasterModel = { config, roster, schema, rows: [], issues: [], log: [] };
  await saveMaster(model, master, localDate(new Date(), config.timeZone));
  io.stdout(
    `Đã tạo „${master}”: ${roster.units.length} đơn vị, ${schema.fields.length} trường dữ liệu, ` +
      `hạn nộp ${formatViDate(deadline)}.\n`,
  );
  if (roster.units.length === 0) {
    io.stdout('Chưa có danh sách đơn vị: điền trang „Đơn vị” hoặc tạo lại với --roster TỆP.csv.\n');
  }
  return 0;
}

export function statusJson(rows: TrackerRow[]) {
  return {
    units: rows.map((r) => ({
      name: r.unit,
      group: r.group,
      status: r.status,
      received: r.received,
      daysLate: r.daysLate,
      rows: r.rows,
      tapThe: r.tapThe,
      caNhan: r.caNhan,
      errors: r.errors,
      timesSent: r.timesSent,
      inRoster: r.inRoster,
    })),
    totals: trackerTotals(rows),
  };
}

export async function cmdStatus(args: string[], io: Io, writeJson: JsonWriter): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 1)
    throw new UsageError('status cần đúng một tệp tổng hợp (status takes one MASTER.xlsx)');
  const { model, problems } = await loadMaster(positionals[0]!);
  for (const p of problems) io.stderr(`tonghop: ${p}\n`);
  const tracker = computeTracker(model);
  if (values.json) writeJson(String(values.json), statusJson(tracker), io);
  if (values.json !== '-') io.stdout(trackerText(model.config, tracker, values.lang === 'en' ? 'en' : 'vi'));
  return 0;
}

function unitLine(u: ResolvedUnit): string {
  if (u.unit && u.inRoster) {
    return u.source === 'given'
      ? `đơn vị ${u.unit} (do người dùng chỉ định)`
      : `đơn vị ${u.unit} (${Math.round(u.confidence * 100)}%)`;
  }
  if (u.unit) return `đơn vị ${u.unit} — KHÔNG có trong danh sách đơn vị`;
  const c = u.candidates.map((x) => `${x.name} (${Math.round(x.score * 100)}%)`).join('; ');
  return `CHƯA XÁC ĐỊNH được đơn vị${c ? `; gần nhất: ${c}` : ''}`;
}

export function unitJson(u: ResolvedUnit): JsonFile['unit'] {
  return u.unit ? { name: u.unit, confidence: Math.round(u.confidence * 1000) / 1000 } : null;
}

const ACTION_VI: Record<FileOutcome['action'], string> = {
  merged: 'đã gộp',
  replaced: 'đã thay danh sách cũ',
  unchanged: 'không thay đổi (tệp này đã được gộp)',
  'not-merged': 'KHÔNG gộp',
};

export async function cmdMerge(args: string[], io: Io, writeJson: JsonWriter): Promise<number> {
  const { values, positionals } = parse(args, {
    received: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'string' },
  });
  const [master, ...files] = positionals;
  if (!master || files.length === 0)
    throw new UsageError('merge cần tệp tổng hợp và ít nhất một tệp danh sách');
  const received = dateOption(values.received, 'received');
  // Every reader worker starts now and loads its code while the master is read.
  prestartReaders();
  const { model, problems } = await loadMaster(master);
  for (const p of problems) io.stderr(`tonghop: ${p}\n`);
  const tz = model.config.timeZone;
  // The master's other sheets are read for the write while the lists are read (this thread waits then).
  const preloaded = preloadBase(master);

  const progress = startProgress('Đang đọc', files.length);
  let checked: CheckedFile[];
  try {
    checked = await readAndCheck(files, model.schema, progress, {
      roster: model.roster,
      unit: str(values.unit),
    });
  } finally {
    progress.stop();
  }
  const units = checked.map((f) => f.unit!);
  const today = localDate(new Date(), tz);
  const lists: IncomingList[] = checked.map((f, i) => {
    const u = units[i]!;
    const fromFile = f.mtime ? localDate(f.mtime, tz) : null;
    return {
      file: f.name,
      digest: f.digest,
      received: received ?? fromFile ?? today,
      receivedFrom: received ? 'given' : fromFile ? 'file-time' : 'today',
      report: f.report,
      unit: u.unit,
      inRoster: u.inRoster,
      candidates: u.candidates,
      confidence: u.confidence,
    };
  });
  const result = mergeLists(model, lists, localTimeText(new Date(), tz));
  if (result.changed) await saveMaster(result.model, master, today, preloaded);

  const out: string[] = [];
  result.files.forEach((o, i) => {
    const f = checked[i]!;
    const l = lists[i]!;
    const c = countBySeverity([...f.report.issues, ...o.issues]);
    out.push(`■ ${f.name}: ${unitLine(units[i]!)}`);
    let line = `    ${ACTION_VI[o.action]}`;
    if (o.action === 'merged' || o.action === 'replaced') {
      line += ` — lần gửi ${o.version}: ${f.report.rows} dòng (thêm ${o.added}, thay ${o.replaced}, bớt ${o.removed})`;
    }
    line += `; nhận ngày ${formatViDate(l.received)}`;
    if (l.receivedFrom === 'file-time')
      line += ' (theo ngày sửa tệp — dùng --received để ghi đúng ngày nhận)';
    if (o.late) line += `; TRỄ ${o.daysLate} ngày`;
    out.push(line);
    out.push(`    ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin (chi tiết ở trang „Kiểm tra”)`);
    if (o.action === 'not-merged' && !l.unit) {
      out.push(`    → chỉ rõ đơn vị rồi gộp lại: tonghop merge ${master} "${f.path}" --unit "TÊN ĐƠN VỊ"`);
    }
  });
  out.push(result.changed ? `Đã ghi „${master}”.` : `Không có gì thay đổi; „${master}” giữ nguyên.`);
  const tracker = computeTracker(result.model);
  if (values.json) {
    writeJson(
      String(values.json),
      {
        files: result.files.map((o, i) => {
          const report = checked[i]!.report;
          const base = fileToJson(report);
          return {
            ...base,
            unit: unitJson(units[i]!),
            received: lists[i]!.received,
            receivedFrom: lists[i]!.receivedFrom,
            late: o.late,
            daysLate: o.daysLate,
            action: o.action,
            version: o.version,
            added: o.added,
            replaced: o.replaced,
            removed: o.removed,
            // the file's own findings, then those of the merge (unknown unit, lateness, re-submission)
            issues: [...base.issues, ...fileToJson({ ...report, issues: o.issues }).issues],
          };
        }),
        ...statusJson(tracker),
      },
      io,
    );
  }
  if (values.json !== '-') {
    io.stdout(out.join('\n') + '\n\n');
    io.stdout(trackerText(result.model.config, tracker));
  }
  return 0;
}
