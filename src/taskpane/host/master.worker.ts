/** The browser page's master worker: reads and writes the master .xlsx off the UI thread. */
import { readMasterBytes, writeMasterBytesOf } from './master-bytes';
import type { FromMasterWorker, ToMasterWorker } from './master-ops';

const post = (m: FromMasterWorker, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: FromMasterWorker, t: Transferable[]): void }).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<ToMasterWorker>) => {
  const msg = ev.data;
  try {
    if (msg.kind === 'read') {
      post({ id: msg.id, ok: true, state: readMasterBytes(msg.file, msg.data) });
    } else {
      const bytes = await writeMasterBytesOf(msg.model, msg.today, msg.base);
      post({ id: msg.id, ok: true, bytes }, [bytes.buffer]);
    }
  } catch (e) {
    post({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
