/**
 * A discounted rate (Savings Plans, Spot): the rate less a percentage, for line items that show
 * a discount as a lower unit price rather than a negative line.
 */

/**
 * `rateUsd` × (1 − `percent` / 100), rounded to 12 significant digits so that float noise
 * (0.096 × 0.3 = 0.028800000000000006) does not reach the report.
 * @param rateUsd a rate in USD per unit, ≥ 0.
 * @param percent the discount in percent, 0 to 100.
 * @throws RangeError if either is out of range or not finite.
 */
export function applyDiscount(rateUsd: number, percent: number): number {
  if (!(rateUsd >= 0) || !Number.isFinite(rateUsd)) {
    throw new RangeError(`applyDiscount: rate must be a finite number ≥ 0, got ${rateUsd}`);
  }
  if (!(percent >= 0 && percent <= 100)) {
    throw new RangeError(`applyDiscount: discount must be a percentage from 0 to 100, got ${percent}`);
  }
  // The min keeps rounding from lifting a rate above its undiscounted value.
  return Math.min(rateUsd, Number((rateUsd * (1 - percent / 100)).toPrecision(12))) + 0;
}
