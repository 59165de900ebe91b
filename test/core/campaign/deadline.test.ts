import fs from 'fs';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  formatViDate,
  isIsoDate,
  lateness,
  localDate,
  makeIsoDate,
  parseDeadline,
  viDateLine,
} from '../../../src/core/campaign/deadline';
import { corpusPath, describeCorpus } from '../../support/corpus';

describe('parseDeadline', () => {
  it.each([
    ['2023-05-20', '2023-05-20'],
    ['20/5/2023', '2023-05-20'],
    ['20/05/2023', '2023-05-20'],
    ['20-5-2023', '2023-05-20'],
    ['20.05.2023', '2023-05-20'],
    ['trước ngày 20/5/2023', '2023-05-20'],
    ['Trước ngày 20/5/2023.', '2023-05-20'],
    ['TRƯỚC NGÀY 20/5/2023', '2023-05-20'],
    ['truoc ngay 20/5/2023', '2023-05-20'],
    ['ngày 20 tháng 5 năm 2023', '2023-05-20'],
    ['Ngày 05 tháng 02 năm 2023', '2023-02-05'],
    ['ngày 20 tháng 5, năm 2023', '2023-05-20'],
    ['trước 17h00 ngày 20/5/2023', '2023-05-20'],
    ['chậm nhất ngày 3/6/2023', '2023-06-03'],
    ['Hạn nộp: 01/12/2023', '2023-12-01'],
    ['  20 / 5 / 2023 ', '2023-05-20'],
  ])('%s → %s', (text, want) => {
    expect(parseDeadline(text)).toBe(want);
  });

  it('reads text typed in decomposed Unicode (NFD) the same as NFC', () => {
    expect(parseDeadline('trước ngày 20 tháng 5 năm 2023'.normalize('NFD'))).toBe('2023-05-20');
  });

  it('reads the day first, as Vietnamese dates are written', () => {
    expect(parseDeadline('05/06/2023')).toBe('2023-06-05');
    expect(parseDeadline('12/1/2024')).toBe('2024-01-12');
  });

  it('takes a two-digit year as 20yy', () => {
    expect(parseDeadline('trước ngày 20/5/23')).toBe('2023-05-20');
  });

  it.each([
    '31/02/2023',
    '29/02/2023',
    '31/4/2023',
    '0/5/2023',
    '20/13/2023',
    'ngày 31 tháng 6 năm 2023',
    '2023-02-30',
  ])('rejects the impossible date %s', (text) => {
    expect(parseDeadline(text)).toBeNull();
  });

  it('accepts the leap day of a leap year only', () => {
    expect(parseDeadline('29/02/2024')).toBe('2024-02-29');
    expect(parseDeadline('29/02/2000')).toBe('2000-02-29');
    expect(parseDeadline('29/02/1900')).toBeNull();
  });

  it('returns null when there is no date', () => {
    expect(parseDeadline('')).toBeNull();
    expect(parseDeadline('trước ngày')).toBeNull();
    expect(parseDeadline('số 90/KH-UBND giai đoạn 2021-2025')).toBeNull();
  });

  it('needs a year: "20/5" alone is a date only when a default year is given', () => {
    expect(parseDeadline('trước ngày 20/5')).toBeNull();
    expect(parseDeadline('trước ngày 20/5', { defaultYear: 2023 })).toBe('2023-05-20');
    expect(parseDeadline('ngày 20 tháng 5', { defaultYear: 2023 })).toBe('2023-05-20');
    // a score such as "17.5 điểm" is no date
    expect(parseDeadline('đạt 17.5 điểm', { defaultYear: 2023 })).toBeNull();
  });

  it('prefers the date after "trước ngày" over dates of cited documents', () => {
    const text =
      'Thực hiện Kế hoạch số 90/KH-UBND ngày 11/6/2021 và số 79/KH-UBND ngày 21/4/2022 …, ' +
      'đề nghị gửi về Sở KH&CN (qua Văn phòng Sở) trước ngày 20/5/2023 để tổng hợp.';
    expect(parseDeadline(text)).toBe('2023-05-20');
  });

  it('without a cue, returns the first date', () => {
    expect(parseDeadline('Văn Lâm, 18/5/2023; bổ sung 22/5/2023')).toBe('2023-05-18');
  });
});

