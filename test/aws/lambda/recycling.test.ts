/**
 * Recycling at MaxLifetime (Lambda DG: environments are terminated "every few hours ... even for
 * functions that are invoked continuously"), checked by hand and against a reference model.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine';
import { toJson } from '../../../src/report';
import { loadScenarioText } from '../../../src/scenario';
import { buildReport, Simulation } from '../../../src/sim';
import { feed, harness } from './harness';

const everySecond = { Pattern: 'constant' as const, Rate: 1, Process: 'exact' as const };

describe('MaxLifetime', () => {
  it('recycles an environment that reached it while idle, so the next request is cold', () => {
    // Requests at 0.5 s, 1.5 s, …, 100 ms each: one environment serves them all until it is 60 s old.
    const { engine, fn } = harness({
      config: { maxLifetimeMs: 60_000, initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: everySecond,
      duration: { Dist: 'constant', Value: 100 },
      durationMs: 300_000,
    });
    engine.run();
    const c = fn.counters;
    // Created at 0.5, 60.5, 120.5, 180.5 and 240.5 s; the first four recycled at exactly 60 s of age.
    expect(c.coldStarts).toBe(5);
    expect(c.environmentsRecycled).toBe(4);
    expect(c.environmentMs).toBe(4 * 60_000 + (300_000 - 240_500));
  });

  it('lets a busy environment finish its request, then recycles it', () => {
    // Always busy (1 s requests every second); 60.2 s of age falls inside the request of 60.5–61.5 s.
    const { engine, fn } = harness({
      config: { maxLifetimeMs: 60_200, initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: everySecond,
      duration: { Dist: 'constant', Value: 1000 },
      durationMs: 200_000,
    });
    engine.run();
    const c = fn.counters;
    // Environments start at 0.5, 61.5 and 122.5 s (each request arriving as the old one is shut down) and 183.5 s.
    expect(c.coldStarts).toBe(4);
    expect(c.environmentsRecycled).toBe(3);
    expect(c.environmentMs).toBe(3 * 61_000 + (200_000 - 183_500));
    // Nothing is lost to the recycling: only the request still running at the end is not served.
    expect(c.served).toBe(c.arrived - 1);
    expect(c.throttles + c.failed).toBe(0);
  });

  it('never recycles without a MaxLifetime', () => {
    const { engine, fn } = harness({ arrivals: everySecond, duration: { Dist: 'constant', Value: 100 }, durationMs: 7_200_000 });
    engine.run();
    expect(fn.counters.coldStarts).toBe(1);
    expect(fn.counters.environmentsRecycled).toBe(0);
  });

  it('does not recycle provisioned environments', () => {
    const { engine, fn } = harness({
      config: { maxLifetimeMs: 60_000, provisioned: 1 },
      arrivals: everySecond,
      duration: { Dist: 'constant', Value: 100 },
      durationMs: 300_000,
    });
    engine.run();
    expect(fn.counters.coldStarts).toBe(0);
    expect(fn.counters.environmentsRecycled).toBe(0);
  });
});

describe('MaxLifetime bookkeeping', () => {
  const quiet = { Pattern: 'constant' as const, Rate: 0, Process: 'exact' as const };

  it('does not recycle a reused row on its earlier environment’s schedule', () => {
    // A at 0.5 s, reaped idle at 10 min 0.6 s; its row goes to B (created at 20 min), which must live
    // its own 60 minutes (to 80 min), not A's (to 60 min).
    const h = harness({
      config: { maxLifetimeMs: 3_600_000, idleLifetimeMs: 600_000, initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: quiet,
      duration: { Dist: 'constant', Value: 1 },
      durationMs: 90 * 60_000,
    });
    feed(h, [500, ...Array.from({ length: 14 }, (_, i) => 20 * 60_000 + 500 + i * 300_000)], 100);
    h.engine.run();
    expect(h.fn.counters.coldStarts).toBe(3); // at 0.5 s, at 20 min (A was reaped), at 80 min 0.5 s (B recycled)
    expect(h.fn.counters.environmentsRecycled).toBe(1);
  });

  it('recycles every environment of a burst larger than its queue compacts at, and resumes identically from a checkpoint', () => {
    const n = 2000;
    const make = () => {
      const h = harness({
        config: { maxLifetimeMs: 60_000, initDuration: { Dist: 'constant', Value: 0 }, scalingPer10s: 100_000 },
        arrivals: quiet,
        duration: { Dist: 'constant', Value: 1 },
        durationMs: 900_000,
        accountLimit: 10_000,
      });
      feed(
        h,
        Array.from({ length: n }, (_, i) => i * (900 / n)),
        10_000,
      );
      return h;
    };
    const whole = make();
    whole.engine.run();
    const c = whole.fn.counters;
    expect(c.environmentsCreated).toBe(n);
    expect(c.environmentsRecycled).toBe(n);
    expect(c.environmentMs).toBeCloseTo(n * 60_000, 3);
    // Checkpoint in the middle of the recycling (60.0–60.9 s), past the first compaction.
    const first = make();
    first.engine.runUntil(60_600);
    const cp = JSON.parse(JSON.stringify(first.engine.checkpoint()));
    const resumed = make();
    resumed.engine.restore(cp);
    resumed.engine.run();
    expect(resumed.fn.counters).toEqual(c);
  });

  it('keeps recycled environments’ rows out of use across a checkpoint', () => {
    // Two environments (A at 0, B at 0.5 s, both idle from 1.5 s) are recycled at 30 s and 30.5 s
    // while idle: their rows stay in the idle ring, stale. A checkpoint then; the request at 40 s is cold.
    const make = () => {
      const h = harness({
        config: { maxLifetimeMs: 30_000, initDuration: { Dist: 'constant', Value: 0 } },
        arrivals: quiet,
        duration: { Dist: 'constant', Value: 1 },
        durationMs: 60_000,
      });
      feed(h, [0, 500, 40_000], 1000);
      return h;
    };
    const whole = make();
    whole.engine.run();
    expect(whole.fn.counters.coldStarts).toBe(3);
    expect(whole.fn.counters.environmentsRecycled).toBe(2);
    const first = make();
    first.engine.runUntil(35_000);
    const resumed = make();
    resumed.engine.restore(JSON.parse(JSON.stringify(first.engine.checkpoint())));
    resumed.engine.run();
    expect(resumed.fn.counters).toEqual(whole.fn.counters);
  });

  it('closes a recycled environment’s database connections, idle or busy', () => {
    let open = 0;
    const db = {
      lastInstance: 0,
      submit: () => ({ latencyMs: 5, timedOut: false }),
      openConnections: (_t: number, count: number) => {
        open += count;
        return count;
      },
      closeConnections: (_t: number, count: number) => {
        open -= count;
      },
    };
    for (const workMs of [100, 1000]) {
      open = 0;
      const h = harness({
        config: { maxLifetimeMs: 60_200, initDuration: { Dist: 'constant', Value: 0 } },
        arrivals: everySecond,
        duration: { Dist: 'constant', Value: workMs },
        durationMs: 300_000,
      });
      h.fn.attachDatabase(db, 3);
      h.engine.run();
      expect(h.fn.counters.environmentsRecycled).toBeGreaterThanOrEqual(4);
      expect(open).toBe(3 * h.fn.environments);
    }
  });

  it('recycles an environment due at the same time as an async retry before the retry runs', () => {
    // An event that times out at 0.5 s + 1 s is retried 1 minute later, at 61.5 s, exactly when its
    // environment (created at 0.5 s) reaches MaxLifetime 61 s: the retry starts cold, like a request would.
    const h = harness({
      config: { maxLifetimeMs: 61_000, timeoutMs: 1000, initDuration: { Dist: 'constant', Value: 0 } },
      arrivals: quiet,
      duration: { Dist: 'constant', Value: 1 },
      durationMs: 200_000,
      async: true,
    });
    feed(h, [500], 5000, true);
    h.engine.run();
    const c = h.fn.counters;
    expect(c.invocations).toBe(3); // the first attempt and two retries, all timing out
    // A (0.5 s) recycled at 61.5 s, so the first retry starts B, which is recycled idle at 122.5 s;
    // the second retry (182.5 s) starts C. Were the retry served first, A would take it warm (2 and 1).
    expect(c.coldStarts).toBe(3);
    expect(c.environmentsRecycled).toBe(2);
  });
});

/**
 * A direct model of environments with idle lifetimes and a maximum lifetime: a linear scan per
 * event. An environment idle for `idleMs` draws its own lifetime between `idleMs` and `spareMs`
 * (from the end of its request) from `draw` (the model's stream, in the same order); once nothing
 * has run for `idleMs`, every idle environment goes.
 */
