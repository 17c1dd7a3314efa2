/**
 * The one place the app reaches into the models beyond reading their public fields: taps that
 * observe calls without changing what they do. Each is narrowly typed; docs/app.md ("Model
 * fields the app reads") lists them.
 */

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
