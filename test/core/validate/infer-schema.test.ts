import type { GridCell, GridSheet } from '../../../src/core/grid';
import { inferFields, inferSchema, readValue, toSValue } from '../../../src/core/validate/infer-schema';
import { validateStrict } from '../../../src/core/validate/strict';
import { sheetFromRows } from './load-fixture';

const column = (values: (string | number | null)[], label = 'c'): GridSheet =>
  sheetFromRows([[label], ...values.map((v) => [v])]);
const typeOf = (values: (string | number | null)[]) => inferFields(column(values), { ragged: true })[0].type;

describe('inference like frictionless', () => {
  it.each([
    [['1', '2', '30'], 'integer'],
    [['1.5', '2', '-3e2'], 'number'],
    [['true', 'False', 'TRUE'], 'boolean'],
    [['2023-05-18', '2023-5-1'], 'date'],
    [['2023-05', '2023-12'], 'yearmonth'],
    [['2023-05-18T10:00:00Z', '2023-05-18T10:00:00+07:00'], 'datetime'],
    [['10:00:00', '23:59:59'], 'time'],
    [['{"a": 1}', '{}'], 'object'],
    [['[1, 2]', '[]'], 'array'],
    [['{"type": "Point", "coordinates": [105.8, 21.0]}'], 'geojson'],
    [['105.8, 21.0', '106, 20.9'], 'geopoint'],
    [['P1D', 'PT2H30M'], 'duration'],
    [['Nguyễn Thị Hoa', '1985'], 'string'],
    [['18/05/2023', '19/05/2023'], 'string'],
    [['', ''], 'any'],
  ] as [string[], string][])('%j is %s', (values, type) => {
    expect(typeOf(values)).toBe(type);
  });

  it('takes 90% as enough: one odd value in twenty leaves the column integer, and that value is a type error', () => {
    const ids = Array.from({ length: 19 }, (_v, i) => String(1101 + i));
    const values = [...ids, 'không rõ'];
    expect(typeOf(values)).toBe('integer');
    const report = validateStrict(column(values, 'id'), { file: 'x.csv' });
    expect(report.errors.map((e) => [e.rowNumber, e.fieldNumber, e.type])).toEqual([[21, 1, 'type-error']]);
    // two odd values before the 18th good one are too many: the column is text
    expect(typeOf(['a', 'b', ...ids.slice(1)])).toBe('string');
  });

  it('decides on the first 100 rows, the header included', () => {
    const values = [...Array.from({ length: 99 }, (_v, i) => String(i + 1)), ...Array<string>(20).fill('x')];
    expect(typeOf(values)).toBe('integer');
    const report = validateStrict(column(values), { file: 'x.csv' });
    expect(report.errors).toHaveLength(20);
    expect(report.errors[0]).toMatchObject({ rowNumber: 101, type: 'type-error' });
    expect(inferFields(column(values), { ragged: true, sampleSize: 200 })[0].type).toBe('string');
  });

  it('reads spreadsheet cells by their kind: numbers, dates, booleans', () => {
    const date: GridCell = { v: 45064, z: 'dd/mm/yyyy', w: '18/05/2023' };
    expect(toSValue(date)).toEqual({ k: 'datetime', serial: 45064 });
    expect(readValue('date', { k: 'datetime', serial: 45064 })).toEqual({ ok: true, value: '2023-05-18' });
    expect(readValue('date', { k: 'datetime', serial: 45064.5 })).toEqual({ ok: false });
    expect(readValue('string', { k: 'int', n: 5 })).toEqual({ ok: false });
    expect(toSValue({ v: 5, w: '5' }, { stringified: true })).toEqual({ k: 'str', s: '5' });
    const sheet: GridSheet = {
      name: 'S',
      visibility: 'visible',
      merges: [],
      rows: [
        [{ v: 'id' }, { v: 'ngay' }, { v: 'ok' }, { v: 'ten' }],
        [{ v: 1 }, date, { v: true }, { v: 'A' }],
        [{ v: 2 }, { ...date, v: 45065 }, { v: false }, { v: 'B' }],
      ],
    };
    expect(inferFields(sheet).map((f) => f.type)).toEqual(['integer', 'datetime', 'boolean', 'string']);
    expect(inferSchema(sheet).fields.map((f) => f.type)).toEqual(['integer', 'any', 'boolean', 'string']);
  });

  it('reads integers and numbers the way Python does', () => {
    expect(readValue('integer', { k: 'str', s: ' 12 ' })).toEqual({ ok: true, value: 12 });
    expect(readValue('integer', { k: 'str', s: '1_000' })).toEqual({ ok: true, value: 1000 });
    expect(readValue('integer', { k: 'str', s: '1.0' })).toEqual({ ok: false });
    expect(readValue('integer', { k: 'float', n: 3 })).toEqual({ ok: true, value: 3 });
    expect(readValue('number', { k: 'str', s: '1,5' })).toEqual({ ok: false });
    expect(readValue('number', { k: 'str', s: '.5' })).toEqual({ ok: true, value: 0.5 });
    expect(readValue('number', { k: 'str', s: '-Infinity' })).toEqual({ ok: true, value: -Infinity });
    expect(readValue('year', { k: 'str', s: '1985' })).toEqual({ ok: true, value: 1985 });
    expect(readValue('year', { k: 'str', s: '85' })).toEqual({ ok: false });
    expect(readValue('boolean', { k: 'str', s: 'yes' })).toEqual({ ok: false });
  });
});
