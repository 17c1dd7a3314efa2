/**
 * The app's Aurora view on the engine side, without a browser: the frame's DB instance records,
 * the database's cost meter against the report (a run to the end is in liveRun.test.ts), the plain-word captions of pauses, resumes and
 * scale-ups (and that they stop a run with Pause on event), the min/max ACU knobs, and a seek
 * back that lands on the same DB numbers as a straight run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { databaseReport, IS as DBS } from '../../src/aws/rds';
import { loadScenarioText } from '../../src/scenario';
import { decodeKnobs, encodeKnobs, KNOB_VARIANT, knobAvailability } from '../../src/ui/knobs';
import { type LiveRun, openRun } from '../../src/ui/liveRun';
import { DB_STRIDE } from '../../src/ui/protocol';
import { ROOT } from './harness';

const scenario = (name: string) => readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8');

function open(name: string, knobs = {}, variant = 'base'): LiveRun {
  const r = openRun({ text: scenario(name), file: `${name}.yaml`, variant, knobs });
  if (!r.ok) throw new Error(`did not open: ${JSON.stringify(r.issues)}`);
  return r.run;
}

describe('the Aurora view', () => {
  test('a scenario without a database has no DB records and no Aurora cost', () => {
    const run = open('fargate-web');
    run.runTo(60_000);
    const f = run.frame();
    expect(run.meta.databases).toEqual([]);
    expect(f.dbs.length).toBe(0);
    expect(f.cost.databases).toEqual([]);
    expect(f.cost.byKind.aurora).toBe(0);
  });

  test('the frame carries each DB instance: state, ACUs within min and max, CPU, warm pool, connections against the limit', () => {
    const run = open('aurora-lambda-burst');
    // One minute into the burst: the function's environments hold connections, the database has scaled up.
    run.runTo(660_000);
    const f = run.frame();
    expect(run.meta.databases.map((d) => [d.id, d.minAcu, d.maxAcu, d.instances.length])).toEqual([['Db', 0.5, 16, 1]]);
    expect(f.dbs.length).toBe(DB_STRIDE);
    const [cluster, instance, state, acu, , util, need, pool, connections, limit] = f.dbs;
    expect([cluster, instance]).toEqual([0, 0]);
    expect(Object.values(DBS)).toContain(state);
    expect(acu).toBeGreaterThan(0.5);
    expect(acu).toBeLessThanOrEqual(16);
    expect(util).toBeGreaterThanOrEqual(0);
    expect(util).toBeLessThanOrEqual(1);
    expect(need).toBeGreaterThanOrEqual(0.5);
    expect(pool).toBeLessThanOrEqual(run.meta.databases[0]!.warmPoolAcu);
    const db = run.sim.databases.get('Db')!;
    expect(connections).toBe(db.instances[0]!.connections);
    expect(connections).toBeGreaterThan(0);
    expect(limit).toBe(db.maxConnectionsOf(0));
  });

  test('while running, the meter prices the ACUs held so far as the report would if the run ended now', () => {
    // At night with a floor of 2 ACUs the database changes capacity rarely, so the model's own meter lags.
    const run = open('aurora-web', { auroraMin: 2 });
    run.runTo(10_800_000);
    const f = run.frame();
    // The same run, ended here: finishing meters every instance up to now.
    const ref = open('aurora-web', { auroraMin: 2 });
    ref.runTo(10_800_000);
    const db = ref.sim.databases.get('OrdersDb')!;
    db.finish(10_800_000);
    const billed = databaseReport(db, ref.sim.prices.aurora, 10_800_000);
    expect(f.cost.databases[0]!.acuHours).toBe(db.meter.usage.halfAcuMs / 2 / 3_600_000);
    expect(f.cost.databases[0]!.usd).toBeCloseTo(billed.costUsd, 9);
    expect(f.cost.databases[0]!.usdPerHour).toBeCloseTo(db.instances[0]!.acu * 0.12 + (db.config.storageGB * 0.1) / 730, 9);
    expect(f.cost.totalUsd).toBeCloseTo(f.cost.byResource.Orders! + f.cost.byResource.OrdersDb!, 9);
  });

  test('pauses, resumes and scale-ups are captioned in plain words, and they stop a run with Pause on event', () => {
    const run = open('aurora-nightly-pause');
    const paused: string[] = [];
    while (!run.done && paused.length < 40) {
      const stop = run.step();
      const captions = run.takeCaptions().filter((c) => c.kind === 'database');
      if (stop > 0) paused.push(...captions.map((c) => c.text));
    }
    expect(paused).toContainEqual(expect.stringMatching(/^Aurora paused \(ToolDb\): no connections for \d+ s; 0 ACUs, no capacity charge/));
    expect(paused).toContainEqual(expect.stringMatching(/^Aurora resuming \(ToolDb\): a connection arrived; queries wait about 15 s/));
    expect(paused).toContainEqual(expect.stringMatching(/^Aurora scale-up \(ToolDb\): CPU [\d.]+ % over the 70 % target; [\d.]+ → [\d.]+ ACUs? from the warm pool$/));
  });

  test('a host move is captioned with the warm pool it outgrew', () => {
    const run = open('aurora-lambda-burst');
    const texts: string[] = [];
    // The burst starts at 10:00; the pool runs out about 20 s in.
    while (!run.done && run.nowMs < 700_000) {
      run.step();
      texts.push(...run.takeCaptions().map((c) => c.text));
    }
    expect(texts).toContainEqual(expect.stringMatching(/^Aurora scale-up \(Db\): .*needs a host move \(the warm pool has [\d.]+ of 8 ACUs left\)/));
    expect(texts).toContainEqual(expect.stringMatching(/^Aurora host switch \(Db\): queries wait about 2 s/));
  });

  test('seeking back lands on the DB records and chart samples of a straight run', () => {
    const straight = open('aurora-lambda-burst');
    // 11:00, in the burst, after the host move; scrubbed back from 15:00 (it restores the checkpoint at 10:40 and steps on).
    straight.runTo(660_000);
    const scrubbed = open('aurora-lambda-burst');
    scrubbed.runTo(900_000);
    scrubbed.seek(660_000);
    const a = straight.frame();
    const b = scrubbed.frame();
    expect([...b.dbs]).toEqual([...a.dbs]);
    expect(b.cost.databases).toEqual(a.cost.databases);
    expect(scrubbed.samplesFrom(0)).toEqual(straight.samplesFrom(0));
  });
});

describe('the Aurora ACU knobs', () => {
  test('are offered only for a scenario with a Serverless v2 cluster, and round-trip through the link', () => {
    expect(open('aurora-web').meta.knobs.aurora).toBe(true);
    expect(open('fargate-web').meta.knobs.aurora).toBe(false);
    const knobs = { load: 2, auroraMin: 0, auroraMax: 32.5 };
    expect(decodeKnobs(encodeKnobs(knobs))).toEqual(knobs);
    expect(encodeKnobs(knobs)).toBe('load:2,auroraMin:0,auroraMax:32.5');
    expect(knobAvailability(loadScenarioText(scenario('flash-sale'), 'flash-sale.yaml')).aurora).toBe(false);
  });

  test("set every cluster's MinCapacity and MaxCapacity, win over the chosen variant, and change the database's cost", () => {
    const base = open('aurora-lambda-burst');
    const capped = open('aurora-lambda-burst', { auroraMax: 2 });
    expect(capped.meta.databases[0]!.maxAcu).toBe(2);
    expect(capped.scenario.Variant).toBe('base');
    // The knob wins over a variant that sets the same path.
    const over = open('aurora-web', { auroraMin: 1, auroraMax: 8 }, '2-64');
    expect([over.meta.databases[0]!.minAcu, over.meta.databases[0]!.maxAcu]).toEqual([1, 8]);
    base.runTo(900_000);
    capped.runTo(900_000);
    const a = base.frame();
    const b = capped.frame();
    expect(b.dbs[3]).toBeLessThanOrEqual(2);
    expect(b.cost.databases[0]!.usd).toBeLessThan(a.cost.databases[0]!.usd);
  });

  test('an invalid range comes back as issues located in the knob variant', () => {
    const r = openRun({ text: scenario('aurora-web'), file: 'aurora-web.yaml', variant: 'base', knobs: { auroraMax: 1000 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.knobsCaused).toBe(true);
    expect(r.issues[0]!.path).toContain(`Variants.${KNOB_VARIANT}.OrdersDb.Properties.ServerlessV2ScalingConfiguration.MaxCapacity`);
  });
});
