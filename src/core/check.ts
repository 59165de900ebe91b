/**
 * Checking one returned file: decode its text, find the list on each sheet, validate it.
 * Input is what src/io read (a grid, or the issues that say why it could not be read).
 */
import type { GridWorkbook, GridSheet } from './grid';
import { colLetters as colName, isBlankCell } from './grid';
import { headerKey } from './text/key';
import { makeIssue, sortIssues, type Issue } from './issues';
import type { TableSchema } from './schema/types';
import { decodeWorkbook } from './text/decode-workbook';
import { findTable } from './table/find-table';
import { sheetLoai } from './table/sheet-loai';
import type { FoundTable } from './table/types';
import { validateTable, type NomineeRecord } from './validate/validate-table';
import { findDuplicates } from './validate/duplicates';

export type SheetStatus = 'read' | 'empty' | 'hidden' | 'reference' | 'no-table' | 'no-nominees';

/** Sheets that hold instructions or lookup lists in official templates ("Hướng dẫn", "Danh mục"). */
const REFERENCE_SHEET = /^(huong dan|hd|danh muc|dm|ghi chu|chu thich|instructions?|readme|lists?)( |$)/;

export interface SheetReport {
  name: string;
  status: SheetStatus;
  /** Nominee rows found on the sheet. */
  rows: number;
  /** 1-based header rows, when a table was found. */
  headerRows: number[];
  /** Column letter → field name (null for an unknown column). */
  columns: { col: string; header: string; field: string | null }[];
  /** Cells converted from TCVN3/VNI on this sheet. */
  converted: number;
}

export interface FileReport {
  file: string;
  format: string;
  sheets: SheetReport[];
  /** Nominee rows found in the file. */
  rows: number;
  issues: Issue[];
  /** The validated rows, with their place; not part of the JSON report. */
  records: (NomineeRecord & { sheet: string })[];
  /** The tables as found, per sheet; not part of the JSON report. */
  tables: FoundTable[];
  /** The workbook with its legacy-font text decoded (for unit identification); not part of the JSON report. */
  decoded?: GridWorkbook;
}

function sheetIsEmpty(sheet: GridSheet): boolean {
  for (const row of sheet.rows) {
    if (!row) continue;
    for (const cell of row) if (!isBlankCell(cell)) return false;
  }
  return true;
}

/** The clerk's choice of field for one column of a returned list (the task pane's dropdown). */
export interface ColumnFieldChoice {
  /** Sheet name, as in SheetReport.name. */
  sheet: string;
  /** Column letter, as in SheetReport.columns ("C"). */
  col: string;
  /** Field name of the schema, or null: the column holds no field. */
  field: string | null;
}

export interface CheckOptions {
  /**
   * Columns whose field the clerk chose, used instead of the automatic mapping. The whole report follows
   * as if the file's headers said so: columns, records, missing / extra / duplicate labels, validation.
   * A field given to a column is taken from any other column that had it (that column is then mapped
   * as if the field were not in the schema); when two columns of a sheet are given the same field, the
   * one listed last keeps it and the other is mapped automatically. Entries naming a field the schema does not
   * have, or a column that is not a letter, are ignored.
   */
  columnFields?: ColumnFieldChoice[];
}

/** 0-based column of a column letter ("C" → 2), or null. */
function colIndex(letters: string): number | null {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < 16384 ? n - 1 : null;
}

/** The clerk's choices by sheet: column → field (null for none). */
function choicesBySheet(
  choices: ColumnFieldChoice[] | undefined,
  schema: TableSchema,
): Map<string, Map<number, string | null>> {
  const out = new Map<string, Map<number, string | null>>();
  const known = new Set(schema.fields.map((f) => f.name));
  for (const ch of choices ?? []) {
    const col = colIndex(ch.col);
    if (col === null || (ch.field !== null && !known.has(ch.field))) continue;
    let m = out.get(ch.sheet);
    if (!m) out.set(ch.sheet, (m = new Map()));
    if (ch.field !== null) {
      // one column per field: the latest choice keeps it
      for (const [c, f] of m) if (f === ch.field && c !== col) m.delete(c);
    }
    m.set(col, ch.field);
  }
  return out;
}

