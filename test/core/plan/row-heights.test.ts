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
