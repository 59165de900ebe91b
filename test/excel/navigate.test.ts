/**
 * Taking the clerk to a unit's rows of Tổng hợp and to the master's sheets: the sheet becomes the
 * active one and the right cells are selected — wherever the clerk moved, renamed or sorted things —
 * in a number of round trips that does not grow with the table.
 */
import type { MasterModel, MasterRow } from '../../src/core/master/model';
import { computeTracker } from '../../src/core/master/tracker';
import { rowKey } from '../../src/core/master/row-key';
import { createCampaign, goToSheet, goToUnitRows, GatewayError, mergeFiles } from '../../src/excel/gateway';
import { rectAddress, type FakeExcel } from '../support/fake-excel';
import { ROSTER } from '../core/master/lists';
import { host, listsFrom, masterWith, NOW, rosterOf, TODAY, withCampaign, type Host } from './helpers';

const UNIT = 'Đơn vị gửi';

/** The active sheet and what is selected on it, as the clerk sees it. */
function view(fake: FakeExcel): { sheet: string; selected: string[] } {
  const s = fake.workbook.activeSheet!;
  return { sheet: s.name, selected: s.selection.map(rectAddress) };
}

/** Sheet rows (0-based) of the Tổng hợp rows whose unit is `unit`, and the table's column span. */
function rowsOf(fake: FakeExcel, unit: string): { rows: number[]; c0: number; c1: number; header: number } {
  const t = fake.workbook.table('TongHop');
  const rows = fake.workbook
    .tableRecords('TongHop')
    .map((r, i) => (r[UNIT] === unit ? t.rect.r0 + 1 + i : -1))
    .filter((r) => r >= 0);
  return { rows, c0: t.rect.c0, c1: t.rect.c1, header: t.rect.r0 };
}

const block = (r0: number, r1: number, c0: number, c1: number) => rectAddress({ r0, r1, c0, c1 });

/** Consecutive runs of row numbers. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

async function mergedCampaign(h: Host, units = 3): Promise<void> {
  await withCampaign(h);
  await mergeFiles(h.excel, listsFrom(ROSTER, units), {
    now: NOW,
    today: TODAY,
    office: h.office,
  });
  h.fake.resetStats();
}

async function renameSheet(fake: FakeExcel, from: string, to: string): Promise<void> {
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(from).name = to;
    await context.sync();
  });
}

/** A master whose Tổng hợp has `n` rows, the units taking turns (as after the clerk sorts by name). */
function masterWithRows(n: number, units: number): MasterModel {
  const roster = rosterOf(units);
  const rows: MasterRow[] = [];
  for (let i = 0; i < n; i++) {
    const unit = roster.units[i % units]!.name;
    rows.push({
      key: rowKey(unit, `digest${i % units}`, Math.floor(i / units) + 1),
      unit,
      values: {
        ten: `Nguyễn Văn Hùng ${i}`,
        loai: i % 3 ? 'Cá nhân' : 'Tập thể',
        linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
        thanhTich: `Chủ trì mô hình số ${i}, chuyển giao cho 40 hộ; sáng kiến cấp tỉnh năm 2022.`,
      },
      received: '2023-05-18',
      status: 'Hợp lệ',
      file: `DS_${i % units}.xlsx`,
      source: `Danh sách!B${8 + Math.floor(i / units)}`,
      check: [],
    });
  }
  return { ...masterWith(roster), rows };
}

