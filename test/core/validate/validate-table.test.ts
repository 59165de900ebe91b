import { defaultSchema } from '../../../src/core/schema/default-schema';
import type { TableSchema } from '../../../src/core/schema/types';
import { makeIssue } from '../../../src/core/issues';
import { validateTable } from '../../../src/core/validate/validate-table';
import { SAMPLE_NOMINEES, type Nominee } from '../../support/returned-list';
import { listTable, setCell } from './found-table';

const FILE = 'VanLam_DSDH.xlsx';

/** A list with every kind of bad value a unit sends back. */
const MESSY: Nominee[] = [
  // 0: a collective with no workplace (fine) and an abbreviated lĩnh vực
  {
    ten: 'Phòng Kinh tế và Hạ tầng huyện Văn Lâm',
    loai: 'Tập thể',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KHCN',
    thanhTich: 'Hướng dẫn 12 HTX áp dụng VietGAP.',
  },
  // 1: blank name
  { ten: '', loai: 'Tập thể', linhVuc: 'Khởi nghiệp, ĐMST', thanhTich: 'Xây dựng thương hiệu nhãn lồng.' },
  // 2: unknown lĩnh vực
  {
    ten: 'Hợp tác xã Lạc Hồng',
    loai: 'Tập thể',
    linhVuc: 'Nông nghiệp công nghệ cao',
    thanhTich: 'Mã QR truy xuất nguồn gốc.',
  },
  // 3: a year of birth with a letter in it
  {
    ten: 'Nguyễn Thị Hoa',
    loai: 'Cá nhân',
    namSinh: '19a5',
    chucVu: 'Trưởng phòng',
    donViCongTac: 'Phòng Nội vụ',
    linhVuc: 'Cải cách hành chính',
    thanhTich: 'Số hóa 100% hồ sơ.',
  },
  // 4: an individual without a workplace
  {
    ten: 'Trần Văn Đức',
    loai: 'Cá nhân',
    namSinh: 1985,
    chucVu: 'Chuyên viên',
    linhVuc: 'SHTT',
    thanhTich: 'Đăng ký 5 nhãn hiệu tập thể.',
  },
  // 5: expanded KH&CN, a year as text, a note that looks like a formula
  {
    ten: 'Lê Thủy Tiên',
    loai: 'Cá nhân',
    namSinh: '1990',
    donViCongTac: 'Trường THCS Như Quỳnh',
    linhVuc: 'quản lý nhà nước về khoa học và công nghệ',
    thanhTich: 'Giải Nhì KHKT cấp tỉnh.',
    ghiChu: '=HYPERLINK("http://vanlam.hungyen.gov.vn","Hồ sơ")',
  },
  // 6: born too early, lĩnh vực given with extra words
  {
    ten: 'Phạm Văn Bình',
    loai: 'Cá nhân',
    namSinh: 1925,
    donViCongTac: 'Hội Cựu chiến binh huyện',
    linhVuc: 'Ứng dụng, chuyển giao tiến bộ KH&CN vào sản xuất',
    thanhTich: 'Chuyển giao giống lúa mới.',
  },
];

