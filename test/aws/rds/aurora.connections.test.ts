import { describe, expect, it } from 'vitest';
import { ENDPOINT_READER } from '../../../src/aws/rds/DatabaseModel';
import { defaultMaxConnections } from '../../../src/aws/rds/capacity';
import { harness, reader, v2Config } from './harness';

describe('Aurora connections', () => {
  it('refuses connections beyond the limit and counts the peak', () => {
    const { engine, db } = harness(v2Config({ maxConnections: 10 }), undefined, 60_000);
    engine.runUntil(1000);
    expect(db.openConnections(1000, 15)).toBe(10);
    expect(db.counters.connectionsRefused).toBe(5);
    db.closeConnections(2000, 4, 0);
    expect(db.openConnections(3000, 2)).toBe(2);
    expect(db.counters.peakConnections).toBe(10);
    expect(db.totalConnections()).toBe(8);
  });

  it('derives the default limit from MaxCapacity: 189 per ACU, capped at 2,000 (minimum ≤ 0.5) or 5,000', () => {
    expect(defaultMaxConnections(0.5, 1)).toBe(189);
    expect(defaultMaxConnections(0, 16)).toBe(2000);
    expect(defaultMaxConnections(1, 16)).toBe(3024);
    expect(defaultMaxConnections(2, 64)).toBe(5000);
  });

  it('scales up for the memory connections hold, with no queries at all', () => {
    // 1,000 connections × 5 MiB ≈ 4.9 GiB: 2.4 ACUs of memory, 3.5 ACUs at the 70 % target.
    const { engine, db, acu } = harness(v2Config({ maxConnections: 5000 }), undefined, 120_000);
    engine.runUntil(1000);
    db.openConnections(1000, 1000);
    engine.run();
    expect(acu.at(-1)).toBe(3.5);
    expect(db.counters.queriesSubmitted).toBe(0);
  });

  it('spreads reader-endpoint connections over the readers, least connected first', () => {
    const cfg = v2Config({ instances: [{ logicalId: 'W', instanceClass: 'db.serverless', promotionTier: 0, role: 'writer' }, reader('R1', 2, 'independent'), reader('R2', 3, 'independent')] });
    const { db } = harness(cfg, undefined, 60_000);
    const where: number[] = [];
    for (let k = 0; k < 4; k++) {
      db.openConnections(0, 1, ENDPOINT_READER);
      where.push(db.lastInstance);
    }
    expect(where).toEqual([1, 2, 1, 2]);
    expect(db.instances.map((x) => x.connections)).toEqual([0, 2, 2]);
  });
});
