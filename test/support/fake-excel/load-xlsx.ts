/**
 * Node only: an .xlsx file into the fake Excel's workbook model (and back), with exceljs — as if the
 * file were opened in Excel (loadXlsx) or saved from it (toXlsx). Kept: sheets (order, visibility, tab
 * colour, frozen rows), values (dates as serial numbers, formula results with their formulas), number
 * formats, fonts, alignment, fills, borders, column widths (converted between the file's unit and
 * Office.js points) and hidden columns, row heights, merges, tables (name, range, style, banding,
 * filter buttons), conditional formats (expression rules), data validation, page setup.
 * Not kept: images, charts, comments, defined names, rich-text runs (their text is kept), the quote
 * prefix flag of cells written with a leading apostrophe (exceljs cannot write it; they stay text cells).
 */
import fs from 'fs';
import ExcelJS from 'exceljs';
import { parseLocal, rectAddress, type Rect } from './address';
import { intern, DEFAULT_STYLE, pointsToWidth, widthToPoints, type BorderSide, type Style } from './styles';
import { WorkbookModel, type CellValue, type SheetModel } from './workbook-model';

/** exceljs members it has but does not declare. */
interface SheetInternals {
  tables: Record<string, { table: ExcelTableModel }>;
  _merges: Record<string, { range: string }>;
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation>;
    add(address: string, dv: ExcelJS.DataValidation): void;
  };
  conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
}

interface ExcelTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean }[];
  style?: { theme?: string; showRowStripes?: boolean; showColumnStripes?: boolean };
}

const internals = (ws: ExcelJS.Worksheet): SheetInternals => ws as unknown as SheetInternals;

/** Reads an .xlsx (path or bytes) into a new fake workbook. */
export async function loadXlsx(
  source: string | Uint8Array,
  opts: { dateOrder?: 'mdy' | 'dmy' } = {},
): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  const bytes = typeof source === 'string' ? fs.readFileSync(source) : Buffer.from(source);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const model = new WorkbookModel({ dateOrder: opts.dateOrder, sheetNames: [] });
  for (const ws of wb.worksheets) {
    const sheet = model.addSheet(ws.name);
    sheet.visibility =
      ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    const tab = argbToHex(ws.properties?.tabColor);
    if (tab) sheet.tabColor = tab;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    for (const col of ws.columns ?? []) {
      if (col.number === undefined) continue;
      const c = col.number - 1;
      if (col.width !== undefined && col.width !== null) sheet.colProp(c).width = widthToPoints(col.width);
      if (col.hidden) sheet.colProp(c).hidden = true;
    }
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r = rowNumber - 1;
      if (row.height !== undefined && row.height !== null) sheet.rowProp(r).height = row.height;
      if (row.hidden) sheet.rowProp(r).hidden = true;
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = colNumber - 1;
        const style = styleFromExcel(cell);
        const { value, formula } = cellValue(cell, date1904);
        if (value === '' && formula === undefined && style === DEFAULT_STYLE) return;
        const target = sheet.ensure(r, c);
        target.v = value;
        if (formula !== undefined) target.f = formula;
        target.s = style;
      });
    });
    for (const m of Object.values(internals(ws)._merges ?? {})) sheet.merges.push(parseLocal(m.range));
    readTables(model, sheet, ws);
    readConditionalFormats(model, sheet, ws);
    readValidations(sheet, ws);
    readPageSetup(sheet, ws);
  }
  model.activeSheet = model.sheets.find((s) => s.visibility === 'Visible') ?? null;
  return model;
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): { value: CellValue; formula?: string } {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: '' };
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.Boolean:
      return { value: v as CellValue };
    case ExcelJS.ValueType.Date:
      return { value: dateToSerial(v as Date, date1904) };
    case ExcelJS.ValueType.SharedString:
      return { value: String(v) };
    case ExcelJS.ValueType.RichText:
      return { value: (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') };
    case ExcelJS.ValueType.Hyperlink:
      return { value: String((v as ExcelJS.CellHyperlinkValue).text ?? '') };
    case ExcelJS.ValueType.Error:
      return { value: (v as ExcelJS.CellErrorValue).error };
    case ExcelJS.ValueType.Formula: {
      const result = (v as ExcelJS.CellFormulaValue).result;
      let value: CellValue = '';
      if (result instanceof Date) value = dateToSerial(result, date1904);
      else if (result && typeof result === 'object' && 'error' in result) value = result.error;
      else if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean')
        value = result;
      return { value, formula: `=${cell.formula}` };
    }
    default:
      return { value: v === null || v === undefined ? '' : String(v) };
  }
}