describeCorpus('seeds/000_94fb45b8ea1aa45b.txt', 'parseDeadline on the real letter', () => {
  it('finds "trước ngày 20/5/2023" among the cited plans of 2021 and 2022', () => {
    const letter = fs.readFileSync(corpusPath('seeds', '000_94fb45b8ea1aa45b.txt'), 'utf8');
    expect(parseDeadline(letter)).toBe('2023-05-20');
  });
});

describe('localDate', () => {
  it('is the next day in Hà Nội for an evening UTC time', () => {
    expect(localDate(new Date('2023-05-20T18:30:00Z'))).toBe('2023-05-21');
    expect(localDate(new Date('2023-05-20T16:59:59Z'))).toBe('2023-05-20');
    expect(localDate(new Date('2023-05-20T17:00:00Z'))).toBe('2023-05-21');
  });

  it('crosses month and year boundaries', () => {
    expect(localDate(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
    expect(localDate(new Date('2023-04-30T20:00:00Z'))).toBe('2023-05-01');
    expect(localDate(new Date('2024-02-28T17:30:00Z'))).toBe('2024-02-29');
    expect(localDate(new Date('2023-02-28T17:30:00Z'))).toBe('2023-03-01');
  });

  it('honours other zones, west of UTC as well', () => {
    expect(localDate(new Date('2023-05-20T18:30:00Z'), 'UTC')).toBe('2023-05-20');
    expect(localDate(new Date('2023-05-21T02:00:00Z'), 'Asia/Bangkok')).toBe('2023-05-21');
    expect(localDate(new Date('2023-05-21T02:00:00Z'), 'America/Bogota')).toBe('2023-05-20');
    expect(localDate(new Date('2023-05-20T18:30:00Z'), 'Asia/Tokyo')).toBe('2023-05-21');
  });

  it('matches a fixed +7 offset for any instant (Việt Nam keeps no daylight saving)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1980-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const shifted = new Date(d.getTime() + 7 * 3600_000);
          const want = makeIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
          expect(localDate(d)).toBe(want);
        },
      ),
    );
  });

  it('refuses an invalid instant or zone', () => {
    expect(() => localDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => localDate(new Date(), 'Asia/Nowhere')).toThrow(RangeError);
  });
});

