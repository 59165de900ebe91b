import fc from 'fast-check';
import { defaultSchema, LINH_VUC } from '../../../src/core/schema/default-schema';
import type { FieldDef } from '../../../src/core/schema/types';
import { foldAccents } from '../../../src/core/text/key';
import {
  buildEnumMatcher,
  enumMatcherFor,
  matchEnum,
  osaDistance,
} from '../../../src/core/validate/enum-match';

const fieldOf = (name: string): FieldDef => {
  const f = defaultSchema().fields.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};
const linhVuc = fieldOf('linhVuc');
const loai = fieldOf('loai');
const gioiTinh = fieldOf('gioiTinh');

describe('enum matching of lĩnh vực', () => {
  it.each([
    ['Ứng dụng, chuyển giao tiến bộ KH&CN vào sản xuất', 'Ứng dụng, chuyển giao tiến bộ KH&CN'],
    ['Ứng dụng chuyển giao tiến bộ khoa học công nghệ', 'Ứng dụng, chuyển giao tiến bộ KH&CN'],
    ['QLNN về KHCN', 'Quản lý nhà nước về KH&CN'],
    ['quản lý nhà nước về khoa học và công nghệ', 'Quản lý nhà nước về KH&CN'],
    ['ĐMST', 'Khởi nghiệp, đổi mới sáng tạo'],
    ['Khởi nghiệp', 'Khởi nghiệp, đổi mới sáng tạo'],
    ['Khoi nghiep, DMST', 'Khởi nghiệp, đổi mới sáng tạo'],
    ['TĐC', 'Tiêu chuẩn, đo lường, chất lượng'],
    ['Tiêu chuẩn - Đo lường - Chất lượng', 'Tiêu chuẩn, đo lường, chất lượng'],
    ['Cải cánh hành chính', 'Cải cách hành chính'],
    ['Cuộc thi Sáng tạo KHKT tỉnh Hưng Yên', 'Cuộc thi sáng tạo khoa học kỹ thuật'],
    [
      'Học tập và làm theo tư tưởng Hồ Chí Minh',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    ],
    ['  an sinh   xã hội. ', 'An sinh xã hội'],
  ])('%s → %s', (typed, canonical) => {
    expect(matchEnum(typed, linhVuc)).toBe(canonical);
  });

  it.each([
    'Nông nghiệp',
    'khoa học và công nghệ', // which one: quản lý, or ứng dụng?
    'Quản lý nhà nước về KH&CN và cải cách hành chính', // names two fields
    'KH&CN',
    'Giáo dục',
    'x',
    '',
  ])('finds nothing for %s rather than guess', (typed) => {
    expect(matchEnum(typed, linhVuc)).toBeNull();
  });
});

describe('enum matching of loại and giới tính', () => {
  it('reads the short forms', () => {
    expect(matchEnum('CN', loai)).toBe('Cá nhân');
    expect(matchEnum('tap the', loai)).toBe('Tập thể');
    expect(matchEnum('Cá nhân tiêu biểu', loai)).toBe('Cá nhân');
    expect(matchEnum('NỮ', gioiTinh)).toBe('Nữ');
    expect(matchEnum('nu', gioiTinh)).toBe('Nữ');
    expect(matchEnum('Nam giới', gioiTinh)).toBe('Nam');
    expect(matchEnum('x', gioiTinh)).toBe('Nam');
    expect(matchEnum('Nam Nữ', gioiTinh)).toBeNull();
  });

  it('an alias shared by two values matches neither', () => {
    const m = buildEnumMatcher(['Alpha', 'Beta'], { Alpha: ['AB'], Beta: ['ab'] });
    expect(m.match('AB')).toBeNull();
    expect(m.match('alpha')?.value).toBe('Alpha');
  });

  it('caches one matcher per field', () => {
    expect(enumMatcherFor(linhVuc)).toBe(enumMatcherFor(linhVuc));
  });

  it('counts edit distance with transpositions', () => {
    expect(osaDistance('tue', 'teu')).toBe(1);
    expect(osaDistance('cach', 'canh')).toBe(1);
    expect(osaDistance('abc', 'abc')).toBe(0);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
  });
});

/** Ways a clerk writes the same lĩnh vực. */
const ABBREVIATIONS: [RegExp, string[]][] = [
  [
    /KH&CN/g,
    ['KH&CN', 'KHCN', 'KH & CN', 'kh&cn', 'khoa học và công nghệ', 'Khoa học và Công nghệ', 'KH-CN'],
  ],
  [/khoa học kỹ thuật/gi, ['khoa học kỹ thuật', 'KHKT']],
  [/đổi mới sáng tạo/gi, ['đổi mới sáng tạo', 'ĐMST']],
  [/^Cải cách hành chính$/g, ['Cải cách hành chính', 'CCHC']],
  [/^Sở hữu trí tuệ$/g, ['Sở hữu trí tuệ', 'SHTT']],
  [/^An sinh xã hội$/g, ['An sinh xã hội', 'ASXH']],
];

describe('property: any canonical value, re-cased, accent-stripped or abbreviated, finds itself', () => {
  const variant = fc
    .record({
      index: fc.nat({ max: LINH_VUC.length - 1 }),
      picks: fc.array(fc.nat({ max: 20 }), {
        minLength: ABBREVIATIONS.length,
        maxLength: ABBREVIATIONS.length,
      }),
      caseBits: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
      caseMode: fc.constantFrom('keep', 'upper', 'lower', 'random'),
      fold: fc.constantFrom('none', 'all', 'some'),
      foldBits: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      punctuation: fc.constantFrom('keep', 'drop', 'spaces'),
    })
    .map((o) => {
      const canonical = LINH_VUC[o.index].value;
      let s = canonical;
      ABBREVIATIONS.forEach(([re, forms], i) => {
        s = s.replace(re, () => forms[o.picks[i] % forms.length]);
      });
      if (o.fold === 'all') s = foldAccents(s);
      else if (o.fold === 'some')
        s = s
          .split(' ')
          .map((w, i) => (o.foldBits[i % 20] ? foldAccents(w) : w))
          .join(' ');
      if (o.caseMode === 'upper') s = s.toUpperCase();
      else if (o.caseMode === 'lower') s = s.toLowerCase();
      else if (o.caseMode === 'random') {
        s = [...s].map((ch, i) => (o.caseBits[i % 80] ? ch.toUpperCase() : ch.toLowerCase())).join('');
      }
      if (o.punctuation === 'drop') s = s.replace(/,/g, '');
      else if (o.punctuation === 'spaces') s = `  ${s.replace(/ /g, '   ')} `;
      return { canonical, typed: s };
    });

  it('for lĩnh vực', () => {
    fc.assert(
      fc.property(variant, ({ canonical, typed }) => {
        expect({ typed, got: matchEnum(typed, linhVuc) }).toEqual({ typed, got: canonical });
      }),
      { numRuns: 2000 },
    );
  });

  it('for loại and giới tính', () => {
    const values = [
      ...(loai.constraints?.enum ?? []).map((v) => [loai, v] as const),
      ...(gioiTinh.constraints?.enum ?? []).map((v) => [gioiTinh, v] as const),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...values), fc.boolean(), fc.boolean(), ([f, v], up, fold) => {
        let s = fold ? foldAccents(v) : v;
        s = up ? s.toUpperCase() : s.toLowerCase();
        expect(matchEnum(s, f)).toBe(v);
      }),
    );
  });
});