describe('validateTable on a list with a Loại column', () => {
  const t = listTable({ nominees: MESSY, sections: false });
  // row 6's achievements are computed by a formula in the unit's file
  setCell(t, 6, 'thanhTich', {
    v: 'Chuyển giao giống lúa mới cho 3 xã.',
    w: 'Chuyển giao giống lúa mới cho 3 xã.',
    f: 'CONCATENATE(J12," cho 3 xã.")',
  });
  const { records, issues } = validateTable(t.table, defaultSchema(), { file: FILE });
  const at = (i: number) => records[i];
  const cellOf = (i: number, field: string) => {
    const col = t.table.rows[i].cells[field].col;
    return `${String.fromCharCode(65 + col)}${t.rowOf[i] + 1}`;
  };

  it('gives one record per row, with canonical values', () => {
    expect(records).toHaveLength(MESSY.length);
    expect(at(0).values.linhVuc).toBe('Ứng dụng, chuyển giao tiến bộ KH&CN');
    expect(at(1).values.linhVuc).toBe('Khởi nghiệp, đổi mới sáng tạo');
    expect(at(4).values.linhVuc).toBe('Sở hữu trí tuệ');
    expect(at(5).values.linhVuc).toBe('Quản lý nhà nước về KH&CN');
    expect(at(6).values.linhVuc).toBe('Ứng dụng, chuyển giao tiến bộ KH&CN');
    expect(at(5).values.namSinh).toBe(1990);
    expect(at(4).values.namSinh).toBe(1985);
    expect(at(0).values.loai).toBe('Tập thể');
    expect(at(0).raw.linhVuc).toBe('Ứng dụng, chuyển giao tiến bộ KHCN');
    // every schema field is in values, even without a column
    expect(Object.keys(at(0).values).sort()).toEqual(
      defaultSchema()
        .fields.map((f) => f.name)
        .sort(),
    );
    expect(at(0).values.gioiTinh).toBeNull();
  });

  it('a collective without a workplace and a clean row have no issues', () => {
    expect(at(0).issues).toEqual([]);
  });

  it('a blank name is a required-field error on its cell', () => {
    const i = at(1).issues;
    expect(i).toHaveLength(1);
    expect(i[0]).toMatchObject({
      code: 'constraint-error',
      severity: 'error',
      field: 'ten',
      cell: cellOf(1, 'ten'),
      sheet: 'Danh sách',
      file: FILE,
    });
    expect(i[0].message).toBe(
      `Tệp „${FILE}”, trang „Danh sách”, ô ${cellOf(1, 'ten')}: „Họ và tên / Tên tập thể”: bắt buộc, đang để trống.`,
    );
  });

  it('an unknown lĩnh vực is a type error listing the allowed values', () => {
    const [e] = at(2).issues;
    expect(e).toMatchObject({ code: 'type-error', field: 'linhVuc', cell: cellOf(2, 'linhVuc') });
    expect(e.message).toContain('„Nông nghiệp công nghệ cao” không phải giá trị hợp lệ cho „Lĩnh vực”');
    expect(e.message).toContain(
      'phải là một trong các giá trị: Quản lý nhà nước về KH&CN; Ứng dụng, chuyển giao tiến bộ KH&CN;',
    );
    expect(e.messageEn).toContain('must be one of');
    expect(at(2).values.linhVuc).toBeNull();
  });

  it('"19a5" is not a year', () => {
    const [e] = at(3).issues;
    expect(e).toMatchObject({ code: 'type-error', field: 'namSinh', cell: cellOf(3, 'namSinh') });
    expect(e.message).toContain('„19a5” không phải năm hợp lệ cho „Năm sinh”');
    expect(at(3).values.namSinh).toBeNull();
  });

  it('an individual needs a workplace', () => {
    const [e] = at(4).issues;
    expect(e).toMatchObject({
      code: 'constraint-error',
      field: 'donViCongTac',
      cell: cellOf(4, 'donViCongTac'),
    });
    expect(e.message).toContain('bắt buộc khi „Loại” là „Cá nhân”, đang để trống');
  });

  it('text that looks like a formula is kept as text, with no formula notice', () => {
    expect(at(5).values.ghiChu).toBe('=HYPERLINK("http://vanlam.hungyen.gov.vn","Hồ sơ")');
    expect(at(5).issues).toEqual([]);
  });

  it('a real formula gives an info notice with its computed value, and the year range is checked', () => {
    const codes = at(6).issues.map((i) => [i.code, i.field, i.severity]);
    expect(codes).toEqual([
      ['constraint-error', 'namSinh', 'error'],
      ['formula-value', 'thanhTich', 'info'],
    ]);
    expect(at(6).issues[0].message).toContain('1925 nhỏ hơn giá trị thấp nhất cho phép (1930)');
    expect(at(6).issues[1].message).toContain('„=CONCATENATE(J12," cho 3 xã.")”');
    expect(at(6).values.thanhTich).toBe('Chuyển giao giống lúa mới cho 3 xã.');
  });

  it('reports all issues in one pass, row by row and left to right, each also on its record', () => {
    expect(issues).toEqual(records.flatMap((r) => r.issues));
    const order = issues.map((i) => [i.row as number, i.col as number]);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(sorted);
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(5);
  });
});

