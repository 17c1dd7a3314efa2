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
}
