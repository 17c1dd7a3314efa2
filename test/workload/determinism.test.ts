import { describe, expect, it } from 'vitest';
import { samplePoisson, WorkloadSource } from '../../src/workload';
import type { WorkloadSpec } from '../../src/workload/types';
import { MINUTE, streamFor } from './helpers';

const base: WorkloadSpec = {
  Name: 'Api',
  Target: 'Fn',
  Arrivals: { Pattern: 'spike', Base: 20, Peak: 300, At: 2 * MINUTE, RampUp: MINUTE, Hold: MINUTE, RampDown: MINUTE, Process: 'poisson' },
  Work: { CpuMs: { Dist: 'lognormal', Mean: 40, P99: 250 }, DurationMs: { Dist: 'exponential', Mean: 120 } },
};

interface Trace {
  offsets: number[];
  cpu: number[];
  duration: number[];
}

function record(spec: WorkloadSpec, seed: number, ticks = 360): Trace {
  const src = new WorkloadSource(spec, streamFor(seed, `workload:${spec.Name}`), { startMs: 0 });
  const out: Trace = { offsets: [], cpu: [], duration: [] };
  src.connect({
    deliver(b) {
      for (let i = 0; i < b.count; i++) {
        out.offsets.push(b.tickStartMs + b.offsetsMs[i]!);
        out.cpu.push(b.work.CpuMs![i]!);
        out.duration.push(b.work.DurationMs![i]!);
      }
    },
  });
  for (let t = 0; t < ticks * 1000; t += 1000) src.step(t, 1000);
  return out;
}

describe('determinism', () => {
  it('the same seed gives the same requests, times and work sizes', () => {
    expect(record(base, 42)).toEqual(record(base, 42));
  });

  it('a different seed gives different requests', () => {
    const a = record(base, 42);
    const b = record(base, 43);
    expect(b.offsets).not.toEqual(a.offsets);
    expect(b.cpu.slice(0, 100)).not.toEqual(a.cpu.slice(0, 100));
  });

  it('the target does not change the draws: every variant sees the same requests', () => {
    expect(record({ ...base, Target: 'SomeService' }, 42)).toEqual(record(base, 42));
  });

  it('a variant that changes only a work size keeps the arrival times, and each request keeps its quantile', () => {
    const a = record(base, 42);
    const b = record({ ...base, Work: { ...base.Work, DurationMs: { Dist: 'exponential', Mean: 240 } } }, 42);
    expect(b.offsets).toEqual(a.offsets);
    expect(b.cpu).toEqual(a.cpu);
    for (let i = 0; i < a.duration.length; i++) expect(b.duration[i]).toBeCloseTo(2 * a.duration[i]!, 9);
  });

  it('the Poisson sampler is a pure function of its stream', () => {
    const draws = (seed: number) => {
      const rng = streamFor(seed);
      return [0.3, 7, 12, 5000, 1e6].map((m) => samplePoisson(m, rng));
    };
    expect(draws(1)).toEqual(draws(1));
    expect(draws(1)).not.toEqual(draws(2));
  });
});
