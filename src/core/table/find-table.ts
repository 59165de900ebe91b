/**
 * Finding the nominee table in a sheet, the way a careful clerk would: skip the header block and title,
 * find the header row (one row, or two merged rows with a parent such as "Thành tích" over "Lĩnh vực"
 * and "Tóm tắt thành tích"), map its columns to the schema's fields, then read the rows beneath —
 * skipping the numbering row, section rows (which give the type of the rows under them), blank rows and
 * repeated headers, and stopping at the footnotes and signature block or at a second table.
 * Linear in the size of the sheet.
 */
import type { GridCell, GridSheet } from '../grid';
import { cellText, colLetters } from '../grid';
import { makeIssue, type Issue } from '../issues';
import type { FieldDef, TableSchema } from '../schema/types';
import {
  assignFields,
  buildMatcher,
  isRowNumberHeader,
  keyOf,
  scoreColumn,
  type FieldMatcher,
  type FieldScore,
} from './header-match';
import { classifyRow, isNumberingRow, type RowCell, type RowShape } from './row-kinds';
import { loaiField, loaiFromText } from './sheet-loai';
import { collapseSpaces } from '../text/spaces';
import type { ColumnMapping, FoundTable, SkippedRow, TableRow } from './types';

export interface FindTableContext {
  file: string;
  /** The type the sheet name gives ("Tập thể" for a sheet named "DS tap the"), if any. */
  sheetLoai?: string;
  /**
   * The clerk's mapping of some columns (0-based column → field name, or null for no field), used
   * instead of the header matcher's for those columns: a listed column holds that field (whatever its
   * header says, even a blank one), and no other column may take that field. The header row is still
   * the row whose texts read most like a header; a column given the name field makes a row with text
   * in that column a candidate even when its header says nothing the matcher knows.
   */
  columnFields?: ReadonlyMap<number, string | null>;
}

/** Rows searched for the header. */
export const HEADER_SCAN_ROWS = 40;
/** Widest header considered. */
const MAX_HEADER_COLS = 256;
/** Longest text read as a column header. */
const MAX_HEADER_TEXT = 120;
/** Blank rows after which the list is over, whatever follows. */
const LONG_GAP = 20;
/** Blank rows after which a title-like line starts another table. */
const TITLE_GAP = 3;
/** Key of a cell for lookups; Excel has at most 16384 columns. */
const W = 16384;

interface Anchor {
  r: number;
  c: number;
}

interface HeaderCol {
  col: number;
  /** Text as shown: "Thành tích / Lĩnh vực" for a child under its parent. */
  header: string;
  /** Row the column's own text is on. */
  row: number;
  /** Parent and child texts of a two-row header ("" when the column has one text). */
  parent: string;
  child: string;
  key: string;
  rowNumber: boolean;
  scores: FieldScore[];
  /** The matcher's own scores (differ from `scores` where the clerk chose the column's field). */
  auto: FieldScore[];
}

interface HeaderCandidate {
  rows: number[];
  cols: HeaderCol[];
  assigned: Map<number, FieldScore>;
  distinct: number;
  total: number;
  nameScore: number;
  /** Distinct header keys of a one-row candidate (0 for a two-row one, whose keys wait until it wins). */
  texts: number;
}

/** Matchers by schema object (a schema is treated as immutable: an edited schema is a new object). */
const matchers = new WeakMap<TableSchema, FieldMatcher>();

function matcherFor(schema: TableSchema): FieldMatcher {
  let m = matchers.get(schema);
  if (!m) {
    m = buildMatcher(schema);
    matchers.set(schema, m);
  }
  return m;
}

/** The field that names the nominee: the first required string field ("ten"). */
export function nameFieldOf(schema: TableSchema): FieldDef | undefined {
  return (
    schema.fields.find((f) => f.type === 'string' && f.constraints?.required && !f.requiredIf) ??
    schema.fields.find((f) => f.type === 'string') ??
    schema.fields[0]
  );
}

const clean = collapseSpaces;

function textAt(sheet: GridSheet, r: number, c: number): string {
  return clean(cellText(sheet.rows[r]?.[c]));
}

