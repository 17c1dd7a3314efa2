import { describe, expect, it } from 'vitest';
import { createDistribution, lognormalSigma, normalQuantile, normalQuantiles, Z99 } from '../../src/workload';
import type { DistSpec } from '../../src/workload/types';
import { countingStream, streamFor } from './helpers';

function draw(spec: DistSpec, n: number, seed = 31): Float64Array {
  const d = createDistribution(spec);
  const rng = streamFor(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = d.sample(rng);
  return out;
}

function meanOf(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

const N = 200_000;

describe('createDistribution', () => {
  it('constant: always the value, and its mean', () => {
    const xs = draw({ Dist: 'constant', Value: 42 }, 1000);
    expect(xs.every((x) => x === 42)).toBe(true);
    expect(createDistribution({ Dist: 'constant', Value: 42 }).mean).toBe(42);
  });

  it('exponential: sample mean is Mean within 4 standard errors; never negative', () => {
    const xs = draw({ Dist: 'exponential', Mean: 80 }, N);
    expect(Math.abs(meanOf(xs) - 80)).toBeLessThan((4 * 80) / Math.sqrt(N));
    expect(xs.every((x) => x >= 0 && !Object.is(x, -0))).toBe(true);
  });

  it('exponential: the median is Mean·ln 2', () => {
    const xs = draw({ Dist: 'exponential', Mean: 80 }, N).sort();
    expect(xs[N / 2]! / (80 * Math.LN2)).toBeCloseTo(1, 1);
  });

  it('uniform: sample mean is the midpoint; values stay in [Min, Max)', () => {
    const xs = draw({ Dist: 'uniform', Min: 20, Max: 120 }, N);
    const sd = 100 / Math.sqrt(12);
    expect(Math.abs(meanOf(xs) - 70)).toBeLessThan((4 * sd) / Math.sqrt(N));
    expect(xs.every((x) => x >= 20 && x < 120)).toBe(true);
    expect(createDistribution({ Dist: 'uniform', Min: 20, Max: 120 }).mean).toBe(70);
  });

  it('lognormal: sample mean is Mean within 4 standard errors', () => {
    const mean = 120;
    const sigma = lognormalSigma(mean, 600)!;
    const sd = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
    const xs = draw({ Dist: 'lognormal', Mean: mean, P99: 600 }, N);
    expect(Math.abs(meanOf(xs) - mean)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });

  it('lognormal: the empirical 99th percentile is P99', () => {
    const xs = draw({ Dist: 'lognormal', Mean: 120, P99: 600 }, N).sort();
    expect(xs[Math.floor(0.99 * N)]! / 600).toBeCloseTo(1, 1);
    expect(Math.abs(xs[Math.floor(0.99 * N)]! / 600 - 1)).toBeLessThan(0.02);
  });

  it('lognormal: P99 equal to Mean is a constant', () => {
    const xs = draw({ Dist: 'lognormal', Mean: 50, P99: 50 }, 100);
    for (const x of xs) expect(x).toBeCloseTo(50, 9);
  });

  it('lognormal: an impossible P99 is rejected with the allowed range', () => {
    expect(() => createDistribution({ Dist: 'lognormal', Mean: 10, P99: 1000 })).toThrow(/P99 ≤ 14\.\d\d·Mean/);
  });

  it('fill writes the same values, in the same order, as repeated sample', () => {
    const specs: DistSpec[] = [
      { Dist: 'constant', Value: 3 },
      { Dist: 'exponential', Mean: 9 },
      { Dist: 'lognormal', Mean: 40, P99: 300 },
      { Dist: 'uniform', Min: 2, Max: 8 },
    ];
    for (const spec of specs) {
      const d = createDistribution(spec);
      const a = streamFor(12);
      const b = streamFor(12);
      const filled = new Float64Array(500);
      d.fill(filled, 500, a);
      expect(Array.from(filled)).toEqual(Array.from({ length: 500 }, () => d.sample(b)));
      expect(a.next()).toBe(b.next());
    }
  });

  it('every distribution takes exactly one uniform per sample', () => {
    const specs: DistSpec[] = [
      { Dist: 'constant', Value: 1 },
      { Dist: 'exponential', Mean: 1 },
      { Dist: 'lognormal', Mean: 1, P99: 4 },
      { Dist: 'uniform', Min: 0, Max: 1 },
    ];
    for (const spec of specs) {
      const rng = countingStream(streamFor(3));
      const d = createDistribution(spec);
      for (let i = 0; i < 100; i++) d.sample(rng);
      expect(rng.draws).toBe(100);
    }
  });
});

describe('lognormalSigma', () => {
  it('is the smaller root of ln(P99/Mean) = z99·σ − σ²/2', () => {
    const sigma = lognormalSigma(100, 300)!;
    expect(Z99 * sigma - (sigma * sigma) / 2).toBeCloseTo(Math.log(3), 14);
    expect(sigma).toBeLessThan(Z99); // the larger root is above z99
  });

  it('is 0 when P99 equals Mean, and small but exact when P99 is barely above it', () => {
    expect(lognormalSigma(100, 100)).toBe(0);
    const p99 = 100 * (1 + 1e-12);
    const s = lognormalSigma(100, p99)!;
    // For tiny L = ln(P99/Mean), σ ≈ L/z99; z99 − √(z99² − 2L) would lose most digits here.
    expect((s * Z99) / Math.log(p99 / 100)).toBeCloseTo(1, 9);
  });

  it('is undefined when P99 is too high for any lognormal with that mean', () => {
    const limit = Math.exp((Z99 * Z99) / 2); // ≈ 14.97
    expect(lognormalSigma(10, 10 * limit * 0.999)).toBeDefined();
    expect(lognormalSigma(10, 10 * limit * 1.001)).toBeUndefined();
    expect(lognormalSigma(10, 1000)).toBeUndefined();
  });

  it('is undefined when P99 is below Mean or either is not positive', () => {
    expect(lognormalSigma(100, 90)).toBeUndefined();
    expect(lognormalSigma(0, 10)).toBeUndefined();
    expect(lognormalSigma(10, 0)).toBeUndefined();
    expect(lognormalSigma(Number.NaN, 10)).toBeUndefined();
  });
});

describe('normalQuantile', () => {
  it('normalQuantiles transforms an array in place, value by value', () => {
    const ps = [0, 1e-15, 0.02, 0.5, 0.93, 1, 2];
    const xs = Float64Array.from(ps);
    normalQuantiles(xs, 6);
    expect(Array.from(xs)).toEqual([...ps.slice(0, 6).map(normalQuantile), 2]);
  });

  it('matches published quantiles to ~1e-15', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.99)).toBeCloseTo(Z99, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('is antisymmetric about ½ and infinite at 0 and 1', () => {
    for (const p of [0.01, 0.2, 0.4, 0.45]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('is increasing across its three regions', () => {
    const ps = [1e-300, 1e-20, 1e-12, 1e-5, 0.074, 0.076, 0.3, 0.5, 0.7, 0.924, 0.926, 1 - 1e-9];
    const zs = ps.map(normalQuantile);
    for (let i = 1; i < zs.length; i++) expect(zs[i]!).toBeGreaterThan(zs[i - 1]!);
  });
});
