import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine';

const draws = (r: RandomStreams, name: string, n = 5) => Array.from({ length: n }, () => r.stream(name).next());

describe('RandomStreams', () => {
  it('gives the same draws for the same seed and name', () => {
    expect(draws(new RandomStreams(42), 'a')).toEqual(draws(new RandomStreams(42), 'a'));
  });

  it('gives different draws for another seed', () => {
    expect(draws(new RandomStreams(42), 'a')).not.toEqual(draws(new RandomStreams(43), 'a'));
  });

  it('gives independent streams per name: using another stream does not change this one', () => {
    const alone = new RandomStreams(7);
    const mixed = new RandomStreams(7);
    draws(mixed, 'newcomer', 100);
    expect(draws(mixed, 'a')).toEqual(draws(alone, 'a'));
    expect(draws(new RandomStreams(7), 'b')).not.toEqual(draws(new RandomStreams(7), 'a'));
  });

  it('draws uniforms in [0, 1)', () => {
    const s = new RandomStreams(1).stream('u');
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = s.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('continues identically after checkpoint and restore', () => {
    const r = new RandomStreams(9);
    draws(r, 'a', 10);
    const cp = JSON.parse(JSON.stringify(r.checkpoint()));
    const expected = draws(r, 'a', 10);
    const r2 = new RandomStreams(9);
    r2.restore(cp);
    expect(draws(r2, 'a', 10)).toEqual(expected);
  });
});

describe('RandomStreams restore', () => {
  it('restores streams that components already hold', () => {
    const r = new RandomStreams(3);
    const held = r.stream('a');
    held.next();
    const cp = JSON.parse(JSON.stringify(r.checkpoint()));
    const expected = [held.next(), held.next()];
    r.restore(cp);
    expect([held.next(), held.next()]).toEqual(expected);
  });
});