/** Finds the nominee table; null when no row looks like a header with a name column. */
export function findTable(sheet: GridSheet, schema: TableSchema, ctx: FindTableContext): FoundTable | null {
  const matcher = matcherFor(schema);
  const nameField = nameFieldOf(schema);
  if (!nameField) return null;
  const fieldOrder = schema.fields.map((f) => f.name);
  const nRows = sheet.rows.length;
  const overrides = ctx.columnFields;
  /** Fields the clerk gave to a column: no other column takes them. */
  const forced = new Set<string>();
  for (const f of overrides?.values() ?? []) if (f !== null) forced.add(f);
  const scanEnd = Math.min(nRows, HEADER_SCAN_ROWS);

  // merged cells of the header region: covered cell → its merge's top-left
  const anchors = new Map<number, Anchor>();
  const mergeEnd: number[] = [];
  for (const m of sheet.merges) {
    if (m.s.r > scanEnd) continue;
    for (let r = m.s.r; r <= Math.min(m.e.r, scanEnd + 1); r++)
      mergeEnd[r] = Math.max(mergeEnd[r] ?? 0, m.e.c + 1);
    for (let r = m.s.r; r <= Math.min(m.e.r, scanEnd + 1); r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, m.s.c + MAX_HEADER_COLS); c++) {
        anchors.set(r * W + c, { r: m.s.r, c: m.s.c });
      }
    }
  }
  const anchorOf = (r: number, c: number): Anchor => anchors.get(r * W + c) ?? { r, c };
  const resolved = (r: number, c: number): { text: string; a: Anchor } => {
    const a = anchorOf(r, c);
    return { text: textAt(sheet, a.r, a.c), a };
  };

  const headerKeyOf = (header: string): string =>
    header.length > MAX_HEADER_TEXT ? header : keyOf(header, matcher);

  const evaluate = (r: number, twoRow: boolean): HeaderCandidate => {
    const width = Math.min(
      MAX_HEADER_COLS,
      Math.max(
        sheet.rows[r]?.length ?? 0,
        twoRow ? (sheet.rows[r + 1]?.length ?? 0) : 0,
        widestMergeEnd(r, twoRow),
      ),
    );
    const cols: HeaderCol[] = [];
    for (let c = 0; c < width; c++) {
      const top = resolved(r, c);
      // a cell merged down from a row above belongs to that row's header, not to this one
      const topText = top.a.c === c && top.a.r === r ? top.text : '';
      let header = topText;
      let row = r;
      let parent = '';
      let child = '';
      if (twoRow) {
        const bottom = resolved(r + 1, c);
        if (bottom.a.r <= r) {
          // merged down from the top row: a single header over both rows
        } else if (bottom.text && bottom.a.c === c) {
          parent = top.text;
          child = bottom.text;
          header = parent ? `${parent} / ${child}` : child;
          row = r + 1;
        } else if (bottom.text) header = '';
      }
      if (!header) continue;
      let rowNumber = isRowNumberHeader(child || header, matcher);
      // a header is short; long texts (a title, a note, a nominee's achievements) are not scored
      const auto =
        rowNumber || header.length > MAX_HEADER_TEXT
          ? []
          : child
            ? scoreColumn(parent, child, matcher)
            : scoreColumn(header, '', matcher);
      let scores = auto;
      const given = overrides?.get(c);
      if (given !== undefined) {
        // the clerk's choice: that field for sure, or none
        if (given !== null) rowNumber = false;
        scores = given === null ? [] : [{ field: given, score: 1 }];
      } else if (forced.size > 0) {
        scores = auto.filter((s) => !forced.has(s.field));
      }
      cols.push({
        col: c,
        header,
        row,
        parent,
        child,
        // a two-row candidate's keys are worked out only if it wins (see headerKeyOf)
        key: twoRow ? '' : headerKeyOf(header),
        rowNumber,
        scores,
        auto,
      });
    }
    const assigned = assignFields(cols, fieldOrder);
    // How much the row reads like a header is the matcher's own view, whatever the clerk chose (a
    // data row with text in every chosen column is no header); the name column is the clerk's.
    const ranked = overrides
      ? assignFields(
          cols.map((h) => ({ col: h.col, scores: h.auto })),
          fieldOrder,
        )
      : assigned;
    let total = 0;
    let nameScore = 0;
    for (const s of ranked.values()) total += s.score;
    for (const s of assigned.values()) if (s.field === nameField.name) nameScore = s.score;
    // (read of one-row candidates only)
    const texts = twoRow ? 0 : new Set(cols.map((c) => c.key)).size;
    return {
      rows: twoRow ? [r, r + 1] : [r],
      cols,
      assigned,
      distinct: ranked.size,
      total,
      nameScore,
      texts,
    };
  };

  function widestMergeEnd(r: number, twoRow: boolean): number {
    return Math.max(mergeEnd[r] ?? 0, twoRow ? (mergeEnd[r + 1] ?? 0) : 0);
  }

  /** A merge that starts on row r and goes down to r+1 inside the header: a two-row header. */
  const mergedDown = new Set<number>();
  for (const m of sheet.merges) if (m.e.r > m.s.r && m.s.r < scanEnd) mergedDown.add(m.s.r);

  // the name column matched well, or with enough other fields; a code list with "Tên phân loại" and
  // "Mã số phân loại" is not a list of nominees
  const plausible = (h: HeaderCandidate) =>
    h.nameScore > 0 && (h.nameScore >= 0.9 || (h.nameScore >= 0.75 && h.distinct >= 2) || h.distinct >= 3);
  // more fields, then better scores, then fewer header rows; on a full tie the earlier row
  const better = (a: HeaderCandidate, b: HeaderCandidate | null) =>
    !b ||
    a.distinct > b.distinct ||
    (a.distinct === b.distinct &&
      (a.total > b.total + 1e-9 || (Math.abs(a.total - b.total) <= 1e-9 && a.rows.length < b.rows.length)));

  let best: HeaderCandidate | null = null;
  for (let r = 0; r < scanEnd; r++) {
    const row = sheet.rows[r];
    if (!row || row.length === 0) continue;
    const single = evaluate(r, false);
    let cand = single;
    // a two-row header needs texts of its own on the top row (a lone title line is not a parent)
    if (r + 1 < nRows && single.texts >= 2) {
      const double = evaluate(r, true);
      const nameCol = colOf(single, nameField.name);
      const nameBelowBlank =
        nameCol === null || anchorOf(r + 1, nameCol).r <= r || textAt(sheet, r + 1, nameCol) === '';
      const below = ownCells(sheet, r + 1, anchorOf);
      const numbering = isNumberingRow(below, single.cols.length);
      const adds = [...double.assigned.values()].some(
        (s) => s.score >= 0.8 && ![...single.assigned.values()].some((x) => x.field === s.field),
      );
      if (
        !numbering &&
        ((mergedDown.has(r) && double.distinct >= single.distinct) || (nameBelowBlank && adds))
      ) {
        if (
          double.distinct > single.distinct ||
          (double.distinct === single.distinct && double.total >= single.total)
        )
          cand = double;
      }
    }
    if (plausible(cand) && better(cand, best)) best = cand;
  }
  if (!best) return null;
  if (best.rows.length === 2) for (const h of best.cols) h.key = headerKeyOf(h.header);
  if (overrides) {
    // a column the clerk gave a field although its header is blank
    for (const [c, f] of overrides) {
      if (
        f === null ||
        best.cols.some((h) => h.col === c) ||
        [...best.assigned.values()].some((s) => s.field === f)
      )
        continue;
      const score = { field: f, score: 1 };
      best.cols.push({
        col: c,
        header: '',
        row: best.rows[0]!,
        parent: '',
        child: '',
        key: '',
        rowNumber: false,
        scores: [score],
        auto: [],
      });
      best.assigned.set(c, score);
    }
    best.cols.sort((a, b) => a.col - b.col);
  }
  return readTable(sheet, schema, ctx, best, nameField, matcher);
}

