import fc from 'fast-check';
import type { GridCell } from '../../../src/core/grid';
import { defaultSchema, LINH_VUC } from '../../../src/core/schema/default-schema';
import type { FieldDef, FieldType } from '../../../src/core/schema/types';
import {
  castValue,
  codePointLength,
  excelSerialToYmd,
  isMissingCell,
  normalizeText,
  isDateFormat,
  parseDateText,
  parseNumberText,
  ymdToExcelSerial,
} from '../../../src/core/validate/cast';

const field = (type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({ name: 'f', type, ...extra });
const text = (s: string): GridCell => ({ v: s, w: s });
const num = (n: number, z?: string, w?: string): GridCell => ({
  v: n,
  ...(z ? { z } : {}),
  ...(w ? { w } : {}),
});
const schemaField = (name: string): FieldDef => {
  const f = defaultSchema().fields.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

function value(cell: GridCell | undefined, f: FieldDef) {
  const r = castValue(cell, f);
  if (!r.ok) throw new Error(`expected a value for ${JSON.stringify(cell)}, got ${r.reason}`);
  return r.value;
}

describe('castValue: text', () => {
  it('trims, collapses inner whitespace and composes to NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n  Thi\u0323\u00a0Hoa \n';
    expect(value(text(decomposed), field('string'))).toBe('Nguyễn Thị Hoa');
  });

  it('keeps text that starts like a formula as text', () => {
    for (const s of [
      '=HYPERLINK("http://x.vn","x")',
      '+84 912 345 678',
      '- Bằng khen UBND tỉnh 2022',
      '@ghi chú',
    ]) {
      expect(value(text(s), field('string'))).toBe(s);
    }
  });

  it('uses the displayed text of a number cell', () => {
    expect(value(num(1234.5, '#,##0.0', '1,234.5'), field('string'))).toBe('1,234.5');
    expect(value(num(912345678), field('string'))).toBe('912345678');
  });

  it('treats "", "-", "—" and the schema missing values as empty, but not "x"', () => {
    for (const s of ['', '  ', '-', '—', '–', '...']) expect(value(text(s), field('string'))).toBeNull();
    expect(value(undefined, field('string'))).toBeNull();
    expect(castValue(text('không có'), field('string'), { missingValues: ['không có'] })).toEqual({
      ok: true,
      value: null,
    });
    expect(value(text('x'), field('string'))).toBe('x');
    expect(value(text('x'), schemaField('gioiTinh'))).toBe('Nam');
  });

  it('reports a formula error cell for every type', () => {
    const cell: GridCell = { v: '#N/A', w: '#N/A', err: true, f: 'VLOOKUP(A1,B:C,2,0)' };
    for (const t of ['string', 'integer', 'year', 'date', 'enum'] as FieldType[]) {
      const r = castValue(cell, field(t, { constraints: { enum: ['A'] } }));
      expect(r).toMatchObject({ ok: false, reason: 'error-value', text: '#N/A' });
    }
  });
});

describe('castValue: numbers', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.000', 1000],
    ['1,000', 1000],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['1,5', 1.5],
    ['0.500', 0.5],
    ['12,25', 12.25],
    ['-3', -3],
    ['1234.567', 1234.567],
  ])('reads %s as %d', (s, n) => {
    expect(parseNumberText(s)).toBe(n);
    expect(value(text(s), field('number'))).toBe(n);
  });

  it.each(['19a5', '1,2,3', '1.2.3,4,5', '12%', 'mười', '1.', '--5'])('refuses %s', (s) => {
    expect(parseNumberText(s)).toBeNull();
    expect(castValue(text(s), field('number'))).toMatchObject({ ok: false, reason: 'not-number' });
  });

  it('reads integers, refusing fractions', () => {
    expect(value(num(42), field('integer'))).toBe(42);
    expect(value(text('1.000'), field('integer'))).toBe(1000);
    expect(castValue(text('1,5'), field('integer'))).toMatchObject({
      ok: false,
      reason: 'not-integer',
      text: '1,5',
    });
    expect(castValue(num(2.5), field('integer'))).toMatchObject({ ok: false, reason: 'not-integer' });
  });
});

