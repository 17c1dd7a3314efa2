import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyDiscount } from '../../src/pricing';

describe('applyDiscount', () => {
  it('takes a percentage off a rate, without float noise', () => {
    expect(0.096 * (1 - 70 / 100)).toBe(0.028800000000000006); // the noise it removes
    expect(applyDiscount(0.096, 70)).toBe(0.0288);
    expect(applyDiscount(0.096, 28)).toBe(0.06912);
    expect(applyDiscount(0.1632, 72)).toBe(0.045696);
    expect(applyDiscount(0.000011244, 70)).toBe(0.0000033732);
    expect(applyDiscount(0.096, 0)).toBe(0.096);
    expect(applyDiscount(0.096, 100)).toBe(0);
  });

  it('rejects a discount outside 0–100 % and a negative rate', () => {
    expect(() => applyDiscount(0.096, -1)).toThrow(RangeError);
    expect(() => applyDiscount(0.096, 101)).toThrow(RangeError);
    expect(() => applyDiscount(0.096, Number.NaN)).toThrow(RangeError);
    expect(() => applyDiscount(-0.1, 10)).toThrow(RangeError);
  });

  test.prop([fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })])(
    'never gives less than zero or more than the rate',
    (rate, percent) => {
      const r = applyDiscount(rate, percent);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(rate);
    },
  );
});