describe('lateness', () => {
  const deadline = '2023-05-20';

  it('counts the deadline day as on time by default', () => {
    expect(lateness('2023-05-20', deadline, {})).toEqual({ late: false, daysLate: 0 });
    expect(lateness('2023-05-21', deadline, {})).toEqual({ late: true, daysLate: 1 });
    expect(lateness('2023-05-25', deadline, {})).toEqual({ late: true, daysLate: 5 });
  });

  it('makes the deadline day 1 day late when deadlineDayCounts is false', () => {
    expect(lateness('2023-05-19', deadline, { deadlineDayCounts: false })).toEqual({
      late: false,
      daysLate: 0,
    });
    expect(lateness('2023-05-20', deadline, { deadlineDayCounts: false })).toEqual({
      late: true,
      daysLate: 1,
    });
    expect(lateness('2023-05-21', deadline, { deadlineDayCounts: false })).toEqual({
      late: true,
      daysLate: 2,
    });
  });

  it('is 0 for a file received before the deadline', () => {
    expect(lateness('2023-05-02', deadline, {})).toEqual({ late: false, daysLate: 0 });
    expect(lateness('2022-12-31', deadline, { deadlineDayCounts: false })).toEqual({
      late: false,
      daysLate: 0,
    });
  });

  it('counts calendar days across month and year ends and the leap day', () => {
    expect(lateness('2023-06-01', '2023-05-31', {}).daysLate).toBe(1);
    expect(lateness('2024-01-02', '2023-12-31', {}).daysLate).toBe(2);
    expect(lateness('2024-03-01', '2024-02-28', {}).daysLate).toBe(2); // 29/02/2024 exists
    expect(lateness('2023-03-01', '2023-02-28', {}).daysLate).toBe(1);
    expect(lateness('2024-03-01', '2024-02-29', {}).daysLate).toBe(1);
  });

  it('works with a Hà Nội file time: modified 20/5 18:30 UTC is received 21/5, 1 day late', () => {
    const received = localDate(new Date('2023-05-20T18:30:00Z'));
    expect(lateness(received, parseDeadline('trước ngày 20/5/2023') ?? '', {})).toEqual({
      late: true,
      daysLate: 1,
    });
  });

  it('refuses dates that are not yyyy-mm-dd', () => {
    expect(() => lateness('20/05/2023', deadline, {})).toThrow(RangeError);
    expect(() => lateness('2023-02-30', deadline, {})).toThrow(RangeError);
  });

  const isoDate = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('property: daysLate ≥ 0, 0 exactly when not late, +1 per day after the deadline', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.boolean(), (received, dl, counts) => {
        const opts = { deadlineDayCounts: counts };
        const r = lateness(received, dl, opts);
        expect(r.daysLate).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(r.daysLate)).toBe(true);
        expect(r.daysLate === 0).toBe(!r.late);
        const next = lateness(addDays(received, 1), dl, opts);
        if (r.late) expect(next.daysLate).toBe(r.daysLate + 1);
        else expect(next.daysLate).toBeLessThanOrEqual(1);
        // on time exactly up to the deadline (or the day before it, when the deadline day does not count)
        const lastOnTime = counts ? dl : addDays(dl, -1);
        expect(r.late).toBe(daysBetween(lastOnTime, received) > 0);
      }),
    );
  });
});

describe('date helpers', () => {
  it('addDays and daysBetween agree across years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4000, max: 4000 }), (n) => {
        const d = addDays('2024-02-29', n);
        expect(isIsoDate(d)).toBe(true);
        expect(daysBetween('2024-02-29', d)).toBe(n);
      }),
    );
  });
});

describe('formatViDate and viDateLine', () => {
  it('formats dd/mm/yyyy', () => {
    expect(formatViDate('2023-05-20')).toBe('20/05/2023');
    expect(formatViDate('2024-02-29')).toBe('29/02/2024');
    expect(formatViDate('2023-12-01')).toBe('01/12/2023');
  });

  it('writes the place-and-date line as Decree 30/2020 does', () => {
    expect(viDateLine('Hưng Yên', '2023-05-20')).toBe('Hưng Yên, ngày 20 tháng 5 năm 2023');
    expect(viDateLine('Hưng Yên', '2023-02-05')).toBe('Hưng Yên, ngày 05 tháng 02 năm 2023');
    expect(viDateLine('Văn Lâm', '2023-01-18')).toBe('Văn Lâm, ngày 18 tháng 01 năm 2023');
    expect(viDateLine('Hưng Yên', '2023-03-09')).toBe('Hưng Yên, ngày 09 tháng 3 năm 2023');
    expect(viDateLine('Hưng Yên', '2023-12-31')).toBe('Hưng Yên, ngày 31 tháng 12 năm 2023');
    expect(viDateLine('Hưng Yên', '2023-10-10')).toBe('Hưng Yên, ngày 10 tháng 10 năm 2023');
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        (dt) => {
          const d = dt.toISOString().slice(0, 10);
          expect(parseDeadline(viDateLine('Hưng Yên', d))).toBe(d);
          expect(parseDeadline(formatViDate(d))).toBe(d);
        },
      ),
    );
  });

  it('refuses an invalid date', () => {
    expect(() => formatViDate('2023-13-01')).toThrow(RangeError);
    expect(() => viDateLine('Hưng Yên', '20/05/2023')).toThrow(RangeError);
  });
});
