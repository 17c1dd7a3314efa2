import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Ec2Meter, ec2BilledSeconds, ec2LineItems } from '../../../src/aws/ec2';
import { pricesFor } from '../../../src/pricing';
import { sumCosts } from '../../../src/report';

const prices = pricesFor('us-east-1').ec2;
const H = 3_600_000;

function items(meter: Ec2Meter, options = {}) {
  return ec2LineItems(meter.usage, prices, options).map((l) => [l.description, l.quantity, l.unit, l.unitPriceUsd, l.costUsd]);
}

describe('EC2 billing', () => {
  it('bills two m5.large On-Demand for an hour at 2 × $0.096', () => {
    const m = new Ec2Meter(prices.minimumBilledSeconds);
    m.bill('m5.large', 'OnDemand', 0, H, true);
    m.bill('m5.large', 'OnDemand', 0, H, true);
    expect(items(m)).toEqual([['EC2 m5.large On-Demand (Linux)', 2, 'instance-hour', 0.096, 0.192]]);
  });

  it('bills an instance that ran 30 seconds for the 60-second minimum', () => {
    const m = new Ec2Meter(60);
    expect(m.bill('t3.medium', 'OnDemand', 5_000, 35_000, true)).toBe(60);
    // 60 s of $0.0416/h = $0.000693333… → $0.000693333 at 1e-9 resolution.
    expect(items(m)).toEqual([['EC2 t3.medium On-Demand (Linux)', 60 / 3600, 'instance-hour', 0.0416, 0.000693333]]);
  });

  it('bills per second, rounding a started second up', () => {
    expect(ec2BilledSeconds(0, 61_200, true, 60)).toBe(62);
    expect(ec2BilledSeconds(0, 61_000, true, 60)).toBe(61);
    expect(ec2BilledSeconds(1_000, 1_000, true, 60)).toBe(60);
  });

  it('bills an instance still running at the end of the run to the end, without the minimum', () => {
    const m = new Ec2Meter(60);
    expect(m.bill('m5.large', 'OnDemand', 0, 30_000, false)).toBe(30);
    expect(m.usage.rows).toEqual([{ instanceType: 'm5.large', purchaseOption: 'OnDemand', instanceSeconds: 30, instances: 1 }]);
  });

  it('bills Spot at (1 − discount) × On-Demand', () => {
    const m = new Ec2Meter(60);
    m.bill('m5.large', 'Spot', 0, H, true);
    expect(items(m, { spotDiscountFraction: 0.7 })).toEqual([
      ['EC2 m5.large Spot, 70 % off On-Demand (Linux)', 1, 'instance-hour', 0.0288, 0.0288],
    ]);
  });

  it('applies a Savings Plan to On-Demand usage only, not to Spot', () => {
    const m = new Ec2Meter(60);
    m.bill('c6g.large', 'Spot', 0, H, true);
    m.bill('c6g.large', 'OnDemand', 0, 2 * H, true);
    m.bill('m5.large', 'OnDemand', 0, H, true);
    const li = items(m, { spotDiscountFraction: 0.7, savingsPlanPercent: 28 });
    expect(li).toEqual([
      ['EC2 c6g.large Savings Plan, 28 % off On-Demand (Linux)', 2, 'instance-hour', 0.04896, 0.09792],
      ['EC2 c6g.large Spot, 70 % off On-Demand (Linux)', 1, 'instance-hour', 0.0204, 0.0204],
      ['EC2 m5.large Savings Plan, 28 % off On-Demand (Linux)', 1, 'instance-hour', 0.06912, 0.06912],
    ]);
    expect(sumCosts(ec2LineItems(m.usage, prices, { spotDiscountFraction: 0.7, savingsPlanPercent: 28 }))).toBe(0.18744);
  });

  it('needs a Spot discount to price Spot usage', () => {
    const m = new Ec2Meter(60);
    m.bill('m5.large', 'Spot', 0, H, true);
    expect(() => ec2LineItems(m.usage, prices)).toThrow(/spotDiscountFraction/);
    expect(() => ec2LineItems(m.usage, prices, { spotDiscountFraction: 1.5 })).toThrow(RangeError);
  });

  it('rejects an unknown instance type when billing it', () => {
    expect(() => new Ec2Meter(60).bill('m5.larg', 'OnDemand', 0, H, true)).toThrow(/did you mean m5.large/);
  });

  it('prices the one [A] price, m7g.xlarge, as the Lambda pricing page example does: $0.1632 and $0.0457 at 72 %', () => {
    const m = new Ec2Meter(60);
    m.bill('m7g.xlarge', 'OnDemand', 0, H, true);
    expect(items(m)[0]![4]).toBe(0.1632);
    expect(items(m, { savingsPlanPercent: 72 })[0]![4]).toBeCloseTo(0.0457, 4);
  });

  test.prop([
    fc.array(fc.tuple(fc.nat(10 * H), fc.nat(10 * H), fc.boolean(), fc.boolean()), { maxLength: 20 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  ])('never bills negative money, and bills each terminated instance at least 60 s', (runs, spot, sp) => {
    const m = new Ec2Meter(60);
    for (const [a, b, terminated, isSpot] of runs) {
      const s = m.bill('m6g.large', isSpot ? 'Spot' : 'OnDemand', Math.min(a, b), Math.max(a, b), terminated);
      if (terminated) expect(s).toBeGreaterThanOrEqual(60);
    }
    for (const l of ec2LineItems(m.usage, prices, { spotDiscountFraction: spot, savingsPlanPercent: sp })) {
      expect(l.costUsd).toBeGreaterThanOrEqual(0);
      expect(l.unitPriceUsd).toBeLessThanOrEqual(0.077);
    }
  });
});
