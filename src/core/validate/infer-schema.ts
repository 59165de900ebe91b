/**
 * Schema inference the way frictionless-py does it (detector.detect_schema), so that the strict
 * mode reports what `frictionless validate` reports on the same file:
 * - names from the header labels (newlines to spaces, trimmed), blank ones "field<N>", repeated
 *   ones numbered ("name", "name2");
 * - the sample is the first 100 rows of the sheet, the header included;
 * - for each column, every candidate type (in frictionless' order: yearmonth, geopoint, duration,
 *   geojson, object, array, datetime, time, date, integer, number, boolean, year, string) scores +1
 *   for a value it reads and −1 for one it does not; a missing value ("") lowers the best possible
 *   score; the first candidate to reach 90% of that is the type, else "any".
 * The cell readers follow frictionless' default formats (ISO dates, "." decimals, "true"/"1").
 */
import type { GridCell, GridSheet } from '../grid';
import type { FieldConstraints, FieldType, TableSchema } from '../schema/types';
import { excelSerialToYmd, isDateFormat, isoDate } from './cast';

export type FrictionlessType =
  | 'any'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'year'
  | 'date'
  | 'datetime'
  | 'time'
  | 'yearmonth'
  | 'duration'
  | 'geopoint'
  | 'geojson'
  | 'object'
  | 'array';

/** A cell as frictionless sees it once its parser has read it (Python value types). */
export type SValue =
  | { k: 'str'; s: string }
  | { k: 'int'; n: number }
  | { k: 'float'; n: number }
  | { k: 'bool'; b: boolean }
  /** A spreadsheet date or date-time (Excel serial). */
  | { k: 'datetime'; serial: number }
  /** A spreadsheet time of day (fraction of a day). */
  | { k: 'time'; serial: number }
  | null;

export type Typed = string | number | boolean | null;

export type ReadResult = { ok: true; value: Typed } | { ok: false };

export const FIELD_CANDIDATES: FrictionlessType[] = [
  'yearmonth',
  'geopoint',
  'duration',
  'geojson',
  'object',
  'array',
  'datetime',
  'time',
  'date',
  'integer',
  'number',
  'boolean',
  'year',
  'string',
];

export const DEFAULT_SAMPLE_SIZE = 100;
export const DEFAULT_FIELD_CONFIDENCE = 0.9;
export const DEFAULT_TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
export const DEFAULT_FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

export interface StrictField {
  name: string;
  type: FrictionlessType;
  title?: string;
  constraints?: FieldConstraints;
}

export interface ReadOptions {
  /** Read every spreadsheet cell as its displayed text (frictionless ExcelControl(stringified=True)). */
  stringified?: boolean;
}

/** The value frictionless would get for a grid cell. */
export function toSValue(cell: GridCell | undefined, opts: ReadOptions = {}): SValue {
  if (!cell) return null;
  const v = cell.v;
  if (v === null || v === undefined) return null;
  if (opts.stringified) return { k: 'str', s: cell.w ?? String(v) };
  if (cell.err) return { k: 'str', s: cell.w ?? String(v) };
  if (typeof v === 'string') return { k: 'str', s: v };
  if (typeof v === 'boolean') return { k: 'bool', b: v };
  if (typeof v === 'number') {
    if (isDateFormat(cell.z)) {
      const t = cell.z ? cell.z.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '') : '';
      if (!/[dy]/i.test(t) && /[hs]/i.test(t) && v < 1) return { k: 'time', serial: v };
      return { k: 'datetime', serial: v };
    }
    return Number.isInteger(v) ? { k: 'int', n: v } : { k: 'float', n: v };
  }
  return { k: 'str', s: String(v) };
}

/** Python's str() of a float. */
function pyFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(n);
}

function timeText(fraction: number): string {
  const secs = Math.round((((fraction % 1) + 1) % 1) * 86400);
  const h = Math.floor(secs / 3600) % 24;
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  return [h, m, s].map((x) => String(x).padStart(2, '0')).join(':');
}

function serialDateTime(serial: number): string | null {
  const d = excelSerialToYmd(serial);
  return d ? `${isoDate(d)} ${timeText(serial)}` : null;
}

/** What Python's str() shows for a cell (frictionless `cells` and labels); "" for none. */
export function svalueText(v: SValue): string {
  if (v === null) return '';
  switch (v.k) {
    case 'str':
      return v.s;
    case 'int':
      return String(v.n);
    case 'float':
      return pyFloat(v.n);
    case 'bool':
      return v.b ? 'True' : 'False';
    case 'datetime':
      return serialDateTime(v.serial) ?? String(v.serial);
    case 'time':
      return timeText(v.serial);
  }
}

