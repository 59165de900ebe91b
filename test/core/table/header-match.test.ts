import fc from 'fast-check';
import { defaultSchema } from '../../../src/core/schema/default-schema';
import { findTable } from '../../../src/core/table/find-table';
import {
  assignFields,
  buildMatcher,
  isRowNumberHeader,
  MATCH_THRESHOLD,
  scoreColumn,
  scoreHeader,
  withinOneEdit,
} from '../../../src/core/table/header-match';
import { grid } from './grid-builder';

const schema = defaultSchema();
const matcher = buildMatcher(schema);
const best = (text: string) => scoreHeader(text, matcher)[0]?.field ?? null;

describe('header texts → fields', () => {
  test.each([
    ['Họ và tên', 'ten'],
    ['HỌ VÀ TÊN', 'ten'],
    ['HO VA TEN', 'ten'],
    ['Ho va ten', 'ten'],
    ['Họ tên', 'ten'],
    ['Tên tập thể, cá nhân', 'ten'],
    ['Tên đơn vị / tập thể', 'ten'],
    ['Họ và tên (2)', 'ten'],
    ['Tên tập thể, cá nhân\n(ghi đầy đủ, không viết tắt)', 'ten'],
    ['Chức vụ', 'chucVu'],
    ['Chức danh', 'chucVu'],
    ['Chức vụ, đơn vị công tác', 'donViCongTac'],
    ['Cơ quan, đơn vị', 'donViCongTac'],
    ['Đơn vị công tác', 'donViCongTac'],
    ['Tóm tắt thành tích', 'thanhTich'],
    ['Thành tích nổi bật', 'thanhTich'],
    ['Thành tích tiêu biểu', 'thanhTich'],
    ['Tóm tắt thành tích, đóng góp nổi bật', 'thanhTich'],
    ['Lĩnh vực', 'linhVuc'],
    ['Lĩnh vực hoạt động', 'linhVuc'],
    ['LINH VUC HOAT DONG', 'linhVuc'],
    ['Năm sinh', 'namSinh'],
    ['Ngày, tháng, năm sinh', 'namSinh'],
    ['Giới tính', 'gioiTinh'],
    ['Nam/Nữ', 'gioiTinh'],
    ['Loại', 'loai'],
    ['Loại đề nghị', 'loai'],
    ['Ghi chú', 'ghiChu'],
    ['GHI CHU', 'ghiChu'],
  ])('"%s" → %s', (text, field) => {
    expect(best(text)).toBe(field);
  });

  test.each([
    'Số điện thoại',
    'Địa chỉ',
    'Quê quán',
    'Dân tộc',
    'Năm công tác',
    'Hình thức khen thưởng',
    '(3)',
    '',
  ])('"%s" matches no field', (text) => {
    expect(scoreHeader(text, matcher)).toEqual([]);
  });

  test('an exact alias scores 1; a typo in a long word still matches, below 1', () => {
    expect(scoreHeader('Họ và tên', matcher)[0]).toEqual({ field: 'ten', score: 1 });
    const typo = scoreHeader('Tóm tắt thành tichs', matcher)[0];
    expect(typo.field).toBe('thanhTich');
    expect(typo.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(typo.score).toBeLessThan(1);
  });

  test.each(['STT', 'Stt', 'TT', 'Số TT', 'Số thứ tự', 'S TT'])('"%s" is the row-number column', (text) => {
    expect(isRowNumberHeader(text)).toBe(true);
  });

  test('"Tên" is not the row-number column, "Thứ tự ưu tiên" is not either', () => {
    expect(isRowNumberHeader('Tên')).toBe(false);
    expect(isRowNumberHeader('Thứ tự ưu tiên')).toBe(false);
  });

  test('a child under a parent: the child decides; the parent helps only when the child alone says little', () => {
    expect(scoreColumn('Thành tích', 'Lĩnh vực', matcher)[0]).toEqual({ field: 'linhVuc', score: 1 });
    expect(scoreColumn('Thành tích', 'Tóm tắt', matcher)[0].field).toBe('thanhTich');
    expect(scoreHeader('Tóm tắt', matcher)).toEqual([]);
  });

  test('a header that names two fields goes to the one without its own column', () => {
    const cands = [
      { col: 3, scores: scoreHeader('Chức vụ, đơn vị công tác', matcher) },
      { col: 4, scores: scoreHeader('Đơn vị công tác', matcher) },
    ];
    const got = assignFields(
      cands,
      schema.fields.map((f) => f.name),
    );
    expect(got.get(3)?.field).toBe('chucVu');
    expect(got.get(4)?.field).toBe('donViCongTac');
  });

  test('"Tập thể/Cá nhân" (an alias of both Tên and Loại) is Loại next to a "Họ và tên" column', () => {
    const cands = [
      { col: 1, scores: scoreHeader('Họ và tên', matcher) },
      { col: 2, scores: scoreHeader('Tập thể/Cá nhân', matcher) },
    ];
    const got = assignFields(
      cands,
      schema.fields.map((f) => f.name),
    );
    expect([got.get(1)?.field, got.get(2)?.field]).toEqual(['ten', 'loai']);
  });

  test('an exact match is never given up for two fuzzy ones', () => {
    const order = schema.fields.map((f) => f.name);
    const got = assignFields(
      [
        {
          col: 1,
          scores: [
            { field: 'ten', score: 1 },
            { field: 'chucVu', score: 0.7 },
          ],
        },
        { col: 2, scores: [{ field: 'ten', score: 0.8 }] },
      ],
      order,
    );
    expect(got.get(1)?.field).toBe('ten');
    expect(got.has(2)).toBe(false);
  });

  test('equal scores go to the earlier column', () => {
    const order = schema.fields.map((f) => f.name);
    const got = assignFields(
      [
        { col: 4, scores: [{ field: 'ghiChu', score: 1 }] },
        { col: 7, scores: [{ field: 'ghiChu', score: 1 }] },
      ],
      order,
    );
    expect([...got.keys()]).toEqual([4]);
  });
});

/** Known columns and the header variants a unit may write for each (GUIDE §4). */
const VARIANTS: Record<string, string[]> = {
  ten: ['Họ và tên', 'HO VA TEN', 'Họ tên', 'Tên tập thể, cá nhân', 'Tên đơn vị / tập thể'],
  loai: ['Loại', 'Tập thể/Cá nhân', 'Phân loại'],
  gioiTinh: ['Giới tính', 'Nam/Nữ'],
  namSinh: ['Năm sinh', 'NAM SINH', 'Ngày sinh'],
  chucVu: ['Chức vụ', 'Chức danh'],
  donViCongTac: ['Đơn vị công tác', 'Cơ quan, đơn vị', 'Nơi công tác'],
  linhVuc: ['Lĩnh vực', 'Lĩnh vực hoạt động', 'LINH VUC'],
  thanhTich: ['Tóm tắt thành tích', 'Thành tích nổi bật', 'Thành tích tiêu biểu'],
  ghiChu: ['Ghi chú', 'GHI CHU'],
};

describe('property: the order of the columns does not change the mapping', () => {
  const listArb = fc
    .record({
      fields: fc.subarray(
        Object.keys(VARIANTS).filter((f) => f !== 'ten'),
        { minLength: 1 },
      ),
      picks: fc.array(fc.nat(10), { minLength: 10, maxLength: 10 }),
      stt: fc.boolean(),
      extra: fc.boolean(),
    })
    .chain((o) => {
      const cols = ['ten', ...o.fields].map((f, i) => ({
        field: f as string | null,
        header: VARIANTS[f][o.picks[i] % VARIANTS[f].length],
      }));
      if (o.stt) cols.push({ field: null, header: 'STT' });
      if (o.extra) cols.push({ field: null, header: 'Số điện thoại' });
      return fc.tuple(
        fc.constant(cols),
        fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }),
      );
    });

  test('shuffling known columns never changes which field each maps to', () => {
    fc.assert(
      fc.property(listArb, ([cols, shuffled]) => {
        const mapOf = (order: typeof cols) => {
          const header = order.map((c) => c.header);
          const data = order.map((c, i) => (c.header === 'STT' ? 1 : `Giá trị ${i + 1}`));
          const t = findTable(grid([header, data]), schema, { file: 'x.csv' });
          expect(t).not.toBeNull();
          const byHeader: Record<string, string | null> = {};
          for (const m of t?.columns ?? []) byHeader[m.header] = m.field;
          return byHeader;
        };
        const a = mapOf(cols);
        const b = mapOf(shuffled);
        expect(b).toEqual(a);
        // and each known column maps to its own field
        for (const c of cols) expect(a[c.header]).toBe(c.field);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a typo of one letter', () => {
  /** Levenshtein distance, the textbook way. */
  function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
    return d[a.length]![b.length]!;
  }

  test('is a Levenshtein distance of at most 1, for any two words', () => {
    const word = fc.string({ unit: fc.constantFrom(...'anhtgu'), maxLength: 8 });
    // near pairs as well as random ones: a word and the same word with one or two edits
    const edited = fc
      .tuple(
        word,
        fc.nat(8),
        fc.nat(8),
        fc.constantFrom(...'anhx'),
        fc.constantFrom('add', 'drop', 'change', 'swap'),
      )
      .map(([w, i, j, ch, how]) => {
        const at = Math.min(i, w.length);
        const b =
          how === 'add'
            ? w.slice(0, at) + ch + w.slice(at)
            : how === 'drop'
              ? w.slice(0, at) + w.slice(at + 1)
              : how === 'change'
                ? w.slice(0, at) + ch + w.slice(at + 1)
                : w.slice(0, at) + (w[Math.min(j, w.length - 1)] ?? '') + w.slice(at + 1);
        return [w, b] as const;
      });
    fc.assert(
      fc.property(fc.oneof(fc.tuple(word, word), edited), ([a, b]) => {
        expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
        expect(withinOneEdit(b, a)).toBe(distance(a, b) <= 1);
      }),
      { numRuns: 3000 },
    );
  });

  test('"thnah tich" still reads as "thành tích"; short words need the exact letters', () => {
    expect(best('Tóm tắt thnah tích')).toBe(best('Tóm tắt thành tích'));
    expect(withinOneEdit('thnah', 'thanh')).toBe(false);
    expect(withinOneEdit('thanhh', 'thanh')).toBe(true);
    expect(withinOneEdit('nam', 'noi')).toBe(false);
  });
});

describe('a column of a two-row header is scored as the child alone and parent and child together', () => {
  const pieces = [
    'Họ và tên',
    'Họ',
    'tên',
    'Năm sinh',
    'Nam',
    'Nữ',
    'Chức vụ',
    'Đơn vị công tác',
    'Thành tích',
    'Nội dung',
    'Tóm tắt thành tích',
    'Lĩnh vực',
    'Số TT',
    'STT',
    'Ghi chú',
    'Nguyễn Văn An',
    'Trần Thị Hoà',
    '1985',
    '12',
    'Trưởng phòng',
    'Sở Nội vụ',
    'Hoàn thành xuất sắc nhiệm vụ',
    'KH&CN',
    'TP.',
    '(1)',
    '*',
    '-',
    '.',
    ' ',
    'Cá nhân',
    'Tập thể',
    'ho',
    'va',
    'ten',
    'hoten',
    'Hoten',
    'thnah tich',
    'Chuc',
    'vu',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));
  const sorted = (xs: { field: string; score: number }[]) =>
    [...xs].sort((x, y) => x.field.localeCompare(y.field)).map((x) => `${x.field}:${x.score}`);

  test('letters that make a header only when run together still count ("Hov" over "aten")', () => {
    const m = buildMatcher(schema);
    expect(scoreHeader('Hov', m)).toEqual([]);
    expect(scoreHeader('aten', m)).toEqual([]);
    expect(scoreColumn('Hov', 'aten', m)[0]?.field).toBe('ten');
    expect(scoreColumn('Đơn vị c', 'ông tác', m)[0]?.field).toBe('donViCongTac');
  });

  test('an abbreviation that reaches across the two rows ("… X." over "Mỹ Hào") is read together', () => {
    // a schema of the clerk's with a field "Xã": "x." expands to "xã" only before a name
    const m = buildMatcher({
      fields: [
        { name: 'ten', type: 'string', title: 'Họ và tên' },
        { name: 'xa', type: 'string', title: 'Xã' },
      ],
    });
    expect(scoreHeader('Nơi ở X.', m)).toEqual([]);
    expect(scoreHeader('Mỹ Hào', m)).toEqual([]);
    expect(scoreColumn('Nơi ở X.', 'Mỹ Hào', m)[0]?.field).toBe('xa');
  });

  test('for any parent and child, whatever was scored before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), (pairs) => {
        const m = buildMatcher(schema); // a fresh matcher: nothing remembered between runs
        for (const [top, bottom] of pairs) {
          const best = new Map<string, number>();
          for (const x of [...scoreHeader(bottom, m), ...scoreHeader(`${top} ${bottom}`, m)])
            best.set(x.field, Math.max(best.get(x.field) ?? 0, x.score));
          const expected = [...best].map(([field, score]) => ({ field, score }));
          expect(sorted(scoreColumn(top, bottom, m))).toEqual(sorted(expected));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
