/**
 * The app's engine side without a browser: what-if knobs become a validated variant, the link
 * round-trips its state, a live run ends on the CLI's numbers, and a seek back through a
 * checkpoint lands on the same numbers as a straight run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { Simulation } from '../../src/sim';
import { IntervalLatency } from '../../src/ui/intervalLatency';
import { decodeKnobs, encodeKnobs, KNOB_VARIANT, withKnobVariant } from '../../src/ui/knobs';
import { openRun } from '../../src/ui/liveRun';
import { launchReason, resourceRows } from '../../src/ui/format';
import { concurrencyBar } from '../../src/ui/lambdaBar';
import { INST_STRIDE, KIND_FARGATE_SPOT, TASK_STRIDE } from '../../src/ui/protocol';
import { IS, TS } from '../../src/aws/ecs';
import { parseHash, stateToHash } from '../../src/ui/urlState';
import { ROOT } from './harness';

const scenario = (name: string) => readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8');

describe('what-if knobs', () => {
  test('the knob variant keeps CloudFormation tags and the chosen variant, and a knob wins on its path', () => {
    const text = withKnobVariant(scenario('flash-sale'), 'fargate', { 'Instances.Properties.MaxSize': '12' });
    expect(text).toContain('!Ref LaunchTemplate');
    const s = loadScenarioText(text, 'flash-sale.yaml', { variant: KNOB_VARIANT });
    expect(s.Resources.Instances!.Properties.MaxSize).toBe(12);
    // From the fargate variant.
    expect(s.Resources.Instances!.Properties.DesiredCapacity).toBe(0);
  });

  test('an invalid knob value comes back as issues located in the knob variant', () => {
    const r = openRun({ text: scenario('lambda-api'), file: 'lambda-api.yaml', variant: 'base', knobs: { lambdaMemory: 50 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.knobsCaused).toBe(true);
    expect(r.issues[0]!.path).toBe(`Variants.${KNOB_VARIANT}.OrdersFunction.Properties.MemorySize`);
  });

  test('the recycle knob sets every function’s MaxLifetime, and recycling is captioned', () => {
    const r = openRun({ text: scenario('lambda-api'), file: 'f.yaml', variant: 'base', knobs: { lambdaRecycleHours: 0.25 } });
    if (!r.ok) throw new Error('did not open');
    const run = r.run;
    const model = run.sim.functions.get('OrdersFunction')!.model;
    expect(model.config.maxLifetimeMs).toBe(900_000);
    // A value out of range comes back located in the knob variant, not as a crash.
    const bad = openRun({ text: scenario('lambda-api'), file: 'f.yaml', variant: 'base', knobs: { lambdaRecycleHours: -1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toBe(`Variants.${KNOB_VARIANT}.OrdersFunction.Metadata.clustersim.MaxLifetime`);
    // 0 switches recycling off.
    const off = openRun({ text: scenario('lambda-api'), file: 'f.yaml', variant: 'base', knobs: { lambdaRecycleHours: 0 } });
    if (!off.ok) throw new Error('did not open');
    expect(off.run.sim.functions.get('OrdersFunction')!.model.config.maxLifetimeMs).toBe(Number.POSITIVE_INFINITY);
    const texts: string[] = [];
    while (run.nowMs < 20 * 60_000) {
      run.step();
      for (const c of run.takeCaptions()) texts.push(c.text);
    }
    expect(model.counters.environmentsRecycled).toBeGreaterThan(0);
    // Recycling starts at 15 minutes; captions at most once a minute.
    const n = texts.filter((t) => t.startsWith('Recycled: ')).length;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(6);
    expect(texts.find((t) => t.startsWith('Recycled: '))).toMatch(/^Recycled: \d+ environments? of OrdersFunction lived 15 min \(MaxLifetime\)/);
    // Captions at most once a minute, but every recycle is in one of them.
    const counted = texts.filter((t) => t.startsWith('Recycled: ')).reduce((a, t) => a + Number(/^Recycled: (\d+)/.exec(t)![1]), 0);
    expect(counted).toBeLessThanOrEqual(model.counters.environmentsRecycled);
    expect(counted).toBeGreaterThan(0.8 * model.counters.environmentsRecycled);
    // Without the knob, nothing is recycled.
    const plain = openRun({ text: scenario('lambda-api'), file: 'f.yaml', variant: 'base', knobs: {} });
    if (!plain.ok) throw new Error('did not open');
    plain.run.runTo(20 * 60_000);
    expect(plain.run.sim.functions.get('OrdersFunction')!.model.counters.environmentsRecycled).toBe(0);
  });

  test('the load multiplier scales arrivals', () => {
    const at = (load: number) => {
      const r = openRun({ text: scenario('fargate-web'), file: 'f.yaml', variant: 'base', knobs: { load } });
      if (!r.ok) throw new Error('did not open');
      r.run.runTo(600_000);
      return r.run.frame().requests.arrived;
    };
    const one = at(1);
    const two = at(2);
    expect(two / one).toBeGreaterThan(1.9);
    expect(two / one).toBeLessThan(2.1);
  });

  test('knobs and the link state round-trip', () => {
    const knobs = { load: 1.5, launch: 'FARGATE_SPOT' as const, instanceType: 'm5.xlarge', cpTarget: 70, lambdaMemory: 512, provisioned: 0, lambdaRecycleHours: 2 };
    expect(decodeKnobs(encodeKnobs(knobs))).toEqual(knobs);
    const state = { scenario: 'file:my.yaml', variant: 'v2', seed: 9, knobs, tMs: 123_000, speed: 3600, classroom: true, compare: 'base' };
    const parsed = parseHash(stateToHash(state, 'Name: é ✓\n'));
    expect(parsed.state).toEqual(state);
    expect(parsed.text).toBe('Name: é ✓\n');
  });
});

describe('a live run', () => {
  // Every bundled scenario (trace-driven ones excepted: none is bundled), some with a shorter
  // Duration to keep the suite quick. queue-worker's OrderWorker is fed by an SQS event source
  // mapping, so the meter must price functions by invocations, not by requests that arrived.
  // aurora-nightly-pause: two days of an Aurora database that pauses every night and resumes every morning.
  const cases: [name: string, variant: string, seed: number, duration?: string][] = [
    ['flash-sale', 'fargate-spot', 4],
    ['flash-sale', 'base', 2, '65m'],
    ['aurora-nightly-pause', 'base', 8],
    ['aurora-lambda-burst', 'base', 5, '12m'],
    ['aurora-web', 'base', 6, '1h'],
    ['queue-worker', 'base', 7, '20m'],
    ['lambda-api', 'base', 3, '15m'],
    ['lambda-vs-fargate', 'base', 9, '15m'],
    ['fargate-web', 'base', 1, '30m'],
    ['steady-web', 'base', 1, '15m'],
    ['diurnal-web', 'base', 1, '1h'],
  ];
  for (const [name, variant, seed, duration] of cases) {
    test(`ends on the report the CLI builds for the same scenario, seed and variant (${name}, ${variant}${duration ? `, ${duration}` : ''})`, () => {
      let text = scenario(name);
      if (duration !== undefined) {
        expect(text).toMatch(/^Duration: .+$/m);
        text = text.replace(/^Duration: .+$/m, `Duration: ${duration}`);
      }
      const r = openRun({ text, file: `scenarios/${name}.yaml`, variant, seed, knobs: {} });
      if (!r.ok) throw new Error(`did not open: ${JSON.stringify(r.issues)}`);
      while (!r.run.done) r.run.step();
      const s = loadScenarioText(text, `scenarios/${name}.yaml`, { variant });
      s.Seed = seed;
      const sim = new Simulation(s);
      sim.run();
      const report = sim.report();
      const cli = report.totals;
      const live = r.run.frame();
      expect(live.report?.totalCostUsd).toBe(cli.costUsd);
      expect(live.requests.served).toBe(cli.requests.served);
      // The running meter tracks the bill closely (it leaves out per-second rounding, minimums and the free tier).
      expect(cli.costUsd).toBeGreaterThan(0);
      expect(Math.abs(live.cost.totalUsd - cli.costUsd) / cli.costUsd).toBeLessThan(0.01);
      // Every resource the report bills is on the meter, within a cent or 1 %.
      for (const [id, res] of Object.entries(report.resources)) {
        if (res.costUsd < 0.01) continue;
        const meter = live.cost.byResource[id] ?? 0;
        expect(Math.abs(meter - res.costUsd), `${id}: meter ${meter}, report ${res.costUsd}`).toBeLessThan(Math.max(0.01, res.costUsd * 0.01));
      }
      // Each database's meter ends on the report's cost for it.
      r.run.meta.databases.forEach((db, d) => {
        expect(live.cost.databases[d]!.usd).toBeCloseTo(report.resources[db.id]!.costUsd, 9);
      });
      expect(live.cost.databases.length).toBe(name.startsWith('aurora') ? 1 : 0);
    });
  }

  test('seeking back restores a checkpoint and lands on the numbers of a straight run', () => {
    const open = () => {
      const r = openRun({ text: scenario('flash-sale'), file: 'f.yaml', variant: 'base', knobs: {} });
      if (!r.ok) throw new Error('did not open');
      return r.run;
    };
    const straight = open();
    straight.runTo(4_000_000);
    const a = straight.frame();
    const scrubbed = open();
    scrubbed.runTo(6_000_000);
    scrubbed.seek(4_000_000);
    const b = scrubbed.frame();
    expect(b.nowMs).toBe(4_000_000);
    expect(b.cost.totalUsd).toBe(a.cost.totalUsd);
    expect(b.requests).toEqual(a.requests);
    expect([...b.tasks]).toEqual([...a.tasks]);
    expect(scrubbed.samplesFrom(0)).toEqual(straight.samplesFrom(0));
    // A long replay reports its progress (the worker shows "replaying to …" from it).
    const seen: number[] = [];
    scrubbed.seek(6_000_000, (t) => seen.push(t));
    expect(scrubbed.nowMs).toBe(6_000_000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]).toBeGreaterThan(4_000_000);
    expect(seen.at(-1)).toBeLessThan(6_000_000);
    expect(seen.every((t, i) => i === 0 || t > seen[i - 1]!)).toBe(true);
  });
});

describe('Spot interruptions', () => {
  /** flash-sale's `variant` with a spot-interruption fault at 10 minutes on `target`. */
  const withFault = (variant: string, target: string, count: number) => {
    const text = scenario('flash-sale').replace(`  ${variant}:\n`, `  ${variant}:\n    Faults: [{ At: 10m, Kind: spot-interruption, Target: ${target}, Count: ${count} }]\n`);
    const r = openRun({ text, file: 'f.yaml', variant, knobs: {} });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.run;
  };
  /** Steps to 10 minutes; returns the pausing count and captions of the tick that reaches it. */
  const stepToFault = (run: ReturnType<typeof withFault>) => {
    run.runTo(600_000 - run.scenario.TickMs);
    run.takeCaptions();
    const pausing = run.step();
    return { pausing, captions: run.takeCaptions() };
  };

  test('Fargate Spot tasks reclaimed are captioned, stop a run with Pause on event, and are marked for a while', () => {
    const run = withFault('fargate-spot', 'ApiService', 2);
    const { pausing, captions } = stepToFault(run);
    expect(pausing).toBeGreaterThan(0);
    expect(captions.at(-1)).toMatchObject({ kind: 'fault', text: "Spot interruption: 2 Fargate Spot tasks of ApiService reclaimed with 2 minutes' notice; replacing them" });
    const f = run.frame();
    expect(f.spotInterrupted!.tasks).toHaveLength(2);
    for (const id of f.spotInterrupted!.tasks) {
      const k = [...Array(f.tasks.length / TASK_STRIDE).keys()].find((k) => f.tasks[k * TASK_STRIDE] === id);
      expect(k).toBeGreaterThanOrEqual(0); // the reclaimed task is in the frame
      expect(f.tasks[k! * TASK_STRIDE + 4]).toBe(KIND_FARGATE_SPOT);
    }
    run.runTo(600_000 + 6 * 60_000);
    expect(run.frame().spotInterrupted!.tasks).toHaveLength(0);
    // The marks are part of the run's state: a seek back to the fault shows them again.
    run.seek(600_000);
    expect(run.frame().spotInterrupted!.tasks).toEqual(f.spotInterrupted!.tasks);
  });

  test('a Spot instance given its notice is captioned and marked while it drains', () => {
    const run = withFault('ec2-spot-mix', 'Instances', 1);
    const { pausing, captions } = stepToFault(run);
    expect(pausing).toBeGreaterThan(0);
    expect(captions.at(-1)!.text).toMatch(
      /^Spot interruption: 1 Spot instance of Instances \(m\d\w*\.large in us-east-1\w\) gets 2 minutes' notice before it is reclaimed; draining its tasks, which are replaced elsewhere$/,
    );
    const f = run.frame();
    expect(f.spotInterrupted!.instances).toHaveLength(1);
    const o = [...Array(f.instances.length / INST_STRIDE).keys()].find((i) => f.instances[i * INST_STRIDE] === f.spotInterrupted!.instances[0])! * INST_STRIDE;
    expect(f.instances[o + 7]).toBe(1);
    expect(f.instances[o + 2]).toBe(IS.DRAINING);
  });
});

