/**
 * Per-cell decision: is this text TCVN3, VNI-Windows, or neither (Unicode or plain ASCII)?
 *
 * The font name is a strong hint, but fonts lie (a .VnTime cell may hold Unicode typed later, a
 * VNI-Times cell TCVN3 text), so the text decides. Each word that carries a character above ASCII is
 * checked against Vietnamese spelling: onset + rhyme from the closed lists, at most one tone, stop
 * endings only with sắc or nặng, the tone on a vowel where Vietnamese writes it (both hòa and hoà),
 * and lower, UPPER or Title case. A legacy reading is taken only when it leaves strictly fewer
 * ill-formed words than the text as it stands, so text whose words are all well-formed is never
 * changed: genuine Unicode Vietnamese stays intact. The font then only breaks ties (between the two
 * encodings) and says whether TCVN3 is drawn in capitals (the ...H fonts).
 *
 * A cell with characters beyond Windows-1252 is Unicode, with one exception seen in real files: a
 * legacy cell where someone retyped a word in Unicode ("Ủy ban nh©n d©n quËn 9"). There only the
 * words that are ill-formed as they stand and well-formed once decoded are repaired, unless such words
 * clearly dominate the cell (readMixed).
 *
 * Cells that their text alone cannot settle ("Mai Dòng" is Vietnamese as it stands and TCVN3 for
 * "Mai Dũng") are left to decodeWorkbook, which knows the sheet (readAs).
 */
import { memoMap } from '../memo';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';

// ---------------------------------------------------------------------------------------------
// Vietnamese spelling

/** Tone numbers: 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Each Vietnamese vowel letter (small, NFC, any tone) -> [letter without tone, tone]. */
const VOWELS = new Map<string, readonly [string, number]>();
for (const base of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
  TONE_MARKS.forEach((mark, tone) => {
    VOWELS.set((base + mark).normalize('NFC'), [base, tone]);
  });
}
const CONSONANTS = new Set('bcdđghklmnpqrstvx'.split(''));

// prettier-ignore
const ONSETS = [
  'ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x', '',
];

// prettier-ignore
const RHYME_LIST = [
  // a ă â
  'a', 'ai', 'ao', 'au', 'ay', 'am', 'an', 'ang', 'anh', 'ap', 'at', 'ac', 'ach',
  'ăm', 'ăn', 'ăng', 'ăp', 'ăt', 'ăc',
  'âm', 'ân', 'âng', 'âp', 'ât', 'âc', 'âu', 'ây',
  // e ê
  'e', 'eo', 'em', 'en', 'eng', 'ep', 'et', 'ec',
  'ê', 'êu', 'êm', 'ên', 'ênh', 'êp', 'êt', 'êch',
  // i iê y yê
  'i', 'ia', 'iu', 'im', 'in', 'inh', 'ip', 'it', 'ich',
  'iêm', 'iên', 'iêng', 'iêp', 'iêt', 'iêc', 'iêu',
  'y', 'yêm', 'yên', 'yêng', 'yêt', 'yêu',
  // o ô ơ
  'o', 'oi', 'om', 'on', 'ong', 'op', 'ot', 'oc', 'oong', 'ooc',
  'ô', 'ôi', 'ôm', 'ôn', 'ông', 'ôp', 'ôt', 'ôc',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt',
  // u uô ư ươ
  'u', 'ua', 'ui', 'um', 'un', 'ung', 'up', 'ut', 'uc',
  'uôi', 'uôm', 'uôn', 'uông', 'uôt', 'uôc',
  'ư', 'ưa', 'ưi', 'ưu', 'ưm', 'ưn', 'ưng', 'ưt', 'ưc',
  'ươi', 'ươu', 'ươm', 'ươn', 'ương', 'ươp', 'ươt', 'ươc',
  // with the rounding glide o/u
  'oa', 'oai', 'oay', 'oam', 'oan', 'oang', 'oanh', 'oap', 'oat', 'oac', 'oach', 'oao',
  'oă', 'oăm', 'oăn', 'oăng', 'oăp', 'oăt', 'oăc',
  'oe', 'oeo', 'oem', 'oen', 'oet',
  'uâ', 'uân', 'uâng', 'uât', 'uây',
  'uê', 'uên', 'uêt', 'uênh', 'uêch',
  'uơ', 'uy', 'uya', 'uyu', 'uych', 'uynh', 'uyn', 'uyt', 'uyp', 'uyên', 'uyêt',
];
// Central Highlands names write the -c ending as -k (Đắk Lắk, Krông Pắk)
for (const r of RHYME_LIST.slice()) if (/[^h]c$/.test(r)) RHYME_LIST.push(r.slice(0, -1) + 'k');
const RHYMES = new Set(RHYME_LIST);

