/**
 * The look of a master table, as the command line's writer gives it: title row, bold centred header,
 * column widths, wrapping, alignment, the hidden key column, Times New Roman, frozen header rows, tab
 * colour, conditional formats (custom formula rules) and dropdown lists.
 */
import type { ColumnPlan, ConditionalFormatPlan, SheetPlan, TablePlan } from '../core/plan/write-plan';
import { colLetters } from '../core/grid';
import { literalText } from './literal-text';
import type { Worksheet } from './office-api';
import type { Requirements, SkipLog } from './requirements';
import type { Requests } from './requests';
import { columnWidthPoints, cssColor, hAlign } from './units';

/** Excel's last row (0-based index + 1). */
export const SHEET_ROWS = 1048576;
/** Excel's limit on the comma-separated list of a dropdown written in place. */
export const MAX_LIST_CHARS = 255;

export interface FormatTarget {
  req: Requests;
  ws: Worksheet;
  sp: SheetPlan;
  t: TablePlan;
  /** Table column of each plan column (-1: not in the table). */
  colOf: number[];
  /** Sheet row of the header row and column of the table's first column. */
  headerRow: number;
  firstColumn: number;
  width: number;
  /** Data rows of the table once written. */
  rows: number;
}

export interface Features {
  features: Requirements;
  skip: SkipLog;
}

function excelText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The custom rule of a conditional format, for the data row starting at `ref` ("$F3"). */
export function cfFormula(cf: ConditionalFormatPlan, ref: string): string {
  if ('notBlank' in cf.when) return `=LEN(TRIM(${ref}))>0`;
  const tests = cf.when.equals.map((v) => `${ref}=${excelText(v)}`);
  return tests.length === 1 ? `=${tests[0]!}` : `=OR(${tests.join(',')})`;
}

/** The in-place list of a dropdown, or null when Excel cannot hold it (too long, or a comma inside). */
export function listSource(col: ColumnPlan): string | null {
  const values = col.list?.values.filter((v) => v !== '') ?? [];
  if (values.length === 0 || values.some((v) => v.includes(','))) return null;
  const joined = values.join(',');
  return joined.length > MAX_LIST_CHARS ? null : joined;
}

/** Sheet-level look of a table sheet: frozen rows, tab colour and the title row above the table. */
export async function formatSheet(x: FormatTarget): Promise<void> {
  const { req, ws, sp, t } = x;
  if (sp.freezeRows && sp.freezeRows > 0) {
    const n = sp.freezeRows;
    await req.write(0, () => ws.freezePanes.freezeRows(n));
  }
  if (sp.tabColor) {
    const color = cssColor(sp.tabColor);
    await req.write(0, () => {
      ws.tabColor = color;
    });
  }
  if (sp.title !== undefined && t.headerRow > 0) {
    const title = sp.title;
    const range = ws.getRangeByIndexes(0, x.firstColumn, 1, Math.max(1, x.width));
    const cell = ws.getRangeByIndexes(0, x.firstColumn, 1, 1);
    await req.write(
      title.length * 3,
      () => {
        cell.values = [[literalText(title, false)]];
        if (x.width > 1) range.merge(false);
        range.format.font.name = sp.font.name;
        range.format.font.size = 14;
        range.format.font.bold = true;
        range.format.horizontalAlignment = 'Center';
        range.format.verticalAlignment = 'Center';
      },
      7,
    );
  }
}

