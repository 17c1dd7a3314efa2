import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lineItem, roundUsd, sumCosts } from '../../src/report';

describe('lineItem', () => {
  it('prices 2 tasks × 0.5 vCPU × 3600 s at Linux/x86 as 3600 vCPU-s × $0.000011244 = $0.0404784', () => {
    const item = lineItem('Fargate vCPU', 2 * 0.5 * 3600, 'vCPU-second', 0.000011244);
    expect(item).toEqual({
      description: 'Fargate vCPU',
      quantity: 3600,
      unit: 'vCPU-second',
      unitPriceUsd: 0.000011244,
      costUsd: 0.0404784,
    });
  });

  it('prices 2 tasks × 1 GiB × 3600 s as 7200 GiB-s × $0.000001235 = $0.008892', () => {
    expect(lineItem('Fargate memory', 7200, 'GiB-second', 0.000001235).costUsd).toBe(0.008892);
  });

  it('keeps the cost of a single Lambda request, $0.0000002', () => {
    expect(lineItem('Lambda requests', 1, 'request', 0.0000002).costUsd).toBe(0.0000002);
  });

  it('rounds the cost to the nano-dollar: 1 ms at 128 MB x86 is 0.000125 GiB-s × $0.0000166667 ≈ $2.08e-9 → $2e-9', () => {
    expect(lineItem('Lambda duration', 0.000125, 'GiB-second', 0.0000166667).costUsd).toBe(0.000000002);
  });

  it('rejects negative and non-finite quantities and prices', () => {
    expect(() => lineItem('x', -1, 'request', 0.1)).toThrow(RangeError);
    expect(() => lineItem('x', 1, 'request', -0.1)).toThrow(RangeError);
    expect(() => lineItem('x', Number.NaN, 'request', 0.1)).toThrow(RangeError);
    expect(() => lineItem('x', 1, 'request', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('roundUsd', () => {
  it('rounds to 1e-9 USD, half away from zero, without negative zero', () => {
    expect(roundUsd(0.0000000015)).toBe(0.000000002);
    expect(roundUsd(0.0000000014)).toBe(0.000000001);
    expect(roundUsd(-0.0000000015)).toBe(-0.000000002);
    expect(Object.is(roundUsd(-0.0000000001), 0)).toBe(true);
  });
});

describe('sumCosts', () => {
  it('adds in whole nano-dollars, so $0.1 + $0.2 is exactly $0.3', () => {
    expect(sumCosts([{ costUsd: 0.1 }, { costUsd: 0.2 }])).toBe(0.3);
  });

  it('is 0 for no items', () => {
    expect(sumCosts([])).toBe(0);
  });

  const item = fc
    .record({ quantity: fc.double({ min: 0, max: 1e6, noNaN: true }), price: fc.double({ min: 0, max: 0.2, noNaN: true }) })
    .map(({ quantity, price }) => lineItem('x', quantity, 'unit', price));

  test.prop([fc.array(item, { maxLength: 20 })])('equals the sum of the line items and is never negative', (items) => {
    const total = sumCosts(items);
    const naive = items.reduce((s, i) => s + i.costUsd, 0);
    expect(total).toBeGreaterThanOrEqual(0);
    expect(Math.abs(total - naive)).toBeLessThanOrEqual(1e-9 + 4 * items.length * Number.EPSILON * naive);
    expect(sumCosts([...items].reverse())).toBe(total);
  });

  test.prop([fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })])(
    'prices a line item within half a nano-dollar of quantity × unit price, never below zero',
    (quantity, price) => {
      const { costUsd } = lineItem('x', quantity, 'unit', price);
      expect(costUsd).toBeGreaterThanOrEqual(0);
      expect(Math.abs(costUsd - quantity * price)).toBeLessThanOrEqual(5e-10 + 4 * Number.EPSILON * quantity * price);
    },
  );
});
