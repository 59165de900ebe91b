import { defaultSchema } from '../../../src/core/schema/default-schema';
import type { TableSchema } from '../../../src/core/schema/types';
import { sheetLoai } from '../../../src/core/table/sheet-loai';

const schema = defaultSchema();

describe('sheetLoai', () => {
  test.each([
    ['Tập thể', 'Tập thể'],
    ['Cá nhân', 'Cá nhân'],
    ['DS tap the', 'Tập thể'],
    ['DS Cá nhân', 'Cá nhân'],
    ['CA NHAN', 'Cá nhân'],
    ['Danh sách tập thể', 'Tập thể'],
    ['Mẫu 02 - Cá nhân', 'Cá nhân'],
    ['Tập thể đề nghị', 'Tập thể'],
  ])('"%s" → %s', (name, loai) => {
    expect(sheetLoai(name, schema)).toBe(loai);
  });

  test.each(['Sheet1', 'Danh sách', 'Tập thể, cá nhân', 'TT', 'Tổng hợp', 'Tập thể lớp 12A', 'DANHMUC'])(
    '"%s" → no type',
    (name) => {
      expect(sheetLoai(name, schema)).toBeNull();
    },
  );

  test('a schema without a section field gives no type', () => {
    const plain: TableSchema = { fields: [{ name: 'ten', type: 'string', constraints: { required: true } }] };
    expect(sheetLoai('Cá nhân', plain)).toBeNull();
  });

  test("the values are the schema's own: a schema naming them differently gets its own values back", () => {
    const custom: TableSchema = {
      fields: [
        { name: 'ten', type: 'string' },
        {
          name: 'doiTuong',
          type: 'enum',
          constraints: { enum: ['Tổ chức', 'Cá nhân'] },
          enumAliases: { 'Tổ chức': ['Tập thể', 'Đơn vị'] },
          fromSection: true,
        },
      ],
    };
    expect(sheetLoai('DS tap the', custom)).toBe('Tổ chức');
    expect(sheetLoai('Cá nhân', custom)).toBe('Cá nhân');
  });
});
