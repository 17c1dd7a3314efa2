import { ES } from '../../../src/aws/lambda/environmentLifecycle';
import type { FunctionModel } from '../../../src/aws/lambda/FunctionModel';
import { idleLifetimesOf } from '../../../src/aws/lambda/schema';
import { DEFAULT_SETTINGS } from '../../../src/scenario/settingsSchema';
import { feed, harness } from './harness';
import { type Experiment, experiments, MEASUREMENTS, measuredFromTrace, type ObservedLife, studyColdShare, studyEnvironmentCount, trace, TRACED } from './study';

/** One measured experiment (data/lambda-measurements.csv) and what the model gives for it. */
export interface CalibrationRow {
  experiment: string;
  arrivalRate: number;
  measuredColdShare: number;
  measuredEnvironments: number;
  simulatedColdShare: number;
  simulatedEnvironments: number;
}

export interface CalibrationOptions {
  idleLifetimeMs?: number;
  spareIdleLifetimeMs?: number;
  maxLifetimeMs?: number;
  idleSelection?: 'most-recent' | 'least-recent';
  /** Seeds to average over (each row is simulated once per seed). */
  seeds?: number[];
}

/** The model's settings for a calibration run: `o` where given, else the shipped defaults. */
export function calibrationConfig(o: CalibrationOptions) {
  const d = DEFAULT_SETTINGS.Lambda;
  const { idleMs, spareMs } = idleLifetimesOf({ IdleLifetime: o.idleLifetimeMs, SpareIdleLifetime: o.spareIdleLifetimeMs }, d);
  return {
    idleLifetimeMs: idleMs,
    spareIdleLifetimeMs: spareMs,
    maxLifetimeMs: o.maxLifetimeMs ?? d.DefaultMaxLifetime,
    idleSelection: o.idleSelection ?? 'most-recent',
  };
}

/** How long each experiment ran: the six published logs span 27.7–28.0 hours. */
export const EXPERIMENT_SPAN_MS = 100_000_000;

/**
 * One run of an experiment under the model: Poisson arrivals at its rate for `spanMs`, its warm
 * service time, and the cold one's extra as INIT; measured with the study's estimators on the
 * run's own requests, as the study measured AWS.
 */
function studyRun(e: Experiment, config: ReturnType<typeof calibrationConfig>, seed: number, spanMs: number): { coldShare: number; environments: number } {
  const tickMs = e.arrivalRate < 0.1 ? 60_000 : 1000;
  const h = harness({
    config: { ...config, initDuration: { Dist: 'constant', Value: e.serviceTimeColdMs - e.serviceTimeWarmMs } },
    arrivals: { Pattern: 'constant', Rate: e.arrivalRate, Process: 'poisson' },
    duration: { Dist: 'constant', Value: e.serviceTimeWarmMs },
    durationMs: spanMs,
    tickMs,
    seed,
  });
  const w = watch(h.fn);
  h.engine.run();
  const { starts, cold, lives } = w.done();
  return { coldShare: studyColdShare(starts, cold), environments: studyEnvironmentCount(lives, starts, e.observedTailMs) };
}

/**
 * Watches a function run: each invocation's start and whether it was cold, and each environment's
 * life as the study saw it (`done`, once the run has ended, adds the ones still alive).
 */
function watch(fn: FunctionModel) {
  const starts: number[] = [];
  const cold: boolean[] = [];
  const lives: ObservedLife[] = [];
  fn.observe({
    invoked: (at, c) => {
      starts.push(at);
      cold.push(c);
    },
    environmentEnded: (createdAt, lastEnd) => lives.push({ firstStartMs: createdAt, lastEndMs: lastEnd }),
  });
  return {
    done: () => {
      const v = fn.environmentView();
      for (let row = 0; row < v.cap; row++) {
        if (v.createdAt[row]! < 0 || v.state[row] === ES.REAPED) continue;
        lives.push({ firstStartMs: v.createdAt[row]!, lastEndMs: v.state[row] === ES.IDLE ? v.idleSince[row]! : Number.POSITIVE_INFINITY });
      }
      return { starts, cold, lives };
    },
  };
}

