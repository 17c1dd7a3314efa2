/** Shared fixtures for the workload tests: patterns, streams and a loop that runs a source. */
import { RandomStreams } from '../../src/engine/RandomStreams';
import type { RandomStream } from '../../src/engine/RandomStreams';
import { type ArrivalBatch, WorkloadSource } from '../../src/workload';
import type { ArrivalPattern, ArrivalProcessKind, WorkSpec } from '../../src/workload/types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** A fresh seeded stream. */
export function streamFor(seed: number, name = 'workload:test'): RandomStream {
  return new RandomStreams(seed).stream(name);
}

/** A stream that counts its draws. */
export function countingStream(inner: RandomStream): RandomStream & { draws: number } {
  const s = {
    name: inner.name,
    draws: 0,
    next(): number {
      s.draws++;
      return inner.next();
    },
  };
  return s;
}

/** One example of every pattern, with a run length that exercises all of its pieces. */
export const PATTERN_CASES: { label: string; pattern: ArrivalPattern; durationMs: number; startMs?: number }[] = [
  { label: 'constant', pattern: { Pattern: 'constant', Rate: 7.3 }, durationMs: HOUR },
  { label: 'ramp', pattern: { Pattern: 'ramp', From: 2, To: 20, At: 10 * MINUTE, Over: 30 * MINUTE }, durationMs: HOUR },
  {
    label: 'steps',
    pattern: {
      Pattern: 'steps',
      Steps: [
        { At: 5 * MINUTE, Rate: 5 },
        { At: 20 * MINUTE, Rate: 12.5 },
        { At: 45 * MINUTE, Rate: 0.4 },
      ],
    },
    durationMs: HOUR,
  },
  {
    label: 'diurnal',
    pattern: { Pattern: 'diurnal', Trough: 0.5, Peak: 6, PeakAt: 14 },
    durationMs: 26 * HOUR,
    startMs: Date.UTC(2024, 2, 1, 9, 30),
  },
  {
    label: 'spike',
    pattern: { Pattern: 'spike', Base: 2, Peak: 40, At: 10 * MINUTE, RampUp: 5 * MINUTE, Hold: 10 * MINUTE, RampDown: 15 * MINUTE },
    durationMs: HOUR,
  },
  { label: 'trace', pattern: irregularTrace(), durationMs: 50 * MINUTE },
];

/** 200 rows of irregular lengths (0.7–40 s) and counts (0–90), not aligned with any tick. */
function irregularTrace(): ArrivalPattern {
  const rng = streamFor(99, 'trace-fixture');
  const TimesMs: number[] = [];
  const Counts: number[] = [];
  let t = 1234;
  for (let i = 0; i < 200; i++) {
    TimesMs.push(t);
    Counts.push(Math.floor(rng.next() * 91));
    t += 700 + Math.floor(rng.next() * 39_300);
  }
  return { Pattern: 'trace', File: 'fixture.csv', TimesMs, Counts };
}

export interface RunResult {
  arrived: number;
  ticks: number;
  /** Every batch's offsets, copied. */
  offsets: number[][];
}

/** Runs a source over [0, durationMs) in ticks of `tickMs` (the last one shortened), copying every batch. */
export function runSource(
  pattern: ArrivalPattern,
  process: ArrivalProcessKind,
  opts: { durationMs: number; tickMs: number; seed?: number; startMs?: number; work?: WorkSpec; keepOffsets?: boolean },
): RunResult {
  const source = new WorkloadSource(
    { Name: 'test', Target: 'Web', Arrivals: { ...pattern, Process: process }, Work: opts.work ?? {} },
    streamFor(opts.seed ?? 1),
    { startMs: opts.startMs ?? 0 },
  );
  const offsets: number[][] = [];
  if (opts.keepOffsets) {
    source.connect({ deliver: (b: ArrivalBatch) => offsets.push(Array.from(b.offsetsMs.subarray(0, b.count))) });
  }
  let ticks = 0;
  for (let t = 0; t < opts.durationMs; t += opts.tickMs) {
    source.step(t, Math.min(opts.tickMs, opts.durationMs - t));
    ticks++;
  }
  return { arrived: source.arrivedTotal, ticks, offsets };
}

/**
 * Runs a source and returns the first batch whose offsets are out of [0, tickMs) or not ascending,
 * described, or undefined when every batch is well formed.
 */
export function findBadOffsets(
  pattern: ArrivalPattern,
  process: ArrivalProcessKind,
  opts: { durationMs: number; tickMs: number; seed?: number },
): string | undefined {
  const source = new WorkloadSource(
    { Name: 'test', Target: 'Web', Arrivals: { ...pattern, Process: process }, Work: {} },
    streamFor(opts.seed ?? 1),
    { startMs: 0 },
  );
  let bad: string | undefined;
  source.connect({
    deliver(b) {
      for (let i = 0; i < b.count && bad === undefined; i++) {
        const x = b.offsetsMs[i]!;
        if (!(x >= 0 && x < b.tickMs) || (i > 0 && x < b.offsetsMs[i - 1]!)) {
          bad = `tick at ${b.tickStartMs} ms (${b.tickMs} ms): offset[${i}] = ${x} after ${i > 0 ? b.offsetsMs[i - 1] : '-'}`;
        }
      }
    },
  });
  for (let t = 0; t < opts.durationMs && bad === undefined; t += opts.tickMs) {
    source.step(t, Math.min(opts.tickMs, opts.durationMs - t));
  }
  return bad;
}
