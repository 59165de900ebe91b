/**
 * What the pane needs to know about one returned file, computed where the file is parsed (a Web Worker in the
 * browser, the test's own thread in jest): the engine's report, the unit it comes from, and a preview of the
 * table as read. Everything here is plain data that survives postMessage.
 */
import { checkWorkbook, unreadableReport, type FileReport } from '../../core/check';
import { cellText, colLetters, type GridSheet, type GridWorkbook } from '../../core/grid';
import { resolveUnit, type ResolvedUnit } from '../../core/master/resolve-unit';
import type { TableSchema } from '../../core/schema/types';
import { rosterFromWorkbook, type Roster } from '../../core/units/roster';
import { readWorkbook } from '../../io/read-workbook';

/** The clerk's choice of field for one column of one sheet ("none" is null). */
export interface ColumnChoice {
  sheet: string;
  col: string;
  field: string | null;
}

export interface PreviewColumn {
  col: string;
  header: string;
  field: string | null;
}

/** The first rows of a sheet's table as read: the cell text of each table column. */
export interface SheetPreview {
  sheet: string;
  /** 1-based header rows. */
  headerRows: number[];
  columns: PreviewColumn[];
  rows: { row: number; cells: string[] }[];
  /** All nominee rows of the sheet (the preview shows the first few). */
  total: number;
  /**
   * False for a sheet where no list was found (no column reads as the name column): the preview is then the
   * sheet's first rows as they are, so that the clerk can say which column holds what.
   */
  found: boolean;
}

export interface ParsedFile {
  id: string;
  name: string;
  size: number;
  digest: string;
  /** The engine's report, without the decoded workbook. */
  report: FileReport;
  unit: ResolvedUnit;
  previews: SheetPreview[];
}

export const PREVIEW_ROWS = 12;

/** The first non-empty rows of a sheet where no list was found, column by column (at most 20 columns). */
function rawPreview(sheet: GridSheet): SheetPreview {
  const rows: SheetPreview['rows'] = [];
  let width = 0;
  for (let r = 0; r < sheet.rows.length && rows.length < PREVIEW_ROWS; r++) {
    const row = sheet.rows[r];
    if (!row || !row.some((c) => c && cellText(c).trim() !== '')) continue;
    width = Math.max(width, row.length);
    rows.push({ row: r + 1, cells: [] });
  }
  width = Math.min(width, 20);
  for (const x of rows) {
    const row = sheet.rows[x.row - 1] ?? [];
    x.cells = Array.from({ length: width }, (_, c) => cellText(row[c]));
  }
  return {
    sheet: sheet.name,
    headerRows: [],
    columns: Array.from({ length: width }, (_, c) => ({ col: colLetters(c), header: '', field: null })),
    rows,
    total: 0,
    found: false,
  };
}

function previewsOf(report: FileReport, wb: GridWorkbook | null): SheetPreview[] {
  if (!wb) return [];
  const missing = report.sheets
    .filter((s) => s.status === 'no-table')
    .map((s) => wb.sheets.find((x) => x.name === s.name))
    .filter((s): s is GridSheet => !!s)
    .map(rawPreview);
  return [
    ...report.tables.map((t) => {
      const sheet = wb.sheets.find((s) => s.name === t.sheet);
      const columns = t.columns
        .filter((c) => !c.isRowNumber)
        .map((c) => ({ c: c.col, p: { col: colLetters(c.col), header: c.header, field: c.field } }));
      return {
        sheet: t.sheet,
        headerRows: t.headerRows.map((r) => r + 1),
        columns: columns.map((c) => c.p),
        rows: t.rows.slice(0, PREVIEW_ROWS).map((row) => ({
          row: row.r + 1,
          cells: columns.map((c) => {
            const cell = sheet?.rows[row.r]?.[c.c];
            return cell ? cellText(cell) : '';
          }),
        })),
        total: t.rows.length,
        found: true,
      };
    }),
    ...missing,
  ];
}

/**
 * The roster in a file the clerk imports into the campaign form (no units when no sheet has a "Tên đơn vị"
 * column with units); an Error with the reader's message when the file cannot be read.
 */
export function readRosterFile(bytes: Uint8Array, name: string): { roster: Roster; problems: string[] } {
  const read = readWorkbook(bytes, name);
  if (!read.workbook) throw new Error(read.issues.map((i) => i.message).join(' '));
  return rosterFromWorkbook(read.workbook);
}

/** Reads and checks a file's bytes. `workbook` is kept by the caller to re-check with other column choices. */
export function readFile(
  bytes: Uint8Array,
  name: string,
): { workbook: GridWorkbook | null; report: FileReport | null } {
  const read = readWorkbook(bytes, name);
  if (!read.workbook) {
    const ext = (name.split('.').pop() ?? '').toLowerCase();
    return { workbook: null, report: unreadableReport(name, ext, read.issues) };
  }
  return { workbook: read.workbook, report: null };
}

export interface CheckInput {
  id: string;
  name: string;
  size: number;
  digest: string;
  workbook: GridWorkbook | null;
  /** The reader's report when the file could not be read. */
  unreadable: FileReport | null;
  schema: TableSchema;
  roster: Roster;
  columns?: ColumnChoice[];
}

export function checkFile(input: CheckInput): { parsed: ParsedFile; decoded: GridWorkbook | null } {
  const report =
    input.unreadable ??
    checkWorkbook(input.workbook!, input.schema, [], input.columns ? { columnFields: input.columns } : {});
  const decoded = report.decoded ?? null;
  const unit = resolveUnit(decoded, report, input.name, input.roster);
  const plain: FileReport = { ...report };
  delete plain.decoded;
  return {
    parsed: {
      id: input.id,
      name: input.name,
      size: input.size,
      digest: input.digest,
      report: plain,
      unit,
      previews: previewsOf(report, decoded),
    },
    decoded,
  };
}
