import { describe, expect, it } from 'vitest';
import { IS } from '../../../src/aws/rds/instanceLifecycle';
import { harness, v2Config } from './harness';

const DAY_MS = 86_400_000;
const paused = v2Config({ minAcu: 0, autoPause: true, secondsUntilAutoPause: 300 });

describe('Aurora Serverless v2 auto-pause and resume', () => {
  it('pauses exactly SecondsUntilAutoPause after the last connection closes', () => {
    const { engine, db } = harness(paused, undefined, 3_600_000);
    engine.runUntil(10_000);
    const at = db.openConnections(engine.nowMs, 2);
    expect(at).toBe(2);
    engine.runUntil(20_000);
    db.closeConnections(20_500, 2, db.lastInstance);
    engine.runUntil(320_000);
    expect(db.instances[0]!.state).toBe(IS.ACTIVE);
    expect(db.counters.pauses).toBe(0);
    engine.runUntil(321_000);
    expect(db.instances[0]!.state).toBe(IS.PAUSED);
    expect(db.instances[0]!.pausedAtMs).toBe(320_500);
    expect(db.instances[0]!.acu).toBe(0);
    // Billed 0.5 ACU from 0 to 320.5 s, nothing after.
    engine.runUntil(3_600_000);
    expect(db.meter.usage.halfAcuMs).toBe(1 * 320_500);
  });

  it('does not pause while a connection is open, nor with MinCapacity above 0', () => {
    const open = harness(paused, undefined, 3_600_000);
    open.engine.runUntil(1000);
    open.db.openConnections(1000, 1);
    open.engine.run();
    expect(open.db.counters.pauses).toBe(0);
    const floor = harness(v2Config({ minAcu: 0.5, autoPause: false }), undefined, 3_600_000);
    floor.engine.run();
    expect(floor.db.counters.pauses).toBe(0);
    expect(floor.db.meter.usage.halfAcuMs).toBe(3_600_000);
  });

  it('makes the next query wait for the resume: about 15 s, about 30 s after more than 24 h paused', () => {
    const { engine, db } = harness(paused, undefined, 2 * DAY_MS);
    engine.runUntil(301_000);
    expect(db.counters.pauses).toBe(1);
    expect(db.instances[0]!.pausedAtMs).toBe(300_000);
    engine.runUntil(400_000);
    // 10 CPU-ms on 0.5 ACU (0.125 vCPU) runs 80 ms.
    expect(db.submit(400_000, 1, 10).latencyMs).toBeCloseTo(15_000 + 80, 6);
    expect(db.counters.resumes).toBe(1);
    // Queries arriving during the resume wait for what is left of it.
    expect(db.submit(410_000, 1, 10).latencyMs).toBeCloseTo(5_000 + 80 + 80, 6);
    engine.runUntil(416_000);
    expect(db.instances[0]!.state).toBe(IS.ACTIVE);
    expect(db.instances[0]!.acu).toBe(0.5);
    // Idle again: pauses 300 s after the resume ended.
    engine.runUntil(716_000);
    expect(db.counters.pauses).toBe(2);
    expect(db.instances[0]!.pausedAtMs).toBe(715_000);
    const later = 715_000 + DAY_MS + 1000;
    engine.runUntil(later);
    expect(db.submit(later, 1, 10).latencyMs).toBeCloseTo(30_000 + 80, 6);
    expect(db.counters.resumes).toBe(2);
    // Nothing billed while paused: 0.5 ACU for 300 s, then for 300 s after the first resume.
    engine.runUntil(later + 10_000);
    expect(db.meter.usage.halfAcuMs).toBe(300_000 + 300_000);
  });

  it('resumes on a new connection and the writer brings its tier 0–1 followers back with it', () => {
    const cfg = v2Config({
      minAcu: 0,
      autoPause: true,
      instances: [
        { logicalId: 'W', instanceClass: 'db.serverless', promotionTier: 0, role: 'writer' },
        { logicalId: 'F', instanceClass: 'db.serverless', promotionTier: 1, role: 'follower' },
      ],
    });
    const { engine, db } = harness(cfg, undefined, 3_600_000);
    engine.runUntil(301_000);
    expect(db.instances.map((x) => x.state)).toEqual([IS.PAUSED, IS.PAUSED]);
    db.openConnections(engine.nowMs, 1);
    expect(db.instances.map((x) => x.state)).toEqual([IS.RESUMING, IS.RESUMING]);
    engine.runUntil(317_000);
    expect(db.instances.map((x) => x.state)).toEqual([IS.ACTIVE, IS.ACTIVE]);
    expect(db.counters.resumes).toBe(2);
  });

  it('times out a caller whose patience is shorter than the resume', () => {
    const { engine, db } = harness(paused, undefined, 3_600_000);
    engine.runUntil(400_000);
    // A function with a 3 s timeout meets a paused database: it gives up; the resume goes on.
    const r = db.submit(400_000, 2, 10, 0, 3000);
    expect(r.timedOut).toBe(true);
    expect(r.latencyMs).toBe(3000);
    expect(r.queriesSent).toBe(1);
    engine.runUntil(416_000);
    expect(db.instances[0]!.state).toBe(IS.ACTIVE);
    expect(db.counters.queriesTimedOut).toBe(1);
  });
});