function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / 86400000 + (date1904 ? 24107 : 25569);
}

function argbToHex(c: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = c?.argb;
  if (!argb || !/^[0-9A-Fa-f]{8}$/.test(argb)) return null;
  return `#${argb.slice(2).toUpperCase()}`;
}

const H_FROM: Record<string, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
};
const V_FROM: Record<string, string> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
  justify: 'Justify',
  distributed: 'Distributed',
};
const UNDERLINE_FROM: Record<string, string> = {
  single: 'Single',
  double: 'Double',
  singleAccounting: 'SingleAccountant',
  doubleAccounting: 'DoubleAccountant',
};
const BORDER_FROM: Record<string, [string, string]> = {
  thin: ['Continuous', 'Thin'],
  medium: ['Continuous', 'Medium'],
  thick: ['Continuous', 'Thick'],
  hair: ['Continuous', 'Hairline'],
  dotted: ['Dot', 'Thin'],
  dashed: ['Dash', 'Thin'],
  mediumDashed: ['Dash', 'Medium'],
  dashDot: ['DashDot', 'Thin'],
  mediumDashDot: ['DashDot', 'Medium'],
  dashDotDot: ['DashDotDot', 'Thin'],
  mediumDashDotDot: ['DashDotDot', 'Medium'],
  slantDashDot: ['SlantDashDot', 'Medium'],
  double: ['Double', 'Thick'],
};

function styleFromExcel(cell: {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  alignment?: Partial<ExcelJS.Alignment>;
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
}): Style {
  const f = cell.font;
  const a = cell.alignment;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const side = (b: Partial<ExcelJS.Border> | undefined): BorderSide | null => {
    if (!b?.style) return null;
    const [style, weight] = BORDER_FROM[b.style] ?? ['Continuous', 'Thin'];
    return { style, weight, color: argbToHex(b.color) ?? '#000000' };
  };
  const underline =
    f?.underline === true
      ? 'Single'
      : typeof f?.underline === 'string'
        ? (UNDERLINE_FROM[f.underline] ?? 'None')
        : 'None';
  return intern({
    numberFormat: cell.numFmt ?? 'General',
    horizontalAlignment: (a?.horizontal && H_FROM[a.horizontal]) || 'General',
    verticalAlignment: (a?.vertical && V_FROM[a.vertical]) || 'Bottom',
    wrapText: Boolean(a?.wrapText),
    font: {
      name: f?.name ?? DEFAULT_STYLE.font.name,
      size: f?.size ?? DEFAULT_STYLE.font.size,
      bold: Boolean(f?.bold),
      italic: Boolean(f?.italic),
      underline,
      strikethrough: Boolean(f?.strike),
      color: argbToHex(f?.color) ?? '#000000',
    },
    fill: fill?.type === 'pattern' && fill.pattern === 'solid' ? (argbToHex(fill.fgColor) ?? null) : null,
    borders: {
      top: side(cell.border?.top),
      bottom: side(cell.border?.bottom),
      left: side(cell.border?.left),
      right: side(cell.border?.right),
    },
  });
}

function readTables(model: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  for (const { table } of Object.values(internals(ws).tables ?? {})) {
    const ref = table.tableRef ?? table.ref;
    if (!ref) continue;
    const rect = parseLocal(ref);
    const t = model.addTable(sheet, rect, table.headerRow !== false);
    t.name = table.name;
    t.emptyInsertRow = false;
    if (table.style?.theme) t.style = table.style.theme;
    t.showBandedRows = table.style?.showRowStripes ?? false;
    t.showBandedColumns = table.style?.showColumnStripes ?? false;
    t.showFilterButton = Boolean(table.autoFilterRef) || table.columns.some((c) => c.filterButton);
  }
}

