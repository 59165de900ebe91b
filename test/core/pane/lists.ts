/**
 * Returned lists for the task-pane tests: the realistic layouts of test/support/returned-list.ts as a
 * neutral grid (merges kept), with header texts changed the way units change them.
 */
import type { CellRange, GridCell, GridWorkbook } from '../../../src/core/grid';
import { layoutList, type ListOptions } from '../../support/returned-list';

function decodeRange(ref: string): CellRange {
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad cell ${s}`);
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const [a, b] = ref.split(':');
  return { s: cell(a!), e: cell(b ?? a!) };
}

/**
 * The list as a grid; `headers` renames header texts (on both header rows) — a new text, or null for a
 * header left blank.
 */
export function listGrid(
  fileName: string,
  o: ListOptions,
  headers: Record<string, string | null> = {},
  sheetName = 'Danh sách',
): GridWorkbook {
  const L = layoutList(o);
  const headerRows = (o.header ?? 'two-row') === 'two-row' ? [L.headerRow, L.headerRow + 1] : [L.headerRow];
  const rows = L.rows.map((r, ri) =>
    r.map((v): GridCell | undefined => {
      if (headerRows.includes(ri) && typeof v === 'string' && v in headers) v = headers[v]!;
      return v === null || v === undefined ? undefined : { v, w: String(v) };
    }),
  );
  return {
    fileName,
    format: 'xlsx',
    sheets: [{ name: sheetName, visibility: 'visible', rows, merges: L.merges.map(decodeRange) }],
  };
}
