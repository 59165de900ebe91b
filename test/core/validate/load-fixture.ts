/**
 * Loading the Frictionless fixtures into grids (test only).
 * - Spreadsheets: XLSX.read, dense sheets; every row listed up to the sheet's range.
 * - CSV: read as text with raw:true, so "1101" stays text as frictionless reads CSV. SheetJS drops
 *   empty fields at the end of a record and records that are all empty, so the record shape
 *   ("1,2," has three fields, "1,2" two, ",," three) is taken from the text and empty fields are
 *   kept as explicit empty-text cells.
 */
import fs from 'fs';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import type { GridCell, GridSheet, GridWorkbook } from '../../../src/core/grid';
import { readWorkbook } from '../../../src/io/read-workbook';

/** The number of fields in each CSV record (RFC 4180 quoting; CRLF, LF or CR line ends). */
export function csvRecordWidths(text: string, delimiter = ','): number[] {
  const widths: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      any = true;
    } else if (ch === delimiter) {
      fields++;
      any = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      widths.push(any ? fields : 0);
      fields = 1;
      any = false;
    } else {
      any = true;
    }
  }
  if (any) widths.push(fields);
  return widths;
}

function toCell(c: XLSX.CellObject | undefined): GridCell | undefined {
  if (!c) return undefined;
  if (c.t === 'z') return undefined;
  const cell: GridCell = {
    v: c.t === 'e' ? (c.w ?? '#ERROR') : ((c.v as string | number | boolean | undefined) ?? null),
  };
  if (c.w !== undefined) cell.w = c.w;
  if (typeof c.z === 'string') cell.z = c.z;
  if (c.f) cell.f = c.f;
  if (c.t === 'e') cell.err = true;
  return cell;
}

function denseRows(ws: XLSX.WorkSheet): (GridCell | undefined)[][] {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const ref = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
  const nRows = ref ? ref.e.r + 1 : data.length;
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 0; r < Math.max(nRows, data.length); r++) {
    const src = data[r] ?? [];
    const row: (GridCell | undefined)[] = [];
    for (let c = 0; c < src.length; c++) row[c] = toCell(src[c]);
    while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
    rows.push(row);
  }
  return rows;
}

export function loadCsv(bytes: Uint8Array, fileName: string): GridWorkbook {
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const wb = XLSX.read(text, { type: 'string', raw: true, dense: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const sheetRows = denseRows(ws);
  const widths = csvRecordWidths(text);
  const rows: (GridCell | undefined)[][] = widths.map((w, r) => {
    const src = sheetRows[r] ?? [];
    if (src.length > w)
      throw new Error(`${fileName}: record ${r + 1} has ${src.length} cells, the text says ${w}`);
    const row: (GridCell | undefined)[] = [];
    for (let c = 0; c < w; c++) row.push(src[c] ?? { v: '', w: '' });
    return row;
  });
  const sheet: GridSheet = { name: wb.SheetNames[0] ?? 'Sheet1', visibility: 'visible', rows, merges: [] };
  return { fileName, format: 'csv', sheets: [sheet], delimiter: ',' };
}

export function loadSpreadsheet(bytes: Uint8Array, fileName: string): GridWorkbook {
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: true, cellNF: true });
  const sheets: GridSheet[] = wb.SheetNames.map((name) => ({
    name,
    visibility: 'visible',
    rows: denseRows(wb.Sheets[name]),
    merges: (wb.Sheets[name]['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } })),
  }));
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const format = ext === 'xls' ? 'xls' : ext === 'ods' ? 'ods' : 'xlsx';
  return { fileName, format, sheets };
}

/**
 * Reads a fixture file into a grid workbook: spreadsheets through the product's reader
 * (src/io/read-workbook.ts, which gives the same grid as loadSpreadsheet), CSV through loadCsv,
 * because readWorkbook drops the empty fields at the end of a record and the empty records at
 * the end of the file, which frictionless counts ("1,2," is three cells; a last ",," line is a
 * blank row).
 */
export function loadFixture(file: string): GridWorkbook {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const name = path.basename(file);
  if (/\.(csv|tsv|txt)$/i.test(name)) return loadCsv(bytes, name);
  const { workbook, issues } = readWorkbook(bytes, name);
  if (!workbook) throw new Error(`${name}: ${issues.map((i) => i.message).join('; ')}`);
  return workbook;
}

/** A grid sheet from inline rows (frictionless inline data: null is an empty cell). */
export function sheetFromRows(data: unknown[][], name = 'data'): GridSheet {
  const rows = data.map((row) =>
    row.map((v): GridCell | undefined => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === 'number' || typeof v === 'boolean') return { v };
      return { v: String(v), w: String(v) };
    }),
  );
  return { name, visibility: 'visible', rows, merges: [] };
}
