/**
 * Where the master lives. The pane speaks to one of two hosts with the same interface:
 *   - excel-host.ts: the workbook open in Excel, through the gateway (src/excel);
 *   - file-host.ts: a master .xlsx held in the browser page's memory, downloaded when the clerk wants it.
 */
import type { GridWorkbook } from '../../core/grid';
import type { IncomingList, MergeResult } from '../../core/master/merge';
import type { MasterModel } from '../../core/master/model';

export interface MasterState {
  /** Null when the workbook holds no campaign yet. */
  model: MasterModel | null;
  /** What is wrong with the master as read (missing tables …), in Vietnamese. */
  problems: string[];
}

export interface HostMergeResult extends MergeResult {
  /** What this host could not do (old Excel features), in Vietnamese. */
  skipped: string[];
}

export type MasterPart = 'rows' | 'tracker' | 'report' | 'issues' | 'log';

export interface WorkbookHost {
  kind: 'excel' | 'file';
  /** Office's display language or the browser's. */
  language: string;
  read(): Promise<MasterState>;
  create(model: MasterModel, today: string): Promise<void>;
  merge(
    lists: IncomingList[],
    opts: { now: string; today: string; onProgress?(step: number, total: number, label: string): void },
  ): Promise<HostMergeResult>;
  rebuildReport(today: string): Promise<void>;
  /** Excel only: select a unit's rows in Tổng hợp, show a sheet, read the sheet the clerk is on. */
  goToUnit?(unit: string): Promise<number>;
  goToPart?(part: MasterPart): Promise<void>;
  readActiveSheet?(): Promise<GridWorkbook>;
  /** Browser page only: the master as a file, its name, and opening another one. */
  download?(): Promise<{ name: string; bytes: Uint8Array }>;
  open?(name: string, bytes: ArrayBuffer): Promise<MasterState>;
  fileName?(): string | null;
}
