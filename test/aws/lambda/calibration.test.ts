import { describe, expect, it } from 'vitest';
import { calibrate, mape, replay } from './calibration';
import { experiments, HELD_OUT, measuredFromTrace, TRACED, trace } from './study';

describe('the measured AWS Lambda experiments', () => {
  it('give the published figures when their request logs are measured the study’s way', () => {
    // data/lambda-traces holds six of the ten experiments' request logs; the study's estimators
    // (study.ts) applied to them must give data/lambda-measurements.csv.
    const published = new Map(experiments().map((e) => [e.experiment, e]));
    for (const name of TRACED) {
      const e = published.get(name)!;
      const m = measuredFromTrace(trace(name), e.observedTailMs);
      expect(m.coldShare).toBeCloseTo(e.coldStartProbability, 6);
      expect(m.environments).toBeCloseTo(e.averageInstanceCount, 6);
    }
  });
});

describe('Lambda model calibrated against measured AWS experiments', () => {
  it('replays the measured request logs with the measured cold-start shares and environment counts', () => {
    const rows = replay({ seeds: [5, 6] });
    for (const r of rows) {
      const se = experiments().find((e) => e.experiment === r.experiment)!.coldStartProbabilitySE;
      expect(Math.abs(r.simulatedColdShare - r.measuredColdShare), r.experiment).toBeLessThan(2 * se);
      expect(Math.abs(r.simulatedEnvironments / r.measuredEnvironments - 1), r.experiment).toBeLessThan(0.04);
    }
    const e = mape(rows);
    // docs/models/lambda.md: 4.7 % and 0.8 % over eight seeds.
    expect(e.coldShare).toBeLessThan(7);
    expect(e.environments).toBeLessThan(1.5);
  });

  it('reproduces the ten experiments under Poisson load, measured the study’s way, better than 12 % and 3 %', () => {
    const e = mape(calibrate(200_000));
    // docs/models/lambda.md gives the figures with 1,600,000 requests per experiment.
    expect(e.coldShare).toBeLessThan(12);
    expect(e.environments).toBeLessThan(3);
  });

  it('reproduces the study’s ten other experiments, which chose nothing, better than 12 % and 3 %', () => {
    const e = mape(calibrate(200_000, {}, HELD_OUT));
    expect(e.coldShare).toBeLessThan(12);
    expect(e.environments).toBeLessThan(3);
  });

  it('fits the logs clearly worse without each part of the model', () => {
    const never = Number.POSITIVE_INFINITY;
    // Spares that go at IdleLifetime like the last environment; no recycling; the old 10 minutes.
    expect(mape(replay({ spareIdleLifetimeMs: 640_000 })).coldShare).toBeGreaterThan(12);
    expect(mape(replay({ maxLifetimeMs: never })).coldShare).toBeGreaterThan(12);
    expect(mape(replay({ idleLifetimeMs: 600_000 })).coldShare).toBeGreaterThan(9);
    // Least-recent selection keeps far more environments alive than AWS did.
    expect(mape(replay({ idleSelection: 'least-recent' })).environments).toBeGreaterThan(8);
  });
});
