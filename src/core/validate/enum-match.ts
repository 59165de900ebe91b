/**
 * Matching a typed value against an enum field's canonical values and their aliases (GUIDE §4, §6):
 * case, accents, punctuation and abbreviations are folded through nameKey(…, {foldAccents: true}),
 * then a long value that contains one canonical value ("… KH&CN vào sản xuất"), a shortened value
 * ("Khởi nghiệp") or a one-letter typo still finds it. A match must be clearly better than any other
 * value and must not mention two values at once: an unsure matcher answers null, never a guess.
 */
import type { FieldDef } from '../schema/types';
import { nameKey } from '../text/key';

/**
 * Abbreviations whose letters include đ: once accents are folded ("DMST", "TDC") nameKey no longer
 * recognises them, so they are expanded again on the folded key.
 */
const FOLDED_WORDS: Record<string, string> = {
  dmst: 'doi moi sang tao',
  tdc: 'tieu chuan do luong chat luong',
  hdnd: 'hoi dong nhan dan',
};

const KEY_CACHE_MAX = 4096;
const keyCache = new Map<string, string>();

/** The comparison key of an enum value: accents, case, punctuation and abbreviations folded. */
export function enumKey(s: string): string {
  const text = s ?? '';
  const hit = keyCache.get(text);
  if (hit !== undefined) return hit;
  const k = nameKey(text, { foldAccents: true });
  const key = k
    ? k
        .split(' ')
        .map((t) => FOLDED_WORDS[t] ?? t)
        .join(' ')
    : '';
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(text, key);
  return key;
}

export type EnumMatchKind = 'exact' | 'contains' | 'part' | 'typo';

export interface EnumMatch {
  /** The canonical value. */
  value: string;
  /** 0..1; 1 for an exact match of the value or an alias. */
  score: number;
  how: EnumMatchKind;
}

interface Form {
  value: string;
  key: string;
  tokens: string[];
}

/** Lowest score accepted for a non-exact match. */
export const ENUM_MIN_SCORE = 0.75;
/** How far the best value must lead the next one. */
export const ENUM_MIN_MARGIN = 0.1;

export interface EnumMatcher {
  /** The canonical values, in order. */
  readonly values: string[];
  /** The best match of a typed value, or null when there is none or it is not clear. */
  match(text: string): EnumMatch | null;
}

function indexOfRun(hay: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped. */
export function osaDistance(a: string, b: string, cap = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > cap) return cap + 1;
  let prev2: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_v, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = new Array<number>(m + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

/** Builds a matcher for canonical values and their aliases (keyed by canonical value). */
export function buildEnumMatcher(values: string[], aliases: Record<string, string[]> = {}): EnumMatcher {
  const forms: Form[] = [];
  const exact = new Map<string, Set<string>>();
  const add = (value: string, text: string) => {
    const key = enumKey(text);
    if (!key) return;
    forms.push({ value, key, tokens: key.split(' ') });
    let set = exact.get(key);
    if (!set) exact.set(key, (set = new Set()));
    set.add(value);
  };
  for (const v of values) {
    add(v, v);
    for (const a of aliases[v] ?? []) add(v, a);
  }

  function match(text: string): EnumMatch | null {
    const key = enumKey(text);
    if (!key) return null;
    const hit = exact.get(key);
    if (hit) return hit.size === 1 ? { value: [...hit][0], score: 1, how: 'exact' } : null;

    const tokens = key.split(' ');
    const best = new Map<string, { score: number; how: EnumMatchKind }>();
    const mentioned = new Set<string>();
    const offer = (value: string, score: number, how: EnumMatchKind) => {
      const cur = best.get(value);
      if (!cur || cur.score < score) best.set(value, { score, how });
    };
    for (const f of forms) {
      const I = tokens.length;
      const F = f.tokens.length;
      if (F < I && indexOfRun(tokens, f.tokens) >= 0) {
        // the typed value says more than the form: "… KH&CN vào sản xuất"
        const meaningful = F >= 2 || I <= 2;
        if (meaningful) mentioned.add(f.value);
        if (meaningful && F / I >= 0.4) offer(f.value, 0.8 + 0.2 * (F / I), 'contains');
      } else if (I < F && I >= 2 && isSubsequence(tokens, f.tokens)) {
        // the typed value is a shortened form: "Khởi nghiệp", "Học tập và làm theo tư tưởng Hồ Chí Minh"
        const ratio = I / F;
        const prefix = indexOfRun(f.tokens, tokens) === 0;
        if (ratio >= 0.5 || (prefix && ratio >= 0.3)) offer(f.value, 0.7 + 0.2 * ratio, 'part');
      } else if (I === F && key.length >= 6) {
        const cap = Math.max(1, Math.floor(key.length / 8));
        const d = osaDistance(key, f.key, cap);
        if (d <= cap) offer(f.value, 0.85, 'typo');
      }
    }
    if (mentioned.size > 1) return null; // names two values at once
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score);
    if (ranked.length === 0) return null;
    const [value, top] = ranked[0];
    if (top.score < ENUM_MIN_SCORE) return null;
    if (ranked.length > 1 && top.score - ranked[1][1].score < ENUM_MIN_MARGIN) return null;
    if (mentioned.size === 1 && !mentioned.has(value)) return null;
    return { value, score: top.score, how: top.how };
  }

  return { values: [...values], match };
}

const cache = new WeakMap<FieldDef, EnumMatcher>();

/** The matcher of a field (cached per field object). */
export function enumMatcherFor(field: FieldDef): EnumMatcher {
  let m = cache.get(field);
  if (!m) {
    m = buildEnumMatcher(field.constraints?.enum ?? [], field.enumAliases ?? {});
    cache.set(field, m);
  }
  return m;
}

/** The canonical value a typed value stands for, or null. */
export function matchEnum(text: string, field: FieldDef): string | null {
  return enumMatcherFor(field).match(text)?.value ?? null;
}
