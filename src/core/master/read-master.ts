/**
 * Reading a master back into the model: from the tables' rows (any front end), or from a workbook read
 * into the neutral grid (the command line). Tables are found by their headers, on the sheet of their
 * name first and then on any sheet, so a renamed sheet is still found.
 */
import type { CellValue, GridWorkbook } from '../grid';
import { headerKey } from '../text/key';
import { defaultSchema } from '../schema/default-schema';
import { configFromRows } from './config-table';
import { issuesFromTable, logFromTable, rosterFromTable, rowsFromTable, type ReadRow } from './data-tables';
import { schemaFromFieldRows } from './fields-table';
import { SHEETS, type MasterModel } from './model';

export type MasterPart = 'config' | 'roster' | 'fields' | 'rows' | 'issues' | 'log';

/** The headers that identify each table of the master. */
export const TABLE_SIGNATURES: Record<MasterPart, readonly string[]> = {
  config: ['Mục', 'Giá trị'],
  roster: ['Tên đơn vị', 'Nhóm'],
  fields: ['Tên trường', 'Kiểu'],
  rows: ['Đơn vị gửi', 'Mã dòng'],
  issues: ['Mã lỗi', 'Mức độ', 'Nội dung'],
  log: ['Lần gửi', 'Kết quả', 'Mã tệp'],
};

/** Rows of each table, header row first; a part that is absent is undefined. */
export type MasterTables = Partial<Record<MasterPart, ReadRow[]>>;

export interface MasterRead {
  /** Null when the workbook is not a master (no campaign settings with a deadline). */
  model: MasterModel | null;
  /** What is wrong or missing, in Vietnamese. */
  problems: string[];
}

/** The sheet and table of each part of the master. */
export const PART_NAMES: Record<MasterPart, { sheet: string; table: string }> = {
  config: SHEETS.config,
  roster: SHEETS.roster,
  fields: SHEETS.fields,
  rows: SHEETS.rows,
  issues: SHEETS.issues,
  log: SHEETS.log,
};

export function masterFromTables(tables: MasterTables, fileName: string): MasterRead {
  const problems: string[] = [];
  const where = (p: MasterPart) => `bảng ${PART_NAMES[p].table} (trang „${PART_NAMES[p].sheet}”)`;
  if (!tables.config) {
    return {
      model: null,
      problems: [`Tệp „${fileName}” không phải tệp tổng hợp của tonghop: không có ${where('config')}.`],
    };
  }
  const cfg = configFromRows(tables.config);
  problems.push(...cfg.problems);
  if (!cfg.config.deadline) {
    problems.push(`Tệp „${fileName}”: chưa có hạn nộp trong ${where('config')}.`);
    return { model: null, problems };
  }
  let schema = defaultSchema();
  if (tables.fields) {
    const f = schemaFromFieldRows(tables.fields);
    problems.push(...f.problems);
    if (f.schema.fields.length > 0) schema = f.schema;
  } else problems.push(`Tệp „${fileName}”: không có ${where('fields')}; dùng bộ trường mặc định.`);
  let roster: MasterModel['roster'] = { units: [] };
  if (tables.roster) {
    const r = rosterFromTable(tables.roster);
    roster = r.roster;
    problems.push(...r.problems);
  } else problems.push(`Tệp „${fileName}”: không có ${where('roster')}.`);
  return {
    model: {
      config: cfg.config,
      roster,
      schema,
      rows: tables.rows ? rowsFromTable(schema, tables.rows) : [],
      issues: tables.issues ? issuesFromTable(tables.issues) : [],
      log: tables.log ? logFromTable(tables.log) : [],
    },
    problems,
  };
}

/** How many rows from the top of a sheet to look for a table's header row (a title may come first). */
const HEADER_SEARCH = 6;

function rowValues(wb: GridWorkbook, s: number, r: number): CellValue[] {
  const row = wb.sheets[s]!.rows[r] ?? [];
  const out: CellValue[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    out.push(cell && !cell.err ? cell.v : null);
  }
  return out;
}

function findTable(wb: GridWorkbook, part: MasterPart, used: Set<string>): ReadRow[] | undefined {
  const want = TABLE_SIGNATURES[part].map(headerKey);
  const preferred = wb.sheets.findIndex((s) => s.name === PART_NAMES[part].sheet);
  const order = [preferred, ...wb.sheets.map((_, i) => i).filter((i) => i !== preferred)].filter(
    (i) => i >= 0,
  );
  for (const s of order) {
    const sheet = wb.sheets[s]!;
    for (let r = 0; r < Math.min(HEADER_SEARCH, sheet.rows.length); r++) {
      const id = `${s}:${r}`;
      if (used.has(id)) continue;
      const keys = rowValues(wb, s, r).map((v) => headerKey(v === null ? '' : String(v)));
      if (!want.every((w) => keys.includes(w))) continue;
      used.add(id);
      const rows: ReadRow[] = [];
      for (let rr = r; rr < sheet.rows.length; rr++) rows.push(rowValues(wb, s, rr));
      return rows;
    }
  }
  return undefined;
}

/** The tables of a master read into the neutral grid. */
export function tablesFromGrid(wb: GridWorkbook): MasterTables {
  const used = new Set<string>();
  const tables: MasterTables = {};
  for (const part of Object.keys(TABLE_SIGNATURES) as MasterPart[]) {
    const t = findTable(wb, part, used);
    if (t) tables[part] = t;
  }
  return tables;
}

export function masterFromGrid(wb: GridWorkbook): MasterRead {
  return masterFromTables(tablesFromGrid(wb), wb.fileName);
}