describe('goToUnitRows', () => {
  test("activates Tổng hợp and selects exactly the unit's rows across the table", async () => {
    const h = host();
    await mergedCampaign(h);
    await goToSheet(h.excel, 'log', { office: h.office });
    expect(view(h.fake).sheet).toBe('Nhật ký');

    const unit = ROSTER.units[1]!.name;
    const res = await goToUnitRows(h.excel, unit, { office: h.office });
    const want = rowsOf(h.fake, unit);
    expect(want.rows).toHaveLength(3);
    expect(res.rows).toBe(3);
    expect(res).toMatchObject({ blocks: 1, exact: true, sheet: 'Tổng hợp' });
    const selected = block(want.rows[0]!, want.rows[2]!, want.c0, want.c1);
    expect(view(h.fake)).toEqual({ sheet: 'Tổng hợp', selected: [selected] });
    expect(res.selected).toBe(selected);

    // what an add-in sees through Office.js
    const seen = await h.fake.Excel.run(async (context) => {
      const r = context.workbook.getSelectedRange().load('address,rowCount');
      await context.sync();
      return { address: r.address, rows: r.rowCount };
    });
    expect(seen).toEqual({ address: `'Tổng hợp'!${selected}`, rows: 3 });
  });

  test('finds the table on a renamed sheet; rows scattered by a sort: first to last row, or exactly on ExcelApi 1.18', async () => {
    const unit = ROSTER.units[0]!.name;
    const run = async (api: string) => {
      const h = host({ requirementSets: { ExcelApi: api } });
      await mergedCampaign(h);
      h.fake.workbook.sortTableBy('TongHop', 'Loại'); // individuals first, then collectives
      await renameSheet(h.fake, 'Tổng hợp', 'DS tổng hợp 2023');
      h.fake.resetStats();
      const res = await goToUnitRows(h.excel, unit, { office: h.office });
      return { h, res, want: rowsOf(h.fake, unit) };
    };

    const older = await run('1.17');
    const blocks = runs(older.want.rows);
    expect(blocks.length).toBeGreaterThan(1); // the sort did scatter the unit's rows
    expect(older.res).toMatchObject({
      rows: 3,
      blocks: blocks.length,
      exact: false,
      sheet: 'DS tổng hợp 2023',
    });
    expect(view(older.h.fake)).toEqual({
      sheet: 'DS tổng hợp 2023',
      selected: [block(older.want.rows[0]!, older.want.rows[2]!, older.want.c0, older.want.c1)],
    });

    const newer = await run('1.18');
    expect(newer.res).toMatchObject({ rows: 3, exact: true });
    const areas = runs(newer.want.rows).map(([a, b]) => block(a, b, newer.want.c0, newer.want.c1));
    expect(view(newer.h.fake)).toEqual({ sheet: 'DS tổng hợp 2023', selected: areas });
    expect(newer.res.selected).toBe(areas.join(', '));
    // every selected row is the unit's
    const records = newer.h.fake.workbook.tableRecords('TongHop');
    const t = newer.h.fake.workbook.table('TongHop');
    for (const r of newer.h.fake.workbook.activeSheet!.selection)
      for (let row = r.r0; row <= r.r1; row++) expect(records[row - t.rect.r0 - 1]![UNIT]).toBe(unit);
    expect(newer.h.fake.stats.syncs).toBe(3);
  });

  test('a unit written differently ("UBND TX. Mỹ Hào") is the same unit, as Theo dõi counts it', async () => {
    const h = host();
    await mergedCampaign(h);
    const res = await goToUnitRows(h.excel, 'UBND TX. Mỹ Hào', { office: h.office });
    expect(res.rows).toBe(rowsOf(h.fake, ROSTER.units[1]!.name).rows.length);
  });

  test('a unit with no rows: the header row is selected and 0 returned', async () => {
    const h = host();
    await mergedCampaign(h);
    const res = await goToUnitRows(h.excel, ROSTER.units[3]!.name, { office: h.office });
    const t = rowsOf(h.fake, ROSTER.units[3]!.name);
    expect(res.rows).toBe(0);
    expect(view(h.fake)).toEqual({ sheet: 'Tổng hợp', selected: [block(t.header, t.header, t.c0, t.c1)] });
  });

  test('3 round trips for a table of 10 rows and one of 5,000', async () => {
    const syncsFor = async (n: number) => {
      const h = host();
      const model = masterWithRows(n, 20);
      await createCampaign(h.excel, model, TODAY, { office: h.office });
      h.fake.resetStats();
      const unit = model.roster.units[7]!.name;
      const res = await goToUnitRows(h.excel, unit, { office: h.office });
      const tracked = computeTracker(model).find((t) => t.unit === unit)!;
      expect(res.rows).toBe(tracked.rows);
      expect(res.syncs).toBe(h.fake.stats.syncs);
      expect(h.fake.stats.requests.every((r) => r.outcome === 'ok')).toBe(true);
      return h.fake.stats.syncs;
    };
    expect(await syncsFor(10)).toBe(3);
    expect(await syncsFor(5000)).toBe(3);
  }, 60_000);

  test('a long "Đơn vị gửi" column is read in blocks, each response under the budget', async () => {
    const h = host();
    const model = masterWithRows(5000, 20);
    await createCampaign(h.excel, model, TODAY, { office: h.office });
    h.fake.resetStats();
    const budget = 40_000;
    const unit = model.roster.units[19]!.name;
    const res = await goToUnitRows(h.excel, unit, { office: h.office, requestBudget: budget });
    expect(res.rows).toBe(250);
    expect(res.syncs).toBeGreaterThan(4);
    expect(h.fake.stats.requests.every((r) => r.outcome === 'ok' && r.responseBytes < budget)).toBe(true);
    // the units take turns: from the unit's first row to its last
    const want = rowsOf(h.fake, unit);
    expect(view(h.fake).selected).toEqual([block(want.rows[0]!, want.rows[249]!, want.c0, want.c1)]);
  }, 60_000);

  test('a workbook without Tổng hợp: a message in Vietnamese, nothing selected', async () => {
    const h = host();
    const before = view(h.fake);
    const err = await goToUnitRows(h.excel, ROSTER.units[0]!.name, { office: h.office }).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.message).toMatch(/^Không thấy bảng TongHop \(trang „Tổng hợp”\)/);
    expect(view(h.fake)).toEqual(before);
  });
});