function readConditionalFormats(model: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const list = internals(ws).conditionalFormattings ?? [];
  // exceljs lists them in file order; Excel's first priority is on top.
  const rules = list
    .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
    .sort(
      (a, b) =>
        ((a.rule as { priority?: number }).priority ?? 0) - ((b.rule as { priority?: number }).priority ?? 0),
    );
  for (const { ref, rule } of [...rules].reverse()) {
    if (rule.type !== 'expression') continue;
    for (const part of ref.split(/\s+/)) {
      const cf = model.addConditionalFormat(sheet, parseLocal(part), 'Custom');
      cf.formula = `=${(rule as ExcelJS.ExpressionRuleType).formulae?.[0] ?? ''}`;
      const style = (rule as ExcelJS.ExpressionRuleType).style;
      const fill = style?.fill as ExcelJS.FillPattern | undefined;
      cf.fill = argbToHex(fill?.bgColor) ?? argbToHex(fill?.fgColor);
      cf.fontColor = argbToHex(style?.font?.color);
      cf.bold = style?.font?.bold ?? null;
      cf.italic = style?.font?.italic ?? null;
    }
  }
}

/** exceljs lists validations cell by cell; Excel keeps blocks. Consecutive cells with one rule merge. */
function readValidations(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const model = internals(ws).dataValidations?.model ?? {};
  const groups = new Map<string, { dv: ExcelJS.DataValidation; cells: Rect[] }>();
  for (const [address, dv] of Object.entries(model)) {
    const key = JSON.stringify(dv);
    let g = groups.get(key);
    if (!g) {
      g = { dv, cells: [] };
      groups.set(key, g);
    }
    const a = address.replace(/^range:/, '');
    for (const part of a.split(/\s+/)) g.cells.push(parseLocal(part));
  }
  for (const { dv, cells } of groups.values()) {
    for (const rect of mergeRects(cells)) {
      const f = dv.formulae?.[0];
      let rule: Record<string, unknown>;
      if (dv.type === 'list') {
        const src =
          typeof f === 'string' && /^".*"$/s.test(f)
            ? f.slice(1, -1).replace(/""/g, '"')
            : `=${String(f ?? '')}`;
        rule = { list: { inCellDropDown: true, source: src } };
      } else if (dv.type === 'custom') {
        rule = { custom: { formula: `=${String(f ?? '')}` } };
      } else {
        rule = {
          [dv.type === 'whole' ? 'wholeNumber' : dv.type]: {
            formula1: f,
            formula2: dv.formulae?.[1],
            operator: dv.operator,
          },
        };
      }
      sheet.validations.push({
        rect,
        rule,
        errorAlert: {
          showAlert: Boolean(dv.showErrorMessage),
          style:
            dv.errorStyle === 'warning'
              ? 'Warning'
              : dv.errorStyle === 'information'
                ? 'Information'
                : 'Stop',
          title: dv.errorTitle ?? '',
          message: dv.error ?? '',
        },
        prompt: {
          showPrompt: Boolean(dv.showInputMessage),
          title: dv.promptTitle ?? '',
          message: dv.prompt ?? '',
        },
        ignoreBlanks: dv.allowBlank !== false,
      });
    }
  }
}

/** Cells (or blocks) → fewer blocks: vertical runs per column, then runs of equal rows side by side. */
function mergeRects(cells: Rect[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.c0 - b.c0 || a.r0 - b.r0);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.c0 === c.c0 && last.c1 === c.c1 && c.r0 <= last.r1 + 1)
      last.r1 = Math.max(last.r1, c.r1);
    else runs.push({ ...c });
  }
  const out: Rect[] = [];
  for (const r of runs.sort((a, b) => a.r0 - b.r0 || a.r1 - b.r1 || a.c0 - b.c0)) {
    const last = out[out.length - 1];
    if (last && last.r0 === r.r0 && last.r1 === r.r1 && r.c0 === last.c1 + 1) last.c1 = r.c1;
    else out.push({ ...r });
  }
  return out;
}

const PAPER_FROM: Record<number, string> = { 1: 'Letter', 5: 'Legal', 8: 'A3', 9: 'A4', 11: 'A5' };
const PAPER_TO: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };

