/**
 * Request payloads: Excel for the web refuses a request (and a response) over 5 MB. The gateway
 * estimates what each queued operation sends — the JSON of its values / number formats, plus a fixed
 * overhead for the operation itself — and splits large writes by rows so that every request stays under
 * a budget with a margin below the limit.
 */
import type { XlValue } from './office-api';

/** Excel for the web's limit on one request. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** What the gateway allows itself per request: a 10 % margin under the limit. */
export const REQUEST_BUDGET = Math.floor(4.5 * 1024 * 1024);
/**
 * Bytes one action costs besides its data: the action itself and the object path it acts on (ids,
 * method and property names, the arguments of getRangeByIndexes …), as Office.js serializes them —
 * 250 to 350 bytes for setting a format property of a range.
 */
export const OP_OVERHEAD = 320;

/** Bytes of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value in a JSON request. */
export function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? 'null');
}

/** Bytes of one row of a 2D array in JSON (with its separating comma). */
export function rowBytes(row: readonly (XlValue | string)[]): number {
  return jsonBytes(row) + 1;
}

/** Bytes of a whole 2D array in JSON. */
export function gridBytes(rows: readonly (readonly (XlValue | string)[])[]): number {
  if (rows.length === 0) return 2;
  let n = 1; // "[" … "]": each row brings its comma, the last one's stands for the "]"
  for (const r of rows) n += rowBytes(r);
  return n;
}

export interface Chunk {
  start: number;
  end: number;
  bytes: number;
}

/**
 * Splits rows [0, costs.length) into consecutive chunks whose cost (the sum of the rows' costs plus
 * `fixed`) stays within `budget`; a row costlier than the budget goes alone in its chunk.
 */
export function splitByCost(costs: readonly number[], budget: number, fixed = OP_OVERHEAD): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  let bytes = fixed;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i]!;
    if (i > start && bytes + c > budget) {
      out.push({ start, end: i, bytes });
      start = i;
      bytes = fixed;
    }
    bytes += c;
  }
  if (costs.length > start) out.push({ start, end: costs.length, bytes });
  return out;
}
