import { describe, expect, it } from 'vitest';
import { type Datapoint, type ScalingContext, TargetTrackingPolicy } from '../../../src/aws/autoscaling';
import { timeline, world } from './fakeService';

const cpu = (o: Partial<ConstructorParameters<typeof TargetTrackingPolicy>[0]> = {}) =>
  new TargetTrackingPolicy({ name: 'cpu', metricType: 'ECSServiceAverageCPUUtilization', targetValue: 50, ...o });

/** A present datapoint whose Average is `v`. */
function dp(v: number): Datapoint {
  return {
    index: 0,
    periodStartMs: 0,
    periodEndMs: 60_000,
    visibleAtMs: 60_000,
    samples: 60,
    weightedSamples: 60,
    sumWeight: 60,
    sumWeighted: 60 * v,
    sum: 60 * v,
    minimum: v,
    maximum: v,
  };
}

const ctx = (o: Partial<ScalingContext>): ScalingContext => ({
  nowMs: 1_000_000,
  running: 4,
  desired: 4,
  lastScaleOutMs: Number.NEGATIVE_INFINITY,
  scaleOutBase: 0,
  ...o,
});

describe('target tracking: the policy', () => {
  it('scales out proportionally from the running count, not the desired count', () => {
    const p = cpu();
    for (let i = 0; i < 3; i++) p.observe(dp(90));
    expect(p.evaluate(ctx({ running: 4, desired: 6 }))).toMatchObject({ direction: 'out', desired: 8 });
  });

  it('inside the scale-out cooldown starts from the capacity the cooldown started from, so a larger scale-out still goes through', () => {
    const p = cpu();
    for (let i = 0; i < 3; i++) p.observe(dp(90));
    const cooling = ctx({ running: 8, desired: 8, lastScaleOutMs: 900_000, scaleOutBase: 4 });
    expect(p.evaluate(cooling)).toMatchObject({ direction: 'out', desired: 8, fromCooldownBase: true });
    p.observe(dp(150));
    expect(p.evaluate(cooling)).toMatchObject({ direction: 'out', desired: 12 });
    expect(p.evaluate({ ...cooling, nowMs: 1_200_000 })).toMatchObject({ desired: 24, fromCooldownBase: false });
  });

  it('needs the high alarm (3 of 3 above the target) before scaling out', () => {
    const p = cpu();
    p.observe(dp(90));
    p.observe(dp(90));
    expect(p.evaluate(ctx({})).direction).toBe('hold');
    p.observe(dp(51));
    expect(p.evaluate(ctx({})).direction).toBe('out');
  });

  it('needs 15 of 15 datapoints below 90 % of the target before scaling in, and never past the target', () => {
    const p = cpu();
    for (let i = 0; i < 14; i++) p.observe(dp(10));
    expect(p.evaluate(ctx({ running: 20, desired: 20 })).direction).toBe('hold');
    p.observe(dp(10));
    expect(p.evaluate(ctx({ running: 20, desired: 20 }))).toMatchObject({ direction: 'in', desired: 18 });
    expect(p.evaluate(ctx({ running: 5, desired: 5 }))).toMatchObject({ direction: 'in', desired: 4 });
    expect(p.evaluate(ctx({ running: 1, desired: 1 }))).toMatchObject({ direction: 'in', desired: 1 });
  });

  it('takes no action on insufficient data', () => {
    const p = cpu();
    for (let i = 0; i < 3; i++) p.observe(dp(90));
    p.observe({ ...dp(0), sumWeight: 0, weightedSamples: 0 });
    expect(p.evaluate(ctx({})).direction).toBe('hold');
  });
});

