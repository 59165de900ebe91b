/**
 * A parsing worker: reads and checks returned files off the UI thread. It keeps each file's decoded
 * workbook so that a change of column mapping is checked again without reading the file twice.
 */
import type { GridWorkbook } from '../../core/grid';
import type { FileReport } from '../../core/check';
import { sha256Hex, workbookDigest } from './digest';
import { checkFile, readFile } from './parse-file';
import type { FromWorker, ToWorker } from './protocol';

interface Kept {
  name: string;
  size: number;
  digest: string;
  workbook: GridWorkbook | null;
  unreadable: FileReport | null;
}

const kept = new Map<string, Kept>();
const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    if (msg.kind === 'forget') {
      kept.delete(msg.id);
      return;
    }
    if (msg.kind === 'adopt') {
      const { digest, size } = await workbookDigest(msg.workbook);
      const k: Kept = { name: msg.workbook.fileName, size, digest, workbook: msg.workbook, unreadable: null };
      const { parsed } = checkFile({ id: msg.id, ...k, schema: msg.schema, roster: msg.roster });
      kept.set(msg.id, k);
      post({ kind: 'parsed', id: msg.id, file: parsed });
      return;
    }
    if (msg.kind === 'parse') {
      const digest = await sha256Hex(msg.bytes);
      const { workbook, report } = readFile(new Uint8Array(msg.bytes), msg.name);
      const k: Kept = { name: msg.name, size: msg.bytes.byteLength, digest, workbook, unreadable: report };
      const { parsed } = checkFile({ id: msg.id, ...k, schema: msg.schema, roster: msg.roster });
      kept.set(msg.id, k);
      post({ kind: 'parsed', id: msg.id, file: parsed });
      return;
    }
    const k = kept.get(msg.id);
    if (!k) throw new Error('tệp không còn trong bộ nhớ của trình đọc');
    const { parsed } = checkFile({
      id: msg.id,
      ...k,
      schema: msg.schema,
      roster: msg.roster,
      columns: msg.columns,
    });
    post({ kind: 'parsed', id: msg.id, file: parsed });
  } catch (e) {
    post({ kind: 'failed', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
};
