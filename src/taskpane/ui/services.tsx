/** What the views need from the outside world, given once at the top (tests give fakes). */
import { createContext, useContext } from 'react';
import type { IsoDate } from '../../core/campaign/deadline';
import type { WorkbookHost } from '../host/workbook-host';
import type { Parser } from '../parse/parser';

export interface Services {
  host: WorkbookHost;
  parser: Parser;
  /** Today in the campaign's time zone. */
  today(timeZone?: string): IsoDate;
  /** Now as the log writes it ("2023-05-18 09:30:05"), in the campaign's time zone. */
  now(timeZone?: string): string;
  copyText(text: string): Promise<void>;
  /** Saves bytes as a file (the browser page's download). */
  saveFile?(name: string, bytes: Uint8Array): void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}
