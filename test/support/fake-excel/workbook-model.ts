/**
 * The in-memory workbook behind the fake Excel: sheets of cells (value, formula, interned style),
 * column and row properties, tables, merges, conditional formats, data validation, print setup —
 * and the Excel rules the Office.js surface relies on (typed-input conversion, table headers, shifting
 * cells on insert/delete). No Node APIs: it can be bundled into a browser page.
 *
 * Tests read it through the helpers at the end (snapshot, tableValues, sheetValues, cell) and can
 * reorder a table as the clerk would (sortTableBy). The proxies (proxies.ts) call the operations.
 */
import { SSF } from '@e965/xlsx';
import {
  MAX_COLS,
  MAX_ROWS,
  cellName,
  checkInSheet,
  cols,
  contains,
  fullAddress,
  intersection,
  intersects,
  isFullColumns,
  isFullRows,
  parseLocal,
  rectAddress,
  rows,
  splitSheet,
  subtract,
  type Rect,
} from './address';
import { ErrorCodes, fail } from './errors';
import { parseInput, type CellValue, type InputOptions } from './input';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
  intern,
  styleUpdater,
  type Style,
} from './styles';

export type { CellValue } from './input';
export type { Rect } from './address';

export interface Cell {
  v: CellValue;
  f?: string;
  s: Style;
  /** Quote prefix: the text was written with a leading apostrophe. */
  qp?: boolean;
}

interface ColProps {
  width?: number;
  hidden?: boolean;
  style?: Style;
}
interface RowProps {
  height?: number;
  hidden?: boolean;
  style?: Style;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** "$1:$3" */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
}

export interface ConditionalFormatModel {
  id: number;
  sheet: SheetModel;
  rect: Rect;
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean;
}

export interface DataValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

/** A range held by a proxy: kept pointing at the same cells when rows are inserted or deleted. */
export class RangeRef {
  deleted = false;
  constructor(
    readonly sheet: SheetModel,
    public rect: Rect,
  ) {}
}

let nextId = 1;

