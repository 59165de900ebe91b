/**
 * The "before writing" screen: previewMerge tells what mergeLists will do, without changing the master.
 */
import { unreadableReport } from '../../../src/core/check';
import { makeIssue } from '../../../src/core/issues';
import { mergeLists, type IncomingList } from '../../../src/core/master/merge';
import { previewMerge } from '../../../src/core/master/merge-preview';
import type { MasterModel } from '../../../src/core/master/model';
import { emptyMaster, HOA, HTX, incoming, KHOA, TUAN } from '../master/lists';

const NOW = '2023-05-26 09:00:00';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** A master where Văn Lâm (2 rows) and Sở Y tế (1 row) have sent on time. */
function masterWithTwoUnits(): { model: MasterModel; vanLam: IncomingList; soYTe: IncomingList } {
  const vanLam = incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] }, '2023-05-18');
  const soYTe = incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] }, '2023-05-19');
  return { model: mergeLists(emptyMaster('2023-05-20'), [vanLam, soYTe], NOW).model, vanLam, soYTe };
}

test('a batch of every kind: new, corrected, same again, unknown unit, unreadable, late', () => {
  const { model, soYTe } = masterWithTwoUnits();
  const vanLam2 = incoming(
    'VanLam (bổ sung).xlsx',
    'UBND huyện Văn Lâm',
    { nominees: [HTX, HOA, KHOA] },
    '2023-05-24',
  );
  const myHao = incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [HOA, KHOA] }, '2023-05-23');
  const stranger = incoming('danh_sach.xlsx', null, { nominees: [HOA] }, '2023-05-22', {
    candidates: [{ name: 'Sở Nội vụ', score: 0.52 }],
  });
  const broken: IncomingList = {
    file: 'tep_hong.xlsx',
    digest: 'broken-1',
    received: '2023-05-22',
    receivedFrom: 'given',
    report: unreadableReport('tep_hong.xlsx', 'xlsx', [
      makeIssue('encrypted-file', { file: 'tep_hong.xlsx' }),
    ]),
    unit: null,
    inRoster: false,
  };
  const lists = [vanLam2, myHao, soYTe, stranger, broken];
  deepFreeze(model);
  const before = structuredClone(model);

  const p = previewMerge(model, lists, NOW);

  expect(model).toEqual(before);
  expect(p.newUnits).toEqual(['UBND thị xã Mỹ Hào']);
  expect(p.replaced).toEqual([{ unit: 'UBND huyện Văn Lâm', added: 3, removed: 2, version: 2 }]);
  expect(p.unchanged).toEqual(['SYT.xlsx']);
  expect(p.notMerged.map((n) => n.file)).toEqual(['danh_sach.xlsx', 'tep_hong.xlsx']);
  expect(p.notMerged[0]!.reason).toBe('Không xác định được đơn vị gửi; gần nhất: Sở Nội vụ (52%).');
  expect(p.notMerged[1]!.reason).toMatch(/^Tệp có mật khẩu bảo vệ/);
  expect(p.rowsAdded).toBe(5);
  expect(p.rowsRemoved).toBe(2);
  // Văn Lâm's first list was on time: a correction after the deadline does not make it late
  expect(p.lateUnits).toEqual([{ unit: 'UBND thị xã Mỹ Hào', daysLate: 3 }]);

  // …and the merge does just that
  const r = mergeLists(model, lists, NOW);
  expect(r.model.rows.length).toBe(model.rows.length + p.rowsAdded - p.rowsRemoved);
  expect(r.model.rows.filter((x) => x.unit === 'UBND huyện Văn Lâm')).toHaveLength(3);
});

test('nothing new: every file already merged as it is', () => {
  const { model, vanLam, soYTe } = masterWithTwoUnits();
  const p = previewMerge(model, [soYTe, vanLam], NOW);
  expect(p).toEqual({
    newUnits: [],
    replaced: [],
    unchanged: ['SYT.xlsx', 'VanLam.xlsx'],
    notMerged: [],
    rowsAdded: 0,
    rowsRemoved: 0,
    lateUnits: [],
  });
});

test('a file refused before and given again is still "not merged", with its reason', () => {
  const stranger = incoming('danh_sach.xlsx', null, { nominees: [HOA] });
  const m = mergeLists(emptyMaster(), [stranger], NOW).model;
  const p = previewMerge(m, [stranger], NOW);
  expect(p.unchanged).toEqual([]);
  expect(p.notMerged).toEqual([{ file: 'danh_sach.xlsx', reason: 'Không xác định được đơn vị gửi.' }]);
});

test('two lists of one unit in the same batch: the unit counts once, with its last list', () => {
  const { model } = masterWithTwoUnits();
  const first = incoming('SYT lần 2.xlsx', 'Sở Y tế', { nominees: [TUAN, HOA] }, '2023-05-21');
  const second = incoming('SYT lần 3.xlsx', 'Sở Y tế', { nominees: [TUAN, HOA, KHOA] }, '2023-05-22');
  const p = previewMerge(model, [first, second], NOW);
  // the master's one row of Sở Y tế comes out, the three rows of the last list go in
  expect(p.replaced).toEqual([{ unit: 'Sở Y tế', added: 3, removed: 1, version: 3 }]);
  expect(p.rowsAdded - p.rowsRemoved).toBe(2);
  expect(p.lateUnits).toEqual([]);
  const r = mergeLists(model, [first, second], NOW);
  expect(r.model.rows.length).toBe(model.rows.length + p.rowsAdded - p.rowsRemoved);

  // a new unit sending twice in one batch is one new unit
  const a = incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [HOA] }, '2023-05-19');
  const b = incoming('MyHao sửa.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [HOA, KHOA] }, '2023-05-22');
  const q = previewMerge(model, [a, b], NOW);
  expect(q.newUnits).toEqual(['UBND thị xã Mỹ Hào']);
  expect(q.replaced).toEqual([]);
  expect(q.rowsAdded).toBe(2);
  expect(q.rowsRemoved).toBe(0);
  expect(q.lateUnits).toEqual([]);
});

test('a unit the clerk named outside the roster is merged as a new unit; lateness counts from the deadline day', () => {
  const m = emptyMaster('2023-05-20');
  const strict = { ...m, config: { ...m.config, deadlineDayCounts: false } };
  const list = incoming('BQL.xlsx', 'Ban Quản lý các khu công nghiệp', { nominees: [HTX] }, '2023-05-20');
  expect(previewMerge(m, [list], NOW).lateUnits).toEqual([]);
  const p = previewMerge(strict, [list], NOW);
  expect(p.newUnits).toEqual(['Ban Quản lý các khu công nghiệp']);
  expect(p.lateUnits).toEqual([{ unit: 'Ban Quản lý các khu công nghiệp', daysLate: 1 }]);
});
