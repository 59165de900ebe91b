/**
 * Writing the master's tables: a new table (header, data, look), and the wholesale rewrite of a small or
 * derived table (CauHinh, DonVi, TruongDuLieu, TheoDoi, KiemTra, NhatKy) in place — resized to the new
 * row count, its columns found by header, columns the clerk added left alone.
 */
import { a1 } from '../core/grid';
import type { PlanValue, SheetPlan, TablePlan } from '../core/plan/write-plan';
import { addTableRows, writeBlock, writeFormatBlock } from './blocks';
import { Layout, locateColumns, readBack, tableHeaders } from './columns';
import { literalText } from './literal-text';
import type { Table, Workbook, Worksheet, XlValue } from './office-api';
import type { Requests } from './requests';
import { lower, type Snapshot, type TableSnap } from './snapshot';
import {
  addConditionalFormats,
  applyDropdowns,
  autofit,
  formatColumns,
  formatSheet,
  type Features,
  type FormatTarget,
} from './table-format';

export interface WriteCtx extends Features {
  req: Requests;
  wb: Workbook;
  snapshot: Snapshot;
}

/** A sheet-qualified address: 'Tổng hợp'!A2:Q10. */
export function sheetAddress(sheet: string, r: number, c: number, rows: number, cols: number): string {
  const area = `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`;
  return `'${sheet.replace(/'/g, "''")}'!${area}`;
}

/** A sheet name not yet used in the workbook ("Tổng hợp (2)"), at most 31 characters. */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(lower));
  if (!used.has(lower(name))) return name;
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const candidate = name.slice(0, 31 - tail.length) + tail;
    if (!used.has(lower(candidate))) return candidate;
  }
}

/** Adds a sheet for a plan sheet, under the plan's name or a free one. */
export async function addSheet(w: WriteCtx, name: string): Promise<{ ws: Worksheet; name: string }> {
  const free = freeSheetName(name, w.snapshot.sheets);
  let ws: Worksheet | null = null;
  await w.req.write(free.length, () => {
    ws = w.wb.worksheets.add(free);
  });
  w.snapshot.sheets.push(free);
  return { ws: ws!, name: free };
}

function blankRow(t: TablePlan): PlanValue[] {
  return t.columns.map(() => null);
}

/** Creates the table of a plan sheet on a new, empty sheet, with its data and its look. */
export async function createTable(w: WriteCtx, sp: SheetPlan, t: TablePlan, ws: Worksheet, sheet: string) {
  const { req } = w;
  const headers = tableHeaders(t.columns);
  const width = headers.length;
  const data = t.rows.length > 0 ? t.rows : [blankRow(t)];
  const layout = new Layout(
    t.columns,
    t.columns.map((_, i) => i),
  );
  const header = ws.getRangeByIndexes(t.headerRow, 0, 1, width);
  const headerValues = [headers.map((h) => literalText(h, true))];
  await req.write(JSON.stringify(headerValues).length * 3, () => {
    header.values = headerValues;
  });
  const address = `${a1(t.headerRow, 0)}:${a1(t.headerRow + data.length, width - 1)}`;
  let table: Table | null = null;
  await req.write(
    address.length + t.name.length + t.style.length,
    () => {
      table = ws.tables.add(address, true);
      table.name = t.name;
      table.style = t.style;
      table.showBandedRows = true;
      table.showFilterButton = true;
    },
    5,
  );
  await writeBlock(
    req,
    ws,
    t.headerRow + 1,
    0,
    data.map((r) => layout.values(r)),
    data.map((r) => layout.formats(r)),
  );
  const x: FormatTarget = {
    req,
    ws,
    sp,
    t,
    colOf: t.columns.map((_, i) => i),
    headerRow: t.headerRow,
    firstColumn: 0,
    width,
    rows: data.length,
  };
  await formatSheet(x);
  await formatColumns(
    x,
    t.columns.map((_, i) => i),
  );
  await addConditionalFormats(x);
  await applyDropdowns(x, w);
  await autofit(x);
  const snap: TableSnap = {
    name: t.name,
    sheet,
    headerRow: t.headerRow,
    firstColumn: 0,
    header: headers,
    rows: data.map((r) => r.map(readBack)),
  };
  w.snapshot.tables.set(lower(t.name), snap);
  w.snapshot.tableNames.add(lower(t.name));
  return table!;
}

/**
 * Finds the plan's columns in an existing table and adds the missing ones at its end. Returns the table
 * column of each plan column and the plan columns that were added.
 */
