import { describe, expect, it } from 'vitest';
import { PsServer } from '../../../src/aws/ecs/PsServer';
import { RandomStreams } from '../../../src/engine';

class Recorder {
  values: number[] = [];
  owners: number[] = [];
  complete(owner: number, ms: number) {
    this.owners.push(owner);
    this.values.push(ms);
  }
  get mean() {
    return this.values.reduce((a, b) => a + b, 0) / this.values.length;
  }
}

/** Runs Poisson arrivals of exponential work through one server; returns the latencies. */
function simulate(vcpu: number, ratePerS: number, meanCpuMs: number, n: number, limit = 10_000) {
  const rng = new RandomStreams(11).stream('q');
  const q = new PsServer(vcpu);
  const rec = new Recorder();
  let t = 0;
  let failed = 0;
  for (let i = 0; i < n; i++) {
    t += (-Math.log(1 - rng.next()) / ratePerS) * 1000;
    q.advance(t, rec);
    const work = -Math.log(1 - rng.next()) * meanCpuMs;
    if (q.ownerCount[0]! >= limit) failed++;
    else q.admit(t, work);
  }
  q.advance(Number.POSITIVE_INFINITY, rec);
  return { rec, failed, q };
}

describe('PsServer (processor sharing)', () => {
  it('serves a lone request in its CPU time on one vCPU', () => {
    const q = new PsServer(1);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([40]);
  });

  it('never runs one request faster than one vCPU, even on a larger server', () => {
    const q = new PsServer(2);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([40]);
  });

  it('slows a request on a quarter-vCPU task four times', () => {
    const q = new PsServer(0.25);
    const rec = new Recorder();
    q.admit(0, 40);
    q.advance(1000, rec);
    expect(rec.values).toEqual([160]);
  });

  it('shares the CPU: a request that finds two others on one vCPU takes three times as long', () => {
    const q = new PsServer(1);
    const rec = new Recorder();
    q.admit(0, 1000);
    q.admit(0, 1000);
    q.admit(0, 30);
    q.advance(100, rec);
    expect(rec.values).toEqual([90]);
    expect(q.inSystem).toBe(2);
  });

  it('counts requests per owner and shares the vCPUs among all owners', () => {
    const q = new PsServer(2, 4, 2);
    const rec = new Recorder();
    q.admit(0, 100, 0);
    q.admit(0, 100, 1);
    q.admit(0, 10, 1);
    expect([q.ownerCount[0], q.ownerCount[1]]).toEqual([1, 2]);
    q.advance(20, rec);
    // Three requests on two vCPUs: the short one takes 10 · 3 / 2 = 15 ms.
    expect(rec.values).toEqual([15]);
    expect(rec.owners).toEqual([1]);
    expect([q.ownerCount[0], q.ownerCount[1]]).toEqual([1, 1]);
  });

  it('grows beyond its initial capacity', () => {
    const q = new PsServer(1, 2);
    for (let i = 0; i < 100; i++) q.admit(i, 1);
    expect(q.inSystem).toBe(100);
  });

  it('drops one owner’s requests and keeps the others in order', () => {
    const q = new PsServer(1, 4, 2);
    const rec = new Recorder();
    q.admit(0, 10, 0);
    q.admit(1, 10, 1);
    q.admit(2, 10, 0);
    expect(q.dropOwner(0)).toBe(2);
    q.advance(1e6, rec);
    expect(rec.owners).toEqual([1]);
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
    const q = new PsServer(1);
    for (let i = 0; i < 10; i++) q.admit(i * 3, 10 + i);
    const copy = new PsServer(3);
    copy.restore(JSON.parse(JSON.stringify(q.checkpoint())));
    const a = new Recorder();
    const b = new Recorder();
    q.advance(1e6, a);
    copy.advance(1e6, b);
    expect(b.values).toEqual(a.values);
  });
});
