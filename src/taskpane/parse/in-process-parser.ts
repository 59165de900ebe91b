/**
 * The parser on the calling thread, yielding between files: for jest (no Worker there) and for a browser
 * without Worker. The browser bundle loads it only in that case.
 */
import type { FileReport } from '../../core/check';
import type { GridWorkbook } from '../../core/grid';
import { sha256Hex, workbookDigest } from './digest';
import { checkFile, readFile, type ColumnChoice, type ParsedFile } from './parse-file';
import { failedFile, type ParseContext, type Parser, type SourceFile } from './parser';

interface Kept {
  name: string;
  size: number;
  digest: string;
  workbook: GridWorkbook | null;
  unreadable: FileReport | null;
}

export class InProcessParser implements Parser {
  private kept = new Map<string, Kept>();

  async parse(files: SourceFile[], ctx: ParseContext, onFile: (file: ParsedFile) => void): Promise<void> {
    for (const f of files) {
      await new Promise((r) => setTimeout(r, 0));
      try {
        const buf = await f.bytes();
        const digest = await sha256Hex(buf);
        const { workbook, report } = readFile(new Uint8Array(buf), f.name);
        const k: Kept = { name: f.name, size: buf.byteLength, digest, workbook, unreadable: report };
        this.kept.set(f.id, k);
        onFile(checkFile({ id: f.id, ...k, ...ctx }).parsed);
      } catch (e) {
        onFile(failedFile(f.id, f.name, e instanceof Error ? e.message : String(e)));
      }
    }
  }

  async adopt(id: string, workbook: GridWorkbook, ctx: ParseContext): Promise<ParsedFile> {
    const { digest, size } = await workbookDigest(workbook);
    const k: Kept = { name: workbook.fileName, size, digest, workbook, unreadable: null };
    this.kept.set(id, k);
    return checkFile({ id, ...k, ...ctx }).parsed;
  }

  async recheck(id: string, ctx: ParseContext, columns: ColumnChoice[]): Promise<ParsedFile> {
    const k = this.kept.get(id);
    if (!k) throw new Error(`không còn tệp ${id}`);
    return checkFile({ id, ...k, ...ctx, columns }).parsed;
  }

  forget(id: string): void {
    this.kept.delete(id);
  }

  dispose(): void {
    this.kept.clear();
  }
}
