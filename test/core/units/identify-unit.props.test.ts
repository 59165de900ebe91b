import fc from 'fast-check';
import { foldAccents } from '../../../src/core/text/key';
import { identifyUnit, UNIT_CONFIDENCE_THRESHOLD } from '../../../src/core/units/identify-unit';
import { fixtureRoster } from './roster-fixture';

const roster = fixtureRoster();
const RUNS = { numRuns: 300 };

/** Ways clerks write the same words (each pair: long form, short forms). */
const ABBREVIATIONS: [RegExp, string[]][] = [
  [/\bUBND\b|Ủy ban nhân dân/giu, ['UBND', 'Ủy ban nhân dân', 'Uỷ ban nhân dân', 'ỦY BAN NHÂN DÂN']],
  [/\bthành phố\s/giu, ['thành phố ', 'TP. ', 'TP ', 'Tp.']],
  [/\bthị xã\s/giu, ['thị xã ', 'TX. ', 'TX ', 'Tx.']],
  [/\bKhoa học và Công nghệ\b|KH&CN/giu, ['Khoa học và Công nghệ', 'KH&CN', 'KH & CN', 'KHCN']],
  [/\bĐại học\b|\bĐH\b/giu, ['Đại học', 'ĐH']],
  [/\bCông ty\b/giu, ['Công ty', 'Cty']],
  [/\bCổ phần\b|\bCP\b/giu, ['cổ phần', 'CP']],
];

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWEL = /[aeiouyAEIOUY]/;

/** Moves each syllable's tone mark onto the vowel chosen by `pick` (hòa / hoà, ủy / uỷ). */
function placeTones(text: string, pick: (n: number) => number): string {
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (syl) => {
      const tone = syl.match(TONES)?.[0];
      if (!tone) return syl;
      const bare = syl.replace(TONES, '');
      // clusters: a base letter with its non-tone marks
      const clusters = bare.match(/\p{L}\p{M}*/gu) ?? [];
      const vowels = clusters.map((c, i) => (VOWEL.test(c[0] ?? '') ? i : -1)).filter((i) => i >= 0);
      if (vowels.length === 0) return syl;
      const at = vowels[pick(vowels.length)] ?? 0;
      return clusters.map((c, i) => (i === at ? c + tone : c)).join('');
    })
    .normalize('NFC');
}

function recase(text: string, modes: number[]): string {
  let i = 0;
  return text.replace(/\S+/g, (w) => {
    const m = modes[i++ % modes.length] ?? 0;
    if (m === 1) return w.toUpperCase();
    if (m === 2) return w.toLowerCase();
    if (m === 3) return (w[0] ?? '').toUpperCase() + w.slice(1).toLowerCase();
    return w;
  });
}

const variant = fc.record({
  unit: fc.integer({ min: 0, max: roster.units.length - 1 }),
  useAlias: fc.boolean(),
  abbrev: fc.array(fc.nat(), { minLength: ABBREVIATIONS.length, maxLength: ABBREVIATIONS.length }),
  tones: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  cases: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
});

interface Variant {
  unit: number;
  useAlias: boolean;
  abbrev: number[];
  tones: number[];
  cases: number[];
}

function writeVariant(v: Variant): {
  name: string;
  text: string;
} {
  const u = roster.units[v.unit];
  if (!u) throw new Error('no unit');
  let text = v.useAlias && u.aliases[0] ? u.aliases[0] : u.name;
  ABBREVIATIONS.forEach(([re, forms], i) => {
    const form = forms[(v.abbrev[i] ?? 0) % forms.length] ?? forms[0] ?? '';
    text = text.replace(re, form);
  });
  let t = 0;
  text = placeTones(text, (n) => (v.tones[t++ % v.tones.length] ?? 0) % n);
  return { name: u.name, text: recase(text, v.cases) };
}

describe('identifyUnit properties', () => {
  test('any roster unit, written with other case, tone placement and abbreviations, is identified', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const { name, text } = writeVariant(v);
        const m = identifyUnit({ headerLines: [text], sheetNames: ['Sheet1'], fileName: 'ds.xlsx' }, roster);
        expect({ text, unit: m.unit?.name }).toEqual({ text, unit: name });
        expect(m.confidence).toBeGreaterThanOrEqual(UNIT_CONFIDENCE_THRESHOLD);
      }),
      RUNS,
    );
  });

  test('the same, as a file name without accents and with "_" or " - " around it', () => {
    fc.assert(
      fc.property(
        variant,
        fc.constantFrom('_', ' '),
        fc.constantFrom('', 'DS dien hinh - ', 'Danh sach_'),
        (v, sep, prefix) => {
          const { name, text } = writeVariant(v);
          const fileName = `${prefix}${foldAccents(text).replace(/ /g, sep)}.xlsx`;
          const m = identifyUnit({ headerLines: [], sheetNames: ['Sheet1'], fileName }, roster);
          expect({ fileName, unit: m.unit?.name }).toEqual({ fileName, unit: name });
        },
      ),
      RUNS,
    );
  });

  // Vietnamese words, kept away from the roster's own words (compared without accents); kind words such as
  // "phòng", "sở", "huyện", "UBND", "công ty" may appear: alone they name no unit.
  const rosterWords = new Set(
    roster.units
      .flatMap((u) => [u.name, ...u.aliases])
      .flatMap((n) => foldAccents(n.toLowerCase()).split(/[^a-z0-9]+/)),
  );
  const WORDS = (
    'bảo vệ môi nước sạch gia đình lúa gạo ruộng nhãn lồng chợ bến sông cầu đường làng nghề mây tre đan gốm sứ ' +
    'hoa quả cam chanh mùa xuân hạ thu bình minh hoàng hôn biển núi rừng gỗ đá sắt bạc vàng thêu may dệt lụa ' +
    'nhung bánh chưng giầy phở bún chả nem quạt giấy mực bút sách vở lớp bàn ghế cửa sổ mái ngói sân vườn ao cá ' +
    'chim gà vịt ngỗng trâu bò lợn dê ngựa đèn lửa gió mưa nắng sương khói'
  )
    .split(' ')
    .filter((w) => !rosterWords.has(foldAccents(w)));
  const KIND = ['phòng', 'sở', 'huyện', 'UBND', 'công ty', 'trường', 'xã', 'tỉnh'];

  test('random Vietnamese words that name no roster unit never give a unit', () => {
    expect(WORDS.length).toBeGreaterThan(50);
    const line = fc
      .tuple(
        fc.option(fc.constantFrom(...KIND), { nil: undefined }),
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
      )
      .map(([kind, words]) => [kind, ...words].filter(Boolean).join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 2 }), line, (headerLines, file) => {
        const m = identifyUnit({ headerLines, sheetNames: [file], fileName: `${file}.xlsx` }, roster);
        expect(m.unit).toBeNull();
        expect(m.confidence).toBeLessThan(UNIT_CONFIDENCE_THRESHOLD);
      }),
      RUNS,
    );
  });
});
