/**
 * Writes the bundled sample lists (samples/lists/) that `npm run demo` checks: returned lists of the kinds
 * a clerk receives. Run with `npx tsx scripts/make-samples.ts`; the output is committed.
 */
import fs from 'fs';
import path from 'path';
import { listXlsx, listSheetJs, listCsv, SAMPLE_NOMINEES, type Nominee } from '../test/support/returned-list';

const out = path.join(__dirname, '..', 'samples', 'lists');

const YEN_MY: Nominee[] = [
  {
    ten: 'Trung tâm Dịch vụ nông nghiệp huyện Yên Mỹ',
    loai: 'Tập thể',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
    thanhTich: 'Chuyển giao giống lúa chất lượng cao cho 1.200 hộ, tăng thu nhập 20%.',
  },
  {
    ten: 'Phạm Quang Huy',
    loai: 'Cá nhân',
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
    loai: 'Tập thể',
    linhVuc: 'Tiêu chuẩn, đo lường, chất lượng',
    thanhTich: 'Phòng xét nghiệm đạt chuẩn ISO 15189:2012.',
  },
  {
    ten: 'Đỗ Thị Thanh Hương',
    loai: 'Cá nhân',
    gioiTinh: 'Nữ',
    namSinh: 1975,
    chucVu: 'Trưởng khoa',
    donViCongTac: 'Bệnh viện Đa khoa tỉnh Hưng Yên',
    linhVuc: 'ĐMST',
    thanhTich: 'Sáng kiến quy trình lấy mẫu tại nhà, áp dụng toàn tỉnh.',
  },
];

const WITH_ERRORS: Nominee[] = [
  { ...SAMPLE_NOMINEES[2], ten: 'Vũ Minh Khoa', linhVuc: 'Văn hóa văn nghệ' },
  { ...SAMPLE_NOMINEES[3], ten: 'Bùi Thị Lan', namSinh: '19a5' },
  { ...SAMPLE_NOMINEES[4], ten: 'Ngô Văn Tùng', donViCongTac: undefined },
];

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const files: [string, Buffer][] = [
    ['UBND_huyen_Van_Lam.xlsx', await listXlsx({ nominees: SAMPLE_NOMINEES, encoding: 'tcvn3' })],
    [
      'UBND huyện Yên Mỹ - danh sách.xlsx',
      await listXlsx({
        nominees: YEN_MY,
        encoding: 'vni',
        superior: 'UBND HUYỆN YÊN MỸ',
        office: 'PHÒNG NỘI VỤ',
        place: 'Yên Mỹ',
      }),
    ],
    [
      'So_Y_te_DS_dien_hinh.xls',
      listSheetJs(
        { nominees: SO_Y_TE, superior: 'UBND TỈNH HƯNG YÊN', office: 'SỞ Y TẾ', place: 'Hưng Yên' },
        'xls',
      ),
    ],
    [
      'Truong_Dai_hoc_SPKT_Hung_Yen.csv',
      listCsv(
        SO_Y_TE.map((n) => ({
          ...n,
          donViCongTac: n.donViCongTac && 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
        })),
        { delimiter: ';' },
      ),
    ],
    [
      'Phong_Quan_ly_chuyen_nganh.ods',
      listSheetJs(
        {
          nominees: [],
          empty: true,
          superior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          office: 'PHÒNG QUẢN LÝ CHUYÊN NGÀNH',
        },
        'ods',
      ),
    ],
    [
      'UBND_TX_My_Hao.xlsx',
      await listXlsx({
        nominees: WITH_ERRORS,
        superior: 'UBND THỊ XÃ MỸ HÀO',
        place: 'Mỹ Hào',
        header: 'one-row',
        sections: false,
      }),
    ],
    ['tep_hong.xlsx', Buffer.from('PK\u0003\u0004 tệp bị hỏng khi tải về từ thư điện tử')],
  ];
  for (const [name, data] of files) fs.writeFileSync(path.join(out, name), data);
  console.log(`${files.length} sample lists written to ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
