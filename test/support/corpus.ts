/**
 * Reaches the shared test corpora (../shared next to the project, or $TONGHOP_SHARED).
 * Tests that need them use describeCorpus(): when the folder is absent (a fresh clone without
 * shared/), the block is skipped with a message saying so.
 */
import fs from 'fs';
import path from 'path';

export const SHARED_DIR = process.env.TONGHOP_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');

export function corpusPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

export function hasCorpus(...parts: string[]): boolean {
  return fs.existsSync(corpusPath(...parts));
}

/** describe() when the corpus path exists; otherwise skipped, with a message naming the missing path. */
export function describeCorpus(rel: string, title: string, fn: () => void): void {
  if (hasCorpus(rel)) {
    describe(title, fn);
  } else {
    console.warn(`[tonghop tests] ${corpusPath(rel)} not found: "${title}" skipped (set TONGHOP_SHARED).`);
    const skipped = describe.skip;
    skipped(`${title} (corpus absent)`, fn);
  }
}
