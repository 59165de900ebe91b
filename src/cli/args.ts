/** Command-line parsing on Node's util.parseArgs, with Vietnamese usage errors. */
import { parseArgs, type ParseArgsConfig } from 'util';

export class UsageError extends Error {}

export function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /Unknown option '([^']+)'/.exec(msg);
    if (m) throw new UsageError(`tùy chọn không hợp lệ: ${m[1]} (unknown option)`);
    const m2 = /Option '([^']+)[^']*' argument missing/.exec(msg);
    if (m2) throw new UsageError(`tùy chọn ${m2[1]} cần một giá trị (option needs a value)`);
    throw new UsageError(msg);
  }
}
