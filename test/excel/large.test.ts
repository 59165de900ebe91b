/**
 * A Tổng hợp of 50,000 rows: written, read and merged into through requests that each stay under
 * Excel for the web's 5 MB limit (the fake refuses larger ones, as Excel does), with one more round trip
 * per chunk and nothing else growing with the size.
 */
import { mergeLists } from '../../src/core/master/merge';
import type { MasterModel, MasterRow } from '../../src/core/master/model';
import { rowKey } from '../../src/core/master/row-key';
import { REQUEST_LIMIT } from '../../src/excel/chunking';
import { createCampaign, mergeFiles, readMaster } from '../../src/excel/gateway';
import { incoming } from '../core/master/lists';
import { host, masterWith, nomineesOf, rosterOf, TODAY } from './helpers';

jest.setTimeout(180_000);

const ROWS = 50_000;
const UNITS = 500; // 100 rows each
const roster = rosterOf(UNITS + 10);

function bigMaster(): MasterModel {
  const rows: MasterRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const unit = roster.units[i % UNITS]!.name; // units interleaved, as after the clerk sorts by name
    const n = Math.floor(i / UNITS) + 1;
    rows.push({
      key: rowKey(unit, `digest${String(i % UNITS).padStart(6, '0')}`, n),
      unit,
      values: {
        ten: `Nguyễn Văn Hùng ${i}`,
        loai: i % 3 ? 'Cá nhân' : 'Tập thể',
        gioiTinh: i % 3 ? (i % 2 ? 'Nam' : 'Nữ') : null,
        namSinh: i % 3 ? 1965 + (i % 35) : null,
        chucVu: i % 3 ? 'Trưởng phòng' : null,
        donViCongTac: i % 3 ? 'Phòng Kinh tế và Hạ tầng huyện Văn Lâm' : null,
        linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
        thanhTich: `Chủ trì mô hình số ${i}: trồng nấm đông trùng hạ thảo, chuyển giao cho 40 hộ; sáng kiến cấp tỉnh năm 2022.`,
        ghiChu: null,
      },
      received: '2023-05-18',
      status: 'Hợp lệ',
      file: `DS_${i % UNITS}.xlsx`,
      source: `Danh sách!B${7 + n}`,
      check: [],
    });
  }
  const log = roster.units.slice(0, UNITS).map((u, k) => ({
    time: '2023-05-18 09:00:00',
    file: `DS_${k}.xlsx`,
    unit: u.name,
    version: 1,
    action: 'merged' as const,
    received: '2023-05-18',
    receivedFrom: 'given' as const,
    rows: ROWS / UNITS,
    added: ROWS / UNITS,
    replaced: 0,
    removed: 0,
    errors: 0,
    digest: `digest${String(k).padStart(6, '0')}`,
    note: '',
  }));
  return { ...masterWith(roster), rows, log };
}

const key = (r: MasterRow) => JSON.stringify(r);

test('50,000 rows of Tổng hợp go in requests each under 5 MB, and a merge into them too', async () => {
  const h = host();
  const model = bigMaster();
  const created = await createCampaign(h.excel, model, TODAY, { office: h.office });
  const writes = h.fake.stats.requests;
  expect(writes.every((r) => r.outcome === 'ok' && r.bytes < REQUEST_LIMIT)).toBe(true);
  expect(writes.filter((r) => r.bytes > 1024 * 1024).length).toBeGreaterThanOrEqual(4); // the rows came in chunks
  expect(created.syncs).toBe(h.fake.stats.syncs);
  expect(created.largestRequest).toBeGreaterThanOrEqual(h.fake.stats.largestRequest);
  const createdLargest = h.fake.stats.largestRequest;

  h.fake.resetStats();
  const read = await readMaster(h.excel);
  expect(read.model!.rows).toHaveLength(ROWS);
  expect(read.model!.rows.map(key).sort()).toEqual(model.rows.map(key).sort());
  expect(h.fake.stats.requests.every((r) => r.outcome === 'ok' && r.responseBytes < REQUEST_LIMIT)).toBe(
    true,
  );
  const readSyncs = read.syncs;
  expect(readSyncs).toBeGreaterThan(3); // the data came in blocks

  // 10 new units and a re-submission of a unit whose 100 rows are spread over the whole table
  const lists = [
    ...roster.units
      .slice(UNITS, UNITS + 10)
      .map((u, i) => incoming(`Moi_${i}.xlsx`, u.name, { nominees: nomineesOf(i, 20) }, '2023-05-19')),
    incoming('Lan_2.xlsx', roster.units[7]!.name, { nominees: nomineesOf(7, 5, 3) }, '2023-05-19'),
  ];
  const expected = mergeLists(read.model!, lists, '2023-05-19 10:00:00').model;
  h.fake.resetStats();
  const res = await mergeFiles(h.excel, lists, {
    now: '2023-05-19 10:00:00',
    today: TODAY,
    office: h.office,
  });
  expect(
    h.fake.stats.requests.every(
      (r) => r.outcome === 'ok' && r.bytes < REQUEST_LIMIT && r.responseBytes < REQUEST_LIMIT,
    ),
  ).toBe(true);
  expect(res.syncs).toBe(h.fake.stats.syncs);
  // reading takes the same blocks as before; writing: the pending log, the rest (Kiểm tra and STT of
  // 50,000 rows in one or two chunks), the final log
  expect(res.syncs).toBeLessThanOrEqual(readSyncs + 4);
  const back = (await readMaster(h.excel)).model!;
  expect(back.rows).toHaveLength(ROWS - 100 + 10 * 21 + 6);
  expect(back.rows.map(key).sort()).toEqual(expected.rows.map(key).sort());
  expect(h.fake.workbook.tableRecords('TongHop').map((r) => r['STT'])).toEqual(
    back.rows.map((_, i) => i + 1),
  );

  console.log(
    `50 000 dòng: tạo ${created.syncs} lượt, yêu cầu lớn nhất ${createdLargest} byte; đọc ${readSyncs} lượt; ` +
      `gộp ${res.syncs} lượt, yêu cầu lớn nhất ${h.fake.stats.largestRequest} byte, phản hồi lớn nhất ${h.fake.stats.largestResponse} byte`,
  );
});
