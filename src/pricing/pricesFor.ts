/**
 * Looks up a region's price table. Tables are frozen: callers share them and must not edit them.
 */
import { usEast1 } from './data/us-east-1';
import type { PriceTable } from './PriceTable';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const TABLES: ReadonlyMap<string, PriceTable> = new Map([[usEast1.region, deepFreeze(usEast1)]]);

/** Region codes that have a price table, sorted. */
export function regionsWithPrices(): string[] {
  return [...TABLES.keys()].sort();
}

/**
 * The price table for `region` (e.g. `us-east-1`).
 * @throws Error naming the regions that have prices when `region` has none.
 */
export function pricesFor(region: string): PriceTable {
  const table = TABLES.get(region);
  if (table === undefined) {
    throw new Error(
      `no prices for region '${region}': prices are available for ${regionsWithPrices().join(', ')} only`,
    );
  }
  return table;
}
