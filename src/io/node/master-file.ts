/**
 * The command line's master-file writer: applies a WritePlan (src/core/plan/write-plan.ts) to an .xlsx
 * file with exceljs, and replaces the file atomically.
 *
 * How the plan lands in the workbook (the clerk's other sheets kept, text never a formula, dates as
 * dates, an empty table with one blank row) is src/io/master-xlsx.ts, shared with the browser page.
 * This module adds what only Node can do:
 * - The data rows of big tables are written as sheet XML directly (sheet-xml.ts) and the zip is
 *   compressed with native zlib (zip-deflate.ts): much faster than exceljs alone, same content.
 * - The workbook is written to `.<name>.<pid>.tmp` in the same folder, flushed to disk (fsync) and
 *   renamed over the master. A crash or kill at any moment leaves the old master untouched; a stray
 *   temporary file of a dead process is removed by the next write.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { WritePlan } from '../../core/plan/write-plan';
import { applyPlan } from '../master-xlsx';
import { bulkRowParts, type BulkTable } from './sheet-xml';
import { deflateStoredZip, storedParts } from './zip-deflate';

export { applyPlan, MAX_CELL_TEXT, MAX_LIST_CHARS } from '../master-xlsx';

export interface WriteMasterOptions {
  /**
   * The existing master whose other sheets are kept (normally the same path as `outPath`). Null or a
   * path that does not exist: a new workbook.
   */
  base?: string | null;
  /**
   * The base workbook already being read (preloadBase), so that a command can have it read while it does
   * other work; used for the first attempt only.
   */
  preloaded?: PreloadedBase | null;
  /** Test hook: called once the temporary file is complete and on disk, before the rename. */
  onBeforeRename?: () => void | Promise<void>;
}

/** The error thrown by writeMasterFile; its message is Vietnamese and names the file. */
export class MasterWriteError extends Error {
  constructor(
    message: string,
    /** The system error code (EBUSY, EACCES, ENOSPC…) when there is one. */
    readonly code?: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'MasterWriteError';
  }
}

/** Rename retries while the file is briefly held (antivirus, indexer, a sync client) on Windows. */
const RENAME_RETRIES = 5;
const RENAME_RETRY_MS = 100;

/** Writes the plan to `outPath`, keeping the base workbook's other sheets; atomic. */
export async function writeMasterFile(
  plan: WritePlan,
  outPath: string,
  opts: WriteMasterOptions = {},
): Promise<void> {
  const target = resolveTarget(outPath);
  const shown = path.basename(outPath);
  const dir = path.dirname(target);
  const tmp = tempPathFor(target, process.pid);
  removeStaleTemps(target);
  let tmpCreated = false;
  try {
    let bytes: Uint8Array;
    try {
      bytes = await buildWorkbook(plan, opts.base, true, opts.preloaded);
    } catch (e) {
      if (e instanceof MasterWriteError) throw e;
      // The rows written directly did not fit what exceljs wrote: all by exceljs then.
      bytes = await buildWorkbook(plan, opts.base, false);
    }

    const fd = fs.openSync(tmp, 'w', 0o666);
    tmpCreated = true;
    try {
      let off = 0;
      while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      keepMode(fd, target);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    await opts.onBeforeRename?.();
    await renameWithRetry(tmp, target);
    tmpCreated = false;
    syncDir(dir);
  } catch (e) {
    if (tmpCreated) removeQuietly(tmp);
    throw toWriteError(e, shown);
  }
}

/**
 * The workbook's bytes. `direct`: the data rows of tables of two rows or more are written as sheet XML
 * directly (sheet-xml.ts) instead of by exceljs; much faster, same content.
 */
async function buildWorkbook(
  plan: WritePlan,
  base: string | null | undefined,
  direct: boolean,
  preloaded?: PreloadedBase | null,
): Promise<Uint8Array> {
  let wb: ExcelJS.Workbook;
  if (base && fs.existsSync(base)) {
    const early = preloaded && !preloaded.used && preloaded.base === base ? preloaded : null;
    if (early) early.used = true;
    const got = early ? await early.workbook : await loadBase(base);
    if (got instanceof Error) throw got;
    wb = got;
  } else {
    wb = new ExcelJS.Workbook();
    wb.creator = 'tonghop';
    wb.created = new Date();
  }
  wb.lastModifiedBy = 'tonghop';
  wb.modified = new Date();
  const bulk: BulkTable[] | undefined = direct ? [] : undefined;
  applyPlan(wb, plan, bulk);
  // exceljs zips with pako (JavaScript); stored, then compressed with native zlib, is much faster.
  // (Should the zip not be as expected, the stored zip is itself a valid workbook, only larger.)
  const stored = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  // The big tables' rows are written directly (sheet-xml.ts): that works, or nothing is kept.
  const replace = bulk?.length ? bulkRowParts(storedParts(stored), bulk) : undefined;
  try {
    return await deflateStoredZip(stored, replace);
  } catch (e) {
    if (replace) throw e;
    return stored;
  }
}

/** The base workbook read by exceljs, or the error that says it cannot be. */
async function loadBase(base: string): Promise<ExcelJS.Workbook | MasterWriteError> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(base);
    return wb;
  } catch (e) {
    return new MasterWriteError(
      `không đọc được tệp tổng hợp cũ „${path.basename(base)}” để giữ lại các trang khác ` +
        `(${errText(e)}). Tệp cũ chưa bị thay đổi.`,
      undefined,
      e,
    );
  }
}

