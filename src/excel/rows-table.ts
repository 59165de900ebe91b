/**
 * Tổng hợp is never rewritten wholesale: the clerk sorts it, filters it, edits cells and adds rows by
 * hand. Rows are matched by the hidden key "Mã dòng", never by position —
 *   - keyed rows whose key the new model no longer has are deleted (contiguous runs in one range delete);
 *   - rows of the new model whose key is not in the table are appended (rows.add, in chunks);
 *   - rows without a key (made by hand) are never deleted;
 *   - the derived columns STT and Kiểm tra are rewritten for every row in the table's current order.
 * An empty table (Excel keeps one blank row in it) has its blank rows filled first.
 */
import { ROW_COLS } from '../core/master/data-tables';
import type { PlanValue, SheetPlan, TablePlan } from '../core/plan/write-plan';
import { addTableRows, writeBlock, writeFormatBlock } from './blocks';
import { Layout } from './columns';
import { excelValue } from './literal-text';
import type { XlValue } from './office-api';
import { lower, type TableSnap } from './snapshot';
import { applyDropdowns, autofit, formatColumns, type FormatTarget } from './table-format';
import { ensureColumns, planOfColumns, writeRows, type WriteCtx } from './table-writer';

type RowState = 'keep' | 'delete' | 'blank' | 'slot';

function isBlank(row: readonly XlValue[]): boolean {
  return row.every(
    (v) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
  );
}

