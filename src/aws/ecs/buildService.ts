/**
 * Builds an `EcsService` component from a scenario's `AWS::ECS::Service` and its task definition.
 */
import type { Engine } from '../../engine';
import type { PriceTable } from '../../pricing';
import { resolveResourceRef, type Scenario, type ResourceModel } from '../../scenario';
import { EcsService, type LatencyRecorder } from './EcsService';
import { type CpuArchitecture, fargateRates, type OsFamily, taskHourlyUsd } from './fargatePricing';
import { FARGATE_STOP_DEFAULTS, fargateStartPhases } from './startLatency';

/** An unsupported configuration the scenario validator lets through (a later issue builds it). */
export class UnsupportedFeatureError extends Error {}

interface TaskDefinitionFields {
  Cpu?: number;
  Memory?: number;
  RuntimePlatform?: { CpuArchitecture?: CpuArchitecture; OperatingSystemFamily?: string };
  EphemeralStorage?: { SizeInGiB?: number };
}

/** The task definition a service runs. */
export function taskDefinitionOf(scenario: Scenario, service: ResourceModel): ResourceModel {
  const ref = service.Properties['TaskDefinition'];
  const id = resolveResourceRef(scenario, ref, 'AWS::ECS::TaskDefinition');
  const td = id === undefined ? undefined : scenario.Resources[id];
  if (td === undefined || td.Type !== 'AWS::ECS::TaskDefinition') {
    throw new UnsupportedFeatureError(`${service.LogicalId}: TaskDefinition ${JSON.stringify(ref)} names no AWS::ECS::TaskDefinition in the scenario`);
  }
  return td;
}

export function buildEcsService(
  engine: Engine,
  scenario: Scenario,
  service: ResourceModel,
  prices: PriceTable,
  latency: LatencyRecorder,
): EcsService {
  const p = service.Properties;
  const launchType = (p['LaunchType'] as string | undefined) ?? (p['CapacityProviderStrategy'] ? 'CAPACITY_PROVIDER' : 'EC2');
  if (launchType !== 'FARGATE') {
    throw new UnsupportedFeatureError(
      `${service.LogicalId}: launch type ${launchType} is not simulated yet; this version simulates LaunchType: FARGATE (ECS on EC2 and capacity providers come next)`,
    );
  }
  const td = taskDefinitionOf(scenario, service);
  const tp = td.Properties as TaskDefinitionFields;
  if (tp.Cpu === undefined || tp.Memory === undefined) {
    throw new UnsupportedFeatureError(`${td.LogicalId}: a Fargate task definition needs task-level Cpu and Memory`);
  }
  const arch: CpuArchitecture = tp.RuntimePlatform?.CpuArchitecture ?? 'X86_64';
  const os: OsFamily = (tp.RuntimePlatform?.OperatingSystemFamily ?? 'LINUX').startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
  const ephemeralGiB = tp.EphemeralStorage?.SizeInGiB ?? prices.fargate.freeEphemeralStorageGiB;
  const rates = fargateRates(prices.fargate, arch, os);
  const imageSizeMiB = (td.Sim['ImageSizeMiB'] as number | undefined) ?? 250;
  const startLatencyMs = td.Sim['StartLatency'] as number | undefined;
  return new EcsService(
    engine,
    {
      logicalId: service.LogicalId,
      desiredCount: (p['DesiredCount'] as number | undefined) ?? 1,
      cpuUnits: tp.Cpu,
      memoryMiB: tp.Memory,
      ephemeralGiB,
      cpuArchitecture: arch,
      osFamily: os,
      minimumBilledSeconds: rates.minimumBilledSeconds,
      freeEphemeralGiB: prices.fargate.freeEphemeralStorageGiB,
      queueLimit: (service.Sim['QueueLimit'] as number | undefined) ?? 100,
      start: fargateStartPhases(imageSizeMiB, startLatencyMs),
      stop: FARGATE_STOP_DEFAULTS,
      startRunning: service.Sim['TasksAtStart'] !== 'Launching',
      taskHourlyUsd: taskHourlyUsd(rates, prices.fargate, tp.Cpu, tp.Memory, ephemeralGiB),
    },
    latency,
  );
}
