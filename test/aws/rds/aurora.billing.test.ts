import { describe, expect, it } from 'vitest';
import { databaseReport } from '../../../src/aws/rds/databaseReport';
import { pricesFor } from '../../../src/pricing';
import { harness, v2Config } from './harness';

const prices = pricesFor('us-east-1').aurora;
const HOUR = 3_600_000;

/** 1 request per second with one 1-CPU-ms query for the first `n` seconds. */
const queries = (n: number) => ({ rate: (t: number) => (t < n * 1000 ? 1 : 0), cpuMs: 1 });

function bill(config: Parameters<typeof v2Config>[0], n: number, durationMs = HOUR) {
  const { engine, db } = harness(v2Config(config), queries(n), durationMs);
  engine.run();
  return databaseReport(db, prices, durationMs);
}

const line = (r: ReturnType<typeof bill>, start: string) => r.lineItems.find((l) => l.description.startsWith(start))!;

describe('Aurora billing', () => {
  it('bills ACU-hours at the Standard rate, storage per GB-month and I/O per request, to the micro-dollar', () => {
    const r = bill({ minAcu: 2, maxAcu: 2, storageGB: 10, ioPerQuery: 1 }, 1000);
    const acu = line(r, 'Aurora Serverless v2 capacity');
    expect(acu.description).toContain('ACUs');
    expect(acu.unit).toBe('ACU-hour');
    expect(acu.quantity).toBe(2);
    expect(acu.costUsd).toBeCloseTo(2 * 0.12, 6);
    const storage = line(r, 'Aurora storage');
    expect(storage.costUsd).toBeCloseTo((10 * 1 * 0.1) / 730, 6);
    const io = line(r, 'Aurora I/O requests');
    expect(io.quantity).toBe(1000);
    expect(io.costUsd).toBeCloseTo(1000 * 0.0000002, 6);
    expect(r.costUsd).toBeCloseTo(0.24 + 1 / 730 + 0.0002, 6);
    expect(r.acuHours).toBe(2);
    expect(r.averageAcu).toBe(2);
  });

  it('bills IoPerQuery I/O requests per query', () => {
    const r = bill({ minAcu: 1, maxAcu: 1, storageGB: 0, ioPerQuery: 2.5 }, 400);
    const io = line(r, 'Aurora I/O requests');
    expect(io.quantity).toBe(1000);
    expect(r.costUsd).toBeCloseTo(0.12 + 1000 * 0.0000002, 6);
  });

  it('bills I/O-Optimized capacity and storage at their rates and no I/O', () => {
    const r = bill({ minAcu: 2, maxAcu: 2, storageGB: 10, storageType: 'aurora-iopt1' }, 1000);
    expect(r.lineItems.map((l) => l.description)).toEqual(['Aurora Serverless v2 capacity (ACUs, I/O-Optimized)', 'Aurora storage (I/O-Optimized)']);
    expect(r.costUsd).toBeCloseTo(2 * 0.156 + (10 * 0.225) / 730, 6);
  });

  it('bills only the seconds an instance ran: nothing while paused', () => {
    // Paused at 300 s (no connection ever opened): 0.5 ACU × 300 s.
    const r = bill({ minAcu: 0, autoPause: true, storageGB: 0 }, 0);
    expect(r.pauses).toBe(1);
    expect(r.costUsd).toBeCloseTo(((0.5 * 300) / 3600) * 0.12, 6);
    expect(r.acuHours).toBeCloseTo((0.5 * 300) / 3600, 3);
  });

  it('bills a provisioned instance per second with a 10-minute minimum, × 1.3 on I/O-Optimized', () => {
    const writer = [{ logicalId: 'W', instanceClass: 'db.r6g.large', promotionTier: 0, role: 'writer' as const, provisioned: { vcpu: 2, memoryGiB: 16 } }];
    const short = bill({ instances: writer, storageGB: 0 }, 0, 300_000);
    expect(short.lineItems).toHaveLength(1);
    expect(short.lineItems[0]!.description).toBe('Aurora DB instance W (db.r6g.large, Standard)');
    expect(short.lineItems[0]!.quantity).toBeCloseTo(600 / 3600, 12);
    expect(short.costUsd).toBeCloseTo((0.26 * 600) / 3600, 6);
    const hour = bill({ instances: writer, storageGB: 0, storageType: 'aurora-iopt1' }, 0);
    expect(hour.costUsd).toBeCloseTo(0.26 * 1.3, 6);
    // A provisioned instance counts as its memory's ACU equivalent (16 GiB = 8 ACUs) and never pauses.
    expect(hour.averageAcu).toBe(8);
    expect(hour.pauses).toBe(0);
  });
});
