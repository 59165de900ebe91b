/**
 * Node only: reads spreadsheet files from disk through readWorkbook, each in a worker thread with a
 * time limit and V8 heap limits, so that a pathological file can neither hang the command nor exhaust
 * memory. Workers are kept in a small pool and reused: starting one costs far more than reading a
 * typical returned list, and a campaign has ~60 files.
 *
 * This same module is the worker's entry point (it starts serving when loaded in a pool worker).
 */

import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { checkWorkbook, unreadableReport, type FileReport } from '../../core/check';
import { forgetMemos, memoMap } from '../../core/memo';
import { makeIssue, type Issue } from '../../core/issues';
import { resolveUnit, type ResolvedUnit } from '../../core/master/resolve-unit';
import type { TableSchema } from '../../core/schema/types';
import type { Roster } from '../../core/units/roster';
import { formatBytes, resolveLimits } from '../limits';
import { readWorkbook, useZlib, type ReadOptions, type ReadResult } from '../read-workbook';

export interface PoolOptions {
  /** Number of worker threads (default: number of CPUs, at most 4). */
  size?: number;
  /** Longest time one file may take, in ms (default 10 000). */
  timeoutMs?: number;
  /** V8 old-generation heap limit of each worker, in MB (default 1536). */
  maxHeapMb?: number;
}

