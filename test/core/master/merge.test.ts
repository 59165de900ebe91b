import { mergeLists, ROW_STATUS, withPendingLog } from '../../../src/core/master/merge';
import type { MasterModel, MasterRow } from '../../../src/core/master/model';
import { computeTracker } from '../../../src/core/master/tracker';
import { crossUnitDuplicates } from '../../../src/core/master/cross-duplicates';
import { unreadableReport } from '../../../src/core/check';
import { makeIssue } from '../../../src/core/issues';
import { emptyMaster, HOA, HTX, incoming, KHOA, TUAN } from './lists';

const NOW = '2023-05-18 09:00:00';

function rowsOf(m: MasterModel, unit: string): MasterRow[] {
  return m.rows.filter((r) => r.unit === unit);
}

describe('merging a returned list into the master', () => {
  test('a first list adds its nominee rows with a stable key, the source cell and the log version 1', () => {
    const list = incoming('UBND_huyen_Van_Lam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] });
    const { model, files, changed } = mergeLists(emptyMaster(), [list], NOW);
    expect(changed).toBe(true);
    expect(files[0]).toMatchObject({
      action: 'merged',
      version: 1,
      added: 2,
      replaced: 0,
      removed: 0,
      late: false,
    });
    const rows = rowsOf(model, 'UBND huyện Văn Lâm');
    expect(rows.map((r) => r.values['ten'])).toEqual(['Hợp tác xã Nông nghiệp Lạc Hồng', 'Nguyễn Thị Hoa']);
    expect(rows.map((r) => r.values['loai'])).toEqual(['Tập thể', 'Cá nhân']);
    for (const r of rows) {
      expect(r.key).toMatch(/^uy-ban-nhan-dan-huyen-van-lam\|/);
      expect(r.file).toBe('UBND_huyen_Van_Lam.xlsx');
      expect(r.received).toBe('2023-05-18');
      expect(r.source).toMatch(/^Danh sách![A-Z]+\d+$/);
      expect(r.status).toBe(ROW_STATUS.ok);
    }
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(model.log).toHaveLength(1);
    expect(model.log[0]).toMatchObject({
      unit: 'UBND huyện Văn Lâm',
      version: 1,
      action: 'merged',
      rows: 2,
      added: 2,
    });
  });

  test('the same file merged again changes nothing at all', () => {
    const list = incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] });
    const first = mergeLists(emptyMaster(), [list], NOW).model;
    const again = mergeLists(first, [list], '2023-05-19 10:00:00');
    expect(again.changed).toBe(false);
    expect(again.model).toBe(first);
    expect(again.files[0]).toMatchObject({ action: 'unchanged', version: 1 });
    // …also within one run
    const twice = mergeLists(emptyMaster(), [list, list], NOW);
    expect(twice.model.rows).toHaveLength(1);
    expect(twice.model.log).toHaveLength(1);
    expect(twice.files.map((f) => f.action)).toEqual(['merged', 'unchanged']);
  });

  test("a re-submission replaces the unit's rows in place; the log keeps both versions; other rows stay", () => {
    const vanLam1 = incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] });
    const soYTe = incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] });
    let m = mergeLists(emptyMaster(), [vanLam1, soYTe], NOW).model;
    // the clerk adds a row by hand and corrects a value in Sở Y tế's row
    const hand: MasterRow = {
      key: null,
      unit: 'Sở Nội vụ',
      values: { ten: 'Phạm Văn Nam', loai: 'Cá nhân' },
      received: '2023-05-17',
      status: '',
      file: '',
      source: '',
      check: [],
    };
    m = {
      ...m,
      rows: [
        hand,
        ...m.rows.map((r) =>
          r.unit === 'Sở Y tế' ? { ...r, values: { ...r.values, chucVu: 'Giám đốc' } } : r,
        ),
      ],
    };
    const vanLam2 = incoming('VanLam (lần 2).xlsx', 'UBND huyện Văn Lâm', { nominees: [HOA] }, '2023-05-25');
    const r = mergeLists(m, [vanLam2], NOW);
    expect(r.files[0]).toMatchObject({ action: 'replaced', version: 2, added: 0, replaced: 1, removed: 1 });
    expect(r.files[0]!.issues.map((i) => i.code)).toContain('resubmission');
    // stays on time: the first list came before the deadline
    expect(r.files[0]!.late).toBe(false);
    expect(r.files[0]!.issues.map((i) => i.code)).not.toContain('late-submission');
    expect(rowsOf(r.model, 'UBND huyện Văn Lâm').map((x) => x.values['ten'])).toEqual(['Nguyễn Thị Hoa']);
    expect(rowsOf(r.model, 'UBND huyện Văn Lâm')[0]!.file).toBe('VanLam (lần 2).xlsx');
    expect(r.model.rows[0]).toBe(hand);
    expect(rowsOf(r.model, 'Sở Y tế')[0]!.values['chucVu']).toBe('Giám đốc');
    // the new rows take the old rows' place: hand row, Văn Lâm, Sở Y tế
    expect(r.model.rows.map((x) => x.unit)).toEqual(['Sở Nội vụ', 'UBND huyện Văn Lâm', 'Sở Y tế']);
    expect(r.model.log.map((e) => [e.unit, e.version, e.action])).toEqual([
      ['UBND huyện Văn Lâm', 1, 'merged'],
      ['Sở Y tế', 1, 'merged'],
      ['UBND huyện Văn Lâm', 2, 'replaced'],
    ]);
    const t = computeTracker(r.model).find((x) => x.unit === 'UBND huyện Văn Lâm')!;
    expect(t).toMatchObject({
      status: 'on-time',
      received: '2023-05-18',
      lastReceived: '2023-05-25',
      timesSent: 2,
    });
  });

  test('the findings of a replaced list leave Kiểm tra with it', () => {
    const bad = incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [{ ...HOA, thanhTich: '' }] });
    const m1 = mergeLists(emptyMaster(), [bad], NOW).model;
    expect(m1.issues.some((i) => i.code === 'constraint-error' && i.unit === 'UBND thị xã Mỹ Hào')).toBe(
      true,
    );
    expect(m1.rows[0]!.status).toBe(ROW_STATUS.errors);
    expect(m1.rows[0]!.check.join('\n')).toMatch(/^[A-Z]+\d+: /);
    const good = incoming('MyHao_sua.xlsx', 'UBND thị xã Mỹ Hào', { nominees: [HOA] });
    const m2 = mergeLists(m1, [good], NOW).model;
    expect(m2.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(m2.rows[0]!.status).toBe(ROW_STATUS.ok);
  });

  test('a late first list is late by calendar days, with a late-submission warning', () => {
    const late = incoming('SNV.xlsx', 'Sở Nội vụ', { nominees: [TUAN] }, '2023-05-23');
    const r = mergeLists(emptyMaster(), [late], NOW);
    expect(r.files[0]).toMatchObject({ late: true, daysLate: 3 });
    const w = r.files[0]!.issues.find((i) => i.code === 'late-submission')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toContain('nộp trễ 3 ngày (hạn 20/05/2023, nhận 23/05/2023)');
    expect(r.model.issues.some((i) => i.code === 'late-submission' && i.unit === 'Sở Nội vụ')).toBe(true);
  });

  test('the deadline day is on time by default and late when the campaign says so', () => {
    const onDay = incoming('SNV.xlsx', 'Sở Nội vụ', { nominees: [TUAN] }, '2023-05-20');
    expect(mergeLists(emptyMaster(), [onDay], NOW).files[0]!.late).toBe(false);
    const strict = emptyMaster();
    strict.config.deadlineDayCounts = false;
    expect(mergeLists(strict, [onDay], NOW).files[0]).toMatchObject({ late: true, daysLate: 1 });
  });

  test('an empty list means the unit has sent, with 0 nominees', () => {
    const empty = incoming('Truong_DH.xlsx', 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên', {
      nominees: [],
      empty: true,
    });
    const r = mergeLists(emptyMaster(), [empty], NOW);
    expect(r.files[0]).toMatchObject({ action: 'merged', version: 1, added: 0 });
    const t = computeTracker(r.model).find((x) => x.unit.startsWith('Trường'))!;
    expect(t).toMatchObject({ status: 'on-time', rows: 0, timesSent: 1 });
  });

  test('a file whose unit is unknown is not merged, says why with the candidates, and merges once named', () => {
    const list = incoming('danh_sach.xlsx', null, { nominees: [HOA] }, '2023-05-19', {
      candidates: [{ name: 'UBND thị xã Mỹ Hào', score: 0.55 }],
    });
    const r1 = mergeLists(emptyMaster(), [list], NOW);
    expect(r1.files[0]!.action).toBe('not-merged');
    expect(r1.model.rows).toEqual([]);
    const issue = r1.model.issues.find((i) => i.code === 'unknown-unit')!;
    expect(issue.message).toContain('UBND thị xã Mỹ Hào (55%)');
    expect(issue.file).toBe('danh_sach.xlsx');
    expect(r1.model.log[0]).toMatchObject({
      action: 'not-merged',
      version: 0,
      note: 'Chưa xác định đơn vị gửi',
    });
    // the same file again: nothing new
    const again = mergeLists(r1.model, [list], NOW);
    expect(again.changed).toBe(false);
    // named by the clerk: merged, and the earlier "unknown" findings about this file are gone
    const named = mergeLists(r1.model, [{ ...list, unit: 'UBND thị xã Mỹ Hào', inRoster: true }], NOW);
    expect(named.files[0]!.action).toBe('merged');
    expect(named.model.rows).toHaveLength(1);
    expect(named.model.issues.some((i) => i.code === 'unknown-unit')).toBe(false);
  });

  test('a unit the clerk named that is not in the roster is merged with a not-in-roster warning', () => {
    const list = incoming('BQL_KCN.xlsx', 'Ban Quản lý các khu công nghiệp', { nominees: [HTX] });
    const r = mergeLists(emptyMaster(), [list], NOW);
    expect(r.files[0]!.issues.map((i) => i.code)).toContain('not-in-roster');
    const t = computeTracker(r.model);
    expect(t[t.length - 1]).toMatchObject({
      unit: 'Ban Quản lý các khu công nghiệp',
      inRoster: false,
      status: 'on-time',
    });
  });

  test('an unreadable file is not merged and its finding is kept', () => {
    const report = unreadableReport('tep_hong.xlsx', 'xlsx', [
      makeIssue('unreadable-file', { file: 'tep_hong.xlsx' }, { reason: 'không phải tệp bảng tính' }),
    ]);
    const r = mergeLists(
      emptyMaster(),
      [
        {
          file: 'tep_hong.xlsx',
          digest: 'ff01',
          received: '2023-05-18',
          receivedFrom: 'given',
          report,
          unit: 'Sở Y tế',
          inRoster: true,
        },
      ],
      NOW,
    );
    expect(r.files[0]!.action).toBe('not-merged');
    expect(r.model.issues.map((i) => i.code)).toContain('unreadable-file');
    expect(computeTracker(r.model).find((x) => x.unit === 'Sở Y tế')!.status).toBe('missing');
  });

  test('the same person proposed by two units is flagged on both rows', () => {
    const a = incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HOA] });
    const b = incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', {
      nominees: [{ ...HOA, ten: 'NGUYỄN  THỊ HOA', thanhTich: 'Khác.' }, KHOA],
    });
    const m = mergeLists(emptyMaster(), [a, b], NOW).model;
    const cross = crossUnitDuplicates(m.rows);
    expect(cross.issues).toHaveLength(2);
    expect(cross.issues.every((i) => i.code === 'duplicate-nominee' && i.severity === 'warning')).toBe(true);
    const at = (unit: string) =>
      m.rows.findIndex((r) => r.unit === unit && /hoa$/i.test(String(r.values['ten'])));
    expect(cross.notes.get(at('UBND huyện Văn Lâm'))!.join()).toContain('UBND thị xã Mỹ Hào');
    expect(cross.notes.get(at('UBND thị xã Mỹ Hào'))!.join()).toContain('UBND huyện Văn Lâm');
    expect(cross.notes.size).toBe(2);
    // a different person with the same name but another birth year is not a duplicate
    const c = incoming('SYT.xlsx', 'Sở Y tế', {
      nominees: [{ ...HOA, namSinh: 1992, donViCongTac: 'Sở Y tế' }],
    });
    const m2 = mergeLists(emptyMaster(), [a, c], NOW).model;
    expect(crossUnitDuplicates(m2.rows).issues).toEqual([]);
  });

  test('the nominee keys the file check worked out are used while the values are those they came from', () => {
    const a = incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HOA, TUAN] });
    const b = incoming('MyHao.xlsx', 'UBND thị xã Mỹ Hào', {
      nominees: [{ ...HOA, ten: 'NGUYỄN  THỊ HOA', thanhTich: 'Khác.' }, KHOA],
    });
    expect(a.report.records.every((r) => Array.isArray(r.nominee))).toBe(true);
    const m = mergeLists(emptyMaster(), [a, b], NOW).model;
    // the same answer as from rows whose keys are worked out afresh (copies of the values)
    const fresh = m.rows.map((r) => ({ ...r, values: { ...r.values } }));
    expect(crossUnitDuplicates(m.rows)).toEqual(crossUnitDuplicates(fresh));
    expect(crossUnitDuplicates(m.rows).issues).toHaveLength(2);
    // a value changed since the check: that row's keys are worked out again
    const hoa = m.rows.find((r) => r.unit === 'UBND huyện Văn Lâm' && r.values['ten'] === HOA.ten)!;
    hoa.values['namSinh'] = 1950;
    expect(crossUnitDuplicates(m.rows).issues).toEqual([]);
    hoa.values['namSinh'] = HOA.namSinh ?? null;
    hoa.values['ten'] = 'Lê Văn Tám';
    expect(crossUnitDuplicates(m.rows).issues).toEqual([]);
  });
});

