/**
 * Entry of the task pane and of the browser page. In Excel (office.js loaded and the host is Excel) the pane
 * works on the open workbook through the gateway; anywhere else it is the standalone page working on a
 * master .xlsx in memory. The IE11 webview never gets here (taskpane.html stops it first).
 */
import { createRoot } from 'react-dom/client';
import type { ExcelApi, OfficeApi } from '../excel/gateway';
import { browserServices } from './browser-services';
import { excelHost } from './host/excel-host';
import { fileHost } from './host/file-host';
import type { WorkbookHost } from './host/workbook-host';
import { createI18n, langOf } from './i18n/i18n';
import { browserMasterOps, browserParser } from './parse/spawn-workers';
import { Root } from './ui/Root';
import { themeName } from './ui/theme';

interface OfficeGlobal extends OfficeApi {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: OfficeApi['context'] & {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

async function detectHost(): Promise<{ host: WorkbookHost; officeBackground?: string }> {
  const w = window as unknown as { Office?: OfficeGlobal; Excel?: ExcelApi };
  const wantsExcel = document.body.dataset.host === 'excel';
  if (wantsExcel && w.Office) {
    const info = await Promise.race([
      w.Office.onReady(),
      new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
    ]);
    if (info && info.host === 'Excel' && w.Excel) {
      const ctx = w.Office.context;
      return {
        host: excelHost(w.Excel, w.Office, ctx.displayLanguage ?? 'vi-VN'),
        ...(ctx.officeTheme?.bodyBackgroundColor
          ? { officeBackground: ctx.officeTheme.bodyBackgroundColor }
          : {}),
      };
    }
  }
  return { host: fileHost(navigator.language || 'vi-VN', browserMasterOps()) };
}

async function main(): Promise<void> {
  const { host, officeBackground } = await detectHost();
  const lang = langOf(host.language);
  document.documentElement.lang = lang;
  const i18n = createI18n(lang);
  document.title = i18n.t('app.name');
  const media = (q: string) => typeof window.matchMedia === 'function' && window.matchMedia(q).matches;
  const theme = themeName({
    ...(officeBackground ? { officeBodyBackground: officeBackground } : {}),
    forcedColors: media('(forced-colors: active)'),
    prefersDark: media('(prefers-color-scheme: dark)'),
  });
  const rootEl = document.getElementById('root')!;
  createRoot(rootEl).render(
    <Root i18n={i18n} theme={theme} services={browserServices(host, await browserParser())} />,
  );
}

void main();
