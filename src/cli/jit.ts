/**
 * How the command line asks V8 to compile: for a run of a few seconds on a PC of two to four cores.
 *
 * V8 optimises a function once it has run a set amount of bytecode (its "interrupt budget", 66 KB by
 * default, made for web pages). A merge runs the same reading and checking code in two reader threads
 * at once, and on a two-core machine their optimising compiles take the cores the reading needs: the
 * first pass over the files, which is the whole of a clerk's run, is the slow one. With a budget of
 * 1 MB only the code that is really hot is optimised, a little later. On this project's two-core
 * machine (npm run bench, 60 lists × 300 rows in a fresh process) `tonghop merge` took 3.0–3.1 s with
 * the default and 2.3 s with this; `tonghop check` of 10 lists 1.1–1.2 s and 1.0 s; of one list the
 * same. SheetJS alone in one thread (the bench's floor) is a little slower with it, so the floor is
 * timed without it.
 *
 * The flags are set by bin/tonghop.js before the command's code is loaded; they are the process's
 * own and its reader threads inherit them. A library user of src/cli/main.ts keeps its own flags.
 */
import v8 from 'v8';

export const CLI_V8_FLAGS: readonly string[] = ['--interrupt-budget=1048576'];

/** Sets CLI_V8_FLAGS for this process (and the threads it starts from now on). */
export function tuneForShortRuns(): void {
  for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);
}
