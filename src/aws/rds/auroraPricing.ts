/**
 * The Aurora bill from metered usage: serverless capacity (ACU-hours at the Standard or
 * I/O-Optimized rate), provisioned DB instances (per second, 10-minute minimum), storage
 * (GB-months) and storage I/O (Aurora Standard only). Cost = quantity × unit price, at report time.
 */
import type { AuroraPrices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';
import { type AuroraUsage, MS_PER_HOUR } from './AuroraMeter';

/** Hours in the month storage GB-months are prorated over (the month AWS's pricing examples use). */
export const HOURS_PER_MONTH = 730;

/**
 * Aurora Serverless v1 capacity, USD per ACU-hour (us-east-1). Third-party sources only
 * (aws-facts 93, confidence C), so it is kept out of the price table, whose Aurora rates are all
 * confidence B; v1 has been retired since March 2025 and is modelled for contrast.
 */
export const V1_ACU_HOUR_USD_UNVERIFIED = 0.06;

export interface AuroraBillingInput {
  mode: 'v2' | 'v1';
  storageType: 'aurora' | 'aurora-iopt1';
  storageGB: number;
  ioPerQuery: number;
  /** DB instance class of each provisioned instance, by logical ID. */
  provisionedClasses: Record<string, string>;
}

/** Billed seconds of a provisioned instance that ran `ms`: rounded up to the second, at least the minimum. */
export function provisionedBilledSeconds(ms: number, minimumSeconds: number): number {
  if (!(ms > 0)) return 0;
  return Math.max(minimumSeconds, Math.ceil(ms / 1000 - 1e-9));
}

/**
 * Line items in the order capacity, provisioned instances (by logical ID), storage, I/O; a line
 * only where there is usage. ACU lines name ACUs in their description and unit.
 */
export function auroraLineItems(usage: Readonly<AuroraUsage>, prices: AuroraPrices, input: AuroraBillingInput): LineItem[] {
  const iopt = input.storageType === 'aurora-iopt1';
  const tier = iopt ? 'I/O-Optimized' : 'Standard';
  const items: LineItem[] = [];
  if (usage.halfAcuMs > 0) {
    const acuHours = usage.halfAcuMs / 2 / MS_PER_HOUR;
    if (input.mode === 'v1') {
      items.push(lineItem('Aurora Serverless v1 capacity (ACUs, price unverified)', acuHours, 'ACU-hour', V1_ACU_HOUR_USD_UNVERIFIED));
    } else {
      const rate = iopt ? prices.ioOptimizedAcuHour : prices.standardAcuHour;
      items.push(lineItem(`Aurora Serverless v2 capacity (ACUs, ${tier})`, acuHours, rate.unit, rate.usd));
    }
  }
  for (const [id, cls] of Object.entries(input.provisionedClasses)) {
    const rate = prices.provisionedInstanceHour[cls];
    const seconds = provisionedBilledSeconds(usage.provisionedMs[id] ?? 0, prices.minimumBilledSeconds);
    if (rate === undefined || seconds === 0) continue;
    const usd = iopt ? rate.usd * prices.ioOptimizedComputeMultiplier : rate.usd;
    items.push(lineItem(`Aurora DB instance ${id} (${cls}, ${tier})`, seconds / 3600, rate.unit, usd));
  }
  if (input.storageGB > 0 && usage.runMs > 0) {
    const rate = iopt ? prices.ioOptimizedStorageGbMonth : prices.standardStorageGbMonth;
    const gbMonths = (input.storageGB * usage.runMs) / MS_PER_HOUR / HOURS_PER_MONTH;
    items.push(lineItem(`Aurora storage (${tier})`, gbMonths, rate.unit, rate.usd));
  }
  if (!iopt && usage.queries > 0 && input.ioPerQuery > 0) {
    const rate = prices.standardIoRequest;
    items.push(lineItem('Aurora I/O requests (Standard)', usage.queries * input.ioPerQuery, rate.unit, rate.usd));
  }
  return items;
}
