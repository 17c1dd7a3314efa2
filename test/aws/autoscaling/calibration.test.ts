/**
 * Calibration against AWS's ECS benchmark (shared/reference/measurements.md, "ECS service auto
 * scaling"): from the load rising to the scale-out trigger 363 s with 60-second metrics and 86 s
 * with 20-second ones; to the new tasks running 386 s and 109 s.
 */
import { describe, expect, it } from 'vitest';
import { type PredefinedMetricType, TargetTrackingPolicy } from '../../../src/aws/autoscaling';
import { world } from './fakeService';

/** 4 tasks at 48 % CPU (target 50 %) until `riseMs`, then 80 %; returns the first scale-out. */
function firstScaleOut(metricType: PredefinedMetricType, riseMs: number) {
  const w = world(
    { initial: 4, startDelayMs: 23_000, load: (t) => (t < riseMs ? 4 * 48 : 4 * 80) },
    [new TargetTrackingPolicy({ name: 'cpu', metricType, targetValue: 50 })],
    {},
    riseMs + 900_000,
  );
  let runningAtMs = -1;
  for (let t = w.engine.nowMs; w.engine.step(); t = w.engine.nowMs) {
    // The fake started the task in the tick that began at t.
    if (runningAtMs < 0 && w.svc.running > 4) runningAtMs = t;
  }
  const first = w.scaler.decisions()[0]!;
  return { triggerS: (first.atMs - riseMs) / 1000, runningS: (runningAtMs - riseMs) / 1000, first };
}

describe('calibration: a step rise of load to the first scale-out', () => {
  it('takes 363 s with 60-second metrics (AWS: 363 s)', () => {
    const r = firstScaleOut('ECSServiceAverageCPUUtilization', 600_000);
    expect(Math.abs(r.triggerS - 363)).toBeLessThanOrEqual(30);
    expect(r.triggerS).toBe(363);
    expect(r.first).toMatchObject({ from: 4, to: 7, policy: 'cpu', direction: 'out' });
    expect(r.first.reason).toBe('average CPU 80 % is above the 50 % target; 4 → 7 tasks');
  });

  it('takes 86 s with 20-second metrics (AWS: 86 s)', () => {
    const r = firstScaleOut('ECSServiceAverageCPUUtilizationHighResolution', 600_000);
    expect(Math.abs(r.triggerS - 86)).toBeLessThanOrEqual(30);
    expect(r.triggerS).toBe(86);
    expect(r.first).toMatchObject({ from: 4, to: 7 });
  });

  it('with a 23 s task start, new tasks run 386 s and 109 s after the rise (AWS: 386 s and 109 s)', () => {
    expect(firstScaleOut('ECSServiceAverageCPUUtilization', 600_000).runningS).toBe(386);
    expect(firstScaleOut('ECSServiceAverageCPUUtilizationHighResolution', 600_000).runningS).toBe(109);
  });

  it('a rise inside a period triggers between 2 and 4 periods plus the delay later', () => {
    for (const offsetS of [1, 15, 30, 45, 59]) {
      const s60 = firstScaleOut('ECSServiceAverageCPUUtilization', 600_000 + offsetS * 1000).triggerS;
      expect(s60).toBeGreaterThanOrEqual(2 * 60 + 183);
      expect(s60).toBeLessThanOrEqual(4 * 60 + 183);
      const s20 = firstScaleOut('ECSServiceAverageCPUUtilizationHighResolution', 600_000 + (offsetS % 20) * 1000).triggerS;
      expect(s20).toBeGreaterThanOrEqual(2 * 20 + 26);
      expect(s20).toBeLessThanOrEqual(4 * 20 + 26);
    }
  });
});
