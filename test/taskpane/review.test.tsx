/** @jest-environment ./test/support/jsdom-env.js */
/**
 * Reviewing a file in the pane: a list whose name column the engine does not recognise is not read; the clerk
 * says which column holds the names through the column's dropdown, and the file is read again with it.
 */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import * as XLSX from '@e965/xlsx';
import { emptyMaster } from '../core/master/lists';
import { listXlsx, SAMPLE_NOMINEES } from '../support/returned-list';
import { excelWithCampaign, renderPane } from './render';

jest.setTimeout(60_000);
configure({ defaultHidden: true }); // see round.test.tsx

/** Văn Lâm's list with its name column headed "Người được đề nghị" (no alias of the name field). */
async function listWithUnknownNameColumn(): Promise<File> {
  const bytes = await listXlsx({ nominees: SAMPLE_NOMINEES });
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  let renamed = 0;
  for (const addr of Object.keys(ws)) {
    const c = ws[addr] as XLSX.CellObject | undefined;
    if (!addr.startsWith('!') && c && c.v === 'Họ và tên') {
      ws[addr] = { t: 's', v: 'Người được đề nghị' };
      renamed++;
    }
  }
  expect(renamed).toBeGreaterThan(0);
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new File([out], 'DS_Van_Lam.xlsx');
}

test('a name column the engine misses: the clerk maps it in the review and the list is read', async () => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  renderPane({ fake: await excelWithCampaign(emptyMaster()) });
  await user.click(await screen.findByRole('tab', { name: /Nhận tệp/ }));
  await user.upload(screen.getByTestId('pick-files'), [await listWithUnknownNameColumn()]);

  const card = await waitFor(() => {
    const c = document.querySelector<HTMLElement>('[data-file="DS_Van_Lam.xlsx"]')!;
    expect(within(c).queryByText('…')).toBeNull();
    return c;
  });
  expect(within(card).getByText(/Không có dòng đề nghị/)).toBeTruthy();
  expect(card.getAttribute('data-attention')).toBe('1');

  await user.click(within(card).getByRole('button', { name: /Xem chi tiết/ }));
  await screen.findByText(/chưa tìm thấy danh sách/);
  // the sheet's first rows as they are, with a field dropdown per column; B holds the names
  const colB = screen.getByLabelText('Cột B là trường') as HTMLSelectElement;
  fireEvent.change(colB, { target: { value: 'ten' } });

  await screen.findByText(/Trang „Danh sách”: \d+\/\d+ dòng đầu/);
  const names = SAMPLE_NOMINEES.map((n) => n.ten);
  for (const n of names.slice(0, 3)) expect(screen.getAllByText(n).length).toBeGreaterThan(0);
  expect((screen.getByLabelText('Cột B („Người được đề nghị”) là trường') as HTMLSelectElement).value).toBe(
    'ten',
  );

  await user.click(screen.getByRole('button', { name: /Quay lại/ }));
  const after = document.querySelector<HTMLElement>('[data-file="DS_Van_Lam.xlsx"]')!;
  expect(within(after).getByText(`${SAMPLE_NOMINEES.length} dòng đề nghị`, { exact: false })).toBeTruthy();
});
