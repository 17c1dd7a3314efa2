import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RemovableHeap } from '../../src/engine';

describe('RemovableHeap', () => {
  it('pops in key order, ties by id', () => {
    const key = Float64Array.from([5, 1, 5, 3]);
    const h = new RemovableHeap(key);
    for (const id of [0, 1, 2, 3]) h.push(id);
    expect([h.pop(), h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([1, 3, 0, 2, -1]);
  });

  it('removes any id and keeps the order of the rest', () => {
    const key = Float64Array.from([4, 2, 7, 1, 9]);
    const h = new RemovableHeap(key);
    for (const id of [0, 1, 2, 3, 4]) h.push(id);
    expect(h.remove(1)).toBe(true);
    expect(h.remove(1)).toBe(false);
    expect(h.has(1)).toBe(false);
    expect(h.size).toBe(4);
    expect([h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([3, 0, 2, 4]);
  });

  it('moves the id that fills a removed hole up when it is smaller than the hole’s parent', () => {
    // Removing id 4 puts the last id (7, key 14) under id 1 (key 20): it has to rise above it,
    // or it stays hidden below a larger key and comes out after it.
    const key = Float64Array.from([20, 20, 18, 8, 15, 9, 3, 14]);
    const h = new RemovableHeap(key);
    for (let id = 0; id < 8; id++) h.push(id);
    h.remove(2);
    h.remove(4);
    const out = [h.pop()];
    h.remove(3);
    for (let id = h.pop(); id >= 0; id = h.pop()) out.push(id);
    expect(out).toEqual([6, 5, 7, 0, 1]);
  });

  it('refuses an id that is already in the heap', () => {
    const h = new RemovableHeap(Float64Array.from([1]));
    h.push(0);
    expect(() => h.push(0)).toThrow(/already in the heap/);
  });

  it('behaves like a sorted list under any mix of pushes, removals and pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('push', 'push', 'push', 'remove', 'pop'), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }),
        (ops) => {
          const key = new Float64Array(41);
          const h = new RemovableHeap(key);
          const ref = new Map<number, number>();
          const order = () => [...ref.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
          for (const [op, id, k] of ops) {
            if (op === 'push') {
              if (ref.has(id)) continue;
              key[id] = k;
              h.push(id);
              ref.set(id, k);
            } else if (op === 'remove') {
              expect(h.remove(id)).toBe(ref.delete(id));
            } else {
              const want = order()[0]?.[0] ?? -1;
              expect(h.pop()).toBe(want);
              if (want >= 0) ref.delete(want);
            }
            expect(h.size).toBe(ref.size);
            expect(h.peek()).toBe(order()[0]?.[0] ?? -1);
          }
          // A checkpoint round trip keeps the content.
          const copy = new RemovableHeap(key);
          copy.fromArray(h.toArray());
          const drained: number[] = [];
          for (let id = copy.pop(); id >= 0; id = copy.pop()) drained.push(id);
          expect(drained).toEqual(order().map(([id]) => id));
        },
      ),
      { numRuns: 500 },
    );
  });
});
