import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type ScalingPolicy, ServiceScaler, StepScalingPolicy, TargetTrackingPolicy } from '../../../src/aws/autoscaling';
import { Engine, Phase } from '../../../src/engine';
import { FakeService, type FakeServiceOptions, world } from './fakeService';

/** A day-shaped load: quiet, a morning ramp, a lunchtime spike, an evening fall. */
const load = (t: number) => {
  const h = t / 3600_000;
  if (h < 1) return 150;
  if (h < 2) return 150 + 500 * (h - 1);
  if (h < 2.5) return 1400;
  if (h < 4) return 500;
  return 120;
};

function policies(): ScalingPolicy[] {
  return [
    new TargetTrackingPolicy({ name: 'cpu', metricType: 'ECSServiceAverageCPUUtilizationHighResolution', targetValue: 60 }),
    new TargetTrackingPolicy({ name: 'alb', metricType: 'ALBRequestCountPerTarget', targetValue: 1200, scaleInCooldownSeconds: 120 }),
    new StepScalingPolicy({
      name: 'burst',
      adjustmentType: 'PercentChangeInCapacity',
      minAdjustmentMagnitude: 2,
      stepAdjustments: [
        { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 20 },
        { metricIntervalLowerBound: 10, scalingAdjustment: 50 },
      ],
      alarm: {
        metricName: 'CPUUtilization',
        periodSeconds: 10,
        statistic: 'Maximum',
        threshold: 75,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 2,
        datapointsToAlarm: 1,
      },
    }),
  ];
}

const opts: FakeServiceOptions = { initial: 3, startDelayMs: 35_000, load, requests: (t) => Math.round(load(t) / 5) };
const targetCfg = { minCapacity: 2, maxCapacity: 30 };
const durationMs = 6 * 3600_000;

describe('checkpoint / restore', () => {
  it('continues identically from a JSON checkpoint taken mid-run', () => {
    const a = world(opts, policies(), targetCfg, durationMs);
    a.engine.run();
    expect(a.scaler.stats.scaleOuts).toBeGreaterThan(2);
    expect(a.scaler.stats.scaleIns).toBeGreaterThan(2);
    expect(new Set(a.scaler.decisions().map((d) => d.policy))).toEqual(new Set(['cpu', 'burst']));

    const b = world(opts, policies(), targetCfg, durationMs);
    b.engine.runUntil(2.25 * 3600_000 + 7_000);
    const cp = JSON.parse(JSON.stringify(b.engine.checkpoint()));
    const c = world(opts, policies(), targetCfg, durationMs);
    c.engine.restore(cp);
    c.engine.run();

    expect(c.scaler.decisions()).toEqual(a.scaler.decisions());
    expect(c.scaler.stats).toEqual(a.scaler.stats);
    expect(c.svc.calls).toEqual(a.svc.calls);
  });

  it('refuses a checkpoint from a scaler with other policies', () => {
    const a = world(opts, policies(), targetCfg, durationMs);
    a.engine.runUntil(600_000);
    const other = world(opts, policies().slice(0, 1), targetCfg, durationMs);
    expect(() => other.scaler.restore(a.scaler.checkpoint())).toThrow(/other policies/);
  });

  it('keeps a bounded decision log but counts every decision', () => {
    const w = world({ initial: 30, load: () => 100 }, [
      new TargetTrackingPolicy({ name: 'cpu', metricType: 'ECSServiceAverageCPUUtilization', targetValue: 50, scaleInCooldownSeconds: 0 }),
    ], { logLimit: 5, minCapacity: 1, maxCapacity: 30 });
    w.engine.run();
    expect(w.scaler.stats.decisions).toBeGreaterThan(5);
    expect(w.scaler.decisions()).toHaveLength(5);
    expect(w.scaler.decisions().at(-1)!.to).toBe(w.svc.desired);
  });
});

describe('invariants (property)', () => {
  test.prop(
    [
      fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 12 }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 1, max: 20 }),
    ],
    { numRuns: 15 },
  )('desired stays within [Min, Max] and every decision starts where the last one ended', (segments, min, span, initial) => {
    const max = min + span;
    const segMs = 1800_000;
    const engine = new Engine({ seed: 1, tickMs: 1000, durationMs: segments.length * segMs });
    const svc = new FakeService({
      initial,
      load: (t) => segments[Math.min(segments.length - 1, Math.floor(t / segMs))]!,
      requests: (t) => segments[Math.min(segments.length - 1, Math.floor(t / segMs))]! >> 3,
    });
    const scaler = new ServiceScaler({ name: 'scaler', minCapacity: min, maxCapacity: max }, svc, policies());
    engine.register(svc, Phase.Serve);
    engine.register(scaler, Phase.Control);
    engine.run();
    const ds = scaler.decisions();
    let prev = initial;
    for (const d of ds) {
      expect(d.from).toBe(prev);
      expect(d.to).toBeGreaterThanOrEqual(min);
      expect(d.to).toBeLessThanOrEqual(max);
      expect(d.to).not.toBe(d.from);
      prev = d.to;
    }
    expect(svc.desired).toBe(prev);
  });
});
