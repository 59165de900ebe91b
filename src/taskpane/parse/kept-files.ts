/**
 * The files a parser holds: read once, kept with their decoded workbook, so that a change of column mapping
 * is checked again without reading the file twice. Used by the parsing worker and by the in-process parser.
 */
import type { FileReport } from '../../core/check';
import type { GridWorkbook } from '../../core/grid';
import type { TableSchema } from '../../core/schema/types';
import type { Roster } from '../../core/units/roster';
import { sha256Hex, workbookDigest } from './digest';
import { checkFile, readFile, type ColumnChoice, type ParsedFile } from './parse-file';

interface KeptFile {
  name: string;
  size: number;
  digest: string;
  workbook: GridWorkbook | null;
  /** The reader's report when the file could not be read. */
  unreadable: FileReport | null;
}

export interface CheckContext {
  schema: TableSchema;
  roster: Roster;
}

export class KeptFiles {
  private kept = new Map<string, KeptFile>();

  private check(id: string, k: KeptFile, ctx: CheckContext, columns?: ColumnChoice[]): ParsedFile {
    this.kept.set(id, k);
    return checkFile({ id, ...k, ...ctx, ...(columns ? { columns } : {}) }).parsed;
  }

  /** Reads and checks a file's bytes. */
  async parse(id: string, name: string, bytes: ArrayBuffer, ctx: CheckContext): Promise<ParsedFile> {
    const digest = await sha256Hex(bytes);
    const { workbook, report } = readFile(new Uint8Array(bytes), name);
    return this.check(id, { name, size: bytes.byteLength, digest, workbook, unreadable: report }, ctx);
  }

  /** Checks a workbook read from elsewhere (a sheet of the open workbook). */
  async adopt(id: string, workbook: GridWorkbook, ctx: CheckContext): Promise<ParsedFile> {
    const { digest, size } = await workbookDigest(workbook);
    return this.check(id, { name: workbook.fileName, size, digest, workbook, unreadable: null }, ctx);
  }

  /** Checks a kept file again with the clerk's column choices. */
  recheck(id: string, ctx: CheckContext, columns: ColumnChoice[]): ParsedFile {
    const k = this.kept.get(id);
    if (!k) throw new Error('tệp không còn trong bộ nhớ của trình đọc');
    return this.check(id, k, ctx, columns);
  }

  forget(id: string): void {
    this.kept.delete(id);
  }

  clear(): void {
    this.kept.clear();
  }
}
