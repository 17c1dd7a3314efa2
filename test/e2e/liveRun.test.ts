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
    const knobs = { load: 1.5, launch: 'FARGATE_SPOT' as const, instanceType: 'm5.xlarge', cpTarget: 70, lambdaMemory: 512, provisioned: 0 };
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
