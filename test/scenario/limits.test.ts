import { describe, expect, it } from 'vitest';
import { brief, edit, issuesOf, load, WEB } from './helpers';

describe('simulator limits on scenario values', () => {
  it('rejects a rate above 1,000,000 requests per second, saying the limit', () => {
    const text = WEB.replace(/Rate: \d+/, 'Rate: 2000000');
    expect(text).not.toBe(WEB);
    const found = brief(issuesOf(text));
    expect(found.some((m) => /Rate: must be ≤ 1,?000,?000 requests\/s, got 2000000/.test(m))).toBe(true);
  });

  it('accepts the limit itself', () => {
    const s = load(edit(WEB, WEB.match(/Rate: \d+/)![0], 'Rate: 1000000'));
    expect(s.Workload[0]!.Arrivals).toMatchObject({ Rate: 1_000_000 });
  });
});
