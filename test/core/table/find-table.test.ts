import { cellText } from '../../../src/core/grid';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import type { TableSchema } from '../../../src/core/schema/types';
import { findTable } from '../../../src/core/table/find-table';
import type { FoundTable, TableRow } from '../../../src/core/table/types';
import { grid, type Value } from './grid-builder';

const schema = defaultSchema();
const ctx = { file: 'UBND_Van_Lam.xlsx' };

/** Field → column letter, for the mapped columns. */
function mapping(t: FoundTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of t.columns) if (c.field) out[c.field] = String.fromCharCode(65 + c.col);
  return out;
}

function val(row: TableRow, field: string): string {
  return cellText(row.cells[field]?.cell);
}

function names(t: FoundTable): string[] {
  return t.rows.map((r) => val(r, 'ten'));
}

function issueList(t: FoundTable): string[] {
  return t.issues.map((i) => `${i.code} ${i.cell ?? i.row ?? ''}${i.field ? ` ${i.field}` : ''}`);
}

function found(t: FoundTable | null): FoundTable {
  expect(t).not.toBeNull();
  return t as FoundTable;
}

/** The header block of a district office: superior body / office left, national motto right, title, "(Kèm theo …)". */
function headerBlock(width: number): { rows: Value[][]; merges: string[] } {
  const last = String.fromCharCode(64 + width);
  return {
    rows: [
      ['UBND HUYỆN VĂN LÂM', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['PHÒNG NỘI VỤ', null, null, 'Độc lập - Tự do - Hạnh phúc'],
      [],
      ['DANH SÁCH GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN'],
      ['(Kèm theo Công văn số 123/UBND-NV ngày 15/5/2023 của UBND huyện Văn Lâm)'],
      [],
    ],
    merges: ['A1:C1', 'A2:C2', `D1:${last}1`, `D2:${last}2`, `A4:${last}4`, `A5:${last}5`],
  };
}

const HOA = [
  'Nguyễn Thị Hoa',
  1978,
  'Trưởng phòng',
  'Phòng Nội vụ huyện Văn Lâm',
  'Cải cách hành chính',
  'Số hóa hồ sơ thủ tục hành chính.',
];
const DUC = [
  'Trần Văn Đức',
  1985,
  'Chuyên viên',
  'Phòng Kinh tế và Hạ tầng',
  'Sở hữu trí tuệ',
  'Đăng ký 5 nhãn hiệu tập thể.',
];
const HTX = [
  'Hợp tác xã Nông nghiệp Lạc Hồng',
  null,
  null,
  null,
  'Khởi nghiệp, đổi mới sáng tạo',
  'Thương hiệu nhãn lồng, mã QR.',
];

/** STT, Họ và tên, Năm sinh, Chức vụ, Đơn vị công tác, Thành tích (Lĩnh vực, Tóm tắt thành tích), Ghi chú over rows 7–8. */
function twoRowHeader(): { rows: Value[][]; merges: string[] } {
  return {
    rows: [
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị công tác', 'Thành tích', null, 'Ghi chú'],
      [null, null, null, null, null, 'Lĩnh vực', 'Tóm tắt thành tích', null],
    ],
    merges: ['A7:A8', 'B7:B8', 'C7:C8', 'D7:D8', 'E7:E8', 'F7:G7', 'H7:H8'],
  };
}

function listWith(body: Value[][], extraMerges: string[] = [], name = 'Danh sách') {
  const hb = headerBlock(8);
  const h = twoRowHeader();
  return grid([...hb.rows, ...h.rows, ...body], [...hb.merges, ...h.merges, ...extraMerges], name);
}

describe('a district list with a header block, a two-row merged header and sections', () => {
  const body: Value[][] = [
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
    ['I. TẬP THỂ'],
    [1, ...HTX],
    ['II. CÁ NHÂN'],
    [1, ...HOA],
    [2, ...DUC],
    [],
    ['Ghi chú: Danh sách xếp theo thứ tự tập thể trước, cá nhân sau.'],
    [null, null, null, null, null, 'Văn Lâm, ngày 18 tháng 5 năm 2023'],
    [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'KT. CHỦ TỊCH'],
    [null, null, null, null, null, 'PHÓ CHỦ TỊCH'],
    [],
    [null, 'Lê Thị Lan', null, null, null, 'Nguyễn Văn Bình'],
  ];
  const t = found(findTable(listWith(body, ['A10:H10', 'A12:H12']), schema, ctx));

  test('the header is rows 7–8, under the header block, title and "(Kèm theo …)" line', () => {
    expect(t.headerRows).toEqual([6, 7]);
  });

  test('a child under "Thành tích" keeps its parent in the header text and maps by its own name', () => {
    expect(mapping(t)).toEqual({
      ten: 'B',
      namSinh: 'C',
      chucVu: 'D',
      donViCongTac: 'E',
      linhVuc: 'F',
      thanhTich: 'G',
      ghiChu: 'H',
    });
    expect(t.columns.find((c) => c.col === 5)?.header).toBe('Thành tích / Lĩnh vực');
    expect(t.columns.find((c) => c.col === 0)).toMatchObject({
      header: 'STT',
      field: null,
      isRowNumber: true,
    });
  });

  test('the numbering row and section rows are skipped; sections give each nominee its type', () => {
    expect(names(t)).toEqual(['Hợp tác xã Nông nghiệp Lạc Hồng', 'Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Tập thể', 'Cá nhân', 'Cá nhân']);
    expect(t.rows.map((r) => r.r)).toEqual([10, 12, 13]);
    expect(t.skipped.filter((s) => s.reason !== 'blank').map((s) => `${s.r}:${s.reason}`)).toEqual([
      '8:numbering',
      '9:section',
      '11:section',
      '15:footer',
    ]);
  });

  test("the footnote stops the table: the signers' names are not read as nominees", () => {
    expect(names(t)).not.toContain('Lê Thị Lan');
    expect(t.rows).toHaveLength(3);
  });

  test('no header issue: Loại comes from the sections, Đơn vị công tác is only required per row', () => {
    expect(t.issues).toEqual([]);
  });

  test('every mapped field has an entry on each row, empty cells included', () => {
    const htx = t.rows[0];
    expect(Object.keys(htx.cells).sort()).toEqual(
      ['chucVu', 'donViCongTac', 'ghiChu', 'linhVuc', 'namSinh', 'ten', 'thanhTich'].sort(),
    );
    expect(htx.cells.donViCongTac).toEqual({ cell: undefined, col: 4 });
    expect(t.rows[1].cells.namSinh.cell?.v).toBe(1978);
  });
});

describe('numbering rows', () => {
  test.each([
    ['(1) (2) (3)', ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)']],
    ['1 2 3', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['A B 1 2', ['A', 'B', 1, 2, 3, 4, 5, 6]],
  ])('"%s" under the header is skipped', (_label, numbering) => {
    const t = found(findTable(listWith([numbering as Value[], [1, ...HOA], [2, ...DUC]]), schema, ctx));
    expect(names(t)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.skipped[0]).toMatchObject({ r: 8, reason: 'numbering' });
  });
});

describe('section rows in every style', () => {
  test.each([
    ['I. TẬP THỂ / II. CÁ NHÂN', ['I. TẬP THỂ'], ['II. CÁ NHÂN'], []],
    ['A. Tập thể / B. Cá nhân', ['A. Tập thể'], ['B. Cá nhân'], []],
    ['a) Tập thể / b) Cá nhân', ['a) Tập thể'], ['b) Cá nhân'], []],
    ['1. Tập thể: / 2. Cá nhân:', ['1. Tập thể:'], ['2. Cá nhân:'], []],
    ['alone in the name column', [null, 'Tập thể'], [null, 'Cá nhân'], []],
    ['marker in STT, label in the name column', ['I', 'TẬP THỂ'], ['II', 'CÁ NHÂN'], []],
    ['merged across the row', ['TẬP THỂ ĐỀ NGHỊ'], ['CÁ NHÂN ĐỀ NGHỊ'], ['A9:H9', 'A11:H11']],
  ])('%s', (_label, first, second, merges) => {
    const t = found(
      findTable(
        listWith([first as Value[], [1, ...HTX], second as Value[], [1, ...HOA], [2, ...DUC]], merges),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['Hợp tác xã Nông nghiệp Lạc Hồng', 'Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Tập thể', 'Cá nhân', 'Cá nhân']);
    expect(t.skipped.map((s) => s.reason)).toEqual(['section', 'section']);
    expect(t.issues.map((i) => i.code)).not.toContain('missing-label');
  });

  test('a group row ("Khối Sở, ngành") is skipped without changing the type', () => {
    const t = found(
      findTable(
        listWith(
          [['I. CÁ NHÂN'], ['Khối Sở, ngành'], [1, ...HOA], ['Khối huyện, thị xã:'], [2, ...DUC]],
          ['A10:H10'],
        ),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Cá nhân', 'Cá nhân']);
    expect(t.skipped.map((s) => s.reason)).toEqual(['section', 'section', 'section']);
  });

  test('a nominee with only a name filled in stays a nominee (its empty cells are for the validator)', () => {
    const t = found(
      findTable(
        listWith([['I. TẬP THỂ'], [1, 'UBND xã Lạc Đạo'], [null, 'Trường THCS Như Quỳnh']]),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['UBND xã Lạc Đạo', 'Trường THCS Như Quỳnh']);
    expect(t.rows.every((r) => r.sectionLoai === 'Tập thể')).toBe(true);
  });

  test('without sections or a Loại column, Loại is a missing column', () => {
    const t = found(findTable(listWith([[1, ...HOA]]), schema, ctx));
    expect(issueList(t)).toEqual(['missing-label I7 loai']);
    expect(t.rows[0].sectionLoai).toBeUndefined();
  });
});

describe('a sheet named after the type', () => {
  test('a sheet named "Cá nhân" gives every row its type and needs no Loại column', () => {
    const t = found(
      findTable(
        listWith(
          [
            [1, ...HOA],
            [2, ...DUC],
          ],
          [],
          'Cá nhân',
        ),
        schema,
        { ...ctx, sheetLoai: 'Cá nhân' },
      ),
    );
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Cá nhân', 'Cá nhân']);
    expect(t.issues).toEqual([]);
  });

  test('a section row below still wins over the sheet name', () => {
    const t = found(
      findTable(listWith([[1, ...HOA], ['II. TẬP THỂ'], [1, ...HTX]]), schema, {
        ...ctx,
        sheetLoai: 'Cá nhân',
      }),
    );
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Cá nhân', 'Tập thể']);
  });
});

describe('footnotes and the signature block end the table', () => {
  test.each([
    [['Ghi chú: Đề nghị ghi rõ lĩnh vực.']],
    [['* Danh sách xếp theo thứ tự tập thể trước.']],
    [[null, null, null, null, 'Văn Lâm, ngày 18 tháng 5 năm 2023']],
    [[null, null, null, null, 'Hưng Yên, ngày      tháng     năm 2023']],
    [['Nơi nhận:', null, null, null, null, 'KT. CHỦ TỊCH']],
    [[null, 'NGƯỜI LẬP BIỂU']],
    [[null, null, null, null, null, 'KT. CHỦ TỊCH']],
    [[null, null, null, null, null, 'PHÓ CHỦ TỊCH']],
    [[null, null, null, null, null, 'GIÁM ĐỐC']],
    [[null, null, null, null, null, 'TM. UỶ BAN NHÂN DÂN']],
    [[null, null, null, null, null, '(Ký tên, đóng dấu)']],
    [[null, null, null, null, null, 'Nguyễn Văn Bình']],
  ])('%j', (stop) => {
    const t = found(
      findTable(
        listWith([[1, ...HOA], stop, [null, 'Lê Thị Lan', null, null, null, 'Nguyễn Văn Bình']]),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
    expect(t.skipped.at(-1)).toMatchObject({ r: 9, reason: 'footer' });
    expect(t.end).toEqual({ r: 9, reason: 'footer' });
  });

  test('a note right under the header, before any nominee, is an instruction: reading goes on', () => {
    const t = found(
      findTable(listWith([['Ghi chú: tập thể ghi trước, cá nhân ghi sau'], [1, ...HOA]]), schema, ctx),
    );
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
    expect(t.skipped[0]).toMatchObject({ r: 8, reason: 'note' });
  });

  test('an empty form sent back with its signature block has no nominees (the signer is not one)', () => {
    const t = found(
      findTable(
        listWith([
          [],
          [null, null, null, null, null, 'Văn Lâm, ngày 18 tháng 5 năm 2023'],
          [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'TRƯỞNG PHÒNG'],
          [null, 'Lê Thị Lan', null, null, null, 'Nguyễn Văn Bình'],
        ]),
        schema,
        ctx,
      ),
    );
    expect(t.rows).toEqual([]);
    expect(t.end).toEqual({ r: 9, reason: 'footer' });
  });

  test('"Giám đốc" as a nominee\'s position is data, not a signature', () => {
    const t = found(
      findTable(
        listWith([
          [1, 'Phạm Văn Long', 1970, 'Giám đốc', 'Sở Khoa học và Công nghệ'],
          [2, ...DUC],
        ]),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['Phạm Văn Long', 'Trần Văn Đức']);
  });
});

describe('a unit with no nominees', () => {
  test.each(['Đơn vị không có tập thể, cá nhân đề nghị', 'Không có', 'Không có đề nghị'])('"%s"', (note) => {
    const t = found(
      findTable(
        listWith(
          [['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'], [note], [], ['Ghi chú: …']],
          ['A10:H10'],
        ),
        schema,
        ctx,
      ),
    );
    expect(t.rows).toEqual([]);
    expect(t.noNomineesNote).toEqual({ r: 9, text: note });
    // nothing is missing from a list that has no rows
    expect(t.issues).toEqual([]);
  });

  test('"Không có" under one section while the other has nominees is not a no-nominees list', () => {
    const t = found(
      findTable(listWith([['I. TẬP THỂ'], [null, 'Không có'], ['II. CÁ NHÂN'], [1, ...HOA]]), schema, ctx),
    );
    expect(t.noNomineesNote).toBeUndefined();
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
    expect(t.skipped.map((s) => s.reason)).toEqual(['section', 'note', 'section']);
  });
});

describe('renamed headers (GUIDE §4)', () => {
  test('"HO VA TEN", "Chức vụ, đơn vị công tác", "Thành tích nổi bật", "Lĩnh vực hoạt động", "Số TT"', () => {
    const sheet = grid([
      ['Số TT', 'HO VA TEN', 'Loại', 'Chức vụ, đơn vị công tác', 'Lĩnh vực hoạt động', 'Thành tích nổi bật'],
      [1, 'Nguyen Thi Hoa', 'Cá nhân', 'Trưởng phòng Phòng Nội vụ', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(mapping(t)).toEqual({ ten: 'B', loai: 'C', donViCongTac: 'D', linhVuc: 'E', thanhTich: 'F' });
    expect(t.columns[0]).toMatchObject({ isRowNumber: true, field: null });
    expect(t.issues).toEqual([]);
  });

  test('"Tên tập thể, cá nhân", "Stt", "Chức danh", "Cơ quan, đơn vị", "Tóm tắt thành tích" in a header on row 1', () => {
    const sheet = grid([
      [
        'Stt',
        'Tên tập thể, cá nhân',
        'Tập thể/Cá nhân',
        'Chức danh',
        'Cơ quan, đơn vị',
        'Lĩnh vực',
        'Tóm tắt thành tích',
      ],
      [
        1,
        'Lê Thủy Tiên',
        'Cá nhân',
        'Giáo viên',
        'Trường THCS Như Quỳnh',
        'Cuộc thi sáng tạo khoa học kỹ thuật',
        'Giải Nhì cấp tỉnh.',
      ],
      [
        2,
        'Trường THCS Như Quỳnh',
        'Tập thể',
        null,
        null,
        'Cuộc thi sáng tạo khoa học kỹ thuật',
        'Ba giải cấp tỉnh.',
      ],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(t.headerRows).toEqual([0]);
    expect(mapping(t)).toEqual({
      ten: 'B',
      loai: 'C',
      chucVu: 'D',
      donViCongTac: 'E',
      linhVuc: 'F',
      thanhTich: 'G',
    });
    expect(names(t)).toEqual(['Lê Thủy Tiên', 'Trường THCS Như Quỳnh']);
  });

  test('a plain list with no STT column, header on row 1 (as a CSV arrives)', () => {
    const sheet = grid([
      ['Họ tên', 'Loại', 'Lĩnh vực', 'Thành tích tiêu biểu'],
      ['Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
      ['Trần Văn Đức', 'Cá nhân', 'Sở hữu trí tuệ', 'Nhãn hiệu tập thể.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(t.headerRows).toEqual([0]);
    expect(t.columns.some((c) => c.isRowNumber)).toBe(false);
    expect(names(t)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Đức']);
  });
});

describe('header issues', () => {
  test('a missing required column is reported at the header row, next to the last column', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Đơn vị công tác', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Phòng Nội vụ', 'Số hóa hồ sơ.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    const missing = t.issues.filter((i) => i.code === 'missing-label');
    expect(missing.map((i) => [i.field, i.cell, i.severity])).toEqual([['linhVuc', 'F1', 'error']]);
    expect(missing[0].message).toBe(
      'Tệp „UBND_Van_Lam.xlsx”, trang „Danh sách”, ô F1: thiếu cột bắt buộc „Lĩnh vực”.',
    );
  });

  test('an unknown column is extra-label (info) at its header cell, and is not mapped', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Số điện thoại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', '0912345678', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(t.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([['extra-label', 'D1', 'info']]);
    expect(t.issues[0].message).toContain('„Số điện thoại”');
    expect(t.columns[3]).toMatchObject({ col: 3, field: null });
    expect(Object.keys(t.rows[0].cells)).not.toContain('Số điện thoại');
  });

  test('a column with data but no header is blank-label; a repeated header is duplicate-label', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', null, 'Tóm tắt thành tích', 'Họ và tên'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'x', 'Số hóa hồ sơ.', 'Nguyễn Thị Hoa'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(issueList(t)).toEqual(['blank-label E1', 'duplicate-label G1']);
    expect(t.issues[1].message).toContain('trùng với cột B');
    expect(mapping(t).ten).toBe('B');
  });

  test('a blank header over an empty column is not reported', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', null, 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', null, 'Cải cách hành chính', 'Số hóa hồ sơ.'],
    ]);
    expect(found(findTable(sheet, schema, ctx)).issues).toEqual([]);
  });

  test('a custom schema: its own required field is reported missing, the built-in ones are not', () => {
    const custom: TableSchema = {
      fields: [
        { name: 'ten', title: 'Họ và tên', type: 'string', constraints: { required: true } },
        { name: 'email', title: 'Email', type: 'string', constraints: { required: true } },
      ],
    };
    const sheet = grid([
      ['STT', 'Họ và tên', 'Lĩnh vực'],
      [1, 'Nguyễn Thị Hoa', 'Cải cách hành chính'],
    ]);
    const t = found(findTable(sheet, custom, ctx));
    expect(issueList(t)).toEqual(['extra-label C1', 'missing-label D1 email']);
  });
});

describe('rows', () => {
  test('blank rows and rows with only an STT number are skipped silently', () => {
    const t = found(
      findTable(
        listWith([[1, ...HOA], [], [2], [null, null, null, null, null, null, null, null], [3, ...DUC]]),
        schema,
        ctx,
      ),
    );
    expect(names(t)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.skipped.map((s) => `${s.r}:${s.reason}`)).toEqual(['9:blank', '10:blank', '11:blank']);
    expect(t.issues).toHaveLength(1); // only the missing Loại column
  });

  test('a unit name merged down over several people is filled into each of their rows', () => {
    const sheet = listWith(
      [
        [
          1,
          'Nguyễn Thị Hoa',
          1978,
          'Trưởng phòng',
          'Phòng Nội vụ huyện Văn Lâm',
          'Cải cách hành chính',
          'Số hóa.',
        ],
        [2, 'Trần Văn Đức', 1985, 'Chuyên viên', null, 'Sở hữu trí tuệ', 'Nhãn hiệu.'],
        [3, 'Lê Văn Nam', 1990, 'Chuyên viên', null, 'Sở hữu trí tuệ', 'Sáng chế.'],
        [4, 'Đỗ Thị Mai', 1992, 'Giáo viên', 'Trường THCS Như Quỳnh', 'An sinh xã hội', 'Từ thiện.'],
      ],
      ['E9:E11'],
    );
    const t = found(findTable(sheet, schema, ctx));
    expect(t.rows.map((r) => val(r, 'donViCongTac'))).toEqual([
      'Phòng Nội vụ huyện Văn Lâm',
      'Phòng Nội vụ huyện Văn Lâm',
      'Phòng Nội vụ huyện Văn Lâm',
      'Trường THCS Như Quỳnh',
    ]);
    expect(t.rows[2].cells.donViCongTac.col).toBe(4);
  });

  test('the old form "Năm sinh" over "Nam" | "Nữ": the year is read from either column, the gender from which one', () => {
    const sheet = grid(
      [
        ['STT', 'Họ và tên', 'Năm sinh', null, 'Chức vụ, đơn vị công tác', 'Lĩnh vực', 'Tóm tắt thành tích'],
        [null, null, 'Nam', 'Nữ', null, null, null],
        [1, 'Nguyễn Thị Hoa', null, 1978, 'Trưởng phòng Nội vụ', 'Cải cách hành chính', 'Số hóa.'],
        [2, 'Trần Văn Đức', 1985, null, 'Chuyên viên', 'Sở hữu trí tuệ', 'Nhãn hiệu.'],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:F2', 'G1:G2'],
      'Cá nhân',
    );
    const t = found(findTable(sheet, schema, { ...ctx, sheetLoai: 'Cá nhân' }));
    expect(t.rows.map((r) => [val(r, 'namSinh'), val(r, 'gioiTinh'), r.cells.namSinh.col])).toEqual([
      ['1978', 'Nữ', 3],
      ['1985', 'Nam', 2],
    ]);
    expect(t.columns.filter((c) => c.field === 'namSinh').map((c) => c.header)).toEqual([
      'Năm sinh / Nam',
      'Năm sinh / Nữ',
    ]);
    expect(t.issues).toEqual([]);
  });

  test('cells right of the last header column are listed as extra cells', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.', null, 'ghi thêm'],
      [2, 'Trần Văn Đức', 'Cá nhân', 'Sở hữu trí tuệ', 'Nhãn hiệu.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(t.rows.map((r) => r.extraCols)).toEqual([[6], undefined]);
  });

  test('a header repeated on the next printed page is skipped', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [2, 'Trần Văn Đức', 'Cá nhân', 'Sở hữu trí tuệ', 'Nhãn hiệu.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(names(t)).toEqual(['Nguyễn Thị Hoa', 'Trần Văn Đức']);
    expect(t.skipped).toEqual([
      { r: 2, reason: 'header', text: 'STT Họ và tên Loại Lĩnh vực Tóm tắt thành tích' },
    ]);
  });

  test('a second table after a gap of blank rows is not mixed in', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
      [],
      [],
      [],
      ['BẢNG TỔNG HỢP SỐ LƯỢNG'],
      ['STT', 'Đơn vị', 'Số tập thể', 'Số cá nhân'],
      [1, 'Phòng Nội vụ', 0, 1],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
  });

  test('a second list with its own header after one blank row is not mixed in, and where it starts is said', () => {
    const sheet = grid([
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
      [],
      ['TT', 'Tên tập thể', 'Lĩnh vực hoạt động', 'Thành tích nổi bật'],
      [1, 'Phòng Nội vụ', 'Cải cách hành chính', 'Dẫn đầu.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
    expect(t.end).toEqual({ r: 3, reason: 'second-table' });
  });

  test('a list split by a title "DANH SÁCH CÁ NHÂN" and the same header again is read as one list', () => {
    const head = ['STT', 'Tên tập thể, cá nhân', 'Lĩnh vực', 'Tóm tắt thành tích'];
    const sheet = grid([
      ['DANH SÁCH TẬP THỂ'],
      head,
      [1, 'Phòng Nội vụ', 'Cải cách hành chính', 'Dẫn đầu.'],
      [],
      [],
      [],
      ['DANH SÁCH CÁ NHÂN'],
      head,
      [1, 'Nguyễn Thị Hoa', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
    ]);
    const t = found(findTable(sheet, schema, ctx));
    expect(names(t)).toEqual(['Phòng Nội vụ', 'Nguyễn Thị Hoa']);
    // the title above the header gives the first part its type, the title in between the second part's
    expect(t.rows.map((r) => r.sectionLoai)).toEqual(['Tập thể', 'Cá nhân']);
    expect(t.end).toBeUndefined();
    expect(t.issues).toEqual([]);
  });

  test('the list ends after a long run of blank rows', () => {
    const rows: Value[][] = [
      ['STT', 'Họ và tên', 'Loại', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Thị Hoa', 'Cá nhân', 'Cải cách hành chính', 'Số hóa hồ sơ.'],
      ...Array.from({ length: 25 }, () => [] as Value[]),
      [null, 'Bảng nháp', null, 'x'],
    ];
    const t = found(findTable(grid(rows), schema, ctx));
    expect(names(t)).toEqual(['Nguyễn Thị Hoa']);
    expect(t.end).toEqual({ r: 27, reason: 'long-gap' });
    // the blank rows after the last nominee are not listed as skipped rows inside the table
    expect(t.skipped).toEqual([]);
  });
});

describe('no table', () => {
  test('a sheet without a header naming the nominee is not a table', () => {
    const sheet = grid([
      ['UBND HUYỆN VĂN LÂM', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Kính gửi: Sở Khoa học và Công nghệ'],
      ['Phòng Nội vụ báo cáo kết quả bình xét thi đua năm 2023 như sau:'],
      ['Lĩnh vực', 'Số lượng'],
      ['Cải cách hành chính', 3],
    ]);
    expect(findTable(sheet, schema, ctx)).toBeNull();
  });

  test('a title mentioning "tập thể, cá nhân" is not taken for a header', () => {
    const sheet = grid([
      ['DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG'],
      [],
      ['Đang tổng hợp, sẽ gửi sau.'],
    ]);
    expect(findTable(sheet, schema, ctx)).toBeNull();
  });

  test('a code list (a lookup sheet) is not a table', () => {
    const sheet = grid([
      ['NAME', 'CODE'],
      ['Y tế', '0012'],
      ['Giáo dục', '0013'],
    ]);
    expect(findTable(sheet, schema, ctx)).toBeNull();
  });
});

describe('a large sheet', () => {
  test('50,000 nominees are all read, with their types and cells', () => {
    const n = 50_000;
    const body: Value[][] = [['I. CÁ NHÂN']];
    for (let i = 1; i <= n; i++) {
      body.push([
        i,
        `Nguyễn Văn ${i}`,
        1960 + (i % 40),
        'Chuyên viên',
        `Đơn vị ${i % 50}`,
        'Cải cách hành chính',
        `Thành tích ${i}`,
      ]);
    }
    body.push([], ['Ghi chú: hết danh sách'], [null, 'Không phải đề nghị']);
    const t = found(findTable(listWith(body), schema, ctx));
    expect(t.rows).toHaveLength(n);
    expect(val(t.rows[0], 'ten')).toBe('Nguyễn Văn 1');
    expect(val(t.rows[n - 1], 'ten')).toBe(`Nguyễn Văn ${n}`);
    // section row on row 9 (0-based 8), nominee i on 0-based row 8 + i
    expect(t.rows[n - 1].r).toBe(8 + n);
    expect(t.rows.every((r) => r.sectionLoai === 'Cá nhân')).toBe(true);
    expect(val(t.rows[12_345], 'thanhTich')).toBe('Thành tích 12346');
  });
});
