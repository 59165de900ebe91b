import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { fieldsRows, schemaFromFieldRows, TYPE_VI } from '../../../src/core/master/fields-table';
import { excelSerial, isPlanDate, type ColumnPlan, type PlanValue } from '../../../src/core/plan/write-plan';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { parseSchema } from '../../../src/core/schema/parse-schema';
import type { FieldDef, FieldType, TableSchema } from '../../../src/core/schema/types';

/** The table as a spreadsheet reader returns it: header row first, dates as serial numbers, sparse rows. */
function asRead(t: { columns: ColumnPlan[]; rows: PlanValue[][] }): CellValue[][] {
  const cell = (v: PlanValue): CellValue => (isPlanDate(v) ? excelSerial(v.date) : v);
  const rows = [t.columns.map((c) => c.header), ...t.rows.map((r) => r.map(cell))];
  return rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
}

/** Only some columns, in the order given (a sheet the clerk rearranged or typed from scratch). */
function sheet(header: string[], ...rows: CellValue[][]): CellValue[][] {
  return [header, ...rows];
}

/** Paths of properties that are present but undefined (a spreadsheet cannot tell those from absent). */
function undefinedPaths(x: unknown, path = ''): string[] {
  if (typeof x !== 'object' || x === null) return [];
  return Object.entries(x).flatMap(([k, v]) =>
    v === undefined ? [`${path}.${k}`] : undefinedPaths(v, `${path}.${k}`),
  );
}

const roundTrip = (s: TableSchema) => schemaFromFieldRows(asRead(fieldsRows(s)));

describe('fieldsRows', () => {
  const { columns, rows } = fieldsRows(defaultSchema());
  const col = (h: string) => columns.findIndex((c) => c.header === h);

  test('one row per field, with the columns a clerk edits', () => {
    expect(rows).toHaveLength(defaultSchema().fields.length);
    expect(columns.map((c) => c.header)).toEqual([
      'Tên trường',
      'Tiêu đề',
      'Kiểu',
      'Bắt buộc',
      'Bắt buộc khi',
      'Giá trị cho phép',
      'Cách viết khác của giá trị',
      'Tên cột khác',
      'Lấy từ dòng mục',
      'Mẫu',
      'Nhỏ nhất',
      'Lớn nhất',
      'Không trùng',
      'Độ dài tối thiểu',
      'Độ dài tối đa',
      'Định dạng',
      'Mô tả',
    ]);
    for (const r of rows) expect(r).toHaveLength(columns.length);
  });

  test('types are shown in Vietnamese with a dropdown of the Vietnamese names', () => {
    expect(rows.map((r) => r[col('Kiểu')])).toEqual([
      'văn bản',
      'danh sách',
      'danh sách',
      'năm',
      'văn bản',
      'văn bản',
      'danh sách',
      'văn bản',
      'văn bản',
    ]);
    expect(columns[col('Kiểu')]!.list).toEqual({
      values: ['văn bản', 'số nguyên', 'số', 'năm', 'ngày', 'danh sách', 'đúng/sai', 'bất kỳ'],
      strict: true,
    });
  });

  test('the rules of the built-in fields read as a clerk would write them', () => {
    const byName = new Map(rows.map((r) => [r[0], r]));
    const loai = byName.get('loai')!;
    expect(loai[col('Giá trị cho phép')]).toBe('Tập thể\nCá nhân');
    expect(loai[col('Cách viết khác của giá trị')]).toBe(
      'Tập thể: TT; Tap the; tập thể\nCá nhân: CN; Ca nhan; cá nhân',
    );
    expect(loai[col('Lấy từ dòng mục')]).toBe('Có');
    expect(loai[col('Bắt buộc')]).toBe('Có');
    expect(byName.get('donViCongTac')![col('Bắt buộc khi')]).toBe('loai = Cá nhân');
    expect(byName.get('donViCongTac')![col('Bắt buộc')]).toBeNull();
    expect(byName.get('gioiTinh')![col('Tên cột khác')]).toBe('Giới tính; Nam/Nữ; Phái');
    const namSinh = byName.get('namSinh')!;
    expect([namSinh[col('Nhỏ nhất')], namSinh[col('Lớn nhất')]]).toEqual([1930, 2015]);
  });

  test('long text columns wrap and are wide enough to read', () => {
    for (const h of ['Tiêu đề', 'Giá trị cho phép', 'Cách viết khác của giá trị', 'Tên cột khác', 'Mô tả']) {
      expect(columns[col(h)]).toMatchObject({ wrap: true });
      expect(columns[col(h)]!.width).toBeGreaterThanOrEqual(28);
    }
  });
});

