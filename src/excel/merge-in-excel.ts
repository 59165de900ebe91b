/**
 * The merge round in Excel: read the master, run the engine, write the result — in one Excel.run and a
 * number of round trips that does not depend on how many files are merged:
 *   read (2: names; table places with their first 500 rows, +1 per further block of a longer table) →
 *   Nhật ký with the new entries marked pending (1) → every other sheet (1, +1 per further 4.5 MB
 *   chunk) → the final Nhật ký (1).
 * Office.js cannot write a workbook atomically: a merge cut off midway leaves its log entries as
 * "Chưa xong (bị gián đoạn)", which the engine ignores, so merging the same files again converges.
 */
import { mergeLists, withPendingLog, type IncomingList, type MergeResult } from '../core/master/merge';
import { SHEETS } from '../core/master/model';
import { buildWritePlan } from '../core/master/plan';
import type { SheetPlan } from '../core/plan/write-plan';
import { applyPlan } from './apply-plan';
import { GatewayError, describeError } from './errors';
import type { ExcelApi, OfficeApi } from './office-api';
import { masterFromSnapshot } from './read-master';
import { requirementsOf, SkipLog } from './requirements';
import { Requests, type RequestStats } from './requests';
import { lower, readSnapshot } from './snapshot';

export interface MergeOptions {
  /** Time of the merge for the log (local time of the campaign as text). */
  now: string;
  /** Date of the report (YYYY-MM-DD). */
  today: string;
  /** Called at each step: step 1..total. */
  onProgress?(step: number, total: number, label: string): void;
  /** `Office` for feature detection (default: the global one). */
  office?: OfficeApi;
  /** Payload budget of one request in bytes (default 4.5 MB; smaller in tests, to force chunks). */
  requestBudget?: number;
}

export interface ExcelMergeResult extends MergeResult {
  /** context.sync() calls made. */
  syncs: number;
  /** Largest estimated request payload, in bytes. */
  largestRequest: number;
  /** Problems met reading the master (missing tables …), in Vietnamese. */
  problems: string[];
  /** What this Excel could not do, in Vietnamese. */
  skipped: string[];
}

const STEPS = ['Đọc tệp tổng hợp', 'Gộp danh sách', 'Ghi nhật ký (tạm)', 'Ghi các trang', 'Ghi nhật ký'];

const isLog = (sp: SheetPlan) => !!sp.table && lower(sp.table.name) === lower(SHEETS.log.table);

export async function mergeFiles(
  excel: ExcelApi,
  lists: IncomingList[],
  opts: MergeOptions,
): Promise<ExcelMergeResult> {
  const progress = (i: number) => opts.onProgress?.(i + 1, STEPS.length, STEPS[i]!);
  let stats: RequestStats = { syncs: 0, largestRequest: 0 };
  try {
    return await excel.run(async (context) => {
      const req = new Requests(context, opts.requestBudget);
      stats = req.stats;
      const requirements = requirementsOf(opts.office);
      if (!requirements.baseOk()) throw new GatewayError(OLD_EXCEL);
      const skip = new SkipLog();
      progress(0);
      const snapshot = await readSnapshot(req);
      const read = masterFromSnapshot(snapshot);
      if (!read.model) {
        throw new GatewayError(
          `Sổ tính đang mở chưa có đợt tổng hợp nào (không thấy bảng ${SHEETS.config.table}). ` +
            'Hãy tạo đợt mới trước khi gộp danh sách.',
          read.problems,
        );
      }
      const before = read.model;
      progress(1);
      const result = mergeLists(before, lists, opts.now);
      const done = (skipped: string[]): ExcelMergeResult => ({
        ...result,
        syncs: req.stats.syncs,
        largestRequest: req.stats.largestRequest,
        problems: read.problems,
        skipped,
      });
      if (!result.changed) return done([]);
      const after = result.model;
      const plan = buildWritePlan(after, opts.today);
      const common = { snapshot, requests: req, requirements, skip };

      // 1. the log first, with this merge's entries pending
      progress(2);
      const pendingPlan = buildLogPlan(withPendingLog(after, before.log.length), opts.today);
      await applyPlan(context, before, after, pendingPlan, { ...common, only: isLog });
      await req.flush();
      // 2. everything else
      progress(3);
      await applyPlan(context, before, after, plan, { ...common, only: (sp) => !isLog(sp) });
      await req.flush();
      // 3. the log as it really is, last
      progress(4);
      await applyPlan(context, before, after, plan, { ...common, only: isLog });
      await req.flush();
      return done(skip.messages);
    });
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError(
      `Gộp chưa xong: Excel báo lỗi khi ghi (${describeError(e)}) sau ${stats.syncs} lượt trao đổi với Excel. ` +
        'Những dòng „Chưa xong (bị gián đoạn)” trong Nhật ký là của lần gộp này; hãy gộp lại các tệp đó.',
      [],
      e,
    );
  }
}

/** The write plan of the log sheet alone (its other sheets are not needed for the first write). */
function buildLogPlan(model: Parameters<typeof buildWritePlan>[0], today: string) {
  const plan = buildWritePlan({ ...model, rows: [] }, today);
  return { sheets: plan.sheets.filter(isLog) };
}

export const OLD_EXCEL =
  'Phiên bản Excel này quá cũ cho phần bổ trợ (cần ExcelApi 1.7: Excel 2019, Microsoft 365 hoặc Excel trên web).';