/** After q the glide is written u: qua, quăn, quân, que, quê, qui, quy, quyên, quơ, quốc. */
const Q_RHYMES = new Set<string>();
for (const r of RHYME_LIST) {
  if (/^(oa|oă|oe)/.test(r)) Q_RHYMES.add('u' + r.slice(1));
  if (/^(uâ|uê|uơ|uy)/.test(r)) Q_RHYMES.add(r);
  if (/^(ô|ơ|i)/.test(r)) Q_RHYMES.add('u' + r);
}

const FRONT = /^[eêiy]/;

/** Stop endings take only the sắc or nặng tone. */
function toneFits(rhyme: string, tone: number): boolean {
  if (/(p|t|c|ch|k)$/.test(rhyme)) return tone === 2 || tone === 5;
  return true;
}

/** Spelling rules: c/k, g/gh, ng/ngh before front vowels; gi does not double its i. */
function onsetFits(onset: string, rhyme: string): boolean {
  switch (onset) {
    case 'c':
      return !FRONT.test(rhyme);
    case 'gh':
    case 'ngh':
      return /^[eêi]/.test(rhyme);
    case 'gi':
      return !/^i/.test(rhyme);
    default:
      return true;
  }
}

export type WordKind = 'syllable' | 'consonants' | 'invalid';

const MARKED = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWEL_BASES = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/**
 * Where the tone mark may sit in a rhyme (indices into the rhyme's vowels). On the marked vowel
 * (ươ: ơ); before an ending consonant, on the last vowel; "oa", "oe", "uy" take either place (hòa and
 * hoà); a falling diphthong or a glide ending keeps it on the first vowel (mía, múa, tài, lẹo);
 * three vowels put it in the middle (ngoài, khuỷu).
 */
function tonePlaces(rhymeVowels: string, hasCoda: boolean): number[] {
  const n = rhymeVowels.length;
  for (let i = n - 1; i >= 0; i--) if (MARKED.has(rhymeVowels[i])) return [i];
  if (n === 1) return [0];
  if (hasCoda) return [n - 1];
  if (n === 2) return /^(oa|oe|uy)$/.test(rhymeVowels) ? [0, 1] : [0];
  return [1];
}

/**
 * Kind of a word that is already lower-case NFC: a Vietnamese syllable, a run of consonants
 * such as an abbreviation ("hđnd", "đ"), or anything else.
 */
export function wordKind(lower: string): WordKind {
  let skeleton = '';
  let tone = 0;
  let tonedAt = -1;
  let vowels = 0;
  for (const ch of lower) {
    const v = VOWELS.get(ch);
    if (v) {
      if (v[1] !== 0) {
        if (tone !== 0) return 'invalid';
        tone = v[1];
        tonedAt = skeleton.length;
      }
      skeleton += v[0];
      vowels++;
    } else if (CONSONANTS.has(ch)) {
      skeleton += ch;
    } else {
      return 'invalid';
    }
  }
  if (vowels === 0) return skeleton.length > 0 ? 'consonants' : 'invalid';
  if (vowels > 4) return 'invalid';
  for (const onset of ONSETS) {
    if (!skeleton.startsWith(onset)) continue;
    const rhyme = skeleton.slice(onset.length);
    if (!rhyme) continue;
    const ok = onset === 'q' ? Q_RHYMES.has(rhyme) : RHYMES.has(rhyme) && onsetFits(onset, rhyme);
    if (!ok || !toneFits(rhyme, tone)) continue;
    if (tone === 0) return 'syllable';
    // the glide u of qu belongs with the onset for tone placement
    const from = onset.length + (onset === 'q' ? 1 : 0);
    if (tonedAt < from) continue;
    let end = from;
    while (end < skeleton.length && VOWEL_BASES.has(skeleton[end])) end++;
    if (tonePlaces(skeleton.slice(from, end), end < skeleton.length).includes(tonedAt - from))
      return 'syllable';
  }
  return 'invalid';
}

