/**
 * Table columns between the plan and the workbook: header names as Excel keeps them, columns found by
 * header (the clerk may move them), and plan rows laid out in the table's own column order.
 */
import { headerKey } from '../core/text/key';
import { isPlanDate, type ColumnPlan, type PlanValue } from '../core/plan/write-plan';

export { tableHeaders } from '../core/plan/write-plan';
import { excelValue, isTextFormat } from './literal-text';
import type { XlValue } from './office-api';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const GENERAL = 'General';

/** For each plan column, its index among the table's columns (by header), or -1. */
export function locateColumns(tableHeader: readonly string[], planHeaders: readonly string[]): number[] {
  const keys = tableHeader.map((h) => headerKey(h));
  const used = new Set<number>();
  return planHeaders.map((h) => {
    const k = headerKey(h);
    const i = keys.findIndex((x, j) => x === k && !used.has(j));
    if (i >= 0) used.add(i);
    return i;
  });
}

function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && /[dy]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** The number format of one written cell: the column's, or a date format for a date in another column. */
export function cellFormat(col: ColumnPlan | undefined, v: PlanValue | undefined): string {
  const fmt = col?.numberFormat;
  if (v !== undefined && v !== null && isPlanDate(v) && !isDateFormat(fmt)) return DATE_FORMAT;
  return fmt ?? GENERAL;
}

/**
 * How plan rows land in a table: `planOf[c]` is the plan column written in table column c (-1: a column
 * the plan does not know, left as it is). Columns are written in runs of consecutive known columns.
 */
export class Layout {
  readonly runs: { from: number; to: number }[] = [];
  constructor(
    readonly columns: readonly ColumnPlan[],
    readonly planOf: readonly number[],
  ) {
    let c = 0;
    while (c < planOf.length) {
      if (planOf[c]! < 0) {
        c++;
        continue;
      }
      const from = c;
      while (c < planOf.length && planOf[c]! >= 0) c++;
      this.runs.push({ from, to: c });
    }
  }

  get width(): number {
    return this.planOf.length;
  }

  /** A plan row as Excel values over table columns [from, to) ("" for unknown columns). */
  values(row: readonly PlanValue[], from = 0, to = this.width): XlValue[] {
    const out: XlValue[] = [];
    for (let c = from; c < to; c++) {
      const p = this.planOf[c]!;
      if (p < 0) {
        out.push('');
        continue;
      }
      const col = this.columns[p];
      out.push(excelValue(row[p], isTextFormat(col?.numberFormat)));
    }
    return out;
  }

  /** Number formats of a plan row over table columns [from, to) (General for unknown columns). */
  formats(row: readonly PlanValue[] | null, from = 0, to = this.width): string[] {
    const out: string[] = [];
    for (let c = from; c < to; c++) {
      const p = this.planOf[c]!;
      out.push(p < 0 ? GENERAL : cellFormat(this.columns[p], row ? row[p] : undefined));
    }
    return out;
  }

  /** The table column of plan column p, or -1. */
  tableColumnOf(p: number): number {
    return this.planOf.indexOf(p);
  }
}

/** A plan value as Office.js reads it back from the cell (for the gateway's own bookkeeping). */
export function readBack(v: PlanValue | undefined): XlValue {
  const x = excelValue(v, true);
  return typeof x === 'string' && x.startsWith("'") ? x.slice(1) : x;
}
