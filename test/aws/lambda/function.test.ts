import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const steps = (s: { At: number; Rate: number }[]) => ({ Pattern: 'steps' as const, Steps: s, Process: 'exact' as const });

describe('Lambda execution environments', () => {
  it('cold-starts the first request and reuses the warm environment after', () => {
    const { engine, fn, latency } = harness({
      arrivals: steps([{ At: 0, Rate: 1 }]),
      duration: { Dist: 'constant', Value: 100 },
      durationMs: 10_000,
    });
    engine.run();
    const c = fn.counters;
    expect(c.invocations).toBe(10);
    expect(c.coldStarts).toBe(1);
    expect(c.environmentsCreated).toBe(1);
    // The cold one waited for its 200 ms init.
    expect(latency.h.max).toBeGreaterThanOrEqual(299);
    expect(latency.h.percentile(50)).toBeLessThan(101);
  });

  it('reaps an environment exactly the idle lifetime after its last request ended', () => {
    // Requests at 0.5 s and then every 20 s with 100 ms work; lifetime 19.9 s / 20.0 s.
    const run = (lifetimeMs: number) => {
      const { engine, fn } = harness({
        config: { idleLifetimeMs: lifetimeMs, initDuration: { Dist: 'constant', Value: 0 } },
        arrivals: { Pattern: 'constant', Rate: 0.05, Process: 'exact' },
        duration: { Dist: 'constant', Value: 100 },
        durationMs: 200_000,
      });
      engine.run();
      return fn.counters;
    };
    // The gap between one request's end and the next arrival is 19.9 s.
    expect(run(19_899).coldStarts).toBe(10);
    expect(run(19_901).coldStarts).toBe(1);
  });

  it('throttles synchronous requests beyond reserved concurrency, exactly', () => {
    const { engine, fn } = harness({
      config: { reserved: 5 },
      arrivals: steps([{ At: 0, Rate: 10 }, { At: 1000, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 5000 },
      durationMs: 20_000,
    });
    engine.run();
    expect(fn.counters.throttles).toBe(5);
    expect(fn.counters.served).toBe(5);
    expect(fn.counters.peakConcurrency).toBe(5);
  });

  it('throttles at the account limit shared by unreserved functions', () => {
    const { engine, fn } = harness({
      accountLimit: 100,
      setAside: 60,
      arrivals: steps([{ At: 0, Rate: 100 }, { At: 1000, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 5000 },
      durationMs: 20_000,
    });
    engine.run();
    expect(fn.counters.peakConcurrency).toBe(40);
    expect(fn.counters.throttles).toBe(60);
  });

  it('adds at most 1,000 environments per 10 seconds under a step of load', () => {
    // 3,000 requests a second of 10 s each would need 30,000 environments at once.
    const { engine, fn } = harness({
      accountLimit: 100_000,
      arrivals: steps([{ At: 0, Rate: 3000 }]),
      duration: { Dist: 'constant', Value: 10_000 },
      durationMs: 30_000,
    });
    engine.runUntil(10_000);
    expect(fn.counters.environmentsCreated).toBeGreaterThanOrEqual(1000 + 95 * 10 - 100);
    expect(fn.counters.environmentsCreated).toBeLessThanOrEqual(1000 + 100 * 10);
    engine.run();
    expect(fn.counters.environmentsCreated).toBeLessThanOrEqual(1000 + 100 * 30);
    expect(fn.counters.throttles).toBeGreaterThan(0);
  });

  it('serves from provisioned environments without cold starts and spills over on demand', () => {
    const { engine, fn } = harness({
      config: { provisioned: 3 },
      arrivals: steps([{ At: 0, Rate: 2 }, { At: 10_000, Rate: 8 }]),
      duration: { Dist: 'constant', Value: 1000 },
      durationMs: 20_000,
    });
    engine.runUntil(10_000);
    expect(fn.counters.coldStarts).toBe(0);
    engine.run();
    expect(fn.counters.coldStarts).toBeGreaterThan(0);
    expect(fn.meter.usage.provisionedDurationMbMs).toBeGreaterThan(0);
    expect(fn.meter.usage.durationMbMs).toBeGreaterThan(0);
  });

  it('retries throttled async events with backoff and drops them at the maximum event age', () => {
    const { engine, fn } = harness({
      async: true,
      config: { reserved: 0, maxEventAgeMs: 60_000 },
      arrivals: steps([{ At: 0, Rate: 1 }, { At: 5000, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 100 },
      durationMs: 600_000,
    });
    engine.run();
    const c = fn.counters;
    expect(c.arrived).toBe(5);
    expect(c.asyncDropped).toBe(5);
    expect(c.failed).toBe(5);
    // Backoff 1, 2, 4, 8, 16 s then 32 s would pass 60 s of age: 6 attempts each.
    expect(c.asyncThrottleRetries).toBe(5 * 6);
    expect(fn.queued()).toBe(0);
  });

  it('retries a timed-out async event twice, one and then two minutes later', () => {
    const { engine, fn } = harness({
      async: true,
      config: { timeoutMs: 1000 },
      arrivals: steps([{ At: 0, Rate: 1 }, { At: 1000, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 5000 },
      durationMs: 600_000,
    });
    engine.run();
    const c = fn.counters;
    expect(c.invocations).toBe(3);
    expect(c.timeouts).toBe(3);
    expect(c.asyncErrorRetries).toBe(2);
    expect(c.asyncDropped).toBe(1);
  });

  it('fails a synchronous request that runs past Timeout and bills it to the timeout', () => {
    const { engine, fn } = harness({
      config: { timeoutMs: 1000, initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: steps([{ At: 0, Rate: 1 }, { At: 1000, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 5000 },
      durationMs: 20_000,
    });
    engine.run();
    expect(fn.counters.failed).toBe(1);
    expect(fn.meter.usage.durationMbMs).toBe(1000 * 1024);
  });

  it('continues identically after checkpoint and restore', () => {
    const build = () =>
      harness({
        async: true,
        config: { reserved: 20, idleLifetimeMs: 30_000 },
        arrivals: { Pattern: 'spike', Base: 5, Peak: 60, At: 60_000, RampUp: 10_000, Hold: 30_000, RampDown: 10_000, Process: 'poisson' },
        duration: { Dist: 'exponential', Mean: 400 },
        durationMs: 300_000,
        seed: 4,
      });
    const whole = build();
    whole.engine.run();
    const part = build();
    part.engine.runUntil(80_500);
    const cp = JSON.parse(JSON.stringify(part.engine.checkpoint()));
    const resumed = build();
    resumed.engine.restore(cp);
    resumed.engine.run();
    expect(resumed.fn.counters).toEqual(whole.fn.counters);
    expect(resumed.latency.h.percentile(99)).toBe(whole.latency.h.percentile(99));
  });
});

describe('Lambda against queueing theory', () => {
  it('has average concurrency λ × mean duration (Little’s law)', () => {
    // λ = 40/s, E[D] = 250 ms: L = 10.
    const { engine, fn } = harness({
      config: { initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: { Pattern: 'constant', Rate: 40, Process: 'poisson' },
      duration: { Dist: 'exponential', Mean: 250 },
      durationMs: 3_600_000,
      seed: 9,
    });
    engine.run();
    const L = fn.counters.busyMs / 3_600_000;
    expect(L).toBeGreaterThan(9.8);
    expect(L).toBeLessThan(10.2);
  });

  it('cold-starts at low rates with the chance that the gap since the last request ended exceeds the idle lifetime', () => {
    // λ = 1/300 s, lifetime 5 min, short requests: P(cold) ≈ P(gap > 300 s) = e^(−1) ≈ 0.368.
    const { engine, fn } = harness({
      config: { idleLifetimeMs: 300_000, initDuration: { Dist: 'constant', Value: 10 } },
      arrivals: { Pattern: 'constant', Rate: 1 / 300, Process: 'poisson' },
      duration: { Dist: 'constant', Value: 50 },
      durationMs: 3_000 * 300_000,
      tickMs: 60_000,
      seed: 2,
    });
    engine.run();
    const share = fn.counters.coldStarts / fn.counters.invocations;
    // ~3,000 requests: standard error √(p(1−p)/n) ≈ 0.009.
    expect(Math.abs(share - Math.exp(-1))).toBeLessThan(0.03);
  });
});

describe('several workloads aimed at one function', () => {
  it('invokes their requests in time order, not batch after batch', () => {
    const { engine, fn } = harness({
      config: { initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: steps([{ At: 0, Rate: 0 }]),
      duration: { Dist: 'constant', Value: 300 },
      durationMs: 2000,
    });
    const work = (ms: number) => ({ CpuMs: undefined, DurationMs: Float64Array.of(ms) });
    // The first workload's request arrives at 900 ms, the second's at 100 ms: the one at 100 ms ends
    // at 400 ms, so the one at 900 ms finds its environment idle. In delivery order it would need two.
    fn.deliver({ count: 1, offsetsMs: Float64Array.of(900), work: work(300), tickStartMs: 0, tickMs: 1000 }, false);
    fn.deliver({ count: 1, offsetsMs: Float64Array.of(100), work: work(300), tickStartMs: 0, tickMs: 1000 }, false);
    engine.run();
    expect(fn.counters.invocations).toBe(2);
    expect(fn.counters.environmentsCreated).toBe(1);
    expect(fn.counters.served).toBe(2);
  });
});
