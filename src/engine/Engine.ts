/**
 * The simulation engine: a fixed-step clock, the one scheduler, the random streams and the
 * registered components, stepped one tick at a time (browser) or run to the end (CLI).
 *
 * One tick [t, t + tickMs):
 *   1. components step in phase order (Arrivals, Serve, Control, Meter, Record), and within a
 *      phase in registration order, each seeing the tick's start and length;
 *   2. scheduled events due in (t, t + tickMs] fire, in (time, priority, seq) order; while an
 *      event fires, `nowMs` is the event's own time, so chains of timed events keep exact times
 *      (events due at time 0 fire before the first tick);
 *   3. the clock stands at t + tickMs (the last tick is shortened to end exactly at Duration).
 * So after `runUntil(T)` every event due at or before T has fired.
 * No wall clock and no unseeded randomness: the same scenario and seed give the same run.
 */
import { RandomStreams } from './RandomStreams';
import { Priority, Scheduler, type SchedulerState } from './Scheduler';

/** Order in which components step within a tick. */
export const Phase = {
  /** Workload sources draw the tick's arrivals. */
  Arrivals: 0,
  /** Entry points route and services serve. */
  Serve: 1,
  /** Controllers read metrics and change desired capacity. */
  Control: 2,
  /** Billing meters add usage. */
  Meter: 3,
  /** Metric series record. */
  Record: 4,
} as const;
export type PhaseValue = (typeof Phase)[keyof typeof Phase];

/** Something that lives in the simulation. All of its state must round-trip through checkpoint/restore. */
export interface Component {
  /** Unique name: events are addressed to it and its checkpoint is stored under it. */
  readonly name: string;
  /** Called once per tick after due events have fired. */
  step?(tickStartMs: number, tickMs: number): void;
  /** Receives a scheduled event addressed to this component. `atMs` equals `engine.nowMs`. */
  handle?(kind: number, arg: number, atMs: number): void;
  /** Called once when the run reaches its end, at `endMs`, before reporting. */
  finish?(endMs: number): void;
  /** The component's whole state as JSON-able data. */
  checkpoint(): unknown;
  /** Replaces the component's state with a checkpoint taken from an identically built component. */
  restore(state: unknown): void;
}

export interface EngineOptions {
  seed: number;
  /** Tick length in ms (e.g. 1000, or 100). */
  tickMs: number;
  /** Simulated time the run ends at, in ms since Start. */
  durationMs: number;
}

/** A whole-simulation checkpoint: JSON-able; restore it into an engine built from the same scenario. */
export interface EngineCheckpoint {
  nowMs: number;
  ticks: number;
  finished: boolean;
  scheduler: SchedulerState;
  random: Record<string, object>;
  components: Record<string, unknown>;
}

export class Engine {
  readonly scheduler = new Scheduler();
  readonly random: RandomStreams;
  readonly tickMs: number;
  readonly durationMs: number;
  /** Current simulated time in ms since Start. */
  nowMs = 0;
  /** Ticks completed. */
  ticks = 0;
  private finished = false;
  private readonly byName = new Map<string, Component>();
  private ordered: { c: Component; phase: number; order: number }[] = [];
  private stepping: Component[] = [];

  constructor(opts: EngineOptions) {
    if (!(opts.tickMs > 0)) throw new RangeError(`tick must be positive, got ${opts.tickMs} ms`);
    if (!(opts.durationMs > 0)) throw new RangeError(`duration must be positive, got ${opts.durationMs} ms`);
    this.random = new RandomStreams(opts.seed);
    this.tickMs = opts.tickMs;
    this.durationMs = opts.durationMs;
  }

  /** Adds a component that steps in `phase`. Names must be unique. */
  register(c: Component, phase: PhaseValue = Phase.Serve): void {
    if (this.byName.has(c.name)) throw new Error(`component name "${c.name}" is already registered`);
    this.byName.set(c.name, c);
    this.ordered.push({ c, phase, order: this.ordered.length });
    this.ordered.sort((a, b) => a.phase - b.phase || a.order - b.order);
    this.stepping = this.ordered.filter((o) => o.c.step !== undefined).map((o) => o.c);
  }

  /** The registered component called `name`. */
  component<T extends Component = Component>(name: string): T | undefined {
    return this.byName.get(name) as T | undefined;
  }

  /** Schedules an event for component `target` at absolute time `atMs` (not before now). */
  at(atMs: number, target: string, kind: number, arg = 0, priority: number = Priority.Default): number {
    return this.scheduler.schedule(Math.max(atMs, this.nowMs), target, kind, arg, priority);
  }

  /** Schedules an event for `target` after `delayMs` from now. */
  after(delayMs: number, target: string, kind: number, arg = 0, priority: number = Priority.Default): number {
    return this.at(this.nowMs + Math.max(0, delayMs), target, kind, arg, priority);
  }

  get done(): boolean {
    return this.nowMs >= this.durationMs;
  }

  /** Advances one tick; returns false when the run had already ended. */
  step(): boolean {
    if (this.done) {
      this.finish();
      return false;
    }
    const tickStart = this.nowMs;
    if (this.ticks === 0) this.fireDue(tickStart);
    const tick = Math.min(this.tickMs, this.durationMs - tickStart);
    const comps = this.stepping;
    for (let i = 0; i < comps.length; i++) comps[i]!.step!(tickStart, tick);
    this.ticks++;
    this.fireDue(tickStart + tick);
    this.nowMs = tickStart + tick;
    if (this.done) this.finish();
    return true;
  }

  /** Steps until simulated time reaches `untilMs` (or the end). */
  runUntil(untilMs: number): void {
    while (this.nowMs < untilMs && this.step()) {
      /* stepping */
    }
  }

  /** Runs to the end. `onProgress` is called every `everyTicks` ticks with the fraction done. */
  run(onProgress?: (fraction: number) => void, everyTicks = 1000): void {
    while (this.step()) {
      if (onProgress !== undefined && this.ticks % everyTicks === 0) onProgress(this.nowMs / this.durationMs);
    }
  }

  checkpoint(): EngineCheckpoint {
    const components: Record<string, unknown> = {};
    for (const { c } of this.ordered) components[c.name] = c.checkpoint();
    return structuredClone({
      nowMs: this.nowMs,
      ticks: this.ticks,
      finished: this.finished,
      scheduler: this.scheduler.checkpoint(),
      random: this.random.checkpoint(),
      components,
    });
  }

  restore(cp: EngineCheckpoint): void {
    const copy = structuredClone(cp);
    this.nowMs = copy.nowMs;
    this.ticks = copy.ticks;
    this.finished = copy.finished;
    this.scheduler.restore(copy.scheduler);
    this.random.restore(copy.random);
    for (const { c } of this.ordered) {
      if (!(c.name in copy.components)) throw new Error(`checkpoint has no state for component "${c.name}"`);
      c.restore(copy.components[c.name]);
    }
  }

  private fireDue(untilMs: number): void {
    for (;;) {
      const e = this.scheduler.popDue(untilMs);
      if (e === undefined) return;
      const c = this.byName.get(e.target);
      if (c?.handle === undefined) throw new Error(`event for unknown component "${e.target}"`);
      this.nowMs = e.atMs;
      c.handle(e.kind, e.arg, e.atMs);
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.nowMs = this.durationMs;
    for (const { c } of this.ordered) c.finish?.(this.durationMs);
  }
}
