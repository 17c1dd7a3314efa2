import { describe, expect, it } from 'vitest';
import { logFactorial, PTRS_FROM_MEAN, samplePoisson } from '../../src/workload';
import { countingStream, streamFor } from './helpers';

function moments(lambda: number, n: number, seed: number): { mean: number; variance: number } {
  const rng = streamFor(seed);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const k = samplePoisson(lambda, rng);
    s += k;
    s2 += k * k;
  }
  const mean = s / n;
  return { mean, variance: (s2 - n * mean * mean) / (n - 1) };
}

/** Pearson's χ² of n draws against the Poisson pmf, bins merged until each expects ≥ 5, and its degrees of freedom. */
function chiSquare(lambda: number, n: number, seed: number): { chi2: number; df: number } {
  const rng = streamFor(seed);
  const hist = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = samplePoisson(lambda, rng);
    hist.set(k, (hist.get(k) ?? 0) + 1);
  }
  const pmf = (k: number) => Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));
  const bins: { expected: number; observed: number }[] = [];
  let acc = { expected: 0, observed: 0 };
  let cdf = 0;
  for (let k = 0; cdf < 1 - 1e-12 && k < 100 * (lambda + 10); k++) {
    const p = pmf(k);
    cdf += p;
    acc.expected += n * p;
    acc.observed += hist.get(k) ?? 0;
    if (acc.expected >= 5 && n * (1 - cdf) >= 5) {
      bins.push(acc);
      acc = { expected: 0, observed: 0 };
    }
  }
  // The rest of the upper tail joins the last bin.
  let tailObserved = 0;
  for (const [k, c] of hist) if (k >= 0) tailObserved += c;
  for (const b of bins) tailObserved -= b.observed;
  bins[bins.length - 1]!.expected += n - bins.reduce((a, b) => a + b.expected, 0);
  bins[bins.length - 1]!.observed += tailObserved;
  const chi2 = bins.reduce((a, b) => a + (b.observed - b.expected) ** 2 / b.expected, 0);
  return { chi2, df: bins.length - 1 };
}

describe('samplePoisson', () => {
  for (const lambda of [0.3, 5, 40, 5000]) {
    it(`λ = ${lambda}: sample mean and variance are λ within 4 standard errors`, () => {
      const n = 200_000;
      const { mean, variance } = moments(lambda, n, 17);
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
      // Var(sample variance) ≈ (μ4 − σ⁴)/n = (λ + 2λ²)/n for a Poisson.
      expect(Math.abs(variance - lambda)).toBeLessThan(4 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    });
  }

  for (const lambda of [3.7, PTRS_FROM_MEAN, 40, 812.5]) {
    it(`λ = ${lambda}: the whole distribution fits the pmf (χ² goodness of fit)`, () => {
      const { chi2, df } = chiSquare(lambda, 200_000, 23);
      // Mean df, sd √(2df): 5 sd above the mean is far beyond any honest fluctuation.
      expect(chi2).toBeLessThan(df + 5 * Math.sqrt(2 * df));
    });
  }

  it('λ = 10⁸: a huge mean still draws in constant time with the right spread', () => {
    const { mean, variance } = moments(1e8, 20_000, 29);
    expect(Math.abs(mean - 1e8)).toBeLessThan(4 * Math.sqrt(1e8 / 20_000));
    expect(variance / 1e8).toBeGreaterThan(0.9);
    expect(variance / 1e8).toBeLessThan(1.1);
  });

  it('a zero, negative or NaN mean gives 0 without drawing', () => {
    const rng = countingStream(streamFor(1));
    expect([0, -3, Number.NaN].map((m) => samplePoisson(m, rng))).toEqual([0, 0, 0]);
    expect(rng.draws).toBe(0);
  });

  it('small means take exactly one uniform per draw (inversion)', () => {
    const rng = countingStream(streamFor(1));
    for (let i = 0; i < 1000; i++) samplePoisson(9.9, rng);
    expect(rng.draws).toBe(1000);
  });

  it('large means take a bounded number of uniforms per draw, whatever the mean (PTRS)', () => {
    // Hörmann's acceptance rate is lowest near λ = 10 (about 3 in 4) and rises with λ.
    for (const lambda of [10, 1e3, 1e6]) {
      const rng = countingStream(streamFor(2));
      for (let i = 0; i < 10_000; i++) samplePoisson(lambda, rng);
      expect(rng.draws / 10_000).toBeLessThan(3);
    }
  });

  it('logFactorial agrees across the table and the Stirling series', () => {
    let exact = 0;
    for (let k = 1; k <= 400; k++) {
      exact += Math.log(k);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, exact));
    }
    expect(logFactorial(0)).toBe(0);
  });
});
