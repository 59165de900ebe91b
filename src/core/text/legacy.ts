/**
 * Legacy Vietnamese text (TCVN3/ABC and VNI-Windows, as read through Windows-1252) to Unicode.
 * GUIDE §6: decide per cell; the font is the strongest hint, the text decides; genuine Unicode is
 * never altered.
 */
import { readCell } from './detect';
import type { LegacyEncoding } from './detect';

export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export type { Tcvn3Options } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export { detectLegacy, legacyFont } from './detect';
export type { LegacyEncoding, FontHint } from './detect';

export interface DecodedCell {
  text: string;
  encoding: LegacyEncoding | null;
}

/** Decodes one cell's text when it is legacy; otherwise returns it unchanged with encoding null. */
export function decodeCell(text: string, font?: string | null): DecodedCell {
  const r = readCell(text, font);
  return { text: r.text, encoding: r.encoding };
}
