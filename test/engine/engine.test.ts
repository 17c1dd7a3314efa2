import { describe, expect, it } from 'vitest';
import { type Component, Engine, Phase, Priority } from '../../src/engine';

/** A component that logs what happens to it and reschedules itself, drawing from its stream. */
class Probe implements Component {
  log: string[] = [];
  total = 0;
  constructor(
    readonly name: string,
    private readonly engine: Engine,
  ) {}
  step(t: number, dt: number): void {
    this.log.push(`${this.name} step ${t}+${dt}`);
  }
  handle(kind: number, arg: number, atMs: number): void {
    this.log.push(`${this.name} ev${kind}:${arg}@${atMs} now=${this.engine.nowMs}`);
    this.total += this.engine.random.stream(this.name).next();
    if (arg < 5) this.engine.after(1500, this.name, kind, arg + 1);
  }
  checkpoint() {
    return { total: this.total };
  }
  restore(s: unknown) {
    this.total = (s as { total: number }).total;
  }
}

describe('Engine', () => {
  it('steps components in phase order, then registration order', () => {
    const e = new Engine({ seed: 1, tickMs: 1000, durationMs: 1000 });
    const order: string[] = [];
    const mk = (name: string): Component => ({ name, step: () => order.push(name), checkpoint: () => 0, restore: () => {} });
    e.register(mk('meter'), Phase.Meter);
    e.register(mk('serveA'), Phase.Serve);
    e.register(mk('arrivals'), Phase.Arrivals);
    e.register(mk('serveB'), Phase.Serve);
    e.step();
    expect(order).toEqual(['arrivals', 'serveA', 'serveB', 'meter']);
  });

  it('fires events due within a tick at their own time, after components step', () => {
    const e = new Engine({ seed: 1, tickMs: 1000, durationMs: 3000 });
    const p = new Probe('p', e);
    e.register(p);
    e.at(500, 'p', 1, 5);
    e.run();
    expect(p.log).toEqual(['p step 0+1000', 'p ev1:5@500 now=500', 'p step 1000+1000', 'p step 2000+1000']);
  });

  it('supports 100 ms ticks and shortens the last tick to end exactly at the duration', () => {
    const e = new Engine({ seed: 1, tickMs: 100, durationMs: 250 });
    const p = new Probe('p', e);
    e.register(p);
    e.run();
    expect(p.log).toEqual(['p step 0+100', 'p step 100+100', 'p step 200+50']);
    expect(e.nowMs).toBe(250);
  });

  it('fires same-time events from different components in priority then scheduling order', () => {
    const e = new Engine({ seed: 1, tickMs: 1000, durationMs: 2000 });
    const a = new Probe('a', e);
    const b = new Probe('b', e);
    e.register(a);
    e.register(b);
    const fired: string[] = [];
    a.handle = (k) => fired.push(`a${k}`);
    b.handle = (k) => fired.push(`b${k}`);
    e.at(1000, 'b', 1, 0, Priority.Default);
    e.at(1000, 'a', 2, 0, Priority.Default);
    e.at(1000, 'b', 3, 0, Priority.Lifecycle);
    e.run();
    expect(fired).toEqual(['b3', 'b1', 'a2']);
  });

  it('restores a checkpoint and continues to the identical result', () => {
    const build = () => {
      const e = new Engine({ seed: 5, tickMs: 1000, durationMs: 20_000 });
      const p = new Probe('p', e);
      e.register(p);
      e.at(300, 'p', 1, 0);
      return { e, p };
    };
    const full = build();
    full.e.runUntil(7000);
    const cp = JSON.parse(JSON.stringify(full.e.checkpoint()));
    full.e.run();

    const resumed = build();
    resumed.e.restore(cp);
    resumed.e.run();
    expect(resumed.p.total).toBe(full.p.total);
    expect(resumed.e.nowMs).toBe(full.e.nowMs);
    expect(resumed.p.total).toBeGreaterThan(0);
  });

  it('rejects a non-positive tick', () => {
    expect(() => new Engine({ seed: 1, tickMs: 0, durationMs: 10 })).toThrow(/tick must be positive/);
  });
});