describe('schemaFromFieldRows: round trip', () => {
  test('the built-in schema comes back exactly, with no problem', () => {
    expect(roundTrip(defaultSchema())).toStrictEqual({ schema: defaultSchema(), problems: [] });
  });

  test('columns in any order, with a column of notes the clerk added, read the same (property)', () => {
    const read = asRead(fieldsRows(defaultSchema()));
    const width = read[0]!.length;
    const order = [...Array(width + 1).keys()];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length }),
        (perm) => {
          const moved = read.map((r, i) =>
            perm.map((c) => (c === width ? (i === 0 ? 'Ghi chú của tôi' : 'x') : (r[c] ?? null))),
          );
          expect(schemaFromFieldRows(moved)).toStrictEqual({ schema: defaultSchema(), problems: [] });
        },
      ),
      { numRuns: 60 },
    );
  });

  // Text that a cell keeps: no spaces around it (trimmed on reading); list items without the separators.
  const cellText = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .filter((s) => s.trim() === s && s !== '');
  const item = cellText.filter((s) => !/[;\r\n]/.test(s));
  const alias = item.filter((s) => !s.includes(':'));
  const num = fc.oneof(
    fc.integer({ min: -100000, max: 100000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
  );
  const ordered = <T extends number>(a: fc.Arbitrary<T>) =>
    fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);
  const types: FieldType[] = ['string', 'integer', 'number', 'year', 'date', 'enum', 'boolean', 'any'];

  const field = (name: string) =>
    fc
      .record(
        {
          type: fc.constantFrom(...types),
          title: cellText,
          description: cellText,
          format: fc.constantFrom('default', 'email', 'dd/mm/yyyy'),
          required: fc.boolean(),
          unique: fc.boolean(),
          enum: fc.uniqueArray(item, { minLength: 1, maxLength: 5 }),
          pattern: fc.constantFrom('\\d+', '[A-Z]{2}-\\d{3}', '.*@.*', '(Nam|Nữ)', '\\p{Lu}.*'),
          range: ordered(num),
          length: ordered(fc.nat({ max: 500 })),
          aliases: fc.array(item, { minLength: 1, maxLength: 4 }),
          fromSection: fc.boolean(),
          enumAliasSeed: fc.array(fc.tuple(fc.nat(), fc.array(alias, { maxLength: 3 })), { maxLength: 4 }),
        },
        { requiredKeys: ['type'] },
      )
      .map((g): FieldDef => {
        const f: FieldDef = { name, type: g.type };
        if (g.title !== undefined) f.title = g.title;
        if (g.description !== undefined) f.description = g.description;
        if (g.format !== undefined) f.format = g.format;
        const enumValues = g.type === 'enum' ? (g.enum ?? ['Có', 'Không']) : g.enum;
        const c: FieldDef['constraints'] = {};
        if (g.required !== undefined) c.required = g.required;
        if (g.unique !== undefined) c.unique = g.unique;
        if (enumValues) c.enum = enumValues;
        if (g.pattern !== undefined) c.pattern = g.pattern;
        if (g.range) [c.minimum, c.maximum] = g.range;
        if (g.length) [c.minLength, c.maxLength] = g.length;
        if (Object.keys(c).length > 0) f.constraints = c;
        if (g.aliases) f.aliases = g.aliases;
        if (enumValues && g.enumAliasSeed && g.enumAliasSeed.length > 0) {
          // fromEntries, not assignment: a value may be "__proto__"
          f.enumAliases = Object.fromEntries(
            g.enumAliasSeed.map(([i, a]) => [enumValues[i % enumValues.length]!, a]),
          );
        }
        if (g.fromSection !== undefined) f.fromSection = g.fromSection;
        return f;
      });

  const schema: fc.Arbitrary<TableSchema> = fc
    .uniqueArray(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,11}$/), { minLength: 1, maxLength: 6 })
    .chain((names) => fc.tuple(...names.map(field)))
    .chain((fields) =>
      fc
        .array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
            fc.array(item, { minLength: 1, maxLength: 3 }),
          ),
          {
            maxLength: fields.length,
          },
        )
        .map((conds) => {
          // "required when another field has one of these values": values from its list when it has one
          for (const [i, j, picks, free] of conds) {
            const f = fields[i % fields.length]!;
            const target = fields[j % fields.length]!;
            if (target === f || fields.length < 2) continue;
            const list = target.constraints?.enum;
            const values = list ? [...new Set(picks.map((p) => list[p % list.length]!))] : free;
            f.requiredIf = { field: target.name, values };
          }
          return { fields };
        }),
    );

  test('any schema made of valid field definitions comes back exactly (property)', () => {
    fc.assert(
      fc.property(schema, (s) => {
        expect(parseSchema(s).errors).toEqual([]); // the generator makes valid schemas only
        // toEqual, not toStrictEqual: jest's strict check compares `.constructor`, which a value named
        // "constructor" makes an own property; absent-vs-undefined is checked by hand instead.
        const back = roundTrip(s);
        expect(back).toEqual({ schema: s, problems: [] });
        expect(undefinedPaths(back.schema)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('schemaFromFieldRows: what a clerk types', () => {
  test('English type names and headers, header variants, blank rows and sparse cells are read', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        ['TEN TRUONG', 'Kiểu:', 'tiêu đề', 'Giá trị cho phép', 'bắt buộc'],
        ['soDienThoai', 'string', 'Số điện thoại'],
        [null, null, null, null, null],
        [],
        ['gioiTinh', 'enum', 'Giới tính', 'Nam; Nữ', 'x'],
        ['soLan', 'Số nguyên', 'Số lần', null, 'FALSE'],
        ['ngaySinh', 'NGAY', 'Ngày sinh', null, true],
      ),
    );
    expect(problems).toEqual([]);
    expect(schema.fields).toEqual([
      { name: 'soDienThoai', title: 'Số điện thoại', type: 'string' },
      {
        name: 'gioiTinh',
        title: 'Giới tính',
        type: 'enum',
        constraints: { required: true, enum: ['Nam', 'Nữ'] },
      },
      { name: 'soLan', title: 'Số lần', type: 'integer', constraints: { required: false } },
      { name: 'ngaySinh', title: 'Ngày sinh', type: 'date', constraints: { required: true } },
    ]);
  });

  test('every Vietnamese and English type name is understood', () => {
    for (const [type, vi] of Object.entries(TYPE_VI)) {
      for (const written of [vi, vi.toUpperCase(), type]) {
        const rows = sheet(['Tên trường', 'Kiểu', 'Giá trị cho phép'], ['a', written, 'A\nB']);
        expect(schemaFromFieldRows(rows).schema.fields[0]!.type).toBe(type);
      }
    }
  });

  test('"Bắt buộc khi" may name the field by its title and write the value in another case', () => {
    const rows = asRead(fieldsRows(defaultSchema()));
    const at = rows[0]!.indexOf('Bắt buộc khi');
    const dv = rows.findIndex((r) => r[0] === 'donViCongTac');
    rows[dv]![at] = 'Loại = cá nhân';
    expect(schemaFromFieldRows(rows)).toStrictEqual({ schema: defaultSchema(), problems: [] });
  });

  test('numbers typed as text and other spellings written loosely are read', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        [
          'Tên trường',
          'Kiểu',
          'Nhỏ nhất',
          'Lớn nhất',
          'Giá trị cho phép',
          'Cách viết khác của giá trị',
          'Tên cột khác',
        ],
        ['diem', 'số', '0', '9,5', null, null, 'Điểm\nĐiểm TB; Điểm trung bình'],
        ['loai', 'danh sách', null, null, 'Tập thể\nCá nhân', 'tap the: TT\n\nCá nhân : CN;  cá nhân ;'],
      ),
    );
    expect(problems).toEqual([]);
    expect(schema.fields).toEqual([
      {
        name: 'diem',
        type: 'number',
        constraints: { minimum: 0, maximum: 9.5 },
        aliases: ['Điểm', 'Điểm TB', 'Điểm trung bình'],
      },
      {
        name: 'loai',
        type: 'enum',
        constraints: { enum: ['Tập thể', 'Cá nhân'] },
        enumAliases: { 'Tập thể': ['TT'], 'Cá nhân': ['CN', 'cá nhân'] },
      },
    ]);
  });

  test('a field added with a title only gets a name made from the title, and says so', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        ['Tên trường', 'Tiêu đề', 'Kiểu'],
        ['ten', 'Họ và tên', 'văn bản'],
        [null, 'Số điện thoại', 'văn bản'],
      ),
    );
    expect(schema.fields[1]).toEqual({ name: 'soDienThoai', title: 'Số điện thoại', type: 'string' });
    expect(problems).toEqual([
      'Trường dữ liệu, ô A3 (cột „Tên trường”): chưa có tên trường; đặt là „soDienThoai” theo tiêu đề „Số điện thoại”',
    ]);
  });
});

