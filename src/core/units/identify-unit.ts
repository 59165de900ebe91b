/**
 * Which unit sent a file: the header block at the top left of the list ("UBND THỊ XÃ MỸ HÀO" /
 * "PHÒNG NỘI VỤ"), a "Đơn vị: …" line, the sheet names or the file name, matched against the roster.
 * A matcher that is unsure says so (unit null, candidates for the clerk); it never guesses (GUIDE §6).
 */
import type { GridSheet } from '../grid';
import { cellText } from '../grid';
import { foldAccents, nameKey } from '../text/key';
import type { Roster, RosterUnit } from './roster';

export interface UnitEvidence {
  /** Header block lines, top to bottom: the superior body, then the issuing office. */
  headerLines: string[];
  /** The text of a "Đơn vị: …" / "Cơ quan: …" line, without its label. */
  unitLine?: string;
  sheetNames: string[];
  fileName: string;
}

export type UnitSource = 'header' | 'unit-line' | 'sheet' | 'file-name';

export interface UnitMatch {
  unit: RosterUnit | null;
  /** 0..1; 1 for an exact match of a name or alias key. */
  confidence: number;
  /** Best roster units, best first (at most 3). */
  candidates: { name: string; score: number }[];
  source: UnitSource | null;
}

/** Below this, no unit is named: the clerk chooses among the candidates. */
export const UNIT_CONFIDENCE_THRESHOLD = 0.8;
/** Two units closer than this (both at or above the threshold) make the match ambiguous. */
export const UNIT_AMBIGUITY_GAP = 0.08;
/** Exact match of the accent-folded key only (file names, text typed without accents). */
const FOLDED_EXACT = 0.95;
/** A fuzzy score is multiplied by this when the two names are different kinds of body (Phòng vs Sở). */
const KIND_PENALTY = 0.4;
/** Highest score of a fuzzy (token) match, so that it never equals an exact one. */
const FUZZY_CAP = 0.92;

/** Words that say what kind of body a name is, longest first (keys, NFC lower case). */
const KIND_WORDS = [
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'văn phòng',
  'chi cục',
  'trung tâm',
  'công ty',
  'tổng công ty',
  'hợp tác xã',
  'viện',
  'trường',
  'bệnh viện',
  'liên minh',
  'liên hiệp',
  'hội',
  'ban',
  'sở',
  'phòng',
  'đoàn',
  'bảo hiểm xã hội',
  'ngân hàng',
  'cục',
  'tỉnh đoàn',
].sort((a, b) => b.length - a.length);

/** Words that add little to tell units apart (besides the roster's own frequent words). */
const GENERIC = new Set(
  [
    'tỉnh',
    'huyện',
    'thị',
    'xã',
    'thành',
    'phố',
    'hưng',
    'yên',
    'và',
    'của',
    'cổ',
    'phần',
    'trách',
    'nhiệm',
    'hữu',
    'hạn',
    'đại',
    'học',
    'cao',
    'đẳng',
    'ủy',
    'ban',
    'nhân',
    'dân',
    'sở',
    'phòng',
    'công',
    'ty',
    'trường',
    'trung',
    'tâm',
  ].map((w) => foldAccents(w)),
);

/** Words that may surround a name without changing which unit it is ("… tỉnh Hưng Yên"). */
const PLACE_WORDS = new Set(['tinh', 'hung', 'yen']);
/** Score of a name found whole with only PLACE_WORDS around it. */
const PLACE_CONTAINED = 0.9;

/** The tokens of `hay` left once the whole-word run `needle` is taken out. */
function residue(hay: string, needle: string): string[] {
  return ` ${hay} `.replace(` ${needle} `, ' ').split(' ').filter(Boolean);
}

/** Allowed marks of Vietnamese letters: the five tones, circumflex, breve, horn. */
const VIET_MARKS = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]/g;

/**
 * Text a person can read as Vietnamese (or plain ASCII): no "HUYÖN", "PHßNG", "V¡N" left by an
 * undecoded legacy font. Unreadable lines do not count as naming a body.
 */