describe('validateTable on a list with section rows', () => {
  it('takes Loại from the section row, and checks the workplace of individuals', () => {
    const nominees: Nominee[] = SAMPLE_NOMINEES.map((n) => ({ ...n }));
    delete nominees[3].donViCongTac;
    const t = listTable({ nominees, sections: true });
    const { records, issues } = validateTable(t.table, defaultSchema(), { file: FILE });
    expect(records.map((r) => r.values.loai)).toEqual(nominees.map((n) => n.loai));
    expect(issues.map((i) => [i.code, i.field, i.row])).toEqual([
      ['constraint-error', 'donViCongTac', t.rowOf[3] + 1],
    ]);
  });

  it('a Loại cell on the row wins over the section', () => {
    const t = listTable({ nominees: SAMPLE_NOMINEES, sections: false });
    t.table.rows.forEach((r) => (r.sectionLoai = 'Tập thể'));
    const { records } = validateTable(t.table, defaultSchema(), { file: FILE });
    expect(records.map((r) => r.values.loai)).toEqual(SAMPLE_NOMINEES.map((n) => n.loai));
  });

  it('without a Loại column or section, each row says Loại is missing', () => {
    const t = listTable({ nominees: SAMPLE_NOMINEES.slice(0, 2), sections: true });
    t.table.rows.forEach((r) => delete r.sectionLoai);
    const { issues } = validateTable(t.table, defaultSchema(), { file: FILE });
    expect(issues.map((i) => [i.code, i.field, i.cell])).toEqual([
      ['constraint-error', 'loai', null],
      ['constraint-error', 'loai', null],
    ]);
    expect(issues[0].message).toContain(`dòng ${t.rowOf[0] + 1}: „Loại”: bắt buộc, đang để trống`);
  });

  it('a required column the header check already reported missing is not repeated on every row', () => {
    const t = listTable({ nominees: SAMPLE_NOMINEES, sections: true });
    const col = t.table.columns.find((c) => c.field === 'thanhTich');
    if (col) col.field = null;
    t.table.rows.forEach((r) => delete r.cells.thanhTich);
    const before = validateTable(t.table, defaultSchema(), { file: FILE }).issues;
    expect(before.filter((i) => i.field === 'thanhTich')).toHaveLength(SAMPLE_NOMINEES.length);
    t.table.issues.push(
      makeIssue(
        'missing-label',
        { file: FILE, sheet: 'Danh sách', field: 'thanhTich' },
        { title: 'Tóm tắt thành tích' },
      ),
    );
    const after = validateTable(t.table, defaultSchema(), { file: FILE }).issues;
    expect(after.filter((i) => i.field === 'thanhTich')).toEqual([]);
  });

  it('reports cells outside the table columns', () => {
    const t = listTable({ nominees: SAMPLE_NOMINEES.slice(0, 1), sections: true });
    t.table.rows[0].extraCols = [9];
    const { issues } = validateTable(t.table, defaultSchema(), { file: FILE });
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['extra-cell', `J${t.rowOf[0] + 1}`]]);
  });
});

describe('validateTable constraints from a clerk-edited schema', () => {
  const schema = (): TableSchema => {
    const s = defaultSchema();
    const f = (n: string) =>
      s.fields.find((x) => x.name === n) as NonNullable<ReturnType<typeof s.fields.find>>;
    f('ten').constraints = { required: true, unique: true, maxLength: 40 };
    f('chucVu').constraints = { enum: ['Trưởng phòng', 'Phó trưởng phòng', 'Chuyên viên'] };
    f('ghiChu').constraints = { pattern: '[0-9]{4}-[0-9]{2}' };
    f('thanhTich').constraints = { required: true, minLength: 10 };
    return s;
  };

  it('checks unique, length, pattern and a string enum list (leniently, giving the canonical value)', () => {
    const nominees: Nominee[] = [
      { ...SAMPLE_NOMINEES[2], chucVu: 'trưởng phòng', ghiChu: '2023-05' },
      { ...SAMPLE_NOMINEES[3], ten: 'Nguyễn Thị Hoa', chucVu: 'Giám đốc', ghiChu: 'tháng 5' },
      {
        ...SAMPLE_NOMINEES[4],
        ten: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh Hưng Yên',
        thanhTich: 'Tốt.',
        chucVu: 'chuyên viên',
      },
    ];
    const t = listTable({ nominees, sections: false });
    const { records, issues } = validateTable(t.table, schema(), { file: FILE });
    expect(records[0].values.chucVu).toBe('Trưởng phòng');
    expect(records[0].issues).toEqual([]);
    expect(issues.map((i) => [i.code, i.field, i.row])).toEqual([
      ['unique-error', 'ten', t.rowOf[1] + 1],
      ['constraint-error', 'chucVu', t.rowOf[1] + 1],
      ['constraint-error', 'ghiChu', t.rowOf[1] + 1],
      ['constraint-error', 'ten', t.rowOf[2] + 1],
      ['constraint-error', 'thanhTich', t.rowOf[2] + 1],
    ]);
    expect(issues[0].message).toContain(
      `giá trị „Nguyễn Thị Hoa” ở cột „Họ và tên / Tên tập thể” đã có ở dòng ${t.rowOf[0] + 1}`,
    );
    expect(issues[1].message).toContain(
      '„Giám đốc” không thuộc danh sách: Trưởng phòng; Phó trưởng phòng; Chuyên viên',
    );
    expect(issues[2].message).toContain('„tháng 5” không đúng mẫu quy định');
    expect(issues[3].message).toContain('vượt quá 40 ký tự');
    expect(issues[4].message).toContain('„Tốt.” ngắn hơn 10 ký tự');
  });
});
