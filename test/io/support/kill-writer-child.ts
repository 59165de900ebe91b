/**
 * Child process for the kill tests of test/io/master-file.test.ts (run with `node --require tsx/cjs`).
 *
 *   kill-writer-child.ts <mode> <master.xlsx> <rows>
 *
 * Writes a plan of <rows> rows over the master (base = the master itself) and reports on stdout:
 *   WRITING            just before writeMasterFile starts          (mode "run": then writes to the end)
 *   PARTIAL <bytes>    the temporary file is half written, then the child hangs   (mode "partial")
 *   READY              the temporary file is complete, before the rename; hangs  (mode "ready")
 *   DONE               the master was replaced
 * The parent kills it with SIGKILL at the point it chooses.
 */
import fs from 'fs';
import { writeMasterFile } from '../../../src/io/node/master-file';
import { masterPlan } from './master-plan';

function hang(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const [mode, master, rowsArg] = process.argv.slice(2);
  if (!mode || !master || !rowsArg)
    throw new Error('usage: kill-writer-child <run|partial|ready> <master.xlsx> <rows>');
  const plan = masterPlan(Number(rowsArg));
  if (mode === 'partial') {
    const realWrite = fs.writeSync;
    // The writer's first write to the temporary file goes half way, then the process stalls.
    const patched = (...args: [number, string | NodeJS.ArrayBufferView, ...unknown[]]): number => {
      const [fd, buf] = args;
      if (fd <= 2 || typeof buf === 'string') return (realWrite as (...a: unknown[]) => number)(...args);
      const off = typeof args[2] === 'number' ? args[2] : 0;
      const len = typeof args[3] === 'number' ? args[3] : buf.byteLength - off;
      const half = Math.floor(len / 2);
      realWrite(fd, buf, off, half);
      fs.fsyncSync(fd);
      say(`PARTIAL ${half}`);
      hang();
    };
    (fs as { writeSync: unknown }).writeSync = patched;
  }
  say('WRITING');
  await writeMasterFile(plan, master, {
    base: master,
    onBeforeRename: mode === 'ready' ? () => (say('READY'), hang()) : undefined,
  });
  say('DONE');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
