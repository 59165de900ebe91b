/** The services of the real pane and page: the clock of the campaign, the clipboard, file download. */
import { localDate } from '../core/campaign/deadline';
import { localTimeText } from '../core/campaign/clock';
import type { WorkbookHost } from './host/workbook-host';
import type { Parser } from './parse/parser';
import type { Services } from './ui/services';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Office's webview may refuse the async clipboard; fall back to the selection copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('clipboard');
}

function saveFile(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function browserServices(host: WorkbookHost, parser: Parser): Services {
  return {
    host,
    parser,
    today: (tz) => localDate(new Date(), tz),
    now: (tz) => localTimeText(new Date(), tz),
    copyText,
    saveFile,
  };
}
