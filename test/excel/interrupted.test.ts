/**
 * Office.js cannot write a workbook atomically: a connection can drop at any round trip. Whatever the
 * round trip that fails (before Excel ran it, or after — the answer lost), Nhật ký shows the merge as
 * not finished ("Chưa xong (bị gián đoạn)") once its first write went through, and merging the same
 * files again converges to the master a clean merge makes: the same Tổng hợp rows, the same Theo dõi.
 *
 * A small request budget splits the merge into many round trips, so that failures fall between chunks
 * of the same sheet too.
 */
import { computeTracker } from '../../src/core/master/tracker';
import { GatewayError, mergeFiles, readMaster } from '../../src/excel/gateway';
import type { CellValue } from '../support/fake-excel';
import { incoming, ROSTER } from '../core/master/lists';
import { host, nomineesOf, NOW, TODAY, withCampaign, type Host } from './helpers';

const BUDGET = 24 * 1024;
const [VAN_LAM, MY_HAO, SO_Y_TE] = ROSTER.units.map((u) => u.name) as [string, string, string];
const PENDING = 'Chưa xong (bị gián đoạn)';
const SECOND_NOW = '2023-05-19 10:00:00';

const firstLists = [
  incoming('Van_Lam.xlsx', VAN_LAM, { nominees: nomineesOf(0, 6) }, '2023-05-16'),
  incoming('My_Hao.xlsx', MY_HAO, { nominees: nomineesOf(1, 6) }, '2023-05-17'),
];
const secondLists = [
  incoming('Van_Lam (lần 2).xlsx', VAN_LAM, { nominees: nomineesOf(0, 8, 1) }, '2023-05-19'),
  incoming('SYT.xlsx', SO_Y_TE, { nominees: nomineesOf(2, 10) }, '2023-05-19'),
];

/** A master with two units merged and a row the clerk typed; the counters start from zero after it. */
async function prepared(): Promise<Host> {
  const h = host();
  await withCampaign(h);
  await mergeFiles(h.excel, firstLists, { now: NOW, today: TODAY, office: h.office, requestBudget: BUDGET });
  await h.fake.Excel.run(async (context) => {
    const table = context.workbook.tables.getItem('TongHop');
    const header = table.getHeaderRowRange().load('values');
    await context.sync();
    const names = header.values[0] as string[];
    const cells: Record<string, string> = {
      'Đơn vị gửi': MY_HAO,
      'Họ và tên / Tên tập thể': 'Đỗ Văn Tay',
      Loại: 'Cá nhân',
    };
    table.rows.add(null, [names.map((n) => cells[n] ?? '')]);
    await context.sync();
  });
  h.fake.resetStats();
  return h;
}

const merge = (h: Host) =>
  mergeFiles(h.excel, secondLists, {
    now: SECOND_NOW,
    today: TODAY,
    office: h.office,
    requestBudget: BUDGET,
  });

/** Tổng hợp as a multiset of rows (STT follows the order, which an interrupted merge may change). */
function tongHop(h: Host): string[] {
  return h.fake.workbook
    .tableRecords('TongHop')
    .map((r) => JSON.stringify({ ...r, STT: null }))
    .sort();
}

function results(h: Host): CellValue[] {
  return h.fake.workbook.tableRecords('NhatKy').map((r) => r['Kết quả']!);
}

interface Outcome {
  rows: string[];
  tracker: CellValue[][];
  model: ReturnType<typeof computeTracker>;
}

async function outcome(h: Host): Promise<Outcome> {
  return {
    rows: tongHop(h),
    tracker: h.fake.workbook.tableValues('TheoDoi'),
    model: computeTracker((await readMaster(h.excel)).model!),
  };
}

let clean: Outcome;
let syncs: number;

beforeAll(async () => {
  const h = await prepared();
  const res = await merge(h);
  syncs = h.fake.stats.syncs;
  expect(res.syncs).toBe(syncs);
  clean = await outcome(h);
  expect(results(h).slice(-2)).toEqual(['Thay danh sách cũ', 'Đã gộp']);
});

test('the clean merge takes several round trips under the small budget', () => {
  // 2 to read, 1 for the pending log, several for the other sheets, 1 for the final log
  expect(syncs).toBeGreaterThan(8);
});

describe.each(['before', 'after'] as const)('a dropped connection (%s Excel ran the request)', (mode) => {
  test('at every round trip k of the merge, then merging again, converges to the clean master', async () => {
    for (let k = 1; k <= syncs; k++) {
      const h = await prepared();
      h.fake.setFailSync(k, mode);
      await expect(merge(h)).rejects.toBeInstanceOf(GatewayError);
      h.fake.setFailSync(undefined);

      // The pending log is the 3rd round trip (after the 2 reading ones); the final log the last one.
      const logWritten = mode === 'before' ? k > 3 : k >= 3;
      const finalWritten = mode === 'after' && k === syncs;
      const pendingShown = logWritten && !finalWritten;
      const log = results(h);
      expect({ k, pending: log.filter((x) => x === PENDING).length }).toEqual({
        k,
        pending: pendingShown ? 2 : 0,
      });
      const read = await readMaster(h.excel);
      expect(read.model).not.toBeNull();

      const again = await merge(h);
      expect({ k, changed: again.changed }).toEqual({ k, changed: !finalWritten });
      const got = await outcome(h);
      expect({ k, rows: got.rows }).toEqual({ k, rows: clean.rows });
      expect({ k, tracker: got.tracker }).toEqual({ k, tracker: clean.tracker });
      expect({ k, model: got.model }).toEqual({ k, model: clean.model });
      // the log keeps the interrupted attempt, and ends with the merge that went through
      const after = results(h);
      expect(after.slice(-2)).toEqual(['Thay danh sách cũ', 'Đã gộp']);
      expect(after.filter((x) => x === PENDING)).toHaveLength(pendingShown ? 2 : 0);
    }
  });
});
