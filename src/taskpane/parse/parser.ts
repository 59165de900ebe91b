/**
 * The pane's file parser. In the browser it is a small pool of Web Workers (parsing never runs on the UI
 * thread); in jest, where there is no Worker, the same functions run in-process. Each file is read by one
 * worker, which keeps it for re-checks; a file that takes longer than the time limit (SheetJS's inflater can
 * loop on a corrupt zip) is reported unreadable and its worker replaced.
 */
import { unreadableReport } from '../../core/check';
import type { GridWorkbook } from '../../core/grid';
import { makeIssue } from '../../core/issues';
import type { TableSchema } from '../../core/schema/types';
import type { Roster } from '../../core/units/roster';
import type { ColumnChoice, ParsedFile } from './parse-file';
import type { FromWorker, ToWorker } from './protocol';

export interface ParseContext {
  schema: TableSchema;
  roster: Roster;
}

export interface SourceFile {
  id: string;
  name: string;
  /** Read lazily, so that 60 dropped files are not all in memory at once before parsing. */
  bytes(): Promise<ArrayBuffer>;
}

export interface Parser {
  /** Parses the files; `onFile` is called as each one is done (in any order). */
  parse(files: SourceFile[], ctx: ParseContext, onFile: (file: ParsedFile) => void): Promise<void>;
  /** Checks a parsed file again with the clerk's column choices. */
  recheck(id: string, ctx: ParseContext, columns: ColumnChoice[]): Promise<ParsedFile>;
  /** Checks a workbook read from elsewhere (a sheet of the open workbook), kept like a parsed file. */
  adopt(id: string, workbook: GridWorkbook, ctx: ParseContext): Promise<ParsedFile>;
  /** The roster in a file imported into the campaign form (rejects with a message the clerk can read). */
  readRoster(name: string, bytes: ArrayBuffer): Promise<{ roster: Roster; problems: string[] }>;
  forget(id: string): void;
  dispose(): void;
}

/** A file that could not be parsed at all (worker crash, time limit). */
export function failedFile(id: string, name: string, detail: string): ParsedFile {
  const ext = (name.split('.').pop() ?? '').toLowerCase();
  const report = unreadableReport(name, ext, [makeIssue('unreadable-file', { file: name }, { detail })]);
  return {
    id,
    name,
    size: 0,
    digest: `failed-${id}`,
    report,
    unit: { unit: null, inRoster: false, confidence: 0, candidates: [], source: null },
    previews: [],
  };
}

/** A request sent to a worker: settled by its answer, or by a 'failed' answer when the worker dies or hangs. */
type Pending = {
  settle(m: FromWorker): void;
  timer: ReturnType<typeof setTimeout>;
};

interface Slot {
  worker: Worker;
  pending: Map<string, Pending>;
}

/** Time limit for one file. */
export const FILE_TIME_LIMIT_MS = 60_000;

export class WorkerParser implements Parser {
  private slots: Slot[] = [];
  private home = new Map<string, Slot>();
  /** File names by id, for the message of a file whose re-check fails. */
  private names = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly spawn: () => Worker,
    size = 2,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.newSlot());
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: this.spawn(), pending: new Map() };
    slot.worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      const p = slot.pending.get(ev.data.id);
      if (!p) return;
      slot.pending.delete(ev.data.id);
      clearTimeout(p.timer);
      p.settle(ev.data);
    };
    slot.worker.onerror = (ev) => {
      ev.preventDefault?.();
      this.crash(slot, ev.message || 'trình đọc gặp lỗi');
    };
    return slot;
  }

  /** A worker that crashed or hung: its files fail, it is replaced. */
  private crash(slot: Slot, detail: string): void {
    slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    const fresh = this.newSlot();
    if (i >= 0) this.slots[i] = fresh;
    for (const [id, p] of slot.pending) {
      clearTimeout(p.timer);
      this.home.delete(id);
      p.settle({ kind: 'failed', id, message: detail });
    }
    slot.pending.clear();
  }

  /** Posts a request; `take` turns the worker's answer into the result (or throws, to reject). */
  private send<T>(
    slot: Slot,
    msg: ToWorker,
    take: (m: FromWorker) => T,
    transfer: Transferable[] = [],
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.crash(slot, `quá ${FILE_TIME_LIMIT_MS / 1000} giây mà chưa đọc xong`),
        FILE_TIME_LIMIT_MS,
      );
      const settle = (m: FromWorker) => {
        try {
          resolve(take(m));
        } catch (e) {
          reject(e);
        }
      };
      slot.pending.set(msg.id, { settle, timer });
      slot.worker.postMessage(msg, transfer);
    });
  }

  /** A checked file from the worker's answer (a failure becomes an unreadable file). */
  private fileFrom(id: string, name: string): (m: FromWorker) => ParsedFile {
    return (m) =>
      m.kind === 'parsed' ? m.file : failedFile(id, name, m.kind === 'failed' ? m.message : m.kind);
  }

  async parse(files: SourceFile[], ctx: ParseContext, onFile: (file: ParsedFile) => void): Promise<void> {
    const queue = [...files];
    const run = async (k: number) => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const slot = this.slots[k]!;
        let done: ParsedFile;
        try {
          const bytes = await f.bytes();
          this.home.set(f.id, slot);
          this.names.set(f.id, f.name);
          done = await this.send(
            slot,
            { kind: 'parse', id: f.id, name: f.name, bytes, schema: ctx.schema, roster: ctx.roster },
            this.fileFrom(f.id, f.name),
            [bytes],
          );
        } catch (e) {
          done = failedFile(f.id, f.name, e instanceof Error ? e.message : String(e));
        }
        onFile(done);
      }
    };
    await Promise.all(this.slots.map((_, k) => run(k)));
  }

  adopt(id: string, workbook: GridWorkbook, ctx: ParseContext): Promise<ParsedFile> {
    const slot = this.slots[0]!;
    this.home.set(id, slot);
    this.names.set(id, workbook.fileName);
    return this.send(
      slot,
      { kind: 'adopt', id, workbook, schema: ctx.schema, roster: ctx.roster },
      this.fileFrom(id, workbook.fileName),
    );
  }

  readRoster(name: string, bytes: ArrayBuffer): Promise<{ roster: Roster; problems: string[] }> {
    const id = `roster-${++this.seq}`;
    return this.send(
      this.slots[0]!,
      { kind: 'roster', id, name, bytes },
      (m) => {
        if (m.kind === 'roster') return { roster: m.roster, problems: m.problems };
        throw new Error(m.kind === 'failed' ? m.message : m.kind);
      },
      [bytes],
    );
  }

  async recheck(id: string, ctx: ParseContext, columns: ColumnChoice[]): Promise<ParsedFile> {
    const slot = this.home.get(id);
    if (!slot || !this.slots.includes(slot)) throw new Error('tệp không còn trong bộ nhớ của trình đọc');
    return this.send(
      slot,
      { kind: 'recheck', id, schema: ctx.schema, roster: ctx.roster, columns },
      this.fileFrom(id, this.names.get(id) ?? id),
    );
  }

  forget(id: string): void {
    const slot = this.home.get(id);
    this.home.delete(id);
    this.names.delete(id);
    slot?.worker.postMessage({ kind: 'forget', id } satisfies ToWorker);
  }

  dispose(): void {
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
  }
}
