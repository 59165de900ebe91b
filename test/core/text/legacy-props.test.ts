/**
 * Property tests: Unicode Vietnamese survives detection untouched, whatever font a clerk left on it;
 * VNI and TCVN3 encodings decode back.
 *
 * Text is generated from Vietnamese syllables (onset + rhyme + tone, with the spelling rules c/k,
 * g/gh, ng/ngh, qu, gi, and the tone on the vowel where Vietnamese writes it, in both the old and the
 * new style for oa/oe/uy), in lower, Title or UPPER case, with punctuation, numbers and the
 * abbreviations of an official list between them.
 */
import fc from 'fast-check';
import type { GridCell, GridWorkbook } from '../../../src/core/grid';
import { decodeCell, decodeTcvn3, decodeVni, encodeTcvn3, encodeVni } from '../../../src/core/text/legacy';
import { decodeWorkbook } from '../../../src/core/text/decode-workbook';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // none, huyền, sắc, hỏi, ngã, nặng

/** Rhymes; '*' follows the vowel that takes the tone, '|' separates the two accepted placements. */
const OPEN = (
  'a* a*i a*o a*u a*y â*u â*y e* e*o ê* ê*u i* i*a i*u o* o*i ô* ô*i ơ* ơ*i u* u*a u*i ư* ư*a ư*i ư*u ' +
  'iê*u uô*i ươ*i ươ*u o*a|oa* o*e|oe* u*y|uy* oa*i oa*y uâ*y uy*a ' +
  'a*m a*n a*ng a*nh ă*m ă*n ă*ng â*m â*n â*ng e*m e*n ê*m ê*n ê*nh i*m i*n i*nh iê*m iê*n iê*ng o*m o*n o*ng ' +
  'ô*m ô*n ô*ng ơ*m ơ*n u*m u*n u*ng uô*m uô*n uô*ng ư*ng ươ*m ươ*n ươ*ng oa*n oa*ng oa*nh uyê*n uâ*n uy*nh'
).split(' ');
const STOP = (
  'a*c a*ch a*p a*t ă*c ă*p ă*t â*c â*p â*t e*c e*p e*t ê*ch ê*t i*ch i*p i*t iê*c iê*p iê*t o*c o*p o*t ' +
  'ô*c ô*p ô*t ơ*p ơ*t u*c u*p u*t uô*c uô*t ư*c ư*t ươ*c ươ*p ươ*t oa*c oa*t uyê*t uâ*t uy*t'
).split(' ');
/** After qu (the u belongs with the onset). */
const QU_OPEN = 'a* a*n a*ng a*nh a*y â*n â*y ă*n ă*ng e* e*n ê* i* y* y*nh yê*n'.split(' ');
const QU_STOP = 'a*t a*c â*t e*t y*t yê*t ô*c'.split(' ');
/** With no onset, iê is written yê. */
const BARE_OPEN = 'yê*n yê*u yê*m'.split(' ');

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gi',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];

/** c/g/ng become k/gh/ngh before e, ê, i (iê); gi does not take a rhyme that starts with i; iê needs an onset. */
function spell(onset: string, rhyme: string): string | null {
  const front = /^[eêi]/.test(rhyme);
  if (onset === 'gi' && /^i/.test(rhyme)) return null;
  if (onset === '' && /^iê/.test(rhyme)) return null;
  if (front) onset = ({ c: 'k', g: 'gh', ng: 'ngh' } as Record<string, string>)[onset] ?? onset;
  return onset + rhyme;
}

function withTone(pattern: string, tone: string): string {
  const star = pattern.indexOf('*');
  return (pattern.slice(0, star) + tone + pattern.slice(star + 1)).normalize('NFC');
}

/** One syllable, lower case. */
const syllable: fc.Arbitrary<string> = fc
  .record({
    kind: fc.constantFrom('plain', 'plain', 'plain', 'qu', 'bare'),
    onset: fc.constantFrom(...ONSETS),
    stop: fc.boolean(),
    open: fc.constantFrom(...OPEN),
    closed: fc.constantFrom(...STOP),
    quOpen: fc.constantFrom(...QU_OPEN),
    quStop: fc.constantFrom(...QU_STOP),
    bare: fc.constantFrom(...BARE_OPEN),
    tone: fc.integer({ min: 0, max: 5 }),
    style: fc.integer({ min: 0, max: 1 }),
  })
  .map((r) => {
    let onset = r.onset;
    let pattern: string;
    if (r.kind === 'qu') {
      onset = 'qu';
      pattern = r.stop ? r.quStop : r.quOpen;
    } else if (r.kind === 'bare') {
      onset = '';
      pattern = r.bare;
    } else {
      pattern = r.stop ? r.closed : r.open;
    }
    const placements = pattern.split('|');
    const chosen = placements[r.style % placements.length];
    const stopped = r.kind === 'qu' ? r.stop : r.kind === 'plain' && r.stop;
    const tone = stopped ? (r.tone % 2 ? TONES[2] : TONES[5]) : TONES[r.tone];
    const spelled = onset === 'qu' ? 'qu' + chosen : (spell(onset, chosen) ?? chosen);
    return withTone(spelled, tone);
  });

