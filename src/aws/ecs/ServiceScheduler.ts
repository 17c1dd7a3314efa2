/**
 * The ECS service scheduler of a cluster: every tick each service launches toward its desired
 * count within the launch quotas, or stops its surplus; during a deployment it rolls the service
 * to the new task definition within MinimumHealthyPercent and MaximumPercent.
 */
import { Priority } from '../../engine';
import type { DeploymentSpec } from '../../scenario/types';
import { K_DEPLOY } from './clusterEvents';
import type { ClusterWorld } from './clusterWorld';
import type { Task } from './clusterTypes';
import type { ServiceModel } from './ServiceModel';
import type { TaskPlacement } from './TaskPlacement';
import type { TaskRunner } from './TaskRunner';
import { TokenBucket } from '../../engine';
import { TS } from './taskLifecycle';

export class ServiceScheduler {
  /** Each service's launch quota (Settings.Ecs: tasks per minute per service), by service index. */
  readonly launchBuckets: TokenBucket[] = [];
  private readonly deployments: DeploymentSpec[] = [];

  constructor(
    private readonly world: ClusterWorld,
    private readonly placement: TaskPlacement,
    private readonly taskRunner: TaskRunner,
  ) {}

  /** Makes the launch quota of the next service (services are added in index order). */
  addService(): void {
    const perMinute = this.world.quotas.serviceLaunchesPerMinute;
    this.launchBuckets.push(new TokenBucket(perMinute, perMinute / 60));
  }

  /** Adds a deployment to one of the cluster's services (before `scheduleDeployments`). */
  addDeployment(d: DeploymentSpec): void {
    this.deployments.push(d);
  }

  /** Schedules each deployment's start at its `At`. */
  scheduleDeployments(): void {
    const world = this.world;
    for (const [i, d] of this.deployments.entries()) world.engine.at(d.At, world.name, K_DEPLOY, i, Priority.Control);
  }

  /** Deployment `index` starts (its event fired). */
  startDeployment(index: number): void {
    const d = this.deployments[index]!;
    const service = this.world.services.find((x) => x.logicalId === d.Service);
    if (service !== undefined) this.deploy(service, d.TaskDefinition);
  }

  /** Starts a deployment of `taskDefId` to a service (a top-level `Deployments` entry). */
  deploy(service: ServiceModel, taskDefId: string): void {
    service.taskDef = service.taskDefs.get(taskDefId)!;
    service.deploymentInProgress = true;
    service.counters.deployments++;
  }

  /** The service scheduler: launch toward the desired count, stop what is above it. */
  reconcile(service: ServiceModel, now: number): void {
    if (service.deploymentInProgress) {
      this.reconcileDeployment(service, now);
      return;
    }
    let active = 0;
    for (const t of service.tasks) if (t.status <= TS.RUNNING) active++;
    if (active < service.desiredCount) this.launchUpTo(service, service.desiredCount - active, now);
    else if (active > service.desiredCount) this.stopSurplus(service, active - service.desiredCount, now);
  }

  /** Launches up to `want` tasks, as the launch quotas allow now. */
  private launchUpTo(service: ServiceModel, want: number, now: number): void {
    const provisioningCap = this.world.quotas.provisioningTasksPerCluster - this.world.waiting.length;
    const n = this.launchBuckets[service.index]!.take(now, Math.min(want, Math.max(0, provisioningCap)));
    for (let i = 0; i < n; i++) this.taskRunner.launch(service, false);
  }

  /**
   * A rolling update (fact 34–36): start tasks of the new task definition while RUNNING + starting
   * tasks stay within MaximumPercent of the desired count (rounded down), and stop old ones while
   * RUNNING tasks stay at or above MinimumHealthyPercent (rounded up). With both at 100 % nothing
   * can move: the deadlock AWS documents (fact 10).
   */
  private reconcileDeployment(service: ServiceModel, now: number): void {
    const cfg = service.config;
    const desired = service.desiredCount;
    const maxTotal = Math.floor((desired * cfg.maximumPercent) / 100);
    const minHealthy = Math.ceil((desired * cfg.minimumHealthyPercent) / 100);
    const current = service.taskDef;
    let active = 0;
    let activeNew = 0;
    for (const t of service.tasks) {
      if (t.status > TS.RUNNING) continue;
      active++;
      if (t.td === current) activeNew++;
    }
    // Old tasks that are not serving yet only cost: stop them first.
    for (const t of [...service.tasks]) {
      if (t.td !== current && t.status < TS.RUNNING) {
        this.taskRunner.stop(t, now);
        active--;
      }
    }
    const room = Math.min(maxTotal - active, desired - activeNew);
    if (room > 0) this.launchUpTo(service, room, now);
    let stoppable = service.running.length - minHealthy;
    for (const t of [...service.running]) {
      if (stoppable <= 0) break;
      if (t.td === current) continue;
      this.taskRunner.stop(t, now);
      stoppable--;
    }
    if (!service.tasks.some((t) => t.td !== current && t.status <= TS.RUNNING)) service.deploymentInProgress = false;
  }

  private stopSurplus(service: ServiceModel, count: number, now: number): void {
    // Tasks that have not started serving go first: waiting ones, then the youngest starting ones.
    const waitingFirst = (t: Task) => (t.waitingSinceMs >= 0 ? 0 : 1);
    const starting = service.tasks
      .filter((t) => t.status < TS.RUNNING)
      .sort((a, b) => waitingFirst(a) - waitingFirst(b) || b.id - a.id);
    let left = count;
    for (const t of starting) {
      if (left === 0) return;
      this.taskRunner.stop(t, now);
      left--;
    }
    while (left > 0 && service.running.length > 0) {
      const id = this.placement.chooseToStop(service);
      const task = this.world.tasks.get(id) ?? service.running[service.running.length - 1]!;
      this.taskRunner.stop(task, now);
      left--;
    }
  }
}
