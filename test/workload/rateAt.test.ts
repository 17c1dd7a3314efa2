import { describe, expect, it } from 'vitest';
import { rateAt } from '../../src/workload';
import type { ArrivalPattern } from '../../src/workload/types';
import { HOUR, MINUTE } from './helpers';

describe('rateAt', () => {
  it('constant: the same rate at every instant', () => {
    const p: ArrivalPattern = { Pattern: 'constant', Rate: 12.5 };
    expect([0, 1, 59_999, 86_400_000].map((t) => rateAt(p, t))).toEqual([12.5, 12.5, 12.5, 12.5]);
  });

  it('ramp: From before At, linear over Over, To from At + Over on', () => {
    const p: ArrivalPattern = { Pattern: 'ramp', From: 10, To: 50, At: 60_000, Over: 40_000 };
    expect(rateAt(p, 0)).toBe(10);
    expect(rateAt(p, 59_999)).toBe(10);
    expect(rateAt(p, 60_000)).toBe(10);
    expect(rateAt(p, 70_000)).toBe(20);
    expect(rateAt(p, 80_000)).toBe(30);
    expect(rateAt(p, 100_000)).toBe(50);
    expect(rateAt(p, 10 * HOUR)).toBe(50);
  });

  it('ramp: a ramp down works the same way', () => {
    const p: ArrivalPattern = { Pattern: 'ramp', From: 100, To: 0, At: 0, Over: 1000 };
    expect(rateAt(p, 250)).toBe(75);
    expect(rateAt(p, 1000)).toBe(0);
  });

  it('ramp: Over 0 jumps to To at At', () => {
    const p: ArrivalPattern = { Pattern: 'ramp', From: 1, To: 9, At: 5000, Over: 0 };
    expect([rateAt(p, 4999), rateAt(p, 5000), rateAt(p, 5001)]).toEqual([1, 9, 9]);
  });

  it('steps: 0 before the first step, then the rate of the last step with At ≤ t', () => {
    const p: ArrivalPattern = {
      Pattern: 'steps',
      Steps: [
        { At: 10 * MINUTE, Rate: 5 },
        { At: 30 * MINUTE, Rate: 20 },
        { At: 60 * MINUTE, Rate: 2 },
      ],
    };
    expect(rateAt(p, 0)).toBe(0);
    expect(rateAt(p, 10 * MINUTE - 1)).toBe(0);
    expect(rateAt(p, 10 * MINUTE)).toBe(5);
    expect(rateAt(p, 29 * MINUTE)).toBe(5);
    expect(rateAt(p, 30 * MINUTE)).toBe(20);
    expect(rateAt(p, 60 * MINUTE)).toBe(2);
    expect(rateAt(p, 50 * HOUR)).toBe(2);
  });

  it('steps: listed out of order, they still apply in time order', () => {
    const p: ArrivalPattern = {
      Pattern: 'steps',
      Steps: [
        { At: 2000, Rate: 3 },
        { At: 0, Rate: 1 },
        { At: 1000, Rate: 2 },
      ],
    };
    expect([0, 999, 1000, 1999, 2000].map((t) => rateAt(p, t))).toEqual([1, 1, 2, 2, 3]);
  });

  it('steps: of two steps at the same instant the later-listed one applies', () => {
    const p: ArrivalPattern = {
      Pattern: 'steps',
      Steps: [
        { At: 1000, Rate: 4 },
        { At: 1000, Rate: 8 },
      ],
    };
    expect(rateAt(p, 1000)).toBe(8);
  });

  it('steps: no steps means no arrivals', () => {
    expect(rateAt({ Pattern: 'steps', Steps: [] }, 5000)).toBe(0);
  });

  it('diurnal: Peak at hour PeakAt UTC, Trough 12 h later, the mean 6 h either side', () => {
    const p: ArrivalPattern = { Pattern: 'diurnal', Trough: 2, Peak: 10, PeakAt: 14 };
    const startMs = Date.UTC(2024, 5, 1, 0, 0); // midnight UTC
    const at = (hour: number) => rateAt(p, hour * HOUR, { startMs });
    expect(at(14)).toBeCloseTo(10, 12);
    expect(at(2)).toBeCloseTo(2, 12);
    expect(at(8)).toBeCloseTo(6, 12);
    expect(at(20)).toBeCloseTo(6, 12);
    expect(at(14 + 24)).toBeCloseTo(10, 12);
  });

  it('diurnal: hour of day counts from the Start instant, not from t = 0', () => {
    const p: ArrivalPattern = { Pattern: 'diurnal', Trough: 0, Peak: 100, PeakAt: 9 };
    // Start at 06:00 UTC: the peak comes 3 h in, the trough 15 h in.
    const startMs = Date.UTC(2024, 0, 15, 6, 0);
    expect(rateAt(p, 3 * HOUR, { startMs })).toBeCloseTo(100, 10);
    expect(rateAt(p, 15 * HOUR, { startMs })).toBeCloseTo(0, 10);
    expect(rateAt(p, 0, { startMs })).toBeCloseTo(50 + 50 * Math.cos((2 * Math.PI * -3) / 24), 10);
  });

  it('diurnal: a fractional PeakAt peaks at that minute', () => {
    const p: ArrivalPattern = { Pattern: 'diurnal', Trough: 1, Peak: 3, PeakAt: 13.5 };
    expect(rateAt(p, 13.5 * HOUR)).toBeCloseTo(3, 12);
    expect(rateAt(p, 13 * HOUR)).toBeLessThan(3);
  });

  it('spike: Base, ramp up to Peak, Hold, ramp down, Base', () => {
    const p: ArrivalPattern = { Pattern: 'spike', Base: 10, Peak: 110, At: 1000, RampUp: 1000, Hold: 2000, RampDown: 4000 };
    expect(rateAt(p, 0)).toBe(10);
    expect(rateAt(p, 1000)).toBe(10);
    expect(rateAt(p, 1500)).toBe(60);
    expect(rateAt(p, 2000)).toBe(110);
    expect(rateAt(p, 3999)).toBe(110);
    expect(rateAt(p, 4000)).toBe(110);
    expect(rateAt(p, 5000)).toBe(85);
    expect(rateAt(p, 8000)).toBe(10);
    expect(rateAt(p, 100_000)).toBe(10);
  });

  it('trace: each row spreads its count over its interval; the last row lasts 1 s; 0 outside', () => {
    const p: ArrivalPattern = { Pattern: 'trace', File: 't.csv', TimesMs: [1000, 3000, 3500], Counts: [10, 4, 7] };
    expect(rateAt(p, 999)).toBe(0);
    expect(rateAt(p, 1000)).toBe(5); // 10 over 2 s
    expect(rateAt(p, 2999)).toBe(5);
    expect(rateAt(p, 3000)).toBe(8); // 4 over 0.5 s
    expect(rateAt(p, 3500)).toBe(7); // 7 over the last row's 1 s
    expect(rateAt(p, 4499)).toBe(7);
    expect(rateAt(p, 4500)).toBe(0);
  });

  it('trace: rows whose times do not increase are rejected', () => {
    const p: ArrivalPattern = { Pattern: 'trace', File: 't.csv', TimesMs: [0, 1000, 1000], Counts: [1, 1, 1] };
    expect(() => rateAt(p, 0)).toThrow(/times must increase/);
  });

  it('spike: a negative duration is rejected', () => {
    const p: ArrivalPattern = { Pattern: 'spike', Base: 1, Peak: 2, At: 0, RampUp: -1, Hold: 0, RampDown: 0 };
    expect(() => rateAt(p, 0)).toThrow(RangeError);
  });
});