export interface ReadFileOptions extends ReadOptions {
  /** Overrides the pool's time limit for this file. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_HEAP_MB = 1536;
/** SheetJS's zlib use triggers a deprecation warning (DEP0108) that is not for the clerk's eyes. */
const WORKER_ARGV = ['--no-deprecation'];
/** Longest time a worker may take to load its modules. */
const STARTUP_TIMEOUT_MS = 60_000;

const WORKER_FLAG = '__tonghopWorkbookReader';

/** Checking a file where it is read: against these fields, and its unit from this roster when given. */
export interface CheckRequest {
  schema: TableSchema;
  /** Identify the file's unit against this roster (null: do not identify). */
  roster: Roster | null;
  /** The unit the clerk named (--unit), when any. */
  unit?: string;
}

/**
 * A file read and checked in a worker: the engine's report (without the decoded workbook, the tables as
 * found and the records' cell texts as read (`raw` is empty), which stay in the worker), the unit when a
 * roster was given, and the SHA-256 of the file's bytes.
 */
export interface CheckedResult {
  report: FileReport;
  unit: ResolvedUnit | null;
  digest: string;
  /** Modification time of the file (null when it could not be read). */
  mtime: Date | null;
}

interface Job {
  id: number;
  filePath?: string;
  bytes?: Uint8Array;
  fileName: string;
  opts: ReadOptions;
  check?: CheckRequest;
}

/** A worker's answer: the workbook read, or (for a check job) the file checked. */
type Answer = { read: ReadResult } | { checked: Omit<CheckedResult, 'mtime'> };

interface Pending {
  job: Job;
  timeoutMs: number;
  resolve: (a: Answer) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules and can take jobs. */
  ready: boolean;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set once the worker is being replaced; late events from it are ignored. */
  dead: boolean;
}

function fail(fileName: string, issue: (file: string) => Issue): ReadResult {
  return { workbook: null, issues: [issue(fileName)] };
}

const failed = (fileName: string, issue: (file: string) => Issue): Answer => ({
  read: fail(fileName, issue),
});

/** The result of a read job (a read job is answered with a read; a check job's report is taken as one). */
function readOf(answer: Answer): ReadResult {
  return 'read' in answer ? answer.read : { workbook: null, issues: answer.checked.report.issues };
}

function extOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

/** The report, unit and digest of a file that was not read (the reader's issues say why). */
function notRead(filePath: string, read: ReadResult, check: CheckRequest, mtime: Date | null): CheckedResult {
  const name = path.basename(filePath);
  const report = unreadableReport(name, extOf(name), read.issues);
  let digest: string;
  try {
    digest = sha256(fs.readFileSync(filePath));
  } catch {
    digest = sha256(Buffer.from(path.resolve(filePath), 'utf8'));
  }
  const unit = check.roster ? resolveUnit(null, report, name, check.roster, check.unit) : null;
  return { report, unit, digest, mtime };
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Reads, checks and identifies one file's bytes (the worker's part of a check job). */
function checkBytes(bytes: Uint8Array, fileName: string, opts: ReadOptions, check: CheckRequest): Answer {
  const read = readWorkbook(bytes, fileName, opts);
  const report = read.workbook
    ? checkWorkbook(read.workbook, check.schema, read.issues)
    : unreadableReport(fileName, extOf(fileName), read.issues);
  const unit = check.roster
    ? resolveUnit(report.decoded ?? null, report, fileName, check.roster, check.unit)
    : null;
  // What the command line does not use stays here: the decoded workbook, the tables as found, each
  // record's cell texts as read (half of what would be copied between the threads otherwise), and of
  // its columns by field only the first (where the row is said to start: "Danh sách!A12").
  delete report.decoded;
  report.tables = [];
  for (const rec of report.records) {
    rec.raw = {};
    if (rec.cols) rec.cols = firstColumn(rec.cols);
  }
  return { checked: { report, unit, digest: sha256(bytes) } };
}

/** The entry of the leftmost column of a record's columns by field. */
function firstColumn(cols: Record<string, number>): Record<string, number> {
  let field: string | null = null;
  for (const f in cols) if (field === null || cols[f]! < cols[field]!) field = f;
  return field === null ? {} : { [field]: cols[field]! };
}

function fsErrorDetail(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'không tìm thấy tệp';
  if (code === 'EISDIR') return 'đây là thư mục, không phải tệp';
  if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc tệp';
  if (code === 'EBUSY') return 'tệp đang được chương trình khác mở';
  return String((e as Error).message ?? e);
}

/** A pool of reader workers. Call close() when done (idle workers do not keep the process alive). */
export class WorkbookReaderPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  /** Counters, for tests and diagnostics. */
  readonly stats = { workersStarted: 0, timeouts: 0, crashes: 0, jobs: 0 };

  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.size = Math.max(1, opts.size ?? Math.min(4, cpus));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = opts.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  }

  /** Reads a file from disk: checks its size first, then parses it in a worker. Never rejects. */
  async readFile(filePath: string, opts: ReadFileOptions = {}): Promise<ReadResult> {
    return readOf((await this.fromDisk(filePath, opts)).answer);
  }

  /**
   * Reads a file from disk, checks it and identifies its unit, all in a worker (the main thread only gets
   * the report back: no workbook to copy between threads, and the checking of many files spreads over
   * the cores). Never rejects: a file that cannot be read gets a report saying why.
   */
  async checkFile(filePath: string, check: CheckRequest, opts: ReadFileOptions = {}): Promise<CheckedResult> {
    const { answer, mtime } = await this.fromDisk(filePath, opts, check);
    return 'checked' in answer ? { ...answer.checked, mtime } : notRead(filePath, answer.read, check, mtime);
  }

  private async fromDisk(
    filePath: string,
    opts: ReadFileOptions,
    check?: CheckRequest,
  ): Promise<{ answer: Answer; mtime: Date | null }> {
    const fileName = path.basename(filePath);
    const limits = resolveLimits(opts.limits);
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(filePath);
    } catch (e) {
      return {
        answer: failed(fileName, (file) =>
          makeIssue('unreadable-file', { file }, { detail: fsErrorDetail(e) }),
        ),
        mtime: null,
      };
    }
    if (st.isDirectory()) {
      return {
        answer: failed(fileName, (file) =>
          makeIssue('unreadable-file', { file }, { detail: 'đây là thư mục, không phải tệp' }),
        ),
        mtime: null,
      };
    }
    if (st.size > limits.maxBytes) {
      return {
        answer: failed(fileName, (file) =>
          makeIssue(
            'too-large',
            { file },
            { detail: `tệp ${formatBytes(st.size)}`, limit: formatBytes(limits.maxBytes) },
          ),
        ),
        mtime: st.mtime,
      };
    }
    const answer = await this.run(
      {
        filePath: path.resolve(filePath),
        fileName,
        opts: { limits: opts.limits },
        ...(check ? { check } : {}),
      },
      opts.timeoutMs,
    );
    return { answer, mtime: st.mtime };
  }

  /** Parses bytes already in memory in a worker. Never rejects. */
  async readBytes(bytes: Uint8Array, fileName: string, opts: ReadFileOptions = {}): Promise<ReadResult> {
    return readOf(
      await this.run(
        { bytes, fileName: path.basename(fileName), opts: { limits: opts.limits } },
        opts.timeoutMs,
      ),
    );
  }

  /**
   * Starts every worker now (they start on demand otherwise): a command about to read many files
   * calls this first, so that the workers load their code while it does other work.
   */
  prestart(): void {
    if (this.closed) return;
    // Referenced while starting, like any starting worker; unreferenced once ready and idle.
    while (this.slots.filter((s) => !s.dead).length < this.size) this.spawn();
  }

  /**
   * Has every worker forget what it has worked out from earlier files (forgetMemos, and the schema and
   * roster it has seen), as a fresh worker would; for benchmarks that time a warm pool on files it has
   * already read. Jobs sent after this call come after it.
   */
  forget(): void {
    for (const s of this.slots) if (!s.dead) s.worker.postMessage({ forget: true });
  }

  /** Stops all workers; pending reads end with an issue. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.queue.splice(0);
    for (const p of pending) p.resolve(failed(p.job.fileName, (file) => cancelled(file)));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (s) => {
        s.dead = true;
        if (s.timer) clearTimeout(s.timer);
        if (s.busy) s.busy.resolve(failed(s.busy.job.fileName, (file) => cancelled(file)));
        await s.worker.terminate();
      }),
    );
  }

  private run(job: Omit<Job, 'id'>, timeoutMs?: number): Promise<Answer> {
    if (this.closed) return Promise.resolve(failed(job.fileName, (file) => cancelled(file)));
    this.stats.jobs++;
    return new Promise<Answer>((resolve) => {
      this.queue.push({
        job: { ...job, id: this.nextId++ },
        timeoutMs: timeoutMs ?? this.timeoutMs,
        resolve,
      });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.busy && !s.dead);
      if (!slot) {
        // Start another worker if every worker is busy (not merely still starting) and there is room.
        const starting = this.slots.filter((s) => !s.ready && !s.dead).length;
        if (this.slots.length < this.size && starting < this.queue.length) this.spawn();
        return;
      }
      const p = this.queue.shift() as Pending;
      this.dispatch(slot, p);
    }
  }

  private dispatch(slot: Slot, p: Pending): void {
    slot.busy = p;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.stats.timeouts++;
      const secs = Math.round(p.timeoutMs / 100) / 10;
      this.replace(
        slot,
        failed(p.job.fileName, (file) =>
          makeIssue(
            'too-large',
            { file },
            {
              detail: `đọc tệp mất quá ${String(secs).replace('.', ',')} giây`,
              limit: `${String(secs).replace('.', ',')} giây cho mỗi tệp`,
            },
          ),
        ),
      );
    }, p.timeoutMs);
    slot.worker.postMessage(p.job);
  }

  private finish(slot: Slot, result: Answer): void {
    const p = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    if (!slot.dead) slot.worker.unref();
    if (p) p.resolve(result);
    this.pump();
  }

  /** Ends a worker that timed out or died, answers its job, and lets a new one start on demand. */
  private replace(slot: Slot, result: Answer | null): void {
    if (slot.dead) return;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (result && slot.busy) this.finish(slot, result);
    else {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      this.pump();
    }
  }

  private spawn(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.maxHeapMb };
    const data = { [WORKER_FLAG]: true };
    let worker: Worker;
    if (__filename.endsWith('.ts')) {
      const code = tsBootstrap(__filename);
      worker = new Worker(code, {
        eval: true,
        workerData: { ...data, sources: compiledSources },
        resourceLimits,
        execArgv: WORKER_ARGV,
      });
    } else {
      worker = new Worker(__filename, { workerData: data, resourceLimits, execArgv: WORKER_ARGV });
    }
    this.stats.workersStarted++;
    // Referenced while starting (jobs are waiting for it) and while busy; unreferenced when idle.
    const slot: Slot = { worker, ready: false, busy: null, timer: null, dead: false };
    // A worker that cannot even load its modules ends the jobs waiting for it (no endless restarts).
    const startupFailed = (detail: string) => {
      this.stats.crashes++;
      const waiting = this.queue.splice(0);
      this.replace(slot, null);
      for (const p of waiting) {
        p.resolve(failed(p.job.fileName, (file) => makeIssue('unreadable-file', { file }, { detail })));
      }
    };
    slot.timer = setTimeout(
      () => startupFailed('không khởi động được trình đọc bảng tính (quá thời gian)'),
      STARTUP_TIMEOUT_MS,
    );
    slot.timer.unref();
    worker.on('message', (msg: { ready?: true; id?: number; answer?: Answer }) => {
      if (slot.dead) return;
      if (msg.ready) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        slot.ready = true;
        this.pump();
        if (!slot.busy) worker.unref();
        return;
      }
      if (!slot.busy || slot.busy.job.id !== msg.id || !msg.answer) return;
      this.finish(slot, 'read' in msg.answer ? { read: expand(msg.answer.read) } : msg.answer);
    });
    const died = (describe: (file: string) => Issue, startupDetail: string) => {
      if (slot.dead) return;
      if (!slot.ready) return startupFailed(startupDetail);
      this.stats.crashes++;
      this.replace(slot, failed(slot.busy?.job.fileName ?? '', describe));
    };
    worker.on('error', (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message);
      died(
        (file) =>
          oom
            ? makeIssue(
                'too-large',
                { file },
                { detail: 'đọc tệp cần quá nhiều bộ nhớ', limit: `${this.maxHeapMb} MB bộ nhớ cho mỗi tệp` },
              )
            : makeIssue('unreadable-file', { file }, { detail: `trình đọc gặp lỗi (${err.message})` }),
        `không khởi động được trình đọc bảng tính (${err.message})`,
      );
    });
    worker.on('exit', (code) => {
      died(
        (file) =>
          makeIssue('unreadable-file', { file }, { detail: `trình đọc dừng bất thường (mã ${code})` }),
        `không khởi động được trình đọc bảng tính (mã ${code})`,
      );
    });
    this.slots.push(slot);
    return slot;
  }
}

