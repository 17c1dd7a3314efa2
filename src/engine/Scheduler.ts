/**
 * The engine's one timed-event queue: a binary min-heap keyed (atMs, priority, seq).
 *
 * Events due at the same time fire in ascending priority, then in the order they were
 * scheduled (seq), so runs are repeatable. Events are plain data (target component name,
 * a numeric kind and a numeric argument), never closures, so the whole queue can be
 * checkpointed and restored.
 */

/** One scheduled event. `atMs` is simulated milliseconds since the scenario's Start. */
export interface ScheduledEvent {
  readonly atMs: number;
  readonly priority: number;
  readonly seq: number;
  /** Name of the component the event is delivered to. */
  readonly target: string;
  /** Component-defined event kind. */
  readonly kind: number;
  /** Component-defined argument (an entity index, say). */
  readonly arg: number;
}

/** Documented priorities for events due at the same instant: lower fires first. */
export const Priority = {
  /** Lifecycle transitions (a task becomes RUNNING, an instance registers). */
  Lifecycle: 0,
  /** Controllers' periodic evaluations (auto scaling, capacity providers). */
  Control: 10,
  /** Anything else. */
  Default: 50,
} as const;

export interface SchedulerState {
  nextSeq: number;
  events: ScheduledEvent[];
  cancelled: number[];
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private nextSeq = 0;
  private cancelled = new Set<number>();

  /** Number of pending (not cancelled) events. */
  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Schedules an event; returns its sequence number, which `cancel` takes. */
  schedule(atMs: number, target: string, kind: number, arg = 0, priority: number = Priority.Default): number {
    if (!Number.isFinite(atMs)) throw new RangeError(`cannot schedule an event at ${atMs} ms`);
    const seq = this.nextSeq++;
    this.push({ atMs, priority, seq, target, kind, arg });
    return seq;
  }

  /** Cancels a pending event by its sequence number; cancelling twice or after it fired is harmless. */
  cancel(seq: number): void {
    if (seq >= 0 && seq < this.nextSeq && this.heap.some((e) => e.seq === seq)) this.cancelled.add(seq);
  }

  /** Time of the earliest pending event, or Infinity. */
  peekTime(): number {
    this.dropCancelled();
    return this.heap.length > 0 ? this.heap[0]!.atMs : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest pending event if it is due at or before `untilMs`. */
  popDue(untilMs: number): ScheduledEvent | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined || top.atMs > untilMs) return undefined;
    return this.pop();
  }

  checkpoint(): SchedulerState {
    return {
      nextSeq: this.nextSeq,
      events: this.heap.filter((e) => !this.cancelled.has(e.seq)).map((e) => ({ ...e })),
      cancelled: [],
    };
  }

  restore(state: SchedulerState): void {
    this.nextSeq = state.nextSeq;
    this.cancelled = new Set(state.cancelled);
    this.heap = [];
    for (const e of state.events) this.push({ ...e });
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0]!.seq)) {
      this.cancelled.delete(this.heap[0]!.seq);
      this.pop();
    }
  }

  private push(e: ScheduledEvent): void {
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(e, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = e;
  }

  private pop(): ScheduledEvent {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r]!, h[l]!) ? r : l;
        const child = h[c]!;
        if (!before(child, last)) break;
        h[i] = child;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
