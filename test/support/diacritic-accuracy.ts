/**
 * The viparse-corpus metric (shared/corpora/vn_gov_spreadsheets_legacy/upstream_METRIC.md), ported
 * from its reference implementation `scripts/score.py`: NFC, whitespace collapsed, segments paired
 * with difflib.SequenceMatcher (autojunk off), characters aligned on base letters, and each
 * diacritic-bearing character of the truth counted as recovered when the aligned character is the
 * same. One addition, as our issue asks: both sides may be lower-cased first (`ignoreCase`), since
 * TCVN3 capitals depend on the font run and the transcripts' case was fixed by hand.
 */

import fs from 'fs';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import type { GridCell, GridWorkbook } from '../../src/core/grid';
import { cellText } from '../../src/core/grid';
import { decodeWorkbook } from '../../src/core/text/decode-workbook';
import { decodeCell, decodeTcvn3, decodeVni } from '../../src/core/text/legacy';
import { beyondWindows1252, isVietnameseSyllable } from '../../src/core/text/detect';
import { corpusPath } from './corpus';

/** Python's str.isspace() set (what `\s` and str.split()/strip() use on str). */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ALL_WS = new RegExp(`[${WS}]+`, 'g');
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const SEGMENT = new RegExp(`(?<=[.;:!?])[${WS}]+`);

/** A port of difflib.SequenceMatcher(None, a, b, autojunk=False): matching blocks and opcodes. */
export class SequenceMatcher<T> {
  private readonly b2j = new Map<T, number[]>();
  private readonly rowA: Int32Array;
  private readonly rowB: Int32Array;

  constructor(
    private readonly a: readonly T[],
    private readonly b: readonly T[],
  ) {
    this.rowA = new Int32Array(b.length + 1);
    this.rowB = new Int32Array(b.length + 1);
    b.forEach((x, j) => {
      const l = this.b2j.get(x);
      if (l) l.push(j);
      else this.b2j.set(x, [j]);
    });
  }

  /** Longest matching block in a[alo:ahi] and b[blo:bhi]; ties go to the earliest in a, then in b. */
  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    const { a, b } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    // j2len[j + 1] = length of the match ending at a[i-1], b[j]; rows kept in two arrays, and only
    // the entries set in a row are cleared (difflib keeps a fresh dict per row: same values).
    let prev = this.rowA;
    let next = this.rowB;
    let prevSet: number[] = [];
    let nextSet: number[] = [];
    for (let i = alo; i < ahi; i++) {
      const js = this.b2j.get(a[i]);
      if (js) {
        for (const j of js) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = prev[j] + 1;
          next[j + 1] = k;
          nextSet.push(j + 1);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      for (const x of prevSet) prev[x] = 0;
      prevSet.length = 0;
      [prev, next] = [next, prev];
      [prevSet, nextSet] = [nextSet, prevSet];
    }
    for (const x of prevSet) prev[x] = 0;
    // No junk: these extensions are those of difflib, kept for fidelity.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize])
      bestsize++;
    return [besti, bestj, bestsize];
  }