/**
 * Simulates every experiment with the model's defaults (Settings.Lambda: DefaultIdleLifetime,
 * DefaultSpareIdleLifetime, DefaultMaxLifetime; IdleSelection most-recent) unless `o` says
 * otherwise: runs as long as the experiments were (`studyRun`), as many as it takes to reach
 * `requests` requests per experiment (seeds 1, 2, …), averaged. `file`: the experiments to run.
 */
export function calibrate(requests: number, o: CalibrationOptions = {}, file = MEASUREMENTS): CalibrationRow[] {
  const config = calibrationConfig(o);
  return experiments(file).map((e) => {
    const runs = Math.max(1, Math.ceil(requests / (e.arrivalRate * (EXPERIMENT_SPAN_MS / 1000))));
    let share = 0;
    let environments = 0;
    for (let i = 0; i < runs; i++) {
      const r = studyRun(e, config, i + 1, EXPERIMENT_SPAN_MS);
      share += r.coldShare / runs;
      environments += r.environments / runs;
    }
    return {
      experiment: e.experiment,
      arrivalRate: e.arrivalRate,
      measuredColdShare: e.coldStartProbability,
      measuredEnvironments: e.averageInstanceCount,
      simulatedColdShare: share,
      simulatedEnvironments: environments,
    };
  });
}

/** Mean absolute percentage error of the cold-start share and of the average environment count. */
export function mape(rows: CalibrationRow[]): { coldShare: number; environments: number } {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    a += Math.abs(r.simulatedColdShare - r.measuredColdShare) / r.measuredColdShare;
    b += Math.abs(r.simulatedEnvironments - r.measuredEnvironments) / r.measuredEnvironments;
  }
  return { coldShare: (100 * a) / rows.length, environments: (100 * b) / rows.length };
}

/**
 * Replays the measured request logs (data/lambda-traces) through the model: the same requests at
 * the same times, each with its measured duration (less the INIT of a cold one), measured the
 * study's way. This leaves out the chance of the arrivals, which `calibrate` cannot: what differs
 * is the model. Rows in TRACED order; each averaged over `o.seeds` (the spares' lifetimes are drawn).
 */
export function replay(o: CalibrationOptions = {}): CalibrationRow[] {
  const seeds = o.seeds ?? [5];
  const config = calibrationConfig(o);
  const byName = new Map(experiments().map((e) => [e.experiment, e]));
  return TRACED.map((name) => {
    const e = byName.get(name)!;
    const t = trace(name);
    const initMs = e.serviceTimeColdMs - e.serviceTimeWarmMs;
    const starts = t.map((r) => r.startMs);
    const tickMs = e.arrivalRate < 0.1 ? 60_000 : 1000;
    const durationMs = Math.ceil((t[t.length - 1]!.endMs + 60_000) / tickMs) * tickMs;
    let share = 0;
    let environments = 0;
    for (const seed of seeds) {
      const h = harness({
        config: { ...config, initDuration: { Dist: 'constant', Value: initMs } },
        arrivals: { Pattern: 'constant', Rate: 0, Process: 'exact' },
        duration: { Dist: 'constant', Value: 1 },
        durationMs,
        tickMs,
        seed,
      });
      const w = watch(h.fn);
      feed(h, starts, (i) => Math.max(1, t[i]!.endMs - t[i]!.startMs - (t[i]!.cold ? initMs : 0)));
      h.engine.run();
      const { cold, lives } = w.done();
      share += studyColdShare(starts, cold) / seeds.length;
      environments += studyEnvironmentCount(lives, starts, e.observedTailMs) / seeds.length;
    }
    const measured = measuredFromTrace(t, e.observedTailMs);
    return {
      experiment: name,
      arrivalRate: e.arrivalRate,
      measuredColdShare: measured.coldShare,
      measuredEnvironments: measured.environments,
      simulatedColdShare: share,
      simulatedEnvironments: environments,
    };
  });
}