function readPageSetup(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup> & {
    printTitlesRow?: string;
    printTitlesColumn?: string;
    printArea?: string;
  };
  if (!ps) return;
  const pl = sheet.pageLayout;
  if (ps.orientation) pl.orientation = ps.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (ps.paperSize !== undefined && PAPER_FROM[ps.paperSize]) pl.paperSize = PAPER_FROM[ps.paperSize]!;
  const m = ps.margins;
  if (m) {
    pl.leftMargin = round2(m.left * 72);
    pl.rightMargin = round2(m.right * 72);
    pl.topMargin = round2(m.top * 72);
    pl.bottomMargin = round2(m.bottom * 72);
    pl.headerMargin = round2(m.header * 72);
    pl.footerMargin = round2(m.footer * 72);
  }
  pl.centerHorizontally = Boolean(ps.horizontalCentered);
  pl.centerVertically = Boolean(ps.verticalCentered);
  if (ps.fitToPage)
    pl.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 };
  else if (ps.scale) pl.zoom = { scale: ps.scale };
  if (ps.printTitlesRow) {
    const [a, b = a] = ps.printTitlesRow.replace(/\$/g, '').split(':');
    pl.printTitleRows = `$${a}:$${b}`;
  }
  if (ps.printArea) pl.printArea = ps.printArea.replace(/\$/g, '');
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Back to a file

const H_TO: Record<string, ExcelJS.Alignment['horizontal']> = {
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};
const V_TO: Record<string, ExcelJS.Alignment['vertical']> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function borderTo(b: BorderSide | null): Partial<ExcelJS.Border> | undefined {
  if (!b) return undefined;
  const style: ExcelJS.BorderStyle =
    b.style === 'Dot'
      ? 'dotted'
      : b.style === 'Dash'
        ? 'dashed'
        : b.style === 'Double'
          ? 'double'
          : b.style === 'DashDot'
            ? 'dashDot'
            : b.style === 'DashDotDot'
              ? 'dashDotDot'
              : b.style === 'SlantDashDot'
                ? 'slantDashDot'
                : b.weight === 'Medium'
                  ? 'medium'
                  : b.weight === 'Thick'
                    ? 'thick'
                    : b.weight === 'Hairline'
                      ? 'hair'
                      : 'thin';
  return { style, color: { argb: hexToArgb(b.color) } };
}

function styleToExcel(s: Style): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.numberFormat !== 'General') out.numFmt = s.numberFormat;
  const f = s.font;
  out.font = {
    name: f.name,
    size: f.size,
    bold: f.bold || undefined,
    italic: f.italic || undefined,
    strike: f.strikethrough || undefined,
    underline:
      f.underline === 'None'
        ? undefined
        : f.underline === 'Double'
          ? 'double'
          : f.underline === 'SingleAccountant'
            ? 'singleAccounting'
            : f.underline === 'DoubleAccountant'
              ? 'doubleAccounting'
              : 'single',
    color: f.color === '#000000' ? undefined : { argb: hexToArgb(f.color) },
  };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (H_TO[s.horizontalAlignment]) alignment.horizontal = H_TO[s.horizontalAlignment];
  if (s.verticalAlignment !== 'Bottom' && V_TO[s.verticalAlignment])
    alignment.vertical = V_TO[s.verticalAlignment];
  if (s.wrapText) alignment.wrapText = true;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(s.fill) } };
  const b = s.borders;
  if (b.top || b.bottom || b.left || b.right)
    out.border = {
      top: borderTo(b.top),
      bottom: borderTo(b.bottom),
      left: borderTo(b.left),
      right: borderTo(b.right),
    };
  return out;
}

function excelCellValue(v: CellValue, f: string | undefined): ExcelJS.CellValue {
  if (f !== undefined)
    return {
      formula: f.replace(/^=/, ''),
      result: v === '' ? undefined : (v as number | string | boolean),
    } as ExcelJS.CellFormulaValue;
  return v === '' ? null : v;
}

