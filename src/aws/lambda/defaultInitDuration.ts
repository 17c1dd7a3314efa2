/**
 * The default cold-start INIT duration of a function, from measured data (data/initDurations.ts,
 * lambda-perf 2026) by its CloudFormation `Runtime`, `PackageType` and architecture, as the
 * lognormal work-size distribution the workload layer samples (`DistSpec` in
 * src/workload/types.ts). A scenario's own setting overrides it.
 *
 * Fallbacks, in order (docs/models/lambda-billing.md):
 * - an absent `Runtime` (container images have none) or one without data (a retired runtime, a
 *   new one) stands as Node.js 22, keeping the package type and architecture;
 * - a configuration without a measurement takes the other architecture's × 0.83 (arm64 ≈ 0.83 ×
 *   x86_64), else, for a container image, the ZIP measurement × 1.27: the ratios measured across
 *   runtimes (reference/measurements.md). The architecture ratio comes first because it varies
 *   less between runtimes than the image one.
 * Every CloudFormation runtime mapped has all four measurements, so these apply only to data
 * that lacks a configuration.
 */
import { MEASURED_INIT_DURATIONS, MEASURED_RUNTIME_FOR, type MeasuredInitDuration } from './data/initDurations';
import type { LambdaArchitecture } from './LambdaMeter';

/** A lognormal given its mean and 99th percentile, ms: the `lognormal` case of `DistSpec`. */
export interface InitDurationSpec {
  Dist: 'lognormal';
  Mean: number;
  P99: number;
}

/** The measured runtime that stands for runtimes without data of their own. */
export const FALLBACK_INIT_RUNTIME = 'nodejs22.x';
/** Container image INIT ÷ ZIP INIT, measured (reference/measurements.md). */
export const IMAGE_OVER_ZIP_INIT = 1.27;
/** arm64 INIT ÷ x86_64 INIT, measured (reference/measurements.md). */
export const ARM_OVER_X86_INIT = 0.83;

/** How a default was found. */
export type InitDurationBasis = 'measured' | 'image from zip' | 'other architecture' | 'image from zip, other architecture';

export interface ResolvedInitDuration {
  spec: InitDurationSpec;
  /** lambda-perf's runtime name the numbers come from. */
  measuredRuntime: string;
  /** True when the runtime was absent or unknown and `FALLBACK_INIT_RUNTIME` stands in. */
  fallback: boolean;
  basis: InitDurationBasis;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * The INIT duration of `measuredRuntime` (a lambda-perf runtime name) from `measurements`, with
 * the image and architecture fallbacks, or undefined when it has no ZIP or image row at all.
 */
export function initDurationFromMeasurements(
  measurements: readonly MeasuredInitDuration[],
  measuredRuntime: string,
  packageType: 'Zip' | 'Image',
  architecture: LambdaArchitecture,
): { spec: InitDurationSpec; basis: InitDurationBasis } | undefined {
  const find = (pkg: 'zip' | 'image', arch: LambdaArchitecture) =>
    measurements.find((m) => m.runtime === measuredRuntime && m.packageType === pkg && m.architecture === arch);
  const other: LambdaArchitecture = architecture === 'arm64' ? 'x86_64' : 'arm64';
  const toOther = architecture === 'arm64' ? ARM_OVER_X86_INIT : 1 / ARM_OVER_X86_INIT;
  const pkg = packageType === 'Image' ? 'image' : 'zip';
  const tries: [MeasuredInitDuration | undefined, number, InitDurationBasis][] = [
    [find(pkg, architecture), 1, 'measured'],
    [find(pkg, other), toOther, 'other architecture'],
  ];
  if (pkg === 'image') {
    tries.push([find('zip', architecture), IMAGE_OVER_ZIP_INIT, 'image from zip']);
    tries.push([find('zip', other), IMAGE_OVER_ZIP_INIT * toOther, 'image from zip, other architecture']);
  }
  for (const [row, factor, basis] of tries) {
    if (row !== undefined) {
      return { spec: { Dist: 'lognormal', Mean: round1(row.meanMs * factor), P99: round1(row.p99Ms * factor) }, basis };
    }
  }
  return undefined;
}

/**
 * The default INIT duration with where it came from.
 * @param runtime CloudFormation `Runtime` (e.g. `nodejs22.x`, `provided.al2023`); absent for images.
 */
export function resolveInitDuration(
  runtime: string | undefined,
  packageType: 'Zip' | 'Image',
  architecture: LambdaArchitecture,
): ResolvedInitDuration {
  const mapped = runtime === undefined ? undefined : MEASURED_RUNTIME_FOR[runtime];
  const measuredRuntime = mapped ?? FALLBACK_INIT_RUNTIME;
  const found = initDurationFromMeasurements(MEASURED_INIT_DURATIONS, measuredRuntime, packageType, architecture);
  if (found === undefined) throw new Error(`no INIT measurement for ${measuredRuntime} (${packageType}, ${architecture})`);
  return { ...found, measuredRuntime, fallback: mapped === undefined };
}

/**
 * The default cold-start INIT duration, ms, as a lognormal (mean and P99 measured; see the
 * module comment for the fallbacks). Every result is a feasible lognormal: P99 > Mean and
 * P99 ≤ Mean × e^(z99²/2).
 */
export function defaultInitDuration(
  runtime: string | undefined,
  packageType: 'Zip' | 'Image',
  architecture: LambdaArchitecture,
): InitDurationSpec {
  return resolveInitDuration(runtime, packageType, architecture).spec;
}
