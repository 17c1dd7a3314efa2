import { describe, expect, it } from 'vitest';
import { type ArrivalBatch, WorkloadSource } from '../../src/workload';
import type { WorkloadSpec } from '../../src/workload/types';
import { streamFor } from './helpers';

function spec(over: Partial<WorkloadSpec> = {}): WorkloadSpec {
  return {
    Name: 'Shoppers',
    Target: 'WebService',
    Arrivals: { Pattern: 'constant', Rate: 5, Process: 'exact' },
    Work: { CpuMs: { Dist: 'constant', Value: 30 } },
    ...over,
  };
}

describe('WorkloadSource', () => {
  it('is named workload:<Name>', () => {
    expect(new WorkloadSource(spec(), streamFor(1), { startMs: 0 }).name).toBe('workload:Shoppers');
  });

  it('delivers one batch per step with the tick, the count, offsets and work sizes', () => {
    const src = new WorkloadSource(spec(), streamFor(1), { startMs: 0 });
    const seen: { count: number; tickStartMs: number; tickMs: number; offsets: number[]; cpu: number[] }[] = [];
    src.connect({
      deliver: (b: ArrivalBatch) =>
        seen.push({
          count: b.count,
          tickStartMs: b.tickStartMs,
          tickMs: b.tickMs,
          offsets: Array.from(b.offsetsMs.subarray(0, b.count)),
          cpu: Array.from(b.work.CpuMs!.subarray(0, b.count)),
        }),
    });
    src.step(0, 1000);
    src.step(1000, 1000);
    expect(seen).toEqual([
      { count: 5, tickStartMs: 0, tickMs: 1000, offsets: [100, 300, 500, 700, 900], cpu: [30, 30, 30, 30, 30] },
      { count: 5, tickStartMs: 1000, tickMs: 1000, offsets: [100, 300, 500, 700, 900], cpu: [30, 30, 30, 30, 30] },
    ]);
  });

  it('has a work array only for the keys the workload sets', () => {
    const src = new WorkloadSource(spec({ Work: { DurationMs: { Dist: 'exponential', Mean: 100 } } }), streamFor(1), { startMs: 0 });
    src.step(0, 1000);
    expect(src.batch.work.CpuMs).toBeUndefined();
    expect(src.batch.work.DurationMs).toBeInstanceOf(Float64Array);
  });

  it('counts the requests delivered and the requests expected since Start', () => {
    const src = new WorkloadSource(spec({ Arrivals: { Pattern: 'constant', Rate: 2.5, Process: 'exact' } }), streamFor(1), { startMs: 0 });
    for (let t = 0; t < 10_000; t += 1000) src.step(t, 1000);
    expect(src.arrivedTotal).toBe(25);
    expect(src.expectedTotal).toBe(25);
  });

  it('honours a shortened last tick', () => {
    const src = new WorkloadSource(spec({ Arrivals: { Pattern: 'constant', Rate: 100, Process: 'poisson' } }), streamFor(4), { startMs: 0 });
    src.step(0, 300);
    const b = src.batch;
    expect(b.tickMs).toBe(300);
    expect(b.count).toBeGreaterThan(10);
    for (let i = 0; i < b.count; i++) expect(b.offsetsMs[i]).toBeLessThan(300);
  });

  it('reuses its buffers from tick to tick and grows them geometrically for a burst', () => {
    const src = new WorkloadSource(
      spec({
        Arrivals: { Pattern: 'steps', Steps: [{ At: 0, Rate: 10 }, { At: 5000, Rate: 1000 }, { At: 10_000, Rate: 10 }], Process: 'exact' },
        Work: { CpuMs: { Dist: 'constant', Value: 1 }, DurationMs: { Dist: 'constant', Value: 2 } },
      }),
      streamFor(1),
      { startMs: 0 },
    );
    src.step(0, 1000);
    const small = src.batch.offsetsMs;
    const smallCpu = src.batch.work.CpuMs;
    for (let t = 1000; t < 5000; t += 1000) src.step(t, 1000);
    expect(src.batch.offsetsMs).toBe(small);
    expect(src.batch.work.CpuMs).toBe(smallCpu);
    src.step(5000, 1000);
    const big = src.batch.offsetsMs;
    expect(big.length).toBe(1024); // 64 doubled until it holds 1000
    expect(src.batch.work.CpuMs!.length).toBe(1024);
    expect(src.batch.work.DurationMs!.length).toBe(1024);
    for (let t = 6000; t < 15_000; t += 1000) src.step(t, 1000);
    expect(src.batch.offsetsMs).toBe(big);
  });

  it('the batch object is the same every tick, and counts only the current tick', () => {
    const src = new WorkloadSource(spec(), streamFor(1), { startMs: 0 });
    const batches = new Set<ArrivalBatch>();
    src.connect({ deliver: (b) => batches.add(b) });
    for (let t = 0; t < 5000; t += 1000) src.step(t, 1000);
    expect(batches.size).toBe(1);
    expect(src.batch.count).toBe(5);
  });

  it('draws the same with or without a sink, so connecting one never shifts the stream', () => {
    const s = spec({ Arrivals: { Pattern: 'constant', Rate: 30, Process: 'poisson' }, Work: { CpuMs: { Dist: 'exponential', Mean: 5 } } });
    const a = streamFor(8);
    const b = streamFor(8);
    const withSink = new WorkloadSource(s, a, { startMs: 0 });
    withSink.connect({ deliver: () => {} });
    const without = new WorkloadSource(s, b, { startMs: 0 });
    for (let t = 0; t < 20_000; t += 1000) {
      withSink.step(t, 1000);
      without.step(t, 1000);
    }
    expect(a.next()).toBe(b.next());
  });

  it('draws work in a fixed key order, whatever order the scenario wrote the keys in', () => {
    const arrivals = { Pattern: 'constant', Rate: 20, Process: 'poisson' } as const;
    const cpu = { Dist: 'exponential', Mean: 7 } as const;
    const dur = { Dist: 'lognormal', Mean: 90, P99: 400 } as const;
    const x = new WorkloadSource(spec({ Arrivals: arrivals, Work: { CpuMs: cpu, DurationMs: dur } }), streamFor(5), { startMs: 0 });
    const y = new WorkloadSource(spec({ Arrivals: arrivals, Work: { DurationMs: dur, CpuMs: cpu } }), streamFor(5), { startMs: 0 });
    x.step(0, 1000);
    y.step(0, 1000);
    const n = x.batch.count;
    expect(Array.from(y.batch.work.CpuMs!.subarray(0, n))).toEqual(Array.from(x.batch.work.CpuMs!.subarray(0, n)));
    expect(Array.from(y.batch.work.DurationMs!.subarray(0, n))).toEqual(Array.from(x.batch.work.DurationMs!.subarray(0, n)));
  });

  it('restore rejects something that is not its checkpoint', () => {
    const src = new WorkloadSource(spec(), streamFor(1), { startMs: 0 });
    expect(() => src.restore({ carry: 'x' })).toThrow(/not a workload checkpoint/);
    expect(() => src.restore(null)).toThrow(/not a workload checkpoint/);
  });
});
