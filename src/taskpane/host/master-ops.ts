/**
 * Reading and writing the browser page's master .xlsx: the work itself (master-bytes.ts), run in a Web Worker
 * in the browser so that a master of thousands of rows never freezes the page, or in-thread where there is no
 * Worker (jest).
 */
import type { MasterModel } from '../../core/master/model';
import type { MasterState } from './workbook-host';

export interface MasterOps {
  read(file: string, data: Uint8Array): Promise<MasterState>;
  write(model: MasterModel, today: string, base: Uint8Array | null): Promise<Uint8Array>;
}

/** In-thread: the reader and exceljs are loaded on first use. */
export const inThreadOps: MasterOps = {
  async read(file, data) {
    return (await import(/* webpackChunkName: "master-bytes" */ './master-bytes')).readMasterBytes(
      file,
      data,
    );
  },
  async write(model, today, base) {
    return (await import(/* webpackChunkName: "master-bytes" */ './master-bytes')).writeMasterBytesOf(
      model,
      today,
      base,
    );
  },
};

export type ToMasterWorker =
  | { id: number; kind: 'read'; file: string; data: Uint8Array }
  | { id: number; kind: 'write'; model: MasterModel; today: string; base: Uint8Array | null };

export type FromMasterWorker =
  | { id: number; ok: true; state?: MasterState; bytes?: Uint8Array }
  | { id: number; ok: false; message: string };

/** Master work in a worker (one at a time, in order). */
export function workerOps(spawn: () => Worker): MasterOps {
  let worker: Worker | null = null;
  let seq = 0;
  const waiting = new Map<number, { resolve(m: FromMasterWorker): void }>();
  const call = (msg: ToMasterWorker, transfer: Transferable[] = []): Promise<FromMasterWorker> => {
    if (!worker) {
      worker = spawn();
      worker.onmessage = (ev: MessageEvent<FromMasterWorker>) => {
        waiting.get(ev.data.id)?.resolve(ev.data);
        waiting.delete(ev.data.id);
      };
      worker.onerror = (ev) => {
        ev.preventDefault?.();
        for (const [id, w] of waiting)
          w.resolve({ id, ok: false, message: ev.message || 'lỗi trong luồng ghi tệp' });
        waiting.clear();
        worker?.terminate();
        worker = null;
      };
    }
    return new Promise((resolve) => {
      waiting.set(msg.id, { resolve });
      worker!.postMessage(msg, transfer);
    });
  };
  const fail = (r: FromMasterWorker): never => {
    throw new Error(r.ok ? 'trả lời không đúng' : r.message);
  };
  return {
    async read(file, data) {
      const copy = data.slice();
      const r = await call({ id: ++seq, kind: 'read', file, data: copy }, [copy.buffer]);
      return r.ok && r.state ? r.state : fail(r);
    },
    async write(model, today, base) {
      const r = await call({ id: ++seq, kind: 'write', model, today, base });
      return r.ok && r.bytes ? r.bytes : fail(r);
    },
  };
}
