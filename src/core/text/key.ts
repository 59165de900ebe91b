/**
 * Matching keys for Vietnamese names and headers (GUIDE §6): NFC, one tone-mark placement,
 * case and spacing folded, punctuation ignored, common abbreviations expanded.
 * A key is for comparing, never for showing.
 */
import { memoMap } from '../memo';

const ALL_MARKS = /[\u0300-\u036f]/g;

/** Abbreviations written with a trailing dot ("TP. Hưng Yên", "H. Văn Lâm"). */
const DOTTED: Record<string, string> = {
  tp: 'thành phố',
  tx: 'thị xã',
  h: 'huyện',
  tt: 'thị trấn',
  p: 'phường',
  x: 'xã',
};

/** Whole-word abbreviations (keys lower-case, NFC); a map, as a plain object would also answer "constructor". */
const WORDS = new Map<string, string>(
  Object.entries({
    ubnd: 'ủy ban nhân dân',
    hđnd: 'hội đồng nhân dân',
    'kh&cn': 'khoa học và công nghệ',
    khcn: 'khoa học và công nghệ',
    'kh-cn': 'khoa học và công nghệ',
    khkt: 'khoa học kỹ thuật',
    tp: 'thành phố',
    tx: 'thị xã',
    đh: 'đại học',
    cđ: 'cao đẳng',
    cty: 'công ty',
    tnhh: 'trách nhiệm hữu hạn',
    cp: 'cổ phần',
    tđc: 'tiêu chuẩn đo lường chất lượng',
    đmst: 'đổi mới sáng tạo',
    qlnn: 'quản lý nhà nước',
    cchc: 'cải cách hành chính',
    shtt: 'sở hữu trí tuệ',
    asxh: 'an sinh xã hội',
    '&': 'và',
  }),
);

/** True for one of the five tone marks as combining characters (NFD): U+0300, U+0301, U+0303, U+0309, U+0323. */
function isToneMark(c: number): boolean {
  return c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323;
}

