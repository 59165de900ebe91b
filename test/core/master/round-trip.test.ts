/** A master written through the write plan reads back as the same model (what `merge` relies on). */
import { buildWritePlan } from '../../../src/core/master/plan';
import { masterFromGrid } from '../../../src/core/master/read-master';
import { mergeLists } from '../../../src/core/master/merge';
import type { MasterModel } from '../../../src/core/master/model';
import { planToGrid } from '../../../src/core/plan/plan-to-grid';
import { emptyMaster, HOA, HTX, incoming, KHOA, TUAN } from './lists';

function merged(): MasterModel {
  const lists = [
    incoming('UBND_huyen_Van_Lam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] }, '2023-05-18'),
    incoming('So_Y_te.xlsx', 'Sở Y tế', { nominees: [{ ...TUAN, namSinh: '19755' }] }, '2023-05-23'),
    incoming(
      'MyHao.xlsx',
      'UBND thị xã Mỹ Hào',
      { nominees: [{ ...HOA, thanhTich: 'Khác' }, KHOA] },
      '2023-05-19',
    ),
    incoming('danh_sach.xlsx', null, { nominees: [HOA] }, '2023-05-19'),
  ];
  let m = mergeLists(emptyMaster(), lists, '2023-05-24 08:00:00').model;
  m = {
    ...m,
    rows: [
      ...m.rows,
      {
        key: null,
        unit: 'Sở Nội vụ',
        values: {
          ...Object.fromEntries(m.schema.fields.map((f) => [f.name, null])),
          ten: 'Phạm Văn Nam',
          loai: 'Cá nhân',
        },
        received: '2023-05-17',
        status: '',
        file: '',
        source: '',
        check: [],
        extra: { 'Ý kiến lãnh đạo': 'Đồng ý' },
      },
    ],
  };
  return m;
}

test('model → write plan → workbook → model gives the same master', () => {
  const m = merged();
  const plan = buildWritePlan(m, '2023-05-24');
  const back = masterFromGrid(planToGrid(plan));
  expect(back.problems).toEqual([]);
  expect(back.model).not.toBeNull();
  const b = back.model!;
  expect(b.config).toEqual(m.config);
  expect(b.schema).toEqual(m.schema);
  expect(b.roster).toEqual(m.roster);
  expect(b.log).toEqual(m.log);
  expect(b.issues).toEqual(m.issues);
  // rows: the hand-made row's extra column is kept; merged rows have no extra column to begin with
  expect(b.rows.map(({ extra: _e, ...r }) => r)).toEqual(m.rows.map(({ extra: _e, ...r }) => r));
  expect(b.rows[b.rows.length - 1]!.extra).toEqual({ 'Ý kiến lãnh đạo': 'Đồng ý' });
  // cross-unit duplicates are derived each time: they are not read back as stored findings
  const kiemTra = plan.sheets.find((s) => s.name === 'Kiểm tra')!.table!;
  expect(kiemTra.rows.some((r) => r[6] === 'duplicate-nominee')).toBe(true);
  expect(b.issues.some((i) => i.code === 'duplicate-nominee')).toBe(false);
});

test('tables are found by their headers when the clerk renames a sheet', () => {
  const m = merged();
  const plan = buildWritePlan(m, '2023-05-24');
  for (const s of plan.sheets) if (s.name === 'Tổng hợp') s.name = 'DS tổng hợp (sửa)';
  const back = masterFromGrid(planToGrid(plan)).model!;
  expect(back.rows).toHaveLength(m.rows.length);
});

test('a workbook that is not a master is refused with a clear message', () => {
  const r = masterFromGrid({ fileName: 'ds.xlsx', format: 'xlsx', sheets: [] });
  expect(r.model).toBeNull();
  expect(r.problems[0]).toContain('„ds.xlsx” không phải tệp tổng hợp');
});
