import fs from 'fs';
import path from 'path';
import { decodeWorkbook } from '../../../src/core/text/decode-workbook';
import { headerBlockLines, identifyUnit } from '../../../src/core/units/identify-unit';
import { readWorkbook } from '../../../src/io/read-workbook';
import { grid } from '../table/grid-builder';
import { fixtureRoster } from './roster-fixture';

const W = 8; // columns of the list
const pad = (cells: (string | null)[]): (string | null)[] => [
  ...cells,
  ...Array<null>(W - cells.length).fill(null),
];

describe('headerBlockLines', () => {
  test('a returned list: superior and office at top left, motto, number and date skipped, stops at the title', () => {
    const sheet = grid(
      [
        pad(['UBND HUYỆN VĂN LÂM', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']),
        pad(['PHÒNG NỘI VỤ', null, null, null, 'Độc lập - Tự do - Hạnh phúc']),
        pad(['Số: 45/PNV', null, null, null, 'Văn Lâm, ngày 18 tháng 5 năm 2023']),
        pad(['------------']),
        pad(['DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN']),
        pad(['(Kèm theo Công văn số 45/PNV ngày 18/5/2023 của Phòng Nội vụ)']),
        pad(['Đơn vị: UBND huyện Văn Lâm']),
        pad(['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị công tác', 'Thành tích', null, 'Ghi chú']),
        pad(['1', 'Nguyễn Văn Hùng', '1980', 'Chuyên viên', 'Phòng Nội vụ', 'Cải cách hành chính', null, '']),
      ],
      ['A1:C1', 'E1:H1', 'A2:C2', 'E2:H2', 'A5:H5', 'A6:H6'],
    );
    expect(headerBlockLines(sheet)).toEqual({
      headerLines: ['UBND HUYỆN VĂN LÂM', 'PHÒNG NỘI VỤ'],
      unitLine: 'UBND huyện Văn Lâm',
    });
  });

  test('both lines in one cell, and no header block at all', () => {
    const oneCell = grid([
      pad([
        'UBND TỈNH HƯNG YÊN\nSỞ Y TẾ',
        null,
        null,
        null,
        'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
      ]),
      [],
      pad(['DANH SÁCH ĐIỂN HÌNH']),
    ]);
    expect(headerBlockLines(oneCell)).toEqual({ headerLines: ['UBND TỈNH HƯNG YÊN', 'SỞ Y TẾ'] });
    const bare = grid([
      ['STT', 'Họ và tên', 'Loại'],
      ['1', 'Đỗ Thị Thanh Hương', 'Cá nhân'],
    ]);
    expect(headerBlockLines(bare)).toEqual({ headerLines: [] });
  });
});

describe('the bundled sample lists: header block → sender', () => {
  const dir = path.resolve(__dirname, '..', '..', '..', 'samples', 'lists');
  const roster = fixtureRoster();
  test.each([
    ['UBND_TX_My_Hao.xlsx', 'UBND thị xã Mỹ Hào', 'header'],
    ['So_Y_te_DS_dien_hinh.xls', 'Sở Y tế', 'header'],
    ['Phong_Quan_ly_chuyen_nganh.ods', 'Phòng Quản lý chuyên ngành', 'header'],
    // legacy fonts (TCVN3, VNI-Windows): decoded first, then read
    ['UBND_huyen_Van_Lam.xlsx', 'UBND huyện Văn Lâm', 'header'],
    ['UBND huyện Yên Mỹ - danh sách.xlsx', 'UBND huyện Yên Mỹ', 'header'],
    // no header block: the file name says it
    ['Truong_Dai_hoc_SPKT_Hung_Yen.csv', 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'file-name'],
  ])('%s → %s (%s)', (file, name, source) => {
    const read = readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, file))), file);
    expect(read.workbook).not.toBeNull();
    if (!read.workbook) return;
    const wb = decodeWorkbook(read.workbook).workbook;
    const sheet = wb.sheets[0];
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const block = headerBlockLines(sheet);
    const m = identifyUnit({ ...block, sheetNames: wb.sheets.map((s) => s.name), fileName: file }, roster);
    expect({ unit: m.unit?.name, source: m.source }).toEqual({ unit: name, source });
  });
});
