/**
 * The pane as a product, in real Chromium: the whole round by keyboard alone (Tab, typing, Enter, arrows),
 * English and the dark theme when Office says so, and no horizontal overflow from 320 to 450 px.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { axeSerious, browserSuite, noHorizontalOverflow, shot, waitForReady } from './support';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
const NOW = new Date('2023-05-18T10:00:00+07:00');
const ROSTER = fs
  .readFileSync(path.join(SAMPLES, 'roster.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1, 11)
  .map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0]!))
  .concat(['UBND huyện Khoái Châu']);

const suite = browserSuite();

/** The accessible name of the focused element (label, aria-label or text). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled
      ? labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const label = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
    return (el.getAttribute('aria-label') || byId || label || el.textContent || '').trim();
  });
}

/** Presses Tab until the focused element's name matches (at most 400 presses): reachable by keyboard. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Tab to "Chọn tệp…" and press Enter: the file chooser opens (tried again if focus moved meanwhile). */
async function openChooserByKeyboard(page: Page) {
  for (let attempt = 1; ; attempt++) {
    await tabTo(page, /^Chọn tệp…$/);
    try {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 5_000 }),
        page.keyboard.press('Enter'),
      ]);
      return chooser;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

test('the whole round by keyboard alone', async () => {
  const b = await suite.open({ locale: 'vi-VN', width: 350, height: 900 });
  const { page } = b;
  await page.clock.setFixedTime(NOW);
  await page.goto(`${suite.url}/e2e.html?lang=vi-VN`);
  await waitForReady(page);
  await page.getByRole('heading', { name: 'Tạo bảng tổng hợp' }).waitFor();

  await tabTo(page, /^Tên đợt tổng hợp/);
  await page.keyboard.type('Danh sách điển hình tiên tiến 2023');
  await tabTo(page, /^Số công văn/);
  await page.keyboard.type('312/SKHCN-VP');
  await tabTo(page, /^Hạn nộp/);
  await page.keyboard.type('05202023'); // the date field takes digits in the order it shows
  expect(await page.getByLabel('Hạn nộp').inputValue()).toBe('2023-05-20');
  await tabTo(page, /^Đơn vị nhận công văn/);
  await page.keyboard.type(ROSTER.join('\n'));
  await page.getByText(`${ROSTER.length} đơn vị`, { exact: false }).waitFor();
  await tabTo(page, /^Tạo bảng tổng hợp$/);
  await page.keyboard.press('Enter');
  await page.getByTestId('drop-zone').waitFor();

  // "Chọn tệp…" by keyboard opens the file chooser
  const chooser = await openChooserByKeyboard(page);
  await chooser.setFiles([
    path.join(SAMPLES, 'lists', 'So_Y_te_DS_dien_hinh.xls'),
    path.join(SAMPLES, 'lists', 'danh_sach.xlsx'),
  ]);
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-file]').length === 2 &&
      ![...document.querySelectorAll('[data-file]')].some((c) => c.textContent?.endsWith('…')),
    undefined,
    { timeout: 60_000 },
  );

  // the unit dropdown: type to filter, arrow to the option, Enter to choose
  await tabTo(page, /^Đơn vị gửi — danh_sach\.xlsx$/);
  await page.keyboard.type('khoai');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .locator('[data-file="danh_sach.xlsx"]')
    .getByText('độ tin cậy', { exact: false })
    .or(page.locator('[data-file="danh_sach.xlsx"]').getByText('do bạn chọn'))
    .waitFor();
  expect(await page.locator('[data-file="danh_sach.xlsx"]').getByRole('combobox').inputValue()).toBe(
    'UBND huyện Khoái Châu',
  );

  await tabTo(page, /^Gộp vào bảng tổng hợp$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Trước khi gộp' }).waitFor();
  await tabTo(page, /^Gộp 2 tệp$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Đã gộp xong' }).waitFor({ timeout: 60_000 });
  await tabTo(page, /^Xem theo dõi$/);
  await page.keyboard.press('Enter');
  const box = page.getByTestId('tracker-counts');
  await box.waitFor();
  expect(await box.locator('[data-status="on-time"] span').first().textContent()).toBe('2');
  expect(await box.locator('[data-status="missing"] span').first().textContent()).toBe(
    String(ROSTER.length - 2),
  );
  // the status filter: arrow keys move between the tabs
  await tabTo(page, /^Tất cả$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  expect(await page.locator('li[data-status="on-time"]').count()).toBe(0);
  expect(await page.locator('li[data-status="missing"]').count()).toBe(ROSTER.length - 2);
  await shot(page, 'pane-keyboard-tracker');
}, 300_000);

test('English and the dark theme when Office is set so; nothing wider than the pane from 320 to 450 px', async () => {
  for (const width of [320, 450]) {
    const b = await suite.open({ locale: 'en-US', width, height: 900 });
    const { page } = b;
    await page.goto(`${suite.url}/e2e.html?lang=en-US&theme=dark`);
    await waitForReady(page);
    await page.getByRole('heading', { name: 'Create the master' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create the master' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // the pane's background is dark (Fluent's dark theme), its text light
    const [bg, fg] = await page.evaluate(() => {
      const el = document.querySelector('.fui-FluentProvider > div') as HTMLElement;
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color];
    });
    const lum = (rgb: string) => {
      const [r, g, bl] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * bl) / 255;
    };
    expect(lum(bg)).toBeLessThan(0.25);
    expect(lum(fg)).toBeGreaterThan(0.75);
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, `pane-en-dark-${width}`);
  }
}, 300_000);

test('Windows high contrast: the high-contrast theme', async () => {
  const b = await suite.open({ locale: 'vi-VN', width: 350, height: 900 });
  const { page } = b;
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${suite.url}/e2e.html?lang=vi-VN`);
  await waitForReady(page);
  await page.getByRole('heading', { name: 'Tạo bảng tổng hợp' }).waitFor();
  const bg = await page.evaluate(() => {
    const el = document.querySelector('.fui-FluentProvider') as HTMLElement;
    return getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim().toLowerCase();
  });
  expect(bg).toBe('#000000'); // Fluent's high-contrast theme (teamsHighContrastTheme)
  expect(await noHorizontalOverflow(page)).toBe(true);
  await shot(page, 'pane-high-contrast');
}, 120_000);
