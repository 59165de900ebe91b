/** Messages between the pane and its parsing workers. */
import type { GridWorkbook } from '../../core/grid';
import type { TableSchema } from '../../core/schema/types';
import type { Roster } from '../../core/units/roster';
import type { ColumnChoice, ParsedFile } from './parse-file';

export type ToWorker =
  | { kind: 'parse'; id: string; name: string; bytes: ArrayBuffer; schema: TableSchema; roster: Roster }
  | { kind: 'recheck'; id: string; schema: TableSchema; roster: Roster; columns: ColumnChoice[] }
  | { kind: 'adopt'; id: string; workbook: GridWorkbook; schema: TableSchema; roster: Roster }
  | { kind: 'roster'; id: string; name: string; bytes: ArrayBuffer }
  | { kind: 'forget'; id: string };

export type FromWorker =
  | { kind: 'parsed'; id: string; file: ParsedFile }
  | { kind: 'roster'; id: string; roster: Roster; problems: string[] }
  | { kind: 'failed'; id: string; message: string };
