/**
 * TCVN3 (TCVN 5712:1993 VN3, "ABC"; the .VnTime font family), written from the standard.
 *
 * A cell typed in a .Vn* font holds one byte per letter, and a spreadsheet reader shows those bytes
 * as Windows-1252 characters: "Việt" arrives as "ViÖt", "ư" as the soft hyphen U+00AD. TCVN3 has
 * no code for an accented capital other than Ă Â Ê Ô Ơ Ư Đ: capitals come from the "...H" fonts
 * (.VnTimeH, .VnArialH), which draw every code, the lower-case ones included, as a capital.
 * So a decoder gives lower-case letters, and capitals when told that the font is an H font.
 */

/** [byte, Unicode letter]: the 74 letter codes of TCVN3. Bytes read as cp1252 are the same code points. */
// prettier-ignore
const TABLE: ReadonlyArray<readonly [number, string]> = [
  // capitals with their own code
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  // small letters without tone
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  // a: huyền, hỏi, ngã, sắc, nặng
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];

/** DECODE[code point] = letter, for code points 0..255 (undefined: passes through). */
const DECODE: (string | undefined)[] = new Array<string | undefined>(256);
/** The same as UTF-16 code units (0: passes through). */
const DECODE_AT = new Uint16Array(256);
/** Unicode letter -> cp1252 character of its TCVN3 code. */
const ENCODE = new Map<string, string>();

for (const [byte, ch] of TABLE) {
  DECODE[byte] = ch;
  DECODE_AT[byte] = ch.charCodeAt(0);
  ENCODE.set(ch, String.fromCharCode(byte));
}
// Accented capitals without a code of their own share the small letter's code (lossy).
for (const [byte, ch] of TABLE) {
  const up = ch.toUpperCase();
  if (up !== ch && !ENCODE.has(up)) ENCODE.set(up, String.fromCharCode(byte));
}

/** The TCVN3 letter codes and what they stand for (for tests and tooling). */
export const TCVN3_TABLE = TABLE;

/** True when the code point is a TCVN3 letter code (other than plain ASCII). */
export function isTcvn3LetterCode(cp: number): boolean {
  return cp < 256 && DECODE[cp] !== undefined;
}

export interface Tcvn3Options {
  /** The cell's font is an H font (.VnTimeH, .VnArialH): every letter is a capital. */
  upper?: boolean;
}

/** TCVN3 text (as read through Windows-1252) to Unicode NFC. Characters that are not letter codes pass through. */
export function decodeTcvn3(s: string, opts: Tcvn3Options = {}): string {
  const n = s.length;
  let out = s;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xa1 && c < 256 && DECODE_AT[c]) {
      // something to decode: from here on, build the new text
      const codes = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        const x = s.charCodeAt(j);
        codes[j] = (x < 256 && DECODE_AT[x]) || x;
      }
      out = codes.length <= 4096 ? String.fromCharCode(...codes) : chunked(codes);
      break;
    }
  }
  return opts.upper ? out.toUpperCase() : out;
}

function chunked(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.slice(i, i + 4096));
  return s;
}

/**
 * Unicode to TCVN3 text as it appears once read through Windows-1252. Accented capitals other than
 * Ă Â Ê Ô Ơ Ư Đ become the small letter's code, as UniKey does (TCVN3 cannot say more).
 */
export function encodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
