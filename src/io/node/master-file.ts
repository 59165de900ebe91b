/**
 * The command line's master-file writer: applies a WritePlan (src/core/plan/write-plan.ts) to an .xlsx
 * file with exceljs, and replaces the file atomically.
 *
 * - The existing master (`base`) is loaded and every sheet the plan does not own is kept as it is, in
 *   its position. A plan sheet owns the existing sheet that holds its table (found by table name, so a
 *   sheet the clerk renamed is found again and keeps the clerk's name), or else the sheet of its name.
 *   Owned sheets are rebuilt from the plan in place (same position, name and visibility); new plan
 *   sheets go right after the plan sheet before them, so a fresh master has the plan's order.
 * - Text is always written as a string value (never a formula, whatever its first character). Dates
 *   are written as dates (JS Date at UTC midnight, which exceljs turns into the serial number of the
 *   workbook's date system) with the column's date format.
 * - An empty table is written with ONE BLANK DATA ROW: Excel needs at least one data row in a table's
 *   range. The blank row has no values at all (only the column formats), so a reader that skips rows
 *   whose cells are all empty (src/core/master/data-tables.ts, like every table reader here) sees an
 *   empty table; in the neutral grid (src/io/read-workbook.ts) that row has no cells.
 * - The workbook is written to `.<name>.<pid>.tmp` in the same folder, flushed to disk (fsync) and
 *   renamed over the master. A crash or kill at any moment leaves the old master untouched; a stray
 *   temporary file of a dead process is removed by the next write.
 *
 * What a round trip through exceljs does not keep on the clerk's own sheets: charts, pivot tables,
 * shapes and form controls (values, styles, merges, tables, conditional formats, data validation,
 * notes, images and defined names are kept).
 */
import fs from 'fs';
import path from 'path';
import { rowHeights } from '../../core/plan/row-heights';
import ExcelJS from 'exceljs';
import { a1, colLetters } from '../../core/grid';
import {
  isPlanDate,
  tableHeaders,
  type CellPlan,
  type ColumnPlan,
  type ConditionalFormatPlan,
  type PlanValue,
  type PrintPlan,
  type SheetPlan,
  type TablePlan,
  type WritePlan,
} from '../../core/plan/write-plan';
import { bulkRowParts, type BulkTable, type BulkValue } from './sheet-xml';
import { deflateStoredZip, storedParts } from './zip-deflate';

