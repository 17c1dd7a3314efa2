import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { harness } from './harness';

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
  maxLifetimeMs?: number;
  idleSelection?: 'most-recent' | 'least-recent';
  /** Seeds to average over (each row is simulated once per seed). */
  seeds?: number[];
}

/**
 * Simulates every experiment with the model's defaults (IdleLifetime 10 min, no MaxLifetime,
 * IdleSelection most-recent) unless `o` says otherwise: Poisson arrivals at the measured rate, the
 * measured warm service time, and the cold one's extra as INIT. `invocations` sets the run length
 * of each row.
 */
export function calibrate(invocations: number, o: CalibrationOptions = {}): CalibrationRow[] {
  const rows = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const seeds = o.seeds ?? [5];
  return rows.map((r) => {
    const rate = Number(r[1]);
    const warm = Number(r[2]);
    const cold = Number(r[3]);
    const durationMs = Math.round(Math.max(3_600_000, (invocations / rate) * 1000) / 60_000) * 60_000;
    let share = 0;
    let environments = 0;
    for (const seed of seeds) {
      const { engine, fn } = harness({
        config: {
          idleLifetimeMs: o.idleLifetimeMs ?? 600_000,
          maxLifetimeMs: o.maxLifetimeMs ?? Number.POSITIVE_INFINITY,
          idleSelection: o.idleSelection ?? 'most-recent',
          initDuration: { Dist: 'constant', Value: cold - warm },
        },
        arrivals: { Pattern: 'constant', Rate: rate, Process: 'poisson' },
        duration: { Dist: 'constant', Value: warm },
        durationMs,
        tickMs: rate < 0.1 ? 60_000 : 1000,
        seed,
      });
      engine.run();
      const c = fn.counters;
      share += c.coldStarts / c.invocations / seeds.length;
      environments += c.environmentMs / durationMs / seeds.length;
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