const word: fc.Arbitrary<string> = fc
  .tuple(syllable, fc.constantFrom('lower', 'lower', 'lower', 'lower', 'title', 'title', 'upper'))
  .map(([s, c]) => (c === 'upper' ? s.toUpperCase() : c === 'title' ? s[0].toUpperCase() + s.slice(1) : s));

const extra = fc.constantFrom(
  '2023',
  '15/5',
  '(1)',
  'UBND',
  'HĐND',
  'TP.',
  'KH&CN',
  'THCS',
  'STT',
  '01/QĐ-UBND',
  '1.250',
  'Email',
);
const gap = fc.constantFrom(' ', ' ', ' ', ' ', ', ', ' - ', '. ', ': ', ' (', ') ', '/', '; ', ' "', '" ');

/** A cell of Unicode Vietnamese text: 1 to 12 items (mostly syllables) with separators. */
const vietnamese: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: extra }), gap), {
    minLength: 1,
    maxLength: 12,
  })
  .map((items) =>
    items
      .map(([w, g], i) => (i < items.length - 1 ? w + g : w))
      .join('')
      .trim(),
  )
  .filter((s) => s.length > 0);

/** Only syllables, one case for the whole text. */
const lowerText = fc.array(syllable, { minLength: 1, maxLength: 10 }).map((ws) => ws.join(' '));

/** More runs on demand: PROPS_RUNS=100000 npx jest test/core/text/legacy-props.test.ts */
const RUNS = Number(process.env.PROPS_RUNS ?? 3000);

const FONTS = [
  undefined,
  '.VnTime',
  '.VnTimeH',
  '.VnArial NarrowH',
  'VNI-Times',
  'VNI-Helve',
  'Times New Roman',
];

describe('Unicode Vietnamese is never altered', () => {
  test('decodeCell returns it unchanged, with no font and with any legacy font left on the cell', () => {
    fc.assert(
      fc.property(vietnamese, fc.constantFrom(...FONTS), (s, font) => {
        expect(decodeCell(s, font)).toEqual({ text: s, encoding: null });
      }),
      { numRuns: RUNS },
    );
  });

  test('also in a sheet of such cells with legacy fonts on them (decodeWorkbook)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(vietnamese, fc.constantFrom(...FONTS)), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 12,
        }),
        (grid) => {
          const rows: GridCell[][] = grid.map((r) =>
            r.map(([v, font]) => ({ v, w: v, ...(font ? { font } : {}) })),
          );
          const wb: GridWorkbook = {
            fileName: 'a.xlsx',
            format: 'xlsx',
            sheets: [{ name: 'S', visibility: 'visible', rows, merges: [] }],
          };
          const out = decodeWorkbook(wb);
          expect(out.converted).toEqual([]);
          expect(out.workbook.sheets[0].rows).toEqual(rows);
        },
      ),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});

describe('legacy encodings decode back', () => {
  test('VNI: any text encoded to VNI decodes back exactly', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(decodeVni(encodeVni(s))).toBe(s);
      }),
      { numRuns: RUNS },
    );
  });

  test('TCVN3: back up to case; exactly when lower-case; exactly in capitals with an H font', () => {
    fc.assert(
      fc.property(vietnamese, lowerText, (s, lower) => {
        expect(decodeTcvn3(encodeTcvn3(s)).toLowerCase()).toBe(s.toLowerCase());
        expect(decodeTcvn3(encodeTcvn3(lower))).toBe(lower);
        const upper = s.toUpperCase();
        expect(decodeTcvn3(encodeTcvn3(upper), { upper: true })).toBe(upper);
      }),
      { numRuns: RUNS },
    );
  });

  test('with the font on the cell, decodeCell gives back the text or leaves the legacy text as it is, never a third thing', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        const vni = encodeVni(s);
        expect([s, vni]).toContain(decodeCell(vni, 'VNI-Times').text);
        const tcvn3 = encodeTcvn3(s);
        expect([s.toLowerCase(), tcvn3.toLowerCase()]).toContain(
          decodeCell(tcvn3, '.VnTime').text.toLowerCase(),
        );
        const upper = s.toUpperCase();
        expect([upper, encodeTcvn3(upper)]).toContain(decodeCell(encodeTcvn3(upper), '.VnTimeH').text);
      }),
      { numRuns: RUNS },
    );
  });

  test('without a font, text of four or more syllables is recognised and decoded (at least 99% of samples)', () => {
    const texts = fc.sample(
      fc.array(word, { minLength: 4, maxLength: 10 }).map((ws) => ws.join(' ')),
      { numRuns: 1000, seed: 42 },
    );
    let vniOk = 0;
    let tcvn3Ok = 0;
    for (const s of texts) {
      if (decodeCell(encodeVni(s)).text === s) vniOk++;
      if (decodeCell(encodeTcvn3(s)).text.toLowerCase() === s.toLowerCase()) tcvn3Ok++;
    }
    expect(vniOk / texts.length).toBeGreaterThanOrEqual(0.99);
    expect(tcvn3Ok / texts.length).toBeGreaterThanOrEqual(0.99);
  });
});
