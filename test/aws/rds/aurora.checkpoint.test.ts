import { describe, expect, it } from 'vitest';
import { databaseReport } from '../../../src/aws/rds/databaseReport';
import { pricesFor } from '../../../src/pricing';
import { harness, v2Config } from './harness';

// Busy, idle long enough to pause, busy again (resume), then idle: every mechanism is mid-flight somewhere.
const rate = (t: number) => (t < 120_000 ? 150 : t < 600_000 ? 0 : t < 700_000 ? 60 : 0);
const config = v2Config({ minAcu: 0, autoPause: true, warmPoolAcu: 4 });
const DURATION = 1_500_000;

function run(splitAtMs?: number) {
  const a = harness(config, { rate, cpuMs: 12, queries: 2, timeoutMs: 3000 }, DURATION);
  if (splitAtMs === undefined) {
    a.engine.run();
    return a;
  }
  a.engine.runUntil(splitAtMs);
  const saved = JSON.parse(JSON.stringify(a.engine.checkpoint()));
  const b = harness(config, { rate, cpuMs: 12, queries: 2, timeoutMs: 3000 }, DURATION);
  b.engine.restore(saved);
  b.engine.run();
  return b;
}

describe('Aurora checkpoints', () => {
  it.each([45_500, 130_000, 615_000])('continues identically after a restore at %i ms', (at) => {
    const whole = run();
    const split = run(at);
    expect(split.db.checkpoint()).toEqual(whole.db.checkpoint());
    expect(split.acu).toEqual(whole.acu);
    expect(split.driver!.latencies).toEqual(whole.driver!.latencies);
    const prices = pricesFor('us-east-1').aurora;
    expect(JSON.stringify(databaseReport(split.db, prices, DURATION))).toBe(JSON.stringify(databaseReport(whole.db, prices, DURATION)));
    // The run did pause, resume and scale, so the restore carried all of it.
    expect(whole.db.counters.pauses).toBeGreaterThanOrEqual(2);
    expect(whole.db.counters.resumes).toBeGreaterThanOrEqual(1);
    expect(whole.db.counters.scaleEvents).toBeGreaterThan(5);
  });
});
