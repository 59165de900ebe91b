/**
 * Redrawing Theo dõi and Báo cáo from the master as it now stands — after the clerk deleted, typed or
 * edited rows of Tổng hợp by hand — in one Excel.run: read the master (2 round trips, +1 per further
 * block of a long table), then write only those two sheets (1 round trip, +1 per further 4.5 MB chunk).
 * Nothing else of the workbook is written: Tổng hợp, Kiểm tra and Nhật ký stay as the clerk left them.
 */
import { SHEETS } from '../core/master/model';
import { buildWritePlan } from '../core/master/plan';
import type { SheetPlan } from '../core/plan/write-plan';
import { applyPlan } from './apply-plan';
import { GatewayError, describeError } from './errors';
import type { ExcelApi, OfficeApi } from './office-api';
import { OLD_EXCEL } from './merge-in-excel';
import { masterFromSnapshot } from './read-master';
import { requirementsOf, SkipLog } from './requirements';
import { Requests, type RequestStats } from './requests';
import { lower, readSnapshot } from './snapshot';

export interface RebuildOptions {
  /** `Office` for feature detection (default: the global one). */
  office?: OfficeApi;
  /** Payload budget of one request in bytes (default 4.5 MB). */
  requestBudget?: number;
}

export interface RebuildResult {
  /** context.sync() calls made. */
  syncs: number;
  /** Largest estimated request payload, in bytes. */
  largestRequest: number;
  /** Problems met reading the master (missing tables …), in Vietnamese. */
  problems: string[];
  /** What this Excel could not do, in Vietnamese. */
  skipped: string[];
}

/** The plan sheets this rebuild writes: Theo dõi (by its table) and Báo cáo (by its sheet). */
export function isTrackerOrReport(sp: SheetPlan): boolean {
  if (sp.table) return lower(sp.table.name) === lower(SHEETS.tracker.table);
  return lower(sp.name) === lower(SHEETS.report.sheet);
}

export async function rebuildTrackerAndReport(
  excel: ExcelApi,
  today: string,
  opts: RebuildOptions = {},
): Promise<RebuildResult> {
  let stats: RequestStats = { syncs: 0, largestRequest: 0 };
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      stats = req.stats;
      const requirements = requirementsOf(opts.office);
      if (!requirements.baseOk()) throw new GatewayError(OLD_EXCEL);
      const snapshot = await readSnapshot(req);
      const read = masterFromSnapshot(snapshot);
      if (!read.model) {
        throw new GatewayError(
          `Sổ tính đang mở chưa có đợt tổng hợp nào (không thấy bảng ${SHEETS.config.table}): ` +
            'không có gì để cập nhật Theo dõi và Báo cáo. Hãy mở tệp tổng hợp hoặc tạo đợt mới.',
          read.problems,
        );
      }
      const model = read.model;
      const skip = new SkipLog();
      await applyPlan(context, model, model, buildWritePlan(model, today), {
        snapshot,
        requests: req,
        requirements,
        skip,
        only: isTrackerOrReport,
      });
      await req.flush();
      return {
        syncs: req.stats.syncs,
        largestRequest: req.stats.largestRequest,
        problems: read.problems,
        skipped: skip.messages,
      };
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(
      `Chưa cập nhật xong Theo dõi và Báo cáo: Excel báo lỗi (${describeError(e)}) sau ${stats.syncs} lượt ` +
        'trao đổi với Excel. Dữ liệu ở Tổng hợp không bị ảnh hưởng; hãy bấm cập nhật lại.',
      [],
      e,
    );
  }
}
