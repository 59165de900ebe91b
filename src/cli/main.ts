/** The `tonghop` command: entry point, dispatch and exit codes (0 done, 1 could not run, 2 usage). */
import fs from 'fs';
import path from 'path';
import { parse, UsageError } from './args';
import { MAIN_HELP } from './help';
import { readInput, closeReaders } from './read';
import { cmdInit, cmdMerge, cmdStatus, unitJson } from './master-cmds';
import { loadMaster, readAndCheck, type CheckedFile } from './master-io';
import { startProgress } from './progress';
import { fileToJson } from './report-json';
import { summarize } from './summary';
import type { FileReport } from '../core/check';
import { defaultSchema } from '../core/schema/default-schema';
import { parseSchema } from '../core/schema/parse-schema';
import type { TableSchema } from '../core/schema/types';
import { decodeWorkbook } from '../core/text/decode-workbook';
import { workbookText } from '../core/sheet-text';

import { RunError } from './errors';

export { RunError };

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

export function loadSchema(file: string | undefined): TableSchema {
  if (!file) return defaultSchema();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new RunError(`không đọc được tệp trường dữ liệu ${file} (cannot read the schema file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RunError(`tệp ${file} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const { schema, errors } = parseSchema(json);
  if (errors.length > 0)
    throw new RunError(`tệp trường dữ liệu ${file} có lỗi:\n  - ${errors.join('\n  - ')}`);
  return schema;
}

/** Reads (in parallel worker threads) and checks the files, in the order given. */
export async function checkFiles(files: string[], schema: TableSchema): Promise<FileReport[]> {
  return (await readAndCheck(files, schema)).map((f) => f.report);
}

export function writeJson(target: string, data: unknown, io: Io): void {
  const text = JSON.stringify(data, null, 2) + '\n';
  if (target === '-') {
    io.stdout(text);
    return;
  }
  try {
    fs.writeFileSync(target, text, 'utf8');
  } catch (e) {
    throw new RunError(`không ghi được ${target}: ${(e as Error).message}`);
  }
}

async function cmdCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    schema: { type: 'string' },
    json: { type: 'string' },
    lang: { type: 'string' },
    master: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MAIN_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('cần ít nhất một tệp để kiểm tra (no input file)');
  if (values.master && values.schema)
    throw new UsageError('--master đã có bộ trường; không dùng kèm --schema');
  const lang = values.lang === 'en' ? 'en' : 'vi';
  const master = values.master ? await loadMaster(String(values.master)) : null;
  for (const p of master?.problems ?? []) io.stderr(`tonghop: ${p}\n`);
  const schema = master ? master.model.schema : loadSchema(values.schema as string | undefined);
  const progress = startProgress(lang === 'vi' ? 'Đang đọc' : 'Reading', positionals.length);
  let checked: CheckedFile[];
  try {
    checked = await readAndCheck(
      positionals,
      schema,
      progress,
      master ? { roster: master.model.roster } : undefined,
    );
  } finally {
    progress.stop();
  }
  const reports = checked.map((f) => f.report);
  const units = master ? checked.map((f) => f.unit!) : null;
  const json = {
    files: reports.map((r, i) => ({ ...fileToJson(r), unit: units ? unitJson(units[i]!) : null })),
  };
  if (values.json) writeJson(values.json as string, json, io);
  if (values.json !== '-') io.stdout(summarize(reports, lang, units ?? undefined));
  return 0;
}

async function cmdText(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'no-sheet-names': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MAIN_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('lệnh text cần đúng một tệp (text takes one file)');
  const read = await readInput(positionals[0]);
  if (!read.workbook) {
    for (const i of read.issues) io.stderr(i.message + '\n');
    return 1;
  }
  const { workbook } = decodeWorkbook(read.workbook);
  io.stdout(workbookText(workbook, { sheetNames: !values['no-sheet-names'] }));
  return 0;
}

export interface RunOptions {
  /**
   * Leave the reader worker threads running (idle, they do not keep the process alive) for the next run in
   * this process, warm; call closeReaders() when done. The command line itself ends its process after one
   * run and stops them.
   */
  keepReaders?: boolean;
}

export async function run(argv: string[], io: Io = defaultIo, opts: RunOptions = {}): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(MAIN_HELP);
        return cmd === undefined ? 2 : 0;
      case '-v':
      case '--version':
        io.stdout(`tonghop ${version()}\n`);
        return 0;
      case 'check':
        return await cmdCheck(rest, io);
      case 'text':
        return await cmdText(rest, io);
      case 'init':
        return await cmdInit(rest, io, loadSchema);
      case 'merge':
        return await cmdMerge(rest, io, writeJson);
      case 'status':
        return await cmdStatus(rest, io, writeJson);
      default:
        throw new UsageError(`lệnh không có: ${cmd} (unknown command)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`tonghop: ${e.message}\nXem "tonghop --help".\n`);
      return 2;
    }
    if (e instanceof RunError) {
      io.stderr(`tonghop: ${e.message}\n`);
      return 1;
    }
    io.stderr(`tonghop: lỗi không mong đợi: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  } finally {
    if (!opts.keepReaders) await closeReaders();
  }
}
