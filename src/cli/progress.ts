/** A progress bar on stderr for long runs, only when stderr is a terminal. */
import cliProgress from 'cli-progress';

export interface Progress {
  update: ((fraction: number) => void) | undefined;
  stop(): void;
}

export function createProgress(enabled: boolean, label: string): Progress {
  if (!enabled || process.stderr.isTTY !== true) return { update: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | ETA {eta}s`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0);
  return {
    update: (f) => bar.update(Math.round(f * 1000)),
    stop: () => bar.stop(),
  };
}
