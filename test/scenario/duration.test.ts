import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/scenario';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['90s', 90_000],
    ['10m', 600_000],
    ['6h', 21_600_000],
    ['30d', 2_592_000_000],
    ['1.5s', 1500],
    ['0.1s', 100],
    ['45', 45_000],
    [' 2 h ', 7_200_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reads a number as seconds', () => {
    expect(parseDuration(2.5)).toBe(2500);
  });

  it.each(['5 minutes', '-3s', '1h30m', '', 'ms'])('rejects %j naming the accepted forms', (text) => {
    expect(() => parseDuration(text)).toThrow('250ms, 90s, 10m, 6h, 30d or a number of seconds');
  });

  it('rejects a negative number of seconds', () => {
    expect(() => parseDuration(-1)).toThrow('expected a duration');
  });
});
