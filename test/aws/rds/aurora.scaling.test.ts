import { describe, expect, it } from 'vitest';
import { firstAt, harness, v2Config } from './harness';

// 10 CPU-ms per query at 0.25 vCPU per ACU and a 70 % target: R requests/s need R / 17.5 ACUs.
const load = (rate: number, untilMs = Number.POSITIVE_INFINITY) => ({ rate: (t: number) => (t < untilMs ? rate : 0), cpuMs: 10 });

describe('Aurora Serverless v2 scaling', () => {
  it('scales up from the warm pool within seconds, in increments that grow with capacity', () => {
    // 140 requests/s need 8 ACUs; a 16-ACU pool has room for all of it.
    const { engine, db, acu } = harness(v2Config({ warmPoolAcu: 16 }), load(140), 120_000);
    engine.run();
    expect(db.counters.hostMoves).toBe(0);
    const t8 = firstAt(acu, 8);
    expect(t8).toBeGreaterThan(0);
    expect(t8).toBeLessThanOrEqual(25);
    // Each step is at most 50 % of current capacity (at least 0.5 ACU), 1.5 s from the pool.
    const levels = [...new Set(acu.slice(0, t8 + 1))];
    expect(levels).toEqual([0.5, 1, 1.5, 2, 3, 4.5, 6.5, 9.5]);
  });

  it('measures over a second whatever the tick: the same steps at 100 ms ticks', () => {
    const { engine, acu } = harness(v2Config({ warmPoolAcu: 16 }), load(140), 60_000, 100);
    engine.run();
    const t8 = firstAt(acu, 8) / 10;
    expect(t8).toBeGreaterThanOrEqual(12);
    expect(t8).toBeLessThanOrEqual(25);
    expect([...new Set(acu.slice(0, firstAt(acu, 8) + 1))]).toEqual([0.5, 1, 1.5, 2, 3, 4.5, 6.5, 9.5]);
  });

  it('moves to another host when the pool is short: slower, and queries stall at the switch', () => {
    const fast = harness(v2Config({ warmPoolAcu: 16 }), load(140), 120_000);
    fast.engine.run();
    const slow = harness(v2Config({ warmPoolAcu: 2, poolRefillMs: 600_000 }), load(140), 120_000);
    slow.engine.run();
    expect(slow.db.counters.hostMoves).toBeGreaterThan(0);
    // Beyond the pool each move takes HostMoveTime (30 s) before the new capacity serves.
    expect(firstAt(slow.acu, 8)).toBeGreaterThanOrEqual(30);
    expect(firstAt(slow.acu, 8)).toBeGreaterThan(firstAt(fast.acu, 8) + 25);
    // The stall: some query waits at least the 2 s switch.
    expect(Math.max(...slow.driver!.latencies)).toBeGreaterThanOrEqual(2000);
  });

  it('steps down gradually after the load stops: about 10 minutes from 10 ACUs to 0.5, about 5 from 10 to 4', () => {
    // 175 requests/s for 2 minutes hold a 10-ACU maximum at the 70 % target; then nothing.
    const run = (minAcu: number) => {
      const h = harness(v2Config({ minAcu, maxAcu: 10, warmPoolAcu: 16 }), load(175, 120_000), 1_200_000);
      h.engine.run();
      expect(h.acu[119]).toBe(10);
      return { acu: h.acu, minutes: (h.acu.findIndex((a, i) => i >= 120 && a === Math.max(0.5, minAcu)) - 120) / 60 };
    };
    const full = run(0.5);
    expect(full.minutes).toBeGreaterThanOrEqual(8);
    expect(full.minutes).toBeLessThanOrEqual(12);
    const partial = run(4);
    expect(partial.minutes).toBeGreaterThanOrEqual(4);
    expect(partial.minutes).toBeLessThanOrEqual(7);
    // Never more than one step (5 %, at least 0.5 ACU) at a time, and steps at least 30 s apart.
    const acu = full.acu;
    let lastDrop = -Infinity;
    for (let i = 121; i < acu.length; i++) {
      const drop = acu[i - 1]! - acu[i]!;
      if (drop <= 0) continue;
      expect(drop).toBe(Math.max(0.5, Math.floor(acu[i - 1]! * 0.05 * 2) / 2));
      expect(i - lastDrop).toBeGreaterThanOrEqual(30);
      lastDrop = i;
    }
  });

  it('never goes above MaxCapacity however high the demand', () => {
    const { engine, acu, db } = harness(v2Config({ maxAcu: 4, warmPoolAcu: 64 }), load(2000), 60_000);
    engine.run();
    expect(Math.max(...acu)).toBe(4);
    expect(db.counters.msAtMax).toBeGreaterThan(40_000);
  });

  it('keeps a reader in promotion tier 0–1 at least at the writer capacity; a tier-2 reader scales on its own', () => {
    const cfg = v2Config({
      maxAcu: 8,
      warmPoolAcu: 16,
      instances: [
        { logicalId: 'W', instanceClass: 'db.serverless', promotionTier: 0, role: 'writer' },
        { logicalId: 'F', instanceClass: 'db.serverless', promotionTier: 1, role: 'follower' },
        { logicalId: 'I', instanceClass: 'db.serverless', promotionTier: 2, role: 'independent' },
      ],
    });
    const { engine, db } = harness(cfg, load(140), 60_000);
    engine.run();
    const [w, f, i] = db.instances;
    expect(w!.acu).toBe(8);
    expect(f!.acu).toBe(8);
    expect(i!.acu).toBe(0.5);
  });
});
