import { describe, expect, it } from 'vitest';
import { TS } from '../../src/aws/ecs';
import { Simulation } from '../../src/sim';
import { ALL_SPOT_M5, ec2Scenario } from './ec2Helpers';
import { fargateScenario } from './helpers';

describe('faults and deployments', () => {
  it('moves tasks to the remaining zone during an availability-zone outage', () => {
    const sim = new Simulation(
      ec2Scenario({
        duration: '20m',
        desired: 4,
        asgDesired: 4,
        taskCpu: 512,
        taskMemory: 1024,
        managed: false,
        topLevel: 'Faults:\n  - { At: 2m, Kind: az-outage, Zone: us-east-1a, For: 15m }',
      }),
    );
    sim.engine.runUntil(119_000);
    const zonesBefore = new Set([...sim.clusters[0]!.instances.values()].map((i) => i.zone));
    expect([...zonesBefore].sort()).toEqual(['us-east-1a', 'us-east-1b']);
    sim.engine.runUntil(10 * 60_000);
    const insts = [...sim.clusters[0]!.instances.values()];
    expect(insts.every((i) => i.zone === 'us-east-1b')).toBe(true);
    const h = sim.services.get('Svc')!;
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(4);
    sim.run();
    const fault = sim.report().faults![0]!;
    expect(fault).toMatchObject({ kind: 'az-outage', atSeconds: 120, zone: 'us-east-1a', instancesLost: 2, tasksLost: 2, windowSeconds: 900 });
    // Four m5.large before; two lost, two replaced: the cost rate holds, the served count goes on.
    expect(fault.costUsdPerHourBefore).toBeCloseTo(4 * 0.096, 6);
    expect(fault.servedRequests).toBeGreaterThan(0.9 * 20 * 900);
  });

  it('replaces the tasks of a Spot instance after the two-minute warning', () => {
    const sim = new Simulation(
      ec2Scenario({
        duration: '20m',
        desired: 2,
        asgDesired: 2,
        mixed: ALL_SPOT_M5,
        topLevel: 'Faults:\n  - { At: 3m, Kind: spot-interruption, Target: Asg, Count: 1 }',
      }),
    );
    sim.engine.runUntil(3 * 60_000 + 1000);
    expect([...sim.clusters[0]!.instances.values()].filter((i) => i.status === 3 /* DRAINING */)).toHaveLength(1);
    sim.engine.runUntil(12 * 60_000);
    const h = sim.services.get('Svc')!;
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(2);
    sim.run();
    const r = sim.report();
    expect(r.resources['Asg']!.lineItems.every((l) => l.description.includes('Spot'))).toBe(true);
    expect(sim.clusters[0]!.asgs[0]!.terminations).toBeGreaterThanOrEqual(1);
  });

  it('replaces Fargate tasks that die with their host', () => {
    const s = fargateScenario({ desired: 3, duration: '10m', rate: 30 });
    s.Faults = [{ At: 120_000, Kind: 'instance-failure', Target: 'Svc', Count: 2 }];
    const sim = new Simulation(s);
    sim.engine.runUntil(121_000);
    const h = sim.services.get('Svc')!;
    expect(h.model.running).toHaveLength(1);
    sim.run();
    expect(h.model.running).toHaveLength(3);
    expect(sim.clusters[0]!.faultRecords[0]!.tasksLost).toBe(2);
  });

  it('rolls a deployment without going below MinimumHealthyPercent', () => {
    const base = fargateScenario({ desired: 4, duration: '15m', rate: 20 });
    const td2 = structuredClone(base.Resources['Task']!);
    td2.LogicalId = 'Task2';
    td2.PhysicalName = 'Task2';
    (td2.Properties as Record<string, unknown>)['Cpu'] = 1024;
    (td2.Properties as Record<string, unknown>)['Memory'] = 2048;
    base.Resources['Task2'] = td2;
    base.Deployments = [{ At: 60_000, Service: 'Svc', TaskDefinition: 'Task2' }];
    const sim = new Simulation(base);
    const h = sim.services.get('Svc')!;
    let minRunning = Number.POSITIVE_INFINITY;
    while (sim.step()) {
      if (sim.engine.nowMs > 60_000) minRunning = Math.min(minRunning, h.model.running.length);
    }
    expect(minRunning).toBeGreaterThanOrEqual(4);
    expect(h.model.tasks.every((t) => t.td.logicalId === 'Task2' && t.status === TS.RUNNING)).toBe(true);
    expect(h.model.deploymentInProgress).toBe(false);
    const items = sim.report().resources['Svc']!.lineItems.map((l) => l.description);
    expect(items.some((d) => d.includes('Task2'))).toBe(true);
  });
});
