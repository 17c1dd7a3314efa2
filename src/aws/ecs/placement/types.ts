/**
 * The vocabulary of ECS task placement: the read-only view of a container instance that the
 * cluster model maintains, what a task needs, and the strategies and constraints a service
 * declares (spelled as in the ECS API: `Type`, `Field`, `Expression`).
 */

/** A container instance as placement sees it. The model owns it and keeps it current. */
export interface PlacementInstance {
  /**
   * Position in the model's arrays (an integer); `Placer.choose` returns it. Scale-in takes a
   * negative index for a view with no place there (a Fargate task's stand-in), distinct from all.
   */
  readonly index: number;
  /** EC2 instance id, e.g. `i-0001`; the value of spread fields `instanceId` and `host`. */
  readonly id: string;
  /** e.g. `m5.large`; stands in for attribute `ecs.instance-type` when `attributes` lacks it. */
  readonly instanceType: string;
  /** e.g. `us-east-1a`; stands in for attribute `ecs.availability-zone` when `attributes` lacks it. */
  readonly zone: string;
  /** ACTIVE: not DRAINING, not still registering. Only active instances receive tasks. */
  readonly active: boolean;
  /** CPU units not reserved by tasks (1024 per vCPU). */
  readonly cpuFree: number;
  /** Memory not reserved by tasks, MiB. */
  readonly memoryFreeMiB: number;
  /** Network interfaces free for `awsvpc` tasks, trunking already applied by the model. */
  readonly eniFree: number;
  /** Instance attributes, e.g. `{ 'ecs.instance-type': 'm5.large', 'ecs.os-type': 'linux' }`. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Tasks of that service on this instance, running or pending. */
  readonly serviceTasks: (serviceKey: string) => number;
  /** All tasks on this instance (the cluster query subject `runningTasksCount`). */
  readonly taskCount: number;
  /**
   * Whether a static host port is already taken on this instance (bridge/host network modes).
   * Omit it when the model does not track ports: every port then counts as free.
   */
  readonly portsInUse?: (hostPort: number) => boolean;
}

/** What one task reserves on an instance. */
export interface TaskNeeds {
  /** CPU units to reserve (1024 per vCPU); 0 reserves none. */
  cpuUnits: number;
  memoryMiB: number;
  /** `awsvpc` network mode: the task takes one network interface of its own. */
  awsvpc: boolean;
  /** Static host port (bridge/host modes). 0 or absent: dynamic or none. Ignored for `awsvpc`. */
  hostPort?: number;
  /** The task group: the service's key. `distinctInstance` and `spread` count tasks by it. */
  serviceKey: string;
}

/** A placement strategy rule (best effort); a service applies its rules in order. */
export type PlacementStrategy =
  | { Type: 'binpack'; Field: 'cpu' | 'memory' }
  /** Field: `instanceId`, `host` (the same thing) or `attribute:<name>`. */
  | { Type: 'spread'; Field: string }
  | { Type: 'random' };

/** A placement constraint (binding: a task no instance satisfies stays PENDING). */
export type PlacementConstraint = { Type: 'distinctInstance' } | { Type: 'memberOf'; Expression: string };

/** Places one service's tasks with its strategies and constraints. */
export interface Placer {
  /**
   * The `index` of the instance to place a task on, or -1 when no instance has the capacity
   * and satisfies every constraint. Does not change any instance: the model reserves.
   */
  choose(needs: TaskNeeds, instances: readonly PlacementInstance[]): number;
  /**
   * The `taskIndex` of the task to stop when the service scales in, among `candidates` (every
   * task of the service that may be stopped, one entry per task); -1 when there are none.
   */
  chooseToStop(serviceKey: string, candidates: readonly StopCandidate[]): number;
}

/** A task that scale-in may stop, with the instance it runs on. */
export interface StopCandidate {
  readonly taskIndex: number;
  readonly instance: PlacementInstance;
}
