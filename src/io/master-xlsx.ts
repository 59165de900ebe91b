/**
 * The master workbook writer that runs anywhere (browser page, Web Worker, Node): applies a WritePlan
 * (src/core/plan/write-plan.ts) to an exceljs workbook, and writes the workbook's bytes. No Node API:
 * the command line's file writer (src/io/node/master-file.ts) adds the fast path for big tables and the
 * atomic file replacement on top of it.
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
 *
 * What a round trip through exceljs does not keep on the clerk's own sheets: charts, pivot tables,
 * shapes and form controls (values, styles, merges, tables, conditional formats, data validation,
 * notes, images and defined names are kept).
 *
 * exceljs is imported as a default import: under ts-jest (CommonJS, esModuleInterop) that is the
 * package's main module, under webpack (target web) its "browser" build, dist/exceljs.min.js, which
 * needs no Node module.
 */
import ExcelJS from 'exceljs';
import { a1, colLetters } from '../core/grid';
import { memoMap } from '../core/memo';
import { rowHeights } from '../core/plan/row-heights';
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
} from '../core/plan/write-plan';
import type { BulkTable, BulkValue } from './node/sheet-xml';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;
/** Excel's limit on the comma-separated list of a dropdown (data validation) written in place. */
export const MAX_LIST_CHARS = 255;

const INCH_PER_CM = 1 / 2.54;

/** The error of writeMasterBytes when the base workbook cannot be read; its message is Vietnamese. */
export class MasterBaseError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'MasterBaseError';
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A new exceljs workbook: `base` loaded (so that the clerk's other sheets are kept), or an empty one;
 * marked as last written by tonghop.
 */
export async function loadMasterWorkbook(base: Uint8Array | null): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (base) {
    try {
      await wb.xlsx.load(base as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    } catch (e) {
      throw new MasterBaseError(
        `không đọc được tệp tổng hợp cũ để giữ lại các trang khác (${errText(e)})`,
        e,
      );
    }
  } else {
    wb.creator = 'tonghop';
    wb.created = new Date();
  }
  wb.lastModifiedBy = 'tonghop';
  wb.modified = new Date();
  return wb;
}

/**
 * The master's bytes (.xlsx): the plan applied to `base` (the master as it is now; its sheets that the
 * plan does not own are kept), or to a new workbook when `base` is null.
 */
export async function writeMasterBytes(plan: WritePlan, base: Uint8Array | null): Promise<Uint8Array> {
  const wb = await loadMasterWorkbook(base);
  applyPlan(wb, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
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
  let ms = dayTimes.get(iso);
  if (ms === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    ms = d && d.toISOString().slice(0, 10) === iso ? d.getTime() : null;
    if (dayTimes.size >= 4096) dayTimes.clear();
    dayTimes.set(iso, ms);
  }
  return ms === null ? null : new Date(ms);
}

/** The days already read by dateOf (a master's rows share a few received dates). */
const dayTimes = memoMap<string, number | null>();
