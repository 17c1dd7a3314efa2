/**
 * The one place the app reaches into the models beyond reading their public fields: taps that
 * observe calls without changing what they do. Each is narrowly typed; docs/app.md ("Model
 * fields the app reads") lists them.
 */
import { IS } from '../aws/ecs';

/** Something that records latencies (the Simulation's per-service and per-function histograms). */
interface Recorder {
  record(ms: number, count?: number): void;
}

/** Also sends every latency `recorder` receives to `tap` (wraps the instance's `record`; the recorded values are unchanged). */
export function tapLatency(recorder: Recorder, tap: (ms: number, count: number) => void): void {
  const original = recorder.record.bind(recorder);
  recorder.record = (ms: number, count = 1) => {
    tap(ms, count);
    original(ms, count);
  };
}

/** What `tapDatabaseWork` needs of an Aurora cluster (`DatabaseModel`). */
interface QueryTarget {
  counters: { cpuWorkMs: number };
  submit(atMs: number, queries: number, cpuMsPerQuery: number, endpoint?: 0 | 1, timeoutMs?: number): { instance: number };
}

/**
 * Also sends the CPU-ms of work each `submit` admits to `tap`, with the index of the instance it
 * went to (wraps the instance's `submit`; results unchanged). The model counts admitted work only
 * per cluster (`counters.cpuWorkMs`); the app needs it per instance for each one's utilisation.
 */
export function tapDatabaseWork<T extends QueryTarget>(db: T, tap: (instance: number, cpuMs: number) => void): void {
  const original = db.submit.bind(db) as T['submit'];
  db.submit = ((atMs: number, queries: number, cpuMsPerQuery: number, endpoint?: 0 | 1, timeoutMs?: number) => {
    const before = db.counters.cpuWorkMs;
    const r = original(atMs, queries, cpuMsPerQuery, endpoint, timeoutMs);
    const work = db.counters.cpuWorkMs - before;
    if (work > 0) tap(r.instance, work);
    return r;
  }) as T['submit'];
}

/** What `tapSpotInterruptions` reads of an ECS cluster (`ClusterModel`): public fields only. */
interface SpotCluster {
  services: readonly { counters: { spotInterruptions: number } }[];
  instances: ReadonlyMap<number, { status: number }>;
}

/**
 * The private parts of `ClusterModel` the Spot tap wraps (read through a narrow type: the model
 * keeps its `taskRunner` and `fleet` private). Both the Spot events (`interruptSpot`, the
 * `K_SPOT_INSTANCE` event) and the `spot-interruption` fault go through these two objects.
 */
interface SpotInternals {
  taskRunner: { stop(task: { id: number; service: number }, atMs: number): void };
  fleet: { warnSpot(instanceId: number, atMs: number): void };
}

/** Instance states (`IS` of src/aws/ecs) in which `warnSpot` warns and drains an instance. */
const WARNABLE = new Set<number>([IS.LAUNCHING, IS.REGISTERING, IS.ACTIVE]);

/**
 * Reports each Spot interruption in the cluster as it happens: a Fargate Spot task stopped by
 * one (a stop that follows a rise of its service's `counters.spotInterruptions`, which the model
 * bumps just before each such stop) and a Spot instance given its warning (`warnSpot` on an
 * instance that is launching, registering or active). Wraps the two calls; results unchanged.
 * Returns a function to call before each step: it takes the counters as they are then.
 */
export function tapSpotInterruptions(cluster: SpotCluster, onTask: (taskId: number, service: number) => void, onInstance: (instanceId: number) => void): () => void {
  const inner = cluster as unknown as SpotInternals;
  const seen: number[] = [];
  const runner = inner.taskRunner;
  const stop = runner.stop.bind(runner);
  runner.stop = (task, atMs) => {
    const n = cluster.services[task.service]?.counters.spotInterruptions;
    const before = seen[task.service];
    if (n !== undefined && before !== undefined && n > before) {
      seen[task.service] = n;
      onTask(task.id, task.service);
    }
    stop(task, atMs);
  };
  const fleet = inner.fleet;
  const warn = fleet.warnSpot.bind(fleet);
  fleet.warnSpot = (instanceId, atMs) => {
    const st = cluster.instances.get(instanceId)?.status;
    if (st !== undefined && WARNABLE.has(st)) onInstance(instanceId);
    warn(instanceId, atMs);
  };
  return () => {
    cluster.services.forEach((s, i) => {
      seen[i] = s.counters.spotInterruptions;
    });
  };
}

/** What `tapEnvironmentBusy` needs of a Lambda function (`FunctionModel`): its public counter and its private `complete`. */
interface CompletingFunction {
  counters: { busyMs: number };
}

/**
 * Sends each finished invocation's busy ms (INIT included on a cold start, as the model counts
 * `counters.busyMs`) to `tap` with the environment's row. Wraps the model's private
 * `complete(row)` (read through a narrow type); the model counts busy time only per function.
 */
export function tapEnvironmentBusy(fn: CompletingFunction, tap: (row: number, busyMs: number) => void): void {
  const inner = fn as unknown as { complete(row: number): void };
  const complete = inner.complete.bind(fn);
  inner.complete = (row: number) => {
    const before = fn.counters.busyMs;
    complete(row);
    const ms = fn.counters.busyMs - before;
    if (ms > 0) tap(row, ms);
  };
}
