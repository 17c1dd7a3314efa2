/**
 * The public figures and hooks the live app reads instead of reaching into the models: a
 * cluster's Spot observer, latency listeners, a database instance's admitted work and a Lambda
 * environment's busy time.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINT_READER, ENDPOINT_WRITER } from '../../src/aws/rds/DatabaseModel';
import { loadScenario } from '../../src/scenario';
import { Simulation } from '../../src/sim';
import { feed, harness as fnHarness } from '../aws/lambda/harness';
import { harness as dbHarness, reader, v2Config } from '../aws/rds/harness';
import { ALL_SPOT_M5, ec2Scenario } from './ec2Helpers';
import { fargateScenario } from './helpers';

describe('public hooks for watchers', () => {
  it('tells a cluster observer of each Spot instance warned, exactly when the fault strikes', () => {
    const sim = new Simulation(
      ec2Scenario({
        duration: '20m',
        desired: 2,
        asgDesired: 3,
        mixed: ALL_SPOT_M5,
        topLevel: 'Faults:\n  - { At: 3m, Kind: spot-interruption, Target: Asg, Count: 2 }',
      }),
    );
    const warned: [number, number][] = [];
    sim.clusters[0]!.observe({ spotInstanceWarned: (id, at) => warned.push([id, at]) });
    sim.run();
    expect(warned.map(([, at]) => at)).toEqual([180_000, 180_000]);
    expect(new Set(warned.map(([id]) => id)).size).toBe(2);
    expect(sim.clusters[0]!.faultRecords[0]!.instancesLost).toBe(2);
  });

  it('tells it of every Fargate Spot task interrupted, as many as the service counts, and survives a restore', () => {
    const s = loadScenario('scenarios/steady-web.yaml', { variant: 'fargate-spot' });
    s.DurationMs = 6 * 3_600_000;
    // Interruptions far more often than AWS's (so that a few hours have several).
    s.Settings = { ...s.Settings, Spot: { ...(s.Settings['Spot'] as object), InterruptionsPerInstanceHour: 0.2 } };
    const sim = new Simulation(s);
    const seen: { task: number; service: number; at: number }[] = [];
    const observer = { spotTaskInterrupted: (task: number, service: number, at: number) => seen.push({ task, service, at }) };
    sim.clusters[0]!.observe(observer);
    sim.engine.runUntil(3 * 3_600_000);
    // A restored run (the app's seek) keeps its observer.
    const again = new Simulation(s);
    again.clusters[0]!.observe(observer);
    again.restore(JSON.parse(JSON.stringify(sim.checkpoint())));
    const before = seen.length;
    sim.run();
    const fromOriginal = seen.length - before;
    seen.length = before;
    again.run();
    expect(seen.length - before).toBe(fromOriginal);
    expect(before).toBeGreaterThan(0);
    expect(fromOriginal).toBeGreaterThan(0);
    const counted = sim.clusters[0]!.services.reduce((n, svc) => n + svc.counters.spotInterruptions, 0);
    expect(counted).toBeGreaterThan(0);
    expect(before + fromOriginal).toBe(counted);
    // Each one names a service that counts interruptions.
    for (const x of seen) expect(sim.clusters[0]!.services[x.service]!.counters.spotInterruptions).toBeGreaterThan(0);
  });

  it('tells it of Fargate Spot tasks a spot-interruption fault reclaims', () => {
    const s = loadScenario('scenarios/flash-sale.yaml', { variant: 'fargate-spot' });
    s.DurationMs = 40 * 60_000;
    const svc = Object.values(s.Resources).find((r) => r.Type === 'AWS::ECS::Service')!.LogicalId;
    s.Faults = [{ At: 30 * 60_000, Kind: 'spot-interruption', Target: svc, Count: 3 }] as typeof s.Faults;
    const sim = new Simulation(s);
    const seen: number[] = [];
    sim.clusters[0]!.observe({ spotTaskInterrupted: (_task, _service, at) => seen.push(at) });
    sim.run();
    const lost = sim.clusters[0]!.faultRecords[0]!.tasksLost;
    expect(lost).toBeGreaterThan(0);
    expect(seen.filter((at) => at === 30 * 60_000)).toHaveLength(lost);
  });

  it('a cluster without an observer runs as one with it', () => {
    const s = fargateScenario({ desired: 3, duration: '20m', rate: 30 });
    const a = new Simulation(s);
    a.run();
    const b = new Simulation(s);
    b.clusters[0]!.observe({ spotTaskInterrupted: () => {}, spotInstanceWarned: () => {} });
    b.run();
    expect(b.report()).toEqual(a.report());
  });

  it('gives a latency listener every value its histogram records', () => {
    const s = loadScenario('scenarios/lambda-api.yaml');
    s.DurationMs = 20 * 60_000;
    const sim = new Simulation(s);
    let n = 0;
    let sum = 0;
    const fn = sim.functions.get('OrdersFunction')!;
    fn.latency.listener = (ms, count) => {
      n += count;
      sum += ms * count;
    };
    sim.run();
    expect(n).toBe(fn.latency.histogram.count);
    expect(n).toBe(fn.model.counters.served);
    expect(sum / n).toBeCloseTo(fn.latency.histogram.mean, 0);
  });

  it('counts each database instance’s admitted work, which adds up to the cluster’s', () => {
    const s = loadScenario('scenarios/aurora-web.yaml');
    s.DurationMs = 30 * 60_000;
    const sim = new Simulation(s);
    sim.run();
    for (const db of sim.databases.values()) {
      const perInstance = db.instances.reduce((a, x) => a + x.cpuWorkMs, 0);
      expect(db.counters.cpuWorkMs).toBeGreaterThan(0);
      expect(perInstance).toBeCloseTo(db.counters.cpuWorkMs, 6);
    }
  });

  it('credits admitted work to the instance the endpoint chose', () => {
    const cfg = v2Config({ instances: [{ logicalId: 'W', instanceClass: 'db.serverless', promotionTier: 0, role: 'writer' }, reader('R1', 2, 'independent')] });
    const { engine, db } = dbHarness(cfg, undefined, 60_000);
    engine.runUntil(1000);
    db.submit(1000, 3, 20, ENDPOINT_READER);
    db.submit(1000, 1, 5, ENDPOINT_WRITER);
    expect(db.instances.map((x) => x.cpuWorkMs)).toEqual([5, 60]);
    expect(db.counters.cpuWorkMs).toBe(65);
  });

  it('starts a reused row’s busy time afresh for its new environment', () => {
    // One environment busy from 0.5 s to 60.5 s (sixty 1 s requests), reaped 10 minutes later; the
    // request at 20 minutes starts a new one in the same row: its busy time is its own 100 ms.
    const h = fnHarness({
      config: { initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: { Pattern: 'constant', Rate: 0, Process: 'exact' },
      duration: { Dist: 'constant', Value: 1 },
      durationMs: 25 * 60_000,
    });
    const times = [...Array.from({ length: 60 }, (_, i) => 500 + i * 1000), 20 * 60_000];
    feed(h, times, (i) => (i < 60 ? 1000 : 100));
    h.engine.run();
    const v = h.fn.environmentView();
    const live = Array.from({ length: v.cap }, (_, r) => r).filter((r) => v.createdAt[r]! >= 0);
    expect(h.fn.counters.environmentsCreated).toBe(2);
    expect(live).toHaveLength(1);
    expect(v.createdAt[live[0]!]).toBe(20 * 60_000);
    expect(v.busyMs[live[0]!]).toBe(100);
  });

  it('keeps each Lambda environment’s busy time, which adds up to the function’s for the environments alive', () => {
    const s = loadScenario('scenarios/lambda-api.yaml');
    s.DurationMs = 2 * 60_000;
    const sim = new Simulation(s);
    sim.run();
    const { model } = sim.functions.get('OrdersFunction')!;
    const v = model.environmentView();
    let alive = 0;
    let rows = 0;
    for (let r = 0; r < v.cap; r++) {
      if (v.createdAt[r]! < 0) continue;
      rows++;
      alive += v.busyMs[r]!;
    }
    // Two minutes at 50 req/s: nothing reaped yet; each environment's busy time is its share of the
    // function's (in-flight invocations at the end are counted by the function only).
    expect(rows).toBeGreaterThan(1);
    expect(model.counters.environmentsCreated).toBe(rows);
    expect(alive).toBeGreaterThan(0.95 * model.counters.busyMs);
    expect(alive).toBeLessThanOrEqual(model.counters.busyMs);
  });
});
