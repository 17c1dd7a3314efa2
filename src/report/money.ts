/**
 * Money at report time. Meters count usage; a line item prices it: cost = quantity × unit price,
 * computed once in double precision and rounded to the nano-dollar (1e-9 USD). Totals add line
 * items as integer nano-dollars, so a total is exactly the sum of the costs it shows.
 */
import type { LineItem } from './model';

/** The money resolution: 1e-9 USD. A single Lambda request costs 2e-7 USD, so this keeps 3 significant digits there. */
export const USD_RESOLUTION = 1e-9;

const NANOS_PER_USD = 1e9;

/** `usd` rounded to the nearest 1e-9 USD (half away from zero). */
export function roundUsd(usd: number): number {
  const nanos = Math.sign(usd) * Math.round(Math.abs(usd) * NANOS_PER_USD);
  return nanos / NANOS_PER_USD + 0; // + 0 turns -0 into 0
}

/**
 * A priced line: `costUsd` = `quantity` × `unitPriceUsd` rounded to 1e-9 USD.
 * Free tiers and discounts are expressed as a smaller billable quantity or a lower unit price,
 * never as negative lines.
 * @throws RangeError if `quantity` or `unitPriceUsd` is negative or not finite.
 */
export function lineItem(description: string, quantity: number, unit: string, unitPriceUsd: number): LineItem {
  if (!(quantity >= 0) || !Number.isFinite(quantity)) {
    throw new RangeError(`line item '${description}': quantity must be a finite number ≥ 0, got ${quantity}`);
  }
  if (!(unitPriceUsd >= 0) || !Number.isFinite(unitPriceUsd)) {
    throw new RangeError(`line item '${description}': unit price must be a finite number ≥ 0, got ${unitPriceUsd}`);
  }
  return { description, quantity, unit, unitPriceUsd, costUsd: roundUsd(quantity * unitPriceUsd) };
}

/**
 * Sum of the items' `costUsd` (each taken at 1e-9 USD resolution), added as integer nano-dollars:
 * exact up to about 9 million USD.
 */
export function sumCosts(items: Iterable<{ costUsd: number }>): number {
  let nanos = 0;
  for (const item of items) nanos += Math.round(item.costUsd * NANOS_PER_USD);
  return nanos / NANOS_PER_USD + 0;
}
