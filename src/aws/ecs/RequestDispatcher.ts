/**
 * The cluster's hot path: each arriving request goes round-robin to a RUNNING task of its
 * service and into its host's processor-sharing server; completions come back here and are
 * counted per service. Allocates nothing per request.
 */
import type { ArrivalBatch } from '../../workload';
import type { ContainerInstance, Host } from './clusterTypes';
import type { CompletionSink } from './PsServer';
import type { ServiceModel } from './ServiceModel';

export class RequestDispatcher implements CompletionSink {
  /** Per service index i: [2i] Σ latency (ms) and [2i + 1] count of the requests completed this tick. */
  tickLatency: number[] = [];
  /** The host being advanced: `complete` reads its slots to find the task of an owner. */
  private currentHost: Host | null = null;

  constructor(
    private readonly services: ServiceModel[],
    private readonly instances: Map<number, ContainerInstance>,
  ) {}

  /** Makes room for the next service's latency sums. */
  addService(): void {
    this.tickLatency.push(0, 0);
  }

  /** Admits a batch of a service's requests (times in the batch), failing those with no task or a full one. */
  deliver(service: ServiceModel, batch: ArrivalBatch): void {
    const cpu = batch.work.CpuMs;
    const c = service.counters;
    const running = service.running;
    const limit = service.config.queueLimit;
    for (let i = 0; i < batch.count; i++) {
      c.arrived++;
      if (running.length === 0) {
        c.failed++;
        c.failedNoTask++;
        continue;
      }
      const t = batch.tickStartMs + batch.offsetsMs[i]!;
      const task = running[service.rr++ % running.length]!;
      const host = task.host!;
      this.currentHost = host;
      host.server.advance(t, this);
      if (host.server.ownerCount[task.slot]! >= limit) {
        c.failed++;
        c.failedQueueFull++;
        continue;
      }
      const work = cpu !== undefined ? cpu[i]! : 0;
      let waitMs = 0;
      const db = service.db;
      if (db !== undefined && db.work !== undefined && db.random !== undefined && db.work.any) {
        db.work.draw(db.random);
        if (db.poolSize > 0 && db.held === 0) {
          c.failed++;
          c.failedDb++;
          continue;
        }
        const r = db.port.submit(t, db.work.queryCount, db.work.cpuMsPerQuery, db.endpoint);
        if (r.timedOut) {
          c.failed++;
          c.failedDb++;
          continue;
        }
        waitMs = r.latencyMs;
      }
      host.server.admit(t, work, task.slot, waitMs);
      service.inFlight++;
      c.cpuMs += work;
    }
  }

  /** Completion callback of the servers (CompletionSink). */
  complete(owner: number, latencyMs: number): void {
    const task = this.currentHost!.slots[owner]!;
    const service = this.services[task.service]!;
    service.counters.served++;
    service.inFlight--;
    service.latency.record(latencyMs);
    this.tickLatency[2 * task.service]! += latencyMs;
    this.tickLatency[2 * task.service + 1]!++;
  }

  /** Serves every host (instances, then Fargate tasks by service) up to `endMs`. */
  advanceAll(endMs: number): void {
    for (const inst of this.instances.values()) {
      this.currentHost = inst.host;
      inst.host.server.advance(endMs, this);
    }
    for (const service of this.services) {
      for (const task of service.tasks) {
        if (task.kind !== 'EC2' && task.host !== null) {
          this.currentHost = task.host;
          task.host.server.advance(endMs, this);
        }
      }
    }
  }
}