describe('castValue: years', () => {
  const year = schemaField('namSinh');
  it('reads a number, a text, a date cell, a date text and a date phrase', () => {
    expect(value(num(1985), year)).toBe(1985);
    expect(value(text('1985'), year)).toBe(1985);
    expect(value(num(ymdToExcelSerial({ y: 1985, m: 3, d: 12 }), 'dd/mm/yyyy', '12/03/1985'), year)).toBe(
      1985,
    );
    expect(value(text('12/03/1985'), year)).toBe(1985);
    expect(value(text('ngày 12 tháng 3 năm 1985'), year)).toBe(1985);
    expect(value(text('Năm 1985'), year)).toBe(1985);
    expect(value(text('3/1985'), year)).toBe(1985);
  });

  it('refuses what is not a year', () => {
    for (const s of ['19a5', '85', 'khoảng 1985', '12/13/1985']) {
      expect(castValue(text(s), year)).toMatchObject({ ok: false, reason: 'not-year', text: s });
    }
    expect(castValue(num(31000), year)).toMatchObject({ ok: false, reason: 'not-year' });
  });
});

describe('castValue: dates', () => {
  const date = field('date');
  it.each([
    ['18/05/2023', '2023-05-18'],
    ['18/5/2023', '2023-05-18'],
    ['1/2/23', '2023-02-01'],
    ['1/2/85', '1985-02-01'],
    ['18-05-2023', '2023-05-18'],
    ['18.05.2023', '2023-05-18'],
    ['2023-05-18', '2023-05-18'],
    ['ngày 18 tháng 5 năm 2023', '2023-05-18'],
    ['Văn Lâm, ngày 18 tháng 05 năm 2023', '2023-05-18'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s', (s, iso) => {
    expect(value(text(s), date)).toBe(iso);
  });

  it.each(['05/18/2023', '31/04/2023', '29/02/2023', 'tháng 5', '18/05'])(
    'refuses %s (never swaps day and month)',
    (s) => {
      expect(parseDateText(s)).toBeNull();
      expect(castValue(text(s), date)).toMatchObject({ ok: false, reason: 'not-date' });
    },
  );

  it('reads Excel serials, with the 1900 leap-year bug', () => {
    expect(excelSerialToYmd(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(excelSerialToYmd(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(excelSerialToYmd(60)).toBeNull(); // 29/02/1900 never existed
    expect(excelSerialToYmd(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(excelSerialToYmd(45064)).toEqual({ y: 2023, m: 5, d: 18 });
    expect(value(num(45064, 'dd/mm/yyyy'), date)).toBe('2023-05-18');
    expect(value(num(45064.75, 'dd/mm/yyyy hh:mm'), date)).toBe('2023-05-18');
    expect(castValue(num(60, 'dd/mm/yyyy'), date)).toMatchObject({ ok: false });
  });

  it('does not take a bare year for a date serial', () => {
    const r = castValue(num(1985), date);
    expect(r).toMatchObject({ ok: false, reason: 'not-date' });
    expect(r.ok ? '' : r.hint).toContain('1985 là một năm');
  });

  it('serial and date round-trip for every day of 1900-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73050 }), (s) => {
        const d = excelSerialToYmd(s);
        return d !== null && ymdToExcelSerial(d) === s;
      }),
    );
  });

  it('knows date formats from number formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0.00"đ"')).toBe(false);
  });
});

