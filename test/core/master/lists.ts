/**
 * Returned lists for merge tests: realistic layouts (test/support/returned-list.ts) turned into the
 * neutral grid and checked, as the command line and the task pane do.
 */
import { checkWorkbook, type FileReport } from '../../../src/core/check';
import type { GridCell, GridWorkbook } from '../../../src/core/grid';
import { defaultConfig } from '../../../src/core/master/config-table';
import type { IncomingList } from '../../../src/core/master/merge';
import type { MasterModel } from '../../../src/core/master/model';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import type { Roster } from '../../../src/core/units/roster';
import { layoutList, type ListOptions, type Nominee } from '../../support/returned-list';

export function gridOf(fileName: string, o: ListOptions): GridWorkbook {
  const L = layoutList(o);
  const rows = L.rows.map((r) =>
    r.map((v): GridCell | undefined => (v === null || v === undefined ? undefined : { v, w: String(v) })),
  );
  return {
    fileName,
    format: 'xlsx',
    sheets: [{ name: 'Danh sách', visibility: 'visible', rows, merges: [] }],
  };
}

export function reportOf(fileName: string, o: ListOptions): FileReport {
  return checkWorkbook(gridOf(fileName, o), defaultSchema());
}

export const ROSTER: Roster = {
  units: [
    { name: 'UBND huyện Văn Lâm', group: 'UBND huyện, thị xã, thành phố', aliases: ['Văn Lâm'] },
    { name: 'UBND thị xã Mỹ Hào', group: 'UBND huyện, thị xã, thành phố', aliases: ['TX Mỹ Hào'] },
    {
      name: 'Sở Y tế',
      group: 'Sở, ban, ngành',
      aliases: ['SYT'],
      contact: 'Trần Văn Hùng',
      phone: '0221 3862 317',
    },
    { name: 'Sở Nội vụ', group: 'Sở, ban, ngành', aliases: [] },
    {
      name: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
      group: 'Trường đại học, cao đẳng',
      aliases: ['ĐH SPKT Hưng Yên'],
    },
  ],
};

export function emptyMaster(deadline = '2023-05-20'): MasterModel {
  return {
    config: {
      ...defaultConfig(deadline, 'Danh sách giới thiệu điển hình tiên tiến năm 2023'),
      place: 'Hưng Yên',
    },
    roster: ROSTER,
    schema: defaultSchema(),
    rows: [],
    issues: [],
    log: [],
  };
}

export const HOA: Nominee = {
  ten: 'Nguyễn Thị Hoa',
  loai: 'Cá nhân',
  namSinh: 1980,
  chucVu: 'Trưởng phòng',
  donViCongTac: 'Phòng Kinh tế và Hạ tầng huyện Văn Lâm',
  linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
  thanhTich: 'Chủ trì mô hình trồng nấm đông trùng hạ thảo, chuyển giao cho 40 hộ.',
};
export const HTX: Nominee = {
  ten: 'Hợp tác xã Nông nghiệp Lạc Hồng',
  loai: 'Tập thể',
  linhVuc: 'Khởi nghiệp, đổi mới sáng tạo',
  thanhTich: 'Ứng dụng công nghệ IoT trong tưới tiêu cho 120 ha lúa.',
};
export const TUAN: Nominee = {
  ten: 'Lê Minh Tuấn',
  loai: 'Cá nhân',
  namSinh: 1975,
  chucVu: 'Phó Giám đốc',
  donViCongTac: 'Bệnh viện Đa khoa tỉnh Hưng Yên',
  linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
  thanhTich: 'Triển khai kỹ thuật can thiệp mạch vành lần đầu tại tỉnh.',
};
export const KHOA: Nominee = {
  ten: 'Khoa Công nghệ thông tin',
  loai: 'Tập thể',
  linhVuc: 'Cuộc thi sáng tạo khoa học kỹ thuật',
  thanhTich: 'Hai giải Nhất Cuộc thi sáng tạo kỹ thuật tỉnh năm 2022.',
};

let seq = 0;
export function incoming(
  file: string,
  unit: string | null,
  o: ListOptions,
  received = '2023-05-18',
  extra: Partial<IncomingList> = {},
): IncomingList {
  const report = reportOf(file, o);
  return {
    file,
    digest: extra.digest ?? `d${String(++seq).padStart(4, '0')}${file.length}`,
    received,
    receivedFrom: 'given',
    report,
    unit,
    inRoster: unit !== null && ROSTER.units.some((u) => u.name === unit),
    ...extra,
  };
}
