/**
 * The command line's access to files: the master workbook (read into the model, written back
 * atomically through the write plan), roster files, returned lists with their fingerprint and
 * modification time.
 */
import fs from 'fs';
import path from 'path';
import type { FileReport } from '../core/check';
import { buildWritePlan } from '../core/master/plan';
import { masterFromGrid } from '../core/master/read-master';
import type { ResolvedUnit } from '../core/master/resolve-unit';
import type { MasterModel } from '../core/master/model';
import type { TableSchema } from '../core/schema/types';
import { rosterFromWorkbook, type Roster } from '../core/units/roster';
import { writeMasterFile, type PreloadedBase } from '../io/node/master-file';
import { checkWorkbookFile } from '../io/node/read-file';
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

/** Writes the model to the master file (atomically); `preloaded`: its base workbook read ahead (preloadBase). */
export async function saveMaster(
  model: MasterModel,
  file: string,
  today: string,
  preloaded?: PreloadedBase | null,
): Promise<void> {
  const plan = buildWritePlan(model, today);
  try {
    await writeMasterFile(plan, file, { base: fs.existsSync(file) ? file : null, preloaded });
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
  /** The file's unit, when a roster was given to readAndCheck. */
  unit: ResolvedUnit | null;
  /** SHA-256 of the file's bytes. */
  digest: string;
  /** Modification time of the file. */
  mtime: Date | null;
}

/**
 * Reads, checks and (given a roster) identifies the files, each wholly in a worker thread, the files
 * spread over the cores; in the order given.
 */
export async function readAndCheck(
  files: string[],
  schema: TableSchema,
  progress?: Progress,
  identify?: { roster: Roster; unit?: string },
): Promise<CheckedFile[]> {
  const request = {
    schema,
    roster: identify?.roster ?? null,
    ...(identify?.unit ? { unit: identify.unit } : {}),
  };
  return Promise.all(
    files.map(async (f) => {
      const r = await checkWorkbookFile(f, request);
      progress?.tick(path.basename(f));
      return { path: f, name: path.basename(f), ...r };
    }),
  );
}
