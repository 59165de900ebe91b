/** The tracker (Theo dõi) as text for the terminal: one line a unit, then the totals. */
import { formatViDate } from '../core/campaign/deadline';
import type { CampaignConfig, TrackerRow } from '../core/master/model';
import { STATUS_VI } from '../core/master/model';
import { trackerTotals } from '../core/master/tracker';

const STATUS_EN = { 'on-time': 'On time', late: 'Late', missing: 'Missing' } as const;
const NAME_WIDTH = 44;

function fit(s: string, w: number): string {
  const t = s.normalize('NFC');
  return t.length > w ? `${t.slice(0, w - 1)}…` : t.padEnd(w);
}

export function trackerText(config: CampaignConfig, rows: TrackerRow[], lang: 'vi' | 'en' = 'vi'): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(
    vi
      ? `THEO DÕI TIẾP NHẬN — ${config.title} (hạn nộp ${formatViDate(config.deadline)})`
      : `TRACKER — ${config.title} (deadline ${formatViDate(config.deadline)})`,
  );
  const head = vi
    ? ['STT', 'Đơn vị', 'Tình trạng', 'Trễ', 'Ngày nhận', 'TT', 'CN', 'Lỗi', 'Lần gửi']
    : ['No.', 'Unit', 'Status', 'Late', 'Received', 'Col', 'Ind', 'Err', 'Sent'];
  const line = (c: string[]) =>
    `${c[0]!.padStart(4)}  ${fit(c[1]!, NAME_WIDTH)}  ${c[2]!.padEnd(10)} ${c[3]!.padStart(4)}  ${c[4]!.padEnd(10)} ` +
    `${c[5]!.padStart(3)} ${c[6]!.padStart(3)} ${c[7]!.padStart(4)} ${c[8]!.padStart(8)}`;
  out.push(line(head));
  rows.forEach((r, i) => {
    const sent = r.status !== 'missing';
    out.push(
      line([
        String(i + 1),
        r.inRoster ? r.unit : `${r.unit} (${vi ? 'ngoài danh sách' : 'not in roster'})`,
        vi ? STATUS_VI[r.status] : STATUS_EN[r.status],
        r.status === 'late' ? String(r.daysLate) : '',
        r.received ? formatViDate(r.received) : '',
        sent ? String(r.tapThe) : '',
        sent ? String(r.caNhan) : '',
        sent ? String(r.errors) : '',
        sent ? String(r.timesSent) : '',
      ]).trimEnd(),
    );
  });
  const t = trackerTotals(rows);
  out.push(
    vi
      ? `Đúng hạn: ${t.onTime} · Trễ hạn: ${t.late} · Chưa nộp: ${t.missing} · ${t.units} đơn vị · ` +
          `${t.rows} đề nghị (${t.tapThe} tập thể, ${t.caNhan} cá nhân) · ${t.errors} lỗi`
      : `On time: ${t.onTime} · Late: ${t.late} · Missing: ${t.missing} · ${t.units} units · ` +
          `${t.rows} nominations (${t.tapThe} collectives, ${t.caNhan} individuals) · ${t.errors} errors`,
  );
  return out.join('\n') + '\n';
}
