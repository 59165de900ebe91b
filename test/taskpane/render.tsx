/**
 * Rendering the pane in jsdom on the fake Excel: the real gateway host, the engine parsing in-process, a fixed
 * clock, a clipboard that records.
 */
import { render } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import { excelHost } from '../../src/taskpane/host/excel-host';
import { fileHost } from '../../src/taskpane/host/file-host';
import type { WorkbookHost } from '../../src/taskpane/host/workbook-host';
import { createI18n, type Lang } from '../../src/taskpane/i18n/i18n';
import { InProcessParser } from '../../src/taskpane/parse/in-process-parser';
import { Root } from '../../src/taskpane/ui/Root';
import type { Services } from '../../src/taskpane/ui/services';
import type { MasterModel } from '../../src/core/master/model';
import { createCampaign } from '../../src/excel/gateway';
import { createFakeExcel, type FakeExcel } from '../support/fake-excel';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');

export interface Rendered {
  fake: FakeExcel | null;
  host: WorkbookHost;
  copied: string[];
  saved: { name: string; bytes: Uint8Array }[];
}

export interface PaneOptions {
  lang?: Lang;
  today?: string;
  kind?: 'excel' | 'file';
  theme?: 'light' | 'dark' | 'contrast';
  /** A fake Excel to use (e.g. one where a campaign was created already). */
  fake?: FakeExcel;
}

/** A fake Excel whose workbook already holds a campaign (created through the gateway, as the pane would). */
export async function excelWithCampaign(model: MasterModel): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await createCampaign(fake.Excel, model, '2023-05-10', { office: fake.Office });
  return fake;
}

export function renderPane(opts: PaneOptions = {}): Rendered {
  const fake = opts.kind === 'file' ? null : (opts.fake ?? createFakeExcel());
  const host = fake
    ? excelHost(fake.Excel, fake.Office, opts.lang === 'en' ? 'en-US' : 'vi-VN')
    : fileHost('vi-VN');
  const copied: string[] = [];
  const saved: Rendered['saved'] = [];
  const services: Services = {
    host,
    parser: new InProcessParser(),
    today: () => opts.today ?? '2023-05-18',
    now: () => `${opts.today ?? '2023-05-18'} 09:30:00`,
    copyText: async (t) => {
      copied.push(t);
    },
    saveFile: (name, bytes) => saved.push({ name, bytes }),
  };
  render(<Root i18n={createI18n(opts.lang ?? 'vi')} theme={opts.theme ?? 'light'} services={services} />);
  return { fake, host, copied, saved };
}

/** A sample file as the browser gives it. */
export function sampleFile(rel: string): File {
  const bytes = fs.readFileSync(path.join(SAMPLES, rel));
  return new File([bytes], path.basename(rel));
}

export function rosterText(): string {
  return fs.readFileSync(path.join(SAMPLES, 'roster.csv'), 'utf8');
}
