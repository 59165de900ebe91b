/**
 * The command line's access to files: the master workbook (read into the model, written back
 * atomically through the write plan), roster files, returned lists with their fingerprint and
 * modification time.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { checkWorkbook, unreadableReport, type FileReport } from '../core/check';
import type { GridWorkbook } from '../core/grid';
import { buildWritePlan } from '../core/master/plan';
import { masterFromGrid } from '../core/master/read-master';
import type { MasterModel } from '../core/master/model';
import type { TableSchema } from '../core/schema/types';
import { rosterFromWorkbook, type Roster } from '../core/units/roster';
import { writeMasterFile } from '../io/node/master-file';
import { RunError } from './errors';
import type { Progress } from './progress';
import { readInput } from './read';

export async function loadMaster(file: string): Promise<{ model: MasterModel; problems: string[] }> {
  if (!fs.existsSync(file)) {
    throw new RunError(
      `không thấy tệp tổng hợp „${file}”. Tạo tệp mới bằng: tonghop init ${file} --deadline YYYY-MM-DD`,
    );
  }
  const read = await readInput(file);
  if (!read.workbook) {
    throw new RunError(
      `không đọc được tệp tổng hợp „${file}”: ${read.issues.map((i) => i.message).join(' ')}`,
    );
  }
  const { model, problems } = masterFromGrid(read.workbook);
  if (!model) throw new RunError(problems.join('\n  '));
  return { model, problems };
}

export async function saveMaster(model: MasterModel, file: string, today: string): Promise<void> {
  const plan = buildWritePlan(model, today);
  try {
    await writeMasterFile(plan, file, { base: fs.existsSync(file) ? file : null });
  } catch (e) {
    throw new RunError((e as Error).message);
  }
}

/** A roster from a .csv/.xlsx/.xls/.ods file: the first sheet with a "Tên đơn vị" column. */
export async function loadRoster(file: string): Promise<{ roster: Roster; problems: string[] }> {
  const read = await readInput(file);
  if (!read.workbook) {
    throw new RunError(
      `không đọc được danh sách đơn vị „${file}”: ${read.issues.map((i) => i.message).join(' ')}`,
    );
  }
  const got = rosterFromWorkbook(read.workbook);
  if (got.roster.units.length > 0) return got;
  throw new RunError(`danh sách đơn vị „${file}” không có đơn vị nào. ${got.problems.join(' ')}`);
}

export interface CheckedFile {
  path: string;
  name: string;
  report: FileReport;
  /** The decoded workbook, when the file could be read. */
  workbook: GridWorkbook | null;
  digest: string;
  /** Modification time of the file. */
  mtime: Date | null;
}

function fingerprint(file: string): { digest: string; mtime: Date | null } {
  try {
    const bytes = fs.readFileSync(file);
    return {
      digest: crypto.createHash('sha256').update(bytes).digest('hex'),
      mtime: fs.statSync(file).mtime,
    };
  } catch {
    return { digest: crypto.createHash('sha256').update(file).digest('hex'), mtime: null };
  }
}

/** Reads (in parallel worker threads) and checks the files, in the order given. */
export async function readAndCheck(
  files: string[],
  schema: TableSchema,
  progress?: Progress,
): Promise<CheckedFile[]> {
  const reads = files.map((f) =>
    readInput(f).then((r) => {
      progress?.tick(path.basename(f));
      return r;
    }),
  );
  const out: CheckedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const read = await reads[i]!;
    const report = read.workbook
      ? checkWorkbook(read.workbook, schema, read.issues)
      : unreadableReport(path.basename(f), path.extname(f).slice(1).toLowerCase(), read.issues);
    out.push({
      path: f,
      name: path.basename(f),
      report,
      workbook: report.decoded ?? null,
      ...fingerprint(f),
    });
  }
  return out;
}
