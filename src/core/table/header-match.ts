/**
 * Header texts → schema fields. Texts are compared on headerKey() (accents, case, punctuation and
 * "(1)" numbering folded, abbreviations expanded) against each field's title and aliases:
 * an exact key scores 1, the same letters without spaces 0.97, the same words in another order 0.95,
 * a header that contains all the words of an alias 0.6–0.95 (more for a closer fit), a header sharing
 * most words with an alias up to 0.85 × Dice. Words of five letters or more may differ by one letter.
 * Scores under MATCH_THRESHOLD are no match. Each field then goes to at most one column (see
 * assignFields): the better score wins, and a column that loses its best field may take another.
 */
import type { FieldDef, TableSchema } from '../schema/types';
import { headerKey, keysJoinByWords } from '../text/key';

export const MATCH_THRESHOLD = 0.6;

interface KeyInfo {
  key: string;
  tokens: string[];
  compact: string;
}

export interface FieldMatcher {
  fields: { field: FieldDef; keys: KeyInfo[] }[];
  /** Scores by header key, filled as headers are met. */
  cache: Map<string, FieldScore[]>;
  /** headerKey() by text (the header search meets the same texts many times). */
  keys: Map<string, string>;
}

/** Largest number of entries kept in a matcher's caches before they are cleared. */
const CACHE_LIMIT = 20000;

/** headerKey() of a text, remembered by the matcher. */
export function keyOf(text: string, matcher?: FieldMatcher): string {
  if (!matcher) return headerKey(text);
  let k = matcher.keys.get(text);
  if (k === undefined) {
    if (matcher.keys.size >= CACHE_LIMIT) matcher.keys.clear();
    k = headerKey(text);
    matcher.keys.set(text, k);
  }
  return k;
}

export interface FieldScore {
  field: string;
  score: number;
}

function keyInfo(key: string): KeyInfo {
  return { key, tokens: key ? key.split(' ') : [], compact: key.replace(/ /g, '') };
}

/** Keys of the row-number column: STT, TT, Số TT, Số thứ tự, Thứ tự. */
const ROW_NUMBER_KEYS = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 's tt', 'st', 'so tt tt']);

/** True for the header of the row-number column ("STT", "Stt", "TT", "Số TT"). */
export function isRowNumberHeader(text: string, matcher?: FieldMatcher): boolean {
  return text.length <= 16 && ROW_NUMBER_KEYS.has(keyOf(text, matcher));
}

/** Prepares the keys of every field's name, title (and its "/"-separated parts) and aliases. */
export function buildMatcher(schema: TableSchema): FieldMatcher {
  const fields = schema.fields.map((field) => {
    const texts = [field.title ?? '', ...(field.aliases ?? [])];
    if (field.title && field.title.includes(' / ')) texts.push(...field.title.split(' / '));
    if (!field.title && !(field.aliases && field.aliases.length)) texts.push(field.name);
    const seen = new Set<string>();
    const keys: KeyInfo[] = [];
    for (const t of texts) {
      const k = headerKey(t);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      keys.push(keyInfo(k));
    }
    return { field, keys };
  });
  return { fields, cache: new Map(), keys: new Map() };
}

/** Levenshtein distance of a and b is at most 1: equal, or one letter changed, added or removed. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === b.length) return true; // equal, or one letter more at the end of a
  if (a.length === b.length) {
    // a[i] changed: the rest is the same
    for (let j = i + 1; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
    return true;
  }
  // a[i] added: the rest of a is b's rest
  for (let j = i; j < b.length; j++) if (a.charCodeAt(j + 1) !== b.charCodeAt(j)) return false;
  return true;
}

function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  // a typo of one letter in a long word ("thanhh tich"), never in short ones ("nam" ≠ "noi")
  return a.length >= 5 && b.length >= 5 && a[0] === b[0] && withinOneEdit(a, b);
}

/** Similarity of a header key to one alias key, 0..1. */
export function scoreKeys(h: KeyInfo, a: KeyInfo): number {
  if (!h.key || !a.key) return 0;
  if (h.key === a.key) return 1;
  if (h.compact === a.compact) return 0.97;
  const ht = h.tokens;
  const used = new Uint8Array(ht.length);
  let m = 0;
  for (const t of a.tokens) {
    // the first unused word that is t, else (t of five letters or more) the first one a typo away
    let j = -1;
    for (let i = 0; i < ht.length; i++) {
      if (used[i] === 0 && ht[i] === t) {
        j = i;
        break;
      }
    }
    if (j < 0 && t.length >= 5) {
      for (let i = 0; i < ht.length; i++) {
        if (used[i] === 0 && sameToken(ht[i]!, t)) {
          j = i;
          break;
        }
      }
    }
    if (j >= 0) {
      used[j] = 1;
      m++;
    }
  }
  if (m === a.tokens.length) {
    if (m === h.tokens.length) return 0.95;
    return 0.6 + (0.35 * m) / h.tokens.length;
  }
  if (m >= 2 && m * 2 >= a.tokens.length) return 0.85 * ((2 * m) / (a.tokens.length + h.tokens.length));
  return 0;
}

