/** @jest-environment ./test/support/jsdom-env.js */
/**
 * The clerk's round in the pane, on the fake Excel: create the campaign, drop returned lists, name the unit of
 * a list that does not say who sent it, merge, read the tracker — and what the workbook holds afterwards.
 */
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import axe from 'axe-core';
import { readMaster } from '../../src/excel/gateway';
import { renderPane, sampleFile } from './render';

jest.setTimeout(120_000);
// Griffel puts thousands of CSS rules in the page and jsdom's getComputedStyle walks them all: role queries
// skip their visibility check (every element here is shown) and user-event its pointer-events check.
configure({ defaultHidden: true });

async function createCampaign(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Tạo bảng tổng hợp' });
  await user.type(
    screen.getByRole('textbox', { name: /Tên đợt tổng hợp/ }),
    'Danh sách điển hình tiên tiến 2023',
  );
  await user.type(screen.getByRole('textbox', { name: /Số công văn/ }), '312/SKHCN-VP');
  fireEvent.change(screen.getByLabelText(/Hạn nộp/), { target: { value: '2023-05-20' } });
  await user.upload(screen.getByLabelText('Lấy từ tệp…'), sampleFile('roster.csv'));
  await waitFor(() => expect(screen.getByText(/49 đơn vị/)).toBeTruthy());
  await user.click(screen.getByRole('button', { name: 'Tạo bảng tổng hợp' }));
}

const FILES = [
  'lists/So_Y_te_DS_dien_hinh.xls',
  'lists/UBND_huyen_Van_Lam.xlsx',
  'lists/Truong_Dai_hoc_SPKT_Hung_Yen.csv',
  'lists/danh_sach.xlsx',
  'lists/tep_hong.xlsx',
];

test('create a campaign, drop five lists, name an unknown unit, merge, and read the tracker', async () => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const { fake } = renderPane({ today: '2023-05-18' });
  await createCampaign(user);

  // the campaign is in the workbook, and the pane moved to receiving
  await screen.findByTestId('drop-zone');
  const tables = fake!.workbook.snapshot().sheets.flatMap((s) => s.tables.map((t) => t.name));
  expect(tables).toEqual(expect.arrayContaining(['CauHinh', 'DonVi', 'TruongDuLieu', 'TongHop', 'TheoDoi']));

  await user.upload(screen.getByTestId('pick-files'), FILES.map(sampleFile));
  await waitFor(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('[data-file]')];
    expect(cards).toHaveLength(5);
    for (const c of cards) expect(within(c).queryByText('…')).toBeNull();
  });

  // the list with no unit stands out and asks for one
  const unknown = screen.getByRole('group', { name: 'danh_sach.xlsx' });
  expect(unknown.getAttribute('data-attention')).toBe('1');
  expect(within(unknown).getByText('Chọn đơn vị gửi trước khi gộp.')).toBeTruthy();
  const box = within(unknown).getByRole('combobox', { name: /Đơn vị gửi — danh_sach.xlsx/ });
  // (fireEvent rather than user.type: jsdom re-renders the 49-unit list at every keystroke, which is slow)
  await user.click(box);
  fireEvent.change(box, { target: { value: 'Khoai Chau' } });
  const options = await screen.findAllByRole('option');
  expect(options.map((o) => o.textContent)).toEqual(['UBND huyện Khoái Châu']);
  await user.click(options[0]!);
  await waitFor(() => expect(within(unknown).queryByText('Chọn đơn vị gửi trước khi gộp.')).toBeNull());

  // the broken file is marked unreadable
  const broken = screen.getByRole('group', { name: 'tep_hong.xlsx' });
  expect(within(broken).getByText('Không đọc được tệp')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Gộp vào bảng tổng hợp' }));
  await screen.findByRole('heading', { name: 'Trước khi gộp' });
  expect(screen.getByText(/Đơn vị nộp lần đầu \(4\)/)).toBeTruthy();
  expect(screen.getByText(/UBND huyện Khoái Châu/)).toBeTruthy();
  expect(screen.getByText(/Sẽ không gộp \(1\)/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: /^Gộp 5 tệp$/ }));
  await screen.findByRole('heading', { name: 'Đã gộp xong' });
  await user.click(screen.getByRole('button', { name: 'Xem theo dõi' }));

  const counts = await screen.findByTestId('tracker-counts');
  const count = (status: string) =>
    Number(counts.querySelector(`[data-status="${status}"] span`)!.textContent);
  expect(count('on-time')).toBe(4);
  expect(count('late')).toBe(0);
  expect(count('missing')).toBe(45);

  // the workbook: Tổng hợp holds the four units' rows, Theo dõi says who sent
  const back = await readMaster(fake!.Excel);
  const units = new Set(back.model!.rows.map((r) => r.unit));
  expect([...units].sort()).toEqual(
    [
      'Sở Y tế',
      'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
      'UBND huyện Khoái Châu',
      'UBND huyện Văn Lâm',
    ].sort(),
  );
  expect(back.model!.log.map((l) => [l.file, l.action])).toEqual(
    expect.arrayContaining([
      ['danh_sach.xlsx', 'merged'],
      ['tep_hong.xlsx', 'not-merged'],
    ]),
  );

  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  await act(async () => {});
});
