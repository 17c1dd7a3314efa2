/**
 * The Lambda bill from metered usage, as AWS's pricing examples lay it out: requests, on-demand
 * duration, INIT duration, provisioned concurrency, provisioned concurrency duration, ephemeral
 * storage. Quantities are requests and GB-seconds (MB-ms / 1,024 / 1,000); unit prices are the
 * price table's. Cost = quantity × price, computed here, at report time.
 *
 * A run is billed as one calendar month: the duration tiers (fact 74) count the run's aggregate
 * on-demand GB-s per architecture from zero, and the monthly free tier (fact 75) is granted once.
 * The free tier (1 M requests, 400,000 GB-s, shared by x86 and Arm) covers on-demand requests and
 * on-demand duration (INIT included), never provisioned concurrency or what runs on it (fact 64);
 * it is shown as a smaller billable quantity, never as a negative line. Tiers count all usage,
 * free or not, so the free GB-s come off the first tier.
 */
import { applyDiscount, type LambdaPrices, type TieredRate, tieredSlices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';
import { type LambdaArchitecture, type LambdaUsage, MB_MS_PER_GB_SECOND } from './LambdaMeter';

/** Free tier not yet used this month. */
export interface LambdaFreeTierLeft {
  requests: number;
  gibSeconds: number;
}

export interface LambdaLineItemOptions {
  /** Scenario `Pricing.FreeTier`: apply the monthly free tier. */
  freeTier: boolean;
  /** The architecture `usage` ran on (its duration rates and tiers). */
  architecture: LambdaArchitecture;
  /**
   * Free tier left for this usage; default the whole monthly allowance. `lambdaAccountLineItems`
   * passes what x86 usage left over to Arm usage.
   */
  freeTierLeft?: LambdaFreeTierLeft;
  /** Compute Savings Plan, percent off duration, INIT and provisioned concurrency (not requests or storage); default 0. */
  savingsPlanPercent?: number;
  /**
   * On-demand MB-ms (duration and INIT) the account's other functions of this architecture ran
   * before this usage in the month: the tiers are per account, so this usage starts that far in. Default 0.
   */
  tierOffsetMbMs?: number;
}

const LABEL: Record<LambdaArchitecture, string> = { x86_64: 'x86', arm64: 'Arm' };

/** Line items for one tiered stretch `[from, from + quantity)` MB-ms of the month's on-demand duration. */
function durationLines(
  name: string,
  tags: string[],
  rate: TieredRate,
  fromMbMs: number,
  billableMbMs: number,
  freeMbMs: number,
  discountPercent: number,
): LineItem[] {
  const slices = tieredSlices(rate, fromMbMs + freeMbMs, billableMbMs, MB_MS_PER_GB_SECOND);
  if (slices.length === 0 && freeMbMs > 0) slices.push({ tier: 0, quantity: 0, usd: rate.tiers[0]!.usd });
  return slices.map((s) => {
    const t = [...tags];
    if (s.tier > 0) t.push(`tier ${s.tier + 1}`);
    if (s.tier === 0 && freeMbMs > 0) t.push('less free tier');
    return lineItem(`${name} (${t.join(', ')})`, s.quantity / MB_MS_PER_GB_SECOND, rate.unit, applyDiscount(s.usd, discountPercent));
  });
}

/** What the free tier covers of `usage` given what is left of it: requests and MB-ms. */
export function freeTierCover(usage: Readonly<LambdaUsage>, left: LambdaFreeTierLeft): { requests: number; mbMs: number } {
  const onDemandRequests = usage.requests - usage.provisionedRequests;
  return {
    requests: Math.min(Math.max(0, left.requests), onDemandRequests),
    mbMs: Math.min(Math.max(0, Math.round(left.gibSeconds * MB_MS_PER_GB_SECOND)), usage.durationMbMs + usage.initMbMs),
  };
}

/**
 * Line items for one architecture's usage (all functions of it together, so the tiers see the
 * aggregate), in the order requests, duration, INIT duration, provisioned concurrency,
 * provisioned concurrency duration, ephemeral storage; a line only where there is usage.
 * Descriptions name the architecture, e.g. `Lambda duration (x86, on-demand, less free tier)`.
 */
export function lambdaLineItems(usage: Readonly<LambdaUsage>, prices: LambdaPrices, options: LambdaLineItemOptions): LineItem[] {
  const arch = LABEL[options.architecture];
  const sp = options.savingsPlanPercent ?? 0;
  const spTag = sp > 0 ? [`Savings Plan ${Number(sp.toPrecision(12))} % off`] : [];
  const left = options.freeTier ? (options.freeTierLeft ?? prices.freeTierPerMonth) : { requests: 0, gibSeconds: 0 };
  const free = freeTierCover(usage, left);
  const items: LineItem[] = [];

  if (usage.requests > 0) {
    const tag = free.requests > 0 ? `${arch}, less free tier` : arch;
    items.push(lineItem(`Lambda requests (${tag})`, usage.requests - free.requests, prices.request.unit, prices.request.usd));
  }

  const rate = options.architecture === 'arm64' ? prices.durationArm : prices.durationX86;
  const offset = options.tierOffsetMbMs ?? 0;
  // The month's on-demand GB-s: invocations first, then INIT; the free tier covers the first GB-s.
  const freeOnDuration = Math.min(free.mbMs, usage.durationMbMs);
  const freeOnInit = free.mbMs - freeOnDuration;
  if (usage.durationMbMs > 0) {
    items.push(
      ...durationLines('Lambda duration', [arch, 'on-demand', ...spTag], rate, offset, usage.durationMbMs - freeOnDuration, freeOnDuration, sp),
    );
  }
  if (usage.initMbMs > 0) {
    items.push(
      ...durationLines('Lambda INIT duration', [arch, ...spTag], rate, offset + usage.durationMbMs, usage.initMbMs - freeOnInit, freeOnInit, sp),
    );
  }

  const pc = options.architecture === 'arm64' ? prices.provisionedArm : prices.provisionedX86;
  const pcTags = [arch, ...spTag].join(', ');
  if (usage.provisionedMbMs > 0) {
    items.push(
      lineItem(
        `Provisioned concurrency (${pcTags})`,
        usage.provisionedMbMs / MB_MS_PER_GB_SECOND,
        pc.configuredGibSecond.unit,
        applyDiscount(pc.configuredGibSecond.usd, sp),
      ),
    );
  }
  if (usage.provisionedDurationMbMs > 0) {
    items.push(
      lineItem(
        `Provisioned concurrency duration (${pcTags})`,
        usage.provisionedDurationMbMs / MB_MS_PER_GB_SECOND,
        pc.executedGibSecond.unit,
        applyDiscount(pc.executedGibSecond.usd, sp),
      ),
    );
  }
  if (usage.ephemeralExtraMbMs > 0) {
    items.push(
      lineItem(
        `Ephemeral storage (${arch}, above ${prices.freeEphemeralStorageMiB} MB)`,
        usage.ephemeralExtraMbMs / MB_MS_PER_GB_SECOND,
        prices.ephemeralStorageGibSecond.unit,
        prices.ephemeralStorageGibSecond.usd,
      ),
    );
  }
  return items;
}

export interface LambdaAccountOptions {
  freeTier: boolean;
  savingsPlanPercent?: number;
}

/**
 * Line items for an account's Lambda usage by architecture: x86 lines, then Arm lines. The free
 * tier is shared: x86 usage draws on it first (the order AWS's price table lists them; AWS does
 * not say how it splits the allowance), Arm usage gets what is left.
 */
export function lambdaAccountLineItems(
  usageByArchitecture: Partial<Record<LambdaArchitecture, Readonly<LambdaUsage>>>,
  prices: LambdaPrices,
  options: LambdaAccountOptions,
): LineItem[] {
  const items: LineItem[] = [];
  let left: LambdaFreeTierLeft = options.freeTier ? { ...prices.freeTierPerMonth } : { requests: 0, gibSeconds: 0 };
  for (const architecture of ['x86_64', 'arm64'] as const) {
    const usage = usageByArchitecture[architecture];
    if (usage === undefined) continue;
    items.push(...lambdaLineItems(usage, prices, { ...options, architecture, freeTierLeft: left }));
    const used = freeTierCover(usage, left);
    left = {
      requests: left.requests - used.requests,
      gibSeconds: (Math.round(left.gibSeconds * MB_MS_PER_GB_SECOND) - used.mbMs) / MB_MS_PER_GB_SECOND,
    };
  }
  return items;
}
