/**
 * The browser page's master: an .xlsx the clerk opened (or a new one), held in memory. Reading uses the same
 * reader as the command line; writing uses exceljs (loaded only when the master is first written), keeping
 * the clerk's other sheets. Nothing leaves the browser: "download" hands the bytes to the page.
 */
import { mergeLists } from '../../core/master/merge';
import type { MasterModel } from '../../core/master/model';
import { buildWritePlan } from '../../core/master/plan';
import { masterFromGrid } from '../../core/master/read-master';
import type { MasterState, WorkbookHost } from './workbook-host';

export const NEW_MASTER_NAME = 'Tong_hop_danh_sach.xlsx';

async function writeBytes(model: MasterModel, today: string, base: Uint8Array | null): Promise<Uint8Array> {
  const { writeMasterBytes } = await import(/* webpackChunkName: "xlsx-writer" */ '../../io/master-xlsx');
  return writeMasterBytes(buildWritePlan(model, today), base);
}

export function fileHost(language: string): WorkbookHost {
  let name: string | null = null;
  let bytes: Uint8Array | null = null;
  let model: MasterModel | null = null;

  const readBytes = async (file: string, data: Uint8Array): Promise<MasterState> => {
    const { readWorkbook } = await import(/* webpackChunkName: "reader" */ '../../io/read-workbook');
    const read = readWorkbook(data, file);
    if (!read.workbook) {
      throw new Error(
        `Không đọc được tệp tổng hợp „${file}”: ${read.issues.map((i) => i.message).join(' ')}`,
      );
    }
    const m = masterFromGrid(read.workbook);
    if (!m.model) {
      throw new Error(
        `Tệp „${file}” không phải tệp tổng hợp của Tổng hợp danh sách. ${m.problems.join(' ')}`,
      );
    }
    return { model: m.model, problems: m.problems };
  };

  return {
    kind: 'file',
    language,
    async read() {
      return { model, problems: [] };
    },
    async open(file, data) {
      const b = new Uint8Array(data);
      const state = await readBytes(file, b);
      name = file;
      bytes = b;
      model = state.model;
      return state;
    },
    async create(m, today) {
      bytes = await writeBytes(m, today, null);
      model = m;
      name = name ?? NEW_MASTER_NAME;
    },
    async merge(lists, opts) {
      if (!model) throw new Error('Chưa mở tệp tổng hợp nào.');
      opts.onProgress?.(1, 3, 'Gộp danh sách');
      const result = mergeLists(model, lists, opts.now);
      if (result.changed) {
        opts.onProgress?.(2, 3, 'Ghi tệp tổng hợp');
        bytes = await writeBytes(result.model, opts.today, bytes);
        model = result.model;
      }
      opts.onProgress?.(3, 3, 'Xong');
      return { ...result, skipped: [] };
    },
    async rebuildReport(today) {
      if (!model) throw new Error('Chưa mở tệp tổng hợp nào.');
      bytes = await writeBytes(model, today, bytes);
    },
    async download() {
      if (!bytes) throw new Error('Chưa có tệp tổng hợp để tải về.');
      return { name: name ?? NEW_MASTER_NAME, bytes };
    },
    fileName: () => name,
  };
}
