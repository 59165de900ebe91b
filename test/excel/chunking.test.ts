/** Payload estimation and splitting of large writes under the request budget. */
import fc from 'fast-check';
import {
  gridBytes,
  jsonBytes,
  REQUEST_BUDGET,
  REQUEST_LIMIT,
  splitByCost,
  utf8Length,
} from '../../src/excel/chunking';
import { columnWidthChars, columnWidthPoints } from '../../src/excel/units';
import { cfFormula, listSource } from '../../src/excel/table-format';

describe('payload estimation', () => {
  it('counts Vietnamese text in UTF-8 bytes, as it travels', () => {
    expect(utf8Length('Hoa')).toBe(3);
    expect(utf8Length('Nguyễn')).toBe(Buffer.byteLength('Nguyễn', 'utf8'));
    expect(utf8Length('🙂')).toBe(4);
    const row = ['Nguyễn Thị Hoa', 1980, 'Ứng dụng, chuyển giao tiến bộ KH&CN', true, ''];
    expect(jsonBytes(row)).toBe(Buffer.byteLength(JSON.stringify(row), 'utf8'));
    expect(gridBytes([row, row])).toBe(Buffer.byteLength(JSON.stringify([row, row]), 'utf8'));
  });

  it('keeps a margin under the 5 MB limit', () => {
    expect(REQUEST_BUDGET).toBeLessThan(REQUEST_LIMIT);
    expect(REQUEST_BUDGET).toBeGreaterThan(REQUEST_LIMIT * 0.8);
  });
});

describe('splitByCost', () => {
  it('cuts rows into consecutive chunks that cover them all, each within the budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 300 }),
        fc.integer({ min: 50, max: 3000 }),
        (costs, budget) => {
          const chunks = splitByCost(costs, budget, 10);
          let next = 0;
          for (const ch of chunks) {
            expect(ch.start).toBe(next);
            expect(ch.end).toBeGreaterThan(ch.start);
            const sum = 10 + costs.slice(ch.start, ch.end).reduce((a, b) => a + b, 0);
            expect(ch.bytes).toBe(sum);
            if (ch.end - ch.start > 1) expect(sum).toBeLessThanOrEqual(budget);
            next = ch.end;
          }
          expect(next).toBe(costs.length);
        },
      ),
    );
  });

  it('makes as few chunks as the budget allows (greedy)', () => {
    expect(splitByCost([40, 40, 40, 40], 100, 0).map((c) => c.end)).toEqual([2, 4]);
    expect(splitByCost([], 100)).toEqual([]);
  });
});

describe('units and rules', () => {
  it('converts column widths like Excel: the default column (9.140625) is 48 points, width 20 is 105', () => {
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(columnWidthPoints(20)).toBe(105);
    for (const w of [5, 12, 28, 50]) expect(columnWidthChars(columnWidthPoints(w))).toBeCloseTo(w, 1);
  });

  it('writes conditional-format rules like the command line: the row of the status cell', () => {
    expect(
      cfFormula({ column: 'Tình trạng', when: { equals: ['Có lỗi'] }, wholeRow: true, style: {} }, '$O3'),
    ).toBe('=$O3="Có lỗi"');
    expect(
      cfFormula({ column: 'x', when: { equals: ['a', 'b"c'] }, wholeRow: false, style: {} }, '$B2'),
    ).toBe('=OR($B2="a",$B2="b""c")');
    expect(cfFormula({ column: 'x', when: { notBlank: true }, wholeRow: false, style: {} }, '$B2')).toBe(
      '=LEN(TRIM($B2))>0',
    );
  });

  it('makes a dropdown source only when Excel can hold it in place', () => {
    const col = (values: string[]) => ({ header: 'Loại', width: 10, list: { values, strict: false } });
    expect(listSource(col(['Tập thể', 'Cá nhân']))).toBe('Tập thể,Cá nhân');
    expect(listSource(col(['UBND huyện, thị xã, thành phố', 'Sở, ban, ngành']))).toBeNull();
    expect(listSource(col(Array.from({ length: 40 }, (_, i) => `Lĩnh vực số ${i}`)))).toBeNull();
  });
});
