/**
 * Writes the bundled samples that `npm run demo` uses: the returned lists in samples/lists/ (one campaign of
 * the Sở Khoa học và Công nghệ tỉnh Hưng Yên, deadline 20/5/2023), samples/demo.json (the order in which
 * the demo merges them, and what the tracker must then show) and samples/README.md.
 * Run with `npx tsx scripts/make-samples.ts`; the output is committed, and is the same bytes on every run
 * (fixed workbook dates, fixed zip entry times). test/cli/samples.test.ts rebuilds it and compares.
 */
import fs from 'fs';
import path from 'path';
import {
  listCsv,
  listSheetJs,
  listXlsx,
  listXlsxBook,
  SAMPLE_NOMINEES,
  type ListOptions,
  type Nominee,
} from '../test/support/returned-list';

export const SAMPLES_DIR = path.join(__dirname, '..', 'samples');
export const LISTS_DIR = path.join(SAMPLES_DIR, 'lists');

/** The campaign (seeds: the Department's letter asking for lists "trước ngày 20/5/2023"). */
export const CAMPAIGN = {
  master: 'samples/out/tong_hop.xlsx',
  deadline: '2023-05-20',
  title: 'Danh sách giới thiệu điển hình tiên tiến năm 2023',
  roster: 'samples/roster.csv',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  superior: 'UBND TỈNH HƯNG YÊN',
  place: 'Hưng Yên',
  letterNo: '312/SKHCN-VP',
  letterDate: '2023-03-28',
} as const;

export type SampleFormat = 'xlsx' | 'xls' | 'csv' | 'ods' | 'broken';

export interface Sample {
  file: string;
  /** The roster unit that sent it (null: a file that cannot be read). */
  unit: string | null;
  /** Whether the file itself tells its unit (header block, file name); false: the clerk names it. */
  identifiable: boolean;
  received: string;
  format: SampleFormat;
  /** The nominees the file holds, as the unit meant them (decoded, in reading order). */
  nominees: Nominee[];
  /** What the file demonstrates, Vietnamese then English (README). */
  vi: string;
  en: string;
  build: () => Promise<Buffer> | Buffer;
}

const CT = 'Tập thể' as const;
const CN = 'Cá nhân' as const;

/** Workbook properties and zip entries carry this time: the day the list was signed, 09:30 in Hưng Yên. */
function signedAt(dated: string): Date {
  return new Date(`${dated}T02:30:00Z`);
}

const DISTRICT_SIGNER = (name: string) => ({
  preparer: 'NGƯỜI LẬP BIỂU',
  title: 'KT. CHỦ TỊCH',
  subtitle: 'PHÓ CHỦ TỊCH',
  name,
});

// ---------------------------------------------------------------------------------------------------------
// The nominees of each unit

const VAN_LAM = SAMPLE_NOMINEES;

const YEN_MY: Nominee[] = [
  {
    ten: 'Trung tâm Dịch vụ nông nghiệp huyện Yên Mỹ',
    loai: CT,
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
    thanhTich: 'Chuyển giao giống lúa chất lượng cao cho 1.200 hộ, tăng thu nhập 20%.',
  },
  {
    ten: 'Phạm Quang Huy',
    loai: CN,
    namSinh: 1982,
    chucVu: 'Phó Giám đốc',
    donViCongTac: 'Trung tâm Dịch vụ nông nghiệp huyện Yên Mỹ',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Chủ nhiệm mô hình nhà màng trồng dưa lưới công nghệ cao.',
  },
];

const SO_Y_TE: Nominee[] = [
  {
    ten: 'Khoa Xét nghiệm, Bệnh viện Đa khoa tỉnh',
    loai: CT,
    linhVuc: 'Tiêu chuẩn, đo lường, chất lượng',
    thanhTich: 'Phòng xét nghiệm đạt chuẩn ISO 15189:2012.',
  },
  {
    ten: 'Đỗ Thị Thanh Hương',
    loai: CN,
    namSinh: 1975,
    chucVu: 'Trưởng khoa',
    donViCongTac: 'Bệnh viện Đa khoa tỉnh Hưng Yên',
    linhVuc: 'ĐMST',
    thanhTich: 'Sáng kiến quy trình lấy mẫu xét nghiệm tại nhà, áp dụng toàn tỉnh.',
  },
  {
    ten: 'Phạm Văn Thắng',
    loai: CN,
    namSinh: 1970,
    chucVu: 'Giám đốc',
    donViCongTac: 'Trung tâm Y tế huyện Phù Cừ',
    linhVuc: 'Cải cách hành chính',
    thanhTich: 'Triển khai bệnh án điện tử và thanh toán viện phí không dùng tiền mặt.',
  },
];

const SPKT: Nominee[] = [
  {
    ten: 'Khoa Cơ khí, Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    loai: CT,
    linhVuc: 'Sở hữu trí tuệ',
    thanhTich: 'Được cấp 3 bằng độc quyền giải pháp hữu ích về máy sấy và máy bóc vỏ nhãn.',
  },
  {
    ten: 'Lê Minh Đức',
    loai: CN,
    namSinh: 1980,
    chucVu: 'Trưởng khoa Cơ khí',
    donViCongTac: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Chuyển giao dây chuyền sấy long nhãn tiết kiệm năng lượng cho 4 doanh nghiệp trong tỉnh.',
  },
  {
    ten: 'Vũ Thị Thu Hằng',
    loai: CN,
    namSinh: 1988,
    chucVu: 'Giảng viên',
    donViCongTac: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    linhVuc: 'Khởi nghiệp, ĐMST',
    thanhTich: 'Hướng dẫn nhóm sinh viên đạt giải Nhất cuộc thi Khởi nghiệp đổi mới sáng tạo tỉnh năm 2022.',
  },
];

