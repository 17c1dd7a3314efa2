/**
 * Work-size distributions. Every `sample` takes exactly one uniform from the stream (by inverse
 * CDF; `constant` takes one too and ignores it), so the stream advances the same way whatever the
 * distributions are: a variant that only changes a work size keeps the same arrival times, and the
 * same request gets the same quantile of each variant's distribution.
 */
import type { RandomStream } from '../engine/RandomStreams';
import { normalQuantile, normalQuantiles } from './normalQuantile';
import type { DistSpec } from './types';

/** Φ⁻¹(0.99): the 99th percentile of the standard normal. */
export const Z99 = 2.3263478740408408;

/** A distribution of a work size; values are in the unit of the field that holds it (e.g. ms). */
export interface Distribution {
  /** Expected value. */
  readonly mean: number;
  /** One value, drawn with exactly one `rng.next()`. */
  sample(rng: RandomStream): number;
  /**
   * Writes n values into out[0..n): the same values n calls of `sample` would give, without a
   * call (and a boxed number) per value. This is the hot path.
   */
  fill(out: Float64Array, n: number, rng: RandomStream): void;
}

/**
 * σ of the lognormal with this mean and 99th percentile: the smaller root of
 * ln(p99/mean) = Z99·σ − σ²/2. Undefined when there is no root ≥ 0: p99 < mean, or
 * p99/mean > e^(Z99²/2) ≈ 14.97, or either is not positive. σ = 0 when p99 = mean.
 */
export function lognormalSigma(mean: number, p99: number): number | undefined {
  if (!(mean > 0 && p99 > 0)) return undefined;
  const l = Math.log(p99 / mean);
  const disc = Z99 * Z99 - 2 * l;
  if (l < 0 || disc < 0) return undefined;
  // Z99 − √disc, rearranged so it does not cancel when p99 is close to the mean.
  return (2 * l) / (Z99 + Math.sqrt(disc));
}

/** Builds the sampler for `spec`. Throws a RangeError for a lognormal with no valid σ. */
export function createDistribution(spec: DistSpec): Distribution {
  switch (spec.Dist) {
    case 'constant':
      return new ConstantDist(spec.Value);
    case 'exponential':
      return new ExponentialDist(spec.Mean);
    case 'lognormal': {
      const sigma = lognormalSigma(spec.Mean, spec.P99);
      if (sigma === undefined) {
        throw new RangeError(
          `lognormal needs 0 < Mean ≤ P99 ≤ ${Math.exp((Z99 * Z99) / 2).toFixed(2)}·Mean, got Mean ${spec.Mean}, P99 ${spec.P99}`,
        );
      }
      return new LognormalDist(spec.Mean, sigma);
    }
    case 'uniform':
      return new UniformDist(spec.Min, spec.Max);
  }
}

class ConstantDist implements Distribution {
  constructor(readonly mean: number) {}
  sample(rng: RandomStream): number {
    rng.next();
    return this.mean;
  }
  fill(out: Float64Array, n: number, rng: RandomStream): void {
    for (let i = 0; i < n; i++) rng.next();
    out.fill(this.mean, 0, n);
  }
}

class ExponentialDist implements Distribution {
  constructor(readonly mean: number) {}
  sample(rng: RandomStream): number {
    return -Math.log1p(-rng.next()) * this.mean;
  }
  fill(out: Float64Array, n: number, rng: RandomStream): void {
    const mean = this.mean;
    for (let i = 0; i < n; i++) out[i] = -Math.log1p(-rng.next()) * mean;
  }
}

class LognormalDist implements Distribution {
  private readonly mu: number;
  constructor(
    readonly mean: number,
    private readonly sigma: number,
  ) {
    this.mu = Math.log(mean) - (sigma * sigma) / 2;
  }
  sample(rng: RandomStream): number {
    // u = 0 gives Φ⁻¹ = −∞ and a value of 0, an event of probability 0 in theory.
    return Math.exp(this.mu + this.sigma * normalQuantile(rng.next()));
  }
  fill(out: Float64Array, n: number, rng: RandomStream): void {
    for (let i = 0; i < n; i++) out[i] = rng.next();
    normalQuantiles(out, n);
    const mu = this.mu;
    const sigma = this.sigma;
    for (let i = 0; i < n; i++) out[i] = Math.exp(mu + sigma * out[i]!);
  }
}

class UniformDist implements Distribution {
  readonly mean: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.mean = (min + max) / 2;
  }
  sample(rng: RandomStream): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  fill(out: Float64Array, n: number, rng: RandomStream): void {
    const min = this.min;
    const width = this.max - this.min;
    for (let i = 0; i < n; i++) out[i] = min + width * rng.next();
  }
}
