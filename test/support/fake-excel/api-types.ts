/**
 * The Office.js surface the fake implements, as structural types with Office.js's names and shapes
 * (the project does not load @types/office-js globally: it clashes with the task pane's own
 * `declare const Office`). Every member listed here works in the fake; anything else throws
 * FakeNotImplemented. `Excel.run` is generic in its context type, so the fake's `Excel` also fits the
 * gateway's own structural types (src/excel/office-api.ts).
 */

export type XlValue = string | number | boolean;
export type LoadOption = string | string[] | Record<string, unknown>;

export interface ClientResult<T> {
  readonly value: T;
}

export interface ProxyObject {
  readonly isNullObject: boolean;
  load(option?: LoadOption): this;
  set(properties: Record<string, unknown>): void;
  toJSON(): Record<string, unknown>;
}

export interface FakeRequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects: { add(o: unknown): void; remove(o: unknown): void };
  sync<T>(passThroughValue?: T): Promise<T | undefined>;
}

export interface Application extends ProxyObject {
  readonly calculationMode: string;
  suspendApiCalculationUntilNextSync(): void;
}

export interface Workbook extends ProxyObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly application: Application;
  getSelectedRange(): Range;
  getSelectedRanges(): RangeAreas;
}

export interface WorksheetCollection extends ProxyObject {
  readonly items: Worksheet[];
  getItem(key: string): Worksheet;
  getItemOrNullObject(key: string): Worksheet;
  getActiveWorksheet(): Worksheet;
  add(name?: string): Worksheet;
  getCount(visibleOnly?: boolean): ClientResult<number>;
}

export interface Worksheet extends ProxyObject {
  name: string;
  readonly id: string;
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' | string;
  tabColor: string;
  showGridlines: boolean;
  readonly tables: TableCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  getRange(address?: string): Range;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getCell(row: number, column: number): Range;
  getUsedRange(valuesOnly?: boolean): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  getRanges(address?: string): RangeAreas;
  delete(): void;
  activate(): void;
}

export interface WorksheetFreezePanes extends ProxyObject {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: Range | string): void;
  unfreeze(): void;
  getLocationOrNullObject(): Range;
}

export interface PageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export interface PageLayout extends ProxyObject {
  orientation: 'Portrait' | 'Landscape' | string;
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
  zoom: PageLayoutZoomOptions;
  setPrintTitleRows(printTitleRows: Range | string): void;
  setPrintTitleColumns(printTitleColumns: Range | string): void;
  setPrintArea(printArea: Range | string): void;
  setPrintMargins(unit: 'Points' | 'Inches' | 'Centimeters', marginOptions: Record<string, number>): void;
}

export interface Range extends ProxyObject {
  // The setters take what Office.js takes at run time: a 2D array of the range's size, or one value
  // for every cell (Office.js's typings say any[][]).
  values: XlValue[][] | (XlValue | null)[][];
  formulas: XlValue[][];
  numberFormat: (string | null)[][];
  readonly text: string[][];
  readonly valueTypes: string[][];
  readonly address: string;
  readonly addressLocal: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cellCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isEntireColumn: boolean;
  readonly isEntireRow: boolean;
  columnHidden: boolean;
  rowHidden: boolean;
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly dataValidation: DataValidation;
  readonly worksheet: Worksheet;
  getCell(row: number, column: number): Range;
  getRow(row: number): Range;
  getColumn(column: number): Range;
  getEntireColumn(): Range;
  getEntireRow(): Range;
  getLastRow(): Range;
  getLastColumn(): Range;
  getLastCell(): Range;
  getOffsetRange(rowOffset: number, columnOffset: number): Range;
  getResizedRange(deltaRows: number, deltaColumns: number): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  delete(shift: 'Up' | 'Left' | string): void;
  insert(shift: 'Down' | 'Right' | string): Range;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents' | string): void;
  select(): void;
  getMergedAreasOrNullObject(): RangeAreas;
}

export interface RangeAreas extends ProxyObject {
  readonly address: string;
  readonly addressLocal: string;
  readonly areaCount: number;
  readonly cellCount: number;
  select(): void;
}

export interface RangeFormat extends ProxyObject {
  columnWidth: number;
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  autofitRows(): void;
  autofitColumns(): void;
}

export interface RangeFont extends ProxyObject {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: string;
  color: string;
}

export interface RangeFill extends ProxyObject {
  color: string;
  clear(): void;
}

export interface RangeBorderCollection extends ProxyObject {
  readonly items: RangeBorder[];
  readonly count: number;
  getItem(index: string): RangeBorder;
}

export interface RangeBorder extends ProxyObject {
  style: string;
  weight: string;
  color: string;
  readonly sideIndex: string;
}

export interface ConditionalFormatCollection extends ProxyObject {
  readonly items: ConditionalFormat[];
  readonly count: number;
  add(type: string): ConditionalFormat;
  clearAll(): void;
  getCount(): ClientResult<number>;
}

export interface ConditionalFormat extends ProxyObject {
  readonly type: string;
  readonly priority: number;
  stopIfTrue: boolean;
  readonly custom: {
    readonly rule: { formula: string } & ProxyObject;
    readonly format: {
      readonly fill: { color: string; clear(): void } & ProxyObject;
      readonly font: { color: string; bold: boolean; italic: boolean; clear(): void } & ProxyObject;
    } & ProxyObject;
  } & ProxyObject;
  delete(): void;
  getRange(): Range;
}

export interface DataValidationRule {
  list?: { inCellDropDown: boolean; source: string | Range };
  wholeNumber?: Record<string, unknown>;
  decimal?: Record<string, unknown>;
  textLength?: Record<string, unknown>;
  date?: Record<string, unknown>;
  time?: Record<string, unknown>;
  custom?: { formula: string };
}

export interface DataValidation extends ProxyObject {
  rule: DataValidationRule;
  readonly type: string;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
  clear(): void;
}

export interface TableCollection extends ProxyObject {
  readonly items: Table[];
  readonly count: number;
  getItem(key: string): Table;
  getItemOrNullObject(key: string): Table;
  getItemAt(index: number): Table;
  add(address: Range | string, hasHeaders: boolean): Table;
  getCount(): ClientResult<number>;
}

export interface Table extends ProxyObject {
  name: string;
  readonly id: string;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  showHeaders: boolean;
  showTotals: boolean;
  readonly rows: TableRowCollection;
  readonly columns: TableColumnCollection;
  readonly worksheet: Worksheet;
  getRange(): Range;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  resize(newRange: Range | string): void;
  delete(): void;
  convertToRange(): Range;
}

export interface TableRowCollection extends ProxyObject {
  readonly items: TableRow[];
  readonly count: number;
  add(index?: number | null, values?: XlValue[][] | XlValue, alwaysInsert?: boolean): TableRow;
  getItemAt(index: number): TableRow;
  getCount(): ClientResult<number>;
}

export interface TableRow extends ProxyObject {
  readonly index: number;
  values: XlValue[][];
  getRange(): Range;
  delete(): void;
}

export interface TableColumnCollection extends ProxyObject {
  readonly items: TableColumn[];
  readonly count: number;
  add(index?: number | null, values?: XlValue[][] | XlValue, name?: string): TableColumn;
  getItem(key: string | number): TableColumn;
  getItemOrNullObject(key: string | number): TableColumn;
  getItemAt(index: number): TableColumn;
  getCount(): ClientResult<number>;
}

export interface TableColumn extends ProxyObject {
  name: string;
  readonly index: number;
  readonly id: number;
  values: XlValue[][];
  getRange(): Range;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  delete(): void;
}
