/**
 * Text from submissions lands as the same text: what the gateway sends, read the way Excel reads typed
 * input (the fake's parser), gives back the original string — never a formula, a number, a date or a
 * Boolean — in text-formatted columns and in General ones alike.
 */
import fc from 'fast-check';
import { excelValue, literalText, MAX_CELL_TEXT } from '../../src/excel/literal-text';
import { parseInput } from '../support/fake-excel/input';

const OPTS = { dateOrder: 'mdy' as const, currentYear: 2023 };

function landed(s: string, textColumn: boolean) {
  return parseInput(literalText(s, textColumn), textColumn ? '@' : 'General', OPTS);
}

describe('literalText', () => {
  const dangerous = [
    '=HYPERLINK("http://example.vn","Kỹ thuật can thiệp mạch vành")',
    '+84 912 345 678',
    '-5',
    '@SUM(A1:A3)',
    '- Tham gia xây dựng mô hình nông thôn mới',
    "'quote",
    '\tthụt lề',
    '\rxuống dòng',
  ];

  it.each(dangerous)('keeps %j as literal text in text and General columns', (s) => {
    for (const textColumn of [true, false]) {
      const r = landed(s, textColumn);
      expect(r.value).toBe(s);
      expect(r.formula).toBeUndefined();
    }
  });

  it('keeps numbers, dates and Booleans typed as text as text in a General column', () => {
    for (const s of [
      '1980',
      '19855',
      '0912345678',
      '18/5/2023',
      '2023-05-18',
      'TRUE',
      'false',
      '50%',
      '10:30',
      '312/2023',
      '(5)',
      '1,234.5',
    ]) {
      const r = landed(s, false);
      expect(r.value).toBe(s);
      expect(typeof r.value).toBe('string');
    }
  });

  it('sends ordinary text without an apostrophe (nothing shows in the formula bar)', () => {
    for (const textColumn of [true, false]) {
      expect(literalText('Nguyễn Thị Hoa', textColumn)).toBe('Nguyễn Thị Hoa');
      expect(literalText('Ủy ban nhân dân thị xã Mỹ Hào', textColumn)).toBe('Ủy ban nhân dân thị xã Mỹ Hào');
    }
    expect(literalText('0912345678', true)).toBe('0912345678');
    expect(literalText('#N/A', false)).toBe("'#N/A");
  });

  it('lands any string as itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.boolean(), (s, textColumn) => {
        const r = landed(s, textColumn);
        expect(r.formula).toBeUndefined();
        expect(r.value).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts text longer than a cell holds, and Excel accepts it', () => {
    const long = 'a'.repeat(MAX_CELL_TEXT + 10);
    const r = landed(long, true);
    expect((r.value as string).length).toBe(MAX_CELL_TEXT);
    expect((r.value as string).endsWith('…')).toBe(true);
  });
});

describe('excelValue', () => {
  it('writes dates as Excel serial numbers, numbers and Booleans as they are, blanks as ""', () => {
    expect(excelValue({ date: '2023-05-20' }, false)).toBe(45066);
    expect(excelValue(1980, false)).toBe(1980);
    expect(excelValue(true, false)).toBe(true);
    expect(excelValue(null, true)).toBe('');
    expect(excelValue(Number.NaN, false)).toBe('');
  });
});