export class SheetModel {
  readonly id = `{fake-sheet-${nextId++}}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  showGridlines = true;
  /** row → sparse array of cells by column */
  readonly rows = new Map<number, (Cell | undefined)[]>();
  readonly colProps = new Map<number, ColProps>();
  readonly rowProps = new Map<number, RowProps>();
  sheetStyle: Style = DEFAULT_STYLE;
  freeze = { rows: 0, columns: 0 };
  merges: Rect[] = [];
  /**
   * The cells selected on this sheet (one rectangle, or several after RangeAreas.select), A1 at first.
   * As in Excel each sheet keeps its own selection: activating a sheet shows the one it had.
   */
  selection: Rect[] = [{ r0: 0, c0: 0, r1: 0, c1: 0 }];
  conditionalFormats: ConditionalFormatModel[] = [];
  validations: DataValidationModel[] = [];
  pageLayout: PageLayoutModel = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
  };
  /** Rows whose height Excel fits to the content (autofitRows). */
  readonly autofitRows = new Set<number>();

  constructor(
    readonly workbook: WorkbookModel,
    public name: string,
  ) {}

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  cell(r: number, c: number): Cell | undefined {
    return this.rows.get(r)?.[c];
  }

  /** The style a cell has or would have: its own, else its row's, its column's, the sheet's. */
  styleAt(r: number, c: number): Style {
    return (
      this.cell(r, c)?.s ?? this.rowProps.get(r)?.style ?? this.colProps.get(c)?.style ?? this.sheetStyle
    );
  }

  ensure(r: number, c: number): Cell {
    let row = this.rows.get(r);
    if (!row) {
      row = [];
      this.rows.set(r, row);
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: '', s: this.styleAt(r, c) };
      row[c] = cell;
    }
    return cell;
  }

  put(r: number, c: number, cell: Cell | undefined): void {
    let row = this.rows.get(r);
    if (!row) {
      if (!cell) return;
      row = [];
      this.rows.set(r, row);
    }
    row[c] = cell;
  }

  /** Calls fn for every existing cell in the rectangle. */
  forEachCell(x: Rect, fn: (r: number, c: number, cell: Cell) => void): void {
    const tall = rows(x) > this.rows.size;
    const visit = (r: number, row: (Cell | undefined)[]): void => {
      const last = Math.min(x.c1, row.length - 1);
      for (let c = x.c0; c <= last; c++) {
        const cell = row[c];
        if (cell) fn(r, c, cell);
      }
    };
    if (tall) {
      const keys = [...this.rows.keys()].filter((r) => r >= x.r0 && r <= x.r1).sort((a, b) => a - b);
      for (const r of keys) visit(r, this.rows.get(r)!);
    } else {
      for (let r = x.r0; r <= x.r1; r++) {
        const row = this.rows.get(r);
        if (row) visit(r, row);
      }
    }
  }

  columnWidth(c: number): number {
    return this.colProps.get(c)?.width ?? DEFAULT_COLUMN_WIDTH;
  }
  rowHeight(r: number): number {
    return this.rowProps.get(r)?.height ?? DEFAULT_ROW_HEIGHT;
  }
  colProp(c: number): ColProps {
    let p = this.colProps.get(c);
    if (!p) {
      p = {};
      this.colProps.set(c, p);
    }
    return p;
  }
  rowProp(r: number): RowProps {
    let p = this.rowProps.get(r);
    if (!p) {
      p = {};
      this.rowProps.set(r, p);
    }
    return p;
  }

  /** The smallest block holding every cell with a value (valuesOnly) or a value or a format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of this.rows) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const used = cell.v !== '' || cell.f !== undefined || (!valuesOnly && cell.s !== DEFAULT_STYLE);
        if (!used) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  get tables(): TableModel[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }
}

export class TableModel {
  readonly id = nextId++;
  style = 'TableStyleMedium2';
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  showHeaders = true;
  showTotals = false;
  /**
   * The table has no data yet: its one body row is Excel's empty "insert row" (a table made from a
   * header-only address). rows.count is 0 and rows.add fills that row first.
   */
  emptyInsertRow = false;

  constructor(
    public sheet: SheetModel,
    public name: string,
    /** Whole table, header row first. */
    public rect: Rect,
  ) {}

  get headerRect(): Rect {
    return { ...this.rect, r1: this.rect.r0 };
  }
  get bodyRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + 1 };
  }
  get columnNames(): string[] {
    const out: string[] = [];
    for (let c = this.rect.c0; c <= this.rect.c1; c++)
      out.push(String(this.sheet.cell(this.rect.r0, c)?.v ?? ''));
    return out;
  }
  get rowCount(): number {
    return this.emptyInsertRow ? 0 : this.rect.r1 - this.rect.r0;
  }
}

export interface WorkbookOptions {
  /** Order of day and month in typed dates: en-US 'mdy' (default) or vi-VN 'dmy'. */
  dateOrder?: 'mdy' | 'dmy';
  /** Sheets of a new workbook (default one sheet "Sheet1"). */
  sheetNames?: string[];
}

type Shift = Rect | null | 'partial';

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Ranges held by live proxies (adjusted on insert/delete). */
  readonly liveRanges = new Set<RangeRef>();
  activeSheet: SheetModel | null = null;
  readonly input: InputOptions;
  private cfIds = 1;

  constructor(opts: WorkbookOptions = {}) {
    this.input = { dateOrder: opts.dateOrder ?? 'mdy', currentYear: new Date().getFullYear() };
    for (const name of opts.sheetNames ?? ['Sheet1']) this.addSheet(name);
  }

  // -------------------------------------------------------------------------------------------
  // Sheets

  findSheet(name: string): SheetModel | undefined {
    const key = sheetKey(name);
    return this.sheets.find((s) => sheetKey(s.name) === key);
  }

  sheet(name: string): SheetModel {
    return this.findSheet(name) ?? fail(ErrorCodes.itemNotFound, `no worksheet "${name}"`);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      let k = this.sheets.length + 1;
      while (this.findSheet(`Sheet${k}`)) k++;
      n = `Sheet${k}`;
    }
    this.checkSheetName(n, null);
    const s = new SheetModel(this, n);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  checkSheetName(name: unknown, self: SheetModel | null): asserts name is string {
    if (typeof name !== 'string') fail(ErrorCodes.invalidArgument, 'a sheet name must be a string');
    const why =
      name.trim() === ''
        ? 'it is empty'
        : name.length > 31
          ? `it has ${name.length} characters (at most 31)`
          : /[[\]:*?/\\]/.test(name)
            ? 'it contains one of [ ] : * ? / \\'
            : name.startsWith("'") || name.endsWith("'")
              ? 'it starts or ends with an apostrophe'
              : sheetKey(name) === 'history'
                ? '"History" is reserved by Excel'
                : null;
    if (why) fail(ErrorCodes.invalidArgument, `"${name}" is not a valid sheet name: ${why}`);
    const other = this.findSheet(name);
    if (other && other !== self)
      fail(ErrorCodes.itemAlreadyExists, `a sheet named "${other.name}" already exists`);
  }

  renameSheet(s: SheetModel, name: unknown): void {
    this.checkSheetName(name, s);
    s.name = name;
  }

  moveSheet(s: SheetModel, position: unknown): void {
    if (
      typeof position !== 'number' ||
      !Number.isInteger(position) ||
      position < 0 ||
      position >= this.sheets.length
    ) {
      fail(
        ErrorCodes.invalidArgument,
        `sheet position ${String(position)} (the workbook has ${this.sheets.length} sheets)`,
      );
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position, 0, s);
  }

  setVisibility(s: SheetModel, v: unknown): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
      fail(ErrorCodes.invalidArgument, `visibility "${String(v)}"`);
    if (
      v !== 'Visible' &&
      s.visibility === 'Visible' &&
      this.sheets.filter((x) => x.visibility === 'Visible').length === 1
    ) {
      fail(ErrorCodes.invalidOperation, 'a workbook must keep at least one visible sheet');
    }
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheet === s)
      this.activeSheet = this.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  deleteSheet(s: SheetModel): void {
    if (s.visibility === 'Visible' && this.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
      fail(ErrorCodes.invalidOperation, 'the last visible sheet of a workbook cannot be deleted');
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const t of s.tables) this.tables.splice(this.tables.indexOf(t), 1);
    for (const ref of this.liveRanges) if (ref.sheet === s) ref.deleted = true;
    if (this.activeSheet === s)
      this.activeSheet = this.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  /** Resolves "Sheet!A1:B2" (or a local address on `dflt`) to a sheet and a rectangle. */
  resolveAddress(
    address: unknown,
    dflt: SheetModel | null,
    sameSheetOnly = false,
  ): { sheet: SheetModel; rect: Rect } {
    if (typeof address !== 'string') fail(ErrorCodes.invalidArgument, `address ${String(address)}`);
    const { sheet, local } = splitSheet(address);
    const s = sheet !== null ? this.findSheet(sheet) : dflt;
    if (!s)
      fail(
        sheet !== null ? ErrorCodes.itemNotFound : ErrorCodes.invalidArgument,
        `no sheet for address "${address}"`,
      );
    if (sameSheetOnly && sheet !== null && dflt && s !== dflt)
      fail(ErrorCodes.invalidArgument, `address "${address}" is on another sheet`);
    return { sheet: s, rect: parseLocal(local) };
  }

  // -------------------------------------------------------------------------------------------
  // Cell contents

  /** Writes `range.values` (or `formulas`) with Excel's typed-input conversions. */
  writeValues(sheet: SheetModel, x: Rect, input: unknown): void {
    const get = grid(input, x, 'values');
    const parsed: (ReturnType<typeof parseInput> | null)[] = [];
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        const raw = get(r - x.r0, c - x.c0);
        parsed.push(
          raw === null || raw === undefined
            ? null
            : parseInput(raw, sheet.styleAt(r, c).numberFormat, this.input),
        );
      }
    }
    let k = 0;
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        const p = parsed[k++];
        if (!p) continue;
        if (p.value === '' && p.formula === undefined && !sheet.cell(r, c)) continue;
        const cell = sheet.ensure(r, c);
        cell.v = p.value;
        if (p.formula !== undefined) cell.f = p.formula;
        else delete cell.f;
        if (p.quotePrefix) cell.qp = true;
        else delete cell.qp;
        if (p.autoFormat && cell.s.numberFormat === 'General')
          cell.s = intern({ ...cell.s, numberFormat: p.autoFormat });
      }
    }
    this.afterContentChange(sheet, x);
  }

  writeNumberFormat(sheet: SheetModel, x: Rect, input: unknown): void {
    if (!Array.isArray(input) && (isFullColumns(x) || isFullRows(x))) {
      const nf = formatOf(input);
      this.updateStyle(sheet, x, (s) => ({ ...s, numberFormat: nf }));
      return;
    }
    const get = grid(input, x, 'numberFormat');
    const formats: (string | null)[] = [];
    for (let r = 0; r < rows(x); r++)
      for (let c = 0; c < cols(x); c++) formats.push(nullish(get(r, c)) ? null : formatOf(get(r, c)));
    let k = 0;
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        const nf = formats[k++];
        if (nf === null || nf === undefined) continue;
        const cell = sheet.ensure(r, c);
        if (cell.s.numberFormat !== nf) cell.s = intern({ ...cell.s, numberFormat: nf });
      }
    }
  }

  clear(sheet: SheetModel, x: Rect, applyTo: unknown): void {
    const what = applyTo === undefined ? 'All' : applyTo;
    if (
      what !== 'All' &&
      what !== 'Contents' &&
      what !== 'Formats' &&
      what !== 'Hyperlinks' &&
      what !== 'RemoveHyperlinks'
    ) {
      fail(ErrorCodes.invalidArgument, `clear("${String(applyTo)}")`);
    }
    const contents = what === 'All' || what === 'Contents';
    const formats = what === 'All' || what === 'Formats';
    sheet.forEachCell(x, (r, c, cell) => {
      if (contents) {
        cell.v = '';
        delete cell.f;
        delete cell.qp;
      }
      if (formats) cell.s = DEFAULT_STYLE;
      if (cell.v === '' && cell.s === DEFAULT_STYLE) sheet.put(r, c, undefined);
    });
    if (formats) {
      sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) =>
        subtract(cf.rect, x).map((rr) => ({ ...cf, rect: rr })),
      );
      if (isFullColumns(x))
        for (let c = x.c0; c <= Math.min(x.c1, 1000); c++) delete sheet.colProps.get(c)?.style;
    }
    if (contents) this.afterContentChange(sheet, x);
  }

  /** Table headers follow their cells; a written table body row is no longer the empty insert row. */
  private afterContentChange(sheet: SheetModel, x: Rect): void {
    for (const t of sheet.tables) {
      if (intersects(t.headerRect, x)) this.normalizeHeaders(t);
      if (
        t.emptyInsertRow &&
        intersects(t.bodyRect, x) &&
        !this.rowEmpty(sheet, t.rect.r0 + 1, t.rect.c0, t.rect.c1)
      ) {
        t.emptyInsertRow = false;
      }
    }
  }

  private rowEmpty(sheet: SheetModel, r: number, c0: number, c1: number): boolean {
    for (let c = c0; c <= c1; c++) {
      const cell = sheet.cell(r, c);
      if (cell && (cell.v !== '' || cell.f !== undefined)) return false;
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Reading cells

  readGrid<T>(sheet: SheetModel, x: Rect, fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    if (rows(x) * cols(x) > 5_000_000) {
      fail(
        ErrorCodes.invalidArgument,
        `reading ${rows(x)}×${cols(x)} cells at once (the fake refuses more than 5,000,000)`,
      );
    }
    const out: T[][] = [];
    for (let r = x.r0; r <= x.r1; r++) {
      const row = sheet.rows.get(r);
      const line: T[] = new Array<T>(cols(x));
      for (let c = x.c0; c <= x.c1; c++) line[c - x.c0] = fn(row?.[c], r, c);
      out.push(line);
    }
    return out;
  }

  values(sheet: SheetModel, x: Rect): CellValue[][] {
    return this.readGrid(sheet, x, (cell) => (cell ? cell.v : ''));
  }
  formulas(sheet: SheetModel, x: Rect): CellValue[][] {
    return this.readGrid(sheet, x, (cell) => (cell ? (cell.f ?? cell.v) : ''));
  }
  numberFormats(sheet: SheetModel, x: Rect): string[][] {
    return this.readGrid(sheet, x, (cell, r, c) =>
      cell ? cell.s.numberFormat : sheet.styleAt(r, c).numberFormat,
    );
  }
  texts(sheet: SheetModel, x: Rect): string[][] {
    return this.readGrid(sheet, x, (cell) => (cell ? displayText(cell) : ''));
  }
  valueTypes(sheet: SheetModel, x: Rect): string[][] {
    return this.readGrid(sheet, x, (cell) => {
      if (!cell || (cell.v === '' && cell.f === undefined)) return 'Empty';
      if (typeof cell.v === 'number') return 'Double';
      if (typeof cell.v === 'boolean') return 'Boolean';
      return cell.f !== undefined && ERRORS.has(cell.v) ? 'Error' : 'String';
    });
  }

  // -------------------------------------------------------------------------------------------
  // Formats

  /** Applies a style change to the cells (and, for whole columns/rows, to the columns/rows). */
  updateStyle(sheet: SheetModel, x: Rect, patch: (s: Style) => Style): void {
    const up = styleUpdater(patch);
    const fullC = isFullColumns(x);
    const fullR = isFullRows(x);
    if (fullC && fullR) {
      sheet.sheetStyle = up(sheet.sheetStyle);
      for (const p of sheet.colProps.values()) if (p.style) p.style = up(p.style);
      for (const p of sheet.rowProps.values()) if (p.style) p.style = up(p.style);
    } else if (fullC) {
      for (let c = x.c0; c <= x.c1; c++) {
        const p = sheet.colProp(c);
        p.style = up(p.style ?? sheet.sheetStyle);
      }
    } else if (fullR) {
      for (let r = x.r0; r <= x.r1; r++) {
        const p = sheet.rowProp(r);
        p.style = up(p.style ?? sheet.sheetStyle);
      }
    }
    if (fullC || fullR) {
      sheet.forEachCell(x, (_r, _c, cell) => {
        cell.s = up(cell.s);
      });
      return;
    }
    if (rows(x) * cols(x) > 2_000_000) {
      fail(
        ErrorCodes.fakeNotImplemented,
        `formatting ${rows(x)}×${cols(x)} cells one by one (the fake formats whole columns, whole rows or up to 2,000,000 cells)`,
      );
    }
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        const cell = sheet.ensure(r, c);
        cell.s = up(cell.s);
      }
    }
  }

  /** One property of the style of every cell of the range: its value if the same everywhere, else null. */
  readStyle<T>(sheet: SheetModel, x: Rect, get: (s: Style) => T): T | null {
    let first = true;
    let out: T | null = null;
    const see = (s: Style): boolean => {
      const v = get(s);
      if (first) {
        out = v;
        first = false;
        return true;
      }
      if (JSON.stringify(v) !== JSON.stringify(out)) {
        out = null;
        return false;
      }
      return true;
    };
    const total = rows(x) * cols(x);
    if (total <= 200_000) {
      for (let r = x.r0; r <= x.r1; r++)
        for (let c = x.c0; c <= x.c1; c++) if (!see(sheet.styleAt(r, c))) return null;
      return out;
    }
    // Huge (whole-column) ranges: the columns' styles and the existing cells.
    for (let c = x.c0; c <= Math.min(x.c1, x.c0 + 1000); c++)
      if (!see(sheet.colProps.get(c)?.style ?? sheet.sheetStyle)) return null;
    let ok = true;
    sheet.forEachCell(x, (_r, _c, cell) => {
      if (ok) ok = see(cell.s);
    });
    return ok ? out : null;
  }

  setColumnWidth(sheet: SheetModel, x: Rect, points: unknown): void {
    const w = nonNegative(points, 'columnWidth');
    for (let c = x.c0; c <= x.c1; c++) sheet.colProp(c).width = w;
  }
  setRowHeight(sheet: SheetModel, x: Rect, points: unknown): void {
    const h = nonNegative(points, 'rowHeight');
    if (isFullColumns(x)) fail(ErrorCodes.invalidArgument, 'rowHeight on whole columns (1,048,576 rows)');
    for (let r = x.r0; r <= x.r1; r++) {
      sheet.rowProp(r).height = h;
      sheet.autofitRows.delete(r);
    }
  }
  setColumnHidden(sheet: SheetModel, x: Rect, v: unknown): void {
    if (typeof v !== 'boolean') fail(ErrorCodes.invalidArgument, 'columnHidden must be a Boolean');
    for (let c = x.c0; c <= x.c1; c++) sheet.colProp(c).hidden = v;
  }
  setRowHidden(sheet: SheetModel, x: Rect, v: unknown): void {
    if (typeof v !== 'boolean') fail(ErrorCodes.invalidArgument, 'rowHidden must be a Boolean');
    if (isFullColumns(x)) fail(ErrorCodes.invalidArgument, 'rowHidden on whole columns (1,048,576 rows)');
    for (let r = x.r0; r <= x.r1; r++) sheet.rowProp(r).hidden = v;
  }
  /** true / false when all columns agree, else null. */
  columnHidden(sheet: SheetModel, x: Rect): boolean | null {
    const v = (c: number): boolean => sheet.colProps.get(c)?.hidden ?? false;
    for (let c = x.c0 + 1; c <= Math.min(x.c1, x.c0 + 16384); c++) if (v(c) !== v(x.c0)) return null;
    return v(x.c0);
  }
  rowHidden(sheet: SheetModel, x: Rect): boolean | null {
    const v = (r: number): boolean => sheet.rowProps.get(r)?.hidden ?? false;
    for (let r = x.r0 + 1; r <= Math.min(x.r1, x.r0 + 1_100_000); r++) if (v(r) !== v(x.r0)) return null;
    return v(x.r0);
  }
  uniformColumnWidth(sheet: SheetModel, x: Rect): number | null {
    const w = sheet.columnWidth(x.c0);
    for (let c = x.c0 + 1; c <= x.c1; c++) if (sheet.columnWidth(c) !== w) return null;
    return w;
  }
  uniformRowHeight(sheet: SheetModel, x: Rect): number | null {
    const h = sheet.rowHeight(x.r0);
    const last = Math.min(x.r1, x.r0 + 1_100_000);
    for (let r = x.r0 + 1; r <= last; r++) if (sheet.rowHeight(r) !== h) return null;
    return h;
  }

  merge(sheet: SheetModel, x: Rect, across: boolean): void {
    const t = sheet.tables.find((tt) => intersects(tt.rect, x));
    if (t) fail(ErrorCodes.invalidOperation, `cells of table ${t.name} cannot be merged`);
    const targets: Rect[] = across
      ? Array.from({ length: rows(x) }, (_, i) => ({ ...x, r0: x.r0 + i, r1: x.r0 + i }))
      : [x];
    for (const m of targets) {
      if (rows(m) * cols(m) < 2) continue;
      sheet.merges = sheet.merges.filter((old) => !intersects(old, m));
      sheet.forEachCell(m, (r, c, cell) => {
        if (r !== m.r0 || c !== m.c0) {
          cell.v = '';
          delete cell.f;
          delete cell.qp;
        }
      });
      sheet.merges.push(m);
    }
  }

  unmerge(sheet: SheetModel, x: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, x));
  }

  addConditionalFormat(sheet: SheetModel, x: Rect, type: unknown): ConditionalFormatModel {
    const known = [
      'Custom',
      'DataBar',
      'ColorScale',
      'IconSet',
      'TopBottom',
      'PresetCriteria',
      'ContainsText',
      'CellValue',
    ];
    if (typeof type !== 'string' || !known.includes(type))
      fail(ErrorCodes.invalidArgument, `conditional format type "${String(type)}"`);
    const cf: ConditionalFormatModel = {
      id: this.cfIds++,
      sheet,
      rect: { ...x },
      type,
      formula: '',
      fill: null,
      fontColor: null,
      bold: null,
      italic: null,
      stopIfTrue: false,
    };
    sheet.conditionalFormats.unshift(cf); // Excel adds at the top priority
    return cf;
  }

  setValidationRule(sheet: SheetModel, x: Rect, rule: unknown): void {
    if (!rule || typeof rule !== 'object' || Array.isArray(rule))
      fail(ErrorCodes.invalidArgument, 'dataValidation.rule must be an object');
    const kinds = Object.entries(rule as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null,
    );
    const allowed = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'];
    if (kinds.length !== 1 || !allowed.includes(kinds[0]![0])) {
      fail(ErrorCodes.invalidArgument, `a data validation rule has exactly one of ${allowed.join(', ')}`);
    }
    const [kind, body] = kinds[0]!;
    const stored: Record<string, unknown> = { [kind]: { ...(body as object) } };
    if (kind === 'list') {
      const l = body as { source?: unknown; inCellDropDown?: unknown };
      let src = l.source;
      if (src && typeof src === 'object' && 'address' in (src as object))
        src = `=${String((src as { address: unknown }).address)}`;
      if (typeof src !== 'string' || src === '')
        fail(ErrorCodes.invalidArgument, 'list.source must be a non-empty string or a Range');
      if (!src.startsWith('=') && src.length > 255) {
        fail(ErrorCodes.invalidArgument, `list.source of ${src.length} characters (Excel keeps at most 255)`);
      }
      stored[kind] = {
        inCellDropDown: l.inCellDropDown === undefined ? true : Boolean(l.inCellDropDown),
        source: src,
      };
    }
    sheet.validations = sheet.validations.flatMap((dv) =>
      subtract(dv.rect, x).map((rr) => ({ ...dv, rect: rr })),
    );
    sheet.validations.push({
      rect: { ...x },
      rule: stored,
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
      prompt: { showPrompt: false, title: '', message: '' },
      ignoreBlanks: true,
    });
  }

  /** Changes a property of the validation of the cells of x (splitting rules that reach outside x). */
  updateValidation(
    sheet: SheetModel,
    x: Rect,
    patch: (dv: DataValidationModel) => DataValidationModel,
  ): void {
    sheet.validations = sheet.validations.flatMap((dv) => {
      const inside = intersection(dv.rect, x);
      if (!inside) return [dv];
      return [...subtract(dv.rect, x).map((rr) => ({ ...dv, rect: rr })), patch({ ...dv, rect: inside })];
    });
  }

  clearValidation(sheet: SheetModel, x: Rect): void {
    sheet.validations = sheet.validations.flatMap((dv) =>
      subtract(dv.rect, x).map((rr) => ({ ...dv, rect: rr })),
    );
  }

  /** The validation covering all of x, if one does; 'none' when no cell has one; null when mixed. */
  validationOf(sheet: SheetModel, x: Rect): DataValidationModel | 'none' | null {
    const hits = sheet.validations.filter((dv) => intersects(dv.rect, x));
    if (hits.length === 0) return 'none';
    if (hits.length === 1 && contains(hits[0]!.rect, x)) return hits[0]!;
    const same = hits.every(
      (h) => JSON.stringify({ ...h, rect: null }) === JSON.stringify({ ...hits[0]!, rect: null }),
    );
    if (!same) return null;
    let left: Rect[] = [x];
    for (const h of hits) left = left.flatMap((rr) => subtract(rr, h.rect));
    return left.length === 0 ? hits[0]! : null;
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  findTable(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  table(name: string): TableModel {
    return this.findTable(name) ?? fail(ErrorCodes.itemNotFound, `no table "${name}"`);
  }

  checkTableName(name: unknown, self: TableModel | null): asserts name is string {
    if (typeof name !== 'string') fail(ErrorCodes.invalidArgument, 'a table name must be a string');
    const ok =
      /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
      name.length <= 255 &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[RrCc]$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name);
    if (!ok)
      fail(
        ErrorCodes.invalidArgument,
        `"${name}" is not a valid table name (a letter, _ or \\ first; letters, digits, _ and . after; not a cell reference)`,
      );
    const other = this.findTable(name);
    if (other && other !== self)
      fail(ErrorCodes.itemAlreadyExists, `a table named "${other.name}" already exists`);
  }

  addTable(sheet: SheetModel, x: Rect, hasHeaders: boolean): TableModel {
    if (isFullColumns(x) || isFullRows(x))
      fail(ErrorCodes.invalidArgument, 'a table cannot span whole columns or rows');
    let r = { ...x };
    if (!hasHeaders) {
      this.insertCells(sheet, { ...x, r1: x.r0 }, 'Down');
      r = { ...x, r1: x.r1 + 1 };
    }
    let empty = false;
    if (hasHeaders && r.r1 === r.r0) {
      r = { ...r, r1: r.r0 + 1 };
      empty = this.rowEmpty(sheet, r.r1, r.c0, r.c1);
    }
    checkInSheet(r);
    const clash = sheet.tables.find((t) => intersects(t.rect, r));
    if (clash) fail(ErrorCodes.invalidOperation, `a table cannot overlap table ${clash.name}`);
    if (sheet.merges.some((m) => intersects(m, r)))
      fail(ErrorCodes.invalidOperation, 'a table cannot contain merged cells');
    let k = 1;
    while (this.findTable(`Table${k}`)) k++;
    const t = new TableModel(sheet, `Table${k}`, r);
    t.emptyInsertRow = empty;
    this.tables.push(t);
    if (!hasHeaders) for (let c = r.c0; c <= r.c1; c++) sheet.ensure(r.r0, c).v = '';
    this.normalizeHeaders(t);
    return t;
  }

  /** Excel's table headers: text, never empty ("Column1"…), unique without case ("Name2"…). */
  normalizeHeaders(t: TableModel): void {
    const seen = new Set<string>();
    const names: string[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = t.sheet.cell(t.rect.r0, c);
      const v = cell?.v ?? '';
      names.push(typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
    }
    names.forEach((n) => {
      if (n !== '') seen.add(n.toLowerCase());
    });
    const used = new Set<string>();
    for (let i = 0; i < names.length; i++) {
      let n = names[i]!;
      if (n === '') {
        let k = i + 1;
        while (seen.has(`column${k}`) || used.has(`column${k}`)) k++;
        n = `Column${k}`;
      } else if (used.has(n.toLowerCase())) {
        const base = n;
        let k = 2;
        while (used.has(`${base}${k}`.toLowerCase()) || seen.has(`${base}${k}`.toLowerCase())) k++;
        n = `${base}${k}`;
      }
      used.add(n.toLowerCase());
      const cell = t.sheet.ensure(t.rect.r0, t.rect.c0 + i);
      cell.v = n;
      delete cell.f;
    }
  }

  renameTable(t: TableModel, name: unknown): void {
    this.checkTableName(name, t);
    t.name = name;
  }

  setTableStyle(t: TableModel, style: unknown): void {
    if (style === null || style === '') {
      t.style = '';
      return;
    }
    if (
      typeof style !== 'string' ||
      !/^TableStyle(Light([1-9]|1\d|2[0-1])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/.test(style)
    ) {
      fail(ErrorCodes.invalidArgument, `"${String(style)}" is not a built-in table style`);
    }
    t.style = style;
  }

  resizeTable(t: TableModel, x: Rect): void {
    if (x.r0 !== t.rect.r0)
      fail(ErrorCodes.invalidArgument, 'resize: the header row must stay in the same row');
    if (!intersects(x, t.rect))
      fail(ErrorCodes.invalidArgument, 'resize: the new range must overlap the table');
    const r = x.r1 === x.r0 ? { ...x, r1: x.r0 + 1 } : { ...x };
    const clash = t.sheet.tables.find((o) => o !== t && intersects(o.rect, r));
    if (clash) fail(ErrorCodes.invalidOperation, `resize: the table would overlap table ${clash.name}`);
    t.rect = r;
    t.emptyInsertRow = r.r1 === r.r0 + 1 && this.rowEmpty(t.sheet, r.r1, r.c0, r.c1) && t.emptyInsertRow;
    this.normalizeHeaders(t);
  }

  /** Table.delete(): the table and its cells' contents and formats go. */
  deleteTable(t: TableModel): void {
    this.tables.splice(this.tables.indexOf(t), 1);
    this.clear(t.sheet, t.rect, 'All');
  }

  convertToRange(t: TableModel): void {
    this.tables.splice(this.tables.indexOf(t), 1);
  }

  /**
   * rows.add(index, values, alwaysInsert): inserts n rows at data row `index` (null/-1: at the end),
   * shifting the cells below (within the table's columns) down; the new rows take the formats of the
   * row above; values are written as typed input. A table with only its empty insert row gets its
   * first row there. Returns the data index of the first new row.
   */
  addTableRows(t: TableModel, index: unknown, values: unknown, alwaysInsert: boolean): number {
    const width = cols(t.rect);
    let data: unknown[][] | null = null;
    if (values !== undefined && values !== null) {
      if (!Array.isArray(values)) data = [Array.from({ length: width }, () => values)];
      else data = values as unknown[][];
      if (data.length === 0 || data.some((row) => !Array.isArray(row) || row.length !== width)) {
        fail(
          ErrorCodes.invalidArgument,
          `rows.add: each row must have ${width} values (the table's columns)`,
        );
      }
    }
    const n = data ? data.length : 1;
    const count = t.rowCount;
    const at = index === null || index === undefined || index === -1 ? count : index;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > count) {
      fail(ErrorCodes.invalidArgument, `rows.add: index ${String(index)} (the table has ${count} rows)`);
    }
    const sheet = t.sheet;
    let first = t.rect.r0 + 1 + at;
    let toInsert = n;
    if (t.emptyInsertRow) {
      toInsert = n - 1; // the first new row goes into the empty insert row
      first = t.rect.r0 + 1;
    }
    if (toInsert > 0) {
      const insertAt = t.emptyInsertRow ? first + 1 : first;
      const templateRow = insertAt - 1 > t.rect.r0 ? insertAt - 1 : insertAt;
      const ins: Rect = { r0: insertAt, r1: insertAt + toInsert - 1, c0: t.rect.c0, c1: t.rect.c1 };
      if (alwaysInsert) this.insertCells(sheet, ins, 'Down', t);
      else {
        const clash = sheet.tables.find((o) => o !== t && intersects(o.rect, ins));
        if (clash) fail(ErrorCodes.invalidOperation, `rows.add: table ${clash.name} is in the way`);
        t.rect = { ...t.rect, r1: t.rect.r1 + toInsert };
      }
      const tmpl = templateRow >= insertAt ? templateRow + toInsert : templateRow;
      for (let r = ins.r0; r <= ins.r1; r++) {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const s = sheet.styleAt(tmpl, c);
          if (s !== sheet.styleAt(r, c)) sheet.ensure(r, c).s = s;
        }
      }
    }
    t.emptyInsertRow = false;
    if (data) this.writeValues(sheet, { r0: first, r1: first + n - 1, c0: t.rect.c0, c1: t.rect.c1 }, data);
    return first - t.rect.r0 - 1;
  }

  /** columns.add(index, values, name): a new table column, cells of the table's rows shifted right. */
  addTableColumn(t: TableModel, index: unknown, values: unknown, name: unknown): number {
    const count = cols(t.rect);
    const at = index === null || index === undefined || index === -1 ? count : index;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > count) {
      fail(
        ErrorCodes.invalidArgument,
        `columns.add: index ${String(index)} (the table has ${count} columns)`,
      );
    }
    const h = rows(t.rect);
    let data: unknown[][] | null = null;
    if (values !== undefined && values !== null) {
      data = Array.isArray(values) ? (values as unknown[][]) : Array.from({ length: h }, () => [values]);
      if (data.length !== h || data.some((row) => !Array.isArray(row) || row.length !== 1)) {
        fail(ErrorCodes.invalidArgument, `columns.add: values must be ${h} rows of one value (header first)`);
      }
    }
    const c = t.rect.c0 + at;
    this.shiftRight(t.sheet, t.rect.r0, t.rect.r1, c, 1, t);
    t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
    const tmpl = at > 0 ? c - 1 : c + 1;
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      const s = t.sheet.styleAt(r, tmpl);
      t.sheet.ensure(r, c).s = s;
    }
    if (data) this.writeValues(t.sheet, { r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c }, data);
    if (name !== undefined && name !== null) {
      if (typeof name !== 'string') fail(ErrorCodes.invalidArgument, 'columns.add: name must be a string');
      const cell = t.sheet.ensure(t.rect.r0, c);
      cell.v = name;
      delete cell.f;
    }
    this.normalizeHeaders(t);
    return at;
  }

  deleteTableColumn(t: TableModel, index: number): void {
    if (cols(t.rect) === 1) fail(ErrorCodes.invalidOperation, 'the last column of a table cannot be deleted');
    const c = t.rect.c0 + index;
    const sheet = t.sheet;
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      const row = sheet.rows.get(r);
      if (!row) continue;
      row.splice(c, 1);
    }
    t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
  }

  private shiftRight(
    sheet: SheetModel,
    r0: number,
    r1: number,
    from: number,
    n: number,
    self: TableModel,
  ): void {
    for (const o of sheet.tables) {
      if (o === self || o.rect.c1 < from || o.rect.r1 < r0 || o.rect.r0 > r1) continue;
      if (o.rect.r0 < r0 || o.rect.r1 > r1 || o.rect.c0 < from) {
        fail(ErrorCodes.insertDeleteConflict, `inserting a column would shift part of table ${o.name}`);
      }
    }
    for (let r = r0; r <= r1; r++) {
      const row = sheet.rows.get(r);
      if (!row || row.length <= from) continue;
      if (row.length + n > MAX_COLS && row.slice(MAX_COLS - n).some((x) => x && x.v !== '')) {
        fail(ErrorCodes.nonBlankCellOffSheet);
      }
      row.splice(from, 0, ...new Array<Cell | undefined>(n));
    }
    for (const o of sheet.tables) {
      if (o !== self && o.rect.c0 >= from && o.rect.r0 >= r0 && o.rect.r1 <= r1)
        o.rect = { ...o.rect, c0: o.rect.c0 + n, c1: o.rect.c1 + n };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Inserting and deleting cells (shift 'Down' / 'Up')

  deleteCells(sheet: SheetModel, x: Rect, shift: unknown): void {
    if (shift !== 'Up') {
      if (shift === 'Left')
        fail(ErrorCodes.fakeNotImplemented, 'range.delete("Left") is not implemented by the fake');
      fail(ErrorCodes.invalidArgument, `delete shift "${String(shift)}"`);
    }
    const h = rows(x);
    // Tables first: check everything before changing anything.
    const plans: { t: TableModel; to: Rect | null; bodyStyles: Style[] }[] = [];
    for (const t of sheet.tables) {
      const to = afterRowDelete(t.rect, x);
      const bodyStyles: Style[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) bodyStyles.push(sheet.styleAt(t.rect.r0 + 1, c));
      if (to === 'partial')
        fail(
          ErrorCodes.insertDeleteConflict,
          `deleting ${rectAddress(x)} would shift part of table ${t.name}`,
        );
      if (to && t.rect.r0 >= x.r0 && t.rect.r0 <= x.r1) {
        fail(
          ErrorCodes.insertDeleteConflict,
          `deleting ${rectAddress(x)} would delete the header row of table ${t.name} but not the table`,
        );
      }
      plans.push({ t, to, bodyStyles });
    }
    for (const m of sheet.merges) {
      if (afterRowDelete(m, x) === 'partial')
        fail(
          ErrorCodes.insertDeleteConflict,
          `deleting ${rectAddress(x)} would split merged cells ${rectAddress(m)}`,
        );
    }
    // Cells.
    const keys = [...sheet.rows.keys()].filter((r) => r >= x.r0).sort((a, b) => a - b);
    for (const r of keys) {
      const row = sheet.rows.get(r)!;
      const last = Math.min(x.c1, row.length - 1);
      for (let c = x.c0; c <= last; c++) {
        const cell = row[c];
        if (cell === undefined) continue;
        row[c] = undefined;
        if (r > x.r1) sheet.put(r - h, c, cell);
      }
    }
    if (isFullRows(x)) {
      shiftMap(sheet.rowProps, (r) => (r < x.r0 ? r : r > x.r1 ? r - h : null));
      const fit = [...sheet.autofitRows].map((r) => (r < x.r0 ? r : r > x.r1 ? r - h : null));
      sheet.autofitRows.clear();
      for (const r of fit) if (r !== null) sheet.autofitRows.add(r);
    }
    // Tables, merges, formats, live ranges.
    for (const { t, to, bodyStyles } of plans) {
      if (to === null) {
        this.tables.splice(this.tables.indexOf(t), 1);
      } else if (to.r1 === to.r0) {
        // A table keeps one (insert) row, with the formats its data rows had.
        t.rect = { ...to, r1: to.r0 + 1 };
        t.emptyInsertRow = this.rowEmpty(sheet, to.r0 + 1, to.c0, to.c1);
        bodyStyles.forEach((st, i) => {
          if (sheet.styleAt(to.r0 + 1, to.c0 + i) !== st) sheet.ensure(to.r0 + 1, to.c0 + i).s = st;
        });
      } else {
        t.rect = to;
      }
    }
    this.adjustRects(sheet, (q) => afterRowDelete(q, x));
  }

  /**
   * range.insert('Down'): blank cells at x, the cells from x down (within x's columns) shifted down.
   * `grow`: a table that takes the new rows when they are right below it (rows.add).
   */
  insertCells(sheet: SheetModel, x: Rect, shift: unknown, grow?: TableModel): void {
    if (shift !== 'Down') {
      if (shift === 'Right')
        fail(ErrorCodes.fakeNotImplemented, 'range.insert("Right") is not implemented by the fake');
      fail(ErrorCodes.invalidArgument, `insert shift "${String(shift)}"`);
    }
    const h = rows(x);
    const plans: { t: TableModel; to: Rect }[] = [];
    for (const t of sheet.tables) {
      const to = afterRowInsert(t.rect, x, t === grow);
      if (to === 'partial' || to === null)
        fail(
          ErrorCodes.insertDeleteConflict,
          `inserting at ${rectAddress(x)} would shift part of table ${t.name}`,
        );
      plans.push({ t, to });
    }
    for (const m of sheet.merges) {
      if (afterRowInsert(m, x, false) === 'partial')
        fail(
          ErrorCodes.insertDeleteConflict,
          `inserting at ${rectAddress(x)} would split merged cells ${rectAddress(m)}`,
        );
    }
    const keys = [...sheet.rows.keys()].filter((r) => r >= x.r0).sort((a, b) => b - a);
    for (const r of keys) {
      if (r + h < MAX_ROWS) continue;
      const row = sheet.rows.get(r)!;
      for (let c = x.c0; c <= Math.min(x.c1, row.length - 1); c++) {
        const cell = row[c];
        if (cell && (cell.v !== '' || cell.f !== undefined)) fail(ErrorCodes.nonBlankCellOffSheet);
      }
    }
    for (const r of keys) {
      const row = sheet.rows.get(r)!;
      const last = Math.min(x.c1, row.length - 1);
      for (let c = x.c0; c <= last; c++) {
        const cell = row[c];
        if (cell === undefined) continue;
        row[c] = undefined;
        if (r + h < MAX_ROWS) sheet.put(r + h, c, cell);
      }
    }
    if (isFullRows(x)) {
      shiftMap(sheet.rowProps, (r) => (r < x.r0 ? r : r + h < MAX_ROWS ? r + h : null));
      const fit = [...sheet.autofitRows].map((r) => (r < x.r0 ? r : r + h));
      sheet.autofitRows.clear();
      for (const r of fit) sheet.autofitRows.add(r);
    }
    for (const { t, to } of plans) t.rect = to;
    this.adjustRects(sheet, (q) => afterRowInsert(q, x, false));
  }

  private adjustRects(sheet: SheetModel, f: (q: Rect) => Shift): void {
    const keep = (q: Rect): Rect | null => {
      const to = f(q);
      return to === 'partial' ? q : to;
    };
    sheet.merges = sheet.merges.map(keep).filter((q): q is Rect => q !== null && rows(q) * cols(q) > 1);
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
      const to = keep(cf.rect);
      if (!to) return [];
      cf.rect = to;
      return [cf];
    });
    sheet.validations = sheet.validations.flatMap((dv) => {
      const to = keep(dv.rect);
      return to ? [{ ...dv, rect: to }] : [];
    });
    for (const ref of this.liveRanges) {
      if (ref.sheet !== sheet || ref.deleted) continue;
      const to = keep(ref.rect);
      if (to) ref.rect = to;
      else ref.deleted = true;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Helpers for tests (not Office.js)

  /**
   * Sorts a table's data rows by one column, as the clerk does with the filter button: whole table
   * rows move (every column of the table, hidden ones too; cells outside the table stay). Excel's
   * order: numbers, then text (without case, Vietnamese collation), then Booleans; blanks always last.
   */
  sortTableBy(tableName: string, columnHeader: string, descending = false): void {
    const t = this.table(tableName);
    const col = t.columnNames.findIndex((n) => n.toLowerCase() === columnHeader.toLowerCase());
    if (col < 0) fail(ErrorCodes.itemNotFound, `table ${t.name} has no column "${columnHeader}"`);
    const body = t.bodyRect;
    const lines: (Cell | undefined)[][] = [];
    for (let r = body.r0; r <= body.r1; r++) {
      const line: (Cell | undefined)[] = [];
      for (let c = body.c0; c <= body.c1; c++) line.push(t.sheet.cell(r, c));
      lines.push(line);
    }
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: false });
    const rank = (v: CellValue | undefined): number =>
      v === undefined || v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
    const order = lines.map((line, i) => ({ line, i }));
    order.sort((a, b) => {
      const va = a.line[col]?.v;
      const vb = b.line[col]?.v;
      const ra = rank(va);
      const rb = rank(vb);
      if (ra === 3 || rb === 3) return ra === rb ? a.i - b.i : ra - rb; // blanks last either way
      let cmp = ra - rb;
      if (cmp === 0) {
        if (ra === 0) cmp = (va as number) - (vb as number);
        else if (ra === 1) cmp = collator.compare(va as string, vb as string);
        else cmp = Number(va) - Number(vb);
      }
      if (descending) cmp = -cmp;
      return cmp !== 0 ? cmp : a.i - b.i;
    });
    order.forEach(({ line }, k) => {
      for (let j = 0; j < line.length; j++) t.sheet.put(body.r0 + k, body.c0 + j, line[j]);
    });
  }

  /** The values of a table's whole range, header row first (as range.values of table.getRange()). */
  tableValues(name: string): CellValue[][] {
    const t = this.table(name);
    return this.values(t.sheet, t.rect);
  }

  /** The values of a table's data rows as objects keyed by column header. */
  tableRecords(name: string): Record<string, CellValue>[] {
    const t = this.table(name);
    if (t.rowCount === 0) return [];
    const names = t.columnNames;
    return this.values(t.sheet, t.bodyRect).map((row) =>
      Object.fromEntries(names.map((n, i) => [n, row[i]!])),
    );
  }

  /** The values of a sheet from A1 to the last used cell ([] when empty). */
  sheetValues(name: string): CellValue[][] {
    const s = this.sheet(name);
    const used = s.usedRect(true);
    if (!used) return [];
    return this.values(s, { r0: 0, c0: 0, r1: used.r1, c1: used.c1 });
  }

  /** One cell, for assertions. */
  cell(
    sheetName: string,
    address: string,
  ): {
    value: CellValue;
    formula: string | null;
    text: string;
    numberFormat: string;
    quotePrefix: boolean;
    style: Style;
  } {
    const s = this.sheet(sheetName);
    const x = parseLocal(address);
    const cell = s.cell(x.r0, x.c0);
    return {
      value: cell?.v ?? '',
      formula: cell?.f ?? null,
      text: cell ? displayText(cell) : '',
      numberFormat: s.styleAt(x.r0, x.c0).numberFormat,
      quotePrefix: cell?.qp ?? false,
      style: s.styleAt(x.r0, x.c0),
    };
  }

  /**
   * Everything a user could see in the workbook, as plain data in a stable order (no internal ids),
   * so that two workbooks can be compared with toEqual.
   */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => {
        const used = s.usedRect(false);
        const cells: Record<string, CellSnapshot> = {};
        if (used) {
          s.forEachCell({ r0: 0, c0: 0, r1: used.r1, c1: used.c1 }, (r, c, cell) => {
            if (cell.v === '' && cell.f === undefined && cell.s === DEFAULT_STYLE) return;
            const out: CellSnapshot = { v: cell.v };
            if (cell.f !== undefined) out.f = cell.f;
            if (cell.qp) out.qp = true;
            if (cell.s !== DEFAULT_STYLE) out.s = styleDiff(cell.s);
            cells[cellName(r, c)] = out;
          });
        }
        const colProps = [...s.colProps.entries()]
          .filter(([, p]) => p.width !== undefined || p.hidden || p.style)
          .sort((a, b) => a[0] - b[0])
          .map(([c, p]) => ({
            c,
            width: p.width ?? null,
            hidden: p.hidden ?? false,
            style: p.style ? styleDiff(p.style) : null,
          }));
        const rowProps = [...s.rowProps.entries()]
          .filter(([, p]) => p.height !== undefined || p.hidden || p.style)
          .sort((a, b) => a[0] - b[0])
          .map(([r, p]) => ({
            r,
            height: p.height ?? null,
            hidden: p.hidden ?? false,
            style: p.style ? styleDiff(p.style) : null,
          }));
        return {
          name: s.name,
          visibility: s.visibility,
          tabColor: s.tabColor,
          freeze: { ...s.freeze },
          cells,
          colProps,
          rowProps,
          merges: s.merges.map(rectAddress).sort(),
          conditionalFormats: s.conditionalFormats.map((cf) => ({
            range: rectAddress(cf.rect),
            type: cf.type,
            formula: cf.formula,
            fill: cf.fill,
            fontColor: cf.fontColor,
            bold: cf.bold,
            italic: cf.italic,
          })),
          validations: s.validations
            .map((dv) => ({
              range: rectAddress(dv.rect),
              rule: dv.rule,
              errorAlert: dv.errorAlert,
              ignoreBlanks: dv.ignoreBlanks,
            }))
            .sort((a, b) => (a.range < b.range ? -1 : a.range > b.range ? 1 : 0)),
          pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as PageLayoutModel,
          tables: s.tables
            .map((t) => ({
              name: t.name,
              range: fullAddress(s.name, t.rect),
              style: t.style,
              showBandedRows: t.showBandedRows,
              showFilterButton: t.showFilterButton,
              rowCount: t.rowCount,
            }))
            .sort((a, b) => (a.name < b.name ? -1 : 1)),
        };
      }),
    };
  }
}

