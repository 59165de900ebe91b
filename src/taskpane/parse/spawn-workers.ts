/**
 * The browser's parser: Web Workers that webpack builds from parse.worker.ts (or, in a browser without
 * Worker, the in-process parser, loaded only then). This file uses import.meta.url, so it is compiled only
 * for the browser (tsconfig.web.json), never by jest.
 */
import { inThreadOps, workerOps, type MasterOps } from '../host/master-ops';
import { WorkerParser, type Parser } from './parser';

export async function browserParser(): Promise<Parser> {
  if (typeof Worker === 'undefined') {
    const { InProcessParser } = await import(/* webpackChunkName: "reader" */ './in-process-parser');
    return new InProcessParser();
  }
  const size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2));
  return new WorkerParser(() => new Worker(new URL('./parse.worker.ts', import.meta.url)), size);
}

/** The browser page's master reading and writing, in a worker of its own (master.worker.ts). */
export function browserMasterOps(): MasterOps {
  if (typeof Worker === 'undefined') return inThreadOps;
  return workerOps(() => new Worker(new URL('../host/master.worker.ts', import.meta.url)));
}
