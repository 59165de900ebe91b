/**
 * The clerk's work is safe: Tổng hợp is matched by the hidden key "Mã dòng", never by position. The
 * clerk sorts the table by name, adds a row by hand, edits a cell of another unit's row and renames
 * the sheet; then a unit re-submits — its old rows go, its new ones come, everything else stays.
 */
import { mergeLists } from '../../src/core/master/merge';
import type { MasterRow } from '../../src/core/master/model';
import { mergeFiles, readMaster } from '../../src/excel/gateway';
import type { FakeExcel } from '../support/fake-excel';
import { incoming, ROSTER } from '../core/master/lists';
import { host, nomineesOf, NOW, TODAY, withCampaign } from './helpers';

const NAME = 'Họ và tên / Tên tập thể';
const [VAN_LAM, MY_HAO, SO_Y_TE] = ROSTER.units.map((u) => u.name) as [string, string, string];

/** Types a row into Tổng hợp as the clerk does (rows.add through Office.js), by column header. */
async function typeRow(fake: FakeExcel, cells: Record<string, string | number>): Promise<void> {
  await fake.Excel.run(async (context) => {
    const table = context.workbook.tables.getItem('TongHop');
    const header = table.getHeaderRowRange().load('values');
    await context.sync();
    const names = header.values[0] as string[];
    table.rows.add(null, [names.map((n) => cells[n] ?? '')]);
    await context.sync();
  });
}

/** Edits one cell of the first row whose `whereColumn` is `whereValue`. */
async function editCell(
  fake: FakeExcel,
  whereColumn: string,
  whereValue: string,
  column: string,
  value: string,
) {
  await fake.Excel.run(async (context) => {
    const table = context.workbook.tables.getItem('TongHop');
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange().load('values');
    await context.sync();
    const names = header.values[0] as string[];
    const r = body.values.findIndex((row) => row[names.indexOf(whereColumn)] === whereValue);
    body.getCell(r, names.indexOf(column)).values = [[value]];
    await context.sync();
  });
}

async function renameSheet(fake: FakeExcel, from: string, to: string) {
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(from).name = to;
    await context.sync();
  });
}

const sortKey = (r: MasterRow) =>
  JSON.stringify([r.key, r.unit, r.values, r.file, r.source, r.check, r.extra ?? null]);
const multiset = (rows: MasterRow[]) => rows.map(sortKey).sort();

test('sorted by name, a hand row, an edited cell, a renamed sheet: a re-submission keeps all of it', async () => {
  const h = host();
  await withCampaign(h);
  const first = [
    incoming('Van_Lam.xlsx', VAN_LAM, { nominees: nomineesOf(0) }, '2023-05-16'),
    incoming('My_Hao.xlsx', MY_HAO, { nominees: nomineesOf(1) }, '2023-05-17'),
    incoming('SYT.xlsx', SO_Y_TE, { nominees: nomineesOf(2) }, '2023-05-18'),
  ];
  await mergeFiles(h.excel, first, { now: NOW, today: TODAY, office: h.office });

  // The clerk at work.
  h.fake.workbook.sortTableBy('TongHop', NAME);
  await typeRow(h.fake, {
    'Đơn vị gửi': SO_Y_TE,
    [NAME]: 'Trần Thị Bổ Sung',
    Loại: 'Cá nhân',
    'Lĩnh vực': 'Sở hữu trí tuệ',
    'Kiểm tra': 'Bổ sung theo điện thoại ngày 19/5',
  });
  const myHaoPerson = nomineesOf(1)[1]!.ten;
  await editCell(h.fake, NAME, myHaoPerson, 'Ghi chú', 'Đã xác minh');
  await renameSheet(h.fake, 'Tổng hợp', 'DS tổng hợp 2023');
  const sortedBefore = h.fake.workbook.tableRecords('TongHop');
  const modelBefore = (await readMaster(h.excel)).model!;
  expect(modelBefore.rows).toHaveLength(10);

  // Văn Lâm re-submits a corrected list.
  const second = incoming('Van_Lam (lần 2).xlsx', VAN_LAM, { nominees: nomineesOf(0, 3, 1) }, '2023-05-19');
  const res = await mergeFiles(h.excel, [second], {
    now: '2023-05-19 10:00:00',
    today: TODAY,
    office: h.office,
  });
  expect(res.files[0]).toMatchObject({ action: 'replaced', version: 2 });

  const after = h.fake.workbook.tableRecords('TongHop');
  const namesOf = (unit: string) =>
    after.filter((r) => r['Đơn vị gửi'] === unit && r['Mã dòng'] !== '').map((r) => r[NAME]);
  expect(namesOf(VAN_LAM)).toEqual(nomineesOf(0, 3, 1).map((n) => n.ten));
  expect(namesOf(MY_HAO).sort()).toEqual(
    nomineesOf(1)
      .map((n) => n.ten)
      .sort(),
  );
  expect(namesOf(SO_Y_TE).sort()).toEqual(
    nomineesOf(2)
      .map((n) => n.ten)
      .sort(),
  );
  // the other units' rows and the hand row stay where the sort put them, with the clerk's edits
  const others = (rows: typeof after) =>
    rows.filter((r) => r['Đơn vị gửi'] !== VAN_LAM).map((r) => ({ ...r, STT: 0 }));
  expect(others(after)).toEqual(others(sortedBefore));
  expect(after.find((r) => r[NAME] === myHaoPerson)!['Ghi chú']).toBe('Đã xác minh');
  const hand = after.find((r) => r[NAME] === 'Trần Thị Bổ Sung')!;
  expect(hand['Mã dòng']).toBe('');
  expect(hand['Kiểm tra']).toBe('Bổ sung theo điện thoại ngày 19/5');
  // the new rows come last; STT numbers the rows as they now stand
  expect(after.slice(-4).map((r) => r[NAME])).toEqual(nomineesOf(0, 3, 1).map((n) => n.ten));
  expect(after.map((r) => r['STT'])).toEqual(after.map((_, i) => i + 1));
  // the sheet keeps the clerk's name; no second Tổng hợp appears
  expect(h.fake.workbook.sheets.map((s) => s.name)).toContain('DS tổng hợp 2023');
  expect(h.fake.workbook.sheets.map((s) => s.name)).not.toContain('Tổng hợp');

  // the master reads back as the engine's own merge of what the clerk had
  const expected = mergeLists(modelBefore, [second], '2023-05-19 10:00:00').model;
  const back = (await readMaster(h.excel)).model!;
  expect(multiset(back.rows)).toEqual(multiset(expected.rows));
  expect(back.log).toEqual(expected.log);
});
