/**
 * The measurements of the SimFaaS authors' AWS Lambda experiments, and the way they computed
 * their figures (pacslab/serverless-performance-modeling: experiments/exp_parser.py and
 * experiments/02-overall-plots.py), so that the model's runs are measured the same way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DATA = resolve(import.meta.dirname, '../../../data');

/** One row of data/lambda-measurements.csv. */
export interface Experiment {
  experiment: string;
  arrivalRate: number;
  serviceTimeWarmMs: number;
  serviceTimeColdMs: number;
  /** The study counted an environment until this long after its last request (IdleMinutesBeforeKill). */
  observedTailMs: number;
  averageInstanceCount: number;
  coldStartProbability: number;
  coldStartProbabilitySE: number;
}

/** The ten experiments the model's defaults were checked against. */
export const MEASUREMENTS = 'lambda-measurements.csv';
/** The study's ten other experiments, used for nothing else than this check (held out). */
export const HELD_OUT = 'lambda-measurements-heldout.csv';

/** The experiments in `file` (in data/). */
export function experiments(file = MEASUREMENTS): Experiment[] {
  const lines = readFileSync(resolve(DATA, file), 'utf8').trim().split('\n');
  return lines.slice(1).map((l) => {
    const r = l.split(',');
    return {
      experiment: r[0]!,
      arrivalRate: Number(r[1]),
      serviceTimeWarmMs: Number(r[2]),
      serviceTimeColdMs: Number(r[3]),
      observedTailMs: Number(r[4]) * 60_000,
      averageInstanceCount: Number(r[5]),
      coldStartProbability: Number(r[7]),
      coldStartProbabilitySE: Number(r[8]),
    };
  });
}

/** One request of a measured trace (data/lambda-traces): client-side start and end, ms from the first request. */
export interface TraceRequest {
  startMs: number;
  endMs: number;
  cold: boolean;
  /** The execution environment that served it (numbered in order of first use). */
  environment: number;
}

/** The experiments whose request logs are kept in data/lambda-traces. */
export const TRACED = ['experiment_0', 'experiment_10', 'experiment_13', 'experiment_15', 'experiment_17', 'experiment_18'] as const;

export function trace(experiment: string): TraceRequest[] {
  const lines = readFileSync(resolve(DATA, 'lambda-traces', `${experiment}.csv`), 'utf8').trim().split('\n');
  return lines.slice(1).map((l) => {
    const r = l.split(',');
    return { startMs: Number(r[0]), endMs: Number(r[1]), cold: r[2] === '1', environment: Number(r[3]) };
  });
}

/**
 * The study's cold-start share: the requests split into ten consecutive chunks by count (the last
 * request of each chunk left out, as its slicing did); in each chunk the first quarter of its
 * time is ignored; the share is the mean of the chunks' shares. `starts` in request order.
 */
export function studyColdShare(starts: readonly number[], cold: readonly boolean[]): number {
  const chunks = 10;
  const step = Math.floor(starts.length / chunks);
  let sum = 0;
  for (let i = 0; i < chunks; i++) {
    const from = i * step;
    const to = (i + 1) * step - 1; // exclusive
    const cut = starts[from]! + (starts[to - 1]! - starts[from]!) / 4;
    let n = 0;
    let c = 0;
    for (let k = from; k < to; k++) {
      if (starts[k]! > cut) {
        n++;
        if (cold[k]) c++;
      }
    }
    sum += c / n;
  }
  return sum / chunks;
}

/** An environment's life as the study saw it: from its first request's start to its last request's end. */
export interface ObservedLife {
  firstStartMs: number;
  lastEndMs: number;
}

/**
 * The study's average environment count: each environment counts from its first request's start
 * to its last request's end plus `tailMs`; the count is sampled every minute from the first
 * request after the first quarter of the run to the last request's start, less the last sample.
 * `starts`: every request's start, ascending.
 */
export function studyEnvironmentCount(lives: readonly ObservedLife[], starts: readonly number[], tailMs: number): number {
  const firstStartMs = starts[0]!;
  const lastStartMs = starts[starts.length - 1]!;
  const cut = firstStartMs + (lastStartMs - firstStartMs) / 4;
  let k = 0;
  while (starts[k]! <= cut) k++;
  const from = starts[k]!;
  const samples = Math.floor((lastStartMs - from) / 60_000); // the grid's points, less the last one
  if (samples <= 0) return 0;
  // Each life adds one to the samples strictly inside it (difference array over sample indices).
  const diff = new Float64Array(samples + 1);
  for (const l of lives) {
    const a = l.firstStartMs;
    const b = l.lastEndMs + tailMs;
    const lo = Math.max(0, Math.floor((a - from) / 60_000) + 1);
    const hi = Math.min(samples - 1, Math.ceil((b - from) / 60_000) - 1);
    if (hi >= lo) {
      diff[lo]! += 1;
      diff[hi + 1]! -= 1;
    }
  }
  let run = 0;
  let total = 0;
  for (let i = 0; i < samples; i++) {
    run += diff[i]!;
    total += run;
  }
  return total / samples;
}

/** The study's figures for a measured trace. */
export function measuredFromTrace(t: readonly TraceRequest[], tailMs: number): { coldShare: number; environments: number } {
  const lives = new Map<number, ObservedLife>();
  for (const r of t) {
    const l = lives.get(r.environment);
    if (l === undefined) lives.set(r.environment, { firstStartMs: r.startMs, lastEndMs: r.endMs });
    else l.lastEndMs = Math.max(l.lastEndMs, r.endMs);
  }
  return {
    coldShare: studyColdShare(
      t.map((r) => r.startMs),
      t.map((r) => r.cold),
    ),
    environments: studyEnvironmentCount(
      [...lives.values()],
      t.map((r) => r.startMs),
      tailMs,
    ),
  };
}
