/**
 * Texts the clerk copies from the task pane: the units that have not sent their list yet (to phone
 * round), and a short polite reminder to paste into an e-mail or a Zalo group. Plain text, one item a
 * line, numbered; dates dd/mm/yyyy.
 */
import { daysBetween, formatViDate, isIsoDate, lateness, type IsoDate } from '../campaign/deadline';
import type { MasterModel, TrackerRow } from './model';
import { unitKey } from './row-key';

function clean(s: string | undefined | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function missingOf(trackerRows: readonly TrackerRow[]): TrackerRow[] {
  return trackerRows.filter((t) => t.status === 'missing');
}

/**
 * The units that have not sent, one a line, numbered, in the tracker's (roster's) order, each with its
 * group and, when the roster has them, its contact person, phone and e-mail:
 * "1. Sở Y tế (Sở, ban, ngành) — Người liên hệ: Trần Văn Hùng, ĐT: 0221 3862 317, Email: …".
 * Empty when every unit has sent.
 */
export function missingUnitsText(model: MasterModel, trackerRows: readonly TrackerRow[]): string {
  const roster = new Map(model.roster.units.map((u) => [unitKey(u.name), u]));
  return missingOf(trackerRows)
    .map((t, i) => {
      const u = roster.get(unitKey(t.unit));
      const group = clean(t.group) || clean(u?.group);
      const contact = clean(t.contact) || clean(u?.contact);
      const phone = clean(t.phone) || clean(u?.phone);
      const email = clean(t.email) || clean(u?.email);
      const parts: string[] = [];
      if (contact) parts.push(`Người liên hệ: ${contact}`);
      if (phone) parts.push(`ĐT: ${phone}`);
      if (email) parts.push(`Email: ${email}`);
      const head = `${i + 1}. ${clean(t.unit)}${group ? ` (${group})` : ''}`;
      return parts.length ? `${head} — ${parts.join(', ')}` : head;
    })
    .join('\n');
}

/**
 * A short reminder to the units that have not sent, as of `today`: the letter (number, date, issuer and
 * title, as far as the campaign's settings give them), the deadline, the units (numbered), and a request
 * to send soon. Empty when every unit has sent.
 */
export function reminderText(model: MasterModel, trackerRows: readonly TrackerRow[], today: IsoDate): string {
  const missing = missingOf(trackerRows);
  if (missing.length === 0) return '';
  const c = model.config;
  const issuer = clean(c.issuer);
  const title = clean(c.title);
  const letterNo = clean(c.letterNo);
  const about = title ? ` về “${title}”` : '';
  const deadline = formatViDate(c.deadline);
  const by = c.deadlineDayCounts ? `ngày ${deadline}` : `trước ngày ${deadline}`;

  let opening: string;
  if (letterNo) {
    const dated = c.letterDate && isIsoDate(c.letterDate) ? ` ngày ${formatViDate(c.letterDate)}` : '';
    opening = `Thực hiện Công văn số ${letterNo}${dated}${issuer ? ` của ${issuer}` : ''}${about}`;
  } else if (issuer) {
    opening = `Theo đề nghị của ${issuer}${about}`;
  } else {
    opening = title ? `Về “${title}”` : 'Về việc gửi danh sách đề nghị';
  }
  opening += `, hạn gửi danh sách là ${by}.`;

  const lt = lateness(today, c.deadline, { deadlineDayCounts: c.deadlineDayCounts });
  const left = daysBetween(today, c.deadline) - (c.deadlineDayCounts ? 0 : 1);
  const when = lt.late
    ? `đã quá hạn ${lt.daysLate} ngày`
    : left === 0
      ? 'hôm nay là ngày cuối cùng'
      : `còn ${left} ngày`;
  const status = `Đến ngày ${formatViDate(today)} (${when}), ${
    missing.length === 1 ? 'đơn vị sau chưa gửi danh sách' : `${missing.length} đơn vị sau chưa gửi danh sách`
  }:`;
  const list = missing.map((t, i) => `${i + 1}. ${clean(t.unit)}`).join('\n');
  const request =
    `Kính đề nghị ${missing.length === 1 ? 'đơn vị' : 'các đơn vị'} sớm gửi danh sách` +
    `${issuer ? ` về ${issuer}` : ''} để kịp tổng hợp. Trân trọng cảm ơn!`;

  return [
    `Kính gửi: ${missing.length === 1 ? clean(missing[0]!.unit) : 'các cơ quan, đơn vị có tên dưới đây'}`,
    '',
    opening,
    status,
    list,
    '',
    request,
  ].join('\n');
}
