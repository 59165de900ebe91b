/**
 * Reading the sheet the clerk is looking at: a list pasted into a sheet by hand is read back through
 * Office.js (values, displayed text, number formats, merged cells) and checked by the engine like a
 * returned file — in 2 round trips for a list, in blocks under the response limit for a large sheet.
 */
import { checkWorkbook } from '../../src/core/check';
import type { GridWorkbook } from '../../src/core/grid';
import { defaultSchema } from '../../src/core/schema/default-schema';
import { gridCell, loadNumberFormatter, parseAreasAddress } from '../../src/excel/active-sheet';
import { GatewayError, readActiveSheet } from '../../src/excel/gateway';
import { layoutList, type ListOptions } from '../support/returned-list';
import { gridOf, HOA, HTX, TUAN } from '../core/master/lists';
import { host, nomineesOf, paste, type Value } from './helpers';

const LIST: ListOptions = { nominees: [HTX, HOA, TUAN, ...nomineesOf(3)] };

describe('readActiveSheet', () => {
  test('a list pasted by hand reads back as the engine reads the file, and its nominees are found', async () => {
    const h = host();
    const L = layoutList(LIST);
    await paste(h.fake, 'DS dán tay', L.rows, { merges: L.merges });
    h.fake.resetStats();

    const grid = await readActiveSheet(h.excel, { office: h.office });
    expect(h.fake.stats.syncs).toBe(2);
    expect(grid.fileName).toBe('Trang tính „DS dán tay”');
    expect(grid.format).toBe('xlsx');
    expect(grid.sheets).toHaveLength(1);
    const sheet = grid.sheets[0]!;
    expect(sheet.name).toBe('DS dán tay');
    expect(sheet.visibility).toBe('visible');
    // the merged header cells come back, as a file reader gives them
    const a1 = (m: { s: { r: number; c: number }; e: { r: number; c: number } }) =>
      `${String.fromCharCode(65 + m.s.c)}${m.s.r + 1}:${String.fromCharCode(65 + m.e.c)}${m.e.r + 1}`;
    expect(sheet.merges.map(a1).sort()).toEqual([...L.merges].sort());

    const report = checkWorkbook(grid, defaultSchema());
    const found = report.records.map((r) => `${r.values['ten']} (${r.values['loai']})`);
    expect(found.sort()).toEqual(LIST.nominees.map((n) => `${n.ten} (${n.loai})`).sort());
    // the same findings as the same list read from a file
    const fromFile = checkWorkbook(
      {
        ...gridOf('DS.xlsx', LIST),
        sheets: [{ ...gridOf('DS.xlsx', LIST).sheets[0]!, name: 'DS dán tay', merges: sheet.merges }],
      },
      defaultSchema(),
    );
    expect(report.records.map((r) => r.values)).toEqual(fromFile.records.map((r) => r.values));
    expect(report.issues.map((i) => i.code)).toEqual(fromFile.issues.map((i) => i.code));
  });

  test('without ExcelApi 1.13 the merged cells are left out and the nominees are still found', async () => {
    const h = host({ requirementSets: { ExcelApi: '1.12' } });
    const L = layoutList(LIST);
    await paste(h.fake, 'DS', L.rows, { merges: L.merges });
    h.fake.resetStats();
    const grid = await readActiveSheet(h.excel, { office: h.office });
    expect(grid.sheets[0]!.merges).toEqual([]);
    expect(h.fake.stats.requests.every((r) => r.outcome === 'ok')).toBe(true);
    const report = checkWorkbook(grid, defaultSchema());
    expect(report.records.map((r) => r.values['ten']).sort()).toEqual(LIST.nominees.map((n) => n.ten).sort());
  });

  test('dates keep their serial and show as Excel shows them; cells stay where they are on the sheet', async () => {
    const h = host();
    await paste(
      h.fake,
      'Ngày',
      [
        ['Họ và tên', 'Ngày nhận', 'Năm sinh', 'Đã duyệt'],
        ['Nguyễn Thị Hoa', 45064, 1980, true],
      ],
      { at: [2, 1], formats: [{ address: 'C4', format: 'dd/mm/yyyy' }] },
    );
    const grid = await readActiveSheet(h.excel, { office: h.office });
    const rows = grid.sheets[0]!.rows;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual([]);
    expect(rows[2]![0]).toBeUndefined();
    expect(rows[2]![1]).toEqual({ v: 'Họ và tên', w: 'Họ và tên' });
    expect(rows[3]![2]).toEqual({ v: 45064, w: '18/05/2023', z: 'dd/mm/yyyy' });
    expect(rows[3]![3]).toEqual({ v: 1980, w: '1980', z: 'General' });
    expect(rows[3]![4]).toEqual({ v: true, w: 'TRUE' });
  });

  test('an empty sheet is one sheet with no rows', async () => {
    const h = host();
    h.fake.resetStats();
    const grid = await readActiveSheet(h.excel, { office: h.office });
    expect(grid).toEqual<GridWorkbook>({
      fileName: 'Trang tính „Sheet1”',
      format: 'xlsx',
      sheets: [{ name: 'Sheet1', visibility: 'visible', rows: [], merges: [] }],
    });
    expect(h.fake.stats.syncs).toBe(1);
    const report = checkWorkbook(grid, defaultSchema());
    expect(report.sheets[0]!.status).toBe('empty');
  });

  describe('a large sheet', () => {
    const ROWS = 5000;
    const big = (): Value[][] => [
      [
        'STT',
        'Họ và tên',
        'Loại',
        'Năm sinh',
        'Chức vụ',
        'Đơn vị công tác',
        'Lĩnh vực',
        'Tóm tắt thành tích',
      ],
      ...Array.from({ length: ROWS }, (_, i): Value[] => [
        i + 1,
        `Nguyễn Văn Hùng ${i}`,
        i % 3 ? 'Cá nhân' : 'Tập thể',
        1960 + (i % 40),
        'Trưởng phòng',
        'Phòng Kinh tế và Hạ tầng huyện Văn Lâm',
        'Ứng dụng, chuyển giao tiến bộ KH&CN',
        `Chủ trì mô hình số ${i}: trồng nấm đông trùng hạ thảo, chuyển giao cho 40 hộ; sáng kiến cấp tỉnh.`,
      ]),
    ];

    const readBig = async (limit: number, budget: number) => {
      const h = host({ responseLimitBytes: limit });
      const values = big();
      await paste(h.fake, 'Danh sách', values);
      h.fake.resetStats();
      const grid = await readActiveSheet(h.excel, { office: h.office, requestBudget: budget });
      const rows = grid.sheets[0]!.rows;
      expect(rows).toHaveLength(ROWS + 1);
      expect(rows.map((r) => r.map((c) => c?.v))).toEqual(values);
      const report = checkWorkbook(grid, defaultSchema());
      expect(report.rows).toBe(ROWS);
      return h.fake.stats.requests;
    };

    test('is read in blocks whose responses stay under the limit', async () => {
      const requests = await readBig(1024 * 1024, 900 * 1024);
      expect(requests.every((r) => r.outcome === 'ok' && r.responseBytes < 900 * 1024)).toBe(true);
      expect(requests.length).toBeGreaterThan(3);
      expect(requests.length).toBeLessThan(12);
    }, 60_000);

    test('a block Excel still refuses as too large is read again in halves', async () => {
      // the gateway allows itself more than this Excel answers: its guesses are refused, then halved
      const requests = await readBig(600 * 1024, 4 * 1024 * 1024);
      const refused = requests.filter((r) => r.outcome === 'response-too-large').length;
      expect(refused).toBeGreaterThan(0);
      // the budget learnt from the first refusals is kept: not one refusal per block
      expect(refused).toBeLessThanOrEqual(3);
      expect(requests.filter((r) => r.outcome === 'ok').every((r) => r.responseBytes < 600 * 1024)).toBe(
        true,
      );
      expect(requests[requests.length - 1]!.outcome).toBe('ok');
    }, 60_000);

    test('a stray value far from the list: the clerk is told, nothing is read', async () => {
      const h = host();
      await paste(h.fake, 'Danh sách', [['Họ và tên'], ['Nguyễn Thị Hoa']]);
      await h.fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Danh sách').getRange('XFD200').values = [['x']];
        await context.sync();
      });
      h.fake.resetStats();
      const err = await readActiveSheet(h.excel, { office: h.office }).catch((e) => e);
      expect(err).toBeInstanceOf(GatewayError);
      expect(err.message).toMatch(
        /^Vùng dữ liệu của trang „Danh sách” quá lớn để đọc \(200 dòng × 16\.384 cột\)/,
      );
      expect(h.fake.stats.syncs).toBe(1);
    });
  });

  test('more than 512 merged areas (Office.js refuses them): the cells are read without the merges', async () => {
    const h = host();
    const rows = Array.from({ length: 600 }, (_, i) => [`Nhóm ${i}`, '', `Ghi chú ${i}`]);
    await paste(h.fake, 'Nhiều ô gộp', rows, { merges: rows.map((_, i) => `A${i + 1}:B${i + 1}`) });
    h.fake.resetStats();
    const grid = await readActiveSheet(h.excel, { office: h.office });
    expect(grid.sheets[0]!.merges).toEqual([]);
    expect(grid.sheets[0]!.rows.map((r) => r[2]?.v)).toEqual(rows.map((r) => r[2]));
    expect(h.fake.stats.requests.map((r) => r.outcome)).toEqual(['error', 'ok', 'ok']);
  });
});

