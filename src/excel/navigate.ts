/**
 * Taking the clerk to a place of the master, each in one Excel.run:
 *
 *   goToUnitRows(excel, unit) — the sheet of table TongHop (found by the table's name, whatever the
 *     clerk called the sheet) with the unit's rows selected, in 3 round trips whatever the table's
 *     length (up to ~15,000 rows; one more per further block of the "Đơn vị gửi" column):
 *       1. the table's sheet, header and data-body position;
 *       2. the "Đơn vị gửi" column;
 *       3. activate the sheet and select.
 *     Rows are the unit's when their "Đơn vị gửi" has the unit's comparison key (unitKey), the key
 *     Theo dõi counts rows by, so the number selected is the number Theo dõi shows.
 *     Rows not next to each other (the clerk sorted the table by name): on ExcelApi 1.18, where
 *     RangeAreas.select exists, exactly the unit's rows are selected (up to MAX_AREAS blocks); on older
 *     Excel, the rows from the unit's first to its last, across the table — the result says which
 *     (`exact`). No rows: the table's header row is selected.
 *
 *   goToSheet(excel, part) — a sheet of the master (its table found by name; Báo cáo by its sheet name)
 *     activated with A1 selected, in 1 round trip (a second only to explain a failure).
 */
import { a1 } from '../core/grid';
import { ROW_COLS } from '../core/master/data-tables';
import { SHEETS } from '../core/master/model';
import { unitKey } from '../core/master/row-key';
import { headerKey } from '../core/text/key';
import { errorCode, hasExcelApi, rangeX, readRowBlocks, sheetX, type WorksheetX } from './active-sheet';
import { GatewayError, describeError } from './errors';
import type { ExcelApi, OfficeApi, RequestContext, Table, XlValue } from './office-api';
import { OLD_EXCEL } from './merge-in-excel';
import { requirementsOf } from './requirements';
import { Requests } from './requests';
import { lower, type Area } from './snapshot';

export interface NavigateOptions {
  /** `Office` for feature detection (default: the global one). */
  office?: OfficeApi;
  /** Payload budget of one request in bytes (default 4.5 MB). */
  requestBudget?: number;
}

export interface UnitRowsResult {
  /** Rows of Tổng hợp whose "Đơn vị gửi" is the unit. */
  rows: number;
  /** Blocks of consecutive rows they form. */
  blocks: number;
  /** Whether the selection holds the unit's rows only (false: first to last row, others between). */
  exact: boolean;
  /** The sheet that holds Tổng hợp (the clerk may have renamed it). */
  sheet: string;
  /** What was selected, e.g. "A5:P9" or "A5:P7, A12:P12". */
  selected: string;
  /** Round trips used. */
  syncs: number;
}

/** Most blocks selected one by one; a unit scattered over more is selected from its first to last row. */
export const MAX_AREAS = 100;

/** First guess of the weight of one "Đơn vị gửi" cell in a response (a long unit name, UTF-8, JSON). */
const GUESS_UNIT_CELL = 256;

const ROWS_TABLE = SHEETS.rows.table;

const missingTable = (table: string, sheet: string): string =>
  `Không thấy bảng ${table} (trang „${sheet}”) trong sổ tính đang mở: bảng có thể đã bị xóa hoặc đổi tên, ` +
  'hoặc sổ tính này chưa có đợt tổng hợp. Hãy mở đúng tệp tổng hợp rồi thử lại.';

const hiddenSheet = (sheet: string, table: string | null): string =>
  `Trang „${sheet}”${table ? ` (bảng ${table})` : ''} đang bị ẩn: hãy bỏ ẩn trang ` +
  '(nhấp chuột phải vào một thẻ trang → Bỏ ẩn) rồi thử lại.';

const range = (r0: number, c0: number, r1: number, c1: number): string =>
  r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;