export async function ensureColumns(
  w: WriteCtx,
  t: TablePlan,
  snap: TableSnap,
  table: Table,
): Promise<{ colOf: number[]; added: number[] }> {
  const headers = tableHeaders(t.columns);
  const byTitle = locateColumns(snap.header, headers);
  const colOf = byTitle.map((c, p) =>
    c >= 0 ? c : (locateColumns(snap.header, [t.columns[p]!.header])[0] ?? -1),
  );
  const added: number[] = [];
  for (let p = 0; p < colOf.length; p++) {
    if (colOf[p]! >= 0) continue;
    const name = headers[p]!;
    await w.req.write(name.length * 3, () => {
      table.columns.add(null, undefined, name);
    });
    colOf[p] = snap.header.length;
    snap.header.push(name);
    for (const r of snap.rows) r.push('');
    added.push(p);
  }
  return { colOf, added };
}

export function planOfColumns(colOf: readonly number[], width: number): number[] {
  const planOf = new Array<number>(width).fill(-1);
  colOf.forEach((c, p) => {
    if (c >= 0) planOf[c] = p;
  });
  return planOf;
}

/** Writes plan rows [from, to) at data rows [at, …) of the table, run by run, formats first. */
export async function writeRows(
  w: WriteCtx,
  ws: Worksheet,
  snap: TableSnap,
  layout: Layout,
  rows: readonly PlanValue[][],
  at: number,
): Promise<void> {
  for (const run of layout.runs) {
    await writeBlock(
      w.req,
      ws,
      snap.headerRow + 1 + at,
      snap.firstColumn + run.from,
      rows.map((r) => layout.values(r, run.from, run.to)),
      rows.map((r) => layout.formats(r, run.from, run.to)),
    );
  }
}

/** Number formats only (for rows that rows.add has just written). */
async function writeFormats(
  w: WriteCtx,
  ws: Worksheet,
  snap: TableSnap,
  layout: Layout,
  rows: readonly PlanValue[][],
  at: number,
): Promise<void> {
  for (const run of layout.runs) {
    const formats = rows.map((r) => layout.formats(r, run.from, run.to));
    await writeFormatBlock(w.req, ws, snap.headerRow + 1 + at, snap.firstColumn + run.from, formats);
  }
}

/**
 * Rewrites a small or derived table wholesale: same place, the plan's rows under the table's own column
 * order; the table grows (resize, or rows.add without ExcelApi 1.13) or shrinks (its last rows deleted).
 */
export async function rewriteTable(w: WriteCtx, sp: SheetPlan, t: TablePlan, snap: TableSnap): Promise<void> {
  const { req } = w;
  const ws = w.wb.worksheets.getItem(snap.sheet);
  const table = w.wb.tables.getItem(snap.name);
  const { colOf, added } = await ensureColumns(w, t, snap, table);
  const width = snap.header.length;
  const layout = new Layout(t.columns, planOfColumns(colOf, width));
  const data: PlanValue[][] = t.rows.length > 0 ? t.rows : [blankRow(t)];
  const n = data.length;
  const cur = snap.rows.length;
  const body = snap.headerRow + 1;

  if (n < cur) {
    const extra = ws.getRangeByIndexes(body + n, snap.firstColumn, cur - n, width);
    await req.write(0, () => extra.delete('Up'));
  }
  if (n > cur && w.features.has('tableResize')) {
    const address = sheetAddress(snap.sheet, snap.headerRow, snap.firstColumn, 1 + n, width);
    await req.write(address.length, () => table.resize(address));
    await writeRows(w, ws, snap, layout, data, 0);
  } else if (n > cur) {
    w.skip.feature('tableResize');
    await writeRows(w, ws, snap, layout, data.slice(0, cur), 0);
    const more = data.slice(cur);
    await addTableRows(
      req,
      table,
      more.map((r) => layout.values(r)),
    );
    await writeFormats(w, ws, snap, layout, more, cur);
  } else {
    await writeRows(w, ws, snap, layout, data, 0);
  }
  snap.rows = data.map((r): XlValue[] => {
    const out: XlValue[] = new Array<XlValue>(width).fill('');
    colOf.forEach((c, p) => {
      if (c >= 0) out[c] = readBack(r[p]);
    });
    return out;
  });

  const x: FormatTarget = {
    req,
    ws,
    sp,
    t,
    colOf,
    headerRow: snap.headerRow,
    firstColumn: snap.firstColumn,
    width,
    rows: n,
  };
  if (added.length) await formatColumns(x, added);
  await applyDropdowns(x, w);
  await autofit(x);
}
