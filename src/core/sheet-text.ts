/** A workbook as plain text: what the engine reads, for a clerk to check (`tonghop text`). */
import type { GridWorkbook } from './grid';
import { cellText } from './grid';

export interface SheetTextOptions {
  /** Print a line naming each sheet before its rows (default true). */
  sheetNames?: boolean;
}

/** One row a line, cells separated by tabs, rows padded to the sheet's width; sheet by sheet. */
export function workbookText(wb: GridWorkbook, opts: SheetTextOptions = {}): string {
  const out: string[] = [];
  for (const sheet of wb.sheets) {
    if (opts.sheetNames !== false)
      out.push(`=== ${sheet.name}${sheet.visibility !== 'visible' ? ' (ẩn)' : ''} ===`);
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    for (const row of sheet.rows) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) cells.push(cellText(row?.[c]).replace(/[\t\r\n]+/g, ' '));
      out.push(cells.join('\t'));
    }
  }
  return out.join('\n') + '\n';
}
