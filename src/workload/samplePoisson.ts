/**
 * Poisson draws that are exact in distribution and allocate nothing: inversion of the CDF for small
 * means, Hörmann's PTRS (transformed rejection with squeeze, 1993) from mean 10 on, whose cost does
 * not grow with the mean.
 */
import type { RandomStream } from '../engine/RandomStreams';

/** Means below this use inversion (about mean + 1 steps, one uniform); from it on, PTRS. */
export const PTRS_FROM_MEAN = 10;

const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) logFactorialTable[k] = logFactorialTable[k - 1]! + Math.log(k);

const HALF_LOG_2PI = 0.9189385332046728;

/** ln(k!) for an integer k ≥ 0: a table below 256, Stirling's series above (error < 1e-15 relative). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k]!;
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  // ln Γ(x) = (x − ½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
}

/** A Poisson(mean) count drawn from `rng`. Returns 0 without drawing when mean ≤ 0 (or is NaN). */
export function samplePoisson(mean: number, rng: RandomStream): number {
  if (!(mean > 0)) return 0;
  return mean < PTRS_FROM_MEAN ? byInversion(mean, rng) : byPtrs(mean, rng);
}

function byInversion(mean: number, rng: RandomStream): number {
  const u = rng.next();
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  // u ≥ cdf only while the tail is not yet passed; p reaching 0 stops the walk if rounding left cdf < u.
  while (u >= cdf && p > 0) {
    k++;
    p = (p * mean) / k;
    cdf += p;
  }
  return k;
}

function byPtrs(mean: number, rng: RandomStream): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    // us = 0 (u = −0.5) sends k to −∞, which the k < 0 test rejects.
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