/**
 * Where each word of the fields' keys occurs, so that a header is compared only with the keys it
 * shares a word with (scoreKeys gives 0 to every other key, except one with the same letters).
 */
interface KeyIndex {
  /** Word → the keys (field index, key index) that have it. */
  byToken: Map<string, [number, number][]>;
  /** Words of five letters or more by their first letter (for sameToken's one-letter typos). */
  longByFirst: Map<string, string[]>;
  /** Key without spaces → the keys that have it. */
  byCompact: Map<string, [number, number][]>;
}

const keyIndexes = new WeakMap<FieldMatcher, KeyIndex>();

function keyIndexOf(matcher: FieldMatcher): KeyIndex {
  let ix = keyIndexes.get(matcher);
  if (ix) return ix;
  ix = { byToken: new Map(), longByFirst: new Map(), byCompact: new Map() };
  const add = (map: Map<string, [number, number][]>, k: string, at: [number, number]) => {
    const list = map.get(k);
    if (list) list.push(at);
    else map.set(k, [at]);
  };
  matcher.fields.forEach(({ keys }, fi) => {
    keys.forEach((k, ki) => {
      if (!k.key) return;
      add(ix!.byCompact, k.compact, [fi, ki]);
      for (const t of new Set(k.tokens)) {
        if (!ix!.byToken.has(t) && t.length >= 5) {
          const first = ix!.longByFirst.get(t[0]!);
          if (first) first.push(t);
          else ix!.longByFirst.set(t[0]!, [t]);
        }
        add(ix!.byToken, t, [fi, ki]);
      }
    });
  });
  keyIndexes.set(matcher, ix);
  return ix;
}

/** The keys (by field index) that may score above 0 against the header h. */
function candidateKeys(h: KeyInfo, matcher: FieldMatcher): Map<number, Set<number>> {
  const ix = keyIndexOf(matcher);
  const out = new Map<number, Set<number>>();
  const take = (list: [number, number][] | undefined) => {
    if (!list) return;
    for (const [fi, ki] of list) {
      const set = out.get(fi);
      if (set) set.add(ki);
      else out.set(fi, new Set([ki]));
    }
  };
  take(ix.byCompact.get(h.compact));
  for (const u of new Set(h.tokens)) {
    take(ix.byToken.get(u));
    if (u.length < 5) continue;
    for (const t of ix.longByFirst.get(u[0]!) ?? []) {
      if (t !== u && withinOneEdit(u, t)) take(ix.byToken.get(t));
    }
  }
  return out;
}

/** The scores of a text that matches no field (shared, so frozen). */
const NO_SCORES = Object.freeze([]) as unknown as FieldScore[];

function scoreKey(key: string, matcher: FieldMatcher): FieldScore[] {
  const hit = matcher.cache.get(key);
  if (hit) return hit;
  if (matcher.cache.size >= CACHE_LIMIT) matcher.cache.clear();
  const h = keyInfo(key);
  const cands = h.key ? candidateKeys(h, matcher) : null;
  if (!cands || cands.size === 0) {
    // most texts of a sheet's first rows (names, dates, places) share no word with any field
    matcher.cache.set(key, NO_SCORES);
    return NO_SCORES;
  }
  const out: FieldScore[] = [];
  matcher.fields.forEach(({ field, keys }, fi) => {
    const which = cands.get(fi);
    if (!which) return; // every key of the field scores 0
    let best = 0;
    for (let ki = 0; ki < keys.length; ki++) {
      if (!which.has(ki)) continue;
      const s = scoreKeys(h, keys[ki]!);
      if (s > best) best = s;
      if (best === 1) break;
    }
    if (best >= MATCH_THRESHOLD) out.push({ field: field.name, score: best });
  });
  out.sort((x, y) => y.score - x.score);
  matcher.cache.set(key, out);
  return out;
}

function stripBrackets(text: string): string {
  return text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
}