function colOf(h: HeaderCandidate, field: string): number | null {
  for (const [col, s] of h.assigned) if (s.field === field) return col;
  return null;
}

/** Non-blank cells of a row, own values only, with the width of horizontal merges starting there. */
function ownCells(sheet: GridSheet, r: number, anchorOf?: (r: number, c: number) => Anchor): RowCell[] {
  const row = sheet.rows[r];
  const out: RowCell[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const text = clean(cellText(cell));
    if (!text) continue;
    if (anchorOf) {
      const a = anchorOf(r, c);
      if (a.r !== r || a.c !== c) continue;
    }
    out.push({ c, text, span: 1 });
  }
  return out;
}

function readTable(
  sheet: GridSheet,
  schema: TableSchema,
  ctx: FindTableContext,
  head: HeaderCandidate,
  nameField: FieldDef,
  matcher: FieldMatcher,
): FoundTable {
  const file = ctx.file;
  const place = (r: number | null, c: number | null, field: string | null = null) => ({
    file,
    sheet: sheet.name,
    r,
    c,
    field,
  });
  const issues: Issue[] = [];
  const headerEnd = head.rows[head.rows.length - 1];
  const split = genderSplit(head, schema, matcher, ctx.columnFields);

  // ---------------------------------------------------------------- columns
  const columns: ColumnMapping[] = [];
  const fieldCol = new Map<string, number>();
  let rowNumberCol: number | null = null;
  const byKey = new Map<string, number>(); // header key → first column with it
  for (const hc of head.cols) {
    const s = head.assigned.get(hc.col);
    if (s) fieldCol.set(s.field, hc.col);
  }
  if (split) {
    fieldCol.set(split.year, split.nam);
    if (split.gender) fieldCol.set(split.gender, split.nam);
  }
  for (const hc of head.cols) {
    if (split && (hc.col === split.nam || hc.col === split.nu)) {
      columns.push({ col: hc.col, header: hc.header, field: split.year, score: 1 });
      continue;
    }
    const s = head.assigned.get(hc.col);
    const firstSame = byKey.get(hc.key);
    if (!byKey.has(hc.key)) byKey.set(hc.key, hc.col);
    if (hc.rowNumber) {
      if (rowNumberCol === null) {
        rowNumberCol = hc.col;
        columns.push({ col: hc.col, header: hc.header, field: null, score: 1, isRowNumber: true });
        continue;
      }
      columns.push({ col: hc.col, header: hc.header, field: null, score: 0 });
      issues.push(
        makeIssue('duplicate-label', place(hc.row, hc.col), {
          label: hc.header,
          other: colLetters(rowNumberCol),
        }),
      );
      continue;
    }
    if (s) {
      columns.push({ col: hc.col, header: hc.header, field: s.field, score: s.score });
      continue;
    }
    columns.push({ col: hc.col, header: hc.header, field: null, score: hc.scores[0]?.score ?? 0 });
    // the same text as a mapped column (or an earlier column) is a duplicate; anything else is extra
    const winner = head.cols.find((o) => o.col !== hc.col && o.key === hc.key && head.assigned.has(o.col));
    const other = winner?.col ?? (firstSame !== undefined && firstSame !== hc.col ? firstSame : undefined);
    if (other !== undefined) {
      issues.push(
        makeIssue('duplicate-label', place(hc.row, hc.col), { label: hc.header, other: colLetters(other) }),
      );
    } else {
      issues.push(makeIssue('extra-label', place(hc.row, hc.col), { label: hc.header }));
    }
  }
  const headerCols = head.cols.map((c) => c.col);
  const firstCol = Math.min(...headerCols);
  const lastCol = Math.max(...headerCols);
  const nameCol = fieldCol.get(nameField.name) as number;
  const mappedCols: { field: string; col: number }[] = [...fieldCol.entries()]
    .filter(([field]) => !split || (field !== split.year && field !== split.gender))
    .map(([field, col]) => ({ field, col }))
    .sort((a, b) => a.col - b.col);
  const isFieldCol = new Set(mappedCols.map((m) => m.col));
  if (split) isFieldCol.add(split.nam).add(split.nu);
  const hasHeader = new Set(headerCols);
  const cellsTemplate: TableRow['cells'] = {};
  for (const m of mappedCols) cellsTemplate[m.field] = { cell: undefined, col: m.col };
  if (split) {
    cellsTemplate[split.year] = { cell: undefined, col: split.nam };
    if (split.gender) cellsTemplate[split.gender] = { cell: undefined, col: split.nam };
  }
  const shape: RowShape = { nameCol, rowNumberCol, firstCol, lastCol, loaiField: loaiField(schema) };
  const nameHeaderText = head.cols.find((c) => c.col === nameCol)?.header ?? '';
  const nameHeaderChild = clean(nameHeaderText.split(' / ').pop() ?? '').toLowerCase();

  // ---------------------------------------------------------------- merges in the data area
  const spanAt = new Map<number, number>();
  const fills: ({ c: number; cell: GridCell }[] | undefined)[] = [];
  // merges never overlap in a sound file; a broken one could list the same rows many times over
  let fillBudget = (sheet.rows.length + 1) * 64;
  for (const m of sheet.merges) {
    if (m.e.r <= headerEnd) continue;
    if (m.e.c > m.s.c && m.s.r > headerEnd) spanAt.set(m.s.r * W + m.s.c, m.e.c - m.s.c + 1);
    if (m.e.r > m.s.r && m.s.r > headerEnd) {
      const top = sheet.rows[m.s.r]?.[m.s.c];
      if (!top || cellText(top).trim() === '') continue;
      const last = Math.min(m.e.r, sheet.rows.length - 1, m.s.r + fillBudget);
      fillBudget -= Math.max(0, last - m.s.r);
      for (let r = m.s.r + 1; r <= last; r++) {
        (fills[r] ??= []).push({ c: m.s.c, cell: top });
      }
    }
  }

  // ---------------------------------------------------------------- rows
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let pendingBlank: SkippedRow[] = [];
  let blankRun = 0;
  let currentLoai: string | undefined = ctx.sheetLoai;
  let sectionLoaiSeen = false;
  // a title above the header that names one type ("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG")
  const titleLoai = loaiFromTitle(sheet, head.rows[0], shape);
  if (titleLoai && !currentLoai) {
    currentLoai = titleLoai;
    sectionLoaiSeen = true;
  }
  let noNomineesNote: FoundTable['noNomineesNote'];
  let end: FoundTable['end'];
  let seenContent = false;
  const blankHeaderData = new Set<number>();

  const flushBlank = () => {
    if (pendingBlank.length) skipped.push(...pendingBlank);
    pendingBlank = [];
  };

  const rowText = (own: RowCell[]) => clean(own.map((c) => c.text).join(' '));
  for (let r = headerEnd + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const own: RowCell[] = [];
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const text = cellText(cell).trim();
        if (text === '') continue;
        own.push({ c, text, span: spanAt.size ? (spanAt.get(r * W + c) ?? 1) : 1 });
      }
    }
    if (own.length === 0) {
      blankRun++;
      // past a long gap nothing more is read, so the blank rows need not be kept
      if (rows.length > 0 && blankRun < LONG_GAP) pendingBlank.push({ r, reason: 'blank', text: '' });
      continue;
    }
    const gap = blankRun;
    blankRun = 0;
    if (rows.length > 0 && gap >= LONG_GAP) {
      end = { r, reason: 'long-gap' };
      break;
    }

    const kind = classifyRow(own, shape);
    if (kind.kind === 'footer' && kind.footnote && rows.length === 0) {
      // an instruction under the header ("Ghi chú: xếp tập thể trước"), before any nominee: read on
      flushBlank();
      skipped.push({ r, reason: 'note', text: rowText(own) });
      continue;
    }
    if (kind.kind === 'footer') {
      const text = rowText(own);
      pendingBlank = [];
      skipped.push({ r, reason: 'footer', text });
      end = { r, reason: 'footer' };
      break;
    }
    if (kind.kind === 'numbering') {
      flushBlank();
      skipped.push({ r, reason: 'numbering', text: rowText(own) });
      continue;
    }
    if (kind.kind === 'no-nominees') {
      flushBlank();
      if (!noNomineesNote && rows.length === 0) noNomineesNote = { r, text: clean(kind.text) };
      skipped.push({ r, reason: 'note', text: rowText(own) });
      seenContent = true;
      continue;
    }
    if (kind.kind === 'section') {
      if (rows.length > 0 && gap >= TITLE_GAP && kind.loai === null && looksLikeTitle(kind.text, true)) {
        end = { r, reason: 'second-table' };
        break;
      }
      flushBlank();
      if (kind.loai) {
        currentLoai = kind.loai;
        sectionLoaiSeen = true;
      }
      skipped.push({ r, reason: 'section', text: rowText(own) });
      seenContent = true;
      continue;
    }
    // a header repeated on the next printed page, or a second table after a gap
    let nameCell: RowCell | undefined;
    let hasData = false;
    for (const c of own) {
      if (c.c === nameCol) nameCell = c;
      if (isFieldCol.has(c.c)) hasData = true;
    }
    if (
      nameCell &&
      nameCell.text.length <= nameHeaderChild.length + 8 &&
      nameCell.text.charAt(0).toLowerCase() === nameHeaderChild.charAt(0) &&
      clean(nameCell.text).toLowerCase() === nameHeaderChild &&
      repeatsHeader(own, head)
    ) {
      if (rows.length > 0 && gap >= TITLE_GAP) {
        end = { r, reason: 'second-table' };
        break;
      }
      flushBlank();
      skipped.push({ r, reason: 'header', text: rowText(own) });
      continue;
    }
    if (
      rows.length > 0 &&
      ((gap >= TITLE_GAP && own.length === 1 && looksLikeTitle(own[0].text)) ||
        (gap >= 1 && isHeaderLike(own, matcher)))
    ) {
      end = { r, reason: 'second-table' };
      break;
    }

    if (!hasData) {
      // only an STT number, or text in columns the schema does not know
      if (rows.length > 0 || seenContent) pendingBlank.push({ r, reason: 'blank', text: rowText(own) });
      continue;
    }
    flushBlank();
    seenContent = true;
    const rowCells = row as (GridCell | undefined)[];
    const filled = fills[r];
    // copying a template keeps every row's object in one shape (much faster than adding keys one by one)
    const cells: TableRow['cells'] = { ...cellsTemplate };
    for (const m of mappedCols) {
      let cell = rowCells[m.col];
      if (filled && (!cell || cellText(cell).trim() === '')) {
        const f = filled.find((x) => x.c === m.col);
        if (f) cell = f.cell;
      }
      cells[m.field] = { cell, col: m.col };
    }
    if (split) {
      // "Năm sinh" over "Nam" | "Nữ": the year is written under the nominee's gender
      const nam = rowCells[split.nam];
      const nu = rowCells[split.nu];
      const hasNam = cellText(nam).trim() !== '';
      const hasNu = cellText(nu).trim() !== '';
      if (hasNam || hasNu)
        cells[split.year] = hasNam ? { cell: nam, col: split.nam } : { cell: nu, col: split.nu };
      if (split.gender && hasNam !== hasNu) {
        const v = hasNam ? split.namValue : split.nuValue;
        cells[split.gender] = { cell: { v, w: v }, col: hasNam ? split.nam : split.nu };
      }
    }
    const out: TableRow = { r, cells };
    if (currentLoai !== undefined) out.sectionLoai = currentLoai;
    let extra: number[] | undefined;
    for (const c of own) {
      if (c.c > lastCol) (extra ??= []).push(c.c);
      else if (c.c >= firstCol && !hasHeader.has(c.c)) blankHeaderData.add(c.c);
    }
    if (extra) out.extraCols = extra;
    rows.push(out);
  }

  // ---------------------------------------------------------------- header issues that need the rows
  for (const c of [...blankHeaderData].sort((a, b) => a - b)) {
    columns.push({ col: c, header: '', field: null, score: 0 });
    issues.push(makeIssue('blank-label', place(head.rows[0], c)));
  }
  columns.sort((a, b) => a.col - b.col);

  if (rows.length > 0) noNomineesNote = undefined;
  if (!noNomineesNote) {
    for (const f of schema.fields) {
      if (!f.constraints?.required || f.requiredIf || fieldCol.has(f.name)) continue;
      if (f.fromSection && (sectionLoaiSeen || ctx.sheetLoai)) continue;
      issues.push(
        makeIssue('missing-label', place(head.rows[0], lastCol + 1, f.name), { title: f.title ?? f.name }),
      );
    }
  }

  issues.sort((a, b) => (a.col ?? 0) - (b.col ?? 0) || (a.row ?? 0) - (b.row ?? 0));
  const found: FoundTable = { sheet: sheet.name, headerRows: head.rows, columns, rows, skipped, issues };
  if (noNomineesNote) found.noNomineesNote = noNomineesNote;
  if (end) found.end = end;
  return found;
}