const PY_INT = /^[+-]?\d+(?:_\d+)*$/;
const PY_DECIMAL =
  /^[+-]?(?:(?:\d+(?:_\d+)*)(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const PY_DECIMAL_SPECIAL = /^[+-]?(?:inf|infinity|s?nan\d*)$/i;

/** Python int() of a string, or null. */
function pyInt(s: string): number | null {
  const t = s.trim();
  return PY_INT.test(t) ? Number(t.replace(/_/g, '')) : null;
}

/** Python Decimal() of a string, or null. */
function pyDecimal(s: string): number | null {
  const t = s.trim();
  if (PY_DECIMAL.test(t)) return Number(t.replace(/_/g, ''));
  if (PY_DECIMAL_SPECIAL.test(t)) {
    if (!/^[+-]?inf/i.test(t)) return NaN;
    return t.startsWith('-') ? -Infinity : Infinity;
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const GEOJSON_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
  'Feature',
  'FeatureCollection',
];

function parseJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

const DURATION =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

const FAIL: ReadResult = { ok: false };

/** Reads a (non-missing) value as a frictionless type with its default format. */
export function readValue(
  type: FrictionlessType,
  v: Exclude<SValue, null>,
  trueValues: string[] = DEFAULT_TRUE_VALUES,
  falseValues: string[] = DEFAULT_FALSE_VALUES,
): ReadResult {
  switch (type) {
    case 'any':
      return {
        ok: true,
        value: v.k === 'bool' ? v.b : v.k === 'int' || v.k === 'float' ? v.n : svalueText(v),
      };
    case 'string':
      return v.k === 'str' ? { ok: true, value: v.s } : FAIL;
    case 'integer': {
      if (v.k === 'str') {
        const n = pyInt(v.s);
        return n === null ? FAIL : { ok: true, value: n };
      }
      if (v.k === 'int') return { ok: true, value: v.n };
      if (v.k === 'float' && Number.isInteger(v.n)) return { ok: true, value: v.n };
      return FAIL;
    }
    case 'number': {
      if (v.k === 'str') {
        const n = pyDecimal(v.s);
        return n === null ? FAIL : { ok: true, value: n };
      }
      if (v.k === 'int' || v.k === 'float') return { ok: true, value: v.n };
      return FAIL;
    }
    case 'boolean': {
      if (v.k === 'bool') return { ok: true, value: v.b };
      if (v.k === 'str') {
        if (trueValues.includes(v.s)) return { ok: true, value: true };
        if (falseValues.includes(v.s)) return { ok: true, value: false };
      }
      return FAIL;
    }
    case 'year': {
      let n: number | null = null;
      if (v.k === 'int') n = v.n;
      else if (v.k === 'str' && v.s.length === 4) n = pyInt(v.s);
      return n !== null && n >= 0 && n <= 9999 ? { ok: true, value: n } : FAIL;
    }
    case 'date': {
      if (v.k === 'datetime') {
        if (v.serial % 1 !== 0) return FAIL;
        const d = excelSerialToYmd(v.serial);
        return d ? { ok: true, value: isoDate(d) } : FAIL;
      }
      if (v.k !== 'str') return FAIL;
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.s);
      if (!m || !validDate(+m[1], +m[2], +m[3])) return FAIL;
      return { ok: true, value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
    }
    case 'datetime': {
      if (v.k === 'datetime') {
        const t = serialDateTime(v.serial);
        return t ? { ok: true, value: t.replace(' ', 'T') } : FAIL;
      }
      if (v.k !== 'str' || v.s.length < 19 || v.s[16] !== ':') return FAIL;
      const m =
        /^(\d{4})-(\d{2})-(\d{2}).(\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
          v.s,
        );
      if (!m || !validDate(+m[1], +m[2], +m[3]) || +m[4] > 24 || +m[5] > 59 || +m[6] > 59) return FAIL;
      return { ok: true, value: v.s };
    }
    case 'time': {
      if (v.k === 'time') return { ok: true, value: timeText(v.serial) };
      if (v.k !== 'str') return FAIL;
      const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(v.s);
      if (!m || +m[1] > 23 || +m[2] > 59 || +m[3] > 61) return FAIL;
      return { ok: true, value: v.s };
    }
    case 'yearmonth': {
      if (v.k !== 'str') return FAIL;
      const parts = v.s.split('-');
      if (parts.length !== 2) return FAIL;
      const y = pyInt(parts[0]);
      const m = pyInt(parts[1]);
      if (y === null || m === null || m < 1 || m > 12) return FAIL;
      return { ok: true, value: `${y}-${String(m).padStart(2, '0')}` };
    }
    case 'duration':
      return v.k === 'str' && DURATION.test(v.s) ? { ok: true, value: v.s } : FAIL;
    case 'geopoint': {
      if (v.k !== 'str') return FAIL;
      const parts = v.s.split(',');
      if (parts.length !== 2) return FAIL;
      const lon = pyDecimal(parts[0]);
      const lat = pyDecimal(parts[1]);
      if (lon === null || lat === null || !(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90))
        return FAIL;
      return { ok: true, value: `${lon}, ${lat}` };
    }
    case 'geojson':
    case 'object':
    case 'array': {
      if (v.k !== 'str') return FAIL;
      const j = parseJson(v.s);
      if (!j.ok) return FAIL;
      const val = j.value;
      if (type === 'array') return Array.isArray(val) ? { ok: true, value: JSON.stringify(val) } : FAIL;
      if (typeof val !== 'object' || val === null || Array.isArray(val)) return FAIL;
      if (type === 'geojson') {
        const t = (val as Record<string, unknown>).type;
        if (typeof t !== 'string' || !GEOJSON_TYPES.includes(t)) return FAIL;
      }
      return { ok: true, value: JSON.stringify(val) };
    }
  }
}

/** Field names from header labels (or field1..N from the first data row when there is no header). */
export function fieldNamesFrom(labels: string[], fragment: SValue[][]): string[] {
  let names = labels.map((l) => l.replace(/\n/g, ' ').trim());
  if (names.length === 0) {
    if (fragment.length === 0) return [];
    names = fragment[0].map((_v, i) => `field${i + 1}`);
  }
  names = names.map((n, i) => n || `field${i + 1}`);
  if (new Set(names).size !== names.length) {
    const seen: string[] = [];
    names = names.map((n) => {
      const count = seen.filter((s) => s === n).length + 1;
      seen.push(n);
      return count > 1 ? `${n}${count}` : n;
    });
  }
  return names;
}

export interface InferOptions {
  /** 0..1; default 0.9. */
  confidence?: number;
  /** Texts read as missing; default [""]. */
  missingValues?: string[];
}

/** The type of each column, inferred from the fragment (data rows of the sample). */
export function inferTypes(count: number, fragment: SValue[][], opts: InferOptions = {}): FrictionlessType[] {
  const confidence = opts.confidence ?? DEFAULT_FIELD_CONFIDENCE;
  const missing = opts.missingValues ?? [''];
  const types: (FrictionlessType | null)[] = new Array<FrictionlessType | null>(count).fill(null);
  const maxScore: number[] = new Array<number>(count).fill(fragment.length);
  const threshold = fragment.length * (confidence - 1);
  const runners = Array.from({ length: count }, () => FIELD_CANDIDATES.map((type) => ({ type, score: 0 })));
  for (const cells of fragment) {
    for (let i = 0; i < count; i++) {
      if (types[i] !== null) continue;
      const source = i < cells.length ? cells[i] : null;
      const isMissing = source !== null && source.k === 'str' && missing.includes(source.s);
      if (isMissing) maxScore[i] -= 1;
      for (const runner of runners[i]) {
        if (runner.score < threshold) continue;
        if (!isMissing) runner.score += source === null || readValue(runner.type, source).ok ? 1 : -1;
        if (maxScore[i] > 0 && runner.score >= maxScore[i] * confidence) {
          types[i] = runner.type;
          break;
        }
      }
    }
  }
  return types.map((t) => t ?? 'any');
}

export interface SheetReadOptions extends ReadOptions {
  /** CSV semantics: a row is as wide as the cells it has (default false: as wide as the sheet). */
  ragged?: boolean;
}

/** The cells of a sheet row as frictionless reads them. */
export function sheetRowValues(
  sheet: GridSheet,
  r: number,
  width: number,
  opts: SheetReadOptions = {},
): SValue[] {
  const row = sheet.rows[r] ?? [];
  const w = opts.ragged ? row.length : width;
  const out: SValue[] = [];
  for (let c = 0; c < w; c++) out.push(toSValue(row[c], opts));
  return out;
}

/** The widest row of a sheet (what openpyxl calls max_column). */
export function sheetWidth(sheet: GridSheet): number {
  let w = 0;
  for (const row of sheet.rows) if (row && row.length > w) w = row.length;
  return w;
}

export interface InferSchemaOptions extends SheetReadOptions, InferOptions {
  /** Row 1 is the header (default true). */
  header?: boolean;
  /** Rows in the sample, the header included (default 100). */
  sampleSize?: number;
}

/** Frictionless field list of a sheet: names from the header, types from the sample. */
export function inferFields(sheet: GridSheet, opts: InferSchemaOptions = {}): StrictField[] {
  const header = opts.header ?? true;
  const width = sheetWidth(sheet);
  const sampleSize = opts.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  const n = Math.min(sheet.rows.length, sampleSize);
  const labels = header && n > 0 ? sheetRowValues(sheet, 0, width, opts).map(svalueText) : [];
  const fragment: SValue[][] = [];
  for (let r = header ? 1 : 0; r < n; r++) fragment.push(sheetRowValues(sheet, r, width, opts));
  const names = fieldNamesFrom(labels, fragment);
  const types = inferTypes(names.length, fragment, opts);
  return names.map((name, i) => ({ name, type: types[i] }));
}

const OUR_TYPE: Partial<Record<FrictionlessType, FieldType>> = {
  any: 'any',
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  year: 'year',
  date: 'date',
};

/** A Table Schema inferred from a sheet (types we do not check become "any"). */
export function inferSchema(sheet: GridSheet, opts: InferSchemaOptions = {}): TableSchema {
  return {
    fields: inferFields(sheet, opts).map((f) => ({ name: f.name, type: OUR_TYPE[f.type] ?? 'any' })),
  };
}
