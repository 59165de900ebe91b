/** Shared helpers for the src/io tests: encoders and small accessors. */
import { decodeSingleByte } from '../../src/io/csv';
import type { GridCell, GridSheet, GridWorkbook } from '../../src/core/grid';
import type { ReadResult } from '../../src/io/read-workbook';

/**
 * Encodes Vietnamese text to Windows-1258 the way Windows does: base letters with circumflex, breve
 * and horn precomposed (â ê ô ă ơ ư đ), tone marks as combining characters.
 */
export function encodeCp1258(text: string): Uint8Array {
  const rev = new Map<string, number>();
  const table = decodeSingleByte(
    Uint8Array.from({ length: 256 }, (_, i) => i),
    1258,
  );
  for (let b = 0; b < 256; b++) if (!rev.has(table[b])) rev.set(table[b], b);
  const out: number[] = [];
  // Each letter: decompose, put the shape marks (circumflex, breve, horn) back on the base letter,
  // and write the tone mark (grave, acute, tilde, hook, dot below) after it.
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    const tones = cluster.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
    const base = cluster.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
    for (const ch of base + tones) {
      const b = rev.get(ch);
      if (b === undefined) throw new Error(`not encodable in cp1258: ${ch}`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function sheetOf(r: ReadResult, name?: string): GridSheet {
  const wb = workbookOf(r);
  const s = name === undefined ? wb.sheets[0] : wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export function workbookOf(r: ReadResult): GridWorkbook {
  if (!r.workbook) throw new Error(`not read: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.workbook;
}

/** Cell by A1 address. */
export function at(s: GridSheet, addr: string): GridCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(addr);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[c - 1];
}

/** Values of a row, blanks as undefined, trailing blanks dropped. */
export function rowValues(s: GridSheet, r: number): (string | number | boolean | null | undefined)[] {
  const row = s.rows[r] ?? [];
  const out: (string | number | boolean | null | undefined)[] = [];
  for (let c = 0; c < row.length; c++) out.push(row[c]?.v);
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

export function countCells(wb: GridWorkbook): number {
  let n = 0;
  for (const s of wb.sheets) for (const row of s.rows) for (const c of row) if (c) n++;
  return n;
}

export function onlyIssueCode(r: ReadResult): string {
  if (r.workbook) return 'read';
  expect(r.issues).toHaveLength(1);
  return r.issues[0].code;
}
