import { describe, expect, it } from 'vitest';
import { type TieredRate, tieredSlices } from '../../src/pricing';

const rate: TieredRate = {
  unit: 'request',
  tiers: [
    { upToPerMonth: 100, usd: 3 },
    { upToPerMonth: 250, usd: 2 },
    { upToPerMonth: null, usd: 1 },
  ],
  confidence: 'A',
  facts: '',
};

describe('tieredSlices', () => {
  it('keeps usage inside the first tier in one slice', () => {
    expect(tieredSlices(rate, 0, 40)).toEqual([{ tier: 0, quantity: 40, usd: 3 }]);
  });

  it('splits usage that crosses tier bounds, the last tier open-ended', () => {
    expect(tieredSlices(rate, 0, 400)).toEqual([
      { tier: 0, quantity: 100, usd: 3 },
      { tier: 1, quantity: 150, usd: 2 },
      { tier: 2, quantity: 150, usd: 1 },
    ]);
  });

  it('counts usage from where the month already is (after a free allowance)', () => {
    expect(tieredSlices(rate, 90, 20)).toEqual([
      { tier: 0, quantity: 10, usd: 3 },
      { tier: 1, quantity: 10, usd: 2 },
    ]);
    expect(tieredSlices(rate, 300, 5)).toEqual([{ tier: 2, quantity: 5, usd: 1 }]);
  });

  it('scales tier bounds for sub-units (MB-ms against GiB-seconds)', () => {
    expect(tieredSlices(rate, 0, 150_000, 1000)).toEqual([
      { tier: 0, quantity: 100_000, usd: 3 },
      { tier: 1, quantity: 50_000, usd: 2 },
    ]);
  });

  it('gives no slice for no usage and rejects negative usage', () => {
    expect(tieredSlices(rate, 100, 0)).toEqual([]);
    expect(() => tieredSlices(rate, 0, -1)).toThrow(RangeError);
    expect(() => tieredSlices(rate, Number.NaN, 1)).toThrow(RangeError);
  });
});