describe('cells and merged areas as Office.js gives them', () => {
  test('a number in a column too narrow ("####") gets its text from its number format', async () => {
    await loadNumberFormatter();
    expect(gridCell(45064, '########', 'dd/mm/yyyy', 'Double')).toEqual({
      v: 45064,
      w: '18/05/2023',
      z: 'dd/mm/yyyy',
    });
    expect(gridCell(1980, '####', '0', 'Double')).toEqual({ v: 1980, w: '1980', z: '0' });
  });

  test('errors, booleans, empty cells', () => {
    expect(gridCell('#N/A', '#N/A', 'General', 'Error')).toEqual({ v: '#N/A', w: '#N/A', err: true });
    expect(gridCell(false, 'FALSE', 'General', 'Boolean')).toEqual({ v: false, w: 'FALSE' });
    expect(gridCell('', '', 'General', 'Empty')).toBeUndefined();
    expect(gridCell('Sở Y tế', 'Sở Y tế', '@', 'String')).toEqual({ v: 'Sở Y tế', w: 'Sở Y tế' });
  });

  test('RangeAreas addresses: quoted names (with commas and apostrophes), with or without spaces', () => {
    const cr = (r0: number, c0: number, r1: number, c1: number) => ({
      s: { r: r0, c: c0 },
      e: { r: r1, c: c1 },
    });
    expect(parseAreasAddress("'Danh sách'!A1:K1, 'Danh sách'!A7:A8")).toEqual([
      cr(0, 0, 0, 10),
      cr(6, 0, 7, 0),
    ]);
    expect(parseAreasAddress("'DS, đợt 1 (Sở''s)'!$B$2:$C$3,'DS, đợt 1 (Sở''s)'!D4")).toEqual([
      cr(1, 1, 2, 2),
      cr(3, 3, 3, 3),
    ]);
    expect(parseAreasAddress('Sheet1!AA10:AB12')).toEqual([cr(9, 26, 11, 27)]);
  });
});
