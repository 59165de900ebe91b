import { defaultSchema } from '../../../src/core/schema/default-schema';
import {
  classifyRow,
  isNoNomineesText,
  isSignatureText,
  looksLikePersonName,
  type RowCell,
  type RowShape,
} from '../../../src/core/table/row-kinds';
import { loaiField } from '../../../src/core/table/sheet-loai';

/** STT in A, name in B, eight columns A–H. */
const shape: RowShape = {
  nameCol: 1,
  rowNumberCol: 0,
  firstCol: 0,
  lastCol: 7,
  loaiField: loaiField(defaultSchema()),
};

function row(...values: (string | number | null)[]): RowCell[] {
  const out: RowCell[] = [];
  values.forEach((v, c) => {
    if (v !== null && String(v).trim() !== '') out.push({ c, text: String(v), span: 1 });
  });
  return out;
}

describe('classifyRow', () => {
  test.each([
    [row('I. TẬP THỂ'), 'Tập thể'],
    [row('II. CÁ NHÂN'), 'Cá nhân'],
    [row('A. Tập thể'), 'Tập thể'],
    [row('a) Cá nhân'), 'Cá nhân'],
    [row('1. Tập thể:'), 'Tập thể'],
    [row(null, 'Cá nhân'), 'Cá nhân'],
    [row('II', 'CÁ NHÂN'), 'Cá nhân'],
    [row('B.', 'Cá nhân (03 người)'), 'Cá nhân'],
    [row(null, 'Danh sách tập thể'), 'Tập thể'],
    [row('II - CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG'), 'Cá nhân'],
  ])('section %j sets %s', (cells, loai) => {
    expect(classifyRow(cells, shape)).toMatchObject({ kind: 'section', loai });
  });

  test.each([
    [row(null, 'Khối Sở, ngành')],
    [row('III. KHỐI DOANH NGHIỆP')],
    [row('A', 'Khối huyện, thị xã')],
    [row(null, 'Các trường đại học, cao đẳng:')],
    [[{ c: 0, text: 'Đơn vị sự nghiệp', span: 8 }]],
  ])('section %j does not change the type', (cells) => {
    expect(classifyRow(cells, shape)).toEqual({
      kind: 'section',
      loai: null,
      text: cells.map((c) => c.text).join(' '),
    });
  });

  test.each([
    [row(1, 'Nguyễn Thị Hoa', 1978, 'Trưởng phòng')],
    [row(null, 'UBND xã Lạc Đạo')],
    [row(3, 'Tập thể lớp 12A1 Trường THPT Văn Lâm')],
    [row(null, 'Hợp tác xã Tập thể Tân Quang')],
    [row(2, 'Phạm Văn Long', null, 'Giám đốc')],
    [row(1, 'Nguyễn Văn Bình')],
  ])('a nominee row %j is left to the caller', (cells) => {
    expect(classifyRow(cells, shape)).toEqual({ kind: 'other' });
  });

  test.each([
    [row('(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)')],
    [row(1, 2, 3, 4, 5, 6, 7, 8)],
    [row('A', 'B', 1, 2, 3, 4, 5, 6)],
    [row('1', '2', '3')],
  ])('numbering row %j', (cells) => {
    expect(classifyRow(cells, shape)).toEqual({ kind: 'numbering' });
  });

  test.each([
    [row('Ghi chú: - Danh sách xếp theo thứ tự.')],
    [row('Lưu ý: gửi kèm bản mềm.')],
    [row('* Tập thể xếp trước, cá nhân xếp sau.')],
    [row('(*) Chỉ ghi một lĩnh vực.')],
    [row('(1) Ghi rõ lĩnh vực theo Công văn.')],
    [row(null, null, null, null, null, 'Văn Lâm, ngày 18 tháng 5 năm 2023')],
    [row(null, null, null, null, null, 'Mỹ Hào, ngày    tháng    năm 2023')],
    [row('Nơi nhận:', null, null, null, null, 'KT. CHỦ TỊCH')],
    [row(null, 'NGƯỜI LẬP BIỂU', null, null, null, 'TM. UỶ BAN NHÂN DÂN')],
    [row(null, 'Người lập biểu', null, null, null, 'THỦ TRƯỞNG ĐƠN VỊ')],
    [row(null, null, null, null, null, 'PHÓ CHỦ TỊCH')],
    [row(null, null, null, null, null, 'GIÁM ĐỐC')],
    [row(null, null, null, null, null, 'T/M BAN GIÁM HIỆU')],
    [row(null, null, null, null, null, '(Ký tên, đóng dấu)')],
    [row(null, null, null, null, null, '(Ký, ghi rõ họ tên)')],
    [row(null, null, null, null, null, 'Nguyễn Văn Bình')],
  ])('footer %j', (cells) => {
    expect(classifyRow(cells, shape).kind).toBe('footer');
  });

  test('"Giám đốc" in mixed case (a position typed as data) is not a signature line', () => {
    expect(isSignatureText('Giám đốc')).toBe(false);
    expect(isSignatureText('GIÁM ĐỐC')).toBe(true);
  });

  test('the footer phrases are recognised in decomposed Unicode (NFD) too', () => {
    for (const t of [
      'Người lập biểu',
      'Văn Lâm, ngày 18 tháng 5 năm 2023',
      '(Ký tên, đóng dấu)',
      'Xác nhận của thủ trưởng',
    ]) {
      expect(isSignatureText(t.normalize('NFD'))).toBe(true);
    }
    expect(isNoNomineesText('Không có đề nghị'.normalize('NFD'))).toBe(true);
  });

  test.each([
    'Đơn vị không có tập thể, cá nhân đề nghị',
    'Không có',
    'Không có đề nghị',
    'KHÔNG CÓ',
    'Không',
    'Năm nay đơn vị không có cá nhân đủ điều kiện',
  ])('no nominees: "%s"', (text) => {
    expect(classifyRow(row(null, text), shape)).toEqual({ kind: 'no-nominees', text });
  });

  test('a name starting with "Không" is not such a note', () => {
    expect(isNoNomineesText('Khổng Văn Minh')).toBe(false);
    expect(isNoNomineesText('Không gian sáng tạo Hưng Yên')).toBe(false);
  });

  test("a signer's name is a name; a sentence or a unit is not", () => {
    expect(looksLikePersonName('Nguyễn Văn Bình')).toBe(true);
    expect(looksLikePersonName('LÊ THỊ LAN')).toBe(true);
    expect(looksLikePersonName('Đã được khen năm 2021')).toBe(false);
    expect(looksLikePersonName('Bình')).toBe(false);
  });

  test('a lone text in a late column that is not a name is kept for the caller (e.g. a note in Ghi chú)', () => {
    expect(
      classifyRow(row(null, null, null, null, null, null, null, 'đã được khen năm 2021'), shape),
    ).toEqual({ kind: 'other' });
  });
});
