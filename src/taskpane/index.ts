/**
 * Task pane entry. A placeholder until the task-pane issue: it reports whether it runs inside Excel.
 * The pane never touches Excel directly; the gateway in src/excel does.
 */

declare const Office: { onReady(cb: (info: { host: string | null }) => void): void } | undefined;

function setStatus(text: string): void {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
}

if (typeof Office !== 'undefined') {
  Office.onReady((info) => {
    setStatus(info.host ? 'Sẵn sàng trong Excel.' : 'Sẵn sàng (ngoài Excel).');
  });
} else {
  setStatus('Trang này chạy trong Excel dưới dạng phần bổ trợ. Chức năng đang được xây dựng.');
}
