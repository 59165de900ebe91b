/**
 * Strict mode: validates a sheet the way `frictionless validate` does, for offices that want the
 * standard's verdict on a plain table (header on row 1, one row per record). Same error types,
 * same numbering (physical 1-based rows, the header is row 1; 1-based fields), same order (header
 * errors, then row by row, left to right), same schema inference when no schema is given, and the
 * `limitErrors` / `pickErrors` / `skipErrors` options. Each error also comes as one of our Issues
 * (Vietnamese and English messages), all with severity "error".
 *
 * Spreadsheets (xlsx, xls, ods) are read as openpyxl reads them: every row as wide as the sheet.
 * CSV rows keep their own width ("1,2," has three cells, "1,2" two): the grid must keep explicit
 * empty cells for that; `ragged` (default: on for .csv/.tsv/.txt files) selects this reading.
 */
import type { GridSheet } from '../grid';
import { colLetters } from '../grid';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues';
import type { FieldConstraints, TableSchema } from '../schema/types';
import {
  DEFAULT_SAMPLE_SIZE,
  fieldNamesFrom,
  inferTypes,
  readValue,
  sheetRowValues,
  sheetWidth,
  svalueText,
  type FrictionlessType,
  type ReadOptions,
  type StrictField,
  type SValue,
  type Typed,
} from './infer-schema';
import { codePointLength } from './cast';

export type { StrictField } from './infer-schema';

export interface StrictOptions extends ReadOptions {
  /** File name as the clerk knows it (for the issues). */
  file: string;
  /** The schema; inferred from the sheet when absent. */
  schema?: TableSchema;
  /** Row 1 is the header (default true). */
  header?: boolean;
  /** Stop after this many errors (frictionless limit_errors). */
  limitErrors?: number;
  /** Keep only these error types or tags ("#header", "#row", "#cell", "#label", "#table"). */
  pickErrors?: string[];
  /** Drop these error types or tags. */
  skipErrors?: string[];
  /** Match schema fields to header labels by name (frictionless Detector(schema_sync=True)). */
  schemaSync?: boolean;
  /** Also run the duplicate-row check (frictionless checks.duplicate_row(); not in its baseline). */
  duplicateRows?: boolean;
  /**
   * CSV reading: rows as wide as their own cells, every cell read as its text. Default: true for
   * .csv, .tsv and .txt files.
   */
  ragged?: boolean;
  /** Rows used to infer the schema, header included (default 100). */
  sampleSize?: number;
  /** Inference confidence (default 0.9). */
  fieldConfidence?: number;
}

export interface StrictError {
  /** Frictionless error type: blank-label, missing-cell, type-error, … */
  type: string;
  /** Physical 1-based row (the header is row 1); null for header errors. */
  rowNumber: number | null;
  /** 1-based field position; null for whole-row errors. */
  fieldNumber: number | null;
  fieldName: string | null;
  /** The row's cells as text (row errors), or the header labels (header errors). */
  cells: string[] | null;
  /** The cell or label concerned. */
  cell: string | null;
  note: string;
  tags: string[];
}

export interface StrictReport {
  valid: boolean;
  errors: StrictError[];
  issues: Issue[];
  /** "reached error limit: N" when limitErrors cut the list. */
  warnings: string[];
  /** Header labels as read ([] without a header). */
  labels: string[];
  /** The fields used for the rows (given, synced or inferred). */
  fields: StrictField[];
  /** Data rows read. */
  rows: number;
}

const HEADER_TYPES = new Set([
  'blank-label',
  'duplicate-label',
  'extra-label',
  'missing-label',
  'incorrect-label',
]);
const ROW_TYPES = new Set(['blank-row', 'primary-key', 'duplicate-row']);
const CELL_TYPES = new Set(['extra-cell', 'missing-cell', 'type-error', 'constraint-error', 'unique-error']);

function tagsOf(type: string): string[] {
  if (HEADER_TYPES.has(type)) return ['#table', '#header', '#label'];
  if (ROW_TYPES.has(type)) return ['#table', '#row'];
  if (CELL_TYPES.has(type)) return ['#table', '#row', '#cell'];
  return [];
}

