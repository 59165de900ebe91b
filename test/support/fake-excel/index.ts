/**
 * Fake Excel for tests (and, bundled, for the task pane's browser tests): an in-memory implementation
 * of the part of the Office.js Excel API the gateway (src/excel) uses. No Node APIs here; loading an
 * .xlsx into it is in load-xlsx.ts (Node only).
 */
export { createFakeExcel } from './fake-excel';
export type {
  FakeExcel,
  FakeExcelOptions,
  FakeStats,
  RequestRecord,
  SyncOutcome,
  FakeExcelNamespace,
  FakeOfficeNamespace,
} from './fake-excel';
export { WorkbookModel, SheetModel, TableModel, RangeRef, displayText } from './workbook-model';
export type {
  Cell,
  CellValue,
  WorkbookSnapshot,
  CellSnapshot,
  PageLayoutModel,
  WorkbookOptions,
} from './workbook-model';
export { FakeOfficeError, ErrorCodes } from './errors';
export { utf8Length, requestBytes, DEFAULT_LIMIT_BYTES } from './request-size';
export {
  widthToPoints,
  pointsToWidth,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
} from './styles';
export type { Style } from './styles';
export { rectAddress, fullAddress, parseLocal, colLetters, MAX_ROWS, MAX_COLS } from './address';
export type { Rect } from './address';
export type * as FakeApi from './api-types';
