/**
 * A realistic write plan for the master-file tests, built inline (not through the engine): Tổng hợp
 * with the merged nominations, Theo dõi with its conditional formats, the printed Báo cáo, and an empty
 * Kiểm tra. Shared by test/io/master-file.test.ts and the child process it kills.
 */
import type { CellPlan, PlanValue, SheetPlan, WritePlan } from '../../../src/core/plan/write-plan';

export const FONT = { name: 'Times New Roman', size: 12 } as const;

export const FIELDS_OF_ACHIEVEMENT = [
  'Quản lý nhà nước về KH&CN',
  'Ứng dụng, chuyển giao tiến bộ KH&CN',
  'Khởi nghiệp, đổi mới sáng tạo',
  'Sở hữu trí tuệ',
  'Tiêu chuẩn, đo lường, chất lượng',
  'Cải cách hành chính',
  'Cuộc thi sáng tạo khoa học kỹ thuật',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'An sinh xã hội',
];

/** Text a submission may carry that a careless writer would turn into a formula or a number. */
export const TRICKY = ['=HYPERLINK("http://x","y")', '+84912345678', '-5', '@SUM(A1)'] as const;

export const TONGHOP_HEADERS = [
  'STT',
  'Đơn vị gửi',
  'Họ và tên / Tên tập thể',
  'Loại',
  'Lĩnh vực',
  'Ngày nhận',
  'Tình trạng',
  'Tóm tắt thành tích tiêu biểu',
  'Mã dòng',
];

const UNITS = [
  'UBND huyện Văn Lâm',
  'UBND thị xã Mỹ Hào',
  'Sở Nội vụ',
  'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
  'Công ty TNHH Cơ khí Phố Nối',
];
const PEOPLE = ['Nguyễn Thị Hoà', 'Trần Văn Thuỷ', 'Lê Đức Anh', 'Phạm Thị Ngọc Ánh', 'Hoàng Minh Đức'];

/** Row i of Tổng hợp (0-based): always the same for the same i. */
export function tongHopRow(i: number): PlanValue[] {
  const unit = UNITS[i % UNITS.length]!;
  const collective = i % 4 === 3;
  const name = collective
    ? `Phòng Kinh tế ${unit.replace(/^UBND /, '')}`
    : `${PEOPLE[i % PEOPLE.length]} ${i + 1}`;
  const day = 10 + (i % 15);
  return [
    i + 1,
    unit,
    name,
    collective ? 'Tập thể' : 'Cá nhân',
    FIELDS_OF_ACHIEVEMENT[i % FIELDS_OF_ACHIEVEMENT.length]!,
    { date: `2023-05-${String(day).padStart(2, '0')}` },
    i % 7 === 5 ? 'Có lỗi' : 'Hợp lệ',
    `Hoàn thành xuất sắc nhiệm vụ năm 2022; sáng kiến số ${i + 1} được áp dụng tại đơn vị.`,
    `${unit.toLowerCase().replace(/\s+/g, '-')}|d41d8cd98f00|${i + 1}`,
  ];
}

/** Tổng hợp with `n` rows; the first rows carry the tricky texts (name and summary columns). */
export function tongHopRows(n: number): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (let i = 0; i < n; i++) rows.push(tongHopRow(i));
  TRICKY.forEach((t, k) => {
    if (k < rows.length) rows[k]![7] = t;
  });
  if (rows.length > 1) rows[1]![2] = TRICKY[1];
  return rows;
}

