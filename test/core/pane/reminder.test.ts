/**
 * The texts the clerk copies from the pane: who has not sent, and a reminder to paste into an e-mail or Zalo.
 */
import { mergeLists } from '../../../src/core/master/merge';
import type { MasterModel } from '../../../src/core/master/model';
import { missingUnitsText, reminderText } from '../../../src/core/master/reminder';
import { computeTracker } from '../../../src/core/master/tracker';
import { emptyMaster, HOA, HTX, incoming, ROSTER, TUAN } from '../master/lists';

const NOW = '2023-05-22 09:00:00';

/** Văn Lâm and Sở Y tế have sent; Mỹ Hào, Sở Nội vụ and ĐH SPKT have not. */
function campaign(config: Partial<MasterModel['config']> = {}): MasterModel {
  const base = emptyMaster('2023-05-20');
  const m: MasterModel = {
    ...base,
    config: { ...base.config, ...config },
    roster: {
      units: ROSTER.units.map((u) =>
        u.name === 'Sở Nội vụ' ? { ...u, email: 'snv@hungyen.gov.vn', contact: ' Lê  Thị Mai ' } : u,
      ),
    },
  };
  return mergeLists(
    m,
    [
      incoming('VanLam.xlsx', 'UBND huyện Văn Lâm', { nominees: [HTX, HOA] }, '2023-05-18'),
      incoming('SYT.xlsx', 'Sở Y tế', { nominees: [TUAN] }, '2023-05-21'),
    ],
    NOW,
  ).model;
}

describe('missingUnitsText', () => {
  test('one unit a line, numbered, with its group and whatever contact the roster has', () => {
    const m = campaign();
    expect(missingUnitsText(m, computeTracker(m))).toBe(
      [
        '1. UBND thị xã Mỹ Hào (UBND huyện, thị xã, thành phố)',
        '2. Sở Nội vụ (Sở, ban, ngành) — Người liên hệ: Lê Thị Mai, Email: snv@hungyen.gov.vn',
        '3. Trường Đại học Sư phạm Kỹ thuật Hưng Yên (Trường đại học, cao đẳng)',
      ].join('\n'),
    );
  });

  test('a missing unit with a contact and a phone; empty once everyone has sent', () => {
    const base = emptyMaster('2023-05-20');
    const m = mergeLists(
      base,
      ROSTER.units
        .filter((u) => u.name !== 'Sở Y tế')
        .map((u, i) => incoming(`f${i}.xlsx`, u.name, { nominees: [HTX] })),
      NOW,
    ).model;
    expect(missingUnitsText(m, computeTracker(m))).toBe(
      '1. Sở Y tế (Sở, ban, ngành) — Người liên hệ: Trần Văn Hùng, ĐT: 0221 3862 317',
    );
    const all = mergeLists(m, [incoming('syt.xlsx', 'Sở Y tế', { nominees: [TUAN] })], NOW).model;
    expect(missingUnitsText(all, computeTracker(all))).toBe('');
    expect(reminderText(all, computeTracker(all), '2023-05-22')).toBe('');
  });
});

describe('reminderText', () => {
  test('with the letter number, date and issuer, after the deadline', () => {
    const m = campaign({
      letterNo: '512/SKHCN-VP',
      letterDate: '2023-05-05',
      issuer: 'Sở Khoa học và Công nghệ',
    });
    const text = reminderText(m, computeTracker(m), '2023-05-22');
    expect(text).toBe(
      [
        'Kính gửi: các cơ quan, đơn vị có tên dưới đây',
        '',
        'Thực hiện Công văn số 512/SKHCN-VP ngày 05/05/2023 của Sở Khoa học và Công nghệ về ' +
          '“Danh sách giới thiệu điển hình tiên tiến năm 2023”, hạn gửi danh sách là ngày 20/05/2023.',
        'Đến ngày 22/05/2023 (đã quá hạn 2 ngày), 3 đơn vị sau chưa gửi danh sách:',
        '1. UBND thị xã Mỹ Hào',
        '2. Sở Nội vụ',
        '3. Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
        '',
        'Kính đề nghị các đơn vị sớm gửi danh sách về Sở Khoa học và Công nghệ để kịp tổng hợp. Trân trọng cảm ơn!',
      ].join('\n'),
    );
  });

  test('no letter number: the letter is not named, the issuer and the title still are', () => {
    const m = campaign({ issuer: 'Sở Khoa học và Công nghệ', letterDate: '2023-05-05' });
    const text = reminderText(m, computeTracker(m), '2023-05-18');
    expect(text).not.toMatch(/Công văn|số\s*,|05\/05\/2023/);
    expect(text).toContain(
      'Theo đề nghị của Sở Khoa học và Công nghệ về “Danh sách giới thiệu điển hình tiên tiến năm 2023”, ' +
        'hạn gửi danh sách là ngày 20/05/2023.',
    );
    expect(text).toContain('Đến ngày 18/05/2023 (còn 2 ngày), 3 đơn vị sau chưa gửi danh sách:');
  });

  test('no letter and no issuer: still a whole, polite message', () => {
    const m = campaign();
    const text = reminderText(m, computeTracker(m), '2023-05-20');
    expect(text.split('\n')[2]).toBe(
      'Về “Danh sách giới thiệu điển hình tiên tiến năm 2023”, hạn gửi danh sách là ngày 20/05/2023.',
    );
    expect(text).toContain('(hôm nay là ngày cuối cùng)');
    expect(text).toMatch(/Kính đề nghị các đơn vị sớm gửi danh sách để kịp tổng hợp\. Trân trọng cảm ơn!$/);
    expect(text).not.toMatch(/ của | về {2}|undefined|null/);
  });

  test('a letter whose deadline day does not count says "trước ngày", and one unit is addressed by name', () => {
    const base = emptyMaster('2023-05-20');
    const m = mergeLists(
      { ...base, config: { ...base.config, deadlineDayCounts: false, letterNo: '45/SKHCN' } },
      ROSTER.units
        .filter((u) => u.name !== 'Sở Nội vụ')
        .map((u, i) => incoming(`f${i}.xlsx`, u.name, { nominees: [HTX] })),
      NOW,
    ).model;
    const text = reminderText(m, computeTracker(m), '2023-05-20');
    expect(text.split('\n')[0]).toBe('Kính gửi: Sở Nội vụ');
    expect(text).toContain('Thực hiện Công văn số 45/SKHCN về “');
    expect(text).toContain('hạn gửi danh sách là trước ngày 20/05/2023.');
    expect(text).toContain(
      'Đến ngày 20/05/2023 (đã quá hạn 1 ngày), đơn vị sau chưa gửi danh sách:\n1. Sở Nội vụ',
    );
    expect(text).toContain('Kính đề nghị đơn vị sớm gửi danh sách');
  });
});
