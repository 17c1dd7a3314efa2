import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, expectedArrivals } from '../../src/workload';
import type { ArrivalPattern } from '../../src/workload/types';
import { HOUR, MINUTE, PATTERN_CASES } from './helpers';

/** Composite Simpson's rule on the rate (requests/s) over [a, b) ms: an independent reference. */
function simpson(rate: (tMs: number) => number, a: number, b: number, n = 20_000): number {
  const h = (b - a) / n;
  let s = rate(a) + rate(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * rate(a + i * h);
  return (s * h) / 3 / 1000;
}

describe('expectedArrivals', () => {
  it('constant: rate × seconds', () => {
    expect(expectedArrivals({ Pattern: 'constant', Rate: 4 }, 1500, 4000)).toBe(10);
  });

  it('an empty or reversed interval expects nothing', () => {
    const p: ArrivalPattern = { Pattern: 'constant', Rate: 4 };
    expect(expectedArrivals(p, 1000, 1000)).toBe(0);
    expect(expectedArrivals(p, 2000, 1000)).toBe(0);
  });

  it('ramp: the trapezoid under the line, plus the flat parts either side', () => {
    const p: ArrivalPattern = { Pattern: 'ramp', From: 0, To: 10, At: 0, Over: 10_000 };
    expect(expectedArrivals(p, 0, 10_000)).toBe(50);
    expect(expectedArrivals(p, 0, 5_000)).toBe(12.5);
    expect(expectedArrivals(p, -5_000, 15_000)).toBe(100);
  });

  it('steps: each step rate × its time', () => {
    const p: ArrivalPattern = {
      Pattern: 'steps',
      Steps: [
        { At: 10 * MINUTE, Rate: 5 },
        { At: 30 * MINUTE, Rate: 20 },
      ],
    };
    expect(expectedArrivals(p, 0, 40 * MINUTE)).toBe(5 * 1200 + 20 * 600);
  });

  it('diurnal: a whole day gives the mean rate × 86 400 s, whatever the phase', () => {
    const p: ArrivalPattern = { Pattern: 'diurnal', Trough: 1, Peak: 9, PeakAt: 17 };
    const startMs = Date.UTC(2024, 6, 4, 3, 17);
    expect(expectedArrivals(p, 0, 24 * HOUR, { startMs })).toBeCloseTo(5 * 86_400, 6);
    expect(expectedArrivals(p, 5 * HOUR, 29 * HOUR, { startMs })).toBeCloseTo(5 * 86_400, 6);
  });

  it('diurnal: the 12 h around the peak integrate the cosine exactly', () => {
    const p: ArrivalPattern = { Pattern: 'diurnal', Trough: 1, Peak: 9, PeakAt: 12 };
    // mid·43 200 s + amp·∫cos over half a period = mid·43 200 + amp·86 400/π
    expect(expectedArrivals(p, 6 * HOUR, 18 * HOUR)).toBeCloseTo(5 * 43_200 + (4 * 86_400) / Math.PI, 6);
  });

  it('spike: Base over the run plus the triangle and rectangle above it', () => {
    const p: ArrivalPattern = { Pattern: 'spike', Base: 10, Peak: 100, At: 1000, RampUp: 1000, Hold: 2000, RampDown: 1000 };
    expect(expectedArrivals(p, 0, 10_000)).toBe(100 + 45 + 180 + 45);
  });

  it('trace: whole rows give their counts, partial rows their share', () => {
    const p: ArrivalPattern = { Pattern: 'trace', File: 't.csv', TimesMs: [1000, 3000, 3500], Counts: [10, 4, 7] };
    expect(expectedArrivals(p, 0, 10_000)).toBe(21);
    expect(expectedArrivals(p, 2000, 3250)).toBe(5 + 2);
    expect(expectedArrivals(p, 4000, 4250)).toBe(1.75);
    expect(expectedArrivals(p, 4500, 9000)).toBe(0);
  });

  it('a one-row-per-tick trace gives each tick exactly its row count', () => {
    const counts = [3, 0, 17, 5, 1];
    const p: ArrivalPattern = { Pattern: 'trace', File: 't.csv', TimesMs: [0, 1000, 2000, 3000, 4000], Counts: counts };
    const curve = compilePattern(p);
    expect(counts.map((_, i) => curve.expectedArrivals(i * 1000, (i + 1) * 1000))).toEqual(counts);
  });

  for (const c of PATTERN_CASES) {
    it(`${c.label}: matches a numerical integral of rateAt`, () => {
      const curve = compilePattern(c.pattern, { startMs: c.startMs });
      const exact = curve.expectedArrivals(0, c.durationMs);
      const numeric = simpson((t) => curve.rateAt(t), 0, c.durationMs);
      // Simpson is only first-order across the jumps of steps and trace; smooth shapes agree far closer.
      expect(Math.abs(exact - numeric)).toBeLessThan(2e-3 * exact);
    });
  }

  it('is additive: E(a, b) + E(b, c) = E(a, c) for every pattern and split', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERN_CASES),
        fc.integer({ min: -HOUR, max: 30 * HOUR }),
        fc.integer({ min: 0, max: 2 * HOUR }),
        fc.integer({ min: 0, max: 2 * HOUR }),
        (c, a, d1, d2) => {
          const curve = compilePattern(c.pattern, { startMs: c.startMs });
          const whole = curve.expectedArrivals(a, a + d1 + d2);
          const parts = curve.expectedArrivals(a, a + d1) + curve.expectedArrivals(a + d1, a + d1 + d2);
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * Math.max(1, whole));
        },
      ),
    );
  });

  it('is never negative for non-negative rates', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERN_CASES), fc.integer({ min: -HOUR, max: 30 * HOUR }), fc.integer({ min: 0, max: HOUR }), (c, a, d) => {
        expect(compilePattern(c.pattern, { startMs: c.startMs }).expectedArrivals(a, a + d)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
