/** A parsing worker: reads and checks returned files off the UI thread, and keeps them for re-checks. */
import { KeptFiles } from './kept-files';
import { readRosterFile } from './parse-file';
import type { FromWorker, ToWorker } from './protocol';

const files = new KeptFiles();
const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    if (msg.kind === 'forget') return files.forget(msg.id);
    if (msg.kind === 'roster') {
      const { roster, problems } = readRosterFile(new Uint8Array(msg.bytes), msg.name);
      return post({ kind: 'roster', id: msg.id, roster, problems });
    }
    const file =
      msg.kind === 'parse'
        ? await files.parse(msg.id, msg.name, msg.bytes, msg)
        : msg.kind === 'adopt'
          ? await files.adopt(msg.id, msg.workbook, msg)
          : files.recheck(msg.id, msg, msg.columns);
    post({ kind: 'parsed', id: msg.id, file });
  } catch (e) {
    post({ kind: 'failed', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
};