export interface WriteMasterOptions {
  /**
   * The existing master whose other sheets are kept (normally the same path as `outPath`). Null or a
   * path that does not exist: a new workbook.
   */
  base?: string | null;
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

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;
/** Excel's limit on the comma-separated list of a dropdown (data validation) written in place. */
export const MAX_LIST_CHARS = 255;

const INCH_PER_CM = 1 / 2.54;
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
      bytes = await buildWorkbook(plan, opts.base, true);
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
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (base && fs.existsSync(base)) {
    try {
      await wb.xlsx.readFile(base);
    } catch (e) {
      throw new MasterWriteError(
        `không đọc được tệp tổng hợp cũ „${path.basename(base)}” để giữ lại các trang khác ` +
          `(${errText(e)}). Tệp cũ chưa bị thay đổi.`,
        undefined,
        e,
      );
    }
  } else {
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
    return deflateStoredZip(stored, replace);
  } catch (e) {
    if (replace) throw e;
    return stored;
  }
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

// ---------------------------------------------------------------------------------------------
// The workbook

/** Worksheet members that exceljs has but does not declare. */
interface WorksheetInternals {
  orderNo: number;
  tables: Record<string, unknown>;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

const lower = (s: string) => s.toLocaleLowerCase('vi');

/**
 * Applies the plan to the workbook (loaded from the old master, or new). With `bulk`, the data rows of
 * tables of two rows or more after the first are not given to exceljs but listed there, for
 * bulkRowParts (sheet-xml.ts) to write into what exceljs writes.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan, bulk?: BulkTable[]): void {
  const existing = wb.worksheets; // in tab order
  const owner = new Map<ExcelJS.Worksheet, number>();
  const found: (ExcelJS.Worksheet | undefined)[] = plan.sheets.map(() => undefined);
  // An existing sheet holding the plan's table, whatever the clerk named it …
  plan.sheets.forEach((sp, i) => {
    if (!sp.table) return;
    const want = lower(sp.table.name);
    const ws = existing.find(
      (w) => !owner.has(w) && Object.keys(internals(w).tables ?? {}).some((t) => lower(t) === want),
    );
    if (ws) {
      owner.set(ws, i);
      found[i] = ws;
    }
  });
  // … then the sheet of the plan's name.
  plan.sheets.forEach((sp, i) => {
    if (found[i]) return;
    const ws = existing.find((w) => !owner.has(w) && lower(w.name) === lower(sp.name));
    if (ws) {
      owner.set(ws, i);
      found[i] = ws;
    }
  });

  // Tab order: the existing sheets, plan sheets in place of the ones they own, new ones after the
  // plan sheet before them.
  type Slot = { keep: ExcelJS.Worksheet } | { plan: number };
  const order: Slot[] = existing.map((ws) => (owner.has(ws) ? { plan: owner.get(ws)! } : { keep: ws }));
  plan.sheets.forEach((_, i) => {
    if (found[i]) return;
    const prev = lastIndexWhere(order, (s) => 'plan' in s && s.plan < i);
    const next = order.findIndex((s) => 'plan' in s && s.plan > i);
    const at = prev >= 0 ? prev + 1 : next >= 0 ? next : order.length;
    order.splice(at, 0, { plan: i });
  });

  // Every existing sheet keeps its name (owned ones too); only new sheets may need another one.
  const taken = new Set(existing.map((w) => lower(w.name)));
  const built = new Map<number, ExcelJS.Worksheet>();
  plan.sheets.forEach((sp, i) => {
    const old = found[i];
    let name = old ? old.name : sp.name;
    const state = old?.state;
    if (old) wb.removeWorksheet(old.id);
    if (!old) {
      name = uniqueName(name, taken);
      taken.add(lower(name));
    }
    const ws = wb.addWorksheet(name);
    if (state) ws.state = state;
    writeSheet(ws, sp, bulk, !!wb.properties.date1904);
    built.set(i, ws);
  });
  order.forEach((slot, k) => {
    const ws = 'keep' in slot ? slot.keep : built.get(slot.plan)!;
    internals(ws).orderNo = k + 1;
  });
}

function lastIndexWhere<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

/** A sheet name not yet used in the workbook (Excel compares them without case; at most 31 chars). */
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(lower(name))) return name;
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const candidate = name.slice(0, 31 - tail.length) + tail;
    if (!taken.has(lower(candidate))) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// One sheet

type Style = Partial<ExcelJS.Style>;

/**
 * Shared style objects: exceljs recognises a style object it has seen (by identity) and does not
 * work it out again, which matters for tens of thousands of rows.
 */
class StyleCache {
  private readonly map = new Map<string, Style>();
  get(parts: {
    font: Partial<ExcelJS.Font>;
    numFmt?: string;
    alignment?: Partial<ExcelJS.Alignment>;
    border?: boolean;
    fill?: string;
  }): Style {
    const key = JSON.stringify(parts);
    let style = this.map.get(key);
    if (!style) {
      style = { font: parts.font };
      if (parts.numFmt) style.numFmt = parts.numFmt;
      if (parts.alignment && Object.keys(parts.alignment).length) style.alignment = parts.alignment;
      if (parts.border) {
        const thin: Partial<ExcelJS.Border> = { style: 'thin' };
        style.border = { top: thin, left: thin, bottom: thin, right: thin };
      }
      if (parts.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(parts.fill) } };
      this.map.set(key, style);
    }
    return style;
  }
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  sp: SheetPlan,
  bulk: BulkTable[] | undefined,
  date1904: boolean,
): void {
  const styles = new StyleCache();
  const font = { name: sp.font.name, size: sp.font.size };
  if (sp.tabColor) ws.properties.tabColor = { argb: argb(sp.tabColor) };
  if (sp.freezeRows && sp.freezeRows > 0) {
    const top = a1(sp.freezeRows, 0);
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sp.freezeRows, topLeftCell: top, activeCell: top }];
  }
  sp.columnWidths?.forEach((w, c) => {
    if (w > 0) ws.getColumn(c + 1).width = w;
  });
  const heights = rowHeights(sp);
  let direct: BulkTable | undefined;
  if (sp.table) direct = writeTable(ws, sp, sp.table, font, styles, bulk ? heights : undefined, date1904);
  if (direct) bulk!.push(direct);
  // Values first, merges after: a value written into a merged area would land in its first cell.
  for (const cell of sp.cells ?? []) writeCell(ws, cell, font, styles);
  for (const cell of sp.cells ?? []) mergeCell(ws, cell);
  for (const [r, h] of heights) if (!direct || r + 1 <= direct.firstRow) ws.getRow(r + 1).height = h;
  if (sp.print) applyPrint(ws, sp.print);
}

