/**
 * The clerk's whole round in real Chromium at task-pane width, on samples/:
 *   - in "Excel" (the built pane on the fake Excel host): create the campaign, drop the returned lists, name
 *     the unit of a list that does not say who sent it, move one received date, merge, read the tracker —
 *     then the fake workbook's tables;
 *   - on the browser page: the same round ending in a downloaded .xlsx that `tonghop status` reads, and that
 *     the page opens again.
 * Screenshots of each step go to test-results/screenshots/ (pane-*.png, page-*.png).
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { tonghop, scratchDir } from '../cli/cli-harness';
import type { FakeHostApi } from './host/fake-host';
import { axeSerious, browserSuite, noHorizontalOverflow, shot, waitForReady } from './support';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
const LISTS = fs
  .readdirSync(path.join(SAMPLES, 'lists'))
  .filter((f) => !f.includes('lần 2')) // the correction comes in the second round of the CLI demo
  .map((f) => path.join(SAMPLES, 'lists', f));

/** The campaign's clock: 18 May 2023, 10:00 in Hà Nội (two days before the deadline). */
const NOW = new Date('2023-05-18T10:00:00+07:00');

const suite = browserSuite();

/** Checks every screen must pass: no serious accessibility violation, nothing wider than the pane. */
async function step(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await noHorizontalOverflow(page)).toBe(true);
  const bad = await axeSerious(page);
  expect(bad.map((v) => `${name}: ${v.id} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual([]);
}

async function createCampaign(page: Page, prefix: string): Promise<void> {
  await page.getByRole('heading', { name: 'Tạo bảng tổng hợp' }).waitFor();
  await page.getByLabel('Tên đợt tổng hợp').fill('Danh sách giới thiệu điển hình tiên tiến năm 2023');
  await page.getByLabel('Số công văn').fill('312/SKHCN-VP');
  await page.getByLabel('Ngày công văn').fill('2023-03-28');
  await page.getByLabel('Hạn nộp').fill('2023-05-20');
  await page.getByLabel('Cơ quan ban hành').fill('Sở Khoa học và Công nghệ');
  await page.getByLabel('Lấy từ tệp…').setInputFiles(path.join(SAMPLES, 'roster.csv'));
  await page.getByText(/49 đơn vị/).waitFor();
  await step(page, `${prefix}-1-start`);
  await page.getByRole('button', { name: 'Tạo bảng tổng hợp', exact: true }).click();
  await page.getByTestId('drop-zone').waitFor();
}

async function receiveAndMerge(page: Page, prefix: string): Promise<void> {
  await page.getByTestId('pick-files').setInputFiles(LISTS);
  // every card read (no spinner left), the progress bar gone
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-file]').length === n &&
      ![...document.querySelectorAll('[data-file]')].some((c) => c.textContent?.endsWith('…')),
    LISTS.length,
    { timeout: 60_000 },
  );
  await step(page, `${prefix}-2-files`);

  // the list without a sender stands out; the clerk names the unit through the searchable dropdown
  const unknown = page.locator('[data-file="danh_sach.xlsx"]');
  expect(await unknown.getAttribute('data-attention')).toBe('1');
  await unknown.getByText('Chọn đơn vị gửi trước khi gộp.').waitFor();
  const box = unknown.getByRole('combobox');
  await box.click();
  await box.pressSequentially('khoai chau');
  await step(page, `${prefix}-3-unit-dropdown`);
  await page.getByRole('option', { name: 'UBND huyện Khoái Châu' }).click();
  await expect(unknown.getByText('Chọn đơn vị gửi trước khi gộp.').count()).resolves.toBe(0);

  // Tiên Lữ's list came in on the 23rd: the clerk corrects its received date
  const tienLu = page.locator('[data-file="UBND huyen Tien Lu - DS DHTT 2023.xlsx"]');
  await tienLu.getByLabel(/Ngày nhận/).fill('2023-05-23');

  // a file in detail: issues by severity and the table as read
  await page
    .locator('[data-file="So_Y_te_DS_dien_hinh.xls"]')
    .getByRole('button', { name: /Xem chi tiết/ })
    .click();
  await page.getByRole('heading', { name: /Chi tiết tệp/ }).waitFor();
  await page.getByRole('heading', { name: 'Bảng như đã đọc' }).first().waitFor();
  await step(page, `${prefix}-4-review`);
  await page.getByRole('button', { name: /Quay lại/ }).click();

  await page.getByRole('button', { name: 'Gộp vào bảng tổng hợp' }).click();
  await page.getByRole('heading', { name: 'Trước khi gộp' }).waitFor();
  await page.getByText(/Đơn vị nộp lần đầu \(12\)/).waitFor();
  await page.getByText(/Sẽ không gộp \(1\)/).waitFor();
  await page.getByText(/UBND huyện Tiên Lữ: trễ 3 ngày/).waitFor();
  await step(page, `${prefix}-5-preview`);
  await page.getByRole('button', { name: `Gộp ${LISTS.length} tệp` }).click();
  await page.getByRole('heading', { name: 'Đã gộp xong' }).waitFor({ timeout: 60_000 });
  await page.getByText('Không gộp (1): xem trang Kiểm tra').waitFor();
  await page.getByText(/tep_hong\.xlsx: Tệp „tep_hong\.xlsx”: không đọc được tệp/).waitFor();
  await step(page, `${prefix}-6-merged`);
  await page.getByRole('button', { name: 'Xem theo dõi' }).click();
}

async function trackerCounts(page: Page): Promise<Record<string, number>> {
  const counts = page.getByTestId('tracker-counts');
  await counts.waitFor();
  const out: Record<string, number> = {};
  for (const s of ['on-time', 'late', 'missing'])
    out[s] = Number(await counts.locator(`[data-status="${s}"] span`).first().textContent());
  return out;
}

test('in Excel: create, receive 13 lists, name an unknown unit, merge, follow up — and the workbook holds it', async () => {
  const b = await suite.open({ locale: 'vi-VN', width: 350, height: 900 });
  const { page } = b;
  await page.clock.setFixedTime(NOW);
  await page.goto(`${suite.url}/e2e.html?lang=vi-VN`);
  await waitForReady(page);
  await createCampaign(page, 'pane');
  await receiveAndMerge(page, 'pane');

  expect(await trackerCounts(page)).toEqual({ 'on-time': 11, late: 1, missing: 37 });
  await page.getByRole('tab', { name: /Chưa nộp/ }).click();
  // missing units with their contacts
  await page
    .locator('li[data-status="missing"]')
    .first()
    .getByText(/Liên hệ:/)
    .waitFor();
  await step(page, 'pane-7-tracker');
  await page.getByRole('button', { name: 'Chép lời nhắc' }).click();
  await page.getByText(/Đã chép vào bộ nhớ tạm|Không chép được/).waitFor();

  type Win = Window & { __fake: FakeHostApi };
  const wb = await page.evaluate(() => {
    const f = (window as unknown as Win).__fake;
    return {
      rows: f.tableRecords('TongHop'),
      tracker: f.tableRecords('TheoDoi'),
      log: f.tableRecords('NhatKy'),
      sheets: f.sheetNames(),
    };
  });
  expect(wb.sheets).toEqual(
    expect.arrayContaining(['Cấu hình', 'Đơn vị', 'Tổng hợp', 'Theo dõi', 'Báo cáo', 'Kiểm tra', 'Nhật ký']),
  );
  const units = new Set(wb.rows.map((r) => r['Đơn vị gửi']));
  expect(units.has('UBND huyện Khoái Châu')).toBe(true);
  expect(units.size).toBe(11); // 12 units sent; one list is empty (0 nominees)
  const status = (u: string) => wb.tracker.find((r) => r['Đơn vị'] === u)?.['Tình trạng'];
  expect(status('UBND huyện Tiên Lữ')).toBe('Trễ hạn');
  expect(status('UBND huyện Khoái Châu')).toBe('Đúng hạn');
  expect(wb.tracker.filter((r) => r['Tình trạng'] === 'Chưa nộp')).toHaveLength(37);
  expect(wb.log.find((r) => r['Tệp'] === 'tep_hong.xlsx')).toBeDefined();

  // "Xem các dòng": the unit's rows selected in Tổng hợp
  await page.getByRole('tab', { name: /^Tất cả/ }).click();
  await page.getByRole('button', { name: 'Xem các dòng của UBND huyện Khoái Châu' }).click();
  const sel = await page.evaluate(() => (window as unknown as Win).__fake.snapshot());
  expect(sel).toBeDefined();
}, 300_000);

test('on the browser page: the same round, then the downloaded master is what `tonghop status` reads', async () => {
  const b = await suite.open({ locale: 'vi-VN', width: 350, height: 900 });
  const { page } = b;
  await page.clock.setFixedTime(NOW);
  await page.goto(`${suite.url}/trang.html`);
  await waitForReady(page);
  await step(page, 'page-0-open');
  await page.getByRole('button', { name: 'Tạo bảng tổng hợp mới' }).click();
  await createCampaign(page, 'page');
  await receiveAndMerge(page, 'page');
  expect(await trackerCounts(page)).toEqual({ 'on-time': 11, late: 1, missing: 37 });
  await step(page, 'page-7-tracker');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp tổng hợp về' }).click(),
  ]);
  const out = path.join(scratchDir('tonghop-e2e-'), download.suggestedFilename());
  await download.saveAs(out);
  const json = path.join(path.dirname(out), 'status.json');
  const r = await tonghop('status', out, '--json', json);
  expect(r.code).toBe(0);
  const status = JSON.parse(fs.readFileSync(json, 'utf8')) as {
    units: { name: string; status: string; daysLate: number }[];
    totals: Record<string, number>;
  };
  const by = (s: string) => status.units.filter((u) => u.status === s).length;
  expect([by('on-time'), by('late'), by('missing')]).toEqual([11, 1, 37]);
  expect(status.units.find((u) => u.name === 'UBND huyện Tiên Lữ')).toMatchObject({
    status: 'late',
    daysLate: 3,
  });

  // the page opens that master again, on its tracker
  await page.reload();
  await waitForReady(page);
  await page.getByTestId('open-master').setInputFiles(out);
  expect(await trackerCounts(page)).toEqual({ 'on-time': 11, late: 1, missing: 37 });
  await step(page, 'page-8-reopened');
}, 300_000);
