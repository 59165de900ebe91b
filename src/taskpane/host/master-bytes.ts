/** The browser page's master file as bytes: read into the model, written from it (exceljs, keeping other sheets). */
import type { MasterModel } from '../../core/master/model';
import { buildWritePlan } from '../../core/master/plan';
import { masterFromGrid } from '../../core/master/read-master';
import { writeMasterBytes } from '../../io/master-xlsx';
import { readWorkbook } from '../../io/read-workbook';
import type { MasterState } from './workbook-host';

export function readMasterBytes(file: string, data: Uint8Array): MasterState {
  const read = readWorkbook(data, file);
  if (!read.workbook) {
    throw new Error(`Không đọc được tệp tổng hợp „${file}”: ${read.issues.map((i) => i.message).join(' ')}`);
  }
  const m = masterFromGrid(read.workbook);
  if (!m.model) {
    throw new Error(`Tệp „${file}” không phải tệp tổng hợp của Tổng hợp danh sách. ${m.problems.join(' ')}`);
  }
  return { model: m.model, problems: m.problems };
}

export function writeMasterBytesOf(
  model: MasterModel,
  today: string,
  base: Uint8Array | null,
): Promise<Uint8Array> {
  return writeMasterBytes(buildWritePlan(model, today), base);
}
