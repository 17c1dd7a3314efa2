import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, ExactArrivals } from '../../src/workload';
import type { ArrivalPattern } from '../../src/workload/types';
import { findBadOffsets, HOUR, PATTERN_CASES, runSource } from './helpers';
import { arbitraryPattern } from './patterns.arbitrary';

describe('exact arrivals', () => {
  for (const c of PATTERN_CASES) {
    for (const tickMs of [1000, 250, 7000]) {
      it(`${c.label}, ${tickMs} ms ticks: the long-run count is within the carry-over of the integral`, () => {
        const expected = compilePattern(c.pattern, { startMs: c.startMs }).expectedArrivals(0, c.durationMs);
        const { arrived } = runSource(c.pattern, 'exact', { durationMs: c.durationMs, tickMs, startMs: c.startMs });
        expect(Math.abs(arrived - expected)).toBeLessThan(1);
      });
    }
  }

  it('n per tick are placed at the centres of n equal slices of the tick', () => {
    const { offsets } = runSource({ Pattern: 'constant', Rate: 4 }, 'exact', { durationMs: 3000, tickMs: 1000, keepOffsets: true });
    expect(offsets).toEqual([
      [125, 375, 625, 875],
      [125, 375, 625, 875],
      [125, 375, 625, 875],
    ]);
  });

  it('a rate below one per tick gives evenly spaced single arrivals across ticks', () => {
    // 0.25/s from a carry of ½: the cumulative count reaches 1 at 2 s, 2 at 6 s, 3 at 10 s.
    const { offsets } = runSource({ Pattern: 'constant', Rate: 0.25 }, 'exact', { durationMs: 12_000, tickMs: 1000, keepOffsets: true });
    const times = offsets.flatMap((o, tick) => o.map((x) => tick * 1000 + x));
    expect(times).toEqual([2000, 6000, 10_000]);
  });

  it('a fractional rate keeps the spacing 1/rate across tick boundaries', () => {
    const { offsets } = runSource({ Pattern: 'constant', Rate: 1.6 }, 'exact', { durationMs: 10_000, tickMs: 1000, keepOffsets: true });
    const times = offsets.flatMap((o, tick) => o.map((x) => tick * 1000 + x));
    expect(times).toHaveLength(16);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(625, 9);
  });

  it('replays a one-row-per-tick trace with each row count in its own tick', () => {
    const counts = [3, 0, 17, 5, 1, 0, 2];
    const p: ArrivalPattern = { Pattern: 'trace', File: 't.csv', TimesMs: counts.map((_, i) => i * 1000), Counts: counts };
    const { offsets } = runSource(p, 'exact', { durationMs: 9000, tickMs: 1000, keepOffsets: true });
    expect(offsets.map((o) => o.length)).toEqual([...counts, 0, 0]);
  });

  it('carries the remainder: a carry restored into a fresh process continues the same sequence', () => {
    const a = new ExactArrivals();
    const seq = [0.7, 0.7, 2.2, 0.05, 3.3].map((e) => a.count(e));
    const b = new ExactArrivals();
    b.count(0.7);
    b.count(0.7);
    const c = new ExactArrivals();
    c.carry = b.carry;
    expect([2.2, 0.05, 3.3].map((e) => c.count(e))).toEqual(seq.slice(2));
  });

  it('property: offsets are ascending and inside [0, tickMs) for any pattern and tick', () => {
    fc.assert(
      fc.property(arbitraryPattern, fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 40 }), (p, tickMs, ticks) => {
        expect(findBadOffsets(p, 'exact', { durationMs: ticks * tickMs, tickMs })).toBeUndefined();
      }),
    );
  });

  it('property: the count over any number of ticks is within 1 of the integral', () => {
    fc.assert(
      fc.property(arbitraryPattern, fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 200 }), (p, tickMs, ticks) => {
        const durationMs = ticks * tickMs;
        const { arrived } = runSource(p, 'exact', { durationMs, tickMs });
        expect(Math.abs(arrived - compilePattern(p).expectedArrivals(0, durationMs))).toBeLessThan(1);
      }),
    );
  });

  it('a day of a constant rate at 1 s ticks delivers exactly rate × 86 400', () => {
    const { arrived } = runSource({ Pattern: 'constant', Rate: 0.1 }, 'exact', { durationMs: 24 * HOUR, tickMs: 1000 });
    expect(arrived).toBe(8640);
  });
});
