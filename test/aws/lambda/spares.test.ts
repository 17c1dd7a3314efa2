/**
 * Idle environments: the last one goes IdleLifetime after the function's last request; while the
 * function is still running requests, a spare lives a time drawn between IdleLifetime and
 * SpareIdleLifetime (docs/models/lambda.md, "Idle environments").
 */
import { describe, expect, it } from 'vitest';
import { feed, harness } from './harness';

const quiet = { Pattern: 'constant' as const, Rate: 0, Process: 'exact' as const };
const noInit = { Dist: 'constant' as const, Value: 0 };

/** A harness with L = 100 s, spares up to 1,000 s, no recycling, fed `times` of `workMs`. */
function run(times: number[], workMs: number | ((i: number) => number), endMs: number, seed = 1) {
  const h = harness({
    config: { idleLifetimeMs: 100_000, spareIdleLifetimeMs: 1_000_000, maxLifetimeMs: Number.POSITIVE_INFINITY, initDuration: noInit },
    arrivals: quiet,
    duration: { Dist: 'constant', Value: 1 },
    durationMs: endMs,
    seed,
  });
  const ended: { created: number; lastEnd: number; at: number }[] = [];
  const cold: boolean[] = [];
  h.fn.observe({
    environmentEnded: (created, lastEnd, at) => ended.push({ created, lastEnd, at }),
    invoked: (_t, c) => cold.push(c),
  });
  feed(h, times, workMs);
  h.engine.run();
  return { ...h, ended, cold };
}

describe('idle environments', () => {
  it('keep the last environment exactly IdleLifetime after the last request, however long its own draw', () => {
    // Requests of 1 s at 0 and 100.999 s (99.999 s idle: warm), then 100.001 s after that one ended: cold.
    const { ended, cold } = run([0, 100_999, 202_000], 1000, 400_000);
    expect(cold).toEqual([true, false, true]);
    expect(ended[0]).toEqual({ created: 0, lastEnd: 101_999, at: 201_999 });
  });

  it('shut every idle environment down once the function has run nothing for IdleLifetime', () => {
    // Two requests at once: A (1 s) and B (2 s). Nothing runs after 2 s, so both go at 102 s,
    // though A drew its own lifetime from 100–1,000 s after 1 s.
    const { ended, cold } = run([0, 0], (i) => (i === 0 ? 1000 : 2000), 2_000_000);
    expect(cold).toEqual([true, true]);
    expect(ended.map((e) => e.at)).toEqual([102_000, 102_000]);
    expect(ended.map((e) => e.lastEnd).sort()).toEqual([1000, 2000]);
  });

  it('keep a spare past IdleLifetime while the function runs, for a time drawn between IdleLifetime and SpareIdleLifetime', () => {
    // A request of 10 s every 10 s keeps the function running all along; every hour three more
    // arrive with it, so three environments more start, serve once and wait as spares.
    const hours = 60;
    const times: number[] = [];
    const work: number[] = [];
    for (let t = 0; t < hours * 3_600_000; t += 10_000) {
      const burst = t % 3_600_000 === 5_000_000 % 3_600_000 ? 3 : 0;
      times.push(t);
      work.push(10_000);
      for (let k = 0; k < burst; k++) {
        times.push(t);
        work.push(1000);
      }
    }
    const { ended, fn } = run(times, (i) => work[i]!, hours * 3_600_000 + 60_000);
    const idle = ended.map((e) => (e.at - e.lastEnd) / 1000);
    // Three spares an hour (the last hour's may outlive the run).
    expect(idle.length).toBeGreaterThanOrEqual(3 * (hours - 1));
    expect(Math.min(...idle)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...idle)).toBeLessThanOrEqual(1000);
    // Uniform on 100–1,000 s: mean 550 s, deciles near 190 and 910 s.
    const sorted = [...idle].sort((a, b) => a - b);
    const mean = idle.reduce((a, b) => a + b, 0) / idle.length;
    expect(mean).toBeGreaterThan(500);
    expect(mean).toBeLessThan(600);
    expect(sorted[Math.floor(0.1 * sorted.length)]!).toBeLessThan(260);
    expect(sorted[Math.floor(0.9 * sorted.length)]!).toBeGreaterThan(840);
    // Only the first request of each environment was cold: the one that keeps running is never reaped.
    expect(fn.counters.coldStarts).toBe(1 + ended.length + (fn.environments - 1));
  });

  it('resume from a checkpoint with spares waiting to the identical run', () => {
    // A request of 1.5 s every 2 s, and every 10 minutes four more at once: their environments
    // wait as spares (30–400 s), and the checkpoint falls 34 s after a burst.
    const times: number[] = [];
    const workMs: number[] = [];
    for (let t = 0; t < 3_000_000; t += 2000) {
      times.push(t);
      workMs.push(1500);
      for (let k = 0; t % 600_000 === 0 && k < 4; k++) {
        times.push(t);
        workMs.push(800);
      }
    }
    const work = (i: number) => workMs[i]!;
    const make = () => {
      const h = harness({
        config: { idleLifetimeMs: 30_000, spareIdleLifetimeMs: 400_000, maxLifetimeMs: 1_800_000, initDuration: { Dist: 'constant', Value: 120 } },
        arrivals: quiet,
        duration: { Dist: 'constant', Value: 1 },
        durationMs: 3_000_000,
      });
      feed(h, times, work);
      return h;
    };
    const whole = make();
    whole.engine.run();
    const first = make();
    first.engine.runUntil(1_234_000);
    const cp = JSON.parse(JSON.stringify(first.engine.checkpoint()));
    const resumed = make();
    resumed.engine.restore(cp);
    resumed.engine.run();
    expect(resumed.fn.counters).toEqual(whole.fn.counters);
    const c = whole.fn.counters;
    expect(c.environmentsRecycled).toBeGreaterThan(0);
    expect(c.environmentsCreated - c.environmentsRecycled - whole.fn.environments).toBeGreaterThan(4); // spares reaped for idleness
  });
});
