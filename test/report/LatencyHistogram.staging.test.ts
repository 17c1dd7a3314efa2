import { fc, test } from '@fast-check/vitest';
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect } from 'vitest';
import { LatencyHistogram } from '../../src/report';

/** What recording straight into hdr-histogram-js gives, configured as LatencyHistogram configures it. */
function direct(digits: 2 | 3, valuesUs: number[]) {
  const h = build({
    bitBucketSize: 64,
    numberOfSignificantValueDigits: digits,
    useWebAssembly: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 0xffffffff,
    autoResize: true,
  });
  for (const v of valuesUs) h.recordValue(v);
  return h;
}

const edges = [0, 1, 2, 127, 128, 255, 256, 2047, 2048, 2049, 4095, 4096, 65_535, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40];
const valueUs = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 2 ** 42 }));

describe('LatencyHistogram staging', () => {
  test.prop([fc.constantFrom(2 as const, 3 as const), fc.array(valueUs, { minLength: 1, maxLength: 300 })])(
    'gives exactly what recording straight into HdrHistogram gives',
    (digits, values) => {
      const ours = new LatencyHistogram(digits);
      for (const v of values) ours.record(v / 1000);
      const theirs = direct(digits, values);
      expect(ours.count).toBe(theirs.totalCount);
      for (const p of [0, 1, 25, 50, 75, 90, 99, 99.9, 100]) expect(ours.percentile(p)).toBe(theirs.getValueAtPercentile(p) / 1000);
      expect(ours.mean).toBe(theirs.mean / 1000);
      expect(ours.checkpoint()).toBe(encodeIntoCompressedBase64(theirs));
    },
  );

  test.prop([fc.array(valueUs, { maxLength: 100 }), fc.array(valueUs, { maxLength: 100 })])(
    'records after a query as before it',
    (first, second) => {
      const ours = new LatencyHistogram();
      for (const v of first) ours.record(v / 1000);
      ours.percentile(50);
      for (const v of second) ours.record(v / 1000);
      const theirs = direct(3, [...first, ...second]);
      expect(ours.count).toBe(theirs.totalCount);
      if (ours.count > 0) expect(ours.percentile(99)).toBe(theirs.getValueAtPercentile(99) / 1000);
    },
  );
});
