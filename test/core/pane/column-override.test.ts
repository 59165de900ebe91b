/**
 * The clerk's column mapping (the task pane's dropdown per column): checkWorkbook(..., { columnFields })
 * reads a column as the field the clerk chose, or as no field, and the whole report follows.
 */
import { checkWorkbook, type ColumnFieldChoice, type FileReport } from '../../../src/core/check';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { readWorkbook } from '../../../src/io/read-workbook';
import { listXlsx, SAMPLE_NOMINEES, type ListOptions } from '../../support/returned-list';
import { listGrid } from './lists';

const schema = defaultSchema();
const SHEET = 'Danh sách';

function check(
  o: ListOptions,
  headers: Record<string, string | null>,
  choices?: ColumnFieldChoice[],
): FileReport {
  return checkWorkbook(
    listGrid('Van Lam.xlsx', o, headers),
    schema,
    [],
    choices ? { columnFields: choices } : {},
  );
}

const codes = (r: FileReport) => r.issues.map((i) => i.code);
const issuesAt = (r: FileReport, code: string, cell: string) =>
  r.issues.filter((i) => i.code === code && i.cell === cell);
const fieldOfCol = (r: FileReport, col: string) => r.sheets[0]!.columns.find((c) => c.col === col)?.field;
const valuesOf = (r: FileReport, field: string) => r.records.map((x) => x.values[field]);
const want = (field: keyof (typeof SAMPLE_NOMINEES)[number]) =>
  SAMPLE_NOMINEES.map((n) => (n[field] === undefined ? null : n[field]));

// Two-row header (sections give the type): A STT, B Họ và tên, C Năm sinh, D Chức vụ, E Đơn vị công tác,
// F "Thành tích / Lĩnh vực", G "Thành tích / Tóm tắt thành tích", H Ghi chú; header on rows 7–8.
const TWO_ROW: ListOptions = { nominees: SAMPLE_NOMINEES };
// One-row header on row 7, same columns ("Lĩnh vực hoạt động" in F).
const ONE_ROW: ListOptions = { nominees: SAMPLE_NOMINEES, header: 'one-row' };

