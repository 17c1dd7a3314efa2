import { describe, expect, it } from 'vitest';
import { Engine, type EngineCheckpoint, Phase } from '../../src/engine';
import { WorkloadSource, type WorkloadSourceState } from '../../src/workload';
import type { WorkloadSpec } from '../../src/workload/types';
import { HOUR, MINUTE } from './helpers';

const START_MS = Date.UTC(2024, 3, 2, 8, 0);
const DURATION_MS = 2 * HOUR;
const MIDDLE_MS = 47 * MINUTE + 13_000;

const poissonSpec: WorkloadSpec = {
  Name: 'Users',
  Target: 'Web',
  Arrivals: { Pattern: 'diurnal', Trough: 3, Peak: 40, PeakAt: 9, Process: 'poisson' },
  Work: { CpuMs: { Dist: 'lognormal', Mean: 25, P99: 180 }, DurationMs: { Dist: 'uniform', Min: 5, Max: 50 } },
};
const exactSpec: WorkloadSpec = {
  Name: 'Cron',
  Target: 'Fn',
  Arrivals: { Pattern: 'ramp', From: 0.3, To: 4.7, At: 10 * MINUTE, Over: HOUR, Process: 'exact' },
  Work: { DurationMs: { Dist: 'exponential', Mean: 300 } },
};

interface World {
  engine: Engine;
  source: WorkloadSource;
  /** Per tick: "tickStart:count:offsets…|work…". */
  log: string[];
}

function build(spec: WorkloadSpec): World {
  const engine = new Engine({ seed: 2024, tickMs: 1000, durationMs: DURATION_MS });
  const source = new WorkloadSource(spec, engine.random.stream(`workload:${spec.Name}`), { startMs: START_MS });
  const log: string[] = [];
  source.connect({
    deliver(b) {
      const parts: number[] = [];
      for (let i = 0; i < b.count; i++) parts.push(b.offsetsMs[i]!, b.work.CpuMs?.[i] ?? -1, b.work.DurationMs?.[i] ?? -1);
      log.push(`${b.tickStartMs}:${b.count}:${parts.join(',')}`);
    },
  });
  engine.register(source, Phase.Arrivals);
  return { engine, source, log };
}

function resumeAfterCheckpoint(spec: WorkloadSpec) {
  const reference = build(spec);
  reference.engine.run();

  const first = build(spec);
  first.engine.runUntil(MIDDLE_MS);
  const cp = JSON.parse(JSON.stringify(first.engine.checkpoint())) as EngineCheckpoint;

  const resumed = build(spec);
  resumed.engine.restore(cp);
  resumed.engine.run();
  const ticksBefore = first.log.length;
  return { reference, resumed, ticksBefore };
}

describe('checkpoint and restore', () => {
  for (const spec of [poissonSpec, exactSpec]) {
    it(`${spec.Arrivals.Process}: a source restored into a fresh engine continues exactly as the uninterrupted run`, () => {
      const { reference, resumed, ticksBefore } = resumeAfterCheckpoint(spec);
      expect(ticksBefore).toBe(Math.ceil(MIDDLE_MS / 1000));
      expect(resumed.log).toEqual(reference.log.slice(ticksBefore));
      expect(resumed.source.arrivedTotal).toBe(reference.source.arrivedTotal);
      expect(resumed.source.expectedTotal).toBe(reference.source.expectedTotal);
    });
  }

  it('the checkpoint holds the carry-over and the counters, as plain JSON', () => {
    const w = build(exactSpec);
    w.engine.runUntil(MIDDLE_MS);
    const state = w.engine.checkpoint().components['workload:Cron'] as WorkloadSourceState;
    expect(Object.keys(state).sort()).toEqual(['arrivedTotal', 'carry', 'expectedTotal']);
    expect(state.carry).toBeGreaterThanOrEqual(0);
    expect(state.carry).toBeLessThan(1);
    expect(state.arrivedTotal).toBe(w.source.arrivedTotal);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('the exact process needs its carry: restoring a different carry changes what follows', () => {
    const { reference, ticksBefore } = resumeAfterCheckpoint(exactSpec);
    const first = build(exactSpec);
    first.engine.runUntil(MIDDLE_MS);
    const cp = first.engine.checkpoint();
    const state = cp.components['workload:Cron'] as WorkloadSourceState;
    state.carry = (state.carry + 0.5) % 1;
    const resumed = build(exactSpec);
    resumed.engine.restore(cp);
    resumed.engine.run();
    expect(resumed.log).not.toEqual(reference.log.slice(ticksBefore));
  });
});
