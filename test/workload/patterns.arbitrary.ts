/** fast-check arbitraries for arrival patterns with non-negative rates and sane durations. */
import fc from 'fast-check';
import type { ArrivalPattern } from '../../src/workload/types';

const rate = fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true });
const time = fc.integer({ min: 0, max: 3_600_000 });
const span = fc.integer({ min: 0, max: 1_800_000 });

export const arbitraryPattern: fc.Arbitrary<ArrivalPattern> = fc.oneof(
  rate.map((Rate): ArrivalPattern => ({ Pattern: 'constant', Rate })),
  fc.record({ From: rate, To: rate, At: time, Over: span }).map((r): ArrivalPattern => ({ Pattern: 'ramp', ...r })),
  fc
    .array(fc.record({ At: time, Rate: rate }), { maxLength: 8 })
    .map((Steps): ArrivalPattern => ({ Pattern: 'steps', Steps })),
  fc
    .record({ Trough: rate, Peak: rate, PeakAt: fc.double({ min: 0, max: 24, noNaN: true }) })
    .map((r): ArrivalPattern => ({ Pattern: 'diurnal', Trough: Math.min(r.Trough, r.Peak), Peak: Math.max(r.Trough, r.Peak), PeakAt: r.PeakAt })),
  fc
    .record({ Base: rate, Peak: rate, At: time, RampUp: span, Hold: span, RampDown: span })
    .map((r): ArrivalPattern => ({ Pattern: 'spike', ...r })),
  fc
    .array(fc.record({ gapMs: fc.integer({ min: 1, max: 120_000 }), count: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 30 })
    .map((rows): ArrivalPattern => {
      const TimesMs: number[] = [];
      let t = 0;
      for (const r of rows) {
        t += r.gapMs;
        TimesMs.push(t);
      }
      return { Pattern: 'trace', File: 'gen.csv', TimesMs, Counts: rows.map((r) => r.count) };
    }),
);
