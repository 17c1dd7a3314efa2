import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../src/report';

/** The exact nearest-rank percentile of sorted values. */
function exactPercentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Within the histogram's stated error: relative error plus rounding to the microsecond. */
function expectWithin(h: LatencyHistogram, got: number, exact: number): void {
  expect(Math.abs(got - exact)).toBeLessThanOrEqual(h.relativeError * exact + 0.0005);
}

describe('LatencyHistogram', () => {
  it('states its relative error: 0.001 for 3 significant digits, 0.01 for 2', () => {
    expect(new LatencyHistogram().relativeError).toBe(0.001);
    expect(new LatencyHistogram(2).relativeError).toBe(0.01);
  });

  it.each([3, 2] as const)('reports percentiles of 1..10,000 ms within the stated error (%i digits)', (digits) => {
    const h = new LatencyHistogram(digits);
    const values: number[] = [];
    for (let i = 1; i <= 10_000; i++) {
      values.push(i);
      h.record(i);
    }
    for (const p of [1, 10, 50, 90, 95, 99, 99.9, 100]) expectWithin(h, h.percentile(p), exactPercentile(values, p));
    expect(h.count).toBe(10_000);
    expectWithin(h, h.mean, 5000.5);
    expectWithin(h, h.max, 10_000);
  });

  it('reports a skewed distribution within the stated error', () => {
    const h = new LatencyHistogram();
    const values: number[] = [];
    // 90 % fast (2-3 ms), 10 % slow (200-1,200 ms), deterministic.
    for (let i = 0; i < 5000; i++) {
      const v = i % 10 === 9 ? 200 + (i % 1000) : 2 + (i % 97) / 97;
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const p of [50, 89, 90, 91, 95, 99]) expectWithin(h, h.percentile(p), exactPercentile(values, p));
  });

  it('keeps sub-millisecond latencies to the microsecond', () => {
    const h = new LatencyHistogram();
    h.record(0.125, 60);
    h.record(0.25, 39);
    h.record(0.0004);
    expect(h.count).toBe(100);
    expect(h.percentile(0)).toBe(0);
    expect(h.percentile(50)).toBe(0.125);
    expect(h.percentile(99)).toBe(0.25);
    expect(h.max).toBe(0.25);
  });

  it('records a value many times at once with a count', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.record(42, 1000);
    for (let i = 0; i < 1000; i++) b.record(42);
    expect(a.count).toBe(1000);
    expect(a.percentile(50)).toBe(b.percentile(50));
    a.record(1, 0);
    expect(a.count).toBe(1000);
  });

  it('is empty at first and after reset: count 0, percentiles, mean and max NaN', () => {
    const h = new LatencyHistogram();
    expect(h.count).toBe(0);
    expect(h.percentile(50)).toBeNaN();
    expect(h.mean).toBeNaN();
    expect(h.max).toBeNaN();
    h.record(5);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.percentile(99)).toBeNaN();
  });

  it('tracks latencies beyond the pre-sized hour within the stated error', () => {
    const h = new LatencyHistogram();
    h.record(1);
    h.record(7_200_000); // 2 h
    expectWithin(h, h.max, 7_200_000);
    expect(h.percentile(50)).toBe(1);
  });

  it('rejects negative or non-finite latencies and counts, and percentiles outside [0, 100]', () => {
    const h = new LatencyHistogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(Number.NaN)).toThrow(RangeError);
    expect(() => h.record(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => h.record(1, -1)).toThrow(RangeError);
    expect(() => h.record(1, 1.5)).toThrow(RangeError);
    expect(() => h.percentile(101)).toThrow(RangeError);
    expect(() => h.percentile(-1)).toThrow(RangeError);
  });

  it('merges: two halves merged equal the whole', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const whole = new LatencyHistogram();
    for (let i = 1; i <= 2000; i++) {
      (i <= 1000 ? a : b).record(i * 0.37);
      whole.record(i * 0.37);
    }
    a.merge(b);
    expect(a.count).toBe(2000);
    for (const p of [0, 25, 50, 75, 95, 99, 100]) expect(a.percentile(p)).toBe(whole.percentile(p));
    expect(a.mean).toBe(whole.mean);
    expect(b.count).toBe(1000);
  });

  it('restores from a checkpoint with identical count, percentiles, mean and max, and keeps recording', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 20_000; i++) h.record(((i * 7919) % 10_007) / 10 + 0.05);
    h.record(5_000_000); // beyond the pre-sized range
    const s = h.checkpoint();
    expect(typeof s).toBe('string');
    const r = LatencyHistogram.restore(s);
    expect(r.count).toBe(h.count);
    for (const p of [0, 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100]) expect(r.percentile(p)).toBe(h.percentile(p));
    expect(r.mean).toBe(h.mean);
    expect(r.max).toBe(h.max);
    expect(r.relativeError).toBe(h.relativeError);
    expect(r.checkpoint()).toBe(s);
    r.record(9_000_000);
    expect(r.count).toBe(h.count + 1);
  });

  it('restores an empty histogram and a 2-digit one', () => {
    expect(LatencyHistogram.restore(new LatencyHistogram().checkpoint()).count).toBe(0);
    const h = new LatencyHistogram(2);
    h.record(123.456);
    const r = LatencyHistogram.restore(h.checkpoint());
    expect(r.relativeError).toBe(0.01);
    expect(r.percentile(50)).toBe(h.percentile(50));
  });
});