/** The report of a file that could not be read at all. */
export function unreadableReport(file: string, format: string, issues: Issue[]): FileReport {
  return { file, format, sheets: [], rows: 0, issues, records: [], tables: [] };
}

/** Checks a workbook that src/io has read. `readIssues` are the reader's own findings. */
export function checkWorkbook(
  input: GridWorkbook,
  schema: TableSchema,
  readIssues: Issue[] = [],
  opts: CheckOptions = {},
): FileReport {
  const file = input.fileName;
  const choices = choicesBySheet(opts.columnFields, schema);
  const { workbook, converted } = decodeWorkbook(input);
  const issues: Issue[] = [...readIssues];
  const sheets: SheetReport[] = [];
  const records: FileReport['records'] = [];
  const tables: FoundTable[] = [];
  const noTable: string[] = [];

  for (const sheet of workbook.sheets) {
    const conv = converted.find((c) => c.sheet === sheet.name);
    const base: SheetReport = {
      name: sheet.name,
      status: 'read',
      rows: 0,
      headerRows: [],
      columns: [],
      converted: conv?.count ?? 0,
    };
    if (sheet.visibility !== 'visible') {
      sheets.push({ ...base, status: 'hidden', converted: 0 });
      issues.push(makeIssue('hidden-sheet', { file, sheet: sheet.name }));
      continue;
    }
    if (sheetIsEmpty(sheet)) {
      sheets.push({ ...base, status: 'empty' });
      issues.push(makeIssue('empty-sheet', { file, sheet: sheet.name }));
      continue;
    }
    if (conv && conv.count > 0) {
      issues.push(
        makeIssue(
          'legacy-encoding',
          { file, sheet: sheet.name },
          {
            count: conv.count,
            encodings: conv.encodings.map((e) => (e === 'tcvn3' ? 'TCVN3' : 'VNI')).join(', '),
          },
        ),
      );
    }
    const columnFields = choices.get(sheet.name);
    const table = findTable(sheet, schema, {
      file,
      sheetLoai: sheetLoai(sheet.name, schema) ?? undefined,
      ...(columnFields ? { columnFields } : {}),
    });
    if (table && REFERENCE_SHEET.test(headerKey(sheet.name)) && workbook.sheets.length > 1) {
      sheets.push({ ...base, status: 'reference' });
      issues.push(makeIssue('reference-sheet', { file, sheet: sheet.name }));
      continue;
    }
    if (!table) {
      sheets.push({ ...base, status: 'no-table' });
      noTable.push(sheet.name);
      continue;
    }
    tables.push(table);
    issues.push(...table.issues);
    if (table.end && table.end.reason !== 'footer') {
      issues.push(
        makeIssue(
          'ignored-rows',
          { file, sheet: sheet.name, r: table.end.r, c: 0 },
          {
            row: table.end.r + 1,
            reason: table.end.reason,
          },
        ),
      );
    }
    const report: SheetReport = {
      ...base,
      headerRows: table.headerRows.map((r) => r + 1),
      columns: table.columns.map((c) => ({
        col: colName(c.col),
        header: c.header,
        field: c.field,
      })),
    };
    if (table.noNomineesNote) {
      issues.push(
        makeIssue(
          'no-nominees',
          { file, sheet: sheet.name, r: table.noNomineesNote.r, c: 0 },
          {
            text: table.noNomineesNote.text,
          },
        ),
      );
      sheets.push({ ...report, status: 'no-nominees' });
      continue;
    }
    const validated = validateTable(table, schema, { file });
    issues.push(...validated.issues);
    for (const rec of validated.records) records.push({ ...rec, sheet: sheet.name });
    sheets.push({ ...report, rows: validated.records.length });
  }

  const anyTable = tables.length > 0;
  for (const name of noTable) {
    issues.push(makeIssue('no-table-found', { file, sheet: name }, {}, anyTable ? 'info' : 'error'));
  }
  if (workbook.sheets.length > 0 && !anyTable && noTable.length === 0) {
    // every sheet was empty or hidden
    issues.push(makeIssue('no-table-found', { file }));
  }
  issues.push(...findDuplicates(records, schema, { file }));

  return {
    file,
    format: workbook.format,
    sheets,
    rows: records.length,
    issues: sortIssues(
      issues,
      workbook.sheets.map((s) => s.name),
    ),
    records,
    tables,
    decoded: workbook,
  };
}