function cancelled(file: string): Issue {
  return makeIssue('unreadable-file', { file }, { detail: 'việc đọc tệp đã bị hủy' });
}

/**
 * When running from TypeScript sources (tests, development), the main thread compiles this module and
 * the modules it imports once (TypeScript's transpileModule) and hands the JavaScript to each worker,
 * which installs a loader for it: a worker then starts as fast as with built code. Built code (dist/)
 * loads plain .js and needs none of this.
 */
let compiledSources: Record<string, string> | null = null;

function compileClosure(entry: string): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const out: Record<string, string> = {};
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (out[file] !== undefined) continue;
    const src = fs.readFileSync(file, 'utf8');
    out[file] = ts.transpileModule(src, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
      },
    }).outputText;
    for (const m of src.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      for (const cand of [`${base}.ts`, path.join(base, 'index.ts')]) {
        if (fs.existsSync(cand)) {
          todo.push(cand);
          break;
        }
      }
    }
  }
  return out;
}

function tsBootstrap(entry: string): string {
  compiledSources ??= compileClosure(entry);
  return `
const { workerData } = require('worker_threads');
const sources = workerData.sources;
let ts = null;
require.extensions['.ts'] = function (m, filename) {
  let js = sources[filename];
  if (js === undefined) {
    ts = ts || require(${JSON.stringify(require.resolve('typescript'))});
    const src = require('fs').readFileSync(filename, 'utf8');
    js = ts.transpileModule(src, { fileName: filename, compilerOptions: { module: 1, target: 7, esModuleInterop: true } }).outputText;
  }
  m._compile(js, filename);
};
require(${JSON.stringify(entry)});
`;
}

