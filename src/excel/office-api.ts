/**
 * The part of the Office.js Excel API the gateway uses (issue 4 contract), as structural types.
 *
 * Why not the global `Excel` namespace of @types/office-js: adding "office-js" to the project's `types`
 * clashes with the task pane's own `declare const Office` (src/taskpane/index.ts), and the gateway needs
 * only this surface. The real `Excel` and the fake of the tests (test/support/fake-excel) both fit these
 * types: every member here has the name and shape of its Office.js counterpart, so `Excel` from
 * office.js can be passed where an `ExcelApi` is wanted.
 */

/** A cell value as Office.js reads it back (an empty cell is ""). */
export type XlValue = string | number | boolean;

export interface Loadable {
  load(propertyNames?: string | string[]): unknown;
}

export interface RequestContext {
  sync(): Promise<unknown>;
  workbook: Workbook;
}

export interface ExcelApi {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

/** `Office` as far as feature detection goes. */
export interface OfficeApi {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export interface Workbook {
  worksheets: WorksheetCollection;
  tables: TableCollection;
  application: { suspendApiCalculationUntilNextSync(): void };
}

export interface WorksheetCollection extends Loadable {
  items: Worksheet[];
  getItem(key: string): Worksheet;
  add(name?: string): Worksheet;
}

export interface TableCollection extends Loadable {
  items: Table[];
  getItem(key: string): Table;
  add(address: string, hasHeaders: boolean): Table;
}

export interface PageLayoutZoom {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export interface PageLayout {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  zoom: PageLayoutZoom;
  setPrintTitleRows(printTitleRows: string): void;
}

export interface Worksheet extends Loadable {
  name: string;
  tabColor: string;
  freezePanes: { freezeRows(count?: number): void };
  pageLayout: PageLayout;
  tables: TableCollection;
  getRange(address?: string): Range;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
}

export interface RangeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
}

export interface RangeFormat {
  columnWidth: number;
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  font: RangeFont;
  fill: { color: string };
  borders: { getItem(index: string): { style: string } };
  autofitRows(): void;
}

export interface ConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
}

export interface DataValidation {
  rule: { list?: { inCellDropDown: boolean; source: unknown } };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  clear(): void;
}

export interface Range extends Loadable {
  values: XlValue[][];
  numberFormat: string[][];
  formulas: XlValue[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  columnHidden: boolean;
  isNullObject: boolean;
  format: RangeFormat;
  conditionalFormats: { add(type: string): ConditionalFormat };
  dataValidation: DataValidation;
  merge(across?: boolean): void;
  delete(shift: string): void;
  getEntireColumn(): Range;
  getOffsetRange(rowOffset: number, columnOffset: number): Range;
  getResizedRange(deltaRows: number, deltaColumns: number): Range;
}

export interface TableColumn extends Loadable {
  name: string;
}

export interface Table extends Loadable {
  name: string;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  worksheet: Worksheet;
  getRange(): Range;
  getHeaderRowRange(): Range;
  getDataBodyRange(): Range;
  rows: { add(index?: number | null, values?: XlValue[][]): unknown };
  columns: { add(index?: number | null, values?: XlValue[][], name?: string): TableColumn };
  resize(newRange: string): void;
}
