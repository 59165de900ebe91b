/** What the table finder hands to the validator. All row/column indexes are 0-based sheet positions. */
import type { GridCell } from '../grid';
import type { Issue } from '../issues';

export interface ColumnMapping {
  /** 0-based sheet column. */
  col: number;
  /** Header text as read (parent and child of a two-row header joined with " / "). */
  header: string;
  /** Field name it maps to, or null for an unknown column (STT is recognised and mapped to null). */
  field: string | null;
  /** 0..1 confidence of the mapping; 1 for an exact alias match. */
  score: number;
  /** The column is the row-number column (STT / TT / Số TT). */
  isRowNumber?: boolean;
}

export interface TableRow {
  /** 0-based sheet row. */
  r: number;
  /** Cells by field name, with the column they came from. */
  cells: Record<string, { cell: GridCell | undefined; col: number }>;
  /** Type (loai) set by the section row or sheet name above, when there is one. */
  sectionLoai?: string;
  /** Cells present outside the mapped columns but inside the table width (for extra-cell). */
  extraCols?: number[];
}

export interface SkippedRow {
  r: number;
  /** Why the row is not a nominee: a section header, numbering row, blank row, footnote, signature. */
  reason: 'section' | 'numbering' | 'blank' | 'footer' | 'note' | 'header';
  text: string;
}

export interface FoundTable {
  sheet: string;
  /** 0-based rows of the header (one or two rows). */
  headerRows: number[];
  columns: ColumnMapping[];
  rows: TableRow[];
  skipped: SkippedRow[];
  /** Set when the sheet says it has no nominees ("Đơn vị không có tập thể, cá nhân đề nghị"). */
  noNomineesNote?: { r: number; text: string };
  /** Header issues: missing-label, extra-label, blank-label, duplicate-label. */
  issues: Issue[];
  /**
   * Where reading stopped before the end of the sheet (0-based row): at the footnotes or signature block,
   * at another table below the list (a title or a different header after blank rows), or after a long run
   * of blank rows. Absent when the list runs to the last row.
   */
  end?: { r: number; reason: 'footer' | 'second-table' | 'long-gap' };
}