describe('castValue: enum values and booleans', () => {
  const linhVuc = schemaField('linhVuc');
  const loai = schemaField('loai');
  it('returns the canonical value through case, accents and abbreviations', () => {
    expect(value(text('ứng dụng, chuyển giao tiến bộ khoa học và công nghệ'), linhVuc)).toBe(
      'Ứng dụng, chuyển giao tiến bộ KH&CN',
    );
    expect(value(text('UNG DUNG CHUYEN GIAO TIEN BO KHCN'), linhVuc)).toBe(
      'Ứng dụng, chuyển giao tiến bộ KH&CN',
    );
    expect(value(text('Khởi nghiệp, ĐMST'), linhVuc)).toBe('Khởi nghiệp, đổi mới sáng tạo');
    expect(value(text('ca nhan'), loai)).toBe('Cá nhân');
    expect(value(text('TẬP THỂ'), loai)).toBe('Tập thể');
  });

  it('refuses an unknown value', () => {
    expect(castValue(text('Nông nghiệp'), linhVuc)).toMatchObject({
      ok: false,
      reason: 'not-enum',
      text: 'Nông nghiệp',
    });
  });

  it('reads có/không, x, true/false', () => {
    const b = field('boolean');
    for (const s of ['có', 'Có', 'CO', 'x', 'X', 'true', 'TRUE', '1', 'đúng'])
      expect(value(text(s), b)).toBe('Có');
    for (const s of ['không', 'Khong', 'false', '0', 'sai']) expect(value(text(s), b)).toBe('Không');
    expect(value({ v: true }, b)).toBe('Có');
    expect(castValue(text('có lẽ'), b)).toMatchObject({ ok: false, reason: 'not-boolean' });
  });

  it('a canonical value of the letter is itself', () => {
    for (const l of LINH_VUC) expect(value(text(l.value), linhVuc)).toBe(l.value);
  });
});

describe('castValue never throws', () => {
  const cellArb: fc.Arbitrary<GridCell | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        v: fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.double(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.constantFrom(
            '1.234,5',
            '12/03/1985',
            'ngày 31 tháng 2 năm 2023',
            'KH&CN',
            '=SUM(A1)',
            '\u0000',
            '1e400',
          ),
        ),
        w: fc.option(fc.string(), { nil: undefined }),
        z: fc.option(fc.constantFrom('General', 'dd/mm/yyyy', '0.00', 'yyyy', '[h]:mm', '@'), {
          nil: undefined,
        }),
        f: fc.option(fc.string(), { nil: undefined }),
        err: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ['v'] },
    ),
  );
  const fields = [
    ...defaultSchema().fields,
    field('integer'),
    field('number'),
    field('date'),
    field('boolean'),
    field('any'),
  ];
  it('for any cell and any field type, and an ok value has the right JS type', () => {
    fc.assert(
      fc.property(cellArb, fc.constantFrom(...fields), (cell, f) => {
        const r = castValue(cell, f);
        if (!r.ok) return typeof r.text === 'string';
        if (r.value === null) return true;
        switch (f.type) {
          case 'integer':
            return Number.isInteger(r.value);
          case 'number':
          case 'year':
            return typeof r.value === 'number' && Number.isFinite(r.value);
          case 'date':
            return typeof r.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.value);
          case 'enum':
            return (f.constraints?.enum ?? []).includes(r.value as string);
          default:
            return true;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cell text rules, written for speed', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u3000',
      '\u2028',
      'e\u0301',
      '\ud83d',
      '\ude00',
      '😀',
      'N/A',
      '-',
      '…',
    ),
  );
  const texts = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));

  test('a text counts its characters as [...text] does, lone surrogates included', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(codePointLength(s)).toBe([...s].length);
      }),
      { numRuns: 2000 },
    );
  });

  test('normalizeText gives the plain rule for every text of a sequence, repeats included', () => {
    const plain = (s: string) =>
      s
        .normalize('NFC')
        .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
        .replace(/\s+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(
        fc.array(texts, { maxLength: 6 }),
        fc.array(fc.nat(5), { maxLength: 12 }),
        (pool, picks) => {
          for (const i of picks) {
            const s = pool.length ? pool[i % pool.length]! : '';
            expect(normalizeText(s)).toBe(plain(s));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a missing value is found in any case and spacing; a long text never is', () => {
    expect(isMissingCell(text(' N/A '))).toBe(true);
    expect(isMissingCell(text('#N/A'))).toBe(true);
    expect(isMissingCell(text('—'))).toBe(true);
    expect(isMissingCell(text('N/A N/A'))).toBe(false);
    expect(isMissingCell(text('  Không   có '), ['Không có'])).toBe(true);
  });
});