describe('a name column the matcher does not know', () => {
  const headers = { 'Họ và tên': 'Người được đề nghị' };

  test('is no list at all without the clerk, and the full list once the clerk maps it', () => {
    const auto = check(TWO_ROW, headers);
    expect(auto.sheets[0]!.status).toBe('no-table');
    expect(codes(auto)).toContain('no-table-found');
    expect(auto.records).toHaveLength(0);

    const fixed = check(TWO_ROW, headers, [{ sheet: SHEET, col: 'B', field: 'ten' }]);
    expect(fixed.sheets[0]!.status).toBe('read');
    expect(fixed.sheets[0]!.headerRows).toEqual([7, 8]);
    expect(fieldOfCol(fixed, 'B')).toBe('ten');
    expect(fixed.sheets[0]!.columns.find((c) => c.col === 'B')!.header).toBe('Người được đề nghị');
    expect(valuesOf(fixed, 'ten')).toEqual(want('ten'));
    // the rest of the mapping is the automatic one, the types come from the section rows
    expect(valuesOf(fixed, 'thanhTich')).toEqual(want('thanhTich'));
    expect(valuesOf(fixed, 'loai')).toEqual(want('loai'));
    expect(valuesOf(fixed, 'donViCongTac')).toEqual(want('donViCongTac'));
    expect(fixed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(codes(fixed)).not.toContain('no-table-found');
  });

  test('"Danh hiệu/ Họ tên người được đề nghị" is found without help, and the same choice changes nothing', () => {
    const h = { 'Họ và tên': 'Danh hiệu/ Họ tên người được đề nghị' };
    const auto = check(TWO_ROW, h);
    expect(fieldOfCol(auto, 'B')).toBe('ten');
    expect(valuesOf(auto, 'ten')).toEqual(want('ten'));
    const chosen = check(TWO_ROW, h, [{ sheet: SHEET, col: 'B', field: 'ten' }]);
    expect(chosen.records).toEqual(auto.records);
    expect(chosen.issues).toEqual(auto.issues);
  });

  test('through real .xlsx bytes (exceljs-written file, read as the worker reads it)', async () => {
    const bytes = await listXlsx(TWO_ROW);
    // rename the header in the bytes' grid: read, then change the cell the unit would have typed
    const read = readWorkbook(bytes, 'Van Lam.xlsx');
    const wb = read.workbook!;
    const row = wb.sheets[0]!.rows[6]!;
    expect(row[1]!.v).toBe('Họ và tên');
    row[1] = { ...row[1]!, v: 'Người được đề nghị', w: 'Người được đề nghị' };
    expect(checkWorkbook(wb, schema, read.issues).records).toHaveLength(0);
    const fixed = checkWorkbook(wb, schema, read.issues, {
      columnFields: [{ sheet: SHEET, col: 'B', field: 'ten' }],
    });
    expect(valuesOf(fixed, 'ten')).toEqual(want('ten'));
    expect(fixed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('a required column under a header the matcher misses', () => {
  const headers = { 'Tóm tắt thành tích': 'Kết quả đạt được' };

  test('missing-label and an extra column, until the clerk maps the column', () => {
    const auto = check(ONE_ROW, headers);
    expect(auto.issues.filter((i) => i.code === 'missing-label').map((i) => i.field)).toEqual(['thanhTich']);
    expect(issuesAt(auto, 'extra-label', 'G7')).toHaveLength(1);
    expect(valuesOf(auto, 'thanhTich')).toEqual(SAMPLE_NOMINEES.map(() => null));

    const fixed = check(ONE_ROW, headers, [{ sheet: SHEET, col: 'G', field: 'thanhTich' }]);
    expect(codes(fixed)).not.toContain('missing-label');
    expect(codes(fixed)).not.toContain('extra-label');
    expect(fieldOfCol(fixed, 'G')).toBe('thanhTich');
    expect(valuesOf(fixed, 'thanhTich')).toEqual(want('thanhTich'));
    expect(fixed.records.every((x) => x.cols?.['thanhTich'] === 6)).toBe(true);
    expect(fixed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a lower-case column letter is accepted', () => {
    const fixed = check(ONE_ROW, headers, [{ sheet: SHEET, col: 'g', field: 'thanhTich' }]);
    expect(valuesOf(fixed, 'thanhTich')).toEqual(want('thanhTich'));
  });

  test('a choice for another sheet, an unknown field or a bad letter changes nothing', () => {
    const auto = check(ONE_ROW, headers);
    for (const c of [
      { sheet: 'Sheet2', col: 'G', field: 'thanhTich' },
      { sheet: SHEET, col: 'G', field: 'thanh_tich' },
      { sheet: SHEET, col: 'G7', field: 'thanhTich' },
    ]) {
      const r = check(ONE_ROW, headers, [c]);
      expect(r.records).toEqual(auto.records);
      expect(r.issues).toEqual(auto.issues);
    }
  });
});

describe('a column set to no field', () => {
  test('drops its values, and the report says what that costs', () => {
    const auto = check(ONE_ROW, {});
    expect(valuesOf(auto, 'donViCongTac')).toEqual(want('donViCongTac'));
    expect(auto.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const r = check(ONE_ROW, {}, [{ sheet: SHEET, col: 'E', field: null }]);
    expect(fieldOfCol(r, 'E')).toBeNull();
    expect(valuesOf(r, 'donViCongTac')).toEqual(SAMPLE_NOMINEES.map(() => null));
    expect(r.records.every((x) => x.raw['donViCongTac'] === undefined)).toBe(true);
    expect(issuesAt(r, 'extra-label', 'E7')).toHaveLength(1);
    // Đơn vị công tác is required for a Cá nhân: each of the three individuals now lacks it
    const missing = r.issues.filter((i) => i.field === 'donViCongTac' && i.severity === 'error');
    expect(missing.map((i) => i.row)).toEqual(
      r.records.filter((x) => x.values['loai'] === 'Cá nhân').map((x) => x.r + 1),
    );
    expect(missing).toHaveLength(3);
    // the other columns are read as before
    expect(valuesOf(r, 'chucVu')).toEqual(valuesOf(auto, 'chucVu'));
  });

  test('the name column set to none leaves no list to read', () => {
    const r = check(ONE_ROW, {}, [{ sheet: SHEET, col: 'B', field: null }]);
    expect(r.records).toHaveLength(0);
    expect(codes(r)).toContain('no-table-found');
  });
});

describe('a field moved onto another column', () => {
  test('the column that had it loses it', () => {
    // the unit typed the work units under "Chức vụ"? The clerk gives D the field of E.
    const r = check(ONE_ROW, {}, [{ sheet: SHEET, col: 'D', field: 'donViCongTac' }]);
    expect(fieldOfCol(r, 'D')).toBe('donViCongTac');
    expect(fieldOfCol(r, 'E')).toBeNull();
    expect(r.sheets[0]!.columns.filter((c) => c.field === 'donViCongTac')).toHaveLength(1);
    expect(valuesOf(r, 'donViCongTac')).toEqual(want('chucVu'));
    expect(valuesOf(r, 'chucVu')).toEqual(SAMPLE_NOMINEES.map(() => null));
    expect(issuesAt(r, 'extra-label', 'E7')).toHaveLength(1);
  });

  test('headers swapped by the unit: two choices put the values back where they belong', () => {
    const swapped = { 'Chức vụ': 'Đơn vị công tác', 'Đơn vị công tác': 'Chức vụ' };
    const auto = check(ONE_ROW, swapped);
    expect(valuesOf(auto, 'chucVu')).toEqual(want('donViCongTac'));
    const r = check(ONE_ROW, swapped, [
      { sheet: SHEET, col: 'D', field: 'chucVu' },
      { sheet: SHEET, col: 'E', field: 'donViCongTac' },
    ]);
    expect(valuesOf(r, 'chucVu')).toEqual(want('chucVu'));
    expect(valuesOf(r, 'donViCongTac')).toEqual(want('donViCongTac'));
    expect(codes(r)).not.toContain('extra-label');
  });

  test('the same field chosen for two columns: the later choice keeps it', () => {
    const r = check(ONE_ROW, {}, [
      { sheet: SHEET, col: 'D', field: 'ghiChu' },
      { sheet: SHEET, col: 'H', field: 'ghiChu' },
    ]);
    expect(fieldOfCol(r, 'H')).toBe('ghiChu');
    // D goes back to its own header's field
    expect(fieldOfCol(r, 'D')).toBe('chucVu');
    expect(valuesOf(r, 'chucVu')).toEqual(want('chucVu'));
  });
});

describe('a data column without a header', () => {
  test('in the middle: blank-label until the clerk names its field', () => {
    const o: ListOptions = { nominees: SAMPLE_NOMINEES, header: 'one-row' };
    const auto = check(o, { 'Chức vụ': null });
    expect(issuesAt(auto, 'blank-label', 'D7')).toHaveLength(1);
    expect(valuesOf(auto, 'chucVu')).toEqual(SAMPLE_NOMINEES.map(() => null));
    const r = check(o, { 'Chức vụ': null }, [{ sheet: SHEET, col: 'D', field: 'chucVu' }]);
    expect(codes(r)).not.toContain('blank-label');
    expect(r.sheets[0]!.columns.find((c) => c.col === 'D')).toEqual({
      col: 'D',
      header: '',
      field: 'chucVu',
    });
    expect(valuesOf(r, 'chucVu')).toEqual(want('chucVu'));
    expect(r.sheets[0]!.headerRows).toEqual(auto.sheets[0]!.headerRows);
  });

  test('at the end: cells outside the table until the clerk names the field', () => {
    const nominees = SAMPLE_NOMINEES.map((n, i) =>
      i === 2 ? { ...n, ghiChu: 'Đã được tặng Bằng khen' } : n,
    );
    const o: ListOptions = { nominees, header: 'one-row' };
    const auto = check(o, { 'Ghi chú': null });
    expect(codes(auto)).toContain('extra-cell');
    expect(valuesOf(auto, 'ghiChu')).toEqual(nominees.map(() => null));
    const r = check(o, { 'Ghi chú': null }, [{ sheet: SHEET, col: 'H', field: 'ghiChu' }]);
    expect(codes(r)).not.toContain('extra-cell');
    expect(fieldOfCol(r, 'H')).toBe('ghiChu');
    expect(valuesOf(r, 'ghiChu')).toEqual([null, null, 'Đã được tặng Bằng khen', null, null]);
  });
});

test('choosing every column as the automatic mapping has it changes nothing', () => {
  for (const o of [TWO_ROW, ONE_ROW, { nominees: SAMPLE_NOMINEES, sections: false }]) {
    const auto = check(o, {});
    const same = auto.sheets[0]!.columns.map((c) => ({ sheet: SHEET, col: c.col, field: c.field }));
    const r = check(o, {}, same);
    expect(r.sheets).toEqual(auto.sheets);
    expect(r.records).toEqual(auto.records);
    expect(r.issues).toEqual(auto.issues);
  }
});