describe('schemaFromFieldRows: problems name the row and column', () => {
  const H = [
    'Tên trường',
    'Tiêu đề',
    'Kiểu',
    'Bắt buộc khi',
    'Giá trị cho phép',
    'Mẫu',
    'Nhỏ nhất',
    'Lớn nhất',
  ];

  test('an unknown type is named with its cell and the field is kept without a type check', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(H, ['ten', 'Họ tên', 'văn bản'], ['sdt', 'Điện thoại', 'chuỗi dài']),
    );
    expect(schema.fields[1]).toEqual({ name: 'sdt', title: 'Điện thoại', type: 'any' });
    expect(problems).toEqual([
      expect.stringMatching(/^Trường dữ liệu, ô C3 \(cột „Kiểu”\): kiểu „chuỗi dài” không có/),
    ]);
    expect(problems[0]).toContain('văn bản, số nguyên, số, năm, ngày, danh sách, đúng/sai, bất kỳ');
  });

  test('a repeated field name is refused on its row; the first one is kept', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(H, ['ten', 'Họ tên'], ['ghiChu', 'Ghi chú'], ['ten', 'Tên khác']),
    );
    expect(schema.fields.map((f) => f.title)).toEqual(['Họ tên', 'Ghi chú']);
    expect(problems).toEqual([
      expect.stringMatching(/^Trường dữ liệu, ô A4 \(cột „Tên trường”\): tên trường „ten” bị trùng/),
    ]);
  });

  test('"Bắt buộc khi" naming an unknown field is dropped with a message; a value outside the list is flagged', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        H,
        ['loai', 'Loại', 'danh sách', null, 'Tập thể\nCá nhân'],
        ['donVi', 'Đơn vị', 'văn bản', 'kieu = Cá nhân'],
        ['chucVu', 'Chức vụ', 'văn bản', 'loai = Hộ gia đình'],
        ['ghiChu', 'Ghi chú', 'văn bản', 'loai Cá nhân'],
      ),
    );
    expect(schema.fields[1]).toEqual({ name: 'donVi', title: 'Đơn vị', type: 'string' });
    expect(schema.fields[2]!.requiredIf).toEqual({ field: 'loai', values: ['Hộ gia đình'] });
    expect(schema.fields[3]!.requiredIf).toBeUndefined();
    expect(problems).toEqual([
      'Trường dữ liệu, ô D3 (cột „Bắt buộc khi”): không có trường „kieu”; bỏ qua điều kiện này',
      'Trường dữ liệu, ô D4 (cột „Bắt buộc khi”): „Hộ gia đình” không có trong các giá trị cho phép của trường „loai”',
      expect.stringMatching(
        /^Trường dữ liệu, ô D5 \(cột „Bắt buộc khi”\): „loai Cá nhân” cần dạng „tên trường = giá trị/,
      ),
    ]);
  });

  test('a list type without values is named and read as text', () => {
    const { schema, problems } = schemaFromFieldRows(sheet(H, ['linhVuc', 'Lĩnh vực', 'danh sách']));
    expect(schema.fields).toEqual([{ name: 'linhVuc', title: 'Lĩnh vực', type: 'string' }]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^Trường dữ liệu, ô E2 \(cột „Giá trị cho phép”\): kiểu „danh sách” cần các giá trị/,
      ),
    ]);
  });

  test('a list type on a sheet without the values column names the row and the missing column', () => {
    const { schema, problems } = schemaFromFieldRows(sheet(['Tên trường', 'Kiểu'], ['loai', 'danh sách']));
    expect(schema.fields).toEqual([{ name: 'loai', type: 'string' }]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^Trường dữ liệu, dòng 2 \(chưa có cột „Giá trị cho phép”\): kiểu „danh sách” cần/,
      ),
    ]);
  });

  test('a bad pattern, an unreadable number and limits the wrong way round are each named', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        H,
        ['ma', 'Mã', 'văn bản', null, null, '[A-Z'],
        ['namSinh', 'Năm sinh', 'năm', null, null, null, '2015', '1930'],
        ['diem', 'Điểm', 'số', null, null, null, 'mười'],
      ),
    );
    expect(schema.fields.map((f) => f.constraints)).toEqual([undefined, undefined, undefined]);
    expect(problems).toEqual([
      'Trường dữ liệu, ô F2 (cột „Mẫu”): „[A-Z” không phải biểu thức chính quy hợp lệ; bỏ qua',
      'Trường dữ liệu, ô G3 (cột „Nhỏ nhất”): nhỏ nhất (2015) lớn hơn lớn nhất (1930); bỏ qua cả hai',
      'Trường dữ liệu, ô G4 (cột „Nhỏ nhất”): „mười” không phải một số; bỏ qua',
    ]);
  });

  test('enum aliases for a value not in the list and an unreadable yes/no are named', () => {
    const { schema, problems } = schemaFromFieldRows(
      sheet(
        ['Tên trường', 'Kiểu', 'Giá trị cho phép', 'Cách viết khác của giá trị', 'Bắt buộc'],
        ['gioiTinh', 'danh sách', 'Nam\nNữ', 'Nam: M\nKhác: K\nNữ F', 'chắc'],
      ),
    );
    expect(schema.fields[0]).toEqual({
      name: 'gioiTinh',
      type: 'enum',
      constraints: { enum: ['Nam', 'Nữ'] },
      enumAliases: { Nam: ['M'] },
    });
    expect(problems).toEqual([
      'Trường dữ liệu, ô E2 (cột „Bắt buộc”): „chắc” không phải Có hoặc Không; coi như để trống',
      'Trường dữ liệu, ô D2 (cột „Cách viết khác của giá trị”): „Khác” không có trong các giá trị cho phép; bỏ qua dòng „Khác: K”',
      expect.stringContaining(
        'ô D2 (cột „Cách viết khác của giá trị”): dòng „Nữ F” cần dạng „Giá trị: cách viết 1; cách viết 2”',
      ),
    ]);
  });

  test('a sheet without the name column, or without any field, says so', () => {
    expect(schemaFromFieldRows(sheet(['Tiêu đề', 'Kiểu'], ['Họ tên', 'văn bản']))).toEqual({
      schema: { fields: [] },
      problems: ['Trường dữ liệu: không thấy cột „Tên trường” ở dòng tiêu đề'],
    });
    expect(schemaFromFieldRows(sheet(['Tên trường', 'Kiểu'], [null, null]))).toEqual({
      schema: { fields: [] },
      problems: ['Trường dữ liệu: không có trường nào'],
    });
  });

  test('cell addresses follow the header row when a title sits above the table', () => {
    const { problems } = schemaFromFieldRows(sheet(H, ['a', 'A', 'kiểu lạ']), { headerRow: 1 });
    expect(problems[0]).toContain('ô C3');
  });
});
