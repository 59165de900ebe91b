/**
 * Báo cáo has no table: its used range is deleted and its cells are written again — values and number
 * formats as two block writes, then each cell's look (bold, italic, size, alignment, wrap, borders, fill),
 * merges, column widths, row heights and, where Excel allows it (ExcelApi 1.9), the print setup.
 */
import { rowHeights } from '../core/plan/row-heights';
import { isPlanDate, type CellPlan, type SheetPlan } from '../core/plan/write-plan';
import { writeBlock } from './blocks';
import { DATE_FORMAT, GENERAL } from './columns';
import { excelValue, isTextFormat } from './literal-text';
import type { Range, Worksheet, XlValue } from './office-api';
import { addSheet, type WriteCtx } from './table-writer';
import { cmToPoints, columnWidthPoints, cssColor, hAlign, vAlign } from './units';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
/** Header and footer margins of the printed page, as the command line's writer sets them. */
const HEADER_FOOTER_CM = 0.8;

function extent(cells: readonly CellPlan[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.r + (c.merge?.rows ?? 1));
    cols = Math.max(cols, c.c + (c.merge?.cols ?? 1));
  }
  return { rows, cols };
}

function cellLook(range: Range, p: CellPlan): void {
  const f = range.format;
  if (p.bold) f.font.bold = true;
  if (p.italic) f.font.italic = true;
  if (p.underline) f.font.underline = 'Single';
  if (p.size) f.font.size = p.size;
  if (p.align) f.horizontalAlignment = hAlign(p.align);
  if (p.valign) f.verticalAlignment = vAlign(p.valign);
  if (p.wrap) f.wrapText = true;
  if (p.fill) f.fill.color = cssColor(p.fill);
  if (p.border) for (const e of borderEdges(p)) f.borders.getItem(e).style = 'Continuous';
}

/** The borders of a cell, and inside a merged area too (each cell boxed, as the file writer does). */
function borderEdges(p: CellPlan): string[] {
  const out: string[] = [...EDGES];
  if ((p.merge?.cols ?? 1) > 1) out.push('InsideVertical');
  if ((p.merge?.rows ?? 1) > 1) out.push('InsideHorizontal');
  return out;
}

/** Actions cellLook queues for a cell (0: the cell has no look of its own). */
function lookActions(p: CellPlan): number {
  const flags = [p.bold, p.italic, p.underline, p.size, p.align, p.valign, p.wrap, p.fill].filter(
    Boolean,
  ).length;
  return flags + (p.border ? borderEdges(p).length : 0);
}

export async function writeReportSheet(w: WriteCtx, sp: SheetPlan): Promise<void> {
  const { req } = w;
  const cells = sp.cells ?? [];
  let ws: Worksheet;
  const existing = w.snapshot.report;
  if (existing) {
    ws = w.wb.worksheets.getItem(existing.sheet);
    const used = existing.used;
    if (used) {
      const old = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
      await req.write(0, () => old.delete('Up'));
    }
  } else {
    const added = await addSheet(w, sp.name);
    ws = added.ws;
    w.snapshot.report = { sheet: added.name, used: null };
  }
  const { rows, cols } = extent(cells);
  if (rows > 0 && cols > 0) {
    const values: XlValue[][] = Array.from({ length: rows }, () => new Array<XlValue>(cols).fill(''));
    const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(GENERAL));
    for (const p of cells) {
      const fmt = p.numberFormat ?? (isPlanDate(p.value) ? DATE_FORMAT : GENERAL);
      formats[p.r]![p.c] = fmt;
      values[p.r]![p.c] = excelValue(p.value, isTextFormat(fmt));
    }
    const area = ws.getRangeByIndexes(0, 0, rows, cols);
    await req.write(
      0,
      () => {
        area.format.font.name = sp.font.name;
        area.format.font.size = sp.font.size;
      },
      2,
    );
    await writeBlock(req, ws, 0, 0, values, formats);
    w.snapshot.report!.used = { rowIndex: 0, columnIndex: 0, rowCount: rows, columnCount: cols };
  }
  // Merges after the values: a value written into a merged area would land in its first cell.
  for (const p of cells) {
    const mr = p.merge?.rows ?? 1;
    const mc = p.merge?.cols ?? 1;
    const range = ws.getRangeByIndexes(p.r, p.c, mr, mc);
    if (mr > 1 || mc > 1) await req.write(0, () => range.merge(false));
    const actions = lookActions(p);
    if (actions > 0) await req.write(0, () => cellLook(range, p), actions);
  }
  const widths = sp.columnWidths ?? [];
  for (let c = 0; c < widths.length; c++) {
    const wc = widths[c]!;
    if (wc <= 0) continue;
    const col = ws.getRangeByIndexes(0, c, 1, 1);
    await req.write(0, () => {
      col.format.columnWidth = columnWidthPoints(wc);
    });
  }
  for (const [r, h] of rowHeights(sp)) {
    const row = ws.getRangeByIndexes(r, 0, 1, 1);
    await req.write(0, () => {
      row.format.rowHeight = h;
    });
  }
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
  if (sp.print) {
    if (!w.features.has('print')) w.skip.feature('print');
    else {
      const p = sp.print;
      await req.write(
        0,
        () => {
          const pl = ws.pageLayout;
          pl.paperSize = 'A4';
          pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          pl.topMargin = cmToPoints(p.margins.top);
          pl.bottomMargin = cmToPoints(p.margins.bottom);
          pl.leftMargin = cmToPoints(p.margins.left);
          pl.rightMargin = cmToPoints(p.margins.right);
          pl.headerMargin = cmToPoints(HEADER_FOOTER_CM);
          pl.footerMargin = cmToPoints(HEADER_FOOTER_CM);
          if (p.centerHorizontally) pl.centerHorizontally = true;
          if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (p.repeatRows) pl.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
        },
        12,
      );
    }
  }
}
