/**
 * A processor-sharing server: the vCPUs of one Fargate task, or of one EC2 instance shared by
 * the tasks placed on it (CPU units reserve capacity but do not cap a task's use of idle CPU).
 *
 * A server with `c` vCPUs shares them among its N requests; one request uses at most one vCPU.
 * A request of `x` CPU-ms that arrives to find N others gets the share it would have if N stayed
 * as it is: its response time is x · max(1 / min(1, c), (N + 1) / c). With Poisson arrivals the
 * number found has the time-average distribution (PASTA), whose mean in M/G/1-PS is ρ/(1−ρ); so
 * at c = 1 the mean response of a size-x request is x/(1−ρ), exactly the M/G/1-PS result, and
 * latency rises with utilisation as it should.
 *
 * Requests belong to owners (the tasks on the server, by slot), so each task's queue limit is
 * checked against its own count. Completions sit in a binary min-heap of typed arrays that grows
 * geometrically: admission and completion cost O(log N) and allocate nothing in steady state.
 */

/** Where completed requests' latencies go. */
export interface LatencySink {
  record(ms: number, count?: number): void;
}

/** Receives each completion: which owner, its latency. */
export interface CompletionSink {
  complete(owner: number, latencyMs: number): void;
}

export interface PsServerState {
  vcpu: number;
  n: number;
  done: number[];
  arrived: number[];
  owner: number[];
  ownerCount: number[];
}

export class PsServer {
  private done: Float64Array;
  private arrived: Float64Array;
  private owner: Int32Array;
  private n = 0;
  /** Requests in the server per owner slot. */
  ownerCount: Int32Array;
  private soloFactor = 1;
  private invVcpu = 1;
  private _vcpu = 1;

  constructor(vcpu: number, initialCapacity = 16, owners = 1) {
    this.done = new Float64Array(initialCapacity);
    this.arrived = new Float64Array(initialCapacity);
    this.owner = new Int32Array(initialCapacity);
    this.ownerCount = new Int32Array(Math.max(1, owners));
    this.vcpu = vcpu;
  }

  /** vCPUs the server shares. */
  get vcpu(): number {
    return this._vcpu;
  }

  set vcpu(v: number) {
    this._vcpu = v;
    this.soloFactor = 1 / Math.min(1, v);
    this.invVcpu = 1 / v;
  }

  /** Requests in the server now. */
  get inSystem(): number {
    return this.n;
  }

  /** Completes every request due at or before `tMs`. */
  advance(tMs: number, sink: CompletionSink): void {
    const d = this.done;
    while (this.n > 0 && d[0]! <= tMs) {
      const o = this.owner[0]!;
      this.ownerCount[o]!--;
      sink.complete(o, d[0]! - this.arrived[0]!);
      this.popTop();
    }
  }

  /**
   * Admits a request of `cpuMs` CPU-ms for `owner` arriving at `tMs`, which also waits `waitMs`
   * (on a database) before it completes. Call `advance(tMs)` first. A waiting request still counts
   * among the N sharing the CPU: a slight overstatement of contention while requests wait.
   */
  admit(tMs: number, cpuMs: number, owner = 0, waitMs = 0): void {
    if (this.n === this.done.length) this.grow();
    const slowdown = Math.max(this.soloFactor, (this.n + 1) * this.invVcpu);
    this.ownerCount[owner]!++;
    this.push(tMs + cpuMs * slowdown + waitMs, tMs, owner);
  }

  /** Makes room for owner slots up to `slot`. */
  ensureOwner(slot: number): void {
    if (slot < this.ownerCount.length) return;
    const next = new Int32Array(Math.max(slot + 1, this.ownerCount.length * 2));
    next.set(this.ownerCount);
    this.ownerCount = next;
  }

  /** Removes every request of `owner` (its task died); returns how many. */
  dropOwner(owner: number): number {
    let kept = 0;
    let dropped = 0;
    const d = this.done;
    const a = this.arrived;
    const o = this.owner;
    for (let i = 0; i < this.n; i++) {
      if (o[i] === owner) {
        dropped++;
        continue;
      }
      d[kept] = d[i]!;
      a[kept] = a[i]!;
      o[kept] = o[i]!;
      kept++;
    }
    this.n = 0;
    for (let i = 0; i < kept; i++) this.push(d[i]!, a[i]!, o[i]!);
    this.ownerCount[owner] = 0;
    return dropped;
  }

  checkpoint(): PsServerState {
    return {
      vcpu: this._vcpu,
      n: this.n,
      done: Array.from(this.done.subarray(0, this.n)),
      arrived: Array.from(this.arrived.subarray(0, this.n)),
      owner: Array.from(this.owner.subarray(0, this.n)),
      ownerCount: Array.from(this.ownerCount),
    };
  }

  restore(s: PsServerState): void {
    this.vcpu = s.vcpu;
    while (this.done.length < s.n) this.grow();
    this.n = s.n;
    this.done.set(s.done);
    this.arrived.set(s.arrived);
    this.owner.set(s.owner);
    this.ownerCount = Int32Array.from(s.ownerCount);
  }

  private grow(): void {
    const size = Math.max(16, this.done.length * 2);
    const d = new Float64Array(size);
    const a = new Float64Array(size);
    const o = new Int32Array(size);
    d.set(this.done);
    a.set(this.arrived);
    o.set(this.owner);
    this.done = d;
    this.arrived = a;
    this.owner = o;
  }

  private push(done: number, arrived: number, owner: number): void {
    const d = this.done;
    const a = this.arrived;
    const o = this.owner;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (d[p]! <= done) break;
      d[i] = d[p]!;
      a[i] = a[p]!;
      o[i] = o[p]!;
      i = p;
    }
    d[i] = done;
    a[i] = arrived;
    o[i] = owner;
  }

  private popTop(): void {
    const d = this.done;
    const a = this.arrived;
    const o = this.owner;
    const n = --this.n;
    if (n === 0) return;
    const lastD = d[n]!;
    const lastA = a[n]!;
    const lastO = o[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && d[r]! < d[l]! ? r : l;
      if (d[c]! >= lastD) break;
      d[i] = d[c]!;
      a[i] = a[c]!;
      o[i] = o[c]!;
      i = c;
    }
    d[i] = lastD;
    a[i] = lastA;
    o[i] = lastO;
  }
}
