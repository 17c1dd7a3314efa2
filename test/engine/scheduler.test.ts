import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Priority, Scheduler } from '../../src/engine';

function drain(s: Scheduler, until = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (let e = s.popDue(until); e !== undefined; e = s.popDue(until)) out.push(e.arg);
  return out;
}

describe('Scheduler', () => {
  it('fires events in time order', () => {
    const s = new Scheduler();
    s.schedule(30, 'c', 0, 3);
    s.schedule(10, 'c', 0, 1);
    s.schedule(20, 'c', 0, 2);
    expect(drain(s)).toEqual([1, 2, 3]);
  });

  it('breaks ties at the same time by priority, then by scheduling order', () => {
    const s = new Scheduler();
    s.schedule(5, 'c', 0, 1, Priority.Default);
    s.schedule(5, 'c', 0, 2, Priority.Lifecycle);
    s.schedule(5, 'c', 0, 3, Priority.Default);
    s.schedule(5, 'c', 0, 4, Priority.Control);
    s.schedule(5, 'c', 0, 5, Priority.Lifecycle);
    expect(drain(s)).toEqual([2, 5, 4, 1, 3]);
  });

  it('pops only events due at or before the limit', () => {
    const s = new Scheduler();
    s.schedule(10, 'c', 0, 1);
    s.schedule(11, 'c', 0, 2);
    expect(drain(s, 10)).toEqual([1]);
    expect(s.peekTime()).toBe(11);
  });

  it('skips cancelled events', () => {
    const s = new Scheduler();
    s.schedule(1, 'c', 0, 1);
    const b = s.schedule(2, 'c', 0, 2);
    s.schedule(3, 'c', 0, 3);
    s.cancel(b);
    expect(s.size).toBe(2);
    expect(drain(s)).toEqual([1, 3]);
  });

  it('restores a checkpoint to the same future order', () => {
    const s = new Scheduler();
    for (let i = 0; i < 20; i++) s.schedule((i * 7) % 5, 'c', 0, i, i % 3);
    const cp = structuredClone(s.checkpoint());
    const a = drain(s);
    const t = new Scheduler();
    t.restore(cp);
    expect(drain(t)).toEqual(a);
  });

  it('always yields (time, priority, seq) in non-decreasing order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 }))), (evs) => {
        const s = new Scheduler();
        for (const [i, [t, p]] of evs.entries()) s.schedule(t, "c", 0, i, p);
        let last: [number, number, number] = [-1, -1, -1];
        for (let e = s.popDue(Infinity); e !== undefined; e = s.popDue(Infinity)) {
          const key: [number, number, number] = [e.atMs, e.priority, e.seq];
          const ok = key[0] > last[0] || (key[0] === last[0] && (key[1] > last[1] || (key[1] === last[1] && key[2] > last[2])));
          if (!ok) return false;
          last = key;
        }
        return true;
      }),
    );
  });
});