describe('cost breakdown: $/h now by resource', () => {
  const rates = (name: string, variant: string, atMs: number) => {
    const r = openRun({ text: scenario(name), file: 'f.yaml', variant, knobs: {} });
    if (!r.ok) throw new Error('did not open');
    r.run.runTo(atMs);
    return { f: r.run.frame(), meta: r.run.meta };
  };

  test("each resource has its $/h, and they add up to the meter's $/h now", () => {
    for (const [name, variant, atMs] of [
      ['flash-sale', 'fargate-spot', 3_900_000],
      ['flash-sale', 'ec2-spot-mix', 3_900_000],
      ['lambda-api', 'base', 1_800_000],
      ['aurora-lambda-burst', 'base', 660_000],
    ] as const) {
      const { f } = rates(name, variant, atMs);
      const byRes = f.cost.rateByResource!;
      const sum = Object.values(byRes).reduce((a, b) => a + b, 0);
      const k = f.cost.rateByKind;
      const total = k.fargate + k.fargateSpot + k.ec2 + k.ec2Spot + k.metered + k.aurora;
      expect(total, `${name}/${variant}`).toBeGreaterThan(0);
      expect(sum, `${name}/${variant}`).toBeCloseTo(total, 9);
      // The breakdown's "now" column shows them.
      const html = resourceRows(f.cost.byResource, byRes);
      for (const [id, usdPerHour] of Object.entries(byRes)) if (usdPerHour > 0) expect(html).toContain(`<td>${id}</td>`);
      expect(html).not.toMatch(/<td><\/td><\/tr>/);
    }
    // A Fargate service's rate is its billed tasks at the task's hourly prices.
    const { f, meta } = rates('flash-sale', 'fargate-spot', 3_900_000);
    const svc = meta.services[0]!;
    let od = 0;
    let spot = 0;
    for (let o = 0; o < f.tasks.length; o += TASK_STRIDE) if (f.tasks[o + 3] === TS.RUNNING) f.tasks[o + 4] === KIND_FARGATE_SPOT ? spot++ : od++;
    expect(f.cost.rateByResource![svc.id]).toBeCloseTo(od * svc.hourlyUsd + spot * svc.hourlySpotUsd, 6);
  });
});