/** True for a Vietnamese syllable in any case ("Nguyễn", "NGUYỄN", "nguyễn"). */
export function isVietnameseSyllable(word: string): boolean {
  return wordKind(word.normalize('NFC').toLowerCase()) === 'syllable';
}

// ---------------------------------------------------------------------------------------------
// Fonts and characters

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface FontHint {
  encoding: LegacyEncoding;
  /** An H font (.VnTimeH, .VnArial NarrowH): TCVN3 drawn as capitals. */
  upper: boolean;
}

const fontHints = memoMap<string, FontHint | null>();

/**
 * What a font name says: `.Vn*` = TCVN3 (a trailing H = the capitals font; Windows matches font names
 * ignoring case, so ".VnTimeh" is .VnTimeH), `VNI-*` = VNI-Windows, else nothing.
 */
export function legacyFont(font?: string | null): FontHint | null {
  if (!font) return null;
  let hint = fontHints.get(font);
  if (hint === undefined) {
    const f = font.trim();
    hint = /^\.vn/i.test(f)
      ? { encoding: 'tcvn3', upper: /h$/i.test(f) }
      : /^vni[-\s_]/i.test(f)
        ? { encoding: 'vni', upper: false }
        : null;
    if (fontHints.size > 1000) fontHints.clear();
    fontHints.set(font, hint);
  }
  return hint;
}

/** The Unicode characters that Windows-1252 gives for bytes 0x80-0x9F. */
// prettier-ignore
const CP1252_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);
/** Of those, the punctuation (it separates words). */
// prettier-ignore
const CP1252_PUNCT = new Set([
  0x201a, 0x201e, 0x2026, 0x2020, 0x2021, 0x2030, 0x2039, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x2122, 0x203a, 0x20ac,
]);

function inCp1252(cp: number): boolean {
  return cp <= 0xff || CP1252_EXTRA.has(cp);
}

/** 0: ASCII only; 1: some character above ASCII, all within Windows-1252; 2: some character beyond it. */
function charRange(text: string): 0 | 1 | 2 {
  let r: 0 | 1 = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x80) continue;
    if (!inCp1252(cp)) return 2;
    r = 1;
  }
  return r;
}

/** The text has a character no legacy font can hold (beyond Windows-1252): it was typed in Unicode. */
export function beyondWindows1252(text: string): boolean {
  return charRange(text) === 2;
}

/** SEPARATOR[code unit] = 1 for characters that separate words: ASCII other than letters, C1 controls,
 * no-break and other spaces, and Windows-1252 punctuation. */
const SEPARATOR = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x10000; cp++) {
  const sep =
    cp < 0x80
      ? !((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))
      : cp <= 0xa0 || CP1252_PUNCT.has(cp) || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b);
  if (sep) SEPARATOR[cp] = 1;
}

/** How a word's case is judged: any case, or lower, UPPER or Title case as a person types Unicode. */
type CaseRule = 0 | 1;
const CaseRule = { Any: 0, Natural: 1 } as const;

/** Word verdicts, one cache per case rule (cleared when large). */
const caches: [Map<string, boolean>, Map<string, boolean>] = [memoMap(), memoMap()];

/** A word is fine when it is a Vietnamese syllable or a run of consonants (an abbreviation such as HĐND). */
function wordOk(word: string, rule: CaseRule): boolean {
  const cache = caches[rule];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase();
  let ok = wordKind(lower) !== 'invalid';
  if (ok && rule === CaseRule.Natural && word !== lower && word !== word.toUpperCase()) {
    const rest = word.slice(1);
    ok = rest === rest.toLowerCase();
  }
  if (cache.size > 50000) cache.clear();
  cache.set(word, ok);
  return ok;
}

/** Calls fn(start, end) for each word (a run of non-separators) that has a character above ASCII. */
function forEachHighWord(text: string, fn: (start: number, end: number) => void): void {
  let start = -1;
  let high = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const cp = i < n ? text.charCodeAt(i) : 0x20;
    if (SEPARATOR[cp] === 1) {
      if (start >= 0 && high) fn(start, i);
      start = -1;
      high = false;
    } else {
      if (start < 0) start = i;
      if (cp >= 0x80) high = true;
    }
  }
}

