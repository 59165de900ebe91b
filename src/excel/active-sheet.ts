/**
 * Reading the sheet the clerk is looking at as a one-sheet GridWorkbook, so that the engine's
 * checkWorkbook can check a list pasted into a sheet by hand — in one Excel.run:
 *   1. the active sheet's name, its used range (values only) and, on ExcelApi 1.13, its merged areas;
 *   2. the cells (value, displayed text, number format, value type), in blocks of rows whose response
 *      stays under the payload budget — one block for a list of a few thousand cells.
 * Dates come as Excel has them: the value is the serial number, the text what Excel shows, the number
 * format tells the engine it is a date.
 *
 * Also here: readRowBlocks, the chunked reader of a block of rows that navigate.ts uses too.
 */
import type { CellRange, GridCell, GridSheet, GridWorkbook } from '../core/grid';
import { gridBytes } from './chunking';
import { GatewayError, describeError } from './errors';
import type { ExcelApi, OfficeApi, Range, Worksheet, WorksheetCollection, XlValue } from './office-api';
import { OLD_EXCEL } from './merge-in-excel';
import { requirementsOf } from './requirements';
import { Requests } from './requests';
import type { Area } from './snapshot';

// ---------------------------------------------------------------------------------------------------------
// The Office.js members used here beyond office-api.ts (same names and shapes as Office.js).

/** Excel.RangeAreas (ExcelApi 1.9): several blocks of one sheet. */
export interface RangeAreas {
  address: string;
  isNullObject: boolean;
  load(propertyNames?: string | string[]): unknown;
  /** ExcelApi 1.18. */
  select(): void;
}

export interface RangeX extends Range {
  text: string[][];
  valueTypes: string[][];
  select(): void;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreas;
}

export interface WorksheetX extends Worksheet {
  visibility: string;
  activate(): void;
  /** ExcelApi 1.9. */
  getRanges(address?: string): RangeAreas;
}

export interface WorksheetCollectionX extends WorksheetCollection {
  getActiveWorksheet(): Worksheet;
}

export const rangeX = (r: Range): RangeX => r as RangeX;
export const sheetX = (w: Worksheet): WorksheetX => w as WorksheetX;