/** A syllable (NFD) with its first tone mark moved after its letters and any other tone mark dropped. */
function toneLast(syl: string): string {
  let first = -1;
  let count = 0;
  for (let i = 0; i < syl.length; i++) {
    if (isToneMark(syl.charCodeAt(i))) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (first < 0 || (count === 1 && first === syl.length - 1)) return syl;
  let out = '';
  for (let i = 0; i < syl.length; i++) if (!isToneMark(syl.charCodeAt(i))) out += syl[i];
  return out + syl[first];
}

/** Letters and marks: the syllables canonicalTone works on. */
const SYLLABLE = /[\p{L}\p{M}]+/gu;
/** Text that NFC leaves as it is and in which no syllable has a tone mark: plain ASCII. */
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Puts the tone mark of every syllable in one place (after the syllable's letters), so that
 * "hoà"/"hòa", "uỷ"/"ủy", "thuỷ"/"thủy" give the same key. Input and output are NFC.
 */
export function canonicalTone(s: string): string {
  if (ASCII_ONLY.test(s)) return s;
  return s.normalize('NFD').replace(SYLLABLE, toneLast).normalize('NFC');
}

/** Removes every diacritic and turns đ into d. */
export function foldAccents(s: string): string {
  if (ASCII_ONLY.test(s)) return s;
  return s.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

const DOTTED_WORDS = new Set(Object.keys(DOTTED));
/** "tp." "h." etc. at a word start, before a name. */
const DOTTED_ABBREVIATION = /(^|[^\p{L}\p{N}])(tp|tx|h|tt|p|x)\.\s*(?=\p{L})/gu;
const SPACED_AMPERSAND = /\s*&\s*/g;
const TOKEN_BREAK = /[^\p{L}\p{N}&-]+/u;
const END_DASHES = /^-+|-+$/g;

function expandAbbreviations(lower: string): string {
  let s = lower;
  if (s.includes('.'))
    s = s.replace(DOTTED_ABBREVIATION, (_m, pre: string, ab: string) => `${pre}${DOTTED[ab]} `);
  if (s.includes('&')) s = s.replace(SPACED_AMPERSAND, '&');
  return wordsOf(s, TOKEN_BREAK);
}

/** The words of lower-case text split at `breaks`, dashes and "&" split off, whole-word abbreviations expanded. */
function wordsOf(s: string, breaks: RegExp): string {
  const out: string[] = [];
  for (const t0 of s.split(breaks)) {
    if (!t0) continue;
    const t =
      t0.charCodeAt(0) === 0x2d || t0.charCodeAt(t0.length - 1) === 0x2d ? t0.replace(END_DASHES, '') : t0;
    if (!t) continue;
    const w = WORDS.get(t);
    if (w !== undefined) {
      out.push(w);
    } else if (t.includes('&')) {
      const words = t
        .split('&')
        .filter(Boolean)
        .map((x) => WORDS.get(x) ?? x)
        .join(' và ')
        .split(' ');
      for (const x of words) out.push(x);
    } else if (t.includes('-')) {
      for (const x of t.split('-')) if (x) out.push(x);
    } else out.push(t);
  }
  return out.join(' ');
}

export interface KeyOptions {
  /** Also remove accents and fold đ to d (for headers, file names and romanised text). */
  foldAccents?: boolean;
  /** Expand abbreviations (default true). */
  abbreviations?: boolean;
}

/**
 * Keys already worked out, one map per option combination: a merge asks for the key of the same
 * name, unit or header many times over. Bounded: a full map is emptied and fills again.
 */
const KEY_CACHE_LIMIT = 1 << 16;
const keyCaches: Map<string, string>[] = [memoMap(), memoMap(), memoMap(), memoMap()];

/** The comparison key of a name: "UBND TX. Mỹ Hào" and "Uỷ ban nhân dân thị xã Mỹ Hào" share one. */
export function nameKey(s: string, opts: KeyOptions = {}): string {
  const text = s ?? '';
  const cache = keyCaches[(opts.foldAccents ? 2 : 0) + (opts.abbreviations === false ? 1 : 0)]!;
  let key = cache.get(text);
  if (key === undefined) {
    key = computeNameKey(text, opts);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(text, key);
  }
  return key;
}

function computeNameKey(s: string, opts: KeyOptions): string {
  const quick = simpleKey(s, opts.foldAccents === true, opts.abbreviations !== false);
  if (quick !== undefined) return quick;
  let t = s.normalize('NFC').toLowerCase();
  // Vietnamese "Ð" (U+00D0, eth) often stands for Đ in old files
  t = t.replace(/ð/g, 'đ');
  t = opts.abbreviations === false ? t.replace(/[^\p{L}\p{N}]+/gu, ' ') : expandAbbreviations(t);
  // Folding drops every mark, wherever canonicalTone would have put it.
  t = opts.foldAccents ? foldAccents(t) : canonicalTone(t);
  return t.replace(/\s+/g, ' ').trim();
}

// ---- the same key quickly, for text of ASCII and accented Latin letters -------------------------

/** Above the last letter simpleKey knows (ắ … ỹ end at U+1EF9). */
const LETTER_END = 0x1f00;
/** Per character code below LETTER_END: 1 for a letter of the simple alphabet (see below), else 0. */
const IS_LETTER = new Uint8Array(LETTER_END);
/** Per lower-case letter: every mark removed, đ as d (one ASCII letter's code). */
const FOLDED = new Uint16Array(LETTER_END);
/** Per lower-case letter: its first tone mark in NFD order, or 0. */
const TONE = new Uint16Array(LETTER_END);
/** Per lower-case letter: the letter without its tone marks, NFC. */
const TONELESS: string[] = [];

/**
 * The letters simpleKey handles besides ASCII: every precomposed Latin letter that NFC leaves as it
 * is, whose NFD is an ASCII letter and marks in U+0300–U+036F, and whose lower case is one such letter
 * (all of Vietnamese, and é ü ñ and the like), plus Đ đ. Worked out with the rules themselves.
 */
{
  const plain = (ch: string): boolean =>
    ch.normalize('NFC') === ch &&
    /^[A-Za-z][\u0300-\u036f]*$/.test(ch.normalize('NFD')) &&
    /^\p{L}$/u.test(ch);
  // A letter keeps its form when its tone is put last again (not so for ṍ, with two tone marks, or ṏ,
  // with its tone before another mark of the same class), and is one letter without its tone (ḹ is
  // not); others are left to the general rules.
  const oneTone = (lower: string): boolean => {
    const d = lower.normalize('NFD');
    const tones = [...d].filter((m) => isToneMark(m.charCodeAt(0)));
    if (tones.length === 0) return true;
    const rest = [...d].filter((m) => !isToneMark(m.charCodeAt(0))).join('');
    return (
      tones.length === 1 && rest.normalize('NFC').length === 1 && (rest + tones[0]).normalize('NFC') === lower
    );
  };
  const add = (ch: string, lower: string) => {
    IS_LETTER[ch.charCodeAt(0)] = 1;
    const code = lower.charCodeAt(0);
    const d = lower.normalize('NFD');
    let toneless = '';
    for (let i = 0; i < d.length; i++) {
      const m = d.charCodeAt(i);
      if (!isToneMark(m)) toneless += d[i];
      else if (!TONE[code]) TONE[code] = m;
    }
    FOLDED[code] = (lower === 'đ' ? 'd' : d[0]!).charCodeAt(0);
    TONELESS[code] = toneless.normalize('NFC');
  };
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      if (lower.length === 1 && plain(ch) && plain(lower) && oneTone(lower)) {
        add(lower, lower);
        add(ch, lower);
      }
    }
  }
  add('đ', 'đ');
  add('Đ', 'đ');
}

/** The five tone marks, numbered 1–5 for WITH_TONE. */
const TONE_MARKS = [0x300, 0x301, 0x303, 0x309, 0x323];
/** A letter (NFC, without tone) with tone mark t after it, composed as NFC does, at code × 6 + t. */
const WITH_TONE: string[] = [];
function withTone(letter: string, tone: number): string {
  const at = letter.charCodeAt(0) * 6 + TONE_MARKS.indexOf(tone) + 1;
  return (WITH_TONE[at] ??= (letter + String.fromCharCode(tone)).normalize('NFC'));
}

/** Breaks between tokens in lower-case simple text: all but letters, digits, "-" and "&". */
const SIMPLE_BREAK = /[^a-z0-9\u0080-\uffff&-]+/;
/** The same when abbreviations are not expanded: all but letters and digits. */
const SIMPLE_BREAK_ALL = /[^a-z0-9\u0080-\uffff]+/;

/**
 * nameKey() for text of ASCII characters and the letters above only (a name, a header, a unit as
 * lists write them), without the normalisations and Unicode regular expressions of the general
 * rules; undefined for any other text. Equal to the general rules wherever it answers (a property
 * test holds it to them): such text is NFC already, its lower case is of the same letters, a token
 * is a run of letters, digits, dashes and "&", and a syllable is a run of letters.
 */
function simpleKey(s: string, fold: boolean, abbreviations: boolean): string | undefined {
  for (let i = 0; i < s.length; i++) if (!isSimpleChar(s.charCodeAt(i))) return undefined;
  const lower = s.toLowerCase();
  let words: string;
  if (!abbreviations) words = lower.split(SIMPLE_BREAK_ALL).filter(Boolean).join(' ');
  else if (lower.includes('&') || mayBeDotted(lower))
    words = expandAbbreviations(lower).replace(/\s+/g, ' ').trim(); // "&&" gives an empty word
  else words = wordsOf(lower, SIMPLE_BREAK);
  return fold ? foldSimple(words) : toneSimple(words);
}

/**
 * False when no "." of lower-case simple text ends a word of DOTTED ("tp." "h."), so that the dotted
 * abbreviations have nothing to expand (a list's sentences end with a dot; few follow "x" or "h").
 */
function mayBeDotted(s: string): boolean {
  for (let i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
    let j = i;
    while (j > 0 && i - j < 3 && isWordChar(s.charCodeAt(j - 1))) j--;
    if (i - j < 3 && (j === 0 || !isWordChar(s.charCodeAt(j - 1))) && DOTTED_WORDS.has(s.slice(j, i)))
      return true;
  }
  return false;
}

/** A letter or digit of simple text. */
function isWordChar(c: number): boolean {
  return isSimpleLetter(c) || (c >= 48 && c <= 57);
}

/** ASCII, or a letter of the simple alphabet: a character simpleKey answers for. */
function isSimpleChar(c: number): boolean {
  return c < 0x80 || (c < LETTER_END && IS_LETTER[c] === 1);
}

function isSimpleLetter(c: number): boolean {
  return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : c < LETTER_END && IS_LETTER[c] === 1;
}

/** foldAccents() of lower-case simple text. */
function foldSimple(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    out += s.slice(from, i) + String.fromCharCode(FOLDED[c]!);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** canonicalTone() of lower-case simple text: per run of letters, its first tone mark on its last letter. */
function toneSimple(s: string): string {
  let out = '';
  let from = 0; // s[from, …) is still to be copied as it is
  let i = 0;
  while (i < s.length) {
    if (!isSimpleLetter(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let at = -1; // the first letter with a tone
    for (; end < s.length; end++) {
      const c = s.charCodeAt(end);
      if (!isSimpleLetter(c)) break;
      if (at < 0 && c >= 0x80 && TONE[c] !== 0) at = end;
    }
    // unchanged: no tone, or the one tone on the last letter
    if (at >= 0 && at < end - 1) {
      out += s.slice(from, at);
      for (let j = at; j < end - 1; j++) {
        const c = s.charCodeAt(j);
        out += c >= 0x80 && TONE[c] !== 0 ? TONELESS[c] : s[j];
      }
      const last = s.charCodeAt(end - 1);
      out += withTone(last < 0x80 ? s[end - 1]! : TONELESS[last]!, TONE[s.charCodeAt(at)]!);
      from = end;
    }
    i = end;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The key of a column header: numbering such as "(1)" removed, accents folded, abbreviations expanded. */
export function headerKey(s: string): string {
  const t = (s ?? '').replace(/\(\s*\d+\s*\)/g, ' ').replace(/\(\*+\)|\*+/g, ' ');
  return nameKey(t, { foldAccents: true });
}

/**
 * True for a text whose header key joins with another such text's key by words: for any two texts a
 * and b it holds for, headerKey(`${a} ${b}`) is headerKey(a) and headerKey(b) joined by a space (an
 * empty one left out). So it is for text of ASCII and the letters simpleKey knows, without the
 * characters whose rules reach across a space: . & ( ) [ ] *.
 */
export function keysJoinByWords(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSimpleChar(c)) return false;
    if (c === 0x2e || c === 0x26 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x2a)
      return false;
  }
  return true;
}