export function readableVietnamese(line: string): boolean {
  const bare = line.normalize('NFD').replace(VIET_MARKS, '');
  return /^[A-Za-z0-9đĐ\s.,;:&\-–—/()'"“”‘’+_*!?#%]*$/.test(bare);
}

/** A unit's score for one text; `plain` without the found-inside bonus; `within`: the name found inside. */
interface Scored {
  score: number;
  plain: number;
  within?: string;
}

interface KeyForm {
  key: string;
  folded: string;
  tokens: string[];
}

interface UnitForms {
  unit: RosterUnit;
  index: number;
  forms: KeyForm[];
  kind: string | null;
  /** Keys (folded) of the unit's group, to see whether it belongs to another unit. */
  groupFolded: string;
}

/** Abbreviations written without their đ ("Truong_DH_SPKT", "CD Y te"), expanded in folded keys. */
const FOLDED_WORDS: Record<string, string> = { dh: 'dai hoc', cd: 'cao dang', hdnd: 'hoi dong nhan dan' };

function form(text: string): KeyForm {
  const key = nameKey(text);
  const folded = foldAccents(key)
    .split(' ')
    .map((t) => FOLDED_WORDS[t] ?? t)
    .join(' ');
  return { key, folded, tokens: folded.split(' ').filter(Boolean) };
}

const KIND_FOLDED = KIND_WORDS.map((k) => foldAccents(k));

/** The kind of body a name starts with ("so", "phong", "uy ban nhan dan" …), compared without accents. */
function kindOf(key: string): string | null {
  const folded = foldAccents(key);
  for (const k of KIND_FOLDED) if (folded === k || folded.startsWith(k + ' ')) return k;
  return null;
}

/** Does `hay` contain `needle` as whole words? */
function containsWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${hay} `.includes(` ${needle} `);
}

/** A prepared roster: keys of every name and alias, and how much each word tells units apart. */
class Matcher {
  readonly units: UnitForms[];
  private readonly weight = new Map<string, number>();
  private readonly maxWeight: number;

  constructor(roster: Roster) {
    this.units = roster.units.map((unit, index) => {
      const forms = [unit.name, ...unit.aliases].map(form).filter((f) => f.key !== '');
      return {
        unit,
        index,
        forms,
        kind: kindOf(forms[0]?.key ?? ''),
        groupFolded: unit.group ? foldAccents(nameKey(unit.group)) : '',
      };
    });
    const df = new Map<string, number>();
    for (const u of this.units) {
      const words = new Set(u.forms.flatMap((f) => f.tokens));
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const n = Math.max(this.units.length, 1);
    this.maxWeight = Math.log(1 + n);
    for (const [w, d] of df) this.weight.set(w, Math.log(1 + n / d));
  }

  /** How much a word tells units apart: rare roster words weigh most, generic words little. */
  private w(token: string): number {
    const base = this.weight.get(token) ?? this.maxWeight;
    return GENERIC.has(token) ? Math.min(base, 0.15 * this.maxWeight) : base;
  }

  /** Weighted Dice of two token sets, 0 when they share no distinctive word. */
  private dice(a: string[], b: string[]): number {
    const sa = new Set(a);
    const sb = new Set(b);
    let inter = 0;
    let distinctive = false;
    let wa = 0;
    let wb = 0;
    for (const t of sa) {
      wa += this.w(t);
      if (sb.has(t)) {
        inter += this.w(t);
        if (!GENERIC.has(t)) distinctive = true;
      }
    }
    for (const t of sb) wb += this.w(t);
    if (!distinctive || wa + wb === 0) return 0;
    return (2 * inter) / (wa + wb);
  }

  /**
   * Score of a text against one unit. `loose`: the text may carry other words around the name
   * (file and sheet names: "DS dien hinh - So Y te.xls").
   */
  scoreUnit(text: KeyForm, u: UnitForms, loose: boolean): Scored {
    let best: Scored = { score: 0, plain: 0 };
    const textKind = kindOf(text.key);
    for (const f of u.forms) {
      if (f.key === text.key) return { score: 1, plain: 1 };
      if (f.folded === text.folded) {
        if (best.score < FOLDED_EXACT) best = { score: FOLDED_EXACT, plain: FOLDED_EXACT };
        continue;
      }
      let s = this.dice(text.tokens, f.tokens) * FUZZY_CAP;
      const fKind = kindOf(f.key);
      if (textKind && fKind && textKind !== fKind) s *= KIND_PENALTY;
      const plain = s;
      let within: string | undefined;
      if (f.tokens.length >= 2 && containsWords(text.folded, f.folded)) {
        if (loose) {
          // the whole name inside the text: the longer the name, the surer
          s = Math.max(s, 0.85 + 0.07 * Math.min(1, f.tokens.length / text.tokens.length));
          within = f.folded;
        } else if (residue(text.folded, f.folded).every((t) => PLACE_WORDS.has(t))) {
          // "SỞ Y TẾ TỈNH HƯNG YÊN": the name and only the province around it
          s = Math.max(s, PLACE_CONTAINED);
        }
      }
      if (s > best.score) best = within ? { score: s, plain, within } : { score: s, plain };
    }
    return best;
  }

  /** Units ranked for one text, best first (only those with a score above 0). */
  rank(text: string, loose = false): { u: UnitForms; score: number }[] {
    const t = form(text);
    if (!t.key) return [];
    const scored = this.units.map((u) => ({ u, s: this.scoreUnit(t, u, loose) }));
    // "Van phong So Khoa hoc va Cong nghe": "Sở Khoa học và Công nghệ" is found only inside the longer name
    const found = scored.map((x) => x.s.within).filter((w): w is string => w !== undefined);
    return scored
      .map(({ u, s }) => {
        const w = s.within;
        const nested = w !== undefined && found.some((o) => o !== w && containsWords(o, w));
        return { u, score: nested ? s.plain : s.score };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.u.index - b.u.index);
  }

  /** Is unit `sub` part of unit `parent` (a division of a Department: its group names the Department)? */
  isUnder(sub: UnitForms, parent: UnitForms): boolean {
    return parent.forms.some((f) => this.groupNames(sub, f.folded));
  }

  /** Does the unit's group (or name) name the body whose folded key is given? */
  groupNames(sub: UnitForms, folded: string): boolean {
    if (folded.split(' ').length < 2) return false;
    return containsWords(sub.groupFolded, folded) || sub.forms.some((f) => containsWords(f.folded, folded));
  }
}

interface Verdict {
  best: { u: UnitForms; score: number } | null;
  ranked: { u: UnitForms; score: number }[];
  /** The evidence names some body (even one not in the roster): do not fall back to weaker evidence. */
  namesSomething: boolean;
}

function confident(ranked: { u: UnitForms; score: number }[]): { u: UnitForms; score: number } | null {
  const [a, b] = ranked;
  if (!a || a.score < UNIT_CONFIDENCE_THRESHOLD) return null;
  // an exact match (of the key, or of the accent-folded key) is only ambiguous against another as exact
  const exactTier = (x: number): number => (x >= 1 ? 2 : x >= FOLDED_EXACT ? 1 : 0);
  if (b && exactTier(a.score) > exactTier(b.score)) return a;
  if (b && a.score - b.score < UNIT_AMBIGUITY_GAP) return null;
  return a;
}

function mergeRanks(...lists: { u: UnitForms; score: number }[][]): { u: UnitForms; score: number }[] {
  const best = new Map<UnitForms, number>();
  for (const l of lists) for (const x of l) best.set(x.u, Math.max(best.get(x.u) ?? 0, x.score));
  return [...best.entries()]
    .map(([u, score]) => ({ u, score }))
    .sort((a, b) => b.score - a.score || a.u.index - b.u.index);
}

/** "UBND tỉnh Hưng Yên": the province, superior of every Department; never the sender on its own line. */
function isProvince(key: string): boolean {
  return /^((uy ban|hoi dong) nhan dan tinh|tinh uy)( |$)/.test(foldAccents(key));
}

function judgeHeader(lines: string[], m: Matcher): Verdict {
  const rows = lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => /\p{L}/u.test(l))
    .map((l) => ({ text: l, key: nameKey(l), ranked: m.rank(l) }));
  const namesSomething = rows.some(
    (r) =>
      readableVietnamese(r.text) && ((kindOf(r.key) !== null && !isProvince(r.key)) || r.ranked.length > 0),
  );
  const all = mergeRanks(...rows.map((r) => r.ranked));
  // From the most specific line (the issuing office, at the bottom) up to its superiors.
  let chosen: { u: UnitForms; score: number } | null = null;
  let blocked = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!row) continue;
    const hit = confident(row.ranked);
    if (!hit) {
      // An unknown body above an office ("UBND HUYỆN GIA LÂM" / "PHÒNG …"): the office is that body's,
      // not a namesake of the roster, unless the unit is known to belong to that body.
      if (
        chosen &&
        kindOf(row.key) !== null &&
        !isProvince(row.key) &&
        row.ranked[0]?.u !== chosen.u &&
        !m.groupNames(chosen.u, foldAccents(row.key))
      ) {
        blocked = true;
        chosen = null;
      }
      continue;
    }
    if (!chosen) {
      if (blocked) continue;
      chosen = hit;
      continue;
    }
    if (hit.u === chosen.u || isProvince(row.key) || m.isUnder(chosen.u, hit.u)) continue;
    // The office reports for its superior: "PHÒNG NỘI VỤ" under "UBND THỊ XÃ MỸ HÀO" is the town.
    chosen = hit;
    blocked = false;
  }
  if (blocked) return { best: null, ranked: all, namesSomething: true };
  return { best: chosen, ranked: all, namesSomething };
}

function judgeText(texts: string[], m: Matcher, loose: boolean): Verdict {
  const usable = texts.filter((t) => /\p{L}/u.test(t));
  const ranked = mergeRanks(...usable.map((t) => m.rank(t, loose)));
  const namesSomething = !loose && usable.some((t) => readableVietnamese(t) && kindOf(nameKey(t)) !== null);
  return { best: confident(ranked), ranked, namesSomething };
}

/** A file name without folder and extension, "_" as spaces. */
function fileStem(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{2,5}$/, '')
    .replace(/[_]+/g, ' ');
}

/** Sheet names that say nothing about the sender. */
const GENERIC_SHEET = /^(sheet|trang tính|trang|biểu|bieu|danh sách|danh sach|ds)\s*\d*$/i;

function result(v: Verdict, source: UnitSource): UnitMatch {
  const candidates = v.ranked.slice(0, 3).map((x) => ({ name: x.u.unit.name, score: round(x.score) }));
  if (v.best) return { unit: v.best.u.unit, confidence: round(v.best.score), candidates, source };
  return { unit: null, confidence: round(v.ranked[0]?.score ?? 0), candidates, source: null };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Identifies the sending unit. Header evidence beats a "Đơn vị:" line, which beats sheet names, which beat
 * the file name; weaker evidence is used only when the stronger names no body at all. Below
 * UNIT_CONFIDENCE_THRESHOLD, or with two units close together, `unit` is null and `candidates` holds
 * the best three for the clerk to choose from.
 */
/**
 * Matchers by roster: a merge identifies the unit of every file against the same roster. The roster's
 * content is compared each time (a cheap text), so a roster changed in place gets a new matcher.
 */
const matchers = new WeakMap<Roster, { units: RosterUnit[]; snapshot: string; matcher: Matcher }>();

function matcherFor(roster: Roster): Matcher {
  const snapshot = JSON.stringify(roster.units.map((u) => [u.name, u.aliases, u.group]));
  const hit = matchers.get(roster);
  if (
    hit &&
    hit.snapshot === snapshot &&
    hit.units.length === roster.units.length &&
    hit.units.every((u, i) => u === roster.units[i])
  ) {
    return hit.matcher;
  }
  const matcher = new Matcher(roster);
  matchers.set(roster, { units: [...roster.units], snapshot, matcher });
  return matcher;
}

export function identifyUnit(evidence: UnitEvidence, roster: Roster): UnitMatch {
  const m = matcherFor(roster);
  const steps: [UnitSource, () => Verdict][] = [
    ['header', () => judgeHeader(evidence.headerLines, m)],
    ['unit-line', () => judgeText(evidence.unitLine ? [evidence.unitLine] : [], m, false)],
    [
      'sheet',
      () =>
        judgeText(
          evidence.sheetNames.filter((s) => !GENERIC_SHEET.test(s.trim())),
          m,
          true,
        ),
    ],
    ['file-name', () => judgeText([fileStem(evidence.fileName)], m, true)],
  ];
  let fallback: Verdict | null = null;
  for (const [source, judge] of steps) {
    const v = judge();
    if (v.best) return result(v, source);
    if (v.namesSomething) {
      // Stronger evidence names a body the roster does not confirm: stop here, let the clerk choose.
      fallback = v;
      break;
    }
    if (!fallback && v.ranked.length) fallback = v;
  }
  return result(fallback ?? { best: null, ranked: [], namesSomething: false }, 'header');
}

// ---------------------------------------------------------------------------------------------------
// The header block of a sheet

const MAX_HEADER_ROWS = 8;
/** Rows to look through for a "Đơn vị: …" line (it may come just under the title). */
const MAX_UNIT_LINE_ROWS = 12;

function isNationalMotto(folded: string): boolean {
  return /^cong hoa xa hoi chu nghia/.test(folded) || /^doc lap\s*tu do\s*hanh phuc/.test(folded);
}

function isDateOrNumber(line: string, folded: string): boolean {
  if (/^so\s*:/.test(folded) || /^so\s+\S*\//.test(folded)) return true;
  if (/\bngay\b.*\bthang\b.*\bnam\b/.test(folded)) return true;
  if (/^(ngay\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(folded)) return true;
  return /^[\s\-_=.*~]+$/.test(line);
}

function isTitle(folded: string): boolean {
  return /^(danh sach|bang tong hop|bang|bieu|tong hop)\b/.test(folded);
}

function isTableHeaderRow(cells: string[]): boolean {
  return cells.some((c) => /^(stt|tt|so tt|ho va ten|ho ten)$/.test(foldAccents(c.trim().toLowerCase())));
}

/** "Đơn vị: …", "Cơ quan: …", "Tên đơn vị: …" (matched on the accent-folded line). */
const UNIT_LABEL = /^\s*(ten )?(don vi|co quan)( bao cao| gui)?\s*:\s*/i;

/**
 * The header block lines at the top left of a sheet (first rows, left half, before the title
 * "DANH SÁCH …"), without the national motto, "Số: …" and dates; and a "Đơn vị: …" line if present.
 */
export function headerBlockLines(sheet: GridSheet): { headerLines: string[]; unitLine?: string } {
  const rows = sheet.rows.slice(0, MAX_UNIT_LINE_ROWS);
  let width = 0;
  for (const row of rows.slice(0, MAX_HEADER_ROWS)) {
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--)
      if (cellText(row[c]).trim() !== '') {
        width = Math.max(width, c + 1);
        break;
      }
  }
  // A header cell merged across columns counts as its first column; "left half" = columns before the middle.
  const leftCols = width <= 2 ? width : Math.ceil(width / 2);
  const headerLines: string[] = [];
  let unitLine: string | undefined;
  let inHeader = true;
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ?? []).map((c) => cellText(c));
    if (isTableHeaderRow(cells)) break;
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c] ?? '';
      for (const raw of text.split(/\r?\n/)) {
        const line = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
        if (!line) continue;
        // NFC Vietnamese letters are single code points, so folding keeps positions
        const folded = foldAccents(line.toLowerCase());
        const label = UNIT_LABEL.exec(folded);
        if (label && unitLine === undefined) {
          const rest = line.slice(label[0].length).trim();
          if (rest) unitLine = rest;
          continue;
        }
        if (isTitle(folded)) inHeader = false;
        if (!inHeader || r >= MAX_HEADER_ROWS || c >= leftCols) continue;
        if (isNationalMotto(folded) || isDateOrNumber(line, folded)) continue;
        if (!/\p{L}/u.test(line)) continue;
        headerLines.push(line);
      }
    }
  }
  return unitLine === undefined ? { headerLines } : { headerLines, unitLine };
}
