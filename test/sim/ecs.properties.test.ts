import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instanceLifecycle, taskLifecycle } from '../../src/aws/ecs';
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