/** Look of the table's columns: font, header, widths, hidden, wrapping and alignment of the data. */
export async function formatColumns(x: FormatTarget, planColumns: readonly number[]): Promise<void> {
  const { req, ws, sp, t } = x;
  const rows = Math.max(1, x.rows);
  const whole = planColumns.length === t.columns.length;
  if (whole) {
    const all = ws.getRangeByIndexes(x.headerRow, x.firstColumn, 1 + rows, x.width);
    const head = ws.getRangeByIndexes(x.headerRow, x.firstColumn, 1, x.width);
    const body = ws.getRangeByIndexes(x.headerRow + 1, x.firstColumn, rows, x.width);
    await req.write(
      0,
      () => {
        all.format.font.name = sp.font.name;
        all.format.font.size = sp.font.size;
        head.format.font.bold = true;
        head.format.horizontalAlignment = 'Center';
        head.format.verticalAlignment = 'Center';
        head.format.wrapText = true;
        body.format.verticalAlignment = 'Top';
      },
      7,
    );
  }
  for (const p of planColumns) {
    const col = t.columns[p]!;
    const c = x.colOf[p]!;
    if (c < 0) continue;
    const column = ws.getRangeByIndexes(x.headerRow, x.firstColumn + c, 1 + rows, 1);
    const data = ws.getRangeByIndexes(x.headerRow + 1, x.firstColumn + c, rows, 1);
    const actions =
      (whole ? 0 : 3) +
      (col.width > 0 ? 1 : 0) +
      (col.wrap ? 1 : 0) +
      (col.align ? 1 : 0) +
      (col.hidden ? 1 : 0);
    if (actions === 0) continue;
    await req.write(
      0,
      () => {
        if (!whole) {
          column.format.font.name = sp.font.name;
          column.format.font.size = sp.font.size;
          data.format.verticalAlignment = 'Top';
        }
        if (col.width > 0) column.format.columnWidth = columnWidthPoints(col.width);
        if (col.wrap) data.format.wrapText = true;
        if (col.align) data.format.horizontalAlignment = hAlign(col.align);
        if (col.hidden) column.columnHidden = true;
      },
      actions,
    );
  }
}

/**
 * Conditional formats of the table: custom formula rules from the first data row to the bottom of the
 * sheet, so that rows added later are covered without adding the rule again.
 */
export async function addConditionalFormats(x: FormatTarget): Promise<void> {
  const { req, ws, t } = x;
  const first = x.headerRow + 1;
  // Excel puts a new rule above the older ones: adding them last to first leaves the plan's first rule
  // with the highest priority, as in the command line's file.
  for (const cf of [...(t.conditionalFormats ?? [])].reverse()) {
    const p = t.columns.findIndex((col) => col.header === cf.column);
    const c = p >= 0 ? x.colOf[p]! : -1;
    if (c < 0) continue;
    const ref = `$${colLetters(x.firstColumn + c)}${first + 1}`;
    const range = cf.wholeRow
      ? ws.getRangeByIndexes(first, x.firstColumn, SHEET_ROWS - first, x.width)
      : ws.getRangeByIndexes(first, x.firstColumn + c, SHEET_ROWS - first, 1);
    const formula = cfFormula(cf, ref);
    await req.write(
      formula.length,
      () => {
        const f = range.conditionalFormats.add('Custom');
        f.custom.rule.formula = formula;
        if (cf.style.fill) f.custom.format.fill.color = cssColor(cf.style.fill);
        if (cf.style.fontColor) f.custom.format.font.color = cssColor(cf.style.fontColor);
        if (cf.style.bold) f.custom.format.font.bold = true;
      },
      5,
    );
  }
}

/** Dropdown lists (data validation) of the table's list columns, over the whole data body. */
export async function applyDropdowns(x: FormatTarget, f: Features): Promise<void> {
  const { req, ws, t } = x;
  const lists = t.columns.map((col, p) => ({ col, p })).filter((e) => e.col.list && x.colOf[e.p]! >= 0);
  if (lists.length === 0) return;
  if (!f.features.has('dropdowns')) {
    f.skip.feature('dropdowns');
    return;
  }
  const rows = Math.max(1, x.rows);
  for (const { col, p } of lists) {
    const source = listSource(col);
    // A list Excel cannot hold in place (over 255 characters, or a value with a comma) gets no
    // dropdown, as in the command line's file: the values are still checked by the engine.
    if (source === null) continue;
    const range = ws.getRangeByIndexes(x.headerRow + 1, x.firstColumn + x.colOf[p]!, rows, 1);
    const strict = col.list!.strict;
    await req.write(
      source.length * 3,
      () => {
        range.dataValidation.clear();
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
        range.dataValidation.errorAlert = {
          showAlert: strict,
          style: 'Stop',
          title: 'Giá trị không hợp lệ',
          message: `Chọn một giá trị trong danh sách của cột „${col.header}”.`,
        };
      },
      3,
    );
  }
}

/** Row heights fitted to wrapped text (the header and the data). */
export async function autofit(x: FormatTarget): Promise<void> {
  if (!x.t.columns.some((c) => c.wrap)) return;
  const range = x.ws.getRangeByIndexes(x.headerRow, x.firstColumn, 1 + Math.max(1, x.rows), x.width);
  await x.req.write(0, () => range.format.autofitRows());
}