function reference(
  arrivals: { t: number; d: number }[],
  o: { idleMs: number; spareMs?: number; draw?: () => number; maxMs: number; initMs: number; mostRecent: boolean; endMs: number },
) {
  interface Env {
    created: number;
    busyUntil: number; // NaN when idle
    idleSince: number;
    reapAt: number;
  }
  const spareMs = o.spareMs ?? o.idleMs;
  const envs = new Set<Env>();
  let cold = 0;
  let recycled = 0;
  let envMs = 0;
  let allIdleSince = 0;
  const die = (e: Env, at: number) => {
    envs.delete(e);
    envMs += at - e.created;
  };
  const settle = (until: number) => {
    for (;;) {
      // The earliest due event: a completion (0), an idle environment reaching idleMs and drawing
      // its lifetime (0.5), its own reap (1), the function idle for idleMs (2), an idle
      // environment's recycle (3): that order at equal times.
      let best: Env | undefined;
      let bestT = Number.POSITIVE_INFINITY;
      let kind = 0;
      let busy = 0;
      for (const e of envs) {
        const idle = Number.isNaN(e.busyUntil);
        if (!idle) busy++;
        const cands: [number, number][] = idle
          ? [
              Number.isNaN(e.reapAt) ? [e.idleSince + o.idleMs, 0.5] : [e.reapAt, 1],
              [e.created + o.maxMs, 3],
            ]
          : [[e.busyUntil, 0]];
        for (const [t, k] of cands) {
          if (t < bestT || (t === bestT && k < kind)) {
            bestT = t;
            best = e;
            kind = k;
          }
        }
      }
      if (busy === 0 && envs.size > 0) {
        const t = allIdleSince + o.idleMs;
        if (t < bestT || (t === bestT && 2 < kind)) {
          bestT = t;
          kind = 2;
        }
      }
      if (best === undefined || bestT > until) return;
      if (kind === 0) {
        best.busyUntil = Number.NaN;
        best.idleSince = bestT;
        if (busy === 1) allIdleSince = bestT;
        best.reapAt = Number.NaN;
        if (bestT >= best.created + o.maxMs) {
          recycled++;
          die(best, bestT);
        }
      } else if (kind === 0.5) {
        best.reapAt = best.idleSince + o.idleMs + (spareMs > o.idleMs ? (spareMs - o.idleMs) * o.draw!() : 0);
      } else if (kind === 2) {
        for (const e of [...envs]) die(e, bestT);
      } else {
        if (kind === 3) recycled++;
        die(best, bestT);
      }
    }
  };
  for (const a of arrivals) {
    settle(a.t);
    let pick: Env | undefined;
    for (const e of envs) {
      if (!Number.isNaN(e.busyUntil)) continue;
      if (pick === undefined || (o.mostRecent ? e.idleSince > pick.idleSince : e.idleSince < pick.idleSince)) pick = e;
    }
    if (pick !== undefined) pick.busyUntil = a.t + a.d;
    else {
      cold++;
      envs.add({ created: a.t, busyUntil: a.t + o.initMs + a.d, idleSince: Number.NaN, reapAt: Number.NaN });
    }
  }
  settle(o.endMs);
  for (const e of envs) envMs += o.endMs - e.created;
  return { cold, recycled, envMs };
}