  getMatchingBlocks(): [number, number, number][] {
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: [number, number, number][] = [];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      const [i, j, k] = x;
      if (k) {
        blocks.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    const out: [number, number, number][] = [];
    let [i1, j1, k1] = [0, 0, 0];
    for (const [i2, j2, k2] of blocks) {
      if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
      else {
        if (k1) out.push([i1, j1, k1]);
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) out.push([i1, j1, k1]);
    out.push([la, lb, 0]);
    return out;
  }

  getOpcodes(): [string, number, number, number, number][] {
    let i = 0;
    let j = 0;
    const answer: [string, number, number, number, number][] = [];
    for (const [ai, bj, size] of this.getMatchingBlocks()) {
      let tag = '';
      if (i < ai && j < bj) tag = 'replace';
      else if (i < ai) tag = 'delete';
      else if (j < bj) tag = 'insert';
      if (tag) answer.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) answer.push(['equal', ai, i, bj, j]);
    }
    return answer;
  }
}

/** NFC, all whitespace collapsed to single spaces, stripped. METRIC.md §Preprocessing. */
export function normalise(text: string): string {
  return text.normalize('NFC').replace(ALL_WS, ' ').replace(TRIM, '');
}

const MAX_JOINED_REGION = 4000;

const cps = (s: string): string[] => Array.from(s);

function pairChangedRegion(predLines: string[], truthLines: string[]): [string, string][] {
  const predText = predLines.join('\n');
  const truthText = truthLines.join('\n');
  const pl = cps(predText);
  const tl = cps(truthText);
  if (Math.max(pl.length, tl.length) <= MAX_JOINED_REGION) return [[predText, truthText]];
  const chunks = Math.max(1, Math.floor(tl.length / MAX_JOINED_REGION) + 1);
  const truthStep = Math.max(1, Math.floor(tl.length / chunks));
  const predStep = Math.max(1, Math.floor(pl.length / chunks));
  const out: [string, string][] = [];
  for (let i = 0; i < chunks; i++) {
    out.push([
      pl.slice(i * predStep, (i + 1) * predStep).join(''),
      tl.slice(i * truthStep, (i + 1) * truthStep).join(''),
    ]);
  }
  return out;
}

/** Segments on sentence punctuation, paired with SequenceMatcher; changed regions joined. */
function alignedLinePairs(pred: string, truth: string): [string, string][] {
  const truthLines = truth.split(SEGMENT);
  const predLines = pred.split(SEGMENT);
  const m = new SequenceMatcher(truthLines, predLines);
  const pairs: [string, string][] = [];
  for (const [tag, t1, t2, p1, p2] of m.getOpcodes()) {
    if (tag === 'equal')
      for (let k = 0; k < t2 - t1; k++) pairs.push([predLines[p1 + k], truthLines[t1 + k]]);
    else pairs.push(...pairChangedRegion(predLines.slice(p1, p2), truthLines.slice(t1, t2)));
  }
  return pairs;
}

const bearingCache = new Map<string, boolean>();
/** A letter whose identity depends on a diacritic: decomposes to a combining mark, or đ/Đ. */
export function isDiacriticBearing(ch: string): boolean {
  let r = bearingCache.get(ch);
  if (r === undefined) {
    r = ch === '\u0111' || ch === '\u0110' || /\p{Mn}/u.test(ch.normalize('NFD'));
    bearingCache.set(ch, r);
  }
  return r;
}

/** Diacritics stripped (NFD, category Mn removed, đ -> d), as code points. */
function baseLetters(text: string): string[] {
  return cps(
    text
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .normalize('NFD')
      .replace(/\p{Mn}/gu, ''),
  );
}

export interface AccuracyScore {
  /** recovered diacritic-bearing characters / all of them (null when the truth has none) */
  diacritic: number | null;
  correct: number;
  /** diacritic-bearing characters in the truth */
  positions: number;
  /** matched characters / truth length */
  char: number;
  truthChars: number;
}

export interface AccuracyOptions {
  /** Lower-case both sides after normalising (TCVN3 capitals depend on the font run). Default true. */
  ignoreCase?: boolean;
}

/** diacritic_accuracy (and char_accuracy) of one document, as score.py's score_pair computes them. */
export function scorePair(predRaw: string, truthRaw: string, opts: AccuracyOptions = {}): AccuracyScore {
  let pred = normalise(predRaw);
  let truth = normalise(truthRaw);
  if (opts.ignoreCase !== false) {
    pred = pred.toLowerCase();
    truth = truth.toLowerCase();
  }
  const pairs = alignedLinePairs(pred, truth);
  let total = 0;
  let correct = 0;
  let matched = 0;
  for (const [predLine, truthLine] of pairs) {
    const t = cps(truthLine);
    if (predLine === truthLine) {
      const n = t.filter(isDiacriticBearing).length;
      total += n;
      correct += n;
      matched += t.length;
      continue;
    }
    const p = cps(predLine);
    matched += new SequenceMatcher(t, p).getMatchingBlocks().reduce((s, b) => s + b[2], 0);
    const m = new SequenceMatcher(baseLetters(truthLine), baseLetters(predLine));
    const alignedAt = new Map<number, number>();
    for (const [a, b, size] of m.getMatchingBlocks())
      for (let o = 0; o < size; o++) alignedAt.set(a + o, b + o);
    t.forEach((ch, ti) => {
      if (!isDiacriticBearing(ch)) return;
      total++;
      const pi = alignedAt.get(ti);
      if (pi !== undefined && pi < p.length && p[pi] === ch) correct++;
    });
  }
  const truthChars = cps(truth).length;
  return {
    diacritic: total ? correct / total : null,
    correct,
    positions: total,
    char: truthChars ? matched / truthChars : pred ? 0 : 1,
    truthChars,
  };
}

// ---------------------------------------------------------------------------------------------
// The legacy spreadsheet corpus (shared/corpora/vn_gov_spreadsheets_legacy): read, decode, render,
// score against the ground-truth transcripts.

export const LEGACY_CORPUS = 'corpora/vn_gov_spreadsheets_legacy';

export interface CorpusFile {
  /** path relative to the corpus folder, e.g. corpus/public-domain/tcvn3/2005-FDILangson.xls */
  rel: string;
  name: string;
  /** encoding according to upstream provenance: tcvn3, vni or tcvn3+vni */
  encoding: string;
  truthPath: string;
}

export function legacyCorpusFiles(): CorpusFile[] {
  const root = corpusPath(LEGACY_CORPUS);
  const lines = fs.readFileSync(path.join(root, 'FILES.tsv'), 'utf8').split('\n').filter(Boolean);
  const head = lines[0].split('\t');
  const col = (n: string): number => head.findIndex((h) => h.startsWith(n));
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    const rel = f[col('local_path')];
    return {
      rel,
      name: path.basename(rel, '.xls'),
      encoding: f[col('encoding')],
      truthPath: path.join(root, f[col('ground_truth')]),
    };
  });
}

