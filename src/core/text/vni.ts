/**
 * VNI-Windows (the VNI-Times font family), written from the VNI encoding.
 *
 * Most letters are two bytes, the base letter first and then a diacritic byte ("chào" is "chaøo",
 * "ô" is "oâ"); nine letters have one byte of their own (đ ì í ỉ ĩ ị ỵ ơ ư). A spreadsheet reader
 * shows the bytes as Windows-1252 characters, which is what this module reads and writes. The
 * diacritic bytes come in a small and a capital form (ø/Ø); VNI keyboards put the capital form after a
 * capital letter, but both are read after either.
 */

/** Diacritic bytes (small forms; the capital form is the same Latin-1 letter in upper case). */
const TONE = { grave: 'ø', acute: 'ù', hook: 'û', tilde: 'õ', dot: 'ï' } as const;
/** Circumflex alone and with the five tones (after a, e, o). */
const CIRC = { none: 'â', grave: 'à', acute: 'á', hook: 'å', tilde: 'ã', dot: 'ä' } as const;
/** Breve alone and with the five tones (after a). */
const BREVE = { none: 'ê', grave: 'è', acute: 'é', hook: 'ú', tilde: 'ü', dot: 'ë' } as const;

type ToneName = keyof typeof TONE;
const TONES: ToneName[] = ['grave', 'acute', 'hook', 'tilde', 'dot'];

/** Small letters: [VNI sequence, Unicode]. Capitals are derived by upper-casing both sides. */
function smallTable(): [string, string][] {
  const t: [string, string][] = [];
  const toned = (base: string, letters: string): void => {
    // letters: the five toned forms in the order grave, acute, hook, tilde, dot
    TONES.forEach((tone, k) => t.push([base + TONE[tone], letters[k]]));
  };
  toned('a', 'àáảãạ');
  t.push(['aâ', 'â']);
  TONES.forEach((tone, k) => t.push(['a' + CIRC[tone], 'ầấẩẫậ'[k]]));
  t.push(['aê', 'ă']);
  TONES.forEach((tone, k) => t.push(['a' + BREVE[tone], 'ằắẳẵặ'[k]]));
  toned('e', 'èéẻẽẹ');
  t.push(['eâ', 'ê']);
  TONES.forEach((tone, k) => t.push(['e' + CIRC[tone], 'ềếểễệ'[k]]));
  toned('o', 'òóỏõọ');
  t.push(['oâ', 'ô']);
  TONES.forEach((tone, k) => t.push(['o' + CIRC[tone], 'ồốổỗộ'[k]]));
  // ơ is the single byte ô; its toned forms are ô + tone
  t.push(['ô', 'ơ']);
  toned('ô', 'ờớởỡợ');
  toned('u', 'ùúủũụ');
  // ư is the single byte ö
  t.push(['ö', 'ư']);
  toned('ö', 'ừứửữự');
  // i has single bytes only
  t.push(['ì', 'ì'], ['í', 'í'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị']);
  // y: four two-byte forms, ỵ is a single byte
  t.push(['yø', 'ỳ'], ['yù', 'ý'], ['yû', 'ỷ'], ['yõ', 'ỹ'], ['î', 'ỵ']);
  t.push(['ñ', 'đ']);
  return t;
}

const SMALL = smallTable();
/** Every letter, small and capital: [VNI sequence, Unicode]. */
export const VNI_TABLE: ReadonlyArray<readonly [string, string]> = [
  ...SMALL,
  ...SMALL.map(([v, u]) => [v.toUpperCase(), u.toUpperCase()] as [string, string]),
];

/** "base+mark" (either case of the mark) -> letter. */
const PAIRS = new Map<string, string>();
/** single VNI byte -> letter */
const SINGLES = new Map<string, string>();
/** Unicode letter -> VNI sequence */
const ENCODE = new Map<string, string>();

for (const [v, u] of VNI_TABLE) {
  ENCODE.set(u, v);
  if (v.length === 2) {
    const base = v[0];
    const isCapital = base !== base.toLowerCase();
    PAIRS.set(v, u);
    // the mark in the other case, after the same base letter
    const otherMark = isCapital ? v[1].toLowerCase() : v[1].toUpperCase();
    if (!PAIRS.has(base + otherMark)) PAIRS.set(base + otherMark, u);
  } else {
    SINGLES.set(v, u);
  }
}

// VNI fonts draw the diacritic bytes over the letter before them, so i and y followed by a tone byte
// look like the toned letter (i + ï shows as ị) even though VNI has single bytes for them: read them so.
for (const [base, letters] of [
  ['i', 'ìíỉĩị'],
  ['y', 'ỳýỷỹỵ'],
] as const) {
  TONES.forEach((tone, k) => {
    for (const [b, m, u] of [
      [base, TONE[tone], letters[k]],
      [base.toUpperCase(), TONE[tone].toUpperCase(), letters[k].toUpperCase()],
    ]) {
      for (const mark of [m, m === m.toLowerCase() ? m.toUpperCase() : m.toLowerCase()]) {
        if (!PAIRS.has(b + mark)) PAIRS.set(b + mark, u);
      }
    }
  });
}

/** Lookup tables by code unit: PAIR_AT[base][mark] (both < 256) and SINGLE_AT[byte], as UTF-16 code units. */
const PAIR_AT: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(256);
const SINGLE_AT = new Uint16Array(256);
for (const [pair, u] of PAIRS) {
  const b = pair.charCodeAt(0);
  (PAIR_AT[b] ??= new Uint16Array(256))[pair.charCodeAt(1)] = u.charCodeAt(0);
}
for (const [v, u] of SINGLES) SINGLE_AT[v.charCodeAt(0)] = u.charCodeAt(0);

/** VNI-Windows text (as read through Windows-1252) to Unicode NFC. Other characters pass through. */
export function decodeVni(s: string): string {
  const n = s.length;
  let i0 = 0;
  // nothing to do before the first character above ASCII that is a VNI code or follows a pair base
  while (i0 < n && s.charCodeAt(i0) < 0x80) i0++;
  if (i0 === n) return s;
  const out = new Array<number>(n);
  let o = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const row = PAIR_AT[c];
      if (row !== undefined && i + 1 < n) {
        const m = s.charCodeAt(i + 1);
        const p = m < 256 ? row[m] : 0;
        if (p) {
          out[o++] = p;
          i++;
          changed = true;
          continue;
        }
      }
      out[o++] = c;
    } else if (c < 256) {
      const row = PAIR_AT[c];
      if (row !== undefined && i + 1 < n) {
        const m = s.charCodeAt(i + 1);
        const p = m < 256 ? row[m] : 0;
        if (p) {
          out[o++] = p;
          i++;
          changed = true;
          continue;
        }
      }
      const single = SINGLE_AT[c];
      if (single) changed = true;
      out[o++] = single || c;
    } else {
      out[o++] = c;
    }
  }
  if (!changed) return s;
  out.length = o;
  return fromCodes(out);
}

/** String from UTF-16 code units, in chunks (apply has an argument limit). */
function fromCodes(codes: number[]): string {
  if (codes.length <= 4096) return String.fromCharCode(...codes);
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.slice(i, i + 4096));
  return s;
}

/** Unicode to VNI-Windows text as it appears once read through Windows-1252. Other characters pass through. */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
