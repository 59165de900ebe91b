/**
 * A progress bar on stderr for long runs, shown only when stderr is a terminal (quiet in pipes, logs and
 * CI). Built on cli-progress.
 */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** One more item done; `name` is shown beside the bar. */
  tick(name?: string): void;
  stop(): void;
}

const QUIET: Progress = { tick: () => undefined, stop: () => undefined };

/** Items below this finish too fast for a bar to help. */
const MIN_ITEMS = 3;

export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream & { isTTY?: boolean } = process.stderr,
): Progress {
  if (!stream.isTTY || total < MIN_ITEMS) return QUIET;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {name}`,
      stream,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { name: '' });
  let done = 0;
  return {
    tick(name = '') {
      done++;
      bar.update(done, { name: name.length > 40 ? `${name.slice(0, 39)}…` : name });
    },
    stop() {
      bar.stop();
    },
  };
}
