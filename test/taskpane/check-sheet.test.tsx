/** @jest-environment ./test/support/jsdom-env.js */
/**
 * "Kiểm tra trang tính này": a list the clerk pasted into a sheet by hand is read from Excel, checked like a
 * returned file, shown in detail, and can be merged like one.
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { readMaster } from '../../src/excel/gateway';
import { emptyMaster, HOA, HTX, TUAN } from '../core/master/lists';
import type { FakeExcel } from '../support/fake-excel';
import { layoutList } from '../support/returned-list';
import { paste } from '../excel/helpers';
import { excelWithCampaign, renderPane } from './render';

jest.setTimeout(60_000);
configure({ defaultHidden: true }); // see round.test.tsx

/** The clerk adds a sheet and pastes Văn Lâm's list into it (text pasted as text). */
async function pasteList(fake: FakeExcel): Promise<number> {
  const nominees = [HTX, HOA, TUAN];
  const L = layoutList({ nominees });
  await paste(fake, 'DS dán tay', L.rows, { merges: L.merges });
  return nominees.length;
}

test('a list pasted into the active sheet is checked, reviewed and merged like a returned file', async () => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const fake = await excelWithCampaign(emptyMaster());
  const n = await pasteList(fake);
  renderPane({ fake });
  await user.click(await screen.findByRole('tab', { name: /Nhận tệp/ }));
  await user.click(screen.getByRole('button', { name: 'Kiểm tra trang tính này' }));

  // the review opens on it: the table as read, no errors
  await screen.findByRole('heading', { name: 'Chi tiết tệp: Trang tính „DS dán tay”' });
  await screen.findByText(`Trang „DS dán tay”: ${n}/${n} dòng đầu`);
  expect(screen.queryByText(/^Lỗi \(/)).toBeNull();
  await user.click(screen.getByRole('button', { name: /Quay lại/ }));

  const card = document.querySelector<HTMLElement>('[data-file="Trang tính „DS dán tay”"]')!;
  expect(within(card).getByText(`${n} dòng đề nghị`, { exact: false })).toBeTruthy();
  // the header block names the unit
  expect((within(card).getByRole('combobox') as HTMLInputElement).value).toBe('UBND huyện Văn Lâm');

  await user.click(screen.getByRole('button', { name: 'Gộp vào bảng tổng hợp' }));
  await user.click(await screen.findByRole('button', { name: 'Gộp 1 tệp' }));
  await screen.findByRole('heading', { name: 'Đã gộp xong' });
  await waitFor(async () => {
    const rows = (await readMaster(fake.Excel)).model!.rows;
    expect(rows.map((r) => r.values.ten)).toEqual([HTX.ten, HOA.ten, TUAN.ten]);
    expect(rows.every((r) => r.unit === 'UBND huyện Văn Lâm' && r.file === 'Trang tính „DS dán tay”')).toBe(
      true,
    );
  });
});
