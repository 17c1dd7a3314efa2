/**
 * The state a cluster model shares with its collaborators (scheduler, task runner, instance
 * fleet, faults, meter, checkpoints): the entities as plain records, and the account-wide
 * settings they obey. One object, passed explicitly, so every collaborator reads and writes the
 * same maps and lists; fields that a restore or a filter replaces are plain properties here, never
 * copied into a collaborator.
 */
import type { Engine, RandomStream } from '../../engine';
import type { AsgState } from './asgState';
import type { ContainerInstance, Task } from './clusterTypes';
import type { ServiceModel } from './ServiceModel';
import type { TokenBucket } from '../../engine';

/** Account-wide launch quotas shared by the clusters (Settings.Ecs). */
export interface EcsQuotas {
  fargateBucket: TokenBucket;
  serviceLaunchesPerMinute: number;
  provisioningTasksPerCluster: number;
}

export interface SpotSettings {
  interruptionsPerInstanceHour: number;
  warningMs: number;
}

/**
 * Someone who watches a cluster as it runs (the live app): told of events as they happen, never
 * able to change them. Not part of the simulation's state (not checkpointed).
 */
export interface ClusterObserver {
  /** A Fargate Spot task is being stopped by an interruption (its two-minute warning, or a fault). */
  spotTaskInterrupted?(taskId: number, service: number, atMs: number): void;
  /** A Spot instance got its two-minute warning and starts draining. */
  spotInstanceWarned?(instanceId: number, atMs: number): void;
}

export interface ClusterWorld {
  readonly engine: Engine;
  /** The component name the cluster's events are addressed to. */
  readonly name: string;
  readonly quotas: EcsQuotas;
  readonly spot: SpotSettings;
  /** The cluster's Spot interruption stream. */
  readonly random: RandomStream;
  readonly services: ServiceModel[];
  readonly asgs: AsgState[];
  readonly tasks: Map<number, Task>;
  readonly instances: Map<number, ContainerInstance>;
  /** The cluster's availability zones (its groups' zones, else the Region's first three). */
  readonly zones: string[];
  /** Tasks waiting for capacity or a launch token, in arrival order. */
  waiting: number[];
  /** Instances being drained so that they can be terminated (scale-in). */
  drainingToTerminate: Set<number>;
  /** Zones in an outage now. */
  zonesDown: Set<string>;
  nextTaskId: number;
  nextInstanceId: number;
  /** Who watches the cluster (`ClusterModel.observe`), if anyone. */
  observer: ClusterObserver | undefined;
}
