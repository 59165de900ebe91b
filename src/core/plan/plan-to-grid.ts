/**
 * Applies a write plan to the neutral grid: the in-memory workbook of tests and of previews. Values
 * come out as a spreadsheet reader would return them (dates as Excel serial numbers, text as text).
 */
import type { GridCell, GridSheet, GridWorkbook } from '../grid';
import { excelSerial, isPlanDate, type PlanValue, type WritePlan } from './write-plan';

function cell(v: PlanValue): GridCell | undefined {
  if (v === null || v === '') return undefined;
  if (isPlanDate(v)) {
    const [y, m, d] = v.date.split('-');
    return { v: excelSerial(v.date), w: `${d}/${m}/${y}`, z: 'dd/mm/yyyy' };
  }
  return { v, w: String(v) };
}

export function planToGrid(plan: WritePlan, fileName = 'tong_hop.xlsx'): GridWorkbook {
  const sheets: GridSheet[] = plan.sheets.map((s) => {
    const rows: (GridCell | undefined)[][] = [];
    const put = (r: number, c: number, v: PlanValue) => {
      (rows[r] ??= [])[c] = cell(v);
    };
    if (s.title !== undefined && s.table && s.table.headerRow > 0) put(0, 0, s.title);
    if (s.table) {
      const t = s.table;
      t.columns.forEach((col, c) => put(t.headerRow, c, col.header));
      t.rows.forEach((row, i) => row.forEach((v, c) => put(t.headerRow + 1 + i, c, v)));
    }
    for (const c of s.cells ?? []) put(c.r, c.c, c.value);
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: s.name, visibility: 'visible', rows, merges: [] };
  });
  return { fileName, format: 'xlsx', sheets };
}
