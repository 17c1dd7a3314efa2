/**
 * Builds a scenario's Lambda functions and the account they share (`Settings.Lambda`).
 */
import type { Engine } from '../../engine';
import type { PriceTable } from '../../pricing';
import { type ResourceModel, type Scenario, settingsOf } from '../../scenario';
import type { LambdaSettings } from '../../scenario/settingsSchema';
import type { WorkSpec } from '../../workload';
import { defaultInitDuration } from './defaultInitDuration';
import { isInitBilled } from './isInitBilled';
import { type FunctionConfig, FunctionModel, type LatencyRecorder } from './FunctionModel';
import { LambdaAccount } from './LambdaAccount';
import { LambdaMeter } from './LambdaMeter';
import {
  architectureOf,
  eventInvokeConfigOf,
  FUNCTION_TYPES,
  type FunctionProperties,
  type FunctionSim,
  idleLifetimesOf,
  provisionedConcurrencyOf,
} from './schema';

/** Memory at which a Lambda function has one full vCPU (fact 55). */
export const MB_PER_VCPU = 1769;

/**
 * How much longer (or shorter) CPU-bound work runs at `memoryMB` than where it was measured: a
 * single-threaded handler runs at the function's vCPU share up to one vCPU (1,769 MB) and no
 * faster beyond it. 1 when the work is not CPU-bound.
 */
export function durationFactor(work: WorkSpec, memoryMB: number): number {
  if (work.CpuBound !== true) return 1;
  const share = (mb: number) => Math.min(1, mb / MB_PER_VCPU);
  return share(work.MeasuredAtMemorySize ?? MB_PER_VCPU) / share(memoryMB);
}

export interface BuiltLambda {
  account: LambdaAccount;
  functions: Map<string, FunctionModel>;
}

function functionConfig(s: Scenario, r: ResourceModel, settings: LambdaSettings): FunctionConfig {
  const p = r.Properties as FunctionProperties;
  const sim = r.Sim as FunctionSim;
  const architecture = architectureOf(p);
  const invoke = eventInvokeConfigOf(s, r.LogicalId);
  const idle = idleLifetimesOf(sim, settings);
  return {
    logicalId: r.LogicalId,
    memoryMB: p.MemorySize,
    timeoutMs: p.Timeout * 1000,
    architecture,
    ephemeralMB: p.EphemeralStorage?.Size ?? 512,
    reserved: p.ReservedConcurrentExecutions,
    provisioned: provisionedConcurrencyOf(s, r.LogicalId),
    idleLifetimeMs: idle.idleMs,
    spareIdleLifetimeMs: idle.spareMs,
    maxLifetimeMs: sim.MaxLifetime ?? settings.DefaultMaxLifetime,
    idleSelection: sim.IdleSelection,
    initDuration: sim.InitDurationMs ?? defaultInitDuration(p.Runtime, p.PackageType, architecture),
    scalingPer10s: settings.ScalingRate,
    maxEventAgeMs: invoke.MaximumEventAgeInSeconds * 1000,
    maxRetryAttempts: invoke.MaximumRetryAttempts,
    hasFailureDestination: invoke.OnFailure !== undefined,
  };
}

export function buildLambda(
  engine: Engine,
  s: Scenario,
  prices: PriceTable,
  latencyFor: (functionId: string) => LatencyRecorder,
): BuiltLambda {
  const settings = settingsOf(s).Lambda;
  const resources = Object.values(s.Resources).filter((r) => (FUNCTION_TYPES as readonly string[]).includes(r.Type));
  const configs = resources.map((r) => functionConfig(s, r, settings));
  // The unreserved pool: the account limit less reservations and the provisioned concurrency of unreserved functions.
  let setAside = 0;
  for (const c of configs) setAside += c.reserved ?? c.provisioned;
  const account = new LambdaAccount(settings.AccountConcurrency, setAside, settings.ScalingModel, settings.LegacyBurst, settings.LegacyRampPerMinute);
  const functions = new Map<string, FunctionModel>();
  for (const [i, r] of resources.entries()) {
    const cfg = configs[i]!;
    const p = r.Properties as FunctionProperties;
    const meter = new LambdaMeter(
      {
        memoryMB: cfg.memoryMB,
        architecture: cfg.architecture,
        ephemeralStorageMB: cfg.ephemeralMB,
        billInit: isInitBilled({ billInit: settings.BillInit, runtime: p.Runtime, packageType: p.PackageType }),
      },
      prices.lambda,
    );
    const fn = new FunctionModel(engine, cfg, account, engine.random.stream(`lambda:${r.LogicalId}:init`), latencyFor(r.LogicalId), meter);
    functions.set(r.LogicalId, fn);
  }
  return { account, functions };
}
