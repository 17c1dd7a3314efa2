import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim';
import { fargateScenario } from './helpers';

describe('Fargate task lifecycle in a service', () => {
  it('walks PROVISIONING → PENDING → ACTIVATING → RUNNING with the default 250 MiB image in 35 s', () => {
    const sim = new Simulation(fargateScenario({ desired: 3, tasksAtStart: 'Launching', rate: 0, duration: '2m' }));
    const handle = sim.services.get('Svc')!;
    const at = (s: number) => {
      sim.engine.runUntil(s * 1000);
      const c = handle.cluster.statusCounts(handle.model);
      return Object.entries(c).find(([, n]) => n === 3)?.[0];
    };
    expect(at(9)).toBe('PROVISIONING');
    expect(at(11)).toBe('PENDING');
    expect(at(32)).toBe('PENDING');
    expect(at(34)).toBe('ACTIVATING');
    expect(at(36)).toBe('RUNNING');
  });

  it('fails requests while no task is running yet', () => {
    const sim = new Simulation(fargateScenario({ desired: 1, tasksAtStart: 'Launching', rate: 10, process: 'exact', duration: '2m' }));
    sim.run();
    const r = sim.report();
    const failures = r.resources['Svc']!['failures'] as { noRunningTask: number };
    expect(failures.noRunningTask).toBe(350);
    expect(r.totals.requests.served).toBeGreaterThan(800);
  });

  it('starts at once with StartLatency 0', () => {
    const sim = new Simulation(fargateScenario({ desired: 2, tasksAtStart: 'Launching', startLatency: '0s', rate: 0, duration: '10s' }));
    sim.engine.runUntil(1000);
    const h = sim.services.get('Svc')!;
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(2);
  });

  it('supports 100 ms ticks', () => {
    const sim = new Simulation(fargateScenario({ desired: 1, tick: '100ms', duration: '1m', rate: 5, process: 'exact' }));
    sim.run();
    expect(sim.engine.ticks).toBe(600);
    expect(sim.report().totals.requests.arrived).toBe(300);
  });
});