/** frictionless Checklist.match */
function matches(e: StrictError, pick?: string[], skip?: string[]): boolean {
  if (pick && pick.length > 0 && !pick.includes(e.type) && !e.tags.some((t) => pick.includes(t)))
    return false;
  if (skip && skip.length > 0 && (skip.includes(e.type) || e.tags.some((t) => skip.includes(t))))
    return false;
  return true;
}

/** Messages name types the frictionless way, in Vietnamese and English. */
const STRICT_TYPE_NAMES: Record<FrictionlessType, { vi: string; en: string }> = {
  any: { vi: 'giá trị', en: 'value' },
  string: { vi: 'văn bản', en: 'string' },
  integer: { vi: 'số nguyên', en: 'integer' },
  number: { vi: 'số (dấu thập phân là dấu chấm)', en: 'number' },
  boolean: { vi: 'giá trị đúng/sai (true/false)', en: 'boolean (true/false)' },
  year: { vi: 'năm', en: 'year' },
  date: { vi: 'ngày (yyyy-mm-dd)', en: 'date (yyyy-mm-dd)' },
  datetime: { vi: 'ngày giờ (yyyy-mm-ddThh:mm:ss)', en: 'datetime (yyyy-mm-ddThh:mm:ss)' },
  time: { vi: 'giờ (hh:mm:ss)', en: 'time (hh:mm:ss)' },
  yearmonth: { vi: 'tháng (yyyy-mm)', en: 'year-month (yyyy-mm)' },
  duration: { vi: 'khoảng thời gian (ISO 8601)', en: 'duration (ISO 8601)' },
  geopoint: { vi: 'tọa độ (kinh độ, vĩ độ)', en: 'geopoint (lon, lat)' },
  geojson: { vi: 'GeoJSON', en: 'GeoJSON' },
  object: { vi: 'đối tượng JSON', en: 'JSON object' },
  array: { vi: 'mảng JSON', en: 'JSON array' },
};

function strictFieldsOf(schema: TableSchema): StrictField[] {
  return schema.fields.map((f) => {
    const out: StrictField = { name: f.name, type: f.type === 'enum' ? 'string' : f.type };
    if (f.title !== undefined) out.title = f.title;
    if (f.constraints) out.constraints = f.constraints;
    return out;
  });
}

