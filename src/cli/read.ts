/**
 * Reads input files for the command line: each file is parsed in a worker thread with a time and memory
 * limit (src/io/node/read-file), so a corrupt or hostile file can neither hang nor exhaust the run.
 */
import { readWorkbookFile, closeDefaultPool } from '../io/node/read-file';
import type { ReadResult } from '../io/read-workbook';

export function readInput(filePath: string): Promise<ReadResult> {
  return readWorkbookFile(filePath);
}

/** Stops the reader workers; call once the command is done. */
export function closeReaders(): Promise<void> {
  return closeDefaultPool();
}