/** Reads a workbook with SheetJS into the neutral grid (no font names: SheetJS does not give them for .xls). */
export function readWithSheetJs(bytes: Uint8Array, fileName: string): GridWorkbook {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  return {
    fileName,
    format: 'xls',
    sheets: wb.SheetNames.map((name) => {
      const ws = wb.Sheets[name];
      const rows: (GridCell | undefined)[][] = [];
      if (ws['!ref']) {
        const range = XLSX.utils.decode_range(ws['!ref']);
        for (let r = 0; r <= range.e.r; r++) {
          const row: (GridCell | undefined)[] = [];
          for (let c = 0; c <= range.e.c; c++) {
            const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
            if (!cell || cell.t === 'z') continue;
            const v = cell.t === 'e' ? null : ((cell.v ?? null) as GridCell['v'] | Date);
            row[c] = {
              v: v instanceof Date ? v.toISOString() : v,
              w: cell.w ?? (typeof v === 'string' ? v : undefined),
            };
          }
          rows[r] = row;
        }
      }
      return { name, visibility: 'visible' as const, rows, merges: [] };
    }),
  };
}

export type WorkbookReader = (bytes: Uint8Array, fileName: string) => GridWorkbook | null;

/** A number as the transcripts show it (Python's '%.10g'). */
export function pyG10(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= 10) {
    const [m, e] = n.toExponential(9).split('e');
    const ev = Number(e);
    return `${strip(m)}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return strip(n.toFixed(Math.max(0, 9 - exp)));
}

/** The ground-truth layout: one line per row, cells joined by tabs, sheet after sheet; numbers as '%.10g'. */
export function transcript(wb: GridWorkbook): string {
  const lines: string[] = [];
  for (const sheet of wb.sheets) {
    let width = 0;
    for (const row of sheet.rows) if (row && row.length > width) width = row.length;
    for (const row of sheet.rows) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row?.[c];
        cells.push(typeof cell?.v === 'number' ? pyG10(cell.v) : cellText(cell));
      }
      lines.push(cells.join('\t'));
    }
  }
  return lines.join('\n');
}

/** Words of a text that carry a letter above ASCII and are not Vietnamese syllables. */
function illFormedWords(text: string): number {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((w) => /[^ -~]/.test(w) && !isVietnameseSyllable(w))
    .length;
}

export interface TruthCorrections {
  text: string;
  /** transcript cells put back to the plain Unicode the file holds */
  unicodeKept: number;
  /** transcript cells that were a legacy cell decoded with the other table, replaced by its own table's reading */
  otherTable: number;
}

/**
 * Upstream's transcripts have two kinds of cells that are provably wrong, both in the files upstream marks
 * "tcvn3+vni":
 *
 * 1. A cell in a legacy font that holds Unicode typed later, transcribed as that Unicode decoded again
 *    ("Ủy ban nhân dân" as "ủy ban nhõn dõn", "công" as "cơng"). The cell has characters no legacy font can
 *    hold (beyond Windows-1252) and every word of it is well-formed Vietnamese as it stands: GUIDE §6 keeps
 *    it as it is. It is put back as the file has it.
 * 2. A TCVN3 cell transcribed through the VNI table, or a VNI cell through the TCVN3 table ("Sù nghiÖp
 *    KHCN", .VnTime, transcribed "sù nghiưp khcn"; "So víi tæng xuÊt khÈu" as "so víi tỉng xŭt khèu"). The
 *    transcript cell is exactly the other table's reading of the cell's bytes, that reading leaves words that
 *    are not Vietnamese, and the cell's own table leaves none. It is replaced by the own table's reading.
 *
 * A transcript cell is replaced only when it equals (NFC, spacing, case folded) the wrong reading of a cell
 * of the file; nothing else is touched, so any other difference still counts against us.
 */
export function correctedTruth(truth: string, source: GridWorkbook): TruthCorrections {
  const key = (t: string): string => normalise(t).toLowerCase();
  const back = new Map<string, { text: string; kind: 'unicodeKept' | 'otherTable' }>();
  for (const sheet of source.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (typeof cell?.v !== 'string' || !/[^ -~]/.test(cell.v)) continue;
        const u = cell.v;
        if (beyondWindows1252(u)) {
          if (decodeCell(u).text !== u) continue; // a mixed legacy cell, not plain Unicode
          for (const c of [decodeTcvn3(u), decodeTcvn3(u, { upper: true }), decodeVni(u)])
            if (key(c) !== key(u)) back.set(key(c), { text: u, kind: 'unicodeKept' });
          continue;
        }
        const own = decodeCell(u, cell.font);
        if (!own.encoding || illFormedWords(own.text) > 0) continue;
        const wrong =
          own.encoding === 'tcvn3' ? [decodeVni(u)] : [decodeTcvn3(u), decodeTcvn3(u, { upper: true })];
        for (const w of wrong)
          if (key(w) !== key(own.text) && illFormedWords(w) > 0)
            back.set(key(w), { text: own.text, kind: 'otherTable' });
      }
    }
  }
  const counts = { unicodeKept: 0, otherTable: 0 };
  const text = truth
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((c) => {
          const b = back.get(key(c));
          if (b === undefined) return c;
          counts[b.kind]++;
          return b.text;
        })
        .join('\t'),
    )
    .join('\n');
  return { text, ...counts };
}

export interface FileAccuracy extends AccuracyScore {
  file: CorpusFile;
  /** the same figures against the transcript with its provably wrong cells corrected (correctedTruth) */
  corrected: AccuracyScore & { unicodeKept: number; otherTable: number };
  /** the corrected transcript */
  correctedText: string;
  /** decoded cells per encoding */
  cells: { tcvn3: number; vni: number };
  text: string;
}

/** Reads, decodes and scores every corpus file. */
export function measureLegacyCorpus(
  read: WorkbookReader = readWithSheetJs,
  opts: AccuracyOptions = {},
): FileAccuracy[] {
  const root = corpusPath(LEGACY_CORPUS);
  return legacyCorpusFiles().map((file) => {
    const bytes = fs.readFileSync(path.join(root, file.rel));
    const wb = read(new Uint8Array(bytes), path.basename(file.rel));
    const cells = { tcvn3: 0, vni: 0 };
    let text = '';
    const truth = fs.readFileSync(file.truthPath, 'utf8');
    let corrected: TruthCorrections = { text: truth, unicodeKept: 0, otherTable: 0 };
    if (wb) {
      corrected = correctedTruth(truth, wb);
      const decoded = decodeWorkbook(wb);
      text = transcript(decoded.workbook);
      for (const s of decoded.converted) {
        cells.tcvn3 += s.byEncoding.tcvn3;
        cells.vni += s.byEncoding.vni;
      }
    }
    const raw = scorePair(text, truth, opts);
    const fixed = corrected.text === truth ? raw : scorePair(text, corrected.text, opts);
    const { unicodeKept, otherTable } = corrected;
    return {
      file,
      cells,
      text,
      corrected: { ...fixed, unicodeKept, otherTable },
      correctedText: corrected.text,
      ...raw,
    };
  });
}

/** Overall figure: recovered positions over all positions (score.py's aggregate, weighted by positions). */
export function overall(scores: AccuracyScore[]): number {
  const pos = scores.reduce((s, x) => s + x.positions, 0);
  return pos ? scores.reduce((s, x) => s + x.correct, 0) / pos : 1;
}