export interface CellSnapshot {
  v: CellValue;
  f?: string;
  qp?: boolean;
  s?: Partial<Record<string, unknown>>;
}

export interface WorkbookSnapshot {
  sheets: {
    name: string;
    visibility: string;
    tabColor: string;
    freeze: { rows: number; columns: number };
    cells: Record<string, CellSnapshot>;
    colProps: {
      c: number;
      width: number | null;
      hidden: boolean;
      style: Partial<Record<string, unknown>> | null;
    }[];
    rowProps: {
      r: number;
      height: number | null;
      hidden: boolean;
      style: Partial<Record<string, unknown>> | null;
    }[];
    merges: string[];
    conditionalFormats: Record<string, unknown>[];
    validations: Record<string, unknown>[];
    pageLayout: PageLayoutModel;
    tables: {
      name: string;
      range: string;
      style: string;
      showBandedRows: boolean;
      showFilterButton: boolean;
      rowCount: number;
    }[];
  }[];
}

// ---------------------------------------------------------------------------------------------

const sheetKey = (name: string): string => name.normalize('NFC').toLocaleUpperCase('en-US').toLowerCase();

const ERRORS = new Set([
  '#NAME?',
  '#VALUE!',
  '#DIV/0!',
  '#REF!',
  '#N/A',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);

function nullish(v: unknown): boolean {
  return v === null || v === undefined;
}

function formatOf(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string')
    fail(ErrorCodes.invalidArgument, `a number format must be a string, not ${String(v)}`);
  return v === '' ? 'General' : v;
}

function nonNegative(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    fail(ErrorCodes.invalidArgument, `${what} must be a number ≥ 0, not ${String(v)}`);
  return v;
}

/**
 * A 2D input of the range's exact size, or one non-array value for every cell (Office.js accepts a
 * single value for a multi-cell range at run time, though its typings say any[][]).
 */
function grid(input: unknown, x: Rect, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined)
      fail(ErrorCodes.invalidArgument, `${what} cannot be set to ${String(input)}`);
    if (rows(x) * cols(x) > 2_000_000)
      fail(ErrorCodes.fakeNotImplemented, `one ${what} for ${rows(x)}×${cols(x)} cells`);
    return () => input;
  }
  const ok = input.length === rows(x) && input.every((row) => Array.isArray(row) && row.length === cols(x));
  if (!ok) {
    const got = Array.isArray(input[0])
      ? `${input.length}×${(input[0] as unknown[]).length}`
      : `${input.length} (not 2D)`;
    fail(
      ErrorCodes.invalidArgument,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range: ${what} is ${got}, the range is ${rows(x)}×${cols(x)}`,
    );
  }
  return (r, c) => (input[r] as unknown[])[c];
}

function shiftMap<V>(m: Map<number, V>, f: (k: number) => number | null): void {
  const entries = [...m.entries()];
  m.clear();
  for (const [k, v] of entries) {
    const to = f(k);
    if (to !== null) m.set(to, v);
  }
}

/** Where a block goes when rows d.r0..d.r1 of columns d.c0..d.c1 are deleted (cells below move up). */
export function afterRowDelete(q: Rect, d: Rect): Shift {
  if (q.c1 < d.c0 || q.c0 > d.c1 || q.r1 < d.r0) return q;
  if (q.c0 < d.c0 || q.c1 > d.c1) return 'partial';
  const h = rows(d);
  if (q.r0 > d.r1) return { ...q, r0: q.r0 - h, r1: q.r1 - h };
  const above = q.r0 < d.r0 ? d.r0 - q.r0 : 0;
  const below = q.r1 > d.r1 ? q.r1 - d.r1 : 0;
  if (above + below === 0) return null;
  const r0 = Math.min(q.r0, d.r0);
  return { ...q, r0, r1: r0 + above + below - 1 };
}

/** Where a block goes when rows are inserted at ins (cells from ins.r0 down move down). */
export function afterRowInsert(q: Rect, ins: Rect, growAtEnd: boolean): Shift {
  if (q.c1 < ins.c0 || q.c0 > ins.c1) return q;
  const inside = q.c0 >= ins.c0 && q.c1 <= ins.c1;
  const h = rows(ins);
  if (q.r1 < ins.r0) {
    if (growAtEnd && inside && q.r1 === ins.r0 - 1) return { ...q, r1: q.r1 + h };
    return q;
  }
  if (!inside) return 'partial';
  if (q.r0 >= ins.r0) return { ...q, r0: q.r0 + h, r1: q.r1 + h };
  return { ...q, r1: q.r1 + h };
}

/** The text Excel shows for a cell (number format applied; no column-width "####"). */
export function displayText(cell: Cell): string {
  const v = cell.v;
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string')
    return cell.s.numberFormat === '@' || cell.s.numberFormat === 'General'
      ? v
      : safeFormat(cell.s.numberFormat, v, v);
  return safeFormat(cell.s.numberFormat, v, String(v));
}

function safeFormat(fmt: string, v: CellValue, fallback: string): string {
  try {
    return String((SSF as { format: (f: string, v: unknown) => string }).format(fmt, v));
  } catch {
    return fallback;
  }
}

const diffs = new WeakMap<Style, Partial<Record<string, unknown>>>();

/** The style's differences from Excel's default (shared per style: callers must not change it). */
function styleDiff(s: Style): Partial<Record<string, unknown>> {
  let hit = diffs.get(s);
  if (!hit) {
    hit = computeStyleDiff(s);
    diffs.set(s, hit);
  }
  return hit;
}

function computeStyleDiff(s: Style): Partial<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const d = DEFAULT_STYLE as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(s)) {
    if (k === 'font' || k === 'borders') {
      const sub: Record<string, unknown> = {};
      for (const [kk, vv] of Object.entries(v as object)) {
        if (JSON.stringify(vv) !== JSON.stringify((d[k] as Record<string, unknown>)[kk])) sub[kk] = vv;
      }
      if (Object.keys(sub).length) out[k] = sub;
    } else if (JSON.stringify(v) !== JSON.stringify(d[k])) out[k] = v;
  }
  return out;
}

export { MAX_ROWS, MAX_COLS };