describe('environments against a reference model', () => {
  test.prop(
    [
      fc.array(fc.record({ gap: fc.double({ min: 1, max: 40_000, noNaN: true }), d: fc.double({ min: 1, max: 30_000, noNaN: true }) }), {
        minLength: 1,
        maxLength: 400,
      }),
      fc.integer({ min: 5_000, max: 120_000 }),
      fc.integer({ min: 10_000, max: 600_000 }),
      fc.boolean(),
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200_000 })),
    ],
    { numRuns: 80 },
  )('cold starts, recycles and environment time match exactly', (reqs, idleMs, maxMs, mostRecent, spareExtraMs) => {
    // Real-valued times: two environments never become idle at the same instant, where which one
    // the next request takes is left open (the model takes the one freed last in its own order).
    const tickMs = 1000;
    const arrivals: { t: number; d: number }[] = [];
    let t = 0;
    for (const r of reqs) {
      t += r.gap;
      arrivals.push({ t, d: r.d });
    }
    const endMs = Math.ceil((t + 1) / tickMs) * tickMs + 60 * tickMs;
    const initMs = 250;
    const { engine, fn } = harness({
      config: {
        idleLifetimeMs: idleMs,
        spareIdleLifetimeMs: idleMs + spareExtraMs,
        maxLifetimeMs: maxMs,
        idleSelection: mostRecent ? 'most-recent' : 'least-recent',
        initDuration: { Dist: 'constant', Value: initMs },
      },
      arrivals: { Pattern: 'constant', Rate: 0, Process: 'exact' },
      duration: { Dist: 'constant', Value: 1 },
      durationMs: endMs,
      tickMs,
    });
    feed({ engine, fn }, arrivals.map((a) => a.t), (i) => arrivals[i]!.d);
    engine.run();
    // The same draws as the model's (the harness's engine has seed 1).
    const stream = new RandomStreams(1).stream('lambda:Fn:idle');
    const want = reference(arrivals, { idleMs, spareMs: idleMs + spareExtraMs, draw: () => stream.next(), maxMs, initMs, mostRecent, endMs });
    const c = fn.counters;
    expect({ cold: c.coldStarts, recycled: c.environmentsRecycled, invocations: c.invocations }).toEqual({ cold: want.cold, recycled: want.recycled, invocations: arrivals.length });
    expect(c.environmentMs).toBeCloseTo(want.envMs, 3);
  });
});