/** Number of words with a character above ASCII that are not Vietnamese. */
function badWords(text: string, rule: CaseRule): number {
  let bad = 0;
  let start = -1;
  let high = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const cp = i < n ? text.charCodeAt(i) : 0x20;
    if (SEPARATOR[cp] === 1) {
      if (start >= 0 && high && !wordOk(text.slice(start, i), rule)) bad++;
      start = -1;
      high = false;
    } else {
      if (start < 0) start = i;
      if (cp >= 0x80) high = true;
    }
  }
  return bad;
}

// ---------------------------------------------------------------------------------------------
// Decoding with case

/** Case rule for a decoded word: TCVN3 outside the H fonts cannot write accented capitals, so any case goes. */
const DECODED_CASE: Record<LegacyEncoding, CaseRule> = { tcvn3: CaseRule.Any, vni: CaseRule.Natural };

/** In text[s, e): [lower-case ASCII letters, capitals (ASCII, or TCVN3's own Ă Â Ê Ô Ơ Ư Đ)]. */
function caseCounts(text: string, s: number, e: number): [number, number] {
  let lower = 0;
  let upper = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0xa1 && c <= 0xa7)) upper++;
  }
  return [lower, upper];
}

/**
 * TCVN3 outside the H fonts types "ĐẠI HỘI" as "§¹I HéI": the accented letters can only be small.
 * Words (or whole cells) whose other letters are all capitals, two at least, get capitals throughout.
 */
function tcvn3WithCase(legacy: string, upper: boolean): string {
  const decoded = decodeTcvn3(legacy);
  if (upper) return decoded.toUpperCase();
  if (decoded === legacy) return decoded;
  const [lower, capitals] = caseCounts(legacy, 0, legacy.length);
  if (lower === 0) return capitals >= 2 ? decoded.toUpperCase() : decoded;
  if (capitals < 2) return decoded;
  let out = '';
  let last = 0;
  forEachHighWord(legacy, (s, e) => {
    const [l, u] = caseCounts(legacy, s, e);
    if (l > 0 || u < 2) return;
    out += decoded.slice(last, s) + decoded.slice(s, e).toUpperCase();
    last = e;
  });
  return last === 0 ? decoded : out + decoded.slice(last);
}

/** Decodes text known to be in `encoding` (with capitals restored for TCVN3; all capitals for an H font). */
export function decodeAs(text: string, encoding: LegacyEncoding, font?: string | null): string {
  if (encoding === 'vni') return decodeVni(text);
  return tcvn3WithCase(text, legacyFont(font)?.upper ?? false);
}

// ---------------------------------------------------------------------------------------------
// The decision

export interface Reading {
  encoding: LegacyEncoding | null;
  /** the decoded text (the input when encoding is null) */
  text: string;
  /**
   * The text alone could not settle it: every word is well-formed as it stands, or no reading helps
   * ("Mai Dòng" is Unicode, and TCVN3 for "Mai Dũng"). A caller that knows the sheet is in one legacy
   * encoding may still read it so with readAs(); decodeCell never does.
   */
  undecided?: boolean;
  /** Both readings were equally good and nothing said which to take (encoding is then TCVN3). */
  tie?: boolean;
}

const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni'];

/** Decodes one word, or the cp1252 characters of a word that also has Unicode letters. */
function decodeWord(w: string, enc: LegacyEncoding): string {
  return enc === 'vni' ? decodeVni(w) : decodeTcvn3(w);
}

/**
 * A cell with characters beyond Windows-1252 is Unicode, but real files have cells where someone
 * retyped a word or two in Unicode inside legacy text ("Ủy ban nh©n d©n quËn 9", "ĐÇu t­"). The words
 * that are ill-formed as they stand and well-formed once decoded are repaired; when such words
 * outnumber the well-formed Unicode words at least two to one, the cell is legacy text and its other
 * decodable words are decoded too (provided they stay well-formed).
 */