export function tongHopSheet(rows: PlanValue[][], name = 'Tổng hợp'): SheetPlan {
  return {
    name,
    font: FONT,
    title: 'DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN NĂM 2023',
    freezeRows: 2,
    tabColor: '2F5597',
    table: {
      name: 'TongHop',
      headerRow: 1,
      style: 'TableStyleMedium2',
      columns: [
        { header: 'STT', width: 6, numberFormat: '0', align: 'center' },
        { header: 'Đơn vị gửi', width: 30, wrap: true, numberFormat: '@' },
        { header: 'Họ và tên / Tên tập thể', width: 30, wrap: true, numberFormat: '@' },
        { header: 'Loại', width: 12, list: { values: ['Tập thể', 'Cá nhân'], strict: true } },
        // Longer than Excel's 255 characters, and with commas: no dropdown can be written in place.
        { header: 'Lĩnh vực', width: 30, wrap: true, list: { values: FIELDS_OF_ACHIEVEMENT, strict: false } },
        { header: 'Ngày nhận', width: 12, numberFormat: 'dd/mm/yyyy', align: 'center' },
        { header: 'Tình trạng', width: 12 },
        { header: 'Tóm tắt thành tích tiêu biểu', width: 60, wrap: true, numberFormat: '@' },
        { header: 'Mã dòng', width: 10, hidden: true, numberFormat: '@' },
      ],
      rows,
      conditionalFormats: [
        {
          column: 'Tình trạng',
          when: { equals: ['Có lỗi'] },
          wholeRow: true,
          style: { fill: 'FFC7CE', fontColor: '9C0006' },
        },
      ],
    },
  };
}

export const THEODOI_ROWS: PlanValue[][] = [
  [
    'UBND huyện Văn Lâm',
    'Huyện, thị xã, thành phố',
    'Đúng hạn',
    0,
    { date: '2023-05-18' },
    1,
    3,
    0,
    'VanLam.xlsx',
    1,
  ],
  [
    'UBND thị xã Mỹ Hào',
    'Huyện, thị xã, thành phố',
    'Trễ hạn',
    3,
    { date: '2023-05-23' },
    0,
    2,
    1,
    'MyHao.xls',
    2,
  ],
  ['Sở Nội vụ', 'Sở, ban, ngành', 'Chưa nộp', null, null, 0, 0, 0, null, 0],
  [
    'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    'Trường đại học, cao đẳng',
    'Đúng hạn',
    0,
    { date: '2023-05-20' },
    1,
    1,
    0,
    'SPKT.xlsx',
    1,
  ],
];

export function theoDoiSheet(): SheetPlan {
  const headers = [
    'Đơn vị',
    'Nhóm',
    'Tình trạng',
    'Số ngày trễ',
    'Ngày nhận',
    'Tập thể',
    'Cá nhân',
    'Số lỗi',
    'Tệp',
    'Số lần gửi',
  ];
  return {
    name: 'Theo dõi',
    font: FONT,
    title: 'Theo dõi tiếp nhận — Danh sách giới thiệu điển hình tiên tiến năm 2023',
    freezeRows: 2,
    tabColor: 'C55A11',
    table: {
      name: 'TheoDoi',
      headerRow: 1,
      style: 'TableStyleMedium2',
      columns: headers.map((header) => ({
        header,
        width: header === 'Đơn vị' ? 40 : 12,
        numberFormat: header === 'Ngày nhận' ? 'dd/mm/yyyy' : undefined,
      })),
      rows: THEODOI_ROWS,
      conditionalFormats: [
        {
          column: 'Tình trạng',
          when: { equals: ['Chưa nộp'] },
          wholeRow: true,
          style: { fill: 'FFC7CE', fontColor: '9C0006' },
        },
        {
          column: 'Tình trạng',
          when: { equals: ['Trễ hạn'] },
          wholeRow: true,
          style: { fill: 'FCE4D6', fontColor: '833C0B' },
        },
        {
          column: 'Nhóm',
          when: { equals: ['Sở, ban, ngành', 'Trường đại học, cao đẳng'] },
          wholeRow: false,
          style: { fill: 'FFEB9C', bold: true },
        },
        { column: 'Tệp', when: { notBlank: true }, wholeRow: false, style: { fontColor: '2F5597' } },
      ],
    },
  };
}

