import fc from 'fast-check';
import { rowHeights, wrappedLines } from '../../../src/core/plan/row-heights';
import type { SheetPlan } from '../../../src/core/plan/write-plan';

test('a long achievement summary in a 50-wide column takes several lines; a short one takes one', () => {
  const long =
    'Chủ trì xây dựng và vận hành mô hình nhà màng trồng dưa lưới ứng dụng công nghệ cao, chuyển giao ' +
    'quy trình cho 40 hộ dân trên địa bàn huyện, nâng thu nhập bình quân thêm 20% mỗi năm.';
  expect(wrappedLines(long, 50, 12)).toBeGreaterThanOrEqual(3);
  expect(wrappedLines('Hợp lệ', 11, 12)).toBe(1);
  expect(wrappedLines('dòng một\ndòng hai\ndòng ba', 40, 12)).toBe(3);
});

/** The rule, written plainly: paragraphs, words, a word longer than a line broken across lines. */
function linesByWords(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width * (11 / size) * 1.05));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let n = 1;
    let used = 0;
    for (const w of para.split(/\s+/).filter((x) => x !== '')) {
      const len = [...w].length;
      if (used === 0) {
        n += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        n += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

test('the one-pass count of wrapped lines agrees with counting paragraph by paragraph, word by word', () => {
  const piece = fc.constantFrom('Nguyễn', 'Thị', 'thành', 'tích', 'KH&CN', '2019-2023', '😀', 'x'.repeat(37));
  const sep = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000', ' \n ');
  const text = fc
    .array(fc.tuple(piece, sep), { maxLength: 40 })
    .map((xs) => xs.map(([p, s]) => p + s).join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 80 }), fc.constantFrom(10, 11, 12, 13), (t, w, sz) => {
      expect(wrappedLines(t, w, sz)).toBe(linesByWords(t, w, sz));
    }),
    { numRuns: 2000 },
  );
});

test('rows of a table and of free-form cells get heights only where wrapped text needs them', () => {
  const sheet: SheetPlan = {
    name: 'Tổng hợp',
    font: { name: 'Times New Roman', size: 12 },
    table: {
      name: 'TongHop',
      headerRow: 1,
      style: 'TableStyleMedium2',
      columns: [
        { header: 'STT', width: 5 },
        { header: 'Tóm tắt thành tích tiêu biểu', width: 20, wrap: true },
      ],
      rows: [
        [1, 'Ngắn.'],
        [2, 'Một đoạn thành tích dài hơn nhiều so với độ rộng của cột, cần ít nhất ba dòng để hiện hết.'],
      ],
    },
  };
  const h = rowHeights(sheet);
  expect(h.has(2)).toBe(false);
  expect(h.get(3)).toBeGreaterThan(40);
  expect(h.get(1)).toBeGreaterThan(15); // the header "Tóm tắt thành tích tiêu biểu" wraps
});
