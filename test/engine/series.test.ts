import { describe, expect, it } from 'vitest';
import { Series } from '../../src/engine';

describe('Series', () => {
  it('keeps one bucket per tick until full', () => {
    const s = new Series('x', 'u', 1000, 8);
    for (let t = 0; t < 8; t++) s.record(t * 1000, t);
    expect(s.points().map((p) => p.mean)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('bounds memory by merging pairs and doubling the bucket width', () => {
    const s = new Series('x', 'u', 1000, 8);
    for (let t = 0; t < 30 * 86_400; t += 1) s.record(t * 1000, t % 10);
    expect(s.points().length).toBeLessThanOrEqual(8);
    expect(s.bucketMs).toBeGreaterThan(1000);
  });

  it('keeps the mean and the max of merged buckets', () => {
    const s = new Series('x', 'u', 1000, 4);
    for (const [t, v] of [1, 3, 5, 7, 2].entries()) s.record(t * 1000, v);
    const p = s.points();
    expect(p[0]).toEqual({ t: 0, mean: 2, max: 3 });
    expect(p[1]).toEqual({ t: 2, mean: 6, max: 7 });
    expect(p[2]).toEqual({ t: 4, mean: 2, max: 2 });
  });

  it('restores a checkpoint', () => {
    const s = new Series('x', 'u', 1000, 4);
    for (const [t, v] of [1, 3, 5, 7, 2].entries()) s.record(t * 1000, v);
    const r = new Series('x', 'u', 1000, 4);
    r.restore(JSON.parse(JSON.stringify(s.checkpoint())));
    s.record(5000, 9);
    r.record(5000, 9);
    expect(r.points()).toEqual(s.points());
  });
});