/** The printed summary: a header block, a title, a bordered table, the signature; A4 landscape. */
export function baoCaoSheet(): SheetPlan {
  const size = 13;
  const cells: CellPlan[] = [
    { r: 0, c: 0, value: 'UBND TỈNH HƯNG YÊN', align: 'center', merge: { rows: 1, cols: 3 } },
    {
      r: 1,
      c: 0,
      value: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      bold: true,
      underline: true,
      align: 'center',
      merge: { rows: 1, cols: 3 },
    },
    {
      r: 0,
      c: 3,
      value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      bold: true,
      align: 'center',
      merge: { rows: 1, cols: 4 },
    },
    {
      r: 1,
      c: 3,
      value: 'Độc lập - Tự do - Hạnh phúc',
      bold: true,
      align: 'center',
      merge: { rows: 1, cols: 4 },
    },
    {
      r: 2,
      c: 3,
      value: 'Hưng Yên, ngày 25 tháng 5 năm 2023',
      italic: true,
      align: 'center',
      merge: { rows: 1, cols: 4 },
    },
    {
      r: 4,
      c: 0,
      value: 'BÁO CÁO TỔNG HỢP DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN',
      bold: true,
      size: 14,
      align: 'center',
      merge: { rows: 1, cols: 7 },
    },
  ];
  const head = ['STT', 'Nhóm đơn vị', 'Số đơn vị', 'Đã nộp', 'Tập thể', 'Cá nhân', 'Ghi chú'];
  head.forEach((value, c) =>
    cells.push({
      r: 6,
      c,
      value,
      bold: true,
      border: true,
      align: 'center',
      valign: 'middle',
      wrap: true,
      fill: 'D9E1F2',
    }),
  );
  const body: PlanValue[][] = [
    [1, 'Sở, ban, ngành', 18, 15, 6, 21, null],
    [2, 'Huyện, thị xã, thành phố', 10, 9, 4, 30, 'Mỹ Hào nộp trễ 3 ngày'],
    [3, 'Trường đại học, cao đẳng', 6, 4, 2, 9, null],
  ];
  body.forEach((row, k) =>
    row.forEach((value, c) =>
      cells.push({
        r: 7 + k,
        c,
        value,
        border: true,
        align: c === 1 || c === 6 ? 'left' : 'center',
        wrap: c === 6,
      }),
    ),
  );
  cells.push({
    r: 10,
    c: 0,
    value: 'Tổng cộng',
    bold: true,
    border: true,
    align: 'center',
    merge: { rows: 1, cols: 2 },
  });
  cells.push({ r: 10, c: 2, value: 34, bold: true, border: true, align: 'center' });
  cells.push({ r: 12, c: 0, value: 'Hạn nộp:', italic: true });
  cells.push({ r: 12, c: 1, value: { date: '2023-05-20' }, numberFormat: 'dd/mm/yyyy' });
  cells.push({
    r: 14,
    c: 4,
    value: 'KT. GIÁM ĐỐC',
    bold: true,
    align: 'center',
    merge: { rows: 1, cols: 3 },
  });
  return {
    name: 'Báo cáo',
    font: { name: 'Times New Roman', size },
    cells,
    columnWidths: [6, 30, 10, 10, 10, 10, 30],
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      margins: { top: 2, bottom: 2, left: 3, right: 1.5 },
      repeatRows: { first: 6, last: 6 },
      centerHorizontally: true,
    },
  };
}

export const KIEMTRA_HEADERS = ['Tệp', 'Đơn vị', 'Trang', 'Ô', 'Mã lỗi', 'Mức độ', 'Nội dung'];

export function kiemTraSheet(rows: PlanValue[][] = []): SheetPlan {
  return {
    name: 'Kiểm tra',
    font: FONT,
    freezeRows: 1,
    table: {
      name: 'KiemTra',
      headerRow: 0,
      style: 'TableStyleMedium2',
      columns: KIEMTRA_HEADERS.map((header) => ({
        header,
        width: header === 'Nội dung' ? 60 : 14,
        wrap: header === 'Nội dung',
      })),
      rows,
    },
  };
}

/** The plan of a master with `n` merged rows. */
export function masterPlan(n: number, opts: { withKiemTra?: boolean; tongHopName?: string } = {}): WritePlan {
  const sheets = [tongHopSheet(tongHopRows(n), opts.tongHopName), theoDoiSheet(), baoCaoSheet()];
  if (opts.withKiemTra !== false) sheets.push(kiemTraSheet());
  return { sheets };
}
