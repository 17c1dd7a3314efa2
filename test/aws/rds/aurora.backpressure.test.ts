import { describe, expect, it } from 'vitest';
import { harness, percentile, v2Config } from './harness';

describe('Aurora back-pressure', () => {
  it('raises query latency when demand exceeds capacity', () => {
    // 1 ACU = 0.25 vCPU: 10 CPU-ms queries run 40 ms each; 10/s use 40 % of it, 30/s need 120 %.
    const run = (rate: number) => {
      const { engine, driver } = harness(v2Config({ minAcu: 1, maxAcu: 1 }), { rate: () => rate, cpuMs: 10 }, 120_000);
      engine.run();
      return driver!.latencies;
    };
    const light = run(10);
    const heavy = run(30);
    expect(percentile(light, 50)).toBeCloseTo(40, 6);
    expect(percentile(light, 95)).toBeLessThan(100);
    expect(percentile(heavy, 95)).toBeGreaterThan(10 * percentile(light, 95));
    // The backlog grows steadily: later requests wait longer.
    expect(heavy.at(-1)!).toBeGreaterThan(heavy[heavy.length / 2]!);
  });

  it('shows a too-low MaxCapacity as higher latency and timeouts than a higher one', () => {
    // 140 requests/s × 10 CPU-ms need 8 ACUs at the 70 % target.
    const run = (maxAcu: number) => {
      const { engine, driver, db } = harness(v2Config({ maxAcu, warmPoolAcu: 16 }), { rate: () => 140, cpuMs: 10, timeoutMs: 5000 }, 300_000);
      engine.run();
      return { latencies: driver!.latencies, timedOut: driver!.timedOut, db };
    };
    const low = run(2);
    const high = run(16);
    // Both start at 0.5 ACU and queue while they scale; then the higher maximum catches up.
    expect(percentile(low.latencies, 50)).toBeGreaterThan(20 * percentile(high.latencies, 50));
    expect(percentile(high.latencies, 50)).toBeLessThan(100);
    expect(low.timedOut).toBeGreaterThan(10 * Math.max(1, high.timedOut));
    expect(low.db.counters.msAtMax).toBeGreaterThan(250_000);
    // Timed-out queries count when their timeout expires: the last few are still in flight at the end.
    const c = low.db.counters;
    expect(c.queriesTimedOut).toBeLessThanOrEqual(low.timedOut);
    expect(c.queriesTimedOut + low.db.queriesInFlight()).toBeGreaterThanOrEqual(low.timedOut);
  });

  it('times a query out at the statement timeout and sends none of the request’s later queries', () => {
    const { engine, db } = harness(v2Config({ minAcu: 1, maxAcu: 1, statementTimeoutMs: 100 }), undefined, 10_000);
    engine.runUntil(1000);
    // 3 queries of 20 CPU-ms on 0.25 vCPU: 80 ms each; with 60 CPU-ms queued ahead (240 ms) the first one times out.
    db.submit(1000, 3, 20);
    const r = db.submit(1000, 3, 20);
    expect(r.timedOut).toBe(true);
    expect(r.queriesSent).toBe(1);
    expect(r.latencyMs).toBe(100);
    engine.run();
    expect(db.counters.queriesTimedOut).toBe(1);
    expect(db.counters.queriesCompleted).toBe(3);
  });

  it('gives up on a request’s queries when the caller’s patience is used up across them, not per query', () => {
    const { engine, db } = harness(v2Config({ minAcu: 1, maxAcu: 1 }), undefined, 10_000);
    engine.runUntil(1000);
    // 10 queries of 50 CPU-ms on 0.25 vCPU: 200 ms each; a caller that waits 300 ms gets through
    // the first and gives up 100 ms into the second.
    const r = db.submit(1000, 10, 50, undefined, 300);
    expect(r.timedOut).toBe(true);
    expect(r.queriesSent).toBe(2);
    expect(r.latencyMs).toBe(300);
    engine.run();
    expect(db.counters.queriesCompleted).toBe(1);
    expect(db.counters.queriesTimedOut).toBe(1);
  });
});