function writeTable(
  ws: ExcelJS.Worksheet,
  sp: SheetPlan,
  t: TablePlan,
  font: { name: string; size: number },
  styles: StyleCache,
  heights: Map<number, number> | undefined,
  date1904: boolean,
): BulkTable | undefined {
  checkTableName(t.name);
  const width = t.columns.length;
  if (width === 0) throw new Error(`bảng ${t.name} không có cột nào`);
  const headers = tableHeaders(t.columns);
  const headRow = t.headerRow + 1; // 1-based
  const first = headRow + 1;
  const dataRows = Math.max(t.rows.length, 1);
  const last = headRow + dataRows;

  if (sp.title && t.headerRow > 0) {
    const cell = ws.getCell(1, 1);
    cell.value = sp.title;
    cell.style = styles.get({
      font: { ...font, size: 14, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle' },
    });
    if (width > 1) ws.mergeCells(1, 1, 1, width);
  }

  t.columns.forEach((col, c) => {
    const column = ws.getColumn(c + 1);
    if (col.width > 0) column.width = col.width;
    if (col.hidden) column.hidden = true;
  });

  // Written directly: rows after the first, when nothing else of the plan is on or below them.
  const direct =
    heights !== undefined &&
    t.rows.length >= 2 &&
    !(sp.cells ?? []).some((p) => p.r + (p.merge?.rows ?? 1) > t.headerRow + 1) &&
    ![...heights.keys()].some((r) => r + 1 > last);
  const values = (r: PlanValue[]) => t.columns.map((_, c) => cellValue(r[c] ?? null));
  const rows: ExcelJS.CellValue[][] =
    t.rows.length === 0
      ? [t.columns.map(() => null)]
      : direct
        ? [values(t.rows[0]!), t.columns.map(() => null), t.columns.map(() => null)]
        : t.rows.map(values);
  ws.addTable({
    name: t.name,
    ref: a1(t.headerRow, 0),
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });

  const headStyle = styles.get({
    font: { ...font, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  const headerCells = ws.getRow(headRow);
  for (let c = 1; c <= width; c++) headerCells.getCell(c).style = headStyle;

  // Data cells: the column's look; a date in a column without a date format still shows as a date.
  const colStyles = t.columns.map((col) => {
    const alignment: Partial<ExcelJS.Alignment> = { vertical: 'top' };
    if (col.align) alignment.horizontal = col.align;
    if (col.wrap) alignment.wrapText = true;
    return {
      plain: styles.get({ font, numFmt: col.numberFormat, alignment }),
      date: styles.get({
        font,
        numFmt: isDateFormat(col.numberFormat) ? col.numberFormat : 'dd/mm/yyyy',
        alignment,
      }),
    };
  });
  for (let r = 0; r < (direct ? 1 : dataRows); r++) {
    const row = ws.getRow(first + r);
    const planRow = t.rows[r];
    for (let c = 0; c < width; c++) {
      const s = colStyles[c]!;
      row.getCell(c + 1).style = planRow && isPlanDate(planRow[c] ?? null) ? s.date : s.plain;
    }
  }
  if (direct) {
    // The template rows: every column's plain style, then its date style.
    const plainRow = ws.getRow(first + 1);
    const dateRow = ws.getRow(first + 2);
    for (let c = 0; c < width; c++) {
      plainRow.getCell(c + 1).style = colStyles[c]!.plain;
      dateRow.getCell(c + 1).style = colStyles[c]!.date;
    }
  }

  t.columns.forEach((col, c) => {
    if (!col.list) return;
    const dv = listValidation(col);
    if (dv) internals(ws).dataValidations.add(`${colLetters(c)}${first}:${colLetters(c)}${last}`, dv);
  });

  let priority = 1;
  for (const cf of t.conditionalFormats ?? []) {
    const c = headers.findIndex((h, i) => h === cf.column || t.columns[i]!.header === cf.column);
    if (c < 0) continue;
    const ref = cf.wholeRow
      ? `A${first}:${colLetters(width - 1)}${last}`
      : `${colLetters(c)}${first}:${colLetters(c)}${last}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: priority++,
          formulae: [cfFormula(cf, `$${colLetters(c)}${first}`)],
          style: cfStyle(cf),
        },
      ],
    });
  }

  if (!direct) return undefined;
  const bulkHeights = new Map<number, number>();
  for (const [r, h] of heights!) if (r + 1 > first) bulkHeights.set(r + 1, h);
  return {
    name: t.name,
    firstRow: first,
    width,
    rows: t.rows.slice(1).map((r) => ({
      values: values(r) as BulkValue[],
      dated: t.columns.map((_, c) => isPlanDate(r[c] ?? null)),
    })),
    heights: bulkHeights,
    date1904,
  };
}

/** Excel table names: a letter, "_" or "\" first, then letters, digits, "_" and "."; not a cell address. */
function checkTableName(name: string): void {
  const ok =
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    name.length <= 255 &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!ok) throw new Error(`tên bảng „${name}” không hợp lệ trong Excel`);
}

function isDateFormat(fmt: string | undefined): fmt is string {
  return !!fmt && /[dy]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** A dropdown list, or null when Excel cannot hold the list in place (too long, or a comma inside). */
function listValidation(col: ColumnPlan): ExcelJS.DataValidation | null {
  const values = col.list?.values.filter((v) => v !== '') ?? [];
  if (values.length === 0) return null;
  if (values.some((v) => v.includes(','))) return null;
  const joined = values.join(',');
  if (joined.length > MAX_LIST_CHARS) return null;
  const strict = col.list!.strict;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${joined.replace(/"/g, '""')}"`],
    showErrorMessage: strict,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: `Chọn một giá trị trong danh sách của cột „${col.header}”.`,
  };
}

function excelText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function cfFormula(cf: ConditionalFormatPlan, ref: string): string {
  if ('notBlank' in cf.when) return `LEN(TRIM(${ref}))>0`;
  const tests = cf.when.equals.map((v) => `${ref}=${excelText(v)}`);
  return tests.length === 1 ? tests[0]! : `OR(${tests.join(',')})`;
}

function cfStyle(cf: ConditionalFormatPlan): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill) {
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } };
  }
  if (cf.style.fontColor || cf.style.bold) {
    const f: Partial<ExcelJS.Font> = {};
    if (cf.style.fontColor) f.color = { argb: argb(cf.style.fontColor) };
    if (cf.style.bold) f.bold = true;
    style.font = f;
  }
  return style;
}

