import { describe, expect, it } from 'vitest';
import { DbWork } from '../../../src/aws/rds/DbWork';
import { IS, instanceLifecycle } from '../../../src/aws/rds/instanceLifecycle';
import { RandomStreams } from '../../../src/engine';

describe('the Aurora instance lifecycle', () => {
  it('allows scaling, moving and pausing only from ACTIVE, and each only back through its own end', () => {
    const L = instanceLifecycle;
    expect(L.next(IS.ACTIVE, 'SCALE_UP')).toBe(IS.SCALING);
    expect(L.next(IS.ACTIVE, 'MOVE')).toBe(IS.MOVING);
    expect(L.next(IS.ACTIVE, 'PAUSE')).toBe(IS.PAUSED);
    expect(L.next(IS.SCALING, 'SCALED')).toBe(IS.ACTIVE);
    expect(L.next(IS.MOVING, 'MOVED')).toBe(IS.STALLED);
    expect(L.next(IS.STALLED, 'SWITCHED')).toBe(IS.ACTIVE);
    expect(L.next(IS.PAUSED, 'RESUME')).toBe(IS.RESUMING);
    expect(L.next(IS.RESUMING, 'RESUMED')).toBe(IS.ACTIVE);
    // No pausing mid-scale, no scaling while paused, no second resume.
    expect(L.next(IS.SCALING, 'PAUSE')).toBe(-1);
    expect(L.next(IS.PAUSED, 'SCALE_UP')).toBe(-1);
    expect(L.next(IS.RESUMING, 'RESUME')).toBe(-1);
    expect(L.next(IS.MOVING, 'SCALE_UP')).toBe(-1);
  });
});

describe('DbWork', () => {
  it('draws whole query counts and CPU per query from the workload, two uniforms per request', () => {
    const a = new RandomStreams(3).stream('db:api');
    const b = new RandomStreams(3).stream('db:api');
    const w = new DbWork({ DbQueries: { Dist: 'uniform', Min: 0, Max: 4 }, DbCpuMs: { Dist: 'exponential', Mean: 5 } });
    expect(w.any).toBe(true);
    const counts: number[] = [];
    for (let k = 0; k < 200; k++) {
      w.draw(a);
      counts.push(w.queryCount);
      expect(Number.isInteger(w.queryCount)).toBe(true);
      expect(w.cpuMsPerQuery).toBeGreaterThanOrEqual(0);
      b.next();
      b.next();
    }
    expect(new Set(counts)).toEqual(new Set([0, 1, 2, 3, 4]));
    // Both streams advanced by exactly 400 draws.
    expect(a.next()).toBe(b.next());
    const none = new DbWork({});
    none.draw(a);
    expect(none.any).toBe(false);
    expect(none.queryCount).toBe(0);
  });
});
