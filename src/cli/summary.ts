/** The human summary printed by `check`. */
import type { FileReport } from '../core/check';
import { countBySeverity } from '../core/issues';
import type { ResolvedUnit } from '../core/master/resolve-unit';

function unitText(u: ResolvedUnit, vi: boolean): string {
  const pct = `${Math.round(u.confidence * 100)}%`;
  if (u.unit && u.inRoster) return vi ? `đơn vị: ${u.unit} (${pct})` : `unit: ${u.unit} (${pct})`;
  if (u.unit)
    return vi ? `đơn vị: ${u.unit} — không có trong danh sách đơn vị` : `unit: ${u.unit} — not in the roster`;
  const c = u.candidates.map((x) => `${x.name} (${Math.round(x.score * 100)}%)`).join('; ');
  return vi
    ? `CHƯA XÁC ĐỊNH được đơn vị gửi${c ? `; gần nhất: ${c}` : ''}`
    : `unit NOT identified${c ? `; closest: ${c}` : ''}`;
}

const SHOWN = 12;

export function summarize(reports: FileReport[], lang: 'vi' | 'en' = 'vi', units?: ResolvedUnit[]): string {
  const out: string[] = [];
  const vi = lang === 'vi';
  reports.forEach((r, idx) => {
    const c = countBySeverity(r.issues);
    out.push(
      vi
        ? `■ ${r.file}: ${r.rows} dòng đề nghị — ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin`
        : `■ ${r.file}: ${r.rows} nominee rows — ${c.error} errors, ${c.warning} warnings, ${c.info} notes`,
    );
    const u = units?.[idx];
    if (u) out.push(`    ${unitText(u, vi)}`);
    for (const s of r.sheets) {
      if (s.status === 'read' || s.status === 'no-nominees') {
        const mapped = s.columns.filter((x) => x.field).length;
        out.push(
          vi
            ? `    trang „${s.name}”: tiêu đề dòng ${s.headerRows.join('–')}, ${mapped} cột khớp trường, ${s.rows} dòng`
            : `    sheet "${s.name}": header row ${s.headerRows.join('–')}, ${mapped} columns mapped, ${s.rows} rows`,
        );
      }
    }
    const ordered = [
      ...r.issues.filter((i) => i.severity === 'error'),
      ...r.issues.filter((i) => i.severity === 'warning'),
      ...r.issues.filter((i) => i.severity === 'info'),
    ];
    for (const i of ordered.slice(0, SHOWN)) {
      const tag = vi
        ? { error: 'LỖI', warning: 'CẢNH BÁO', info: 'TT' }[i.severity]
        : i.severity.toUpperCase();
      out.push(`    [${tag}] ${vi ? i.message : i.messageEn}`);
    }
    if (ordered.length > SHOWN) {
      out.push(
        vi
          ? `    … và ${ordered.length - SHOWN} vấn đề khác (xem --json)`
          : `    … and ${ordered.length - SHOWN} more (see --json)`,
      );
    }
  });
  const files = reports.length;
  const rows = reports.reduce((a, r) => a + r.rows, 0);
  const errs = reports.reduce((a, r) => a + countBySeverity(r.issues).error, 0);
  out.push(
    vi
      ? `Tổng cộng: ${files} tệp, ${rows} dòng đề nghị, ${errs} lỗi.`
      : `Total: ${files} files, ${rows} nominee rows, ${errs} errors.`,
  );
  return out.join('\n') + '\n';
}
