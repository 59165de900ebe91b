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
  const out: string[] = [];
  for (const t0 of s.split(TOKEN_BREAK)) {
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
  let t = s.normalize('NFC').toLowerCase();
  // Vietnamese "Ð" (U+00D0, eth) often stands for Đ in old files
  t = t.replace(/ð/g, 'đ');
  t = opts.abbreviations === false ? t.replace(/[^\p{L}\p{N}]+/gu, ' ') : expandAbbreviations(t);
  // Folding drops every mark, wherever canonicalTone would have put it.
  t = opts.foldAccents ? foldAccents(t) : canonicalTone(t);
  return t.replace(/\s+/g, ' ').trim();
}

/** The key of a column header: numbering such as "(1)" removed, accents folded, abbreviations expanded. */
export function headerKey(s: string): string {
  const t = (s ?? '').replace(/\(\s*\d+\s*\)/g, ' ').replace(/\(\*+\)|\*+/g, ' ');
  return nameKey(t, { foldAccents: true });
}