function readMixed(text: string, hint: LegacyEncoding | null, prefer: LegacyEncoding | null): Reading {
  // plain Unicode, the common case: every word with a character above ASCII is well-formed
  if (badWords(text, CaseRule.Natural) === 0) return { encoding: null, text };
  // words that carry a character above ASCII: [start, end, well-formed as it stands, has Unicode beyond cp1252]
  const words: [number, number, boolean, boolean][] = [];
  forEachHighWord(text, (s, e) => {
    const w = text.slice(s, e);
    words.push([s, e, wordOk(w, CaseRule.Natural), charRange(w) === 2]);
  });
  const fixes: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  for (const [s, e, ok] of words) {
    if (ok) continue;
    const w = text.slice(s, e);
    for (const enc of ENCODINGS) {
      const d = decodeWord(w, enc);
      if (d !== w && wordOk(d, DECODED_CASE[enc])) fixes[enc]++;
    }
  }
  if (fixes.tcvn3 === 0 && fixes.vni === 0) return { encoding: null, text };
  const enc: LegacyEncoding =
    fixes.tcvn3 === fixes.vni ? (hint ?? prefer ?? 'tcvn3') : fixes.tcvn3 > fixes.vni ? 'tcvn3' : 'vni';
  const unicodeWords = words.filter(([, , ok, uni]) => ok && uni).length;
  const legacyText = fixes[enc] >= 2 && fixes[enc] >= 2 * unicodeWords;
  let out = '';
  let last = 0;
  for (const [s, e, ok] of words) {
    if (ok && !legacyText) continue;
    const w = text.slice(s, e);
    const d = decodeWord(w, enc);
    if (d === w || !wordOk(d, DECODED_CASE[enc])) continue;
    out += text.slice(last, s) + d;
    last = e;
  }
  return { encoding: enc, text: out + text.slice(last) };
}

/**
 * Reads one cell. `prefer` breaks ties between the two legacy readings when the font does not
 * (the sheet's majority, when the caller knows it).
 */
export function readCell(text: string, font?: string | null, prefer: LegacyEncoding | null = null): Reading {
  const range = charRange(text);
  if (range === 0) return { encoding: null, text };
  const hintFont = legacyFont(font);
  const hint = hintFont?.encoding ?? null;
  if (range === 2) return readMixed(text, hint, prefer);

  const origBad = badWords(text, CaseRule.Natural);
  if (origBad === 0) return { encoding: null, text, undecided: true };
  const upper = hintFont?.upper ?? false;
  const decode = (enc: LegacyEncoding): string =>
    enc === 'vni' ? decodeVni(text) : tcvn3WithCase(text, upper);
  const badOf = (d: string, enc: LegacyEncoding): number =>
    d === text ? Infinity : badWords(d, DECODED_CASE[enc]);
  if (hint) {
    // the font's reading, when it leaves no ill-formed word, cannot be beaten
    const d = decode(hint);
    if (badOf(d, hint) === 0) return { encoding: hint, text: d };
  }
  const tText = decode('tcvn3');
  const vText = decode('vni');
  const t = badOf(tText, 'tcvn3');
  const v = badOf(vText, 'vni');
  if (t >= origBad && v >= origBad) return { encoding: null, text, undecided: true };
  if (t === v) {
    const enc = hint ?? prefer ?? 'tcvn3';
    return { encoding: enc, text: enc === 'vni' ? vText : tText, tie: !hint && !prefer };
  }
  return t < v ? { encoding: 'tcvn3', text: tText } : { encoding: 'vni', text: vText };
}

/**
 * The text read as `encoding` when that changes it and leaves no more ill-formed words than it had
 * (for a cell the text alone could not settle, in a sheet known to be in that encoding); else null.
 */
export function readAs(text: string, encoding: LegacyEncoding, font?: string | null): string | null {
  if (charRange(text) !== 1) return null;
  const decoded = decodeAs(text, encoding, font);
  if (decoded === text) return null;
  return badWords(decoded, DECODED_CASE[encoding]) <= badWords(text, CaseRule.Natural) ? decoded : null;
}

/** Which legacy encoding the text is in, or null (Unicode, ASCII, or not enough evidence). */
export function detectLegacy(text: string, font?: string | null): LegacyEncoding | null {
  return readCell(text, font).encoding;
}
