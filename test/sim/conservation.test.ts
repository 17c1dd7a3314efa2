import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim';
import { fargateScenario } from './helpers';

describe('request conservation', () => {
  it('ends every arrival as served, failed, throttled or queued', () => {
    fc.assert(
      fc.property(
        fc.record({
          desired: fc.integer({ min: 0, max: 4 }),
          rate: fc.double({ min: 0, max: 200, noNaN: true }),
          cpuMs: fc.integer({ min: 1, max: 400 }),
          queueLimit: fc.integer({ min: 1, max: 50 }),
          seed: fc.integer({ min: 0, max: 1000 }),
          launching: fc.boolean(),
        }),
        (o) => {
          const sim = new Simulation(
            fargateScenario({
              desired: o.desired,
              rate: Math.round(o.rate * 100) / 100,
              cpuMs: o.cpuMs,
              queueLimit: o.queueLimit,
              seed: o.seed,
              duration: '2m',
              tasksAtStart: o.launching ? 'Launching' : 'Running',
            }),
          );
          sim.run();
          const { arrived, served, failed, throttled, queued } = sim.report().totals.requests;
          expect(arrived).toBe(sim.workloads[0]!.arrivedTotal);
          expect(served + failed + throttled + queued).toBe(arrived);
          expect(Math.min(served, failed, throttled, queued)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fails requests with a full queue when the service is overloaded', () => {
    const sim = new Simulation(fargateScenario({ desired: 1, cpu: 256, memory: 512, rate: 30, cpuMs: 20, queueLimit: 20, duration: '10m' }));
    sim.run();
    const r = sim.report();
    // 30 req/s × 20 ms on 0.25 vCPU is 2.4 times the capacity.
    const failures = r.resources['Svc']!['failures'] as { queueFull: number };
    expect(failures.queueFull).toBeGreaterThan(0.4 * r.totals.requests.arrived);
  });

  it('raises latency as utilisation rises', () => {
    const p50 = (rate: number) => {
      const sim = new Simulation(fargateScenario({ desired: 1, cpu: 1024, memory: 2048, rate, cpuMs: 20, duration: '20m', queueLimit: 1000 }));
      sim.run();
      return sim.report().totals.latencyMs.p50!;
    };
    expect(p50(45)).toBeGreaterThan(3 * p50(5));
  });
});
