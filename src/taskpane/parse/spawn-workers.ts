/**
 * The browser's parser: Web Workers that webpack builds from parse.worker.ts (or, in a browser without
 * Worker, the in-process parser, loaded only then). This file uses import.meta.url, so it is compiled only
 * for the browser (tsconfig.web.json), never by jest.
 */
import { WorkerParser, type Parser } from './parser';

export async function browserParser(): Promise<Parser> {
  if (typeof Worker === 'undefined') {
    const { InProcessParser } = await import(/* webpackChunkName: "reader" */ './in-process-parser');
    return new InProcessParser();
  }
  const size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2));
  return new WorkerParser(() => new Worker(new URL('./parse.worker.ts', import.meta.url)), size);
}
