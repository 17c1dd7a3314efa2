/**
 * A request's database work, drawn from its workload's `Work.DbQueries` and `Work.DbCpuMs`.
 * Draws come from the stream the caller passes (one per workload entry, e.g.
 * `engine.random.stream('db:<workload name>')`), two uniforms per request whatever the
 * distributions, so every variant sees the same database work for the same request.
 */
import type { RandomStream } from '../../engine';
import { createDistribution, type Distribution, type WorkSpec } from '../../workload';

export class DbWork {
  private readonly queries: Distribution | undefined;
  private readonly cpuMs: Distribution | undefined;
  /** Queries of the last `draw` (a whole number ≥ 0). */
  queryCount = 0;
  /** CPU-ms per query of the last `draw`. */
  cpuMsPerQuery = 0;

  constructor(work: WorkSpec) {
    this.queries = work.DbQueries !== undefined ? createDistribution(work.DbQueries) : undefined;
    this.cpuMs = work.DbCpuMs !== undefined ? createDistribution(work.DbCpuMs) : undefined;
  }

  /** Whether the workload does database work at all. */
  get any(): boolean {
    return this.queries !== undefined && this.cpuMs !== undefined;
  }

  /** Draws one request's work into `queryCount` and `cpuMsPerQuery`. No allocation. */
  draw(rng: RandomStream): void {
    if (this.queries === undefined || this.cpuMs === undefined) {
      this.queryCount = 0;
      this.cpuMsPerQuery = 0;
      return;
    }
    this.queryCount = Math.max(0, Math.round(this.queries.sample(rng)));
    this.cpuMsPerQuery = Math.max(0, this.cpuMs.sample(rng));
  }
}
