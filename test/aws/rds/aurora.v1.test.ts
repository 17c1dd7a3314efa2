import { describe, expect, it } from 'vitest';
import { harness, v2Config } from './harness';

const v1 = v2Config({ mode: 'v1', engine: 'aurora-mysql', minAcu: 1, maxAcu: 8, autoPause: false, warmPoolAcu: 0 });

/** [tick, acu] at each capacity change. */
const changes = (acu: number[]) => acu.flatMap((a, i) => (i > 0 && a !== acu[i - 1] ? [[i, a] as const] : []));

describe('Aurora Serverless v1', () => {
  it('doubles through its capacity points, each change a switch that takes HostMoveTime', () => {
    // 300 requests/s × 10 CPU-ms = 3 vCPUs: beyond every point below 8 ACUs (2 vCPUs at 0.25 per ACU).
    const { engine, acu, db } = harness(v1, { rate: (t) => (t < 600_000 ? 300 : 0), cpuMs: 10 }, 600_000);
    engine.run();
    const c = changes(acu);
    expect(c.map(([, a]) => a)).toEqual([2, 4, 8]);
    for (let k = 1; k < c.length; k++) expect(c[k]![0] - c[k - 1]![0]).toBeGreaterThanOrEqual(30);
    expect(db.counters.hostMoves).toBe(3);
    expect(Math.max(...acu)).toBe(8);
  });

  it('waits 15 minutes after a scale-up before scaling down, then 310 s between scale-downs', () => {
    const { engine, acu } = harness(v1, { rate: (t) => (t < 200_000 ? 300 : 0), cpuMs: 10 }, 4_000_000);
    engine.run();
    const c = changes(acu);
    const ups = c.filter(([i, a]) => a > acu[i - 1]!);
    const downs = c.filter(([i, a]) => a < acu[i - 1]!);
    expect(ups.map(([, a]) => a)).toEqual([2, 4, 8]);
    expect(downs.map(([, a]) => a)).toEqual([4, 2, 1]);
    // Changes land HostMoveTime (30 s) after their decision: decisions are as far apart as the changes.
    const lastUp = ups.at(-1)![0];
    expect(downs[0]![0] - lastUp).toBeGreaterThanOrEqual(900);
    expect(downs[0]![0] - lastUp).toBeLessThan(960);
    for (let k = 1; k < downs.length; k++) {
      expect(downs[k]![0] - downs[k - 1]![0]).toBeGreaterThanOrEqual(310);
      expect(downs[k]![0] - downs[k - 1]![0]).toBeLessThan(350);
    }
  });

  it('stays at capacity points of its engine, never outside [min, max]', () => {
    const pg = v2Config({ mode: 'v1', engine: 'aurora-postgresql', minAcu: 2, maxAcu: 192, warmPoolAcu: 0 });
    const { engine, acu } = harness(pg, { rate: (t) => (t < 900_000 ? 300 : 0), cpuMs: 200 }, 3_000_000);
    engine.run();
    for (const a of acu) expect([2, 4, 8, 16, 32, 64, 192]).toContain(a);
    expect(Math.max(...acu)).toBe(192);
  });

  it('waits for a scaling point before each change, and past SecondsBeforeTimeout rolls it back or forces it', () => {
    const load = { rate: (t: number) => (t < 1_200_000 ? 300 : 0), cpuMs: 10 };
    // A scaling point comes 60 s after each decision: the first change lands at about 1 + 60 + 30 s.
    const waiting = harness({ ...v1, v1ScalingPointWaitMs: 60_000, v1TimeoutMs: 300_000 }, load, 1_200_000);
    waiting.engine.run();
    const first = changes(waiting.acu)[0]!;
    expect(first[1]).toBe(2);
    expect(first[0]).toBeGreaterThanOrEqual(90);
    expect(first[0]).toBeLessThan(95);
    // None within the 300 s timeout: every change is rolled back and capacity never moves.
    const stuck = harness({ ...v1, v1ScalingPointWaitMs: 600_000, v1TimeoutMs: 300_000 }, load, 1_200_000);
    stuck.engine.run();
    expect(changes(stuck.acu)).toEqual([]);
    expect(stuck.db.counters.v1Rollbacks).toBeGreaterThanOrEqual(3);
    // ForceApplyCapacityChange: each change is forced at the timeout.
    const forced = harness({ ...v1, v1ScalingPointWaitMs: 600_000, v1TimeoutMs: 300_000, v1ForceApply: true }, load, 1_200_000);
    forced.engine.run();
    const f = changes(forced.acu);
    expect(f[0]![1]).toBe(2);
    expect(f[0]![0]).toBeGreaterThanOrEqual(330);
    expect(f[0]![0]).toBeLessThan(335);
    expect(forced.db.counters.v1Forced).toBeGreaterThanOrEqual(1);
  });
});