interface GenderSplit {
  year: string;
  gender: string | null;
  nam: number;
  nu: number;
  namValue: string;
  nuValue: string;
}

/**
 * The old form "Năm sinh" over two columns "Nam" | "Nữ", the year written under the nominee's gender.
 * Both columns then give the year field, and the gender field (when it has no column of its own) is
 * told by which of the two is filled.
 */
function genderSplit(
  head: HeaderCandidate,
  schema: TableSchema,
  matcher: FieldMatcher,
  overrides?: ReadonlyMap<number, string | null>,
): GenderSplit | null {
  if (head.rows.length < 2) return null;
  const cols = [...head.cols].sort((a, b) => a.col - b.col);
  for (let i = 0; i + 1 < cols.length; i++) {
    const a = cols[i];
    const b = cols[i + 1];
    if (b.col !== a.col + 1 || !a.child || a.parent !== b.parent || !a.parent) continue;
    if (overrides?.has(a.col) || overrides?.has(b.col)) continue;
    if (keyOf(a.child, matcher) !== 'nam' || keyOf(b.child, matcher) !== 'nu') continue;
    const best = scoreColumn(a.parent, '', matcher)[0];
    const yearField =
      best && best.score >= 0.9 ? schema.fields.find((f) => f.name === best.field) : undefined;
    if (
      !yearField ||
      (yearField.type !== 'year' && yearField.type !== 'date' && yearField.type !== 'integer')
    )
      continue;
    // the year field must not have a column of its own elsewhere
    const elsewhere = [...head.assigned].some(
      ([col, s]) => s.field === yearField.name && col !== a.col && col !== b.col,
    );
    if (elsewhere) continue;
    let gender: string | null = null;
    let namValue = 'Nam';
    let nuValue = 'Nữ';
    for (const f of schema.fields) {
      const values = f.constraints?.enum ?? [];
      const nv = values.find((v) => keyOf(v, matcher) === 'nam');
      const fv = values.find((v) => keyOf(v, matcher) === 'nu');
      if (!nv || !fv) continue;
      const own = [...head.assigned].some(([col, s]) => s.field === f.name && col !== a.col && col !== b.col);
      if (!own) {
        gender = f.name;
        namValue = nv;
        nuValue = fv;
      }
      break;
    }
    return { year: yearField.name, gender, nam: a.col, nu: b.col, namValue, nuValue };
  }
  return null;
}

