/**
 * Builds GridSheets for the table-finder tests: rows as arrays of values (null / undefined = no cell),
 * merges as A1 ranges ("A1:C1"). Also turns a SheetJS worksheet into a GridSheet for the corpus tests.
 */
import * as XLSX from '@e965/xlsx';
import type { CellRange, CellValue, GridCell, GridSheet } from '../../../src/core/grid';

export type Value = CellValue | undefined | GridCell;

function isCell(v: Value): v is GridCell {
  return typeof v === 'object' && v !== null && 'v' in v;
}

export function range(a1: string): CellRange {
  const r = XLSX.utils.decode_range(a1);
  return { s: { r: r.s.r, c: r.s.c }, e: { r: r.e.r, c: r.e.c } };
}

export function grid(rows: Value[][], merges: string[] = [], name = 'Danh sách'): GridSheet {
  return {
    name,
    visibility: 'visible',
    rows: rows.map((row) =>
      row.map((v) => {
        if (v === null || v === undefined) return undefined;
        if (isCell(v)) return v;
        return typeof v === 'string' ? { v, w: v } : { v };
      }),
    ),
    merges: merges.map(range),
  };
}

/** A GridSheet from a SheetJS worksheet (values and displayed text, merges). */
export function fromWorksheet(ws: XLSX.WorkSheet, name: string): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  const ref = ws['!ref'];
  if (ref) {
    const r = XLSX.utils.decode_range(ref);
    for (let i = r.s.r; i <= r.e.r; i++) {
      const row: (GridCell | undefined)[] = [];
      for (let j = r.s.c; j <= r.e.c; j++) {
        const c = ws[XLSX.utils.encode_cell({ r: i, c: j })] as XLSX.CellObject | undefined;
        if (!c || c.t === 'z') {
          row[j] = undefined;
          continue;
        }
        const v = c.t === 'e' ? null : (c.v as CellValue);
        row[j] = {
          v: v ?? null,
          w: c.w ?? (v === null ? undefined : String(v)),
          err: c.t === 'e' || undefined,
        };
      }
      rows[i] = row;
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return {
    name,
    visibility: 'visible',
    rows,
    merges: (ws['!merges'] ?? []).map((m) => ({ s: m.s, e: m.e })),
  };
}
