/**
 * Large writes, split by rows so that every request stays under the payload budget: 2D values with
 * their number formats (formats first, so that text columns are text before the text arrives), rows
 * added to a table, and cells of one column.
 */
import { OP_OVERHEAD, rowBytes, splitByCost } from './chunking';
import type { Table, Worksheet, XlValue } from './office-api';
import type { Requests } from './requests';

/**
 * Writes `values` (and `formats` before them) with its top-left cell at (row, col) of the sheet.
 * Rows go in chunks; each chunk's formats and values fit in one request.
 */
export async function writeBlock(
  req: Requests,
  ws: Worksheet,
  row: number,
  col: number,
  values: XlValue[][],
  formats: string[][] | null,
): Promise<void> {
  if (values.length === 0 || values[0]!.length === 0) return;
  const width = values[0]!.length;
  const vCost = values.map(rowBytes);
  const fCost = formats ? formats.map(rowBytes) : null;
  const costs = vCost.map((v, i) => v + (fCost ? fCost[i]! : 0));
  for (const ch of splitByCost(costs, req.limit - 3 * OP_OVERHEAD, 4 + (formats ? 4 : 0))) {
    const n = ch.end - ch.start;
    const range = ws.getRangeByIndexes(row + ch.start, col, n, width);
    if (formats && fCost) {
      const f = formats.slice(ch.start, ch.end);
      let b = 2;
      for (let i = ch.start; i < ch.end; i++) b += fCost[i]!;
      // formats and values of a chunk go in the same request when they fit in what is left of it
      if (req.queued > 0 && req.room < ch.bytes + 3 * OP_OVERHEAD) await req.sync();
      await req.write(b, () => {
        range.numberFormat = f;
      });
    }
    const v = values.slice(ch.start, ch.end);
    let b = 2;
    for (let i = ch.start; i < ch.end; i++) b += vCost[i]!;
    await req.write(b, () => {
      range.values = v;
    });
  }
}

/** Appends rows to a table (rows.add), in chunks under the budget. */
export async function addTableRows(req: Requests, table: Table, values: XlValue[][]): Promise<void> {
  if (values.length === 0) return;
  const costs = values.map(rowBytes);
  for (const ch of splitByCost(costs, req.limit - 2 * OP_OVERHEAD, 2)) {
    const v = values.slice(ch.start, ch.end);
    await req.write(ch.bytes, () => {
      table.rows.add(null, v);
    });
  }
}

/** Number formats alone (of rows that rows.add has just written), in chunks under the budget. */
export async function writeFormatBlock(
  req: Requests,
  ws: Worksheet,
  row: number,
  col: number,
  formats: string[][],
): Promise<void> {
  if (formats.length === 0 || formats[0]!.length === 0) return;
  const width = formats[0]!.length;
  for (const ch of splitByCost(formats.map(rowBytes), req.limit - 2 * OP_OVERHEAD, 2)) {
    const f = formats.slice(ch.start, ch.end);
    const range = ws.getRangeByIndexes(row + ch.start, col, ch.end - ch.start, width);
    await req.write(ch.bytes, () => {
      range.numberFormat = f;
    });
  }
}
