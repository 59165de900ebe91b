#!/usr/bin/env node
/**
 * `npm run demo`: builds a master workbook from the bundled samples, as a clerk would on the command
 * line — `tonghop init`, then one `tonghop merge` per day files arrived (samples/demo.json) — and prints
 * the tracker (on time, late, missing). The master is written to samples/out/ (not committed).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'tonghop.js');
const demo = JSON.parse(fs.readFileSync(path.join(root, 'samples', 'demo.json'), 'utf8'));

function quote(a) {
  return /[\s"'()&;]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a;
}

function tonghop(args, { showOutput = true, untilBlankLine = false } = {}) {
  process.stdout.write(`\n$ tonghop ${args.map(quote).join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  let out = r.stdout ?? '';
  if (untilBlankLine) out = out.split('\n\n')[0] + '\n';
  if (showOutput) process.stdout.write(out);
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) {
    process.stderr.write(`tonghop dừng với mã ${r.status} / exited with ${r.status}\n`);
    process.exit(r.status ?? 1);
  }
  return out;
}

const master = demo.master;
fs.mkdirSync(path.dirname(path.join(root, master)), { recursive: true });
fs.rmSync(path.join(root, master), { force: true });

const init = ['init', master, '--deadline', demo.deadline, '--roster', demo.roster];
for (const [flag, key] of [
  ['--title', 'title'],
  ['--letter-no', 'letterNo'],
  ['--letter-date', 'letterDate'],
  ['--issuer', 'issuer'],
  ['--superior', 'superior'],
  ['--place', 'place'],
]) {
  if (demo[key]) init.push(flag, demo[key]);
}
tonghop(init);
for (const step of demo.steps) {
  const args = ['merge', master, ...step.files, '--received', step.received];
  if (step.unit) args.push('--unit', step.unit);
  tonghop(args, { untilBlankLine: true });
}
tonghop(['status', master]);
process.stdout.write(`\nTệp tổng hợp / master workbook: ${master}\n`);
