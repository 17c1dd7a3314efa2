import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/report';
import { buildReport, runVariant, Simulation } from '../../src/sim';
import { fargateScenario } from './helpers';

const json = (seed: number) => {
  const s = fargateScenario({ seed, rate: 40, desired: 2, duration: '20m' });
  return toJson(buildReport(s, [runVariant(s, { series: true })], []));
};

describe('determinism', () => {
  it('gives byte-identical JSON for the same scenario and seed', () => {
    expect(json(3)).toBe(json(3));
  });

  it('gives other draws for another seed', () => {
    const a = JSON.parse(json(3));
    const b = JSON.parse(json(4));
    expect(a.variants[0].totals.requests.arrived).not.toBe(b.variants[0].totals.requests.arrived);
  });

  it('resumes from a checkpoint to the identical report', () => {
    const scenario = fargateScenario({ seed: 9, rate: 60, desired: 2, duration: '30m', tasksAtStart: 'Launching' });
    const whole = new Simulation(scenario, { series: true });
    whole.run();
    const expected = toJson(buildReport(scenario, [whole.report()], []));

    const first = new Simulation(scenario, { series: true });
    first.engine.runUntil(17 * 60_000 + 300);
    const cp = JSON.parse(JSON.stringify(first.checkpoint()));
    const resumed = new Simulation(scenario, { series: true });
    resumed.restore(cp);
    resumed.run();
    expect(toJson(buildReport(scenario, [resumed.report()], []))).toBe(expected);
  });
});
