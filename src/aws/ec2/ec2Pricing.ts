/**
 * The bill from an EC2 meter's usage: On-Demand at the hourly list price, Spot at a scenario
 * discount off On-Demand (AWS sets Spot prices dynamically, so the discount is a setting, not a
 * price), and a Savings Plan as a percentage off On-Demand usage (never Spot). Quantities are
 * instance-hours (instance-seconds / 3600), unit prices USD per instance-hour.
 */
import { applyDiscount, type Ec2Prices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';
import type { Ec2PurchaseOption, Ec2Usage } from './Ec2Meter';

export interface Ec2PricingOptions {
  /** Spot discount off On-Demand as a fraction, 0–1 (scenario `Settings.Spot.Ec2Discount`); required when usage has Spot. */
  spotDiscountFraction?: number;
  /** Savings Plan discount on On-Demand usage, percent 0–100 (scenario `Pricing.SavingsPlan.Ec2`); default 0. */
  savingsPlanPercent?: number;
}

/**
 * The On-Demand Linux price of `instanceType`, USD per instance-hour.
 * @throws Error naming the priced types when `instanceType` has no price.
 */
export function ec2OnDemandHourlyUsd(prices: Ec2Prices, instanceType: string): number {
  const p = prices.onDemandLinux[instanceType];
  if (p === undefined) {
    throw new Error(
      `no EC2 On-Demand price for '${instanceType}': priced types are ${Object.keys(prices.onDemandLinux).join(', ')}`,
    );
  }
  return p.hourly.usd;
}

function percentLabel(percent: number): string {
  return `${Number(percent.toPrecision(12))} %`;
}

/** USD per instance-hour for one purchase option, with its line-item label. */
export function ec2HourlyRate(
  prices: Ec2Prices,
  instanceType: string,
  purchaseOption: Ec2PurchaseOption,
  options: Ec2PricingOptions = {},
): { label: string; hourlyUsd: number } {
  const onDemand = ec2OnDemandHourlyUsd(prices, instanceType);
  if (purchaseOption === 'Spot') {
    const f = options.spotDiscountFraction;
    if (f === undefined || !(f >= 0 && f <= 1)) {
      throw new RangeError(`EC2 Spot usage needs spotDiscountFraction between 0 and 1 (Settings.Spot.Ec2Discount), got ${f}`);
    }
    return { label: `Spot, ${percentLabel(f * 100)} off On-Demand`, hourlyUsd: applyDiscount(onDemand, f * 100) };
  }
  const sp = options.savingsPlanPercent ?? 0;
  if (sp > 0) return { label: `Savings Plan, ${percentLabel(sp)} off On-Demand`, hourlyUsd: applyDiscount(onDemand, sp) };
  return { label: 'On-Demand', hourlyUsd: applyDiscount(onDemand, 0) };
}

const OPTION_ORDER: Record<Ec2PurchaseOption, number> = { OnDemand: 0, Spot: 1 };

/**
 * One line item per instance type and purchase option with usage, sorted by type then
 * On-Demand before Spot: e.g. "EC2 m5.large On-Demand (Linux)", quantity in instance-hours.
 */
export function ec2LineItems(usage: Ec2Usage, prices: Ec2Prices, options: Ec2PricingOptions = {}): LineItem[] {
  const rows = usage.rows
    .filter((r) => r.instanceSeconds > 0)
    .sort(
      (a, b) =>
        (a.instanceType < b.instanceType ? -1 : a.instanceType > b.instanceType ? 1 : 0) ||
        OPTION_ORDER[a.purchaseOption] - OPTION_ORDER[b.purchaseOption],
    );
  return rows.map((r) => {
    const { label, hourlyUsd } = ec2HourlyRate(prices, r.instanceType, r.purchaseOption, options);
    return lineItem(`EC2 ${r.instanceType} ${label} (Linux)`, r.instanceSeconds / 3600, 'instance-hour', hourlyUsd);
  });
}