/** Consecutive runs of sorted row indexes: [first, last] pairs. */
export function runsOf(indexes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

function text(v: XlValue | undefined): string {
  return v === undefined || v === null ? '' : String(v);
}

export async function goToUnitRows(
  excel: ExcelApi,
  unit: string,
  opts: NavigateOptions = {},
): Promise<UnitRowsResult> {
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      if (!requirementsOf(opts.office).baseOk()) throw new GatewayError(OLD_EXCEL);

      // 1. where the table is
      const table = context.workbook.tables.getItem(ROWS_TABLE);
      const ws = sheetX(table.worksheet);
      ws.load('name,visibility');
      const header = table.getHeaderRowRange();
      header.load('values,rowIndex,columnIndex,columnCount');
      const body = table.getDataBodyRange();
      body.load('rowIndex,rowCount');
      req.read();
      try {
        await req.sync();
      } catch (e) {
        if (errorCode(e) === 'ItemNotFound')
          throw new GatewayError(missingTable(ROWS_TABLE, SHEETS.rows.sheet));
        throw e;
      }
      if (ws.visibility !== 'Visible') throw new GatewayError(hiddenSheet(ws.name, ROWS_TABLE));
      const names = (header.values[0] ?? []).map((h) => headerKey(text(h)));
      const col = names.indexOf(headerKey(ROW_COLS.unit));
      if (col < 0) {
        throw new GatewayError(
          `Bảng ${ROWS_TABLE} (trang „${ws.name}”) không có cột „${ROW_COLS.unit}”: cột có thể đã bị đổi tên. ` +
            `Hãy đặt lại tên cột „${ROW_COLS.unit}” rồi thử lại.`,
        );
      }
      const left = header.columnIndex;
      const right = header.columnIndex + header.columnCount - 1;

      // 2. the unit column
      const want = unitKey(unit);
      const hits: number[] = [];
      if (want !== '' && body.rowCount > 0) {
        const area: Area = {
          rowIndex: body.rowIndex,
          columnIndex: left + col,
          rowCount: body.rowCount,
          columnCount: 1,
        };
        await readRowBlocks(req, ws, area, 'values', GUESS_UNIT_CELL, (r, start, count) => {
          const values = r.values;
          let bytes = 2;
          for (let i = 0; i < count; i++) {
            const t = text(values[i]?.[0]);
            bytes += t.length * 3 + 6;
            if (t !== '' && unitKey(t) === want) hits.push(body.rowIndex + start + i);
          }
          return bytes;
        });
      }

      // 3. go there
      const runs = runsOf(hits);
      const exact = runs.length <= 1 || (runs.length <= MAX_AREAS && hasExcelApi(opts.office, '1.18'));
      let selected: string;
      ws.activate();
      if (runs.length === 0) {
        selected = range(header.rowIndex, left, header.rowIndex, right);
        rangeX(ws.getRange(selected)).select();
      } else if (runs.length === 1 || !exact) {
        selected = range(runs[0]![0], left, runs[runs.length - 1]![1], right);
        rangeX(ws.getRange(selected)).select();
      } else {
        selected = runs.map(([r0, r1]) => range(r0, left, r1, right)).join(', ');
        ws.getRanges(selected).select();
      }
      await req.sync();
      return {
        rows: hits.length,
        blocks: runs.length,
        exact,
        sheet: ws.name,
        selected,
        syncs: req.stats.syncs,
      };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(
      `Không chuyển được tới các dòng của „${unit}”: Excel báo lỗi (${describeError(e)}).`,
      [],
      e,
    );
  }
}

export type MasterSheetPart = 'rows' | 'tracker' | 'report' | 'issues' | 'log';

const PARTS: Record<MasterSheetPart, { sheet: string; table: string | null }> = {
  rows: SHEETS.rows,
  tracker: SHEETS.tracker,
  report: SHEETS.report,
  issues: SHEETS.issues,
  log: SHEETS.log,
};

export interface GoToSheetResult {
  /** The sheet now active (its name as the clerk left it). */
  sheet: string;
  syncs: number;
}

export async function goToSheet(
  excel: ExcelApi,
  part: MasterSheetPart,
  opts: NavigateOptions = {},
): Promise<GoToSheetResult> {
  const where = PARTS[part];
  if (!where) throw new GatewayError(`Không có trang „${String(part)}” trong tệp tổng hợp.`);
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      if (!requirementsOf(opts.office).baseOk()) throw new GatewayError(OLD_EXCEL);
      const ws = sheetX(
        where.table
          ? context.workbook.tables.getItem(where.table).worksheet
          : context.workbook.worksheets.getItem(where.sheet),
      );
      ws.load('name');
      ws.activate();
      rangeX(ws.getRange('A1')).select();
      req.read();
      try {
        await req.sync();
      } catch (e) {
        throw await explain(context, req, where, e);
      }
      return { sheet: ws.name, syncs: req.stats.syncs };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(
      `Không chuyển được sang trang „${where.sheet}”: Excel báo lỗi (${describeError(e)}).`,
      [],
      e,
    );
  }
}

/** Why going to a sheet failed, asked of Excel in one more round trip. */
async function explain(
  context: RequestContext,
  req: Requests,
  where: { sheet: string; table: string | null },
  cause: unknown,
): Promise<GatewayError> {
  let found: { name: string; visibility: string } | null = null;
  let asked = false;
  try {
    if (where.table) {
      const tables = context.workbook.tables;
      tables.load('items/name,items/worksheet/name,items/worksheet/visibility');
      req.read();
      await req.sync();
      const t: Table | undefined = tables.items.find((x) => lower(x.name) === lower(where.table!));
      if (t) found = { name: t.worksheet.name, visibility: sheetX(t.worksheet).visibility };
      asked = true;
    } else {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      req.read();
      await req.sync();
      const s = sheets.items.find((x) => lower(x.name) === lower(where.sheet));
      if (s) found = { name: s.name, visibility: (s as WorksheetX).visibility };
      asked = true;
    }
  } catch {
    // the first error says more
  }
  const failed = (name: string) =>
    new GatewayError(
      `Không chuyển được sang trang „${name}”: Excel báo lỗi (${describeError(cause)}).`,
      [],
      cause,
    );
  if (!asked) return failed(where.sheet);
  if (!found) {
    return new GatewayError(
      where.table
        ? missingTable(where.table, where.sheet)
        : `Không thấy trang „${where.sheet}” trong sổ tính đang mở: trang có thể đã bị xóa hoặc đổi tên. ` +
            'Cập nhật Theo dõi và Báo cáo sẽ tạo lại trang này.',
      [],
      cause,
    );
  }
  if (found.visibility !== 'Visible') {
    return new GatewayError(hiddenSheet(found.name, where.table), [], cause);
  }
  return failed(found.name);
}