/** The type named by a one-cell title line in the rows above the header, if any (the nearest wins). */
function loaiFromTitle(sheet: GridSheet, headerRow: number, shape: RowShape): string | undefined {
  if (!shape.loaiField) return undefined;
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 6); r--) {
    const own = ownCells(sheet, r);
    if (own.length !== 1 || own[0].text.length > 120) continue;
    const loai = loaiFromText(own[0].text, shape.loaiField, 'strict');
    if (loai) return loai;
  }
  return undefined;
}

/** Several cells of the row repeat the header's texts in their columns. */
function repeatsHeader(own: RowCell[], head: HeaderCandidate): boolean {
  let same = 0;
  for (const c of own) {
    const hc = head.cols.find((h) => h.col === c.c);
    if (!hc) continue;
    const child = clean(hc.header.split(' / ').pop() ?? '').toLowerCase();
    const text = clean(c.text).toLowerCase();
    if (child === text || hc.header.toLowerCase() === text) same++;
  }
  return same >= 2 || same === own.length;
}

/** "DANH SÁCH …", "BẢNG TỔNG HỢP …" (or, unless `namedOnly`, a line of capitals): another table's title. */
function looksLikeTitle(text: string, namedOnly = false): boolean {
  if (/^\s*(danh sách|bảng|biểu|danh sach|bang|bieu)\s/i.test(text)) return true;
  if (namedOnly) return false;
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text.split(/\s+/).length >= 3;
}

/** The row reads as a header of its own (two or more fields matched well): a second table. */
function isHeaderLike(own: RowCell[], matcher: FieldMatcher): boolean {
  if (own.length < 2 || own.length > MAX_HEADER_COLS) return false;
  const fields = new Set<string>();
  let rowNumber = false;
  for (const c of own) {
    if (c.text.length > 80) return false;
    if (isRowNumberHeader(c.text, matcher)) {
      rowNumber = true;
      continue;
    }
    const best = scoreColumn(c.text, '', matcher)[0];
    if (best && best.score >= 0.9) fields.add(best.field);
  }
  return fields.size >= 3 || (fields.size >= 2 && rowNumber);
}
