/**
 * XState `Clock` on the simulated clock: an actor created with `clock: engine-backed SimClock`
 * has its delayed events (`after`) scheduled into the engine's one heap, never `setTimeout`.
 * Callbacks are held here by timer id; the heap carries only the id, so ordering follows the
 * engine's (time, priority, seq) rule.
 *
 * Use it for coarse, long-lived actors. Entities that must survive a checkpoint use
 * `compileLifecycle` instead (XState stamps delayed events with the wall clock on persist).
 */
import type { Component, Engine } from './Engine';
import { Priority } from './Scheduler';

/** The shape of XState's clock option (`createActor(machine, { clock })`). */
export interface XStateClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

export class SimClock implements XStateClock, Component {
  private readonly callbacks = new Map<number, () => void>();
  private readonly seqById = new Map<number, number>();
  private nextId = 1;

  constructor(
    private readonly engine: Engine,
    readonly name = 'xstate-clock',
  ) {}

  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): number {
    const id = this.nextId++;
    this.callbacks.set(id, fn as () => void);
    this.seqById.set(id, this.engine.after(timeoutMs, this.name, 0, id, Priority.Lifecycle));
    return id;
  }

  clearTimeout(id: unknown): void {
    const seq = this.seqById.get(id as number);
    if (seq !== undefined) this.engine.scheduler.cancel(seq);
    this.callbacks.delete(id as number);
    this.seqById.delete(id as number);
  }

  handle(_kind: number, id: number): void {
    const fn = this.callbacks.get(id);
    this.callbacks.delete(id);
    this.seqById.delete(id);
    fn?.();
  }

  /** Pending timers hold closures, which no checkpoint can carry: only their count is kept. */
  checkpoint(): unknown {
    return { pending: this.callbacks.size };
  }

  restore(state: unknown): void {
    const pending = (state as { pending: number }).pending;
    if (pending !== 0 || this.callbacks.size !== 0) {
      throw new Error('SimClock: cannot restore while XState timers are pending; use compileLifecycle for checkpointed entities');
    }
  }
}