describe('MaxLifetime through a scenario', () => {
  const text = (extra: string) => `
Name: recycle
Seed: 4
Duration: 3h
Transform: AWS::Serverless-2016-10-31
${extra}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 300 } } }
    Properties: { Runtime: nodejs22.x, Handler: index.handler, CodeUri: src/, MemorySize: 512, Timeout: 10 }
Workload:
  - Name: calls
    Target: Fn
    Arrivals: { Pattern: constant, Rate: 20 }
    Work: { DurationMs: { Dist: lognormal, Mean: 100, P99: 400 } }
`;

  it('reports environmentsRecycled unless MaxLifetime is never, and cold starts every MaxLifetime on a steady load', () => {
    const plain = new Simulation(loadScenarioText(text('Settings: { Lambda: { DefaultMaxLifetime: never } }'), 'r.yaml'));
    plain.run();
    const withMax = new Simulation(loadScenarioText(text('Settings: { Lambda: { DefaultMaxLifetime: 1h } }'), 'r.yaml'));
    withMax.run();
    const a = plain.report().resources['Fn']!;
    const b = withMax.report().resources['Fn']!;
    expect(a['environmentsRecycled']).toBeUndefined();
    const recycled = b['environmentsRecycled'] as number;
    // Every environment of the opening burst is recycled at least once in 3 h, and most of them are
    // needed again (a cold start); the rarely used ones at the top of the pool may not be.
    expect(recycled).toBeGreaterThanOrEqual(a['environmentsCreated'] as number);
    expect((b['coldStarts'] as number) - (a['coldStarts'] as number)).toBeGreaterThan(recycled / 2);
  });

  it('resumes from a checkpoint taken between recycles to the identical report', () => {
    const s = loadScenarioText(text('Settings: { Lambda: { DefaultMaxLifetime: 25m } }'), 'r.yaml');
    const whole = new Simulation(s, { series: true });
    whole.run();
    const expected = toJson(buildReport(s, [whole.report()], []));
    const first = new Simulation(s, { series: true });
    first.engine.runUntil(47 * 60_000 + 300);
    const cp = JSON.parse(JSON.stringify(first.checkpoint()));
    const resumed = new Simulation(s, { series: true });
    resumed.restore(cp);
    resumed.run();
    expect(toJson(buildReport(s, [resumed.report()], []))).toBe(expected);
  });
});
