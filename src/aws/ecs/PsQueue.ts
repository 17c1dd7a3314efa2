/**
 * One task's request queue: processor sharing over the task's vCPUs, with a limit on requests
 * in the task.
 *
 * A task with `c` vCPUs shares them among its N requests; one request uses at most one vCPU.
 * A request of `x` CPU-ms that arrives to find N others gets the share it would have if N stayed
 * as it is: its response time is x · max(1 / min(1, c), (N + 1) / c). With Poisson arrivals the
 * number found has the time-average distribution (PASTA), whose mean in M/G/1-PS is ρ/(1−ρ); so
 * at c = 1 the mean response of a size-x request is x/(1−ρ), exactly the M/G/1-PS result, and
 * latency rises with utilisation as it should. Past `limit` requests in the task, new ones fail.
 *
 * Completions sit in a binary min-heap of typed arrays sized to the limit: admission and
 * completion cost O(log limit) and allocate nothing.
 */

/** Where completed requests' latencies go. */
export interface LatencySink {
  record(ms: number, count?: number): void;
}

export interface PsQueueState {
  n: number;
  done: number[];
  arrived: number[];
  served: number;
}

export class PsQueue {
  /** Completion time of each request in the task (heap order). */
  private done: Float64Array;
  /** Arrival time of the request at the same heap slot. */
  private arrived: Float64Array;
  private n = 0;
  /** Requests completed so far. */
  served = 0;
  private readonly soloFactor: number;
  private readonly invVcpu: number;

  /**
   * @param vcpu  the task's vCPUs (cpu units / 1024)
   * @param limit most requests in the task at once
   */
  constructor(
    readonly vcpu: number,
    readonly limit: number,
  ) {
    this.done = new Float64Array(limit);
    this.arrived = new Float64Array(limit);
    this.soloFactor = 1 / Math.min(1, vcpu);
    this.invVcpu = 1 / vcpu;
  }

  /** Requests in the task now. */
  get inSystem(): number {
    return this.n;
  }

  /** Completes every request due at or before `tMs`, recording their latencies. */
  advance(tMs: number, latency: LatencySink): void {
    while (this.n > 0 && this.done[0]! <= tMs) {
      latency.record(this.done[0]! - this.arrived[0]!);
      this.served++;
      this.popTop();
    }
  }

  /** Admits a request of `cpuMs` CPU-ms arriving at `tMs`; false when the task is full. Call `advance(tMs)` first. */
  admit(tMs: number, cpuMs: number): boolean {
    if (this.n >= this.limit) return false;
    const slowdown = Math.max(this.soloFactor, (this.n + 1) * this.invVcpu);
    this.push(tMs + cpuMs * slowdown, tMs);
    return true;
  }

  /** Drops every request in the task (the task died); returns how many. */
  dropAll(): number {
    const k = this.n;
    this.n = 0;
    return k;
  }

  checkpoint(): PsQueueState {
    return {
      n: this.n,
      done: Array.from(this.done.subarray(0, this.n)),
      arrived: Array.from(this.arrived.subarray(0, this.n)),
      served: this.served,
    };
  }

  restore(s: PsQueueState): void {
    this.n = s.n;
    this.done.set(s.done);
    this.arrived.set(s.arrived);
    this.served = s.served;
  }

  private push(done: number, arrived: number): void {
    const d = this.done;
    const a = this.arrived;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (d[p]! <= done) break;
      d[i] = d[p]!;
      a[i] = a[p]!;
      i = p;
    }
    d[i] = done;
    a[i] = arrived;
  }

  private popTop(): void {
    const d = this.done;
    const a = this.arrived;
    const n = --this.n;
    if (n === 0) return;
    const lastD = d[n]!;
    const lastA = a[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && d[r]! < d[l]! ? r : l;
      if (d[c]! >= lastD) break;
      d[i] = d[c]!;
      a[i] = a[c]!;
      i = c;
    }
    d[i] = lastD;
    a[i] = lastA;
  }
}
