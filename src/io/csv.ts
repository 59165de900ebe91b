/**
 * CSV/TSV text: decoding the bytes (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1258 when
 * the bytes read as Vietnamese in it, else Windows-1252) and detecting the delimiter (comma, semicolon,
 * tab). Pure: no Node APIs. Strings are returned exactly as decoded (no trimming, no normalisation).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file began with a byte order mark (removed from `text`). */
  bom: boolean;
}

// Windows-1252 0x80-0x9F (WHATWG index: undefined bytes map to the C1 control of the same value).
const CP1252_80 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Where Windows-1258 differs from Windows-1252. */
const CP1258_DIFF: Record<number, number> = {
  0x8a: 0x008a,
  0x8e: 0x008e,
  0x9a: 0x009a,
  0x9e: 0x009e,
  0xc3: 0x0102, // Ă
  0xcc: 0x0300, // combining grave (huyền)
  0xd0: 0x0110, // Đ
  0xd2: 0x0309, // combining hook above (hỏi)
  0xd5: 0x01a0, // Ơ
  0xdd: 0x01af, // Ư
  0xde: 0x0303, // combining tilde (ngã)
  0xe3: 0x0103, // ă
  0xec: 0x0301, // combining acute (sắc)
  0xf0: 0x0111, // đ
  0xf2: 0x0323, // combining dot below (nặng)
  0xf5: 0x01a1, // ơ
  0xfd: 0x01b0, // ư
  0xfe: 0x20ab, // ₫
};

function buildTable(cp: 1252 | 1258): string[] {
  const t: string[] = new Array(256);
  for (let b = 0; b < 256; b++) {
    let u = b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : b;
    if (cp === 1258 && CP1258_DIFF[b] !== undefined) u = CP1258_DIFF[b];
    t[b] = String.fromCharCode(u);
  }
  return t;
}

let TABLE_1252: string[] | null = null;
let TABLE_1258: string[] | null = null;

/** Decodes single-byte Windows-1252 or Windows-1258 text. */
export function decodeSingleByte(bytes: Uint8Array, cp: 1252 | 1258): string {
  const table = cp === 1252 ? (TABLE_1252 ??= buildTable(1252)) : (TABLE_1258 ??= buildTable(1258));
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    let s = '';
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) s += table[bytes[j]];
    parts.push(s);
  }
  return parts.join('');
}

const COMBINING_BYTES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Letters a Vietnamese tone mark can follow, in Windows-1258 (ASCII vowels and â ê ô ă ơ ư). */
const VOWEL_BYTES = new Set(
  [...'aeiouyAEIOUY']
    .map((c) => c.charCodeAt(0))
    .concat([0xe2, 0xea, 0xf4, 0xc2, 0xca, 0xd4, 0xe3, 0xc3, 0xf5, 0xd5, 0xfd, 0xdd]),
);

/**
 * True when single-byte text reads as Vietnamese in Windows-1258: it has tone-mark bytes, and (nearly)
 * all of them follow a vowel. Text typed in TCVN3 or VNI fonts (stored as Windows-1252 characters)
 * puts those bytes after consonants and at word starts too, and is left to the legacy-font decoder.
 */
export function looksLikeCp1258(bytes: Uint8Array): boolean {
  let marks = 0;
  let afterVowel = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (COMBINING_BYTES.has(b)) {
      marks++;
      if (i > 0 && VOWEL_BYTES.has(bytes[i - 1])) afterVowel++;
    }
  }
  return marks > 0 && afterVowel >= 0.95 * marks;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeUtf16(bytes: Uint8Array, le: boolean): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i + 1 < bytes.length; i += CHUNK * 2) {
    const codes: number[] = [];
    const end = Math.min(bytes.length - 1, i + CHUNK * 2);
    for (let j = i; j < end; j += 2)
      codes.push(le ? bytes[j] | (bytes[j + 1] << 8) : (bytes[j] << 8) | bytes[j + 1]);
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes the bytes of a text file (see the module comment for the order of guesses). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  }
  if (isValidUtf8(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
  if (looksLikeCp1258(bytes))
    return { text: decodeSingleByte(bytes, 1258), encoding: 'windows-1258', bom: false };
  return { text: decodeSingleByte(bytes, 1252), encoding: 'windows-1252', bom: false };
}

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: Delimiter[] = ['\t', ';', ','];

/** Excel's "sep=;" first line, if present: the delimiter it names and the length of that line. */
export function sepLine(text: string): { delimiter: string; length: number } | null {
  const m = /^sep=(.)(\r\n|\n|\r|$)/.exec(text);
  return m ? { delimiter: m[1], length: m[0].length } : null;
}

/**
 * Counts each candidate delimiter outside quotes on the first records and picks the one that splits
 * most lines into the same number of fields. `preferTab` (for .tsv) wins any tie for tab.
 */
export function detectDelimiter(text: string, preferTab = false): Delimiter {
  const sep = sepLine(text);
  if (sep && (CANDIDATES as string[]).includes(sep.delimiter)) return sep.delimiter as Delimiter;
  const maxLines = 100;
  const counts: number[][] = CANDIDATES.map(() => []);
  let cur = CANDIDATES.map(() => 0);
  let inQuotes = false;
  let atFieldStart = true;
  let lines = 0;
  let lineHasText = false;
  const limit = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < limit && lines < maxLines; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      lineHasText = true;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (lineHasText) {
        cur.forEach((c, k) => counts[k].push(c));
        lines++;
      }
      cur = CANDIDATES.map(() => 0);
      atFieldStart = true;
      lineHasText = false;
      continue;
    }
    const k = CANDIDATES.indexOf(ch as Delimiter);
    if (k >= 0) {
      cur[k]++;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
    lineHasText = true;
  }
  if (lineHasText && lines < maxLines) cur.forEach((c, k) => counts[k].push(c));

  let best: Delimiter = preferTab ? '\t' : ',';
  let bestScore = -1;
  let bestMode = 0;
  CANDIDATES.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const c of counts[k]) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [c, n] of freq) if (n > modeLines || (n === modeLines && c > mode)) [mode, modeLines] = [c, n];
    const score = modeLines;
    const better =
      score > bestScore ||
      (score === bestScore && mode > bestMode) ||
      (score === bestScore && mode === bestMode && preferTab && d === '\t');
    if (score > 0 && better) {
      best = d;
      bestScore = score;
      bestMode = mode;
    }
  });
  return best;
}

/** An upper bound on the number of fields: delimiters plus line breaks, plus one. */
export function estimateFields(text: string, delimiter: string): number {
  let n = 1;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === 10) n++;
  }
  return n;
}

/**
 * A CSV field that Excel would take as a plain number: optional minus, no leading zero (so phone
 * numbers and codes like "0912..." stay text), at most 15 significant digits, optional ".fraction".
 * Anything else (dates, "1,5", "1.234.567") stays text for the validator to judge.
 */
export function plainNumber(s: string): number | null {
  if (!/^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/.test(s)) return null;
  const digits = s.replace(/[-.]/g, '').replace(/^0+/, '');
  if (digits.length > 15) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
