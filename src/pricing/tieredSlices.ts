/**
 * Splits a month's usage across the tiers of a tiered rate (Lambda duration, API Gateway calls).
 * Tiers are counted on the month's cumulative usage, so usage that starts `from` units into the
 * month (after a free allowance, or after another line's usage) is priced from that point on.
 */
import type { TieredRate } from './PriceTable';

/** The part of some usage that falls in one tier. */
export interface TierSlice {
  /** Index of the tier in `rate.tiers` (0 = first). */
  tier: number;
  /** Usage in this tier, in the caller's units (see `unitsPerRateUnit`). */
  quantity: number;
  /** The tier's price, USD per one unit of the rate. */
  usd: number;
}

/**
 * The tiers that usage `[from, from + quantity)` of the month falls in, in tier order, only those
 * with usage. `from` and `quantity` are in units of `1 / unitsPerRateUnit` of the rate's unit, so
 * that integer meters (MB-ms against a GiB-second rate: 1,024,000) split exactly.
 * @throws RangeError if `from` or `quantity` is negative or not finite, or the scale is not positive.
 */
export function tieredSlices(rate: TieredRate, from: number, quantity: number, unitsPerRateUnit = 1): TierSlice[] {
  if (!(from >= 0) || !Number.isFinite(from) || !(quantity >= 0) || !Number.isFinite(quantity)) {
    throw new RangeError(`tieredSlices: usage must be finite and ≥ 0, got from ${from}, quantity ${quantity}`);
  }
  if (!(unitsPerRateUnit > 0)) throw new RangeError(`tieredSlices: unitsPerRateUnit must be > 0, got ${unitsPerRateUnit}`);
  const out: TierSlice[] = [];
  const end = from + quantity;
  let lower = 0;
  for (let i = 0; i < rate.tiers.length && lower < end; i++) {
    const tier = rate.tiers[i]!;
    const upper = tier.upToPerMonth === null ? Number.POSITIVE_INFINITY : tier.upToPerMonth * unitsPerRateUnit;
    const q = Math.min(end, upper) - Math.max(from, lower);
    if (q > 0) out.push({ tier: i, quantity: q, usd: tier.usd });
    lower = upper;
  }
  return out;
}
