/**
 * The Excel gateway (GUIDE §2): the only code that calls Excel.run / context.sync. The task pane passes
 * it the real `Excel` (or the fake of the tests) and gets plain data back.
 *
 *   readMaster(excel)                         → the master model of the open workbook
 *   createCampaign(excel, model, today)       → the sheets and tables of a new master
 *   mergeFiles(excel, lists, { now, today })  → merge checked lists into the open master
 */
import type { MasterModel } from '../core/master/model';
import { buildWritePlan } from '../core/master/plan';
import { SHEETS } from '../core/master/model';
import { applyPlan } from './apply-plan';
import { GatewayError, describeError } from './errors';
import type { ExcelApi, OfficeApi } from './office-api';
import { OLD_EXCEL } from './merge-in-excel';
import { requirementsOf } from './requirements';
import { Requests } from './requests';
import { lower, readSnapshot } from './snapshot';

export { readMaster, type GatewayRead } from './read-master';
export { mergeFiles, type ExcelMergeResult, type MergeOptions } from './merge-in-excel';
export { applyPlan, type ApplyOptions, type ApplyResult } from './apply-plan';
export { GatewayError } from './errors';
export type { ExcelApi, OfficeApi } from './office-api';
export {
  goToSheet,
  goToUnitRows,
  type GoToSheetResult,
  type MasterSheetPart,
  type NavigateOptions,
  type UnitRowsResult,
} from './navigate';
export { readActiveSheet, type ActiveSheetOptions } from './active-sheet';
export { rebuildTrackerAndReport, type RebuildOptions, type RebuildResult } from './rebuild';

export interface CreateResult {
  syncs: number;
  largestRequest: number;
  /** What this Excel could not do, in Vietnamese. */
  skipped: string[];
}

/** Creates the master's sheets and tables in the open workbook; refuses when it already has a campaign. */
export async function createCampaign(
  excel: ExcelApi,
  model: MasterModel,
  today: string,
  opts: { office?: OfficeApi; requestBudget?: number } = {},
): Promise<CreateResult> {
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      const requirements = requirementsOf(opts.office);
      if (!requirements.baseOk()) throw new GatewayError(OLD_EXCEL);
      const snapshot = await readSnapshot(req);
      if (snapshot.tables.has(lower(SHEETS.config.table))) {
        const t = snapshot.tables.get(lower(SHEETS.config.table))!;
        throw new GatewayError(
          `Sổ tính này đã có một đợt tổng hợp (bảng ${SHEETS.config.table} ở trang „${t.sheet}”). ` +
            'Không tạo đợt mới để khỏi ghi đè dữ liệu; hãy mở một sổ tính trống.',
        );
      }
      const result = await applyPlan(context, null, model, buildWritePlan(model, today), {
        snapshot,
        requests: req,
        requirements,
      });
      await req.flush();
      return { syncs: req.stats.syncs, largestRequest: req.stats.largestRequest, skipped: result.skipped };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(`Không tạo được đợt tổng hợp: Excel báo lỗi (${describeError(e)}).`, [], e);
  }
}
