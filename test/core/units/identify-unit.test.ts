import {
  identifyUnit,
  UNIT_CONFIDENCE_THRESHOLD,
  type UnitEvidence,
  type UnitMatch,
} from '../../../src/core/units/identify-unit';
import type { Roster } from '../../../src/core/units/roster';
import { fixtureRoster } from './roster-fixture';

const roster = fixtureRoster();

function ev(headerLines: string[], more: Partial<UnitEvidence> = {}): UnitEvidence {
  return { headerLines, sheetNames: ['Danh sách'], fileName: 'Danh sach.xlsx', ...more };
}

function sender(m: UnitMatch): string | null {
  return m.unit?.name ?? null;
}

describe('identifyUnit: the header block', () => {
  test.each([
    'UBND TX Mỹ Hào',
    'Ủy ban nhân dân thị xã Mỹ Hào',
    'Uỷ ban nhân dân thị xã Mỹ Hào',
    'UBND THỊ XÃ MỸ HÀO',
    'UBND TX. Mỹ Hào',
  ])('"%s" is UBND thị xã Mỹ Hào with confidence 1', (line) => {
    const m = identifyUnit(ev([line]), roster);
    expect(sender(m)).toBe('UBND thị xã Mỹ Hào');
    expect(m.confidence).toBe(1);
    expect(m.source).toBe('header');
  });

  test('PHÒNG NỘI VỤ under UBND THỊ XÃ MỸ HÀO is the town, never Sở Nội vụ', () => {
    const m = identifyUnit(ev(['UBND THỊ XÃ MỸ HÀO', 'PHÒNG NỘI VỤ']), roster);
    expect(sender(m)).toBe('UBND thị xã Mỹ Hào');
    expect(m.confidence).toBeGreaterThanOrEqual(UNIT_CONFIDENCE_THRESHOLD);
  });

  test('a district office whose town is not in the roster matches nothing, not the namesake Sở', () => {
    const without: Roster = { units: roster.units.filter((u) => u.name !== 'UBND thị xã Mỹ Hào') };
    const m = identifyUnit(ev(['UBND THỊ XÃ MỸ HÀO', 'PHÒNG NỘI VỤ']), without);
    expect(m.unit).toBeNull();
    expect(m.source).toBeNull();
    // the office alone, without its superior, is not Sở Nội vụ either
    expect(identifyUnit(ev(['PHÒNG NỘI VỤ']), roster).unit).toBeNull();
  });

  test('a district office named like a division of the Department stays the district', () => {
    // the roster has the Department's "Phòng Kế hoạch - Tài chính"; the district has one of the same name
    const m = identifyUnit(ev(['UBND HUYỆN VĂN LÂM', 'PHÒNG KẾ HOẠCH - TÀI CHÍNH']), roster);
    expect(sender(m)).toBe('UBND huyện Văn Lâm');
    const unknownDistrict = identifyUnit(ev(['UBND HUYỆN GIA LÂM', 'PHÒNG KẾ HOẠCH - TÀI CHÍNH']), roster);
    expect(unknownDistrict.unit).toBeNull();
  });

  test.each([
    [['UBND TỈNH HƯNG YÊN', 'SỞ NỘI VỤ'], 'Sở Nội vụ'],
    [['UBND TỈNH HƯNG YÊN', 'SỞ Y TẾ'], 'Sở Y tế'],
    [['ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], 'Sở Giáo dục và Đào tạo'],
    [['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'PHÒNG QUẢN LÝ CHUYÊN NGÀNH'], 'Phòng Quản lý chuyên ngành'],
    [
      ['SỞ KH&CN HƯNG YÊN', 'CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG'],
      'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    ],
    [['Sở KH&CN'], 'Sở Khoa học và Công nghệ'],
    [['SỞ KHCN'], 'Sở Khoa học và Công nghệ'],
    [['TRƯỜNG ĐH SPKT HƯNG YÊN'], 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên'],
    [['CÔNG TY CỔ PHẦN DƯỢC PHẨM HƯNG YÊN'], 'Công ty CP Dược phẩm Hưng Yên'],
    [['UBND TP. HƯNG YÊN'], 'UBND thành phố Hưng Yên'],
    [['UBND HUYEN KHOAI CHAU'], 'UBND huyện Khoái Châu'],
    [['SỞ Y TẾ TỈNH HƯNG YÊN'], 'Sở Y tế'],
    [['TRƯỜNG CAO ĐẲNG Y TẾ HƯNG YÊN'], 'Trường Cao đẳng Y tế Hưng Yên'],
    [['UBND TỈNH HƯNG YÊN', 'UBND THỊ XÃ MỸ HÀO', 'PHÒNG NỘI VỤ'], 'UBND thị xã Mỹ Hào'],
  ])('%j → %s', (lines, name) => {
    const m = identifyUnit(ev(lines), roster);
    expect(sender(m)).toBe(name);
    expect(m.confidence).toBeGreaterThanOrEqual(UNIT_CONFIDENCE_THRESHOLD);
    expect(m.source).toBe('header');
  });

  test("the Department's own division: its parent Sở need not be in the roster", () => {
    const noSo: Roster = { units: roster.units.filter((u) => u.name !== 'Sở Khoa học và Công nghệ') };
    const m = identifyUnit(ev(['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'PHÒNG QUẢN LÝ CHUYÊN NGÀNH']), noSo);
    expect(sender(m)).toBe('Phòng Quản lý chuyên ngành');
  });

  test('an unknown sender (UBND HUYỆN GIA LÂM) is null, with the nearest units as candidates', () => {
    const m = identifyUnit(
      ev(['UBND HUYỆN GIA LÂM', 'PHÒNG NỘI VỤ'], { fileName: 'UBND_huyen_Van_Lam.xlsx' }),
      roster,
    );
    expect(m.unit).toBeNull();
    expect(m.confidence).toBeLessThan(UNIT_CONFIDENCE_THRESHOLD);
    expect(m.candidates.length).toBeGreaterThan(0);
    expect(m.candidates.length).toBeLessThanOrEqual(3);
    expect(m.candidates[0]?.name).toBe('UBND huyện Văn Lâm');
    // the file name disagrees with a header that names a body: the header wins, no guess
    expect(m.source).toBeNull();
  });

  test('two units close together: ambiguous, both offered', () => {
    const twins: Roster = {
      units: [
        { name: 'Công ty CP Giống cây trồng Hưng Yên', aliases: [] },
        { name: 'Công ty TNHH Giống cây trồng Hưng Yên', aliases: [] },
        { name: 'Sở Y tế', aliases: [] },
      ],
    };
    const m = identifyUnit(ev(['CÔNG TY GIỐNG CÂY TRỒNG HƯNG YÊN']), twins);
    expect(m.unit).toBeNull();
    expect(m.candidates.map((c) => c.name).sort()).toEqual([
      'Công ty CP Giống cây trồng Hưng Yên',
      'Công ty TNHH Giống cây trồng Hưng Yên',
    ]);
    // the same alias given to two units is ambiguous even though it matches exactly
    const dup: Roster = {
      units: [
        { name: 'Sở Y tế', aliases: ['SYT'] },
        { name: 'Trường Cao đẳng Y tế Hưng Yên', aliases: ['SYT'] },
      ],
    };
    expect(identifyUnit(ev(['SYT']), dup).unit).toBeNull();
  });

  test('a "Đơn vị: …" line is used when the header block names nothing', () => {
    const m = identifyUnit(ev([], { unitLine: 'Sở Tài chính tỉnh Hưng Yên' }), roster);
    expect(sender(m)).toBe('Sở Tài chính');
    expect(m.source).toBe('unit-line');
    expect(m.confidence).toBeLessThan(1);
  });
});

describe('identifyUnit: file and sheet names', () => {
  test.each([
    ['UBND_huyen_Van_Lam.xlsx', 'UBND huyện Văn Lâm'],
    ['UBND huyện Văn Lâm.xlsx', 'UBND huyện Văn Lâm'],
    ['UBND_TX_My_Hao.xlsx', 'UBND thị xã Mỹ Hào'],
    ['DS dien hinh - So Y te.xls', 'Sở Y tế'],
    ['DS điển hình - Sở Y tế.xls', 'Sở Y tế'],
    ['UBND huyện Yên Mỹ - danh sách.xlsx', 'UBND huyện Yên Mỹ'],
    ['Truong_Dai_hoc_SPKT_Hung_Yen.csv', 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên'],
    ['C:\\Users\\VP\\Downloads\\Phong_Quan_ly_chuyen_nganh.ods', 'Phòng Quản lý chuyên ngành'],
  ])('%s → %s', (fileName, name) => {
    const m = identifyUnit({ headerLines: [], sheetNames: ['Sheet1'], fileName }, roster);
    expect(sender(m)).toBe(name);
    expect(m.source).toBe('file-name');
    expect(m.confidence).toBeGreaterThanOrEqual(UNIT_CONFIDENCE_THRESHOLD);
  });

  test('a file name that names no unit gives null', () => {
    const m = identifyUnit(
      { headerLines: [], sheetNames: ['Sheet1'], fileName: 'danh sach dien hinh 2023.xlsx' },
      roster,
    );
    expect(m.unit).toBeNull();
    expect(m.source).toBeNull();
  });

  test('header evidence beats the file name', () => {
    const m = identifyUnit(ev(['UBND TỈNH HƯNG YÊN', 'SỞ Y TẾ'], { fileName: 'So_Noi_vu.xlsx' }), roster);
    expect(sender(m)).toBe('Sở Y tế');
    expect(m.source).toBe('header');
  });

  test('garbled header (undecoded legacy text) falls back to sheet name, then file name', () => {
    const garbled = ['UBND HUYÖN V¡N L¢M', 'PHßNG NéI Vô'];
    const bySheet = identifyUnit(ev(garbled, { sheetNames: ['Huyen Kim Dong'] }), roster);
    expect(sender(bySheet)).toBe('UBND huyện Kim Động');
    expect(bySheet.source).toBe('sheet');
    const byFile = identifyUnit(ev(garbled, { fileName: 'UBND_huyen_Van_Lam.xls' }), roster);
    expect(sender(byFile)).toBe('UBND huyện Văn Lâm');
    expect(byFile.source).toBe('file-name');
  });
});
