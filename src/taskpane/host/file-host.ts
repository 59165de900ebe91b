/**
 * The browser page's master: an .xlsx the clerk opened (or a new one), held in memory. Reading uses the same
 * reader as the command line; writing uses exceljs, keeping the clerk's other sheets — both in a Web Worker
 * in the browser (master-ops.ts). Nothing leaves the browser: "download" hands the bytes to the page.
 */
import { mergeLists } from '../../core/master/merge';
import type { MasterModel } from '../../core/master/model';
import { inThreadOps, type MasterOps } from './master-ops';
import type { WorkbookHost } from './workbook-host';

export const NEW_MASTER_NAME = 'Tong_hop_danh_sach.xlsx';

export function fileHost(language: string, ops: MasterOps = inThreadOps): WorkbookHost {
  let name: string | null = null;
  let bytes: Uint8Array | null = null;
  let model: MasterModel | null = null;

  return {
    kind: 'file',
    language,
    async read() {
      return { model, problems: [] };
    },
    async open(file, data) {
      const b = new Uint8Array(data);
      const state = await ops.read(file, b);
      name = file;
      bytes = b;
      model = state.model;
      return state;
    },
    async create(m, today) {
      bytes = await ops.write(m, today, null);
      model = m;
      name = name ?? NEW_MASTER_NAME;
    },
    async merge(lists, opts) {
      if (!model) throw new Error('Chưa mở tệp tổng hợp nào.');
      opts.onProgress?.(1, 3, 'Gộp danh sách');
      const result = mergeLists(model, lists, opts.now);
      if (result.changed) {
        opts.onProgress?.(2, 3, 'Ghi tệp tổng hợp');
        bytes = await ops.write(result.model, opts.today, bytes);
        model = result.model;
      }
      opts.onProgress?.(3, 3, 'Xong');
      return { ...result, skipped: [] };
    },
    async rebuildReport(today) {
      if (!model) throw new Error('Chưa mở tệp tổng hợp nào.');
      bytes = await ops.write(model, today, bytes);
    },
    async download() {
      if (!bytes) throw new Error('Chưa có tệp tổng hợp để tải về.');
      return { name: name ?? NEW_MASTER_NAME, bytes };
    },
    fileName: () => name,
  };
}