// ---------------------------------------------------------------------------------------------
// A shared default pool for callers that read one file at a time.

let defaultPool: WorkbookReaderPool | null = null;

/** Reads a spreadsheet file with the shared pool (time and memory limited). Never rejects. */
export function readWorkbookFile(filePath: string, opts: ReadFileOptions = {}): Promise<ReadResult> {
  defaultPool ??= new WorkbookReaderPool();
  return defaultPool.readFile(filePath, opts);
}

/**
 * Reads, checks and identifies a file in the shared pool (see WorkbookReaderPool.checkFile). Never rejects.
 */
export function checkWorkbookFile(
  filePath: string,
  check: CheckRequest,
  opts: ReadFileOptions = {},
): Promise<CheckedResult> {
  defaultPool ??= new WorkbookReaderPool();
  return defaultPool.checkFile(filePath, check, opts);
}

/** Starts the shared pool's workers ahead of a batch of reads (see WorkbookReaderPool.prestart). */
export function prestartReaders(): void {
  defaultPool ??= new WorkbookReaderPool();
  defaultPool.prestart();
}

/** The shared pool's workers forget what earlier files taught them (see WorkbookReaderPool.forget). */
export function forgetReaderMemos(): void {
  defaultPool?.forget();
}

/** Stops the shared pool's workers (optional: idle workers do not keep the process alive). */
export async function closeDefaultPool(): Promise<void> {
  const p = defaultPool;
  defaultPool = null;
  if (p) await p.close();
}