/** A base workbook being read ahead of the write (see WriteMasterOptions.preloaded). */
export interface PreloadedBase {
  readonly base: string;
  readonly workbook: Promise<ExcelJS.Workbook | MasterWriteError>;
  used: boolean;
}

/**
 * Starts reading the master's base workbook now (it never rejects; a failure is reported by the write that
 * uses it). A merge calls this before reading the returned lists, whose reading leaves this thread idle.
 */
export function preloadBase(base: string): PreloadedBase | null {
  if (!fs.existsSync(base)) return null;
  return { base, workbook: loadBase(base), used: false };
}

// ---------------------------------------------------------------------------------------------
// Files

/** The file to replace: a symbolic link's target, so that the link survives. */
function resolveTarget(outPath: string): string {
  const abs = path.resolve(outPath);
  try {
    if (fs.lstatSync(abs).isSymbolicLink()) return fs.realpathSync(abs);
  } catch {
    // does not exist yet
  }
  return abs;
}

/** `.<name>.<pid>.tmp` next to the master. */
export function tempPathFor(target: string, pid: number): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.tmp`);
}

/** Removes temporary files left by earlier writers of this master that are no longer running. */
function removeStaleTemps(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (pid !== process.pid && !isRunning(pid)) removeQuietly(path.join(dir, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // best effort
  }
}

/** The new master keeps the permissions of the old one (POSIX). */
function keepMode(fd: number, target: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.fchmodSync(fd, fs.statSync(target).mode & 0o7777);
  } catch {
    // no old master, or not ours to chmod
  }
}

/** Makes the rename itself durable (POSIX; Windows cannot open a folder for fsync). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const LOCK_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!code || !LOCK_CODES.has(code) || attempt >= RENAME_RETRIES) throw new RenameError(e);
      await new Promise((r) => setTimeout(r, RENAME_RETRY_MS * (attempt + 1)));
    }
  }
}

class RenameError extends Error {
  constructor(readonly original: unknown) {
    super(errText(original));
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toWriteError(e: unknown, shown: string): MasterWriteError {
  const head = `Không ghi được tệp tổng hợp „${shown}”`;
  if (e instanceof MasterWriteError) return new MasterWriteError(`${head}: ${e.message}`, e.code, e.cause);
  const renaming = e instanceof RenameError;
  const original = renaming ? e.original : e;
  const code = (original as NodeJS.ErrnoException | undefined)?.code;
  let why: string;
  if (
    renaming &&
    (code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES')))
  ) {
    why = `Tệp „${shown}” đang mở trong Excel? Hãy đóng tệp rồi chạy lại.`;
  } else if (code === 'ENOSPC') {
    why = 'ổ đĩa đã đầy.';
  } else if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    why = 'không có quyền ghi vào thư mục của tệp.';
  } else if (code === 'ENOENT') {
    why = 'thư mục của tệp không tồn tại.';
  } else {
    why = `${errText(original)}.`;
  }
  return new MasterWriteError(`${head}: ${why} Tệp cũ (nếu có) vẫn giữ nguyên.`, code, original);
}