/** Mỹ Hào's list has the mistakes a clerk must see: a field outside the letter's, "19855", no workplace. */
export const MY_HAO_ERRORS = {
  linhVuc: { ten: 'Vũ Minh Khoa', value: 'Văn hóa văn nghệ' },
  namSinh: { ten: 'Bùi Thị Lan', value: 19855 },
  /** Đơn vị công tác left empty (required for a Cá nhân): the workplace went into Chức vụ. */
  donViCongTac: { ten: 'Ngô Văn Tùng' },
};

const MY_HAO: Nominee[] = [
  {
    ten: 'Trung tâm Văn hóa, Thông tin và Thể thao thị xã Mỹ Hào',
    loai: CT,
    linhVuc: 'Học tập và làm theo Bác',
    thanhTich: 'Tổ chức 24 buổi tuyên truyền, triển lãm về tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  },
  {
    ten: MY_HAO_ERRORS.linhVuc.ten,
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1983,
    chucVu: 'Phó Giám đốc',
    donViCongTac: 'Trung tâm Văn hóa, Thông tin và Thể thao thị xã Mỹ Hào',
    linhVuc: MY_HAO_ERRORS.linhVuc.value,
    thanhTich: 'Biên soạn tài liệu số hóa di tích lịch sử - văn hóa của thị xã.',
  },
  {
    ten: MY_HAO_ERRORS.namSinh.ten,
    loai: CN,
    gioiTinh: 'Nữ',
    namSinh: MY_HAO_ERRORS.namSinh.value,
    chucVu: 'Chuyên viên',
    donViCongTac: 'Phòng Kinh tế thị xã Mỹ Hào',
    linhVuc: 'Cải cách hành chính',
    thanhTich: 'Xây dựng phần mềm tra cứu hồ sơ đất đai trực tuyến cho 13 xã, phường.',
  },
  {
    ten: MY_HAO_ERRORS.donViCongTac.ten,
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1979,
    chucVu: 'Chủ tịch UBND phường Bần Yên Nhân',
    linhVuc: 'An sinh xã hội',
    thanhTich: 'Vận động xây dựng 15 nhà tình nghĩa, nhà đại đoàn kết cho hộ khó khăn.',
  },
];

/** The same person, proposed by the Department of Agriculture and by her own company. */
export const CROSS_DUPLICATE = {
  name: 'Hoàng Thị Thủy',
  /** How the company writes her name (the other tone-mark placement). */
  otherSpelling: 'Hoàng Thị Thuỷ',
  units: ['Sở Nông nghiệp và Phát triển nông thôn', 'Công ty CP Giống cây trồng Hưng Yên'],
};

const THUY: Nominee = {
  ten: CROSS_DUPLICATE.name,
  loai: CN,
  gioiTinh: 'Nữ',
  namSinh: 1984,
  chucVu: 'Trưởng phòng Kỹ thuật',
  donViCongTac: 'Công ty CP Giống cây trồng Hưng Yên',
  linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
  thanhTich: 'Chủ trì chọn tạo giống lúa thuần HY-8 chịu mặn, đã gieo cấy trên 2.000 ha.',
};

const SNN_TAP_THE: Nominee[] = [
  {
    ten: 'Trung tâm Khuyến nông Hưng Yên',
    loai: CT,
    donViCongTac: 'Sở Nông nghiệp và Phát triển nông thôn',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
    thanhTich: 'Xây dựng 25 mô hình trình diễn giống lúa, cây ăn quả mới cho hơn 3.000 lượt nông dân.',
  },
  {
    ten: 'Chi cục Trồng trọt và Bảo vệ thực vật',
    loai: CT,
    donViCongTac: 'Sở Nông nghiệp và Phát triển nông thôn',
    linhVuc: 'Sở hữu trí tuệ',
    thanhTich: 'Hỗ trợ đăng ký chỉ dẫn địa lý cho nhãn lồng Hưng Yên và 6 nhãn hiệu tập thể.',
  },
];

const SNN_CA_NHAN: Nominee[] = [
  THUY,
  {
    ten: 'Đặng Quốc Hưng',
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1976,
    chucVu: 'Phó Chi cục trưởng',
    donViCongTac: 'Chi cục Thủy lợi',
    linhVuc: 'Cải cách hành chính',
    thanhTich: 'Đưa 100% thủ tục cấp phép thủy lợi lên dịch vụ công trực tuyến mức độ 4.',
  },
  {
    ten: 'Lương Văn Sáng',
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1969,
    chucVu: 'Chủ nhiệm',
    donViCongTac: 'Hợp tác xã Nhãn lồng Hồng Nam',
    linhVuc: 'Khởi nghiệp, đổi mới sáng tạo',
    thanhTich: 'Xuất khẩu nhãn lồng đi Nhật Bản, áp dụng truy xuất nguồn gốc bằng mã QR.',
  },
];

const GIONG_CAY_TRONG: Nominee[] = [
  {
    ten: 'Phòng Nghiên cứu và Phát triển sản phẩm',
    loai: CT,
    donViCongTac: 'Công ty CP Giống cây trồng Hưng Yên',
    linhVuc: 'Khởi nghiệp, ĐMST',
    thanhTich: 'Đưa 3 giống lúa mới vào danh mục giống được công nhận lưu hành.',
  },
  { ...THUY, ten: CROSS_DUPLICATE.otherSpelling },
];

const TDC_V1: Nominee[] = [
  {
    ten: 'Phòng Quản lý Tiêu chuẩn chất lượng',
    loai: CT,
    linhVuc: 'Tiêu chuẩn, đo lường, chất lượng',
    thanhTich: 'Hướng dẫn 40 doanh nghiệp áp dụng hệ thống quản lý chất lượng ISO 9001:2015.',
  },
  {
    ten: 'Trịnh Thị Hồng Nhung',
    loai: CN,
    gioiTinh: 'Nữ',
    namSinh: 1986,
    chucVu: 'Kiểm định viên',
    donViCongTac: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    linhVuc: 'TĐC',
    thanhTich: 'Kiểm định hơn 5.000 phương tiện đo, không để xảy ra sai sót.',
  },
];

/** The corrected list: one more individual, forgotten in the first one. */
const TDC_V2: Nominee[] = [
  ...TDC_V1,
  {
    ten: 'Nguyễn Văn Khải',
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1978,
    chucVu: 'Phó Chi cục trưởng',
    donViCongTac: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    linhVuc: 'Quản lý nhà nước về KH&CN',
    thanhTich: 'Chủ trì kiểm tra chất lượng xăng dầu, hàng đóng gói sẵn trên địa bàn tỉnh năm 2022.',
  },
];

const TIEN_LU: Nominee[] = [
  {
    ten: 'Hợp tác xã Dịch vụ nông nghiệp Thụy Lôi',
    loai: CT,
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Ứng dụng máy cấy và thiết bị bay phun thuốc trên 350 ha lúa.',
  },
  {
    ten: 'Phan Thị Ngọc Ánh',
    loai: CN,
    gioiTinh: 'Nữ',
    namSinh: 1987,
    chucVu: 'Phó Hiệu trưởng',
    donViCongTac: 'Trường THCS Tiên Lữ',
    linhVuc: 'Cuộc thi sáng tạo KHKT',
    thanhTich: 'Hướng dẫn 2 dự án đạt giải cuộc thi khoa học kỹ thuật cấp tỉnh năm học 2022-2023.',
  },
  {
    ten: 'Đỗ Văn Thành',
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1972,
    chucVu: 'Trưởng phòng',
    donViCongTac: 'Phòng Lao động - Thương binh và Xã hội huyện Tiên Lữ',
    linhVuc: 'An sinh xã hội',
    thanhTich: 'Số hóa hồ sơ chi trả trợ cấp cho 6.500 đối tượng bảo trợ xã hội.',
  },
];

const CD_Y_TE: Nominee[] = [
  {
    ten: 'Khoa Điều dưỡng - Hộ sinh',
    loai: CT,
    linhVuc: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    thanhTich: 'Phong trào "Sinh viên điều dưỡng làm theo lời Bác" với 1.200 giờ tình nguyện.',
  },
  {
    ten: 'Trần Thị Thanh Mai',
    loai: CN,
    gioiTinh: 'Nữ',
    namSinh: 1981,
    chucVu: 'Trưởng phòng Đào tạo',
    donViCongTac: 'Trường Cao đẳng Y tế Hưng Yên',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Chủ nhiệm đề tài cấp tỉnh về phòng thực hành mô phỏng lâm sàng.',
  },
];

const KHOAI_CHAU: Nominee[] = [
  {
    ten: 'Câu lạc bộ Khoa học - Kỹ thuật xã Dạ Trạch',
    loai: CT,
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    thanhTich: 'Phổ biến kỹ thuật thâm canh chuối tiêu hồng, cam Đường Canh cho 800 hộ.',
  },
  {
    ten: 'Đào Văn Thịnh',
    loai: CN,
    gioiTinh: 'Nam',
    namSinh: 1975,
    chucVu: 'Giám đốc',
    donViCongTac: 'Hợp tác xã Chuối tiêu hồng Đông Kết',
    linhVuc: 'Khởi nghiệp, đổi mới sáng tạo',
    thanhTich: 'Xây dựng sản phẩm OCOP 4 sao, bán hàng qua sàn thương mại điện tử.',
  },
  {
    ten: 'Nguyễn Thị Hường',
    loai: CN,
    gioiTinh: 'Nữ',
    namSinh: 1990,
    chucVu: 'Viên chức',
    donViCongTac: 'Trung tâm Văn hóa, Thông tin và Thể thao huyện Khoái Châu',
    linhVuc: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    thanhTich: 'Thực hiện chuyên mục phát thanh "Làm theo lời Bác" phát sóng hằng tuần.',
  },
];

/** Tập thể first, then Cá nhân: the order of a list with section rows. */
function bySection(list: Nominee[]): Nominee[] {
  return [...list.filter((n) => n.loai === CT), ...list.filter((n) => n.loai === CN)];
}

// ---------------------------------------------------------------------------------------------------------
// The files

const WIDE = [6, 30, 10, 18, 30, 28, 50, 12];
const WIDE_LOAI = [6, 30, 10, 10, 18, 30, 28, 50, 12];

function xlsx(o: ListOptions & { dated: string }, sheet?: string): Promise<Buffer> {
  return listXlsx({ ...o, created: signedAt(o.dated) }, sheet).then((b) => fixZipTimes(b, signedAt(o.dated)));
}

export const SAMPLES: Sample[] = [
  {
    file: 'So_Y_te_DS_dien_hinh.xls',
    unit: 'Sở Y tế',
    identifiable: true,
    received: '2023-05-16',
    format: 'xls',
    nominees: bySection(SO_Y_TE),
    vi: 'Tệp .xls (Excel 97-2003, BIFF8) của một Sở: khối tiêu đề "UBND TỈNH HƯNG YÊN" / "SỞ Y TẾ", lĩnh vực viết tắt "ĐMST".',
    en: 'An old .xls (BIFF8) from a Department: header block "UBND TỈNH HƯNG YÊN" / "SỞ Y TẾ"; a field abbreviated "ĐMST".',
    build: () =>
      listSheetJs(
        {
          nominees: SO_Y_TE,
          superior: 'UBND TỈNH HƯNG YÊN',
          office: 'SỞ Y TẾ',
          place: 'Hưng Yên',
          attached: '(Kèm theo Công văn số 1025/SYT-TCCB ngày 15/5/2023 của Sở Y tế)',
          dated: '2023-05-15',
          signer: { title: 'KT. GIÁM ĐỐC', subtitle: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Hữu Thắng' },
        },
        'xls',
      ),
  },
  {
    file: 'UBND huyện Yên Mỹ - danh sách.xlsx',
    unit: 'UBND huyện Yên Mỹ',
    identifiable: true,
    received: '2023-05-16',
    format: 'xlsx',
    nominees: bySection(YEN_MY),
    vi: 'Gõ bằng phông VNI-Times (VNI-Windows): chữ hiện như "Nguyeãn"; tonghop đổi sang Unicode. Phòng Nội vụ lập cho UBND huyện.',
    en: 'Typed in VNI-Times (VNI-Windows), decoded to Unicode; drawn up by the district Phòng Nội vụ for the UBND huyện.',
    build: () =>
      xlsx({
        nominees: YEN_MY,
        encoding: 'vni',
        superior: 'UBND HUYỆN YÊN MỸ',
        office: 'PHÒNG NỘI VỤ',
        place: 'Yên Mỹ',
        attached: '(Kèm theo Công văn số 112/PNV ngày 15/5/2023 của Phòng Nội vụ huyện Yên Mỹ)',
        dated: '2023-05-15',
        signer: {
          preparer: 'NGƯỜI LẬP BIỂU',
          preparerName: 'Vũ Thị Nga',
          title: 'KT. TRƯỞNG PHÒNG',
          subtitle: 'PHÓ TRƯỞNG PHÒNG',
          name: 'Đặng Văn Hưng',
        },
        widths: WIDE,
      }),
  },
  {
    file: 'Truong_Dai_hoc_SPKT_Hung_Yen.csv',
    unit: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    identifiable: true,
    received: '2023-05-17',
    format: 'csv',
    nominees: SPKT,
    vi: 'Tệp .csv (UTF-8 có BOM, phân cách bằng dấu chấm phẩy), chỉ có bảng; đơn vị nhận ra từ tên tệp.',
    en: 'A .csv (UTF-8 with BOM, semicolon-separated), the table only; the unit is told by the file name.',
    build: () => listCsv(SPKT, { delimiter: ';' }),
  },
  {
    file: 'UBND_huyen_Van_Lam.xlsx',
    unit: 'UBND huyện Văn Lâm',
    identifiable: true,
    received: '2023-05-18',
    format: 'xlsx',
    nominees: bySection(VAN_LAM),
    vi: 'Gõ bằng phông TCVN3 (.VnTime, chữ hoa .VnTimeH); tiêu đề bảng hai dòng gộp ô ("Thành tích" trên "Lĩnh vực" và "Tóm tắt thành tích"), dòng đánh số (1) (2) (3)…, dòng mục "I. TẬP THỂ" / "II. CÁ NHÂN", khối chữ ký.',
    en: 'Typed in TCVN3 (.VnTime, capitals .VnTimeH); a header over two merged rows, a numbering row, section rows "I. TẬP THỂ" / "II. CÁ NHÂN", a signature block.',
    build: () =>
      xlsx({
        nominees: VAN_LAM,
        encoding: 'tcvn3',
        superior: 'UBND HUYỆN VĂN LÂM',
        office: null,
        place: 'Văn Lâm',
        attached: '(Kèm theo Công văn số 286/UBND-NV ngày 17/5/2023 của UBND huyện Văn Lâm)',
        dated: '2023-05-17',
        signer: { ...DISTRICT_SIGNER('Nguyễn Văn Bình'), preparerName: 'Lê Thị Lan' },
        widths: WIDE,
      }),
  },
  {
    file: 'UBND_TX_My_Hao.xlsx',
    unit: 'UBND thị xã Mỹ Hào',
    identifiable: true,
    received: '2023-05-18',
    format: 'xlsx',
    nominees: MY_HAO,
    vi: 'Danh sách có lỗi cán bộ phải sửa: lĩnh vực ngoài công văn ("Văn hóa văn nghệ"), năm sinh "19855", cá nhân thiếu đơn vị công tác. Tiêu đề một dòng, có cột "Loại".',
    en: 'A list with errors for the clerk: a field outside the letter ("Văn hóa văn nghệ"), birth year "19855", an individual without workplace. One-row header with a "Loại" column.',
    build: () =>
      xlsx({
        nominees: MY_HAO,
        superior: 'UBND THỊ XÃ MỸ HÀO',
        office: 'PHÒNG NỘI VỤ',
        place: 'Mỹ Hào',
        header: 'one-row',
        sections: false,
        attached: '(Kèm theo Công văn số 78/PNV ngày 17/5/2023 của Phòng Nội vụ thị xã Mỹ Hào)',
        dated: '2023-05-17',
        signer: {
          preparer: 'NGƯỜI LẬP BIỂU',
          preparerName: 'Nguyễn Thị Phương',
          title: 'TRƯỞNG PHÒNG',
          name: 'Trần Đức Long',
        },
        widths: WIDE_LOAI,
      }),
  },
  {
    file: 'Chi cuc TDC - DS dien hinh.xlsx',
    unit: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    identifiable: true,
    received: '2023-05-18',
    format: 'xlsx',
    nominees: bySection(TDC_V1),
    vi: 'Danh sách lần 1 của một đơn vị thuộc Sở, gửi đúng hạn (khối tiêu đề "SỞ KHOA HỌC VÀ CÔNG NGHỆ" / "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG").',
    en: 'First list of a division of the Department, on time.',
    build: () =>
      xlsx({
        nominees: TDC_V1,
        superior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        office: 'CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG',
        place: 'Hưng Yên',
        attached:
          '(Kèm theo Công văn số 96/TĐC-HCTH ngày 17/5/2023 của Chi cục Tiêu chuẩn Đo lường Chất lượng)',
        dated: '2023-05-17',
        signer: {
          preparer: 'NGƯỜI LẬP BIỂU',
          preparerName: 'Lê Thu Trang',
          title: 'CHI CỤC TRƯỞNG',
          name: 'Hoàng Văn Nghĩa',
        },
        widths: WIDE,
      }),
  },
  {
    file: 'tep_hong.xlsx',
    unit: null,
    identifiable: false,
    received: '2023-05-18',
    format: 'broken',
    nominees: [],
    vi: 'Tệp hỏng khi tải về từ thư điện tử: tonghop báo "không đọc được tệp" và không gộp.',
    en: 'A file broken in the e-mail download: reported as unreadable, not merged.',
    build: () => Buffer.from('PK\u0003\u0004 tệp bị hỏng khi tải về từ thư điện tử'),
  },
  {
    file: 'So NN&PTNT - DS dien hinh 2023.xlsx',
    unit: 'Sở Nông nghiệp và Phát triển nông thôn',
    identifiable: true,
    received: '2023-05-19',
    format: 'xlsx',
    nominees: [...SNN_TAP_THE, ...SNN_CA_NHAN],
    vi: 'Hai trang tính "Tập thể" và "Cá nhân" (loại lấy từ tên trang); khối tiêu đề dùng tên viết tắt "SỞ NÔNG NGHIỆP VÀ PTNT". Đề nghị bà Hoàng Thị Thủy, người mà công ty của bà cũng đề nghị.',
    en: 'Two sheets "Tập thể" and "Cá nhân" (type from the sheet name); abbreviated name "SỞ NÔNG NGHIỆP VÀ PTNT". Proposes Hoàng Thị Thủy, whom her company proposes too.',
    build: async () => {
      const common: ListOptions = {
        nominees: [],
        superior: 'UBND TỈNH HƯNG YÊN',
        office: 'SỞ NÔNG NGHIỆP VÀ PTNT',
        place: 'Hưng Yên',
        sections: false,
        attached: '(Kèm theo Công văn số 645/SNN-VP ngày 18/5/2023 của Sở Nông nghiệp và PTNT)',
        dated: '2023-05-18',
        signer: { title: 'KT. GIÁM ĐỐC', subtitle: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Quang Trung' },
        footnote: 'Ghi chú: Danh sách gồm 02 trang tính: Tập thể, Cá nhân.',
        created: signedAt('2023-05-18'),
      };
      const book = await listXlsxBook([
        {
          name: 'Tập thể',
          list: {
            ...common,
            nominees: SNN_TAP_THE,
            header: 'one-row',
            columns: [
              'STT',
              'Tên tập thể',
              'Cơ quan, đơn vị',
              'Lĩnh vực',
              'Tóm tắt thành tích tiêu biểu',
              'Ghi chú',
            ],
            widths: [6, 36, 30, 28, 50, 12],
          },
        },
        {
          name: 'Cá nhân',
          list: {
            ...common,
            nominees: SNN_CA_NHAN,
            header: 'one-row',
            columns: [
              'STT',
              'Họ và tên',
              'Giới tính',
              'Năm sinh',
              'Chức vụ',
              'Đơn vị công tác',
              'Lĩnh vực',
              'Tóm tắt thành tích tiêu biểu',
              'Ghi chú',
            ],
            widths: [6, 26, 9, 9, 20, 32, 28, 50, 12],
          },
        },
      ]);
      return fixZipTimes(book, signedAt('2023-05-18'));
    },
  },
  {
    file: 'Giong cay trong HY - de nghi DHTT.xlsx',
    unit: 'Công ty CP Giống cây trồng Hưng Yên',
    identifiable: true,
    received: '2023-05-19',
    format: 'xlsx',
    nominees: GIONG_CAY_TRONG,
    vi: 'Doanh nghiệp KH&CN, tiêu đề cột khác mẫu ("TT", "Tên tập thể, cá nhân", "Chức danh", "Cơ quan, đơn vị", "Thành tích nổi bật"). Đề nghị "Hoàng Thị Thuỷ" (cách bỏ dấu khác) — trùng với đề nghị của Sở NN&PTNT.',
    en: 'An S&T enterprise with renamed headers. Proposes "Hoàng Thị Thuỷ" (other tone placement): the same person the Department of Agriculture proposes (duplicate-nominee across units).',
    build: () =>
      xlsx({
        nominees: GIONG_CAY_TRONG,
        superior: 'CÔNG TY CỔ PHẦN GIỐNG CÂY TRỒNG HƯNG YÊN',
        office: null,
        place: 'Hưng Yên',
        header: 'one-row',
        sections: false,
        numberingRow: false,
        columns: [
          'TT',
          'Tên tập thể, cá nhân',
          'Loại',
          'Giới tính',
          'Năm sinh',
          'Chức danh',
          'Cơ quan, đơn vị',
          'Lĩnh vực',
          'Thành tích nổi bật',
          'Ghi chú',
        ],
        attached: '(Kèm theo Công văn số 27/CV-GCT ngày 18/5/2023)',
        dated: '2023-05-18',
        signer: { title: 'GIÁM ĐỐC', name: 'Trịnh Văn Quyết' },
        footnote: 'Ghi chú: Công ty đề nghị 01 tập thể, 01 cá nhân.',
        widths: [5, 34, 10, 9, 9, 22, 32, 26, 50, 10],
      }),
  },
  {
    file: 'danh_sach.xlsx',
    unit: 'UBND huyện Khoái Châu',
    identifiable: false,
    received: '2023-05-19',
    format: 'xlsx',
    nominees: bySection(KHOAI_CHAU),
    vi: 'Đơn vị không rõ: khối tiêu đề chỉ có "PHÒNG VĂN HÓA - THÔNG TIN", tên tệp chung chung. tonghop không đoán; cán bộ thấy dòng "Khoái Châu, ngày…" và chỉ định --unit "UBND huyện Khoái Châu".',
    en: 'Unknown unit: the header block says only "PHÒNG VĂN HÓA - THÔNG TIN", the file name is generic. tonghop does not guess; the clerk names it with --unit.',
    build: () =>
      xlsx({
        nominees: KHOAI_CHAU,
        superior: 'PHÒNG VĂN HÓA - THÔNG TIN',
        office: null,
        place: 'Khoái Châu',
        attached: '(Kèm theo Công văn số 58/VHTT ngày 18/5/2023)',
        dated: '2023-05-18',
        signer: {
          preparer: 'NGƯỜI LẬP BIỂU',
          preparerName: 'Phạm Thị Hạnh',
          title: 'TRƯỞNG PHÒNG',
          name: 'Lê Văn Hòa',
        },
        widths: WIDE,
      }),
  },
  {
    file: 'Phong_Quan_ly_chuyen_nganh.ods',
    unit: 'Phòng Quản lý chuyên ngành',
    identifiable: true,
    received: '2023-05-20',
    format: 'ods',
    nominees: [],
    vi: 'Tệp .ods (LibreOffice) báo "Đơn vị không có tập thể, cá nhân đề nghị": 0 dòng, không lỗi; nhận đúng ngày hạn nộp nên vẫn đúng hạn.',
    en: 'An .ods saying "no nominees": 0 rows, no error; received on the deadline day, which counts as on time.',
    build: () =>
      listSheetJs(
        {
          nominees: [],
          empty: true,
          superior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          office: 'PHÒNG QUẢN LÝ CHUYÊN NGÀNH',
          place: 'Hưng Yên',
          attached: '(Kèm theo Công văn số 15/QLCN ngày 19/5/2023 của Phòng Quản lý chuyên ngành)',
          dated: '2023-05-19',
          signer: { title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Mạnh Cường' },
          footnote: 'Ghi chú: Năm 2023 phòng không có tập thể, cá nhân đề nghị.',
        },
        'ods',
      ),
  },
  {
    file: 'UBND huyen Tien Lu - DS DHTT 2023.xlsx',
    unit: 'UBND huyện Tiên Lữ',
    identifiable: true,
    received: '2023-05-23',
    format: 'xlsx',
    nominees: bySection(TIEN_LU),
    vi: 'Nộp trễ 3 ngày (nhận 23/5/2023). Khối tiêu đề theo Nghị định 30: "ỦY BAN NHÂN DÂN" / "HUYỆN TIÊN LỮ".',
    en: 'Late by 3 days (received 23/5/2023). Header block in the Decree 30 form "ỦY BAN NHÂN DÂN" / "HUYỆN TIÊN LỮ".',
    build: () =>
      xlsx({
        nominees: TIEN_LU,
        superior: 'ỦY BAN NHÂN DÂN',
        office: 'HUYỆN TIÊN LỮ',
        place: 'Tiên Lữ',
        attached: '(Kèm theo Công văn số 402/UBND-NV ngày 22/5/2023 của UBND huyện Tiên Lữ)',
        dated: '2023-05-22',
        signer: DISTRICT_SIGNER('Nguyễn Hữu Nghĩa'),
        widths: WIDE,
      }),
  },
  {
    file: 'Chi cuc TDC - DS dien hinh (lần 2).xlsx',
    unit: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    identifiable: true,
    received: '2023-05-23',
    format: 'xlsx',
    nominees: bySection(TDC_V2),
    vi: 'Danh sách lần 2 (bổ sung 01 cá nhân), nhận sau hạn: thay danh sách lần 1; đơn vị vẫn đúng hạn vì lần 1 nộp đúng hạn.',
    en: 'Corrected second list (one more individual) received after the deadline: replaces the first; the unit stays on time.',
    build: () =>
      xlsx({
        nominees: TDC_V2,
        superior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        office: 'CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG',
        place: 'Hưng Yên',
        attached:
          '(Kèm theo Công văn số 101/TĐC-HCTH ngày 22/5/2023 của Chi cục Tiêu chuẩn Đo lường Chất lượng)',
        dated: '2023-05-22',
        signer: {
          preparer: 'NGƯỜI LẬP BIỂU',
          preparerName: 'Lê Thu Trang',
          title: 'CHI CỤC TRƯỞNG',
          name: 'Hoàng Văn Nghĩa',
        },
        footnote: 'Ghi chú: Danh sách này thay thế danh sách gửi ngày 18/5/2023 (bổ sung 01 cá nhân).',
        widths: WIDE,
      }),
  },
  {
    file: 'CD Y te Hung Yen.xlsx',
    unit: 'Trường Cao đẳng Y tế Hưng Yên',
    identifiable: true,
    received: '2023-05-26',
    format: 'xlsx',
    nominees: bySection(CD_Y_TE),
    vi: 'Nộp trễ 6 ngày (nhận 26/5/2023); trường cao đẳng, khối tiêu đề "UBND TỈNH HƯNG YÊN" / "TRƯỜNG CAO ĐẲNG Y TẾ HƯNG YÊN".',
    en: 'Late by 6 days (received 26/5/2023); a college under the province.',
    build: () =>
      xlsx({
        nominees: CD_Y_TE,
        superior: 'UBND TỈNH HƯNG YÊN',
        office: 'TRƯỜNG CAO ĐẲNG Y TẾ HƯNG YÊN',
        place: 'Hưng Yên',
        attached: '(Kèm theo Công văn số 210/CĐYT-ĐT ngày 25/5/2023 của Trường Cao đẳng Y tế Hưng Yên)',
        dated: '2023-05-25',
        signer: { title: 'HIỆU TRƯỞNG', name: 'Nguyễn Thị Xuân Lan' },
        widths: WIDE,
      }),
  },
];

/** The merge steps of the demo, in order: one `tonghop merge` each. */
export const STEPS: { received: string; unit?: string; files: string[] }[] = [
  { received: '2023-05-16', files: ['So_Y_te_DS_dien_hinh.xls', 'UBND huyện Yên Mỹ - danh sách.xlsx'] },
  { received: '2023-05-17', files: ['Truong_Dai_hoc_SPKT_Hung_Yen.csv'] },
  {
    received: '2023-05-18',
    files: [
      'UBND_huyen_Van_Lam.xlsx',
      'UBND_TX_My_Hao.xlsx',
      'Chi cuc TDC - DS dien hinh.xlsx',
      'tep_hong.xlsx',
    ],
  },
  // danh_sach.xlsx first without --unit: not merged, "unknown unit"; then named by the clerk
  {
    received: '2023-05-19',
    files: [
      'So NN&PTNT - DS dien hinh 2023.xlsx',
      'Giong cay trong HY - de nghi DHTT.xlsx',
      'danh_sach.xlsx',
    ],
  },
  { received: '2023-05-19', unit: 'UBND huyện Khoái Châu', files: ['danh_sach.xlsx'] },
  { received: '2023-05-20', files: ['Phong_Quan_ly_chuyen_nganh.ods'] },
  {
    received: '2023-05-23',
    files: ['UBND huyen Tien Lu - DS DHTT 2023.xlsx', 'Chi cuc TDC - DS dien hinh (lần 2).xlsx'],
  },
  { received: '2023-05-26', files: ['CD Y te Hung Yen.xlsx'] },
];

const rel = (file: string) => `samples/lists/${file}`;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

function sample(file: string): Sample {
  const s = SAMPLES.find((x) => x.file === file);
  if (!s) throw new Error(`make-samples: no sample ${file}`);
  return s;
}

/** samples/demo.json: the campaign, the steps, and what the tracker shows at the end. */
export function demoJson(rosterSize: number) {
  // The unit of each merged file: the one the clerk names, else the file's own (never an unknown one).
  const firstReceived = new Map<string, string>();
  const current = new Map<string, Sample>();
  const versions = new Map<string, number>();
  for (const step of STEPS) {
    for (const f of step.files) {
      const s = sample(f);
      const unit = step.unit ?? (s.identifiable ? s.unit : null);
      if (!unit) continue;
      if (!firstReceived.has(unit)) firstReceived.set(unit, step.received);
      current.set(unit, s);
      versions.set(unit, (versions.get(unit) ?? 0) + 1);
    }
  }
  const late = (unit: string) => dayNumber(firstReceived.get(unit)!) - dayNumber(CAMPAIGN.deadline);
  const units = [...firstReceived.keys()];
  const resubmitted = [...versions].filter(([, n]) => n > 1);
  return {
    ...CAMPAIGN,
    steps: STEPS.map((s) => ({ ...s, files: s.files.map(rel) })),
    expect: {
      onTime: units.filter((u) => late(u) <= 0),
      late: units.filter((u) => late(u) > 0).map((unit) => ({ unit, daysLate: late(unit) })),
      missingCount: rosterSize - units.length,
      nominees: [...current.values()].reduce((n, s) => n + s.nominees.length, 0),
      unknownFile: rel(SAMPLES.find((s) => s.unit && !s.identifiable)!.file),
      unreadableFiles: SAMPLES.filter((s) => s.format === 'broken').map((s) => rel(s.file)),
      resubmissions: resubmitted.map(([unit, n]) => ({
        unit,
        file: rel(current.get(unit)!.file),
        version: n,
      })),
      duplicateNominee: { name: CROSS_DUPLICATE.name, units: CROSS_DUPLICATE.units },
      errorsIn: [{ unit: 'UBND thị xã Mỹ Hào', file: rel('UBND_TX_My_Hao.xlsx'), errors: 3 }],
    },
  };
}

function readmeText(): string {
  const senders = new Set(SAMPLES.map((s) => s.unit).filter((u) => u !== null)).size;
  const steps = STEPS.map((s) => {
    const unit = s.unit ? ` --unit "${s.unit}"` : '';
    return `    tonghop merge ${CAMPAIGN.master} ${s.files.map((f) => `"samples/lists/${f}"`).join(' ')} --received ${s.received}${unit}`;
  });
  const rows = SAMPLES.map(
    (s) =>
      `| \`${s.file}\` | ${s.unit ?? '—'} | ${s.received.split('-').reverse().join('/')} | ${s.vi} <br> *${s.en}* |`,
  );
  return [
    '# Dữ liệu mẫu / Sample data',
    '',
    'Một đợt thu danh sách giới thiệu điển hình tiên tiến của Sở Khoa học và Công nghệ tỉnh Hưng Yên',
    `(Công văn số ${CAMPAIGN.letterNo}, hạn nộp “trước ngày 20/5/2023”; nộp đúng ngày 20/5 vẫn tính đúng hạn).`,
    'Các tệp do `npx tsx scripts/make-samples.ts` tạo ra (lần nào chạy cũng ra đúng các byte như nhau); không sửa tay.',
    '',
    'One campaign of the Hưng Yên Department of Science and Technology: the lists units returned by the 20/5/2023',
    'deadline (the deadline day counts as on time). Every file is written by `scripts/make-samples.ts`',
    '(byte-identical on every run); do not edit them by hand.',
    '',
    '- `roster.csv` — 49 đơn vị nhận công văn (nhóm, tên khác, email, người liên hệ) / the 49 units the letter went to.',
    '- `demo.json` — thứ tự gộp của `npm run demo` và kết quả phải thấy ở trang Theo dõi / the demo’s merge steps and the tracker it must show.',
    '- `lists/` — danh sách các đơn vị gửi về / the returned lists:',
    '',
    '| Tệp / file | Đơn vị / unit | Nhận / received | Minh họa / demonstrates |',
    '|---|---|---|---|',
    ...rows,
    '',
    `${senders} đơn vị gửi, ${rosterSize() - senders} đơn vị không gửi. / ${senders} units send, ${rosterSize() - senders} never do.`,
    '',
    'Trình tự demo (`danh_sach.xlsx` gộp lần đầu không có --unit: không gộp, báo chưa xác định đơn vị; sau đó cán bộ chỉ định đơn vị) /',
    'demo sequence (`danh_sach.xlsx` is first merged without --unit: not merged, unknown unit; then the clerk names the unit):',
    '',
    `    tonghop init ${CAMPAIGN.master} --deadline ${CAMPAIGN.deadline} --roster ${CAMPAIGN.roster} --title "${CAMPAIGN.title}" \\`,
    `      --letter-no ${CAMPAIGN.letterNo} --letter-date ${CAMPAIGN.letterDate} --issuer "${CAMPAIGN.issuer}" --superior "${CAMPAIGN.superior}" --place "${CAMPAIGN.place}"`,
    ...steps,
    `    tonghop status ${CAMPAIGN.master}`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Reproducible zip files

function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/**
 * Sets the modification time of every entry of a zip (local headers and central directory) to `when`:
 * exceljs (JSZip) stamps entries with the time of writing, which would change the bytes on every run.
 */
export function fixZipTimes(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(when);
  // End of central directory: the last "PK\5\6" (a comment may follow it).
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('fixZipTimes: not a zip file');
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('fixZipTimes: bad central directory');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('fixZipTimes: bad local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/** Every sample list's bytes, by file name. */
export async function buildSamples(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const s of SAMPLES) out.set(s.file, await s.build());
  return out;
}

export function rosterSize(): number {
  const lines = fs.readFileSync(path.join(SAMPLES_DIR, 'roster.csv'), 'utf8').split(/\r?\n/);
  // one unit a line (no field of this roster spans lines), after the header
  return lines.slice(1).filter((l) => l.trim() !== '').length;
}

async function main(): Promise<void> {
  fs.mkdirSync(LISTS_DIR, { recursive: true });
  const files = await buildSamples();
  const keep = new Set(files.keys());
  for (const old of fs.readdirSync(LISTS_DIR)) if (!keep.has(old)) fs.rmSync(path.join(LISTS_DIR, old));
  for (const [name, data] of files) fs.writeFileSync(path.join(LISTS_DIR, name), data);
  fs.writeFileSync(
    path.join(SAMPLES_DIR, 'demo.json'),
    JSON.stringify(demoJson(rosterSize()), null, 2) + '\n',
  );
  fs.writeFileSync(path.join(SAMPLES_DIR, 'README.md'), readmeText());
  console.log(
    `${files.size} sample lists written to ${path.relative(process.cwd(), LISTS_DIR)}; demo.json, README.md`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
