import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { compileLifecycle, Engine, SimClock } from '../../src/engine';

const light = createMachine({
  id: 'light',
  initial: 'off',
  states: {
    off: { on: { ON: 'on', BREAK: 'broken' } },
    on: { on: { OFF: 'off', BREAK: 'broken' } },
    broken: { type: 'final' },
  },
});

describe('compileLifecycle', () => {
  const lc = compileLifecycle<'off' | 'on' | 'broken', 'ON' | 'OFF' | 'BREAK'>(light);

  it('lists states and starts at the initial one', () => {
    expect(lc.states).toEqual(['off', 'on', 'broken']);
    expect(lc.states[lc.initial]).toBe('off');
  });

  it('follows the machine transitions', () => {
    expect(lc.states[lc.next(lc.indexOf('off'), 'ON')]).toBe('on');
    expect(lc.states[lc.next(lc.indexOf('on'), 'BREAK')]).toBe('broken');
  });

  it('rejects events the state does not accept', () => {
    expect(lc.next(lc.indexOf('off'), 'OFF')).toBe(-1);
    expect(lc.next(lc.indexOf('broken'), 'ON')).toBe(-1);
  });

  it('knows final states', () => {
    expect(lc.isFinal(lc.indexOf('broken'))).toBe(true);
    expect(lc.isFinal(lc.indexOf('on'))).toBe(false);
  });
});

describe('SimClock', () => {
  it('runs XState delayed transitions on the simulated clock', () => {
    const engine = new Engine({ seed: 1, tickMs: 1000, durationMs: 10_000 });
    const clock = new SimClock(engine);
    engine.register(clock);
    const m = createMachine({ initial: 'a', states: { a: { after: { 2500: 'b' } }, b: {} } });
    const actor = createActor(m, { clock }).start();
    engine.runUntil(2000);
    expect(actor.getSnapshot().value).toBe('a');
    engine.runUntil(3000);
    expect(actor.getSnapshot().value).toBe('b');
  });
});