function keyText(v: XlValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** What the update does, for tests and the result. */
export interface RowsUpdate {
  deleted: number;
  appended: number;
  /** Rows of the table afterwards. */
  rows: number;
}

export async function updateRowsTable(
  w: WriteCtx,
  sp: SheetPlan,
  t: TablePlan,
  snap: TableSnap,
): Promise<RowsUpdate> {
  const { req } = w;
  const ws = w.wb.worksheets.getItem(snap.sheet);
  const table = w.wb.tables.getItem(snap.name);
  const { colOf, added } = await ensureColumns(w, t, snap, table);
  const width = snap.header.length;
  const layout = new Layout(t.columns, planOfColumns(colOf, width));
  const planIdx = (h: string) => t.columns.findIndex((c) => c.header === h);
  const keyP = planIdx(ROW_COLS.key);
  const sttP = planIdx(ROW_COLS.stt);
  const checkP = planIdx(ROW_COLS.check);
  const kc = keyP >= 0 ? colOf[keyP]! : -1;

  const planByKey = new Map<string, PlanValue[]>();
  if (keyP >= 0) {
    for (const r of t.rows) {
      const k = r[keyP];
      if (typeof k === 'string' && k !== '') planByKey.set(k, r);
    }
  }

  // What becomes of each row of the table.
  const states: RowState[] = snap.rows.map((row) => {
    const k = kc >= 0 ? keyText(row[kc]) : null;
    if (k !== null) return planByKey.has(k) ? 'keep' : 'delete';
    return isBlank(row) ? 'blank' : 'keep';
  });
  if (!states.includes('keep')) {
    // Nothing stays: blank rows (or the first deleted row) are filled instead, as Excel keeps one row.
    let any = false;
    states.forEach((s, i) => {
      if (s === 'blank') {
        states[i] = 'slot';
        any = true;
      }
    });
    const d = states.indexOf('delete');
    if (!any && d >= 0) states[d] = 'slot';
  }
  const present = new Set<string>();
  snap.rows.forEach((row, i) => {
    const k = kc >= 0 ? keyText(row[kc]) : null;
    if (k !== null && states[i] === 'keep') present.add(k);
  });
  const strip = (r: PlanValue[]): PlanValue[] => r.map((v, p) => (p === sttP || p === checkP ? null : v));
  const toAppend = t.rows.filter((r) => {
    const k = keyP >= 0 ? r[keyP] : null;
    return typeof k === 'string' && k !== '' && !present.has(k);
  });

  // 1. deletes, bottom up so that the positions above stay valid
  const body = snap.headerRow + 1;
  let deleted = 0;
  for (let i = states.length - 1; i >= 0;) {
    if (states[i] !== 'delete') {
      i--;
      continue;
    }
    let start = i;
    while (start - 1 >= 0 && states[start - 1] === 'delete') start--;
    const n = i - start + 1;
    const range = ws.getRangeByIndexes(body + start, snap.firstColumn, n, width);
    await req.write(0, () => range.delete('Up'));
    deleted += n;
    i = start - 1;
  }

  // 2. the rows in their order afterwards; slots take the first new rows
  interface Final {
    key: string | null;
    values: XlValue[];
    /** The plan row written there (new rows), or null for a row that was already in the table. */
    plan: PlanValue[] | null;
  }
  const final: Final[] = [];
  let next = 0;
  const slotWrites: { at: number; row: PlanValue[] }[] = [];
  snap.rows.forEach((row, i) => {
    const s = states[i]!;
    if (s === 'delete') return;
    if (s === 'slot') {
      const r = next < toAppend.length ? toAppend[next++]! : null;
      const planRow = r ?? t.columns.map((): PlanValue => null);
      slotWrites.push({ at: final.length, row: strip(planRow) });
      final.push({
        key: r ? (r[keyP] as string) : null,
        values: layout.values(planRow).map(readBackText),
        plan: r,
      });
      return;
    }
    final.push({ key: kc >= 0 ? keyText(row[kc]) : null, values: row, plan: null });
  });
  const rest = toAppend.slice(next).map(strip);
  const firstAppended = final.length;
  for (const r of toAppend.slice(next)) {
    final.push({ key: r[keyP] as string, values: layout.values(r).map((v) => readBackText(v)), plan: r });
  }

  // 3. new rows: into the slots, then appended
  for (const s of slotWrites) await writeRows(w, ws, snap, layout, [s.row], s.at);
  await addTableRows(
    req,
    table,
    rest.map((r) => layout.values(r)),
  );
  for (const run of layout.runs) {
    await writeFormatBlock(
      req,
      ws,
      body + firstAppended,
      snap.firstColumn + run.from,
      rest.map((r) => layout.formats(r, run.from, run.to)),
    );
  }

  // 4. derived columns, for every row in the current order: STT, Kiểm tra (kept as is on hand rows)
  const derived: { p: number; value: (f: Final, n: number) => XlValue }[] = [];
  if (sttP >= 0) derived.push({ p: sttP, value: (f, n) => (isBlank(f.values) ? '' : n) });
  if (checkP >= 0) {
    const checkCol = t.columns[checkP]!;
    derived.push({
      p: checkP,
      value: (f) => {
        if (f.key === null) {
          const c = colOf[checkP]!;
          const v = f.values[c];
          return typeof v === 'string' ? excelValue(v, checkCol.numberFormat === '@') : (v ?? '');
        }
        const planRow = planByKey.get(f.key);
        return excelValue(planRow ? planRow[checkP] : null, checkCol.numberFormat === '@');
      },
    });
  }
  // columns just added to the table: their plan values on keyed rows
  for (const p of added) {
    if (p === sttP || p === checkP) continue;
    const col = t.columns[p]!;
    derived.push({
      p,
      value: (f) => {
        const planRow = f.key === null ? null : planByKey.get(f.key);
        return excelValue(planRow ? planRow[p] : null, col.numberFormat === '@');
      },
    });
  }
  const written = new Map<number, XlValue[]>();
  for (const d of derived) {
    let n = 0;
    written.set(
      colOf[d.p]!,
      final.map((f) => {
        if (!isBlank(f.values)) n++;
        return d.value(f, n);
      }),
    );
  }
  if (final.length > 0) {
    for (const [c, column] of written) {
      await writeBlock(
        req,
        ws,
        body,
        snap.firstColumn + c,
        column.map((v) => [v]),
        null,
      );
    }
  }

  // 5. bookkeeping and the look of what changed
  snap.rows = final.map((f, i) => {
    const row = [...f.values];
    for (const [c, column] of written) row[c] = readBackText(column[i]!);
    return row;
  });
  const x: FormatTarget = {
    req,
    ws,
    sp,
    t,
    colOf,
    headerRow: snap.headerRow,
    firstColumn: snap.firstColumn,
    width,
    rows: Math.max(1, final.length),
  };
  if (added.length) await formatColumns(x, added);
  await applyDropdowns(x, w);
  await autofit(x);
  w.snapshot.tables.set(lower(snap.name), snap);
  return { deleted, appended: toAppend.length, rows: final.length };
}

function readBackText(v: XlValue): XlValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}
