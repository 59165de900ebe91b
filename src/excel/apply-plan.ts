/**
 * Applies the engine's write plan to the open workbook, sheet by sheet: each table is found by its name
 * (whatever its sheet is called) or created on a new sheet; Tổng hợp is updated row by row (by key), the
 * other tables rewritten in place, Báo cáo redrawn. Requests are counted and kept under the payload
 * budget by `Requests`; what this Excel could not do is collected for the clerk.
 */
import { SHEETS, type MasterModel } from '../core/master/model';
import type { SheetPlan, WritePlan } from '../core/plan/write-plan';
import type { RequestContext } from './office-api';
import { requirementsOf, SkipLog, type Requirements } from './requirements';
import { Requests } from './requests';
import { updateRowsTable, type RowsUpdate } from './rows-table';
import { writeReportSheet } from './report-writer';
import { lower, type Snapshot } from './snapshot';
import { addSheet, createTable, rewriteTable, type WriteCtx } from './table-writer';

export interface ApplyOptions {
  /** The workbook as read in this same Excel.run (readSnapshot); kept up to date as sheets are written. */
  snapshot: Snapshot;
  /** The request wrapper of this Excel.run (a new one is made on `context` if absent). */
  requests?: Requests;
  requirements?: Requirements;
  skip?: SkipLog;
  /** Which plan sheets to write (default all). */
  only?: (sheet: SheetPlan) => boolean;
}

export interface ApplyResult {
  /** What this Excel could not do, in Vietnamese, once each. */
  skipped: string[];
  /** Tổng hợp: rows deleted and appended. */
  rows: RowsUpdate | null;
}

/** Plan tables whose content comes from a model part the merge never changes. */
const STATIC_PARTS: Record<string, (m: MasterModel) => unknown> = {
  [lower(SHEETS.config.table)]: (m) => m.config,
  [lower(SHEETS.roster.table)]: (m) => m.roster,
  [lower(SHEETS.fields.table)]: (m) => m.schema,
};

function unchanged(before: MasterModel | null, after: MasterModel, table: string): boolean {
  const part = STATIC_PARTS[lower(table)];
  if (!before || !part) return false;
  const a = part(before);
  const b = part(after);
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export async function applyPlan(
  context: RequestContext,
  before: MasterModel | null,
  after: MasterModel,
  plan: WritePlan,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const w: WriteCtx = {
    req: opts.requests ?? new Requests(context),
    wb: context.workbook,
    snapshot: opts.snapshot,
    features: opts.requirements ?? requirementsOf(),
    skip: opts.skip ?? new SkipLog(),
  };
  let rows: RowsUpdate | null = null;
  for (const sp of plan.sheets) {
    if (opts.only && !opts.only(sp)) continue;
    const t = sp.table;
    if (!t) {
      await writeReportSheet(w, sp);
      continue;
    }
    const snap = w.snapshot.tables.get(lower(t.name));
    if (!snap) {
      const { ws, name } = await addSheet(w, sp.name);
      await createTable(w, sp, t, ws, name);
    } else if (lower(t.name) === lower(SHEETS.rows.table)) {
      rows = await updateRowsTable(w, sp, t, snap);
    } else if (!unchanged(before, after, t.name)) {
      await rewriteTable(w, sp, t, snap);
    }
  }
  return { skipped: w.skip.messages, rows };
}
