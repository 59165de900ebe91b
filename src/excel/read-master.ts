/**
 * Reading the master open in Excel into the engine's model: the snapshot's tables (header row first,
 * as masterFromTables wants them) handed to the same reader the command line uses.
 */
import {
  masterFromTables,
  PART_NAMES,
  type MasterPart,
  type MasterRead,
  type MasterTables,
} from '../core/master/read-master';
import type { ReadRow } from '../core/master/data-tables';
import type { ExcelApi } from './office-api';
import { Requests, type RequestStats } from './requests';
import { lower, readSnapshot, type Snapshot } from './snapshot';

/** The name the messages use for the open workbook. */
export const OPEN_WORKBOOK = 'sổ tính đang mở';

/** The master's tables of a snapshot, header row first. */
export function masterTablesOf(snap: Snapshot): MasterTables {
  const out: MasterTables = {};
  for (const [part, names] of Object.entries(PART_NAMES) as [MasterPart, { table: string }][]) {
    const t = snap.tables.get(lower(names.table));
    if (!t) continue;
    const rows: ReadRow[] = [t.header, ...t.rows];
    out[part] = rows;
  }
  return out;
}

/** The master read from a snapshot, with what is missing said in Vietnamese. */
export function masterFromSnapshot(snap: Snapshot, fileName = OPEN_WORKBOOK): MasterRead {
  const read = masterFromTables(masterTablesOf(snap), fileName);
  if (!read.model) return read;
  const problems = [...read.problems];
  // masterFromTables already speaks of a missing roster or field list; the others are said here.
  for (const part of ['rows', 'issues', 'log'] as const) {
    const { sheet, table } = PART_NAMES[part];
    if (!snap.tables.has(lower(table))) {
      problems.push(
        `Không thấy bảng ${table} (trang „${sheet}”) trong ${fileName}: bảng có thể đã bị xóa hoặc đổi tên; ` +
          'lần ghi tới sẽ tạo lại bảng này.',
      );
    }
  }
  return { model: read.model, problems };
}

export interface GatewayRead extends MasterRead {
  /** The tables found, by name, with the sheet that holds each. */
  tables: { name: string; sheet: string }[];
  /** Round trips used. */
  syncs: number;
}

/** Reads the master open in Excel. A workbook without the CauHinh table has no campaign: `model` null. */
export async function readMaster(excel: ExcelApi): Promise<GatewayRead> {
  return excel.run(async (context) => {
    const req = new Requests(context);
    const snap = await readSnapshot(req);
    return readResult(snap, req.stats);
  });
}

export function readResult(snap: Snapshot, stats: RequestStats): GatewayRead {
  const read = masterFromSnapshot(snap);
  return {
    ...read,
    tables: [...snap.tables.values()].map((t) => ({ name: t.name, sheet: t.sheet })),
    syncs: stats.syncs,
  };
}
