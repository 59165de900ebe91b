/**
 * The declarative write plan (GUIDE §2): what the master workbook must look like, sheet by sheet, as
 * plain data. The engine builds it; each front end applies it — Office.js in Excel (src/excel), a file
 * writer on the command line (src/io/node/master-file.ts), an in-memory workbook in tests and the
 * browser page. Nothing here knows how a cell is written.
 *
 * Conventions: rows and columns are 0-based; a table's values are plain cell values; dates are written
 * as `{ date: 'YYYY-MM-DD' }` and shown with the column's number format; text from submissions is always
 * a string value and must land as literal text (never a formula), whatever its first character.
 */

/** A calendar date, written as an Excel date (serial number) with a date number format. */
export interface PlanDate {
  date: string;
}

export type PlanValue = string | number | boolean | null | PlanDate;

export function isPlanDate(v: PlanValue | undefined): v is PlanDate {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export interface ColumnPlan {
  /** Header text of the column (the table's column name). */
  header: string;
  /** Width in characters (Excel's column width unit). */
  width: number;
  /** Wrap long text in the column. */
  wrap?: boolean;
  /** Hidden column (the stable row key). */
  hidden?: boolean;
  /** Number format of the data cells: '@' text, 'dd/mm/yyyy' dates, '0' integers. Default General. */
  numberFormat?: string;
  /** Horizontal alignment of data cells. */
  align?: 'left' | 'center' | 'right';
  /** A dropdown of allowed values (data validation); `strict` refuses other values. */
  list?: { values: string[]; strict: boolean };
}

/** Fill and font colours as hex "RRGGBB". */
export interface PlanStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/**
 * A conditional format on a table column: when the cell's text equals one of `values` (or, with
 * `notBlank`, when it has any text), the whole table row (`wholeRow`) or the cell takes `style`.
 */
export interface ConditionalFormatPlan {
  column: string;
  when: { equals: string[] } | { notBlank: true };
  wholeRow: boolean;
  style: PlanStyle;
}

export interface TablePlan {
  /** Excel table name ("TongHop"); found again by this name, whatever the sheet is called. */
  name: string;
  /** 0-based row of the header row (rows above hold a title). */
  headerRow: number;
  columns: ColumnPlan[];
  /** Data rows, one value per column, in column order. */
  rows: PlanValue[][];
  /** Excel table style name. */
  style: string;
  conditionalFormats?: ConditionalFormatPlan[];
}

/** One cell of a free-form sheet (Báo cáo), with its look. */
export interface CellPlan {
  r: number;
  c: number;
  value: PlanValue;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points; default the sheet's. */
  size?: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border around the cell (tables on a printed page). */
  border?: boolean;
  /** Merge this cell with the ones to its right and below: `cols` × `rows` cells. */
  merge?: { rows: number; cols: number };
  numberFormat?: string;
  fill?: string;
}

export interface PrintPlan {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Margins in centimetres (Decree 30/2020: top 2, bottom 2, left 3, right 1.5 for A4). */
  margins: { top: number; bottom: number; left: number; right: number };
  /** 0-based header rows repeated on each printed page. */
  repeatRows?: { first: number; last: number };
  /** Centre horizontally on the page. */
  centerHorizontally?: boolean;
}

export interface SheetPlan {
  /** Sheet name; an existing sheet holding the table `table.name` is reused whatever its name. */
  name: string;
  /** Default font of the sheet. */
  font: { name: string; size: number };
  /** Rows frozen at the top (the header rows). */
  freezeRows?: number;
  /** A title above the table (row 0), e.g. the campaign title. */
  title?: string;
  table?: TablePlan;
  /** Free-form cells (Báo cáo), and their column widths. */
  cells?: CellPlan[];
  columnWidths?: number[];
  print?: PrintPlan;
  /** Sheet tab colour, "RRGGBB". */
  tabColor?: string;
}

export interface WritePlan {
  sheets: SheetPlan[];
}

/** Excel serial number of a 'YYYY-MM-DD' date (1900 date system, as Excel for Windows). */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const utc = Date.UTC(y!, m! - 1, d!);
  return utc / 86400000 + 25569;
}

/** 'YYYY-MM-DD' of an Excel serial number (1900 date system), or null when it is not a plausible date. */
export function isoFromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The column names of a planned table as Excel keeps them: non-empty, unique without regard to case, and
 * without line breaks (which become spaces). Every front end names table columns by this one rule.
 */
export function tableHeaders(columns: readonly ColumnPlan[]): string[] {
  const lower = (s: string) => s.toLocaleLowerCase('vi');
  const seen = new Set<string>();
  return columns.map((col, i) => {
    const base = col.header.replace(/\s*[\r\n]+\s*/g, ' ').trim() || `Cột ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(lower(name)); n++) name = `${base} (${n})`;
    seen.add(lower(name));
    return name;
  });
}