describe('interval latency', () => {
  test('percentiles fall within one 5 % bucket of the exact value', () => {
    const h = new IntervalLatency();
    for (let i = 1; i <= 1000; i++) h.record(i);
    for (const [p, exact] of [
      [50, 500],
      [95, 950],
      [99, 990],
    ] as const) {
      expect(h.percentile(p)).toBeGreaterThanOrEqual(exact);
      expect(h.percentile(p)).toBeLessThan(exact * 1.05);
    }
    expect(h.meanMs).toBeCloseTo(500.5, 6);
    h.reset();
    expect(h.percentile(50)).toBeNaN();
  });
});

describe('hover: why it is there', () => {
  test("an instance's tooltip names the cluster scale-out that launched it, or the start", () => {
    const r = openRun({ text: scenario('flash-sale'), file: 'f.yaml', variant: 'base', knobs: {} });
    if (!r.ok) throw new Error('did not open');
    r.run.runTo(3_900_000);
    const f = r.run.frame();
    const asgs = r.run.meta.asgs;
    const whys = f.instanceLaunchedMs!.map((ms, i) => launchReason(asgs[f.instances[i * INST_STRIDE + 8]!]!.id, ms, f.launchReasons!));
    expect(whys.length).toBe(f.instances.length / INST_STRIDE);
    expect(whys).toContain("launched at start: Instances's desired capacity");
    const scaled = whys.filter((w) => /^launched at \d:\d\d:\d\d by the decision at \d:\d\d:\d\d: Cluster scale-out \(Instances\): capacity provider keeps instances about \d+ % used; desired instances \d+ → \d+$/.test(w));
    expect(scaled.length).toBeGreaterThan(0);
    // Launched long after any scale-out: a replacement.
    expect(launchReason('Instances', 7_000_000, [{ asg: 'Instances', atMs: 3_700_000, text: 'x' }])).toMatch(/a replacement/);
  });
});

