import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, fillSortedUniforms, nextBelow } from '../../src/workload';
import { findBadOffsets, PATTERN_CASES, runSource, streamFor } from './helpers';
import { arbitraryPattern } from './patterns.arbitrary';

describe('poisson arrivals', () => {
  for (const c of PATTERN_CASES) {
    it(`${c.label}: the long-run count is within 4 standard errors of the integral`, () => {
      const expected = compilePattern(c.pattern, { startMs: c.startMs }).expectedArrivals(0, c.durationMs);
      const { arrived } = runSource(c.pattern, 'poisson', { durationMs: c.durationMs, tickMs: 1000, startMs: c.startMs, seed: 7 });
      // A sum of independent Poisson counts is Poisson: its standard deviation is √mean.
      expect(Math.abs(arrived - expected)).toBeLessThan(4 * Math.sqrt(expected));
    });
  }

  it('counts per tick have the Poisson mean and variance', () => {
    const { offsets } = runSource({ Pattern: 'constant', Rate: 12 }, 'poisson', { durationMs: 20_000_000, tickMs: 1000, keepOffsets: true, seed: 3 });
    const counts = offsets.map((o) => o.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (counts.length - 1);
    expect(mean).toBeCloseTo(12, 1);
    expect(variance / mean).toBeGreaterThan(0.95);
    expect(variance / mean).toBeLessThan(1.05);
  });

  it('times are spread uniformly over the tick, not bunched at its start', () => {
    const tickMs = 1000;
    const { offsets } = runSource({ Pattern: 'constant', Rate: 200 }, 'poisson', { durationMs: 500_000, tickMs, keepOffsets: true, seed: 5 });
    const all = offsets.flat();
    const quarters = [0, 0, 0, 0];
    for (const x of all) quarters[Math.floor((4 * x) / tickMs)]!++;
    const n = all.length;
    // Each quarter holds n/4 ± a few √(n·¼·¾).
    const sd = Math.sqrt(n * 0.25 * 0.75);
    for (const q of quarters) expect(Math.abs(q - n / 4)).toBeLessThan(4 * sd);
    expect(all.reduce((a, b) => a + b, 0) / n).toBeCloseTo(tickMs / 2, -1);
  });

  it('within a tick, the k-th time has the mean of the k-th of n uniform order statistics', () => {
    // E[U_(k)] = k/(n+1): checks the spacings construction, not just the overall spread.
    const n = 4;
    const rng = streamFor(11);
    const out = new Float64Array(n);
    const sums = new Array<number>(n).fill(0);
    const runs = 50_000;
    for (let r = 0; r < runs; r++) {
      fillSortedUniforms(out, n, 1, rng);
      for (let k = 0; k < n; k++) sums[k]! += out[k]!;
    }
    for (let k = 0; k < n; k++) expect(sums[k]! / runs).toBeCloseTo((k + 1) / (n + 1), 2);
  });

  it('fillSortedUniforms keeps values below the span even when rounding would reach it', () => {
    // A stream whose last spacing is tiny pushes the largest ratio to within an ulp of 1.
    const draws = [0.5, 0.5, 0.5, 0];
    let i = 0;
    const out = new Float64Array(3);
    fillSortedUniforms(out, 3, 1000, { name: 'fixed', next: () => draws[i++]! });
    expect(Array.from(out)).toEqual([1000 / 3, 2000 / 3, nextBelow(1000)]);
  });

  it('nextBelow gives the largest double under its argument', () => {
    expect(nextBelow(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextBelow(1000)).toBeLessThan(1000);
    expect(nextBelow(1000) + (1000 - nextBelow(1000)) / 2).toBe(1000);
  });

  it('property: offsets are ascending and inside [0, tickMs) for any pattern, tick and seed', () => {
    fc.assert(
      fc.property(
        arbitraryPattern,
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        (p, tickMs, ticks, seed) => {
          expect(findBadOffsets(p, 'poisson', { durationMs: ticks * tickMs, tickMs, seed })).toBeUndefined();
        },
      ),
    );
  });
});
