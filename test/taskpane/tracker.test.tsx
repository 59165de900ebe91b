/** @jest-environment ./test/support/jsdom-env.js */
/**
 * Following up in the pane: the tracker of a campaign, the missing units' contacts, the reminder copied to
 * the clipboard, Báo cáo rebuilt, a unit's rows selected — in Vietnamese, and in English when Office speaks
 * English. Plus the language and theme the pane picks.
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { MasterModel } from '../../src/core/master/model';
import { mergeFiles, readMaster } from '../../src/excel/gateway';
import { langOf } from '../../src/taskpane/i18n/i18n';
import { themeName } from '../../src/taskpane/ui/theme';
import { emptyMaster, incoming, ROSTER } from '../core/master/lists';
import { nomineesOf } from '../excel/helpers';
import { excelWithCampaign, renderPane } from './render';

jest.setTimeout(60_000);
configure({ defaultHidden: true }); // see round.test.tsx

function campaign(): MasterModel {
  const m = emptyMaster('2023-05-20');
  m.config.letterNo = '312/SKHCN-VP';
  m.config.letterDate = '2023-03-28';
  m.roster = {
    units: ROSTER.units.map((u) =>
      u.name === 'Sở Nội vụ'
        ? {
            ...u,
            contact: 'Nguyễn Thị Thu Hà',
            phone: '0221 3862 154',
            email: 'vanphong.sonv@example.gov.vn',
          }
        : u,
    ),
  };
  return m;
}

/** A campaign where Văn Lâm sent on time (18/5) and Mỹ Hào late (23/5); the others have not sent. */
async function followUp() {
  const fake = await excelWithCampaign(campaign());
  await mergeFiles(
    fake.Excel,
    [
      incoming('DS_Van_Lam.xlsx', 'UBND huyện Văn Lâm', { nominees: nomineesOf(1) }, '2023-05-18'),
      incoming('DS_My_Hao.xlsx', 'UBND thị xã Mỹ Hào', { nominees: nomineesOf(2) }, '2023-05-23'),
    ],
    { now: '2023-05-23 10:00:00', today: '2023-05-23', office: fake.Office },
  );
  return fake;
}

const counts = async () => {
  const box = await screen.findByTestId('tracker-counts');
  return Object.fromEntries(
    ['on-time', 'late', 'missing'].map((s) => [
      s,
      Number(box.querySelector(`[data-status="${s}"] span`)!.textContent),
    ]),
  );
};

test('the tracker: who sent, who is late, who is missing with contacts; the reminder names the letter', async () => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const fake = await followUp();
  const { copied } = renderPane({ fake, today: '2023-05-24' });
  expect(await counts()).toEqual({ 'on-time': 1, late: 1, missing: ROSTER.units.length - 2 });
  const myHao = document.querySelector<HTMLElement>('li[data-unit="UBND thị xã Mỹ Hào"]')!;
  expect(myHao.textContent).toContain('trễ 3 ngày');

  await user.click(screen.getByRole('tab', { name: /^Chưa nộp/ }));
  const noiVu = document.querySelector<HTMLElement>('li[data-unit="Sở Nội vụ"]')!;
  expect(noiVu.textContent).toContain('Nguyễn Thị Thu Hà');
  expect(noiVu.textContent).toContain('vanphong.sonv@example.gov.vn');
  expect(document.querySelector('li[data-unit="UBND huyện Văn Lâm"]')).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Chép lời nhắc' }));
  await screen.findByText('Đã chép vào bộ nhớ tạm.');
  expect(copied[0]).toContain('312/SKHCN-VP');
  expect(copied[0]).toContain('20/05/2023');
  expect(copied[0]).toContain('Sở Nội vụ');
  expect(copied[0]).not.toContain('UBND huyện Văn Lâm');

  await user.click(screen.getByRole('button', { name: 'Chép danh sách chưa nộp' }));
  await waitFor(() => expect(copied).toHaveLength(2));
  expect(copied[1]!.split('\n').filter((l) => /^\d+\./.test(l))).toHaveLength(ROSTER.units.length - 2);

  // "Xem các dòng": Tổng hợp becomes the active sheet with Văn Lâm's rows selected
  await user.click(screen.getByRole('tab', { name: /^Tất cả/ }));
  const vanLam = document.querySelector<HTMLElement>('li[data-unit="UBND huyện Văn Lâm"]')!;
  await user.click(within(vanLam).getByRole('button', { name: 'Xem các dòng của UBND huyện Văn Lâm' }));
  await waitFor(() => expect(fake.workbook.activeSheet?.name).toBe('Tổng hợp'));

  await user.click(screen.getByRole('button', { name: 'Lập lại Báo cáo' }));
  await screen.findByText('Đã lập lại trang Theo dõi và Báo cáo.');
  expect((await readMaster(fake.Excel)).model!.rows).toHaveLength(6);
});

test('in English when Office speaks English', async () => {
  const fake = await followUp();
  renderPane({ fake, lang: 'en' });
  await screen.findByRole('heading', { name: 'Who has sent' });
  expect(screen.getByRole('tab', { name: 'Tracker' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Copy a reminder' })).toBeTruthy();
  expect(within(await screen.findByTestId('tracker-counts')).getByText('Missing')).toBeTruthy();
});

test('the language and the theme follow Office', () => {
  expect(langOf('en-US')).toBe('en');
  expect(langOf('en-GB')).toBe('en');
  expect(langOf('vi-VN')).toBe('vi');
  expect(langOf('fr-FR')).toBe('vi');
  expect(langOf(undefined)).toBe('vi');
  // Office's body background: white / dark grey / black themes; Windows high contrast wins
  expect(themeName({ officeBodyBackground: '#FFFFFF' })).toBe('light');
  expect(themeName({ officeBodyBackground: '#262626' })).toBe('dark');
  expect(themeName({ officeBodyBackground: '#000000' })).toBe('dark');
  expect(themeName({ officeBodyBackground: '#E6E6E6' })).toBe('light');
  expect(themeName({ officeBodyBackground: '#FFFFFF', forcedColors: true })).toBe('contrast');
  // the browser page: the system's preference
  expect(themeName({ prefersDark: true })).toBe('dark');
  expect(themeName({})).toBe('light');
});