describe('target tracking on a synthetic service', () => {
  it('jumps straight to the count the load needs', () => {
    const w = world({ initial: 4, load: (t) => (t < 600_000 ? 4 * 48 : 4 * 90) }, [cpu()]);
    w.engine.runUntil(3 * 3600_000);
    expect(timeline(w.scaler)).toEqual(['963s 4→8']);
    expect(w.scaler.stats).toEqual({ scaleOuts: 1, scaleIns: 0, decisions: 1 });
  });

  it('reaches its target and settles without oscillating', () => {
    const load = (t: number) => (t < 1800_000 ? 100 : t < 7200_000 ? 400 : 250);
    const w = world({ initial: 2, load }, [cpu()], { minCapacity: 1, maxCapacity: 20 }, 6 * 3600_000);
    w.engine.run();
    const ds = w.scaler.decisions();
    // Saturated at 100 % the first step is capped (2 → 4); the next, after the cooldown, lands on 8.
    expect(ds.map((d) => `${d.from}→${d.to}`)).toEqual(['2→4', '4→8', '8→7', '7→6', '6→5']);
    const reversals = ds.filter((d, i) => i > 0 && d.direction !== ds[i - 1]!.direction).length;
    expect(reversals).toBe(1);
    expect(ds.at(-1)!.atMs).toBeLessThan(4 * 3600_000);
    expect(w.svc.running).toBe(5);
    expect(w.svc.cpuUtilizationPercent()).toBe(50);
  });

  it('scales in gradually, at most 10 % at a time, and waits out the scale-in cooldown', () => {
    const w = world({ initial: 20, load: () => 200 }, [cpu()]);
    w.engine.run();
    const ds = w.scaler.decisions();
    expect(ds.slice(0, 4).map((d) => `${d.atMs / 1000}s ${d.from}→${d.to}`)).toEqual([
      '1083s 20→18',
      '1383s 18→17',
      '1683s 17→16',
      '1983s 16→15',
    ]);
    for (let i = 1; i < ds.length; i++) expect(ds[i]!.atMs - ds[i - 1]!.atMs).toBeGreaterThanOrEqual(300_000);
    expect(ds.every((d) => d.direction === 'in' && d.from - d.to === Math.max(1, Math.floor(d.from / 10)))).toBe(true);
    expect(w.svc.desired).toBe(4);
  });

  it('a longer ScaleInCooldown spaces scale-ins further apart', () => {
    const w = world({ initial: 20, load: () => 200 }, [cpu({ scaleInCooldownSeconds: 600 })]);
    w.engine.runUntil(2400_000);
    expect(timeline(w.scaler)).toEqual(['1083s 20→18', '1683s 18→17', '2283s 17→16']);
  });

  it('DisableScaleIn keeps the capacity when the load falls', () => {
    const w = world({ initial: 20, load: () => 200 }, [cpu({ disableScaleIn: true })]);
    w.engine.run();
    expect(w.scaler.stats.scaleIns).toBe(0);
    expect(w.svc.desired).toBe(20);
  });

  it('does not scale in while a deployment is in progress, but still scales out', () => {
    const deploying = (t: number) => t < 3600_000;
    const w = world({ initial: 20, load: () => 200, deploying }, [cpu()]);
    w.engine.runUntil(3600_000);
    expect(w.scaler.stats.scaleIns).toBe(0);
    // The first datapoint after the deployment (period ending 3420 s, visible at 3603 s) scales in.
    w.engine.runUntil(3700_000);
    expect(timeline(w.scaler)).toEqual(['3603s 20→18']);

    const out = world({ initial: 4, load: () => 360, deploying: () => true }, [cpu()]);
    out.engine.runUntil(3600_000);
    expect(timeline(out.scaler)).toEqual(['363s 4→8']);
  });

  it('takes no action while no task runs (insufficient data)', () => {
    const w = world({ initial: 0, load: () => 500 }, [cpu()], { minCapacity: 0 });
    w.engine.run();
    expect(w.scaler.decisions()).toEqual([]);
  });

  it('keeps the desired count inside [MinCapacity, MaxCapacity] and says when it capped', () => {
    const w = world({ initial: 4, load: () => 4 * 100 }, [cpu()], { maxCapacity: 6 });
    w.engine.runUntil(3600_000);
    expect(timeline(w.scaler)).toEqual(['363s 4→6']);
    expect(w.scaler.decisions()[0]!.reason).toBe('average CPU 100 % is above the 50 % target (MaxCapacity 6); 4 → 6 tasks');
  });

  it('moves a desired count outside [Min, Max] inside when registered', () => {
    const w = world({ initial: 1, load: () => 40 }, [cpu()], { minCapacity: 2 });
    w.engine.runUntil(1000);
    expect(w.scaler.decisions()).toMatchObject([
      { atMs: 0, from: 1, to: 2, policy: 'ScalableTarget', reason: 'desired count 1 is below MinCapacity 2; 1 → 2 tasks' },
    ]);
    expect(w.scaler.stats.scaleOuts).toBe(0);
  });

  it('ALBRequestCountPerTarget counts requests per target per minute', () => {
    const alb = new TargetTrackingPolicy({ name: 'alb', metricType: 'ALBRequestCountPerTarget', targetValue: 1000 });
    // 100 requests/s over 4 tasks: 1500 per target per minute.
    const w = world({ initial: 4, load: () => 100, requests: () => 100 }, [alb]);
    w.engine.runUntil(3600_000);
    expect(w.scaler.decisions()[0]).toMatchObject({ atMs: 363_000, from: 4, to: 6 });
    expect(w.scaler.decisions()[0]!.reason).toBe('requests per target 1500/min is above the 1000/min target; 4 → 6 tasks');
    expect(w.scaler.stats.scaleOuts).toBe(1);
  });
});