describe('goToSheet', () => {
  const PARTS = [
    ['rows', 'Tổng hợp'],
    ['tracker', 'Theo dõi'],
    ['report', 'Báo cáo'],
    ['issues', 'Kiểm tra'],
    ['log', 'Nhật ký'],
  ] as const;

  test.each(PARTS)('%s: activates „%s” with A1 selected, in one round trip', async (part, sheet) => {
    const h = host();
    await mergedCampaign(h);
    const res = await goToSheet(h.excel, part, { office: h.office });
    expect(view(h.fake)).toEqual({ sheet, selected: ['A1'] });
    expect(res).toEqual({ sheet, syncs: 1 });
    expect(h.fake.stats.syncs).toBe(1);
  });

  test('a renamed sheet is found by its table; going back and forth keeps working', async () => {
    const h = host();
    await mergedCampaign(h);
    await renameSheet(h.fake, 'Theo dõi', 'Theo dõi tiến độ');
    await goToUnitRows(h.excel, ROSTER.units[0]!.name, { office: h.office });
    expect((await goToSheet(h.excel, 'tracker', { office: h.office })).sheet).toBe('Theo dõi tiến độ');
    expect(view(h.fake)).toEqual({ sheet: 'Theo dõi tiến độ', selected: ['A1'] });
    await goToSheet(h.excel, 'rows', { office: h.office });
    expect(view(h.fake)).toEqual({ sheet: 'Tổng hợp', selected: ['A1'] });
  });

  test('a hidden or deleted sheet: the clerk is told why, in Vietnamese', async () => {
    const h = host();
    await mergedCampaign(h);
    await h.fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Kiểm tra').visibility = 'Hidden';
      context.workbook.worksheets.getItem('Báo cáo').delete();
      await context.sync();
    });
    await goToSheet(h.excel, 'log', { office: h.office });
    const before = view(h.fake);

    const hidden = await goToSheet(h.excel, 'issues', { office: h.office }).catch((e) => e);
    expect(hidden).toBeInstanceOf(GatewayError);
    expect(hidden.message).toMatch(/^Trang „Kiểm tra” \(bảng KiemTra\) đang bị ẩn/);
    const gone = await goToSheet(h.excel, 'report', { office: h.office }).catch((e) => e);
    expect(gone).toBeInstanceOf(GatewayError);
    expect(gone.message).toMatch(/^Không thấy trang „Báo cáo”/);
    expect(view(h.fake)).toEqual(before);
  });
});