describe("hover: a Lambda environment's cost", () => {
  test("each environment has its cost so far, and together they are the function's duration bill", () => {
    const open = () => {
      const r = openRun({ text: scenario('lambda-api'), file: 'f.yaml', variant: 'base', knobs: {} });
      if (!r.ok) throw new Error('did not open');
      return r.run;
    };
    const run = open();
    run.runTo(300_000);
    const f = run.frame();
    const model = run.sim.functions.get('OrdersFunction')!.model;
    // No environment reaped yet: every one that ever ran is still drawn.
    expect(model.counters.environmentsCreated).toBe(model.environments);
    expect(f.envCostUsd!.length).toBe(f.envs.length);
    expect(f.envCostUsd!.every((v) => v > 0)).toBe(true);
    const u = model.meter.usage;
    expect(model.meter.config.billInit).toBe(true);
    const meter = ((u.durationMbMs + u.initMbMs) / 1024 / 1000) * run.sim.prices.lambda.durationX86.tiers[0]!.usd;
    const sum = f.envCostUsd!.reduce((a, b) => a + b, 0);
    // The meter also holds the invocations still running (metered when they start).
    expect(sum).toBeLessThanOrEqual(meter);
    expect(sum).toBeGreaterThan(meter * 0.99);
    // Part of the run's state: a seek back gives a straight run's numbers.
    const straight = open();
    straight.runTo(120_000);
    run.seek(120_000);
    expect([...run.frame().envCostUsd!]).toEqual([...straight.frame().envCostUsd!]);
  });
});

