/**
 * Lambda line items against hand computation, to the nano-dollar the report keeps
 * (prices: us-east-1, aws-facts.md facts 72–77).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  emptyLambdaUsage,
  LambdaMeter,
  type LambdaUsage,
  lambdaAccountLineItems,
  lambdaLineItems,
  MB_MS_PER_GB_SECOND,
} from '../../../src/aws/lambda';
import { pricesFor } from '../../../src/pricing';
import { sumCosts } from '../../../src/report';

const prices = pricesFor('us-east-1').lambda;

function usage(part: Partial<LambdaUsage>): LambdaUsage {
  return { ...emptyLambdaUsage(), ...part };
}

/** On-demand usage of `n` invocations of `ms` each at `memoryMB`. */
function onDemand(n: number, ms: number, memoryMB: number): LambdaUsage {
  return usage({ invocations: n, requests: n, durationMbMs: n * ms * memoryMB });
}

function brief(items: ReturnType<typeof lambdaLineItems>): [string, number, number][] {
  return items.map((i) => [i.description, i.quantity, i.costUsd]);
}

describe('Lambda line items', () => {
  it("reproduces AWS's pricing example: 3 M requests of 120 ms at 1,536 MB, x86, with the free tier ($2.73)", () => {
    // 3,000,000 × 0.12 s × 1.5 GB = 540,000 GB-s; less 400,000 free = 140,000 × $0.0000166667 = $2.333338.
    // 3 M requests less 1 M free = 2 M × $0.0000002 = $0.40.
    const items = lambdaLineItems(onDemand(3_000_000, 120, 1536), prices, { freeTier: true, architecture: 'x86_64' });
    expect(brief(items)).toEqual([
      ['Lambda requests (x86, less free tier)', 2_000_000, 0.4],
      ['Lambda duration (x86, on-demand, less free tier)', 140_000, 2.333338],
    ]);
    expect(items[1]!.unitPriceUsd).toBe(0.0000166667);
    expect(sumCosts(items)).toBe(2.733338);
  });

  it('bills the same usage in full without the free tier', () => {
    const items = lambdaLineItems(onDemand(3_000_000, 120, 1536), prices, { freeTier: false, architecture: 'x86_64' });
    expect(brief(items)).toEqual([
      ['Lambda requests (x86)', 3_000_000, 0.6],
      ['Lambda duration (x86, on-demand)', 540_000, 9.000018],
    ]);
  });

  it('prices Arm duration at the Arm rate', () => {
    // 140,000 GB-s × $0.0000133334 = $1.866676.
    const items = lambdaLineItems(onDemand(3_000_000, 120, 1536), prices, { freeTier: true, architecture: 'arm64' });
    expect(brief(items)).toEqual([
      ['Lambda requests (Arm, less free tier)', 2_000_000, 0.4],
      ['Lambda duration (Arm, on-demand, less free tier)', 140_000, 1.866676],
    ]);
  });

  it('splits duration across the x86 tiers at 6 billion GB-s a month', () => {
    const u = usage({ invocations: 1, requests: 1, durationMbMs: 7_000_000_000 * MB_MS_PER_GB_SECOND });
    expect(brief(lambdaLineItems(u, prices, { freeTier: false, architecture: 'x86_64' }))).toEqual([
      ['Lambda requests (x86)', 1, 0.0000002],
      ['Lambda duration (x86, on-demand)', 6_000_000_000, 100_000.2],
      ['Lambda duration (x86, on-demand, tier 2)', 1_000_000_000, 15_000],
    ]);
    // The free GB-s come off the first tier; the tier bounds count all usage.
    expect(brief(lambdaLineItems(u, prices, { freeTier: true, architecture: 'x86_64' })).slice(1)).toEqual([
      ['Lambda duration (x86, on-demand, less free tier)', 5_999_600_000, 99_993.53332],
      ['Lambda duration (x86, on-demand, tier 2)', 1_000_000_000, 15_000],
    ]);
  });

  it('starts a function’s duration as far into the tiers as the account’s other functions of its architecture went', () => {
    // Another x86 function already ran 5.5 billion GB-s this month: this one's 1 billion crosses into tier 2 halfway.
    const u = usage({ invocations: 1, requests: 1, durationMbMs: 1_000_000_000 * MB_MS_PER_GB_SECOND });
    const items = lambdaLineItems(u, prices, { freeTier: false, architecture: 'x86_64', tierOffsetMbMs: 5_500_000_000 * MB_MS_PER_GB_SECOND });
    expect(brief(items).slice(1)).toEqual([
      ['Lambda duration (x86, on-demand)', 500_000_000, 8_333.35],
      ['Lambda duration (x86, on-demand, tier 2)', 500_000_000, 7_500],
    ]);
  });

  it('counts INIT duration into the same tiers, after invocation duration', () => {
    const u = usage({
      invocations: 1,
      requests: 1,
      durationMbMs: 5_999_999_000 * MB_MS_PER_GB_SECOND,
      initMbMs: 3_000 * MB_MS_PER_GB_SECOND,
    });
    const items = lambdaLineItems(u, prices, { freeTier: false, architecture: 'x86_64' });
    expect(items.slice(2).map((i) => [i.description, i.quantity, i.unitPriceUsd])).toEqual([
      ['Lambda INIT duration (x86)', 1_000, 0.0000166667],
      ['Lambda INIT duration (x86, tier 2)', 2_000, 0.000015],
    ]);
  });

  it("bills provisioned concurrency and what runs on it at the PC rates, outside the free tier (AWS's PC example, $41.91)", () => {
    // 1,024 MB, 1,000 PC for 2 hours: 1,000 × 1 GB × 7,200 s = 7,200,000 GB-s × $0.0000041667 = $30.00024.
    // 1.2 M invocations of 1 s on it: 1,200,000 GB-s × $0.0000097222 = $11.66664; 1.2 M × $0.0000002 = $0.24.
    const meter = new LambdaMeter({ memoryMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 512, billInit: true }, prices);
    meter.setProvisioned(1000, 0);
    for (let i = 0; i < 1_200_000; i++) meter.invoke(1000, true);
    meter.setProvisioned(0, 2 * 3600 * 1000);
    const items = lambdaLineItems(meter.usage, prices, { freeTier: true, architecture: 'x86_64' });
    expect(brief(items)).toEqual([
      ['Lambda requests (x86)', 1_200_000, 0.24],
      ['Provisioned concurrency (x86)', 7_200_000, 30.00024],
      ['Provisioned concurrency duration (x86)', 1_200_000, 11.66664],
    ]);
    expect(sumCosts(items)).toBe(41.90688);
  });

  it('gives spill-over beyond provisioned concurrency on-demand rates and the free tier', () => {
    const u = usage({
      invocations: 2_000_000,
      requests: 2_000_000,
      provisionedRequests: 1_500_000,
      durationMbMs: 500_000 * 100 * 1024,
      provisionedDurationMbMs: 1_500_000 * 100 * 1024,
    });
    expect(brief(lambdaLineItems(u, prices, { freeTier: true, architecture: 'x86_64' }))).toEqual([
      ['Lambda requests (x86, less free tier)', 1_500_000, 0.3],
      ['Lambda duration (x86, on-demand, less free tier)', 0, 0],
      ['Provisioned concurrency duration (x86)', 150_000, 1.45833],
    ]);
  });

  it('bills INIT only when it is billed, at the on-demand duration rate', () => {
    const config = { memoryMB: 512, architecture: 'x86_64', ephemeralStorageMB: 512 } as const;
    const billed = new LambdaMeter({ ...config, billInit: true }, prices);
    const free = new LambdaMeter({ ...config, billInit: false }, prices);
    for (const m of [billed, free]) {
      for (let i = 0; i < 1000; i++) {
        m.init(150.2);
        m.invoke(10, false);
      }
    }
    // 1,000 × 151 ms × 512 MB = 75.5 GB-s × $0.0000166667 = $0.00125833585 → $0.001258336.
    const withInit = lambdaLineItems(billed.usage, prices, { freeTier: false, architecture: 'x86_64' });
    expect(brief(withInit).find(([d]) => d.startsWith('Lambda INIT'))).toEqual(['Lambda INIT duration (x86)', 75.5, 0.001258336]);
    const without = lambdaLineItems(free.usage, prices, { freeTier: false, architecture: 'x86_64' });
    expect(without.map((i) => i.description)).toEqual(['Lambda requests (x86)', 'Lambda duration (x86, on-demand)']);
  });

  it('lets the free tier cover INIT duration after invocation duration', () => {
    const u = usage({ invocations: 10, requests: 10, durationMbMs: 300_000 * MB_MS_PER_GB_SECOND, initMbMs: 150_000 * MB_MS_PER_GB_SECOND });
    expect(brief(lambdaLineItems(u, prices, { freeTier: true, architecture: 'x86_64' })).slice(1)).toEqual([
      ['Lambda duration (x86, on-demand, less free tier)', 0, 0],
      ['Lambda INIT duration (x86, less free tier)', 50_000, 0.833335],
    ]);
  });

  it('bills ephemeral storage above 512 MB for the billed duration', () => {
    // 1 M invocations of 1 s with 10,240 MB of /tmp: 9,728 MB × 1,000,000 s = 9,500,000 GB-s × $0.0000000309 = $0.29355.
    const meter = new LambdaMeter({ memoryMB: 1024, architecture: 'arm64', ephemeralStorageMB: 10_240, billInit: true }, prices);
    for (let i = 0; i < 1_000_000; i++) meter.invoke(999.3, false);
    const items = lambdaLineItems(meter.usage, prices, { freeTier: false, architecture: 'arm64' });
    expect(brief(items).at(-1)).toEqual(['Ephemeral storage (Arm, above 512 MB)', 9_500_000, 0.29355]);
  });

  it('rounds each invocation up to the millisecond, not the sum', () => {
    const meter = new LambdaMeter({ memoryMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 512, billInit: true }, prices);
    for (let i = 0; i < 10; i++) meter.invoke(100.4, false);
    expect(meter.usage.durationMbMs).toBe(10 * 101 * 1024); // not 1,004 ms
  });

  it('shares the free tier between x86 and Arm, x86 first', () => {
    // x86: 600,000 requests and 300,000 GB-s, all free; Arm gets the remaining 400,000 requests and 100,000 GB-s.
    const x86 = onDemand(600_000, 500, 1024);
    const arm = onDemand(600_000, 500, 1024);
    const items = lambdaAccountLineItems({ x86_64: x86, arm64: arm }, prices, { freeTier: true });
    expect(brief(items)).toEqual([
      ['Lambda requests (x86, less free tier)', 0, 0],
      ['Lambda duration (x86, on-demand, less free tier)', 0, 0],
      ['Lambda requests (Arm, less free tier)', 200_000, 0.04],
      ['Lambda duration (Arm, on-demand, less free tier)', 200_000, 2.66668],
    ]);
    expect(lambdaAccountLineItems({ arm64: arm }, prices, { freeTier: true })[1]!.quantity).toBe(0);
  });

  it('takes a Savings Plan off duration and provisioned concurrency, not requests', () => {
    const items = lambdaLineItems(onDemand(3_000_000, 120, 1536), prices, { freeTier: false, architecture: 'x86_64', savingsPlanPercent: 17 });
    expect(brief(items)).toEqual([
      ['Lambda requests (x86)', 3_000_000, 0.6],
      ['Lambda duration (x86, on-demand, Savings Plan 17 % off)', 540_000, 7.47001494],
    ]);
  });

  it('shows no line for usage that is not there', () => {
    expect(lambdaLineItems(emptyLambdaUsage(), prices, { freeTier: true, architecture: 'x86_64' })).toEqual([]);
  });

  test.prop([
    fc.record({
      n: fc.integer({ min: 0, max: 5_000_000 }),
      pc: fc.integer({ min: 0, max: 5_000_000 }),
      ms: fc.integer({ min: 1, max: 900_000 }),
      mem: fc.integer({ min: 128, max: 10_240 }),
      init: fc.integer({ min: 0, max: 10_000 }),
    }),
    fc.constantFrom('x86_64' as const, 'arm64' as const),
  ])('never charges a negative amount, and the free tier never raises the bill', ({ n, pc, ms, mem, init }, architecture) => {
    const u = usage({
      invocations: n + pc,
      requests: n + pc,
      provisionedRequests: pc,
      durationMbMs: n * ms * mem,
      provisionedDurationMbMs: pc * ms * mem,
      initMbMs: init * mem * 1000,
    });
    const free = lambdaLineItems(u, prices, { freeTier: true, architecture });
    const full = lambdaLineItems(u, prices, { freeTier: false, architecture });
    for (const i of [...free, ...full]) {
      expect(i.quantity).toBeGreaterThanOrEqual(0);
      expect(i.costUsd).toBeGreaterThanOrEqual(0);
    }
    expect(sumCosts(free)).toBeLessThanOrEqual(sumCosts(full));
    // Tier slices add up to the usage they price.
    const gbs = full.filter((i) => i.description.startsWith('Lambda duration')).reduce((a, i) => a + i.quantity, 0);
    expect(gbs).toBeCloseTo(u.durationMbMs / MB_MS_PER_GB_SECOND, 3);
  });
});