/**
 * The fields a header text may stand for, best first (scores ≥ MATCH_THRESHOLD). A note in brackets
 * is also tried without it ("Tên gọi\n(Ông/Bà/Chức danh)" → "Tên gọi"), at a slight discount.
 */
export function scoreHeader(text: string, matcher: FieldMatcher): FieldScore[] {
  const full = scoreKey(keyOf(text, matcher), matcher);
  if (!/[([]/.test(text)) return full;
  const bare = stripBrackets(text);
  const stripped = scoreKey(keyOf(bare, matcher), matcher);
  if (stripped.length === 0) return full;
  const best = new Map<string, number>();
  for (const s of full) best.set(s.field, s.score);
  for (const s of stripped) best.set(s.field, Math.max(best.get(s.field) ?? 0, s.score * 0.98));
  return [...best.entries()].map(([field, score]) => ({ field, score })).sort((x, y) => y.score - x.score);
}

/**
 * Candidates of a column of a two-row header: the child alone, and parent + child together when that
 * scores better ("Thành tích" over "Nội dung" → thanhTich); the parent alone only when there is no child.
 */
export function scoreColumn(top: string, bottom: string, matcher: FieldMatcher): FieldScore[] {
  if (!bottom) return top ? scoreHeader(top, matcher) : [];
  const child = scoreHeader(bottom, matcher);
  if (!top) return child;
  if (child === NO_SCORES && scoreHeader(top, matcher) === NO_SCORES && noneTogether(top, bottom, matcher))
    return NO_SCORES;
  const both = scoreHeader(`${top} ${bottom}`, matcher);
  const best = new Map<string, number>();
  for (const s of child) best.set(s.field, s.score);
  for (const s of both) best.set(s.field, Math.max(best.get(s.field) ?? 0, s.score));
  return [...best.entries()].map(([field, score]) => ({ field, score })).sort((x, y) => y.score - x.score);
}

/**
 * True when the two texts together cannot score either, known without working out their joined key:
 * each shares no word with any field (NO_SCORES), their keys join by words (keysJoinByWords), so the
 * joined key's words are theirs, and their letters run together are no field's letters (the one test
 * of scoreKeys that is not by word). The header search meets this for every pair of data cells one
 * above the other in its first rows.
 */
function noneTogether(top: string, bottom: string, matcher: FieldMatcher): boolean {
  if (!keysJoinByWords(top) || !keysJoinByWords(bottom)) return false;
  const compact = (keyOf(top, matcher) + keyOf(bottom, matcher)).replace(/ /g, '');
  return !keyIndexOf(matcher).byCompact.has(compact);
}

export interface ColumnCandidates {
  col: number;
  scores: FieldScore[];
}

/**
 * Gives each field to at most one column. The assignment maximises the sum of exp(15·(score − 1)),
 * which is close to "the best score wins" (one exact match outweighs several fuzzy ones) while still
 * letting "Chức vụ, đơn vị công tác" take Chức vụ when a separate "Đơn vị công tác" column exists.
 * Hungarian method on a matrix at most a few dozen wide; equal weights go to the earlier column.
 * Returns the field of each assigned column.
 */
export function assignFields(cands: ColumnCandidates[], fieldOrder: string[]): Map<number, FieldScore> {
  const active = cands.filter((c) => c.scores.length > 0);
  const result = new Map<number, FieldScore>();
  if (active.length === 0) return result;
  const fieldIdx = new Map(fieldOrder.map((f, i) => [f, i]));
  const n = active.length;
  const m = fieldOrder.length;
  const size = Math.max(n, m);
  // cost = -(weight); among equal weights the earlier column, then the earlier field
  const cost: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < n; i++) {
    for (const s of active[i].scores) {
      const j = fieldIdx.get(s.field);
      if (j === undefined) continue;
      cost[i][j] = -(Math.exp(15 * (s.score - 1)) - i * 1e-9 - j * 1e-11);
    }
  }
  const assign = hungarian(cost);
  for (let i = 0; i < n; i++) {
    const j = assign[i];
    if (j < 0 || j >= m || cost[i][j] === 0) continue;
    const field = fieldOrder[j];
    const s = active[i].scores.find((x) => x.field === field);
    if (s) result.set(active[i].col, s);
  }
  return result;
}

/** Minimum-cost assignment of a square matrix (Kuhn–Munkres, O(n³)); returns the column of each row. */
function hungarian(a: number[][]): number[] {
  const n = a.length;
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const ans = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j] > 0) ans[p[j] - 1] = j - 1;
  return ans;
}
