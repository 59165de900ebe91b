import fc from 'fast-check';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { findDuplicates, nomineeKey, sameNominee } from '../../../src/core/validate/duplicates';
import { validateTable, type NomineeRecord } from '../../../src/core/validate/validate-table';
import { SAMPLE_NOMINEES, type Nominee } from '../../support/returned-list';
import { listTable } from './found-table';

const FILE = 'MyHao_DSDH.xlsx';

function recordsOf(
  nominees: Nominee[],
  sheet = 'Danh sách',
  sections = false,
): (NomineeRecord & { sheet: string })[] {
  const t = listTable({ nominees, sections }, sheet);
  return validateTable(t.table, defaultSchema(), { file: FILE }).records.map((r) => ({ ...r, sheet }));
}

describe('duplicate rows and nominees within a file', () => {
  const hoa = SAMPLE_NOMINEES[2];
  const duc = SAMPLE_NOMINEES[3];

  it('a row repeated as is: one duplicate-row warning naming the first row, no nominee warning', () => {
    const recs = recordsOf([hoa, duc, { ...hoa }]);
    const issues = findDuplicates(recs, defaultSchema(), { file: FILE });
    expect(issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['duplicate-row', 'warning', recs[2].r + 1],
    ]);
    expect(issues[0].message).toContain(`dòng trùng hoàn toàn với dòng ${recs[0].r + 1}`);
    expect(issues[0].messageEn).toContain(`identical to row ${recs[0].r + 1}`);
    expect(recs[2].issues).toContain(issues[0]);
  });

  it('the same person written with another tone placement and other achievements', () => {
    const again: Nominee = { ...hoa, thanhTich: 'Đề xuất 3 sáng kiến cải cách.' };
    const recs = recordsOf([{ ...hoa, ten: 'Nguyễn Thị Hòa' }, duc, { ...again, ten: 'Nguyễn Thị Hoà' }]);
    const issues = findDuplicates(recs, defaultSchema(), { file: FILE });
    expect(issues.map((i) => [i.code, i.field, i.cell])).toEqual([
      ['duplicate-nominee', 'ten', `B${recs[2].r + 1}`],
    ]);
    expect(issues[0].message).toContain(
      `„Nguyễn Thị Hoà” được đề nghị hai lần (trùng với dòng ${recs[0].r + 1})`,
    );
  });

  it('namesakes born in different years, or working in different places, are different people', () => {
    const recs = recordsOf([
      hoa,
      { ...hoa, namSinh: 1991, thanhTich: 'Khác.' },
      { ...hoa, donViCongTac: 'Trường THCS Như Quỳnh', thanhTich: 'Khác nữa.' },
    ]);
    expect(findDuplicates(recs, defaultSchema(), { file: FILE })).toEqual([]);
  });

  it('a missing year of birth does not hide a duplicate', () => {
    const recs = recordsOf([hoa, { ...hoa, namSinh: undefined, thanhTich: 'Khác.' }]);
    expect(findDuplicates(recs, defaultSchema(), { file: FILE }).map((i) => i.code)).toEqual([
      'duplicate-nominee',
    ]);
  });

  it('a collective and an individual of the same name are not the same nominee', () => {
    const recs = recordsOf([
      { ten: 'Trần Văn Đức', loai: 'Tập thể', linhVuc: 'Sở hữu trí tuệ', thanhTich: 'Một tập thể lạ tên.' },
      duc,
    ]);
    expect(findDuplicates(recs, defaultSchema(), { file: FILE })).toEqual([]);
  });

  it('names the sheet of the other row when it is on another sheet', () => {
    const recs = [
      ...recordsOf([SAMPLE_NOMINEES[0]], 'Tập thể', true),
      ...recordsOf([{ ...SAMPLE_NOMINEES[0], thanhTich: 'Khác.' }], 'Cá nhân', true),
    ];
    const issues = findDuplicates(recs, defaultSchema(), { file: FILE });
    expect(issues).toHaveLength(1);
    expect(issues[0].sheet).toBe('Cá nhân');
    expect(issues[0].message).toContain(`trùng với dòng ${recs[0].r + 1}, trang „Tập thể”`);
    expect(issues[0].messageEn).toContain(`row ${recs[0].r + 1}, sheet "Tập thể"`);
  });

  it('nominee keys are shared by spellings of the same nominee', () => {
    const a = { ten: 'Nguyễn Thị Thuỷ', loai: 'Cá nhân', namSinh: 1980, donViCongTac: 'UBND TX. Mỹ Hào' };
    const b = {
      ten: 'nguyễn  thị thủy',
      loai: 'CÁ NHÂN',
      namSinh: 1980,
      donViCongTac: 'Ủy ban nhân dân thị xã Mỹ Hào',
    };
    expect(nomineeKey(a)).toBe(nomineeKey(b));
    expect(sameNominee(a, b)).toBe(true);
    expect(sameNominee(a, { ...b, namSinh: 1981 })).toBe(false);
    expect(sameNominee(a, { ...b, namSinh: null })).toBe(true);
    expect(nomineeKey({ ten: '  ' })).toBeNull();
    // Đ is not D unless accents are folded: different names
    expect(sameNominee({ ten: 'Đào Văn An' }, { ten: 'Dao Văn An' })).toBe(false);
  });
});

describe('duplicate rows: the same values, as their JSON would say', () => {
  const schema = defaultSchema();
  const names = schema.fields.map((f) => f.name);
  const value = fc.constantFrom<string | number | null>(
    null,
    'Nguyễn Văn An',
    'Nguyễn Văn An ',
    'Cá nhân',
    1985,
    '1985',
    0,
  );
  const row = fc.array(value, { minLength: names.length, maxLength: names.length });
  /** A value JSON writes the same way but that is not the same value: null, NaN and ±Infinity; 0 and -0. */
  const twin = (v: string | number | null, k: number): string | number | null =>
    v === null ? [NaN, Infinity, -Infinity][k % 3]! : v === 0 ? -0 : v;
  // rows picked from a few, some with JSON twins of their values, so that repeats are common
  const rows = fc
    .tuple(
      fc.array(row, { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat()), { maxLength: 25 }),
    )
    .map(([pool, picks]) =>
      picks.map(([i, twinned, k]) => {
        const base = pool[i % pool.length]!;
        return twinned ? base.map((v, c) => (c === k % base.length ? twin(v, k) : v)) : [...base];
      }),
    );

  it('property: a row is reported as a repeat exactly when an earlier row has the same JSON', () => {
    fc.assert(
      fc.property(rows, (rows) => {
        const recs = rows.map((vals, i) => ({
          r: i + 5,
          values: Object.fromEntries(names.map((n, k) => [n, vals[k]!])),
          raw: {},
          issues: [],
          sheet: 'Sheet1',
        }));
        const got = findDuplicates(recs, schema, { file: FILE })
          .filter((i) => i.code === 'duplicate-row')
          .map((i) => [i.row, i.message] as const);
        const seen = new Map<string, number>();
        const want: [number, string][] = [];
        rows.forEach((vals, i) => {
          if (vals.every((v) => v === null)) return;
          const key = JSON.stringify(vals);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, i);
          else want.push([i + 6, `dòng ${first + 6}`]);
        });
        expect(got.map(([r]) => r)).toEqual(want.map(([r]) => r));
        got.forEach(([, message], k) => expect(message).toContain(`với ${want[k]![1]}`));
      }),
      { numRuns: 500 },
    );
  });
});
