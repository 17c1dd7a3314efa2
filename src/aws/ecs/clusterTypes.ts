/**
 * The data of an ECS cluster model: configurations built from the scenario, and the entities
 * (tasks, container instances, Auto Scaling groups) as plain, checkpointable records.
 */
import type { PsServer } from './PsServer';
import type { StartPhasesMs } from './startLatency';

export type CpuArchitecture = 'X86_64' | 'ARM64';
export type OsFamily = 'LINUX' | 'WINDOWS';

/** A task definition as the model uses it. */
export interface TaskDefConfig {
  logicalId: string;
  cpuUnits: number;
  memoryMiB: number;
  ephemeralGiB: number;
  cpuArchitecture: CpuArchitecture;
  osFamily: OsFamily;
  /** awsvpc network mode: one network interface per task. */
  awsvpc: boolean;
  imageSizeMiB: number;
  /** Replaces the uncached start total when set. */
  startLatencyMs: number | undefined;
  /** Start time of a task whose image the instance has already pulled (EC2 only). */
  cachedPullMs: number;
  /** Memory in use with nothing in flight, MiB, and per request in flight, MiB (MemoryUtilization). */
  memoryBaselineMiB: number;
  memoryPerRequestMiB: number;
}

/** Where a task of a service runs. */
export type CapacityKind = 'FARGATE' | 'FARGATE_SPOT' | 'EC2';

/** One entry of a capacity provider strategy, resolved. `asg` is set for EC2 providers. */
export interface ProviderItem {
  name: string;
  kind: CapacityKind;
  /** Logical ID of the Auto Scaling group behind an EC2 capacity provider. */
  asg: string | undefined;
  base: number;
  weight: number;
  /** Launched through a capacity provider (tasks wait in PROVISIONING) or a launch type (PENDING). */
  viaProvider: boolean;
}

export interface PlacementStrategyConfig {
  Type: 'binpack' | 'spread' | 'random';
  Field?: string;
}

export interface PlacementConstraintConfig {
  Type: 'distinctInstance' | 'memberOf';
  Expression?: string;
}

export interface ServiceConfig {
  logicalId: string;
  desiredCount: number;
  taskDef: TaskDefConfig;
  /** The capacity a task may use: one item for a launch type, several for a strategy. */
  providers: ProviderItem[];
  queueLimit: number;
  startRunning: boolean;
  strategies: PlacementStrategyConfig[];
  constraints: PlacementConstraintConfig[];
  /** Load balancer deregistration delay (0 without one). */
  deregistrationDelayMs: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
}

/** An EC2 instance type as the model needs it. */
export interface InstanceTypeInfo {
  name: string;
  cpuUnits: number;
  memoryMiB: number;
  /** awsvpc tasks the instance can host (network interfaces less the primary, or the trunking limit). */
  awsvpcTasks: number;
  architecture: 'x86_64' | 'arm64';
  hourlyUsd: number;
}

export interface ManagedScalingConfig {
  capacityProvider: string;
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupMs: number;
  managedTerminationProtection: boolean;
}

export interface AsgConfig {
  logicalId: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  /** Instance types in priority order (MixedInstancesPolicy overrides, or the launch template's one). */
  instanceTypes: InstanceTypeInfo[];
  zones: string[];
  onDemandBaseCapacity: number;
  onDemandPercentageAboveBase: number;
  /** Launch template asks for Spot for every instance. */
  allSpot: boolean;
  startLatencyMs: number;
  agentRegistrationMs: number;
  managedScaling: ManagedScalingConfig | undefined;
}

/** A place requests are served: one Fargate task, or one EC2 instance shared by its tasks. */
export interface Host {
  server: PsServer;
  /** Tasks by owner slot (null where a slot is free). */
  slots: (Task | null)[];
}

export interface Task {
  id: number;
  service: number;
  /** The task definition this task runs (a deployment changes the service's, not the task's). */
  td: TaskDefConfig;
  /** Availability zone (the instance's on EC2; spread over the service's zones on Fargate). */
  zone: string;
  status: number;
  kind: CapacityKind;
  provider: string;
  viaProvider: boolean;
  /** Container instance id (EC2), or -1. */
  instance: number;
  host: Host | null;
  slot: number;
  launchedMs: number;
  /** Fargate billing start, or -1. */
  billStartMs: number;
  runningSinceMs: number;
  /** When the task began waiting for capacity or a launch token, or -1. */
  waitingSinceMs: number;
  waitedForCapacity: boolean;
  /** Phase times chosen when the task was placed (null until then). */
  phases: StartPhasesMs | null;
}

export interface ContainerInstance {
  id: number;
  ec2Id: string;
  asg: string;
  type: InstanceTypeInfo;
  zone: string;
  spot: boolean;
  status: number;
  cpuFree: number;
  memoryFreeMiB: number;
  awsvpcFree: number;
  /** Task ids on the instance. */
  tasks: number[];
  host: Host;
  launchedMs: number;
  billStartMs: number;
  /** Task definitions whose image this instance has pulled. */
  images: string[];
}