// ---------------------------------------------------------------------------------------------
// Worker side

/**
 * The schema and roster of the jobs seen so far, by content. Each job brings its own copy; the engine keeps
 * what it works out from them (header keys and scores, enum and roster matchers) by object, so the first
 * copy of equal content is used for every file: what one file taught the worker serves the next.
 */
const seenObjects = memoMap<string, object>();
const SEEN_LIMIT = 8;

function same<T extends object>(x: T): T {
  const key = JSON.stringify(x);
  const seen = seenObjects.get(key);
  if (seen) return seen as T;
  if (seenObjects.size >= SEEN_LIMIT) seenObjects.clear();
  seenObjects.set(key, x);
  return x;
}

function sameRequest(check: CheckRequest): CheckRequest {
  return { ...check, schema: same(check.schema), roster: check.roster ? same(check.roster) : null };
}

function serve(): void {
  const port = parentPort;
  if (!port) return;
  useZlib(zlib);
  port.on('message', (job: Job | { forget: true }) => {
    if ('forget' in job) {
      forgetMemos();
      return;
    }
    let answer: Answer;
    try {
      let bytes: Uint8Array;
      if (job.bytes) bytes = job.bytes;
      else {
        const limits = resolveLimits(job.opts.limits);
        const buf = fs.readFileSync(job.filePath as string);
        if (buf.length > limits.maxBytes) {
          answer = failed(job.fileName, (file) =>
            makeIssue(
              'too-large',
              { file },
              { detail: `tệp ${formatBytes(buf.length)}`, limit: formatBytes(limits.maxBytes) },
            ),
          );
          port.postMessage({ id: job.id, answer });
          return;
        }
        bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      answer = job.check
        ? checkBytes(bytes, job.fileName, job.opts, sameRequest(job.check))
        : { read: compact(readWorkbook(bytes, job.fileName, job.opts)) };
    } catch (e) {
      answer = failed(job.fileName, (file) =>
        makeIssue('unreadable-file', { file }, { detail: fsErrorDetail(e) }),
      );
    }
    port.postMessage({ id: job.id, answer });
  });
}

/**
 * Text cells carry the same string as value and displayed text; the copy sent between threads leaves
 * the displayed text out (structured cloning would copy every string twice) and expand() restores it.
 */
function compact(result: ReadResult): ReadResult {
  for (const s of result.workbook?.sheets ?? []) {
    for (const row of s.rows) {
      for (const k in row) {
        const c = row[k as unknown as number];
        if (c && typeof c.v === 'string' && c.w === c.v) delete c.w;
      }
    }
  }
  return result;
}

function expand(result: ReadResult): ReadResult {
  for (const s of result.workbook?.sheets ?? []) {
    for (const row of s.rows) {
      for (const k in row) {
        const c = row[k as unknown as number];
        if (c && typeof c.v === 'string' && c.w === undefined) c.w = c.v;
      }
    }
  }
  return result;
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  serve();
  parentPort?.postMessage({ ready: true });
}
