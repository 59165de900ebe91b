/**
 * Test helper: a returned list laid out as units send it (test/support/returned-list.ts) turned into
 * the grid and the FoundTable a table finder hands over: header texts mapped to fields, section
 * rows ("I. TẬP THỂ") giving the type of the rows below, the footer left out.
 */
import type { GridCell, GridSheet } from '../../../src/core/grid';
import type { ColumnMapping, FoundTable, TableRow } from '../../../src/core/table/types';
import { layoutList, type ListOptions } from '../../support/returned-list';

const HEADER_FIELDS: Record<string, string | null> = {
  STT: null,
  'Họ và tên': 'ten',
  Loại: 'loai',
  'Năm sinh': 'namSinh',
  'Chức vụ': 'chucVu',
  'Đơn vị công tác': 'donViCongTac',
  'Lĩnh vực': 'linhVuc',
  'Lĩnh vực hoạt động': 'linhVuc',
  'Tóm tắt thành tích': 'thanhTich',
  'Ghi chú': 'ghiChu',
};

export function gridCell(v: string | number | null): GridCell | undefined {
  if (v === null) return undefined;
  return typeof v === 'number' ? { v, w: String(v) } : { v, w: v };
}

export interface ListTable {
  sheet: GridSheet;
  table: FoundTable;
  /** 0-based sheet row of the i-th nominee (in the order of the table rows). */
  rowOf: number[];
}

/** Lays out a list and finds its table the simple way (the layout is known). */
export function listTable(o: ListOptions, sheetName = 'Danh sách'): ListTable {
  const L = layoutList({ header: 'one-row', numberingRow: false, ...o });
  const rows = L.rows.map((r) => r.map(gridCell));
  const sheet: GridSheet = { name: sheetName, visibility: 'visible', rows, merges: [] };
  const header = L.rows[L.headerRow];
  const columns: ColumnMapping[] = header.map((h, col) => {
    const text = String(h ?? '');
    const field = HEADER_FIELDS[text];
    if (field === undefined) throw new Error(`unknown header ${text}`);
    return { col, header: text, field, score: 1, ...(field === null ? { isRowNumber: true } : {}) };
  });
  const tableRows: TableRow[] = [];
  const rowOf: number[] = [];
  let section: string | undefined;
  for (let r = L.firstDataRow; r < L.rows.length; r++) {
    const first = L.rows[r][0];
    if (typeof first === 'string' && /^I+\.\s/.test(first)) {
      section = /CÁ NHÂN/.test(first) ? 'Cá nhân' : 'Tập thể';
      continue;
    }
    if (typeof first !== 'number') break; // blank row, footnote, signature
    const cells: TableRow['cells'] = {};
    for (const c of columns) if (c.field) cells[c.field] = { cell: rows[r][c.col], col: c.col };
    tableRows.push({ r, cells, ...(section ? { sectionLoai: section } : {}) });
    rowOf.push(r);
  }
  const table: FoundTable = {
    sheet: sheetName,
    headerRows: [L.headerRow],
    columns,
    rows: tableRows,
    skipped: [],
    issues: [],
  };
  return { sheet, table, rowOf };
}

/** Replaces the cell of a field on a table row (and in the sheet). */
export function setCell(t: ListTable, rowIndex: number, field: string, cell: GridCell | undefined): void {
  const row = t.table.rows[rowIndex];
  const entry = row.cells[field];
  if (!entry) throw new Error(`no ${field} column`);
  entry.cell = cell;
  t.sheet.rows[row.r][entry.col] = cell;
}