describe('Lambda concurrency bar', () => {
  test('a function with reserved concurrency shows its reservation and the account unreserved limit', () => {
    const r = openRun({ text: scenario('aurora-lambda-burst'), file: 'f.yaml', variant: 'reserved-100', knobs: {} });
    if (!r.ok) throw new Error('did not open');
    const m = r.run.meta;
    const fn = m.functions.find((f) => f.reserved !== null)!;
    expect(fn.reserved).toBe(100);
    const bar = concurrencyBar(fn.reserved, fn.provisioned, 0, m.unreservedLimit);
    expect(bar.limit).toBe(100);
    expect(bar.marks).toEqual(expect.arrayContaining([{ at: 100, kind: 'reserved' }, { at: m.unreservedLimit, kind: 'unreserved' }]));
    expect(bar.scale).toBeGreaterThanOrEqual(Math.max(100, m.unreservedLimit));
    expect(bar.words).toBe(`limit 100 reserved · account ${m.unreservedLimit} unreserved`);
    // Without a reservation the function draws from the unreserved pool, which ends the bar.
    const open = concurrencyBar(null, 0, 0, m.unreservedLimit);
    expect(open.limit).toBe(m.unreservedLimit);
    expect(open.marks).toEqual([{ at: m.unreservedLimit, kind: 'unreserved' }]);
  });
});
