/** Default cold-start INIT durations from lambda-perf (reference/data/lambda-perf-init-2026.csv). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INIT_CSV, INIT_DURATIONS_FILE, renderInitDurations } from '../../../scripts/gen-lambda-init';
import {
  ARM_OVER_X86_INIT,
  defaultInitDuration,
  IMAGE_OVER_ZIP_INIT,
  initDurationFromMeasurements,
  type MeasuredInitDuration,
  MEASURED_INIT_DURATIONS,
  MEASURED_RUNTIME_FOR,
  resolveInitDuration,
} from '../../../src/aws/lambda';
import { lognormalSigma } from '../../../src/workload';

const CFN_RUNTIMES = [
  'nodejs20.x', 'nodejs22.x', 'nodejs24.x',
  'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14',
  'java8.al2', 'java11', 'java17', 'java21', 'java25',
  'dotnet8', 'dotnet10',
  'ruby3.2', 'ruby3.3', 'ruby3.4',
  'provided.al2', 'provided.al2023',
];

describe('initDurations.ts', () => {
  it('is exactly what scripts/gen-lambda-init.ts makes of the CSV', () => {
    expect(existsSync(DEFAULT_INIT_CSV), `the measured data is missing: ${DEFAULT_INIT_CSV}`).toBe(true);
    expect(readFileSync(INIT_DURATIONS_FILE, 'utf8')).toBe(renderInitDurations(readFileSync(DEFAULT_INIT_CSV, 'utf8')));
  });

  it('carries the attribution the data licence asks for', () => {
    const text = readFileSync(INIT_DURATIONS_FILE, 'utf8');
    expect(text).toContain('lambda-perf by Maxime David');
    expect(text).toContain('Apache License 2.0');
    expect(text).toMatch(/Modified: /);
  });

  it('averages each configuration over the memory sizes measured', () => {
    const node = MEASURED_INIT_DURATIONS.find((m) => m.runtime === 'nodejs22.x' && m.packageType === 'zip' && m.architecture === 'x86_64');
    // daily_mean_p50_ms 145.6, 143.4, 144.4, 144.6 → 144.5; init_p99_ms 219.6, 213.8, 215.9, 217.3 → 216.65 → 216.7.
    expect(node).toEqual({ runtime: 'nodejs22.x', packageType: 'zip', architecture: 'x86_64', memoryMB: [128, 256, 512, 1024], meanMs: 144.5, p99Ms: 216.7 });
  });

  it('renders a P99 a lognormal cannot have as the largest it can, marked', () => {
    // Columns: runtime,package,arch,memory_mb,days,cold_starts,daily_mean_p10_ms,daily_mean_p50_ms,
    // daily_mean_p90_ms,init_p50_ms,init_p90_ms,init_p99_ms,init_max_ms,within_day_cv
    const csv = `${readFileSync(DEFAULT_INIT_CSV, 'utf8').trimEnd()}\nzz test,zip,x86_64,128,1,1,1,10,1,1,1,400,1,0.1\n`;
    expect(renderInitDurations(csv)).toContain("{ runtime: 'zz test', packageType: 'zip', architecture: 'x86_64', memoryMB: [128], meanMs: 10, p99Ms: 149.6, p99Clamped: true },");
  });
});

describe('defaultInitDuration', () => {
  it('maps CloudFormation runtimes to their own measurements', () => {
    expect(defaultInitDuration('nodejs22.x', 'Zip', 'x86_64')).toEqual({ Dist: 'lognormal', Mean: 144.5, P99: 216.7 });
    expect(defaultInitDuration('nodejs22.x', 'Zip', 'arm64')).toEqual({ Dist: 'lognormal', Mean: 120.9, P99: 175 });
    expect(defaultInitDuration('nodejs22.x', 'Image', 'x86_64')).toEqual({ Dist: 'lognormal', Mean: 336.3, P99: 796.5 });
    expect(resolveInitDuration('python3.13', 'Zip', 'x86_64')).toMatchObject({ measuredRuntime: 'python3.13', fallback: false, basis: 'measured' });
  });

  it('stands custom runtimes (provided.*) as Go', () => {
    expect(resolveInitDuration('provided.al2023', 'Zip', 'x86_64')).toEqual({
      spec: { Dist: 'lognormal', Mean: 51.2, P99: 72.7 },
      measuredRuntime: 'go (prov.al2023)',
      fallback: false,
      basis: 'measured',
    });
    expect(resolveInitDuration('provided.al2', 'Zip', 'arm64').measuredRuntime).toBe('go (prov.al2)');
  });

  it('falls back to Node.js 22 of the same package and architecture for an absent or unknown runtime', () => {
    expect(resolveInitDuration(undefined, 'Image', 'arm64')).toEqual({
      spec: { Dist: 'lognormal', Mean: 271.4, P99: 736.9 },
      measuredRuntime: 'nodejs22.x',
      fallback: true,
      basis: 'measured',
    });
    expect(defaultInitDuration('nodejs16.x', 'Zip', 'x86_64')).toEqual(defaultInitDuration('nodejs22.x', 'Zip', 'x86_64'));
  });

  it('knows every CloudFormation runtime the brief lists, with data for all four configurations', () => {
    expect(Object.keys(MEASURED_RUNTIME_FOR).sort()).toEqual([...CFN_RUNTIMES].sort());
    for (const runtime of CFN_RUNTIMES) {
      for (const pkg of ['Zip', 'Image'] as const) {
        for (const arch of ['x86_64', 'arm64'] as const) {
          const r = resolveInitDuration(runtime, pkg, arch);
          expect(r.fallback).toBe(false);
          expect(r.basis).toBe('measured');
        }
      }
    }
  });

  it('gives only lognormals the workload layer can sample (Mean < P99 ≤ e^(z99²/2) × Mean)', () => {
    for (const m of MEASURED_INIT_DURATIONS) {
      expect(m.p99Ms).toBeGreaterThan(m.meanMs);
      expect(lognormalSigma(m.meanMs, m.p99Ms), `${m.runtime} ${m.packageType} ${m.architecture}`).toBeDefined();
    }
  });

  it('takes a missing architecture from the other × 0.83, a missing image from the ZIP × 1.27', () => {
    const rows: MeasuredInitDuration[] = [
      { runtime: 'r', packageType: 'zip', architecture: 'x86_64', memoryMB: [128], meanMs: 100, p99Ms: 200 },
      { runtime: 'r', packageType: 'image', architecture: 'x86_64', memoryMB: [128], meanMs: 300, p99Ms: 500 },
      { runtime: 'z', packageType: 'zip', architecture: 'arm64', memoryMB: [128], meanMs: 83, p99Ms: 166 },
    ];
    expect(initDurationFromMeasurements(rows, 'r', 'Image', 'arm64')).toEqual({
      spec: { Dist: 'lognormal', Mean: 249, P99: 415 },
      basis: 'other architecture',
    });
    expect(initDurationFromMeasurements(rows, 'z', 'Image', 'arm64')).toEqual({
      spec: { Dist: 'lognormal', Mean: 105.4, P99: 210.8 },
      basis: 'image from zip',
    });
    expect(initDurationFromMeasurements(rows, 'z', 'Image', 'x86_64')).toEqual({
      spec: { Dist: 'lognormal', Mean: 127, P99: 254 },
      basis: 'image from zip, other architecture',
    });
    expect(initDurationFromMeasurements(rows, 'nope', 'Zip', 'x86_64')).toBeUndefined();
    expect(IMAGE_OVER_ZIP_INIT * ARM_OVER_X86_INIT).toBeCloseTo(1.0541, 4);
  });
});
