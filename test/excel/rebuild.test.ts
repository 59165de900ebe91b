/**
 * "Cập nhật Theo dõi và Báo cáo": after the clerk deleted rows of Tổng hợp by hand, Theo dõi and
 * Báo cáo are redrawn from the master as it now stands — the same sheets a new master of that content
 * would have — and nothing else of the workbook is written.
 */
import { computeTracker } from '../../src/core/master/tracker';
import {
  createCampaign,
  GatewayError,
  mergeFiles,
  readMaster,
  rebuildTrackerAndReport,
} from '../../src/excel/gateway';
import type { FakeExcel } from '../support/fake-excel';
import { ROSTER } from '../core/master/lists';
import { host, listsFrom, NOW, TODAY, withCampaign, type Host } from './helpers';

const UNIT = 'Đơn vị gửi';
const [VAN_LAM, MY_HAO] = ROSTER.units.map((u) => u.name) as [string, string];

/** The clerk deletes Tổng hợp rows by hand (Office.js table rows), the first `n` of `unit`. */
async function deleteRowsOf(fake: FakeExcel, unit: string, n: number): Promise<void> {
  const idx = fake.workbook
    .tableRecords('TongHop')
    .map((r, i) => (r[UNIT] === unit ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, n)
    .reverse();
  await fake.Excel.run(async (context) => {
    const rows = context.workbook.tables.getItem('TongHop').rows;
    for (const i of idx) rows.getItemAt(i).delete();
    await context.sync();
  });
}

const trackerRow = (fake: FakeExcel, unit: string) =>
  fake.workbook.tableRecords('TheoDoi').find((r) => r['Đơn vị'] === unit)!;

async function merged(): Promise<Host> {
  const h = host();
  await withCampaign(h);
  await mergeFiles(h.excel, listsFrom(ROSTER, 3), { now: NOW, today: TODAY, office: h.office });
  return h;
}

test('rows deleted by hand in Tổng hợp: Theo dõi and Báo cáo count what is left, nothing else is written', async () => {
  const h = await merged();
  expect(trackerRow(h.fake, VAN_LAM)['Tổng số đề nghị']).toBe(3);
  await deleteRowsOf(h.fake, VAN_LAM, 2);
  // until the rebuild, Theo dõi still shows the old count
  expect(trackerRow(h.fake, VAN_LAM)['Tổng số đề nghị']).toBe(3);
  // … and widens columns of the other sheets, which a rewrite of them would set back
  await h.fake.Excel.run(async (context) => {
    for (const name of ['Cấu hình', 'Tổng hợp', 'Kiểm tra', 'Nhật ký'])
      context.workbook.worksheets.getItem(name).getRange('B:B').format.columnWidth = 222;
    await context.sync();
  });
  const reportBefore = h.fake.workbook.sheetValues('Báo cáo');
  const untouched = () =>
    h.fake.workbook.snapshot().sheets.filter((s) => s.name !== 'Theo dõi' && s.name !== 'Báo cáo');
  const before = untouched();
  expect(before).toHaveLength(7); // Sheet1 and the six other sheets of the master
  h.fake.resetStats();

  const res = await rebuildTrackerAndReport(h.excel, TODAY, { office: h.office });
  expect(res.syncs).toBe(h.fake.stats.syncs);
  expect(res.syncs).toBe(3); // read (2), write (1)
  expect(res.problems).toEqual([]);
  expect(res.skipped).toEqual([]);

  expect(trackerRow(h.fake, VAN_LAM)).toMatchObject({ 'Tổng số đề nghị': 1, 'Tập thể': 0, 'Cá nhân': 1 });
  expect(trackerRow(h.fake, MY_HAO)['Tổng số đề nghị']).toBe(3);
  const model = (await readMaster(h.excel)).model!;
  expect(model.rows).toHaveLength(7);
  expect(h.fake.workbook.tableRecords('TheoDoi').map((r) => r['Tổng số đề nghị'])).toEqual(
    computeTracker(model).map((t) => t.rows),
  );
  expect(h.fake.workbook.sheetValues('Báo cáo')).not.toEqual(reportBefore);
  expect(untouched()).toEqual(before);

  // the same two sheets a new master with this content gets
  const fresh = host();
  await createCampaign(fresh.excel, model, TODAY, { office: fresh.office });
  expect(h.fake.workbook.tableValues('TheoDoi')).toEqual(fresh.fake.workbook.tableValues('TheoDoi'));
  expect(h.fake.workbook.sheetValues('Báo cáo')).toEqual(fresh.fake.workbook.sheetValues('Báo cáo'));
});

test('a renamed Theo dõi is rewritten in place; a deleted Báo cáo is drawn again', async () => {
  const h = await merged();
  await deleteRowsOf(h.fake, MY_HAO, 3);
  await h.fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Theo dõi').name = 'Tiến độ';
    context.workbook.worksheets.getItem('Báo cáo').delete();
    await context.sync();
  });
  await rebuildTrackerAndReport(h.excel, TODAY, { office: h.office });
  const names = h.fake.workbook.sheets.map((s) => s.name);
  expect(names).toContain('Tiến độ');
  expect(names).not.toContain('Theo dõi');
  expect(names).toContain('Báo cáo');
  expect(h.fake.workbook.table('TheoDoi').sheet.name).toBe('Tiến độ');
  expect(trackerRow(h.fake, MY_HAO)['Tổng số đề nghị']).toBe(0);
  const fresh = host();
  await createCampaign(fresh.excel, (await readMaster(h.excel)).model!, TODAY, { office: fresh.office });
  expect(h.fake.workbook.sheetValues('Báo cáo')).toEqual(fresh.fake.workbook.sheetValues('Báo cáo'));
  // six nominees left of nine: the totals row of section I says so
  const totals = h.fake.workbook.sheetValues('Báo cáo').find((r) => r.includes('Tổng cộng'))!;
  expect(totals.filter((v) => v !== '').slice(-3)).toEqual([2, 4, 6]);
});

test('a workbook with no campaign: a message in Vietnamese, nothing written', async () => {
  const h = host();
  const before = h.fake.workbook.snapshot();
  const err = await rebuildTrackerAndReport(h.excel, TODAY, { office: h.office }).catch((e) => e);
  expect(err).toBeInstanceOf(GatewayError);
  expect(err.message).toMatch(/^Sổ tính đang mở chưa có đợt tổng hợp nào \(không thấy bảng CauHinh\)/);
  expect(h.fake.workbook.snapshot()).toEqual(before);
});