function typedKey(v: Typed): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isNaN(v) ? 'n:NaN' : `n:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `s:${v}`;
}

interface ConstraintNote {
  name: keyof FieldConstraints;
  note: string;
  detail: string;
  detailEn: string;
}

function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Constraint failures of a read value (null = missing), frictionless' checks for the type. */
function constraintNotes(f: StrictField, value: Typed, missing: string[]): ConstraintNote[] {
  const c = f.constraints;
  if (!c) return [];
  const out: ConstraintNote[] = [];
  const isString = f.type === 'string';
  const ranged = ['integer', 'number', 'year'].includes(f.type);
  if (c.required && value === null) {
    out.push({
      name: 'required',
      note: `constraint "required" is "${pyBool(true)}"`,
      detail: 'bắt buộc, đang để trống',
      detailEn: 'required, but empty',
    });
  }
  if (value === null) return out;
  const shown = String(value);
  if (isString && typeof value === 'string') {
    const len = codePointLength(value);
    if (c.minLength !== undefined && len < c.minLength) {
      out.push({
        name: 'minLength',
        note: `constraint "minLength" is "${c.minLength}"`,
        detail: `„${shown}” ngắn hơn ${c.minLength} ký tự`,
        detailEn: `"${shown}" is shorter than ${c.minLength} characters`,
      });
    }
    if (c.maxLength !== undefined && len > c.maxLength) {
      out.push({
        name: 'maxLength',
        note: `constraint "maxLength" is "${c.maxLength}"`,
        detail: `dài ${len} ký tự, vượt quá ${c.maxLength} ký tự`,
        detailEn: `${len} characters long, more than ${c.maxLength}`,
      });
    }
    if (c.pattern !== undefined) {
      let ok: boolean;
      try {
        ok = new RegExp(`^(?:${c.pattern})$`, 'u').test(value);
      } catch {
        ok = true; // an unusable pattern fails no value
      }
      if (!ok) {
        out.push({
          name: 'pattern',
          note: `constraint "pattern" is "${c.pattern}"`,
          detail: `„${shown}” không đúng mẫu quy định (${c.pattern})`,
          detailEn: `"${shown}" does not match the pattern ${c.pattern}`,
        });
      }
    }
  }
  if (ranged && typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) {
      out.push({
        name: 'minimum',
        note: `constraint "minimum" is "${c.minimum}"`,
        detail: `${shown} nhỏ hơn giá trị thấp nhất cho phép (${c.minimum})`,
        detailEn: `${shown} is less than the minimum ${c.minimum}`,
      });
    }
    if (c.maximum !== undefined && value > c.maximum) {
      out.push({
        name: 'maximum',
        note: `constraint "maximum" is "${c.maximum}"`,
        detail: `${shown} lớn hơn giá trị cao nhất cho phép (${c.maximum})`,
        detailEn: `${shown} is more than the maximum ${c.maximum}`,
      });
    }
  }
  if (c.enum && c.enum.length > 0) {
    const allowed = new Set<string>();
    for (const e of c.enum) {
      if (missing.includes(e)) continue;
      const r = readValue(f.type, { k: 'str', s: e });
      if (r.ok) allowed.add(typedKey(r.value));
    }
    if (!allowed.has(typedKey(value))) {
      out.push({
        name: 'enum',
        note: `constraint "enum" is "${JSON.stringify(c.enum)}"`,
        detail: `„${shown}” không thuộc danh sách: ${c.enum.join('; ')}`,
        detailEn: `"${shown}" is not one of: ${c.enum.join('; ')}`,
      });
    }
  }
  return out;
}

interface Pending {
  error: StrictError;
  code: IssueCode;
  params: IssueParams;
  /** The issue's field when the error has none (the primary key's fields). */
  field?: string;
}

/** Validates a sheet as frictionless-py would. */
export function validateStrict(sheet: GridSheet, opts: StrictOptions): StrictReport {
  const ragged = opts.ragged ?? /\.(csv|tsv|tab|txt)$/i.test(opts.file);
  // CSV is text: frictionless reads every CSV cell as a string ("1101" stays "1101")
  const readOpts = { ragged, stringified: opts.stringified ?? ragged };
  const header = opts.header ?? true;
  const width = sheetWidth(sheet);
  const nRows = sheet.rows.length;
  const missing = opts.schema?.missingValues ?? [''];
  const all: Pending[] = [];
  const place = (rowNumber: number | null, fieldNumber: number | null, field: string | null) => ({
    file: opts.file,
    sheet: sheet.name,
    r: rowNumber === null ? null : rowNumber - 1,
    c: fieldNumber === null ? null : fieldNumber - 1,
    field,
  });
  const finish = (labels: string[], fields: StrictField[], rows: number): StrictReport => {
    const picked = all.filter((p) => matches(p.error, opts.pickErrors, opts.skipErrors));
    const warnings: string[] = [];
    let kept = picked;
    if (opts.limitErrors !== undefined && opts.limitErrors > 0 && picked.length >= opts.limitErrors) {
      kept = picked.slice(0, opts.limitErrors);
      warnings.push(`reached error limit: ${opts.limitErrors}`);
    }
    const issues = kept.map((p) => {
      const e = p.error;
      // header errors sit on the header row; a missing label has no column of its own
      const isHeader = HEADER_TYPES.has(e.type) && header;
      const rowNumber = isHeader ? 1 : e.rowNumber;
      const fieldNumber = e.type === 'missing-label' ? null : e.fieldNumber;
      return makeIssue(
        p.code,
        place(rowNumber, fieldNumber, e.fieldName || p.field || null),
        p.params,
        'error',
      );
    });
    return {
      valid: kept.length === 0,
      errors: kept.map((p) => p.error),
      issues,
      warnings,
      labels,
      fields,
      rows,
    };
  };
  const add = (
    type: string,
    rowNumber: number | null,
    fieldNumber: number | null,
    fieldName: string | null,
    cells: string[] | null,
    cell: string | null,
    note: string,
    code: IssueCode,
    params: IssueParams,
  ) => {
    all.push({
      error: { type, rowNumber, fieldNumber, fieldName, cells, cell, note, tags: tagsOf(type) },
      code,
      params,
    });
  };

  // the source
  const sampleSize = opts.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  const labels = header && nRows > 0 ? sheetRowValues(sheet, 0, width, readOpts).map(svalueText) : [];
  const firstData = header ? 1 : 0;
  const fragment: SValue[][] = [];
  for (let r = firstData; r < Math.min(nRows, sampleSize); r++)
    fragment.push(sheetRowValues(sheet, r, width, readOpts));
  if (labels.length === 0 && fragment.length === 0) {
    add('source-error', null, null, null, null, null, 'the source is empty', 'empty-sheet', {});
    return finish(labels, [], 0);
  }

  // the fields
  let rowFields: StrictField[];
  let headerFields: StrictField[];
  if (opts.schema) {
    const given = strictFieldsOf(opts.schema);
    if (opts.schemaSync && labels.length > 0) {
      if (new Set(labels).size !== labels.length) {
        const dup = labels.findIndex((l, i) => labels.indexOf(l) !== i);
        add(
          'error',
          null,
          null,
          null,
          labels,
          labels[dup],
          'matching fields by name requires unique labels in the header',
          'duplicate-label',
          { label: labels[dup], other: colLetters(labels.indexOf(labels[dup])) },
        );
        return finish(labels, given, 0);
      }
      const byName = new Map(given.map((f) => [f.name, f]));
      rowFields = labels.map((l) => byName.get(l) ?? { name: l, type: 'any' as FrictionlessType });
      const pk = opts.schema.primaryKey === undefined ? [] : ([] as string[]).concat(opts.schema.primaryKey);
      headerFields = [
        ...rowFields,
        ...given.filter((f) => !labels.includes(f.name) && (f.constraints?.required || pk.includes(f.name))),
      ];
    } else {
      rowFields = given;
      headerFields = given;
    }
  } else {
    const names = fieldNamesFrom(labels, fragment);
    const types = inferTypes(names.length, fragment, {
      confidence: opts.fieldConfidence,
      missingValues: missing,
    });
    rowFields = names.map((name, i) => ({ name, type: types[i] }));
    headerFields = rowFields;
  }
  const titleOf = (f: StrictField) => f.title ?? f.name;

  // header errors: extra labels, missing labels, then label by label
  if (header && labels.length > 0) {
    labels.forEach((label, i) => {
      if (i >= headerFields.length) {
        add('extra-label', null, i + 1, '', labels, label, '', 'extra-label', { label });
      }
    });
    for (let j = labels.length; j < headerFields.length; j++) {
      const f = headerFields[j];
      add('missing-label', null, j + 1, f.name, labels, '', '', 'missing-label', { title: titleOf(f) });
    }
    const pairs = Math.min(labels.length, headerFields.length);
    for (let i = 0; i < pairs; i++) {
      const f = headerFields[i];
      const label = labels[i];
      if (!label) {
        add('blank-label', null, i + 1, f.name, labels, '', '', 'blank-label', {});
        continue;
      }
      const earlier = labels.slice(0, i).flatMap((l, k) => (l === label ? [k + 1] : []));
      if (earlier.length > 0) {
        add(
          'duplicate-label',
          null,
          i + 1,
          f.name,
          labels,
          label,
          `at position "${earlier.join(', ')}"`,
          'duplicate-label',
          {
            label,
            other: colLetters(earlier[0] - 1),
          },
        );
        continue;
      }
      if (label.replace(/\n/g, ' ').trim() !== f.name) {
        add('incorrect-label', null, i + 1, f.name, labels, label, '', 'incorrect-label', {
          label,
          name: f.name,
        });
      }
    }
  }

  // rows
  const nFields = rowFields.length;
  const uniqueSeen = new Map<number, Map<string, number>>();
  rowFields.forEach((f, i) => {
    if (f.constraints?.unique) uniqueSeen.set(i, new Map());
  });
  const pkNames =
    opts.schema?.primaryKey === undefined ? [] : ([] as string[]).concat(opts.schema.primaryKey);
  const pkIdx = pkNames.map((n) => rowFields.findIndex((f) => f.name === n));
  const pkSeen = new Map<string, number>();
  const dupSeen = new Map<string, number>();
  let rowCount = 0;

  for (let r = firstData; r < nRows; r++) {
    rowCount++;
    const rowNumber = r + 1;
    const cells = sheetRowValues(sheet, r, width, readOpts);
    const texts = cells.map(svalueText);
    const rowErrors: Pending[] = [];
    const push = (
      type: string,
      fieldNumber: number | null,
      fieldName: string | null,
      cell: string | null,
      note: string,
      code: IssueCode,
      params: IssueParams,
      field?: string,
    ) => {
      rowErrors.push({
        error: { type, rowNumber, fieldNumber, fieldName, cells: texts, cell, note, tags: tagsOf(type) },
        code,
        params,
        field,
      });
    };
    const values: Typed[] = [];
    let blanks = 0;
    for (let i = 0; i < nFields; i++) {
      const f = rowFields[i];
      const source = i < cells.length ? cells[i] : null;
      let value: Typed = null;
      let typeError = false;
      if (source !== null && !(source.k === 'str' && missing.includes(source.s))) {
        const read = readValue(f.type, source);
        if (read.ok) value = read.value;
        else typeError = true;
      }
      if (value === null && !typeError) blanks++;
      if (typeError) {
        const names = STRICT_TYPE_NAMES[f.type];
        push('type-error', i + 1, f.name, svalueText(source), `type is "${f.type}/default"`, 'type-error', {
          value: svalueText(source),
          expected: names.vi,
          expectedEn: names.en,
          title: titleOf(f),
        });
      } else {
        for (const c of constraintNotes(f, value, missing)) {
          push('constraint-error', i + 1, f.name, svalueText(source), c.note, 'constraint-error', {
            title: titleOf(f),
            detail: c.detail,
            detailEn: c.detailEn,
          });
        }
      }
      values.push(value);
    }
    for (let c = nFields; c < cells.length; c++) {
      push('extra-cell', c + 1, '', texts[c], '', 'extra-cell', {});
    }
    for (let i = cells.length; i < nFields; i++) {
      push('missing-cell', i + 1, rowFields[i].name, '', '', 'missing-cell', {
        title: titleOf(rowFields[i]),
      });
    }
    if (nFields === blanks) {
      rowErrors.length = 0;
      push('blank-row', null, null, null, '', 'blank-row', {});
    }
    // unique values and the primary key, on read values
    for (const [i, seen] of uniqueSeen) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      const key = typedKey(v);
      const first = seen.get(key);
      seen.set(key, rowNumber);
      if (first !== undefined) {
        const f = rowFields[i];
        push(
          'unique-error',
          i + 1,
          f.name,
          texts[i] ?? '',
          `the same as in the row at position ${first}`,
          'unique-error',
          {
            value: svalueText(cells[i] ?? null),
            title: titleOf(f),
            other: first,
          },
        );
      }
    }
    if (pkNames.length > 0) {
      const pkValues = pkIdx.map((i) => (i >= 0 ? (values[i] ?? null) : null));
      const title = pkNames
        .map((n) => titleOf(rowFields.find((f) => f.name === n) ?? { name: n, type: 'any' }))
        .join(', ');
      if (pkValues.every((v) => v === null)) {
        push(
          'primary-key',
          null,
          null,
          null,
          'cells composing the primary keys are all "None"',
          'constraint-error',
          {
            title,
            detail: 'khóa chính để trống',
            detailEn: 'the primary key is empty',
          },
          pkNames.join(','),
        );
      } else {
        const key = JSON.stringify(pkValues.map(typedKey));
        const first = pkSeen.get(key);
        pkSeen.set(key, rowNumber);
        if (first !== undefined) {
          push(
            'primary-key',
            null,
            null,
            null,
            `the same as in the row at position ${first}`,
            'unique-error',
            {
              value: pkValues.map((v) => (v === null ? '' : String(v))).join(', '),
              title,
              other: first,
            },
            pkNames.join(','),
          );
        }
      }
    }
    if (opts.duplicateRows) {
      const key = JSON.stringify(values.map(typedKey));
      const first = dupSeen.get(key);
      if (first !== undefined) {
        push('duplicate-row', null, null, null, `the same as row at position "${first}"`, 'duplicate-row', {
          other: first,
        });
      }
      dupSeen.set(key, rowNumber);
    }
    all.push(...rowErrors);
  }
  return finish(labels, rowFields, rowCount);
}
