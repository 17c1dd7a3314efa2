import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  decimalString,
  formatMs,
  formatPercentChange,
  formatQuantity,
  formatUnitPriceUsd,
  formatUsd,
} from '../../src/report';

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.5, '$0.50'],
    [0.0404784, '$0.0405'],
    [0.000123, '$0.000123'],
    [0.0000002, '$0.0000002'],
    [0.001, '$0.001'],
    [0.99999, '$1.00'],
    [1, '$1.00'],
    [49.37, '$49.37'],
    [1234.5678, '$1,234.57'],
    [1234567.891, '$1,234,567.89'],
    [-0.25, '-$0.25'],
    [-1500, '-$1,500.00'],
  ])('formats %d as %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});

describe('other formats', () => {
  it('keeps every digit of a unit price', () => {
    expect(formatUnitPriceUsd(0.0000089944)).toBe('$0.0000089944');
    expect(formatUnitPriceUsd(0.0416)).toBe('$0.0416');
    expect(formatUnitPriceUsd(1000)).toBe('$1,000');
  });

  it('groups quantities and drops float noise', () => {
    expect(formatQuantity(3600)).toBe('3,600');
    expect(formatQuantity(3600.0000000001)).toBe('3,600');
    expect(formatQuantity(0.125)).toBe('0.125');
    expect(formatQuantity(1234567.891)).toBe('1,234,567.89');
  });

  it('gives latencies 4 significant digits, n/a when missing', () => {
    expect(formatMs(0.125)).toBe('0.125');
    expect(formatMs(15.007)).toBe('15.01');
    expect(formatMs(1234.5)).toBe('1,235');
    expect(formatMs(null)).toBe('n/a');
    expect(formatMs(Number.NaN)).toBe('n/a');
  });

  it('signs percent changes and copes with a zero base', () => {
    expect(formatPercentChange(80, 100)).toBe('-20.0%');
    expect(formatPercentChange(112.5, 100)).toBe('+12.5%');
    expect(formatPercentChange(100.01, 100)).toBe('0.0%');
    expect(formatPercentChange(0, 0)).toBe('0.0%');
    expect(formatPercentChange(1, 0)).toBe('n/a');
  });
});

describe('decimalString', () => {
  it('writes exponent forms in plain decimals', () => {
    expect(decimalString(2e-7)).toBe('0.0000002');
    expect(decimalString(-3.4e-9)).toBe('-0.0000000034');
    expect(decimalString(1.5e21)).toBe('1500000000000000000000');
    expect(decimalString(0.000011244)).toBe('0.000011244');
    expect(decimalString(-0)).toBe('0');
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('parses back to the same number', (x) => {
    const s = decimalString(x);
    expect(s).not.toMatch(/e/i);
    expect(Number(s)).toBe(x + 0);
  });

  it('refuses NaN and infinities', () => {
    expect(() => decimalString(Number.NaN)).toThrow(RangeError);
    expect(() => decimalString(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});
