/**
 * The read side of the gateway: what the open workbook holds, in a number of round trips that does not
 * depend on the files being merged —
 *   1. the names of the sheets and of the tables;
 *   2. for each table of the master (found BY NAME, wherever the clerk moved or renamed its sheet): its
 *      sheet, header row, data-body position and its first FIRST_BLOCK rows (the rows under the header,
 *      read before the table's size is known); the used range of Báo cáo;
 *   3. only for a table longer than that: the rest of its rows, in blocks that keep each response under
 *      the payload budget (sized on what the rows read so far weighed).
 * A master of a few hundred rows is thus read in 2 round trips.
 */
import { SHEETS } from '../core/master/model';
import { gridBytes, REQUEST_BUDGET } from './chunking';
import type { Range, Table, Worksheet, XlValue } from './office-api';
import type { Requests } from './requests';

/** The tables of the master, in the order of the write plan. */
export const MASTER_TABLE_NAMES = [
  SHEETS.config.table,
  SHEETS.roster.table,
  SHEETS.fields.table,
  SHEETS.rows.table,
  SHEETS.tracker.table,
  SHEETS.issues.table,
  SHEETS.log.table,
] as const;

export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** A table of the master as it stands in the workbook. */
export interface TableSnap {
  /** The table's name as Excel has it. */
  name: string;
  /** Name of the sheet that holds it. */
  sheet: string;
  /** 0-based sheet row of the header row, and column of the first column. */
  headerRow: number;
  firstColumn: number;
  /** Header texts, left to right. */
  header: string[];
  /** Data rows (Excel keeps at least one, blank, in an empty table). */
  rows: XlValue[][];
}

export interface Snapshot {
  /** Sheet names in tab order. */
  sheets: string[];
  /** Every table of the workbook, by lower-case name. */
  tableNames: Set<string>;
  /** The master's tables that exist, by lower-case name. */
  tables: Map<string, TableSnap>;
  /** The sheet of Báo cáo (found by name) and its used range, if it exists. */
  report: { sheet: string; used: Area | null } | null;
}

export const lower = (s: string): string => s.toLocaleLowerCase('vi');

/**
 * Rows of each table read with its position (round trip 2), before its size is known: 7 tables × 500
 * rows stay well under the response limit unless rows are very long (a 1 KB row of Tổng hợp: 0.5 MB).
 */
export const FIRST_BLOCK = 500;

interface Pending {
  snap: TableSnap;
  worksheet: Worksheet;
  body: Area;
  loaded: number;
  bytesPerRow: number;
}

function text(v: XlValue | undefined): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Reads the workbook: names, then the master's tables `wanted` (default all of them). */
export async function readSnapshot(
  req: Requests,
  wanted: readonly string[] = MASTER_TABLE_NAMES,
): Promise<Snapshot> {
  const wb = req.context.workbook;
  // 1. names
  wb.worksheets.load('items/name');
  wb.tables.load('items/name');
  req.read();
  await req.sync();
  const sheets = wb.worksheets.items.map((w) => w.name);
  const byName = new Map<string, Table>();
  for (const t of wb.tables.items) byName.set(lower(t.name), t);

  // 2. where each table is
  const found: { table: Table; header: Range; body: Range; first: Range; worksheet: Worksheet }[] = [];
  for (const name of wanted) {
    const table = byName.get(lower(name));
    if (!table) continue;
    const worksheet = table.worksheet;
    worksheet.load('name');
    table.load('name');
    const header = table.getHeaderRowRange();
    header.load('values,rowIndex,columnIndex,columnCount');
    const body = table.getDataBodyRange();
    body.load('rowIndex,columnIndex,rowCount,columnCount');
    // the rows under the header, whatever the table's length (cut to its length once known)
    const first = header.getOffsetRange(1, 0).getResizedRange(FIRST_BLOCK - 1, 0);
    first.load('values');
    req.read();
    found.push({ table, header, body, first, worksheet });
  }
  const reportName = sheets.find((s) => lower(s) === lower(SHEETS.report.sheet));
  let used: Range | null = null;
  if (reportName) {
    used = wb.worksheets.getItem(reportName).getUsedRangeOrNullObject();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    req.read();
  }
  if (found.length > 0 || used) await req.sync();

  const tables = new Map<string, TableSnap>();
  const pending: Pending[] = [];
  for (const f of found) {
    const snap: TableSnap = {
      name: f.table.name,
      sheet: f.worksheet.name,
      headerRow: f.header.rowIndex,
      firstColumn: f.header.columnIndex,
      header: (f.header.values[0] ?? []).map(text),
      rows: [],
    };
    tables.set(lower(snap.name), snap);
    const body: Area = {
      rowIndex: f.body.rowIndex,
      columnIndex: f.body.columnIndex,
      rowCount: f.body.rowCount,
      columnCount: f.body.columnCount,
    };
    if (body.rowCount > 0 && body.columnCount > 0) {
      const firstRows = f.first.values.slice(0, Math.min(FIRST_BLOCK, body.rowCount));
      for (const row of firstRows) snap.rows.push(row);
      const measured = firstRows.length ? gridBytes(firstRows) / firstRows.length : 0;
      pending.push({
        snap,
        worksheet: f.worksheet,
        body,
        loaded: firstRows.length,
        bytesPerRow: Math.max(body.columnCount * 8, measured * 1.5, 1),
      });
    }
  }
  const report =
    reportName === undefined
      ? null
      : {
          sheet: reportName,
          used:
            used && !used.isNullObject
              ? {
                  rowIndex: used.rowIndex,
                  columnIndex: used.columnIndex,
                  rowCount: used.rowCount,
                  columnCount: used.columnCount,
                }
              : null,
        };

  // 3. the data, in blocks under the budget
  while (pending.some((p) => p.loaded < p.body.rowCount)) {
    let budget = REQUEST_BUDGET;
    const blocks: { p: Pending; range: Range; n: number }[] = [];
    for (const p of pending) {
      const left = p.body.rowCount - p.loaded;
      if (left === 0) continue;
      const fit = Math.floor(budget / p.bytesPerRow);
      if (fit < 1 && blocks.length > 0) break;
      const n = Math.min(left, Math.max(1, fit));
      const range = p.worksheet.getRangeByIndexes(
        p.body.rowIndex + p.loaded,
        p.body.columnIndex,
        n,
        p.body.columnCount,
      );
      range.load('values');
      req.read();
      blocks.push({ p, range, n });
      budget -= n * p.bytesPerRow;
      if (budget <= 0) break;
    }
    await req.sync();
    for (const { p, range, n } of blocks) {
      const values = range.values;
      for (const row of values) p.snap.rows.push(row);
      p.loaded += n;
      // the next block of this table is sized on what this one weighed, with a margin for longer rows
      p.bytesPerRow = Math.max(p.bytesPerRow / 4, (gridBytes(values) / Math.max(1, n)) * 1.5);
    }
  }
  return { sheets, tableNames: new Set(byName.keys()), tables, report };
}