function writeCell(
  ws: ExcelJS.Worksheet,
  p: CellPlan,
  font: { name: string; size: number },
  styles: StyleCache,
): void {
  const f: Partial<ExcelJS.Font> = { ...font };
  if (p.size) f.size = p.size;
  if (p.bold) f.bold = true;
  if (p.italic) f.italic = true;
  if (p.underline) f.underline = true;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (p.align) alignment.horizontal = p.align;
  if (p.valign) alignment.vertical = p.valign;
  if (p.wrap) alignment.wrapText = true;
  const numFmt = p.numberFormat ?? (isPlanDate(p.value) ? 'dd/mm/yyyy' : undefined);
  const style = styles.get({ font: f, numFmt, alignment, border: p.border, fill: p.fill });
  const cell = ws.getCell(p.r + 1, p.c + 1);
  cell.value = cellValue(p.value);
  cell.style = style;
  const rows = p.merge?.rows ?? 1;
  const cols = p.merge?.cols ?? 1;
  // Every cell of a merged area takes the look, so that borders go all round it.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (r || c) ws.getCell(p.r + 1 + r, p.c + 1 + c).style = style;
  }
}

function mergeCell(ws: ExcelJS.Worksheet, p: CellPlan): void {
  const rows = p.merge?.rows ?? 1;
  const cols = p.merge?.cols ?? 1;
  if (rows > 1 || cols > 1) ws.mergeCells(p.r + 1, p.c + 1, p.r + rows, p.c + cols);
}

function applyPrint(ws: ExcelJS.Worksheet, p: PrintPlan): void {
  const cm = (v: number) => Math.round(v * INCH_PER_CM * 10000) / 10000;
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9 as ExcelJS.PageSetup['paperSize'], // A4 (the plan knows only A4)
    orientation: p.orientation,
    margins: {
      top: cm(p.margins.top),
      bottom: cm(p.margins.bottom),
      left: cm(p.margins.left),
      right: cm(p.margins.right),
      header: cm(0.8),
      footer: cm(0.8),
    },
    horizontalCentered: !!p.centerHorizontally,
  };
  if (p.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
  Object.assign(ws.pageSetup, setup);
}

/** A plan value as exceljs writes it: text stays text, dates become dates. */
function cellValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (isPlanDate(v)) return dateOf(v.date) ?? v.date;
  return null;
}

/** A 'YYYY-MM-DD' date as a JS Date at UTC midnight (what exceljs writes as that day's serial). */
function dateOf(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso ? d : null;
}
