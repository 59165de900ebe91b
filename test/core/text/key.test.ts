import { canonicalTone, foldAccents, headerKey, nameKey } from '../../../src/core/text/key';

const same = (...names: string[]): void => {
  const keys = names.map((n) => nameKey(n));
  expect(keys.map((k, i) => [names[i], k])).toEqual(names.map((n) => [n, keys[0]]));
};
const different = (a: string, b: string): void => expect(nameKey(a)).not.toBe(nameKey(b));

describe('nameKey', () => {
  test('"UBND TX Mỹ Hào" = "Ủy ban nhân dân thị xã Mỹ Hào" = "Uỷ ban nhân dân thị xã Mỹ Hào"', () => {
    same(
      'UBND TX Mỹ Hào',
      'Ủy ban nhân dân thị xã Mỹ Hào',
      'Uỷ ban nhân dân thị xã Mỹ Hào',
      'UBND TX. Mỹ Hào',
      'UBND TX.Mỹ Hào',
    );
    same('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO', 'Ủy  ban nhân dân  thị xã Mỹ Hào ');
  });

  test('one tone-mark placement: hòa = hoà, thủy = thuỷ, Thanh Hóa = Thanh Hoá, quý = qúy', () => {
    same('Xã Trung Hòa', 'Xã Trung Hoà');
    same('Xã Thụy Lôi', 'Xã Thuỵ Lôi');
    same('thủy', 'thuỷ');
    same('Tỉnh Thanh Hóa', 'Tỉnh Thanh Hoá');
    same('Quý', 'Qúy');
    // but the tone itself still counts
    different('Hòa', 'Hóa');
    different('thủy', 'thùy');
  });

  test('Sở KH&CN = Sở Khoa học và Công nghệ (also KHCN, KH & CN, KH-CN)', () => {
    same(
      'Sở KH&CN',
      'Sở Khoa học và Công nghệ',
      'Sở KHCN',
      'Sở KH & CN',
      'SỞ KH-CN',
      'Sở Khoa học & Công nghệ',
    );
    different('Sở KH&CN', 'Sở Nội vụ');
  });

  test('đ is kept apart from d, unless accents are folded', () => {
    different('Đông Anh', 'Dong Anh');
    different('Đào', 'Dào');
    expect(nameKey('Đông Anh', { foldAccents: true })).toBe(nameKey('Dong Anh', { foldAccents: true }));
    expect(nameKey('Đặng Văn Đức', { foldAccents: true })).toBe('dang van duc');
    // an eth (U+00D0) typed for Đ in old files is Đ
    same('Ðông Anh', 'Đông Anh');
  });

  test('TP. Hưng Yên = Thành phố Hưng Yên; H., TT., P., X. before a name', () => {
    same('TP. Hưng Yên', 'Thành phố Hưng Yên', 'TP Hưng Yên', 'TP.Hưng Yên');
    same('H. Văn Lâm', 'Huyện Văn Lâm');
    same('TT. Như Quỳnh', 'Thị trấn Như Quỳnh');
    same('P. Hiến Nam', 'Phường Hiến Nam');
    same('UBND X. Lạc Đạo', 'Ủy ban nhân dân xã Lạc Đạo');
  });

  test('other abbreviations of the guide: HĐND, ĐH, CĐ, Cty, TNHH, CP, TĐC', () => {
    same('HĐND tỉnh', 'Hội đồng nhân dân tỉnh');
    same('Trường ĐH Bách khoa', 'Trường Đại học Bách khoa');
    same('Trường CĐ Y tế', 'Trường Cao đẳng Y tế');
    same('Cty TNHH Minh Phát', 'Công ty trách nhiệm hữu hạn Minh Phát');
    same('Cty CP Xây dựng', 'Công ty cổ phần Xây dựng');
    same('Chi cục TĐC', 'Chi cục Tiêu chuẩn Đo lường Chất lượng');
  });

  test('case, spacing and punctuation are folded', () => {
    same('NGUYỄN  THỊ   HOA', 'Nguyễn Thị Hoa.', 'nguyễn thị hoa', ' Nguyễn Thị Hoa ');
    same('Phòng Nội vụ - UBND huyện Văn Lâm', 'Phòng Nội vụ, UBND huyện Văn Lâm');
  });

  test('a district office is not the province department', () => {
    different('Phòng Nội vụ', 'Sở Nội vụ');
    different('UBND huyện Văn Lâm', 'UBND tỉnh Hưng Yên');
  });

  test('NFD input gives the NFC key', () => {
    same('Nguyễn Thị Hòa'.normalize('NFD'), 'Nguyễn Thị Hòa');
  });
});

describe('canonicalTone, foldAccents, headerKey', () => {
  test('canonicalTone gives one form for both placements and keeps NFC', () => {
    expect(canonicalTone('hòa')).toBe(canonicalTone('hoà'));
    expect(canonicalTone('Thủy')).toBe(canonicalTone('Thuỷ'));
    expect(canonicalTone('hòa')).toBe(canonicalTone('hòa').normalize('NFC'));
    expect(canonicalTone('Hưng Yên')).toBe('Hưng Yên');
  });

  test('foldAccents removes every mark and turns đ into d', () => {
    expect(foldAccents('Đặng Thị Hồng Nhung')).toBe('Dang Thi Hong Nhung');
    expect(foldAccents('Ưng Hòa')).toBe('Ung Hoa');
  });

  test('headerKey: numbering and asterisks dropped, accents folded', () => {
    expect(headerKey('Họ và tên (1)')).toBe('ho va ten');
    expect(headerKey('HO VA TEN')).toBe('ho va ten');
    expect(headerKey('Họ tên (*)')).toBe('ho ten');
    expect(headerKey('Chức vụ, đơn vị công tác')).toBe('chuc vu don vi cong tac');
    expect(headerKey('Tên tập thể, cá nhân')).toBe(headerKey('TEN TAP THE, CA NHAN'));
  });
});
