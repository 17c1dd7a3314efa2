import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instanceLifecycle, taskLifecycle } from '../../src/aws/ecs';
import { loadScenario } from '../../src/scenario';
import { runVariant, Simulation } from '../../src/sim';
import { ec2Scenario } from './ec2Helpers';

const configs = fc.record({
  desired: fc.integer({ min: 0, max: 12 }),
  asgDesired: fc.integer({ min: 0, max: 4 }),
  instanceType: fc.constantFrom('t3.medium', 'm5.large', 'c6g.large', 'r5.large'),
  taskCpu: fc.constantFrom(256, 512, 1024, 2048),
  taskMemory: fc.constantFrom(512, 1024, 3000, 7000),
  networkMode: fc.constantFrom('bridge' as const, 'awsvpc' as const),
  rate: fc.integer({ min: 0, max: 150 }),
  seed: fc.integer({ min: 0, max: 999 }),
  fault: fc.constantFrom('', 'Faults:\n  - { At: 3m, Kind: az-outage, Zone: us-east-1a, For: 4m }', 'Faults:\n  - { At: 2m, Kind: instance-failure, Target: Asg, Count: 2 }'),
});

describe('ECS model invariants', () => {
  it('never reserves more CPU, memory or network interfaces than an instance has, and keeps every entity in an ECS state', () => {
    fc.assert(
      fc.property(configs, (c) => {
        const sim = new Simulation(ec2Scenario({ ...c, duration: '10m', topLevel: c.fault }));
        const cluster = sim.clusters[0]!;
        while (sim.step()) {
          for (const inst of cluster.instances.values()) {
            if (inst.cpuFree < 0 || inst.memoryFreeMiB < 0 || inst.awsvpcFree < 0) return false;
            if (instanceLifecycle.states[inst.status] === undefined) return false;
          }
          for (const t of cluster.tasks.values()) if (taskLifecycle.states[t.status] === undefined) return false;
        }
        const r = sim.report().totals.requests;
        return r.arrived === r.served + r.failed + r.throttled + r.queued;
      }),
      { numRuns: 25 },
    );
  });

  it('never lowers the cost as the run gets longer', () => {
    fc.assert(
      fc.property(configs, (c) => {
        const costs = ['4m', '9m', '15m'].map((duration) => runVariant(ec2Scenario({ ...c, duration, topLevel: c.fault })).totals.costUsd);
        expect(costs[1]!).toBeGreaterThanOrEqual(costs[0]!);
        expect(costs[2]!).toBeGreaterThanOrEqual(costs[1]!);
        expect(costs[0]!).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 15 },
    );
  });
});

describe('kept counts of a service', () => {
  /** What ServiceModel keeps as tasks start, stop and serve, counted again from the tasks. */
  const scan = (service: { tasks: { host: { server: { ownerCount: Int32Array } } | null; slot: number; billStartMs: number; kind: string }[] }) => {
    let inFlight = 0;
    let billing = 0;
    let billingSpot = 0;
    for (const t of service.tasks) {
      if (t.host !== null) inFlight += t.host.server.ownerCount[t.slot]!;
      if (t.billStartMs >= 0) {
        if (t.kind === 'FARGATE_SPOT') billingSpot++;
        else billing++;
      }
    }
    return { inFlight, billing, billingSpot };
  };

  it.each([
    ['steady-web', 'fargate-spot', ''],
    ['flash-sale', 'fargate-spot', 'kills'],
    ['flash-sale', 'zone-outage', ''],
    ['diurnal-web', 'fargate', 'kills'],
  ])('match a recount every tick in %s, variant %s %s (Spot, scaling, faults), and in a run resumed from a checkpoint', (name, variant, kills) => {
    const s = loadScenario(`scenarios/${name}.yaml`, { variant });
    s.DurationMs = Math.min(s.DurationMs, 3 * 3_600_000);
    if (kills !== '') {
      // Fargate tasks die with their host (billing and requests in flight end at once), and Spot tasks are reclaimed.
      const svc = Object.values(s.Resources).find((r) => r.Type === 'AWS::ECS::Service')!.LogicalId;
      s.Faults = [
        { At: 40 * 60_000, Kind: 'instance-failure', Target: svc, Count: 2 },
        { At: 80 * 60_000, Kind: 'spot-interruption', Target: svc, Count: 2 },
        { At: 100 * 60_000, Kind: 'instance-failure', Target: svc, Count: 3 },
      ] as typeof s.Faults;
    }
    let billedSeen = 0;
    let inFlightSeen = 0;
    const check = (x: Simulation) => {
      for (const cluster of x.clusters) {
        for (const service of cluster.services) {
          const want = scan(service);
          expect({ inFlight: service.inFlight, billing: service.billingTasks, billingSpot: service.billingSpotTasks }).toEqual(want);
          billedSeen += want.billing + want.billingSpot;
          inFlightSeen += want.inFlight;
        }
      }
    };
    const sim = new Simulation(s);
    let ticks = 0;
    let resumed: Simulation | undefined;
    while (sim.step()) {
      check(sim);
      if (++ticks === 2000) {
        resumed = new Simulation(s);
        resumed.restore(JSON.parse(JSON.stringify(sim.checkpoint())));
      }
    }
    // The resumed run keeps its counts too, and ends where the straight run does.
    while (resumed!.step()) check(resumed!);
    expect(resumed!.report().totals).toEqual(sim.report().totals);
    if (kills !== '') expect(sim.clusters[0]!.faultRecords.reduce((n, f) => n + f.tasksLost, 0)).toBeGreaterThan(0);
    // The recount saw requests in flight, and billed tasks where the variant runs on Fargate.
    expect(inFlightSeen).toBeGreaterThan(0);
    if (variant !== 'zone-outage') expect(billedSeen).toBeGreaterThan(0);
  });
});
