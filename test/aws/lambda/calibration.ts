import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ES } from '../../../src/aws/lambda/environmentLifecycle';
import type { FunctionModel } from '../../../src/aws/lambda/FunctionModel';
import { idleLifetimesOf } from '../../../src/aws/lambda/schema';
import { DEFAULT_SETTINGS } from '../../../src/scenario/settingsSchema';
import { feed, harness } from './harness';
import { experiments, measuredFromTrace, type ObservedLife, studyColdShare, studyEnvironmentCount, trace, TRACED } from './study';

/** One measured experiment (data/lambda-measurements.csv) and what the model gives for it. */
export interface CalibrationRow {
  experiment: string;
  arrivalRate: number;
  measuredColdShare: number;
  measuredEnvironments: number;
  simulatedColdShare: number;
  simulatedEnvironments: number;
}

const CSV = resolve(import.meta.dirname, '../../../data/lambda-measurements.csv');

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

/**
 * What the study measured of a run, computed the study's way (pacslab/serverless-performance-modeling,
 * experiments/02-overall-plots.py and exp_parser.py): the first quarter of the run is warm-up and
 * left out; an environment counts from its first request to its last request's end plus
 * `tailMs` (the study's IdleMinutesBeforeKill, 10 minutes), whatever really ended it.
 */
export class StudyMeasure {
  private cold0 = 0;
  private inv0 = 0;
  private observedMs = 0;

  constructor(
    private readonly fn: FunctionModel,
    private readonly fromMs: number,
    private readonly toMs: number,
    private readonly tailMs: number,
  ) {
    fn.observe({
      environmentEnded: (createdAt, lastEnd) => this.count(createdAt, lastEnd + tailMs),
    });
  }

  /** Call when the run reaches `fromMs`. */
  startWindow(): void {
    this.cold0 = this.fn.counters.coldStarts;
    this.inv0 = this.fn.counters.invocations;
  }

  /** Call when the run has ended; returns the cold-start share and the average environment count. */
  result(): { coldShare: number; environments: number } {
    const v = this.fn.environmentView();
    for (let row = 0; row < v.cap; row++) {
      if (v.createdAt[row]! < 0 || v.state[row] === ES.REAPED || v.provisionedEnv[row] === 1) continue;
      const busy = v.state[row] !== ES.IDLE;
      this.count(v.createdAt[row]!, busy ? Number.POSITIVE_INFINITY : v.idleSince[row]! + this.tailMs);
    }
    const c = this.fn.counters;
    return { coldShare: (c.coldStarts - this.cold0) / (c.invocations - this.inv0), environments: this.observedMs / (this.toMs - this.fromMs) };
  }

  private count(from: number, to: number): void {
    const a = Math.max(from, this.fromMs);
    const b = Math.min(to, this.toMs);
    if (b > a) this.observedMs += b - a;
  }
}

/**
 * Simulates every experiment with the model's defaults (Settings.Lambda: DefaultIdleLifetime,
 * DefaultSpareIdleLifetime, DefaultMaxLifetime; IdleSelection most-recent) unless `o` says
 * otherwise: Poisson arrivals at the measured rate, the measured warm service time, and the cold
 * one's extra as INIT, measured as the study measured AWS (`StudyMeasure`). `invocations` sets
 * the run length of each row.
 */
export function calibrate(invocations: number, o: CalibrationOptions = {}): CalibrationRow[] {
  const rows = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const seeds = o.seeds ?? [5];
  const config = calibrationConfig(o);
  return rows.map((r) => {
    const rate = Number(r[1]);
    const warm = Number(r[2]);
    const cold = Number(r[3]);
    const durationMs = Math.round(Math.max(3_600_000, (invocations / rate) * 1000) / 60_000) * 60_000;
    const tickMs = rate < 0.1 ? 60_000 : 1000;
    let share = 0;
    let environments = 0;
    for (const seed of seeds) {
      const { engine, fn } = harness({
        config: { ...config, initDuration: { Dist: 'constant', Value: cold - warm } },
        arrivals: { Pattern: 'constant', Rate: rate, Process: 'poisson' },
        duration: { Dist: 'constant', Value: warm },
        durationMs,
        tickMs,
        seed,
      });
      const t0 = Math.round(durationMs / 4 / tickMs) * tickMs;
      const m = new StudyMeasure(fn, t0, durationMs, Number(r[4]) * 60_000);
      engine.runUntil(t0);
      m.startWindow();
      engine.run();
      const res = m.result();
      share += res.coldShare / seeds.length;
      environments += res.environments / seeds.length;
    }
    return {
      experiment: r[0]!,
      arrivalRate: rate,
      measuredColdShare: Number(r[7]),
      measuredEnvironments: Number(r[5]),
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
      const cold: boolean[] = [];
      const lives: ObservedLife[] = [];
      h.fn.observe({
        invoked: (_at, c) => cold.push(c),
        environmentEnded: (createdAt, lastEnd) => lives.push({ firstStartMs: createdAt, lastEndMs: lastEnd }),
      });
      feed(h, starts, (i) => Math.max(1, t[i]!.endMs - t[i]!.startMs - (t[i]!.cold ? initMs : 0)));
      h.engine.run();
      const v = h.fn.environmentView();
      for (let row = 0; row < v.cap; row++) {
        if (v.createdAt[row]! >= 0 && v.state[row] !== ES.REAPED) lives.push({ firstStartMs: v.createdAt[row]!, lastEndMs: v.idleSince[row]! });
      }
      share += studyColdShare(starts, cold) / seeds.length;
      environments += studyEnvironmentCount(lives, starts[0]!, starts[starts.length - 1]!, e.observedTailMs) / seeds.length;
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
