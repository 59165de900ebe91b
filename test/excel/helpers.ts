/**
 * Shared set-up of the gateway tests: the fake Excel, a campaign created in it through the gateway, and
 * returned lists (realistic layouts checked by the engine, as test/core/master/lists.ts builds them).
 */
import type { IncomingList } from '../../src/core/master/merge';
import type { MasterModel } from '../../src/core/master/model';
import type { Roster } from '../../src/core/units/roster';
import { createCampaign, type ExcelApi, type OfficeApi } from '../../src/excel/gateway';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from '../support/fake-excel';
import type { Nominee } from '../support/returned-list';
import { emptyMaster, incoming, ROSTER } from '../core/master/lists';

export const TODAY = '2023-05-26';
export const NOW = '2023-05-18 09:30:00';

export interface Host {
  fake: FakeExcel;
  excel: ExcelApi;
  office: OfficeApi;
}

export function host(opts: FakeExcelOptions = {}): Host {
  const fake = createFakeExcel(opts);
  return { fake, excel: fake.Excel, office: fake.Office };
}

/** A roster of `n` units: the five of lists.ts, then more of the same kinds. */
export function rosterOf(n: number): Roster {
  const kinds = [
    (i: number) => ({ name: `UBND xã Tân Tiến ${i}`, group: 'UBND huyện, thị xã, thành phố' }),
    (i: number) => ({
      name: `Trường Trung học phổ thông số ${i} Hưng Yên`,
      group: 'Trường đại học, cao đẳng',
    }),
    (i: number) => ({ name: `Công ty cổ phần Công nghệ Phố Hiến ${i}`, group: 'Doanh nghiệp KH&CN' }),
  ];
  const units = [...ROSTER.units];
  for (let i = units.length; i < n; i++) units.push({ ...kinds[i % kinds.length]!(i), aliases: [] });
  return { units: units.slice(0, Math.max(n, 0)) };
}

export function masterWith(roster: Roster = ROSTER): MasterModel {
  return { ...emptyMaster(), roster };
}

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const DEM = ['Thị', 'Văn', 'Minh', 'Thu', 'Đức', 'Ngọc'];
const TEN = ['Hoa', 'Tuấn', 'Lan', 'Hùng', 'Mai', 'Dũng', 'Thủy', 'Quang', 'Hương', 'Khánh'];
const LINH_VUC = [
  'Ứng dụng, chuyển giao tiến bộ KH&CN',
  'Khởi nghiệp, đổi mới sáng tạo',
  'Sở hữu trí tuệ',
  'Tiêu chuẩn, đo lường, chất lượng',
  'Cải cách hành chính',
];

/** Nominees of the i-th unit: a collective and `people` individuals, all named differently. */
export function nomineesOf(i: number, people = 2, salt = 0): Nominee[] {
  const out: Nominee[] = [
    {
      ten: `Phòng Kinh tế số ${i}${salt ? ` (${salt})` : ''}`,
      loai: 'Tập thể',
      linhVuc: LINH_VUC[i % LINH_VUC.length]!,
      thanhTich: `Hoàn thành xuất sắc nhiệm vụ năm 2022; mô hình số ${i} được nhân rộng.`,
    },
  ];
  for (let k = 0; k < people; k++) {
    const n = i * 7 + k * 3 + salt;
    out.push({
      ten: `${HO[n % HO.length]} ${DEM[(n >> 1) % DEM.length]} ${TEN[(i + k + salt) % TEN.length]} ${i}-${k}`,
      loai: 'Cá nhân',
      namSinh: 1970 + ((i + k) % 25),
      chucVu: 'Chuyên viên',
      donViCongTac: `Phòng Kinh tế số ${i}`,
      linhVuc: LINH_VUC[(i + k) % LINH_VUC.length]!,
      thanhTich: `Chủ trì ${k + 1} đề tài cấp tỉnh; sáng kiến được công nhận năm 2022.`,
    });
  }
  return out;
}

/** One returned list from each of the first `n` units of the roster. */
export function listsFrom(roster: Roster, n: number, received = '2023-05-18'): IncomingList[] {
  return roster.units
    .slice(0, n)
    .map((u, i) => incoming(`DS_${i + 1}.xlsx`, u.name, { nominees: nomineesOf(i) }, received));
}

/** A new campaign created in the fake through the gateway; the fake's counters start from zero after it. */
export async function withCampaign(h: Host, model: MasterModel = masterWith()): Promise<void> {
  await createCampaign(h.excel, model, '2023-05-10', { office: h.office });
  h.fake.resetStats();
}

export type Value = string | number | boolean;

/** The clerk adds a sheet, pastes a block of values at `at` (row, column) and merges cells; it becomes active. */
export async function paste(
  fake: FakeExcel,
  sheet: string,
  rows: (Value | null)[][],
  opts: { merges?: string[]; at?: [number, number]; formats?: { address: string; format: string }[] } = {},
): Promise<void> {
  const [r0, c0] = opts.at ?? [0, 0];
  const width = Math.max(...rows.map((r) => r.length));
  // text stays text, as when cells are copied and pasted (typed "(2)" would become the number -2)
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? '';
      return typeof v === 'string' && v !== '' ? `'${v}` : v;
    }),
  );
  await fake.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(sheet);
    for (const f of opts.formats ?? []) ws.getRange(f.address).numberFormat = [[f.format]];
    ws.getRangeByIndexes(r0, c0, values.length, width).values = values;
    for (const m of opts.merges ?? []) ws.getRange(m).merge(false);
    ws.activate();
    await context.sync();
  });
}
