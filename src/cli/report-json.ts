/** The JSON report of `check` (and later `merge`): only what the issue's contract names. */
import type { FileReport } from '../core/check';

export interface JsonIssue {
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  field: string | null;
  message: string;
  messageEn: string;
}

export interface JsonFile {
  file: string;
  format: string;
  sheets: {
    name: string;
    status: string;
    rows: number;
    headerRows: number[];
    columns: { col: string; header: string; field: string | null }[];
    converted: number;
  }[];
  unit: { name: string; confidence: number } | null;
  rows: number;
  issues: JsonIssue[];
}

export function fileToJson(r: FileReport): JsonFile {
  return {
    file: r.file,
    format: r.format,
    sheets: r.sheets.map((s) => ({ ...s })),
    unit: null,
    rows: r.rows,
    issues: r.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      field: i.field,
      message: i.message,
      messageEn: i.messageEn,
    })),
  };
}