describe('an interrupted merge (Office.js writes the log as pending first)', () => {
  test('a pending entry counts for nothing: the unit is still missing and the same file merges again', () => {
    const list = incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] });
    const done = mergeLists(emptyMaster(), [list], NOW).model;
    const interrupted = withPendingLog(done, 0);
    expect(interrupted.log[0]!.action).toBe('pending');
    expect(computeTracker(interrupted).find((t) => t.unit === 'Sở Y tế')!.status).toBe('missing');
    const again = mergeLists(interrupted, [list], NOW);
    expect(again.files[0]).toMatchObject({ action: 'merged', version: 1 });
    expect(again.model.rows).toHaveLength(1);
    expect(again.model.log.map((e) => e.action)).toEqual(['pending', 'merged']);
  });

  test('a refused file whose log entry stayed pending is reported again, not taken as already seen', () => {
    const list = incoming('danh_sach.xlsx', null, { nominees: [HOA] });
    const first = mergeLists(emptyMaster(), [list], NOW).model;
    const interrupted = { ...withPendingLog(first, 0), issues: [] };
    const again = mergeLists(interrupted, [list], NOW);
    expect(again.files[0]!.action).toBe('not-merged');
    expect(again.model.issues.map((i) => i.code)).toContain('unknown-unit');
  });
});

describe('the tracker', () => {
  test('every roster unit is on time, late or missing, with counts of tập thể and cá nhân', () => {
    const lists = [
      incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] }, '2023-05-18'),
      incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] }, '2023-05-26'),
    ];
    const m = mergeLists(emptyMaster(), lists, NOW).model;
    const t = computeTracker(m);
    expect(t.map((x) => [x.unit, x.status, x.daysLate])).toEqual([
      ['UBND huyện Văn Lâm', 'on-time', 0],
      ['UBND thị xã Mỹ Hào', 'missing', 0],
      ['Sở Y tế', 'late', 6],
      ['Sở Nội vụ', 'missing', 0],
      ['Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'missing', 0],
    ]);
    expect(t[0]).toMatchObject({ tapThe: 1, caNhan: 1, rows: 2, timesSent: 1, file: 'VanLam.xlsx' });
    expect(t[2]).toMatchObject({ contact: 'Trần Văn Hùng', phone: '0221 3862 317' });
  });
});