/** The fake workbook as .xlsx bytes (what "save" in Excel would give, as far as the fake keeps it). */
export async function toXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fake-excel';
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state:
        sheet.visibility === 'Hidden'
          ? 'hidden'
          : sheet.visibility === 'VeryHidden'
            ? 'veryHidden'
            : 'visible',
    });
    if (sheet.tabColor) ws.properties.tabColor = { argb: hexToArgb(sheet.tabColor) };
    if (sheet.freeze.rows || sheet.freeze.columns) {
      ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
    }
    for (const [c, p] of sheet.colProps) {
      if (c > 16383) continue;
      const col = ws.getColumn(c + 1);
      if (p.width !== undefined) col.width = pointsToWidth(p.width);
      if (p.hidden) col.hidden = true;
    }
    for (const [r, p] of sheet.rowProps) {
      const row = ws.getRow(r + 1);
      if (p.height !== undefined) row.height = p.height;
      if (p.hidden) row.hidden = true;
    }
    // Tables first (exceljs writes their cells), then every cell with its value and look.
    for (const t of sheet.tables) {
      const names = t.columnNames;
      const body = t.bodyRect;
      const rowsOut: ExcelJS.CellValue[][] = [];
      for (let r = body.r0; r <= body.r1; r++) {
        const line: ExcelJS.CellValue[] = [];
        for (let c = body.c0; c <= body.c1; c++) {
          const cell = sheet.cell(r, c);
          line.push(cell ? excelCellValue(cell.v, cell.f) : null);
        }
        rowsOut.push(line);
      }
      ws.addTable({
        name: t.name,
        ref: rectAddress({ ...t.rect, r1: t.rect.r0, c1: t.rect.c0 }),
        headerRow: true,
        totalsRow: false,
        style: {
          theme: (t.style || 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'],
          showRowStripes: t.showBandedRows,
          showColumnStripes: t.showBandedColumns,
        },
        columns: names.map((name) => ({ name, filterButton: t.showFilterButton })),
        rows: rowsOut,
      });
    }
    for (const [r, row] of sheet.rows) {
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = excelCellValue(cell.v, cell.f);
        if (cell.s !== DEFAULT_STYLE) target.style = styleToExcel(cell.s);
      });
    }
    for (const m of sheet.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    let priority = 1;
    for (const cf of sheet.conditionalFormats) {
      if (cf.type !== 'Custom' || !cf.formula) continue;
      const style: Partial<ExcelJS.Style> = {};
      if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(cf.fill) } };
      if (cf.fontColor || cf.bold || cf.italic) {
        style.font = {};
        if (cf.fontColor) style.font.color = { argb: hexToArgb(cf.fontColor) };
        if (cf.bold) style.font.bold = true;
        if (cf.italic) style.font.italic = true;
      }
      ws.addConditionalFormatting({
        ref: rectAddress(cf.rect),
        rules: [
          { type: 'expression', priority: priority++, formulae: [cf.formula.replace(/^=/, '')], style },
        ],
      });
    }
    for (const dv of sheet.validations) {
      const list = dv.rule.list as { source?: string } | undefined;
      const custom = dv.rule.custom as { formula?: string } | undefined;
      if (!list && !custom) continue;
      const formula = list
        ? list.source?.startsWith('=')
          ? list.source.slice(1)
          : `"${String(list.source ?? '').replace(/"/g, '""')}"`
        : String(custom!.formula ?? '').replace(/^=/, '');
      internals(ws).dataValidations.add(rectAddress(dv.rect), {
        type: list ? 'list' : 'custom',
        allowBlank: dv.ignoreBlanks,
        formulae: [formula],
        showErrorMessage: dv.errorAlert.showAlert,
        errorStyle: dv.errorAlert.style.toLowerCase(),
        errorTitle: dv.errorAlert.title,
        error: dv.errorAlert.message,
      });
    }
    const pl = sheet.pageLayout;
    const fit = pl.zoom.horizontalFitToPages !== undefined || pl.zoom.verticalFitToPages !== undefined;
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: pl.orientation === 'Landscape' ? 'landscape' : 'portrait',
      paperSize: (PAPER_TO[pl.paperSize] ?? 1) as ExcelJS.PageSetup['paperSize'],
      margins: {
        left: pl.leftMargin / 72,
        right: pl.rightMargin / 72,
        top: pl.topMargin / 72,
        bottom: pl.bottomMargin / 72,
        header: pl.headerMargin / 72,
        footer: pl.footerMargin / 72,
      },
      horizontalCentered: pl.centerHorizontally,
      verticalCentered: pl.centerVertically,
      fitToPage: fit,
      fitToWidth: pl.zoom.horizontalFitToPages ?? 1,
      fitToHeight: pl.zoom.verticalFitToPages ?? 1,
      scale: pl.zoom.scale ?? 100,
    };
    if (pl.printTitleRows) ws.pageSetup.printTitlesRow = pl.printTitleRows.replace(/\$/g, '');
    if (pl.printArea) ws.pageSetup.printArea = pl.printArea;
  }
  const active = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0;
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 10000,
      height: 20000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: 'visible',
    },
  ];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
