/**
 * Feature detection: which optional parts of the Excel API this Excel has
 * (Office.context.requirements.isSetSupported('ExcelApi', '1.x')). The manifest asks for ExcelApi 1.7;
 * anything newer is used only when present, and what had to be left out is reported to the clerk.
 */
import type { OfficeApi } from './office-api';

/** Optional features and the ExcelApi version each needs. */
export const FEATURES = {
  /** Data validation lists (dropdowns). */
  dropdowns: '1.8',
  /** Print setup of Báo cáo (worksheet.pageLayout). */
  print: '1.9',
  /** table.resize. */
  tableResize: '1.13',
} as const;

export type Feature = keyof typeof FEATURES;

/** What the clerk is told when a feature had to be left out (Vietnamese). */
export const SKIPPED_VI: Record<Feature, string> = {
  dropdowns: 'Excel này chưa hỗ trợ danh sách chọn (ExcelApi 1.8): các cột không có danh sách thả xuống.',
  print:
    'Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9): hãy chỉnh khổ giấy A4 cho trang Báo cáo bằng tay.',
  tableResize:
    'Excel này chưa hỗ trợ đổi kích thước bảng (ExcelApi 1.13): bảng được ghi lại bằng cách xóa và thêm dòng.',
};

/** The minimum of the manifest; Excel older than this cannot run the add-in at all. */
export const MINIMUM_API = '1.7';

export interface Requirements {
  has(feature: Feature): boolean;
  /** Whether the base version the gateway needs is there (unknown hosts are given the benefit of doubt). */
  baseOk(): boolean;
}

function globalOffice(): OfficeApi | undefined {
  const g = globalThis as { Office?: OfficeApi };
  return g.Office;
}

/**
 * Requirements of `office` (default: the global `Office`). Without any way to ask, only the base
 * version is assumed: the optional features are left out.
 */
export function requirementsOf(office: OfficeApi | undefined = globalOffice()): Requirements {
  const ask = (v: string): boolean | null => {
    try {
      const r = office?.context?.requirements;
      return r ? r.isSetSupported('ExcelApi', v) : null;
    } catch {
      return null;
    }
  };
  const cache = new Map<string, boolean | null>();
  const cached = (v: string) => {
    if (!cache.has(v)) cache.set(v, ask(v));
    return cache.get(v)!;
  };
  return {
    has: (f) => cached(FEATURES[f]) === true,
    baseOk: () => cached(MINIMUM_API) !== false,
  };
}

/** Collects the features left out during one write, once each. */
export class SkipLog {
  private readonly seen = new Set<string>();
  readonly messages: string[] = [];
  feature(f: Feature): void {
    this.note(SKIPPED_VI[f]);
  }
  note(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.messages.push(message);
  }
}
