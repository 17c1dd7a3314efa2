/** The Lambda meter counts integer usage the way AWS bills it (aws-facts.md facts 57, 64, 69, 72, 77). */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { asyncBilledRequests, billedDurationMs, isInitBilled, LambdaMeter, type LambdaMeterConfig } from '../../../src/aws/lambda';
import { pricesFor } from '../../../src/pricing';

const rules = pricesFor('us-east-1').lambda;
const MIN = 60_000;

function meter(part: Partial<LambdaMeterConfig> = {}): LambdaMeter {
  return new LambdaMeter({ memoryMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 512, billInit: true, ...part }, rules);
}

describe('billedDurationMs', () => {
  it('rounds up to the next whole millisecond, at least 1 ms for any run', () => {
    expect([billedDurationMs(0.2), billedDurationMs(1), billedDurationMs(1.5), billedDurationMs(120), billedDurationMs(0)]).toEqual([1, 1, 2, 120, 0]);
  });

  it('does not bill an extra millisecond for float noise', () => {
    expect(billedDurationMs(0.1 + 0.2 + 119.7)).toBe(120);
  });

  test.prop([fc.double({ min: 1e-6, max: 900_000, noNaN: true })])('bills at least the run time and less than 1 ms more', (ms) => {
    const billed = billedDurationMs(ms);
    expect(Number.isInteger(billed)).toBe(true);
    expect(billed).toBeGreaterThanOrEqual(ms - 1e-9);
    expect(billed).toBeLessThan(ms + 1);
  });
});

describe('asyncBilledRequests', () => {
  it('bills 1 request up to 256 KiB, then 1 per further 64 KiB or part, up to 1 MiB', () => {
    const KiB = 1024;
    expect(asyncBilledRequests(0)).toBe(1);
    expect(asyncBilledRequests(256 * KiB)).toBe(1);
    expect(asyncBilledRequests(256 * KiB + 1)).toBe(2);
    expect(asyncBilledRequests(320 * KiB)).toBe(2);
    expect(asyncBilledRequests(1024 * KiB)).toBe(13);
    expect(asyncBilledRequests(5 * 1024 * KiB)).toBe(13);
  });
});

describe('isInitBilled', () => {
  it('bills INIT for every on-demand function under the rule since 2025-08-01', () => {
    expect(isInitBilled({ billInit: true, runtime: 'nodejs22.x', packageType: 'Zip' })).toBe(true);
  });

  it('before it, billed INIT only for custom runtimes and container images', () => {
    expect(isInitBilled({ billInit: false, runtime: 'nodejs22.x', packageType: 'Zip' })).toBe(false);
    expect(isInitBilled({ billInit: false, runtime: 'provided.al2023', packageType: 'Zip' })).toBe(true);
    expect(isInitBilled({ billInit: false, runtime: undefined, packageType: 'Image' })).toBe(true);
  });
});

describe('LambdaMeter', () => {
  it('keeps on-demand and provisioned invocations apart, with their requests', () => {
    const m = meter({ memoryMB: 256 });
    expect(m.invoke(10.2, false)).toBe(11);
    m.invoke(20, true, asyncBilledRequests(300 * 1024));
    expect(m.usage).toEqual({
      invocations: 2,
      requests: 3,
      provisionedRequests: 2,
      durationMbMs: 11 * 256,
      provisionedDurationMbMs: 20 * 256,
      initMbMs: 0,
      provisionedMbMs: 0,
      ephemeralExtraMbMs: 0,
    });
  });

  it('bills provisioned concurrency from enable to disable rounded up to 5 minutes', () => {
    const m = meter({ memoryMB: 2048 });
    m.setProvisioned(10, 0);
    m.setProvisioned(0, 7 * MIN);
    expect(m.usage.provisionedMbMs).toBe(10 * 2048 * 10 * MIN);
  });

  it('bills each level while it is configured, the rounding at the last level', () => {
    const m = meter({ memoryMB: 1024 });
    m.setProvisioned(5, 1 * MIN);
    m.setProvisioned(20, 3 * MIN); // 5 for 2 min
    m.setProvisioned(0, 9 * MIN); // 20 for 6 min, then 20 for the 2 min that round 8 min up to 10
    expect(m.usage.provisionedMbMs).toBe(1024 * (5 * 2 * MIN + 20 * 6 * MIN + 20 * 2 * MIN));
  });

  it('does not round a span that is already a multiple of 5 minutes', () => {
    const m = meter();
    m.setProvisioned(3, 2 * MIN);
    m.setProvisioned(0, 12 * MIN);
    expect(m.usage.provisionedMbMs).toBe(3 * 1024 * 10 * MIN);
  });

  it('bills provisioned concurrency still configured at the end of the run to the end, unrounded', () => {
    const m = meter();
    m.setProvisioned(4, 0);
    m.finish(7 * MIN + 500);
    expect(m.usage.provisionedMbMs).toBe(4 * 1024 * (7 * MIN + 500));
  });

  it('meters INIT only when billed, and ephemeral storage on invocation and INIT time', () => {
    const m = meter({ memoryMB: 128, ephemeralStorageMB: 1024 });
    expect(m.init(99.5)).toBe(100);
    m.invoke(50, false);
    expect(m.usage.initMbMs).toBe(100 * 128);
    expect(m.usage.ephemeralExtraMbMs).toBe(512 * 150);
    const unbilled = meter({ billInit: false });
    expect(unbilled.init(500)).toBe(0);
    expect(unbilled.usage.initMbMs).toBe(0);
  });

  it('continues identically after checkpoint and restore', () => {
    const a = meter();
    a.setProvisioned(2, 0);
    a.invoke(3.3, true);
    const b = meter();
    b.restore(JSON.parse(JSON.stringify(a.checkpoint())));
    for (const m of [a, b]) {
      m.invoke(7, false);
      m.setProvisioned(0, 4 * MIN);
    }
    expect(b.usage).toEqual(a.usage);
    expect(b.provisionedConcurrency).toBe(0);
  });

  it('rejects time going backwards and fractional concurrency', () => {
    const m = meter();
    m.setProvisioned(1, 10_000);
    expect(() => m.setProvisioned(2, 5_000)).toThrow(RangeError);
    expect(() => m.setProvisioned(1.5, 20_000)).toThrow(RangeError);
  });

  test.prop([fc.array(fc.record({ ms: fc.double({ min: 0.01, max: 10_000, noNaN: true }), pc: fc.boolean() }), { maxLength: 50 })])(
    'keeps every usage an integer',
    (calls) => {
      const m = meter({ memoryMB: 1769, ephemeralStorageMB: 777 });
      for (const c of calls) m.invoke(c.ms, c.pc);
      for (const v of Object.values(m.usage)) expect(Number.isInteger(v)).toBe(true);
    },
  );
});
