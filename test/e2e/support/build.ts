/**
 * buildOnce(): the e2e bundle (webpack.e2e.js, production mode) built once per change of its sources, into
 * a folder under os.tmpdir() named by a hash of them, so jest workers, test files and later runs share it.
 * A lock folder (mkdir is atomic) makes parallel workers wait for the one that builds.
 */
import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Marker written last into a finished build folder. */
const DONE = '.complete';
/** A build that takes longer than this is stuck (2 shared cores: a cold build takes 20–60 s). */
const BUILD_TIMEOUT_MS = 5 * 60_000;
/** A lock older than this whose owner cannot be checked is taken over. */
const STALE_LOCK_MS = BUILD_TIMEOUT_MS + 60_000;

/** Files whose content decides the bundle (relative to the project root). */
export function buildInputs(): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  for (const d of ['src', 'test/e2e/host', 'test/support/fake-excel', 'assets']) walk(d);
  for (const f of fs.readdirSync(ROOT)) {
    if (/^webpack.*\.js$/.test(f) || ['package-lock.json', 'tsconfig.json', 'manifest.xml'].includes(f))
      files.push(f);
  }
  return files.sort();
}

/** Hash of the names and contents of buildInputs(). */
export function buildHash(): string {
  const h = crypto.createHash('sha256');
  for (const f of buildInputs()) {
    h.update(f.split(path.sep).join('/') + '\0');
    h.update(fs.readFileSync(path.join(ROOT, f)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock folder, or returns false when someone else holds it (a stale lock is removed). */
function tryLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n${os.hostname()}\n`);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let stale = false;
  try {
    const [pid, host] = fs.readFileSync(path.join(lock, 'owner'), 'utf8').split('\n');
    stale = host === os.hostname() && !alive(Number(pid));
  } catch {
    // The owner file is not written yet (or the lock just went): judge by age.
  }
  try {
    if (!stale) stale = Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false; // gone in the meantime: the caller retries
  }
  if (stale) fs.rmSync(lock, { recursive: true, force: true });
  return false;
}

/**
 * `webpack --config CONFIG --mode production` into `out` (the e2e build, and the bench's plain build), with
 * its output kept for the error message and a time limit.
 */
export function runWebpack(config: 'webpack.config.js' | 'webpack.e2e.js', out: string): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const args = [cli, '--config', path.join(ROOT, config), '--mode', 'production', '--output-path', out];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, '--stats', 'errors-warnings'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(`webpack --config ${config} failed (${signal ?? `exit ${code}`}):\n${log.slice(-6000)}`),
        );
    });
  });
}

/** Removes other e2e builds older than a day (folders of earlier source versions). */
function pruneOld(keep: string): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!/^tonghop-e2e-[0-9a-f]{16}$/.test(name)) continue;
    const abs = path.join(tmp, name);
    if (abs === keep || fs.existsSync(`${abs}.lock`)) continue;
    try {
      if (Date.now() - fs.statSync(abs).mtimeMs > 24 * 3600_000)
        fs.rmSync(abs, { recursive: true, force: true });
    } catch {
      // someone else pruned it
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function build(): Promise<string> {
  const dir = path.join(os.tmpdir(), `tonghop-e2e-${buildHash()}`);
  const lock = `${dir}.lock`;
  const deadline = Date.now() + STALE_LOCK_MS + BUILD_TIMEOUT_MS;
  while (!fs.existsSync(path.join(dir, DONE))) {
    if (Date.now() > deadline) throw new Error(`e2e build: gave up waiting for ${lock}`);
    if (!tryLock(lock)) {
      await sleep(500);
      continue;
    }
    try {
      if (fs.existsSync(path.join(dir, DONE))) break;
      const staging = `${dir}.tmp-${process.pid}`;
      fs.rmSync(staging, { recursive: true, force: true });
      await runWebpack('webpack.e2e.js', staging);
      if (!fs.existsSync(path.join(staging, 'e2e.html')))
        throw new Error(`e2e build: webpack ended without writing e2e.html into ${staging}`);
      fs.writeFileSync(path.join(staging, DONE), new Date().toISOString());
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(staging, dir);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  pruneOld(dir);
  return dir;
}

let once: Promise<string> | undefined;

/**
 * The folder of the e2e build (e2e.html, taskpane.html, trang.html, office/, the bundles). Built on the
 * first call of a source version (production mode, 20–60 s), then reused by every worker and run.
 */
export function buildOnce(): Promise<string> {
  once ??= build().catch((e: unknown) => {
    once = undefined;
    throw e;
  });
  return once;
}
