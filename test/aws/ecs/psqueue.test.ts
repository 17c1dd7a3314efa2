import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine';
import { PsQueue } from '../../../src/aws/ecs/PsQueue';

class Recorder {
  values: number[] = [];
  record(ms: number) {
    this.values.push(ms);
  }
  get mean() {
    return this.values.reduce((a, b) => a + b, 0) / this.values.length;
  }
}

/** Runs Poisson arrivals of exponential work through one queue; returns the latencies. */
function simulate(vcpu: number, ratePerS: number, meanCpuMs: number, n: number, limit = 10_000) {
  const rng = new RandomStreams(11).stream('q');
  const q = new PsQueue(vcpu, limit);
  const rec = new Recorder();
  let t = 0;
  let failed = 0;
  for (let i = 0; i < n; i++) {
    t += (-Math.log(1 - rng.next()) / ratePerS) * 1000;
    q.advance(t, rec);
    if (!q.admit(t, -Math.log(1 - rng.next()) * meanCpuMs)) failed++;
  }
  q.advance(Number.POSITIVE_INFINITY, rec);
  return { rec, failed, q };
}

describe('PsQueue (processor sharing per task)', () => {
  it('serves a lone request in its CPU time on one vCPU', () => {
    const q = new PsQueue(1, 10);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([40]);
  });

  it('never runs one request faster than one vCPU, even on a larger task', () => {
    const q = new PsQueue(2, 10);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([40]);
  });

  it('slows a request on a quarter-vCPU task four times', () => {
    const q = new PsQueue(0.25, 10);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([160]);
  });

  it('shares the CPU: a request that finds two others on one vCPU takes three times as long', () => {
    const q = new PsQueue(1, 10);
    const rec = new Recorder();
    q.admit(0, 1000);
    q.admit(0, 1000);
    q.admit(0, 30);
    q.advance(100, rec);
    expect(rec.values).toEqual([90]);
    expect(q.inSystem).toBe(2);
  });

  it('rejects requests past the limit', () => {
    const q = new PsQueue(1, 2);
    expect(q.admit(0, 100)).toBe(true);
    expect(q.admit(0, 100)).toBe(true);
    expect(q.admit(0, 100)).toBe(false);
  });

  it('matches the M/M/1-PS mean response x̄/(1−ρ) at ρ = 0.5', () => {
    const { rec } = simulate(1, 25, 20, 200_000);
    expect(rec.mean / (20 / (1 - 0.5))).toBeGreaterThan(0.93);
    expect(rec.mean / (20 / (1 - 0.5))).toBeLessThan(1.07);
  });

  it('raises latency with utilisation', () => {
    const low = simulate(1, 10, 20, 50_000).rec.mean;
    const high = simulate(1, 45, 20, 50_000).rec.mean;
    expect(high).toBeGreaterThan(4 * low);
  });

  it('completes every admitted request exactly once', () => {
    const { rec, failed } = simulate(1, 80, 20, 20_000, 50);
    expect(rec.values.length + failed).toBe(20_000);
    expect(failed).toBeGreaterThan(0);
  });

  it('continues identically after checkpoint and restore', () => {
    const q = new PsQueue(1, 100);
    for (let i = 0; i < 10; i++) q.admit(i * 3, 10 + i);
    const copy = new PsQueue(1, 100);
    copy.restore(JSON.parse(JSON.stringify(q.checkpoint())));
    const a = new Recorder();
    const b = new Recorder();
    q.advance(1e6, a);
    copy.advance(1e6, b);
    expect(b.values).toEqual(a.values);
  });
});
