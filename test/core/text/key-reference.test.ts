/**
 * nameKey, canonicalTone and foldAccents are written for speed (a merge asks for tens of thousands of
 * keys). This checks them against the plain rules they implement, written here the straightforward way.
 */
import fc from 'fast-check';
import { canonicalTone, foldAccents, headerKey, keysJoinByWords, nameKey } from '../../../src/core/text/key';

// ---- the rules, plainly -----------------------------------------------------------------------

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;
const DOTTED: Record<string, string> = {
  tp: 'thành phố',
  tx: 'thị xã',
  h: 'huyện',
  tt: 'thị trấn',
  p: 'phường',
  x: 'xã',
};
const WORDS = new Map<string, string>([
  ['ubnd', 'ủy ban nhân dân'],
  ['hđnd', 'hội đồng nhân dân'],
  ['kh&cn', 'khoa học và công nghệ'],
  ['khcn', 'khoa học và công nghệ'],
  ['kh-cn', 'khoa học và công nghệ'],
  ['khkt', 'khoa học kỹ thuật'],
  ['tp', 'thành phố'],
  ['tx', 'thị xã'],
  ['đh', 'đại học'],
  ['cđ', 'cao đẳng'],
  ['cty', 'công ty'],
  ['tnhh', 'trách nhiệm hữu hạn'],
  ['cp', 'cổ phần'],
  ['tđc', 'tiêu chuẩn đo lường chất lượng'],
  ['đmst', 'đổi mới sáng tạo'],
  ['qlnn', 'quản lý nhà nước'],
  ['cchc', 'cải cách hành chính'],
  ['shtt', 'sở hữu trí tuệ'],
  ['asxh', 'an sinh xã hội'],
  ['&', 'và'],
]);

function refTone(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (syl) => {
      const tones = syl.match(TONE_MARKS);
      return tones ? syl.replace(TONE_MARKS, '') + tones[0] : syl;
    })
    .normalize('NFC');
}

function refFold(s: string): string {
  return s.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function refExpand(lower: string): string {
  let s = lower.replace(
    /(^|[^\p{L}\p{N}])(tp|tx|h|tt|p|x)\.\s*(?=\p{L})/gu,
    (_m, pre: string, ab: string) => `${pre}${DOTTED[ab]} `,
  );
  s = s.replace(/\s*&\s*/g, '&');
  const out: string[] = [];
  for (const t0 of s.split(/[^\p{L}\p{N}&-]+/u).filter(Boolean)) {
    const t = t0.replace(/^-+|-+$/g, '');
    if (!t) continue;
    const w = WORDS.get(t);
    if (w) out.push(w);
    else if (t.includes('&'))
      out.push(
        ...t
          .split('&')
          .filter(Boolean)
          .map((x) => WORDS.get(x) ?? x)
          .join(' và ')
          .split(' '),
      );
    else out.push(...t.split('-').filter(Boolean));
  }
  return out.join(' ');
}

function refKey(s: string, fold: boolean, abbreviations = true): string {
  let t = s.normalize('NFC').toLowerCase().replace(/ð/g, 'đ');
  t = abbreviations ? refExpand(t) : t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  t = refTone(t);
  if (fold) t = refFold(t);
  return t.replace(/\s+/g, ' ').trim();
}

// ---- texts of the kind a list holds -------------------------------------------------------------

/** Pieces of Vietnamese names, headers and unit names, abbreviations, odd spacing and punctuation. */
const PIECES = [
  'Nguyễn',
  'Văn',
  'Thị',
  'Hoà',
  'Hòa',
  'Thuỷ',
  'Thủy',
  'Quý',
  'Qúy',
  'Khoẻ',
  'Khỏe',
  'NGUYỄN',
  'ĐỨC',
  'UBND',
  'HĐND',
  'KH&CN',
  'KH & CN',
  'KH-CN',
  'KHCN',
  'TP.',
  'TX.',
  'H.',
  'TT.',
  'P.',
  'X.',
  'tp',
  'Sở',
  'Họ và tên',
  'Năm sinh',
  '(1)',
  '(*)',
  'STT',
  'Đơn vị công tác',
  'Ð',
  'đ',
  '&',
  '-',
  '--',
  '.',
  ',',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  'Ủy',
  'Uỷ',
  'ban',
  'nhân',
  'dân',
  'Mỹ Hào',
  'Hưng Yên',
  'Cty',
  'TNHH',
  'CP',
  'a',
  'b1',
  '2023',
  'e\u0302\u0301',
  'o\u0323\u0302',
  'u\u0309y',
  'ü',
  'ñ',
  'ß',
  'İ',
  'Ω',
  '中文',
  '😀',
  'constructor',
  'toString',
];
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    {
      maxLength: 12,
    },
  )
  .map((xs) => xs.join(''));