/** Whether Office says this Excel has ExcelApi `version` (unknown hosts: no). */
export function hasExcelApi(office: OfficeApi | undefined, version: string): boolean {
  const o = office ?? (globalThis as { Office?: OfficeApi }).Office;
  try {
    return o?.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Chunked reading

/** The error code of an Office.js error, if any. */
export function errorCode(e: unknown): string {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
}

const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

/**
 * Reads the rows of `area` on `ws` with `props` loaded, block by block, each block's response under
 * the request budget: the first block is sized on `guessPerCell` bytes a cell, the next ones on what
 * the rows read so far weighed (with a margin). A block Excel still refuses as too large is read again
 * in halves, and the budget stays halved for the blocks after it. `take` receives each block (its first row, relative to the area) and returns its weight.
 */
export async function readRowBlocks(
  req: Requests,
  ws: Worksheet,
  area: Area,
  props: string,
  guessPerCell: number,
  take: (range: RangeX, first: number, count: number) => number,
): Promise<void> {
  let perRow = Math.max(1, area.columnCount * guessPerCell);
  // what a response may weigh: the budget, lowered for good when Excel refuses a block as too large
  let budget = req.limit;
  let done = 0;
  while (done < area.rowCount) {
    const n = Math.min(area.rowCount - done, Math.max(1, Math.floor(budget / perRow)));
    const range = rangeX(ws.getRangeByIndexes(area.rowIndex + done, area.columnIndex, n, area.columnCount));
    range.load(props);
    req.read();
    try {
      await req.sync();
    } catch (e) {
      if (errorCode(e) === RESPONSE_TOO_LARGE && n > 1) {
        budget = Math.min(budget, n * perRow) / 2;
        continue;
      }
      throw e;
    }
    const bytes = take(range, done, n);
    done += n;
    perRow = Math.max(perRow / 4, (bytes / n) * 1.5, 1);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const ONLY_HASHES = /^#+$/;

/**
 * The grid cell of what Office.js gives for one cell; undefined for an empty one. A number whose
 * column is too narrow shows "####" in Excel: its text is then worked out from the number format.
 */
/**
 * SheetJS's number formatter, loaded with the first readActiveSheet (SheetJS is not part of the pane's
 * first download: the rest of the gateway does not need it).
 */
let ssf: { format(fmt: string, v: number): string } | null = null;

export async function loadNumberFormatter(): Promise<void> {
  if (!ssf) ssf = (await import('@e965/xlsx')).SSF as { format(fmt: string, v: number): string };
}

export function gridCell(value: XlValue, text: string, format: string, type: string): GridCell | undefined {
  switch (type) {
    case 'Empty':
      return undefined;
    case 'Error': {
      const t = text || String(value);
      return { v: t, w: t, err: true };
    }
    case 'Boolean':
      return { v: value === true, w: text || (value === true ? 'TRUE' : 'FALSE') };
    case 'Double':
    case 'Integer': {
      if (typeof value !== 'number') break;
      let w = text;
      if (w === '' || ONLY_HASHES.test(w)) {
        try {
          w = ssf ? ssf.format(format || 'General', value) : String(value);
        } catch {
          w = String(value);
        }
      }
      const cell: GridCell = { v: value, w };
      if (format) cell.z = format;
      return cell;
    }
    default:
      break;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  const v = typeof value === 'string' ? value : String(value);
  return { v, w: v };
}

// ---------------------------------------------------------------------------------------------------------
// Merged areas

/** Column letters → 0-based index. */
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const LOCAL = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/**
 * The blocks of a RangeAreas address ("'Danh sách'!A1:K1, 'Danh sách'!A2:A3", with or without the
 * spaces, sheet names quoted or not), 0-based.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let i = 0;
  const s = address;
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === ',' || s[i] === ';')) i++;
    if (i >= s.length) break;
    // the sheet name, quoted ('It''s') or plain, up to "!"
    if (s[i] === "'") {
      i++;
      while (i < s.length) {
        if (s[i] === "'" && s[i + 1] === "'") i += 2;
        else if (s[i] === "'") {
          i++;
          break;
        } else i++;
      }
    }
    let j = i;
    while (j < s.length && s[j] !== ',' && s[j] !== ';') j++;
    const piece = s.slice(i, j).trim();
    i = j;
    const local = piece.slice(piece.lastIndexOf('!') + 1);
    const m = LOCAL.exec(local);
    if (!m) continue;
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]!);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    out.push({
      s: { r: Math.min(r0, r1), c: Math.min(c0, c1) },
      e: { r: Math.max(r0, r1), c: Math.max(c0, c1) },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The active sheet

/** What the engine is told the "file" is called. */
export const activeSheetFileName = (name: string): string => `Trang tính „${name}”`;

/** Most cells of a used range read (a stray value far away makes the used range huge). */
export const MAX_ACTIVE_CELLS = 2_000_000;

/** First guess of the weight of one cell's value, text, number format and type in a response. */
const GUESS_PER_CELL = 320;

const CELL_PROPS = 'values,text,numberFormat,valueTypes';

export interface ActiveSheetOptions {
  /** `Office` for feature detection (default: the global one). */
  office?: OfficeApi;
  /** Payload budget of one request in bytes (default 4.5 MB). */
  requestBudget?: number;
}

export async function readActiveSheet(excel: ExcelApi, opts: ActiveSheetOptions = {}): Promise<GridWorkbook> {
  await loadNumberFormatter();
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      if (!requirementsOf(opts.office).baseOk()) throw new GatewayError(OLD_EXCEL);
      const wantMerges = hasExcelApi(opts.office, '1.13');

      // 1. name, used range, merged areas
      const first = async (merges: boolean) => {
        const ws = (context.workbook.worksheets as WorksheetCollectionX).getActiveWorksheet();
        ws.load('name');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        req.read();
        let areas: RangeAreas | null = null;
        if (merges) {
          areas = rangeX(ws.getRange()).getMergedAreasOrNullObject();
          areas.load('address');
          req.read();
        }
        await req.sync();
        return { ws, used, areas };
      };
      let got: Awaited<ReturnType<typeof first>>;
      try {
        got = await first(wantMerges);
      } catch (e) {
        // Office.js fails on more than 512 merged areas: read the sheet without them.
        if (!wantMerges) throw e;
        got = await first(false);
      }
      const { ws, used, areas } = got;
      const name = ws.name;
      const sheet: GridSheet = { name, visibility: 'visible', rows: [], merges: [] };
      const book: GridWorkbook = { fileName: activeSheetFileName(name), format: 'xlsx', sheets: [sheet] };
      if (used.isNullObject) return book;
      const area: Area = {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      };
      if (area.rowCount * area.columnCount > MAX_ACTIVE_CELLS) {
        throw new GatewayError(
          `Vùng dữ liệu của trang „${name}” quá lớn để đọc (${area.rowCount.toLocaleString('vi-VN')} dòng × ` +
            `${area.columnCount.toLocaleString('vi-VN')} cột): có thể có ô dữ liệu nằm lạc ở xa danh sách. ` +
            'Hãy xóa các ô đó hoặc chép danh sách sang một trang mới rồi thử lại.',
        );
      }
      if (areas && !areas.isNullObject) {
        const top = area.rowIndex + area.rowCount - 1;
        const right = area.columnIndex + area.columnCount - 1;
        sheet.merges = parseAreasAddress(areas.address).filter(
          (m) => m.s.r <= top && m.e.r >= area.rowIndex && m.s.c <= right && m.e.c >= area.columnIndex,
        );
      }

      // 2. the cells
      const rows: (GridCell | undefined)[][] = Array.from(
        { length: area.rowIndex + area.rowCount },
        () => [],
      );
      await readRowBlocks(req, ws, area, CELL_PROPS, GUESS_PER_CELL, (range, start, count) => {
        const values = range.values;
        const text = range.text;
        const formats = range.numberFormat;
        const types = range.valueTypes;
        for (let i = 0; i < count; i++) {
          const row = rows[area.rowIndex + start + i]!;
          const v = values[i] ?? [];
          for (let j = 0; j < area.columnCount; j++) {
            const cell = gridCell(
              v[j] ?? '',
              text[i]?.[j] ?? '',
              String(formats[i]?.[j] ?? ''),
              types[i]?.[j] ?? '',
            );
            if (cell) row[area.columnIndex + j] = cell;
          }
        }
        return gridBytes(values) + gridBytes(text) + gridBytes(formats) + gridBytes(types);
      });
      sheet.rows = rows;
      return book;
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(`Không đọc được trang tính đang mở: Excel báo lỗi (${describeError(e)}).`, [], e);
  }
}
