/**
 * The parser on the calling thread, yielding between files: for jest (no Worker there) and for a browser
 * without Worker. The browser bundle loads it only in that case.
 */
import type { GridWorkbook } from '../../core/grid';
import { KeptFiles } from './kept-files';
import type { Roster } from '../../core/units/roster';
import { readRosterFile, type ColumnChoice, type ParsedFile } from './parse-file';
import { failedFile, type ParseContext, type Parser, type SourceFile } from './parser';

export class InProcessParser implements Parser {
  private files = new KeptFiles();

  async parse(files: SourceFile[], ctx: ParseContext, onFile: (file: ParsedFile) => void): Promise<void> {
    for (const f of files) {
      await new Promise((r) => setTimeout(r, 0));
      try {
        onFile(await this.files.parse(f.id, f.name, await f.bytes(), ctx));
      } catch (e) {
        onFile(failedFile(f.id, f.name, e instanceof Error ? e.message : String(e)));
      }
    }
  }

  async readRoster(name: string, bytes: ArrayBuffer): Promise<{ roster: Roster; problems: string[] }> {
    await new Promise((r) => setTimeout(r, 0));
    return readRosterFile(new Uint8Array(bytes), name);
  }

  adopt(id: string, workbook: GridWorkbook, ctx: ParseContext): Promise<ParsedFile> {
    return this.files.adopt(id, workbook, ctx);
  }

  async recheck(id: string, ctx: ParseContext, columns: ColumnChoice[]): Promise<ParsedFile> {
    return this.files.recheck(id, ctx, columns);
  }

  forget(id: string): void {
    this.files.forget(id);
  }

  dispose(): void {
    this.files.clear();
  }
}