/**
 * Text of ASCII and precomposed Latin letters only, the alphabet nameKey answers without the general
 * rules (every Vietnamese letter in both cases, and odd ones such as ṍ ṏ ǘ ı ĳ that it leaves to them).
 */
const LATIN: string[] = [];
for (let c = 0xc0; c <= 0x24f; c++) LATIN.push(String.fromCharCode(c));
for (let c = 0x1e00; c <= 0x1eff; c++) LATIN.push(String.fromCharCode(c));
const simpleText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...LATIN) },
      { weight: 4, arbitrary: fc.constantFrom(...'aAeEoOuUyYnNgGcChHtT -&.,()*0123456789\t\n') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...PIECES.filter((p) => /^[\x20-\x7f\u00c0-\u024f\u1e00-\u1eff]*$/.test(p)),
        ),
      },
    ),
    { maxLength: 24 },
  )
  .map((xs) => xs.join(''));

// --------------------------------------------------------------------------------------------------

describe('name keys, written for speed, follow the plain rules', () => {
  test('canonicalTone and foldAccents of any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const nfc = s.normalize('NFC');
        expect(canonicalTone(nfc)).toBe(refTone(nfc));
        expect(foldAccents(s)).toBe(refFold(s));
      }),
      { numRuns: 3000 },
    );
  });

  /** Every kind of key of s against the plain rules. */
  function expectPlainRules(s: string): void {
    expect(nameKey(s)).toBe(refKey(s, false));
    expect(nameKey(s, { foldAccents: true })).toBe(refKey(s, true));
    expect(nameKey(s, { abbreviations: false })).toBe(refKey(s, false, false));
    expect(nameKey(s, { foldAccents: true, abbreviations: false })).toBe(refKey(s, true, false));
    expect(headerKey(s)).toBe(refKey(s.replace(/\(\s*\d+\s*\)/g, ' ').replace(/\(\*+\)|\*+/g, ' '), true));
  }

  test('nameKey and headerKey of any text, with and without folding and abbreviations', () => {
    fc.assert(fc.property(text, expectPlainRules), { numRuns: 3000 });
  });

  test('nameKey and headerKey of text of ASCII and accented Latin letters (the quick path)', () => {
    fc.assert(fc.property(simpleText, expectPlainRules), { numRuns: 5000 });
  });

  test('two texts whose keys join by words: the key of both together is their keys joined by a space', () => {
    let joined = 0;
    fc.assert(
      fc.property(simpleText, simpleText, (a, b) => {
        if (!keysJoinByWords(a) || !keysJoinByWords(b)) return;
        joined++;
        expect(headerKey(`${a} ${b}`)).toBe([headerKey(a), headerKey(b)].filter(Boolean).join(' '));
      }),
      { numRuns: 5000 },
    );
    // the generator gives such pairs often enough for the property to say something
    expect(joined).toBeGreaterThan(500);
  });

  test('the words of a plain object are only the abbreviations: "constructor" stays a word', () => {
    expect(nameKey('Phòng constructor')).toBe(`${nameKey('Phòng')} constructor`);
  });
});
