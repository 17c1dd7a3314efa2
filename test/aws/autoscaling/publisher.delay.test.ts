import { describe, expect, it } from 'vitest';
import { defaultPublishDelayMs, isPresent, MetricPublisher, statisticValue } from '../../../src/aws/autoscaling';

describe('MetricPublisher (CloudWatch datapoints as alarms see them)', () => {
  it('aggregates the ticks of a period into one datapoint, averaging over running tasks', () => {
    const p = new MetricPublisher({ periodSeconds: 60, publishDelayMs: 0 });
    for (let s = 0; s < 30; s++) p.sample(s * 1000, 40, 2);
    for (let s = 30; s < 60; s++) p.sample(s * 1000, 80, 1);
    p.advance(60_000);
    const dp = p.nextVisible(60_000)!;
    expect(dp.index).toBe(0);
    expect(statisticValue(dp, 'Average')).toBeCloseTo((40 * 2 * 30 + 80 * 30) / 90, 12);
    expect(statisticValue(dp, 'Minimum')).toBe(40);
    expect(statisticValue(dp, 'Maximum')).toBe(80);
    expect(statisticValue(dp, 'Sum')).toBe(3600);
    expect(statisticValue(dp, 'SampleCount')).toBe(60);
    // 3600 over a mean of 1.5 tasks: requests per target.
    expect(statisticValue(dp, 'SumPerMeanWeight')).toBe(2400);
  });

  it('makes a datapoint visible only publishDelayMs after its period ends', () => {
    const p = new MetricPublisher({ periodSeconds: 60 });
    expect(p.publishDelayMs).toBe(183_000);
    for (let s = 0; s <= 300; s++) {
      p.advance(s * 1000);
      p.sample(s * 1000, 50, 1);
    }
    expect(p.nextVisible(242_999)).toBeUndefined();
    expect(p.nextVisible(243_000)?.periodEndMs).toBe(60_000);
    expect(p.nextVisible(243_000)).toBeUndefined();
    expect(p.nextVisible(303_000)?.index).toBe(1);
  });

  it('20-second metrics publish every 20 s after a 26 s delay', () => {
    const p = new MetricPublisher({ periodSeconds: 20 });
    for (let s = 0; s < 60; s++) p.sample(s * 1000, 10, 1);
    p.advance(60_000);
    expect(p.nextVisible(45_999)).toBeUndefined();
    expect(p.nextVisible(46_000)?.periodEndMs).toBe(20_000);
    expect(p.nextVisible(66_000)?.periodEndMs).toBe(40_000);
  });

  it('gives no datapoint for a period with no running task', () => {
    const p = new MetricPublisher({ periodSeconds: 60, publishDelayMs: 0 });
    for (let s = 0; s < 60; s++) p.sample(s * 1000, Number.NaN, 0);
    p.advance(60_000);
    const dp = p.nextVisible(60_000)!;
    expect(isPresent(dp)).toBe(false);
    expect(statisticValue(dp, 'Average')).toBeNaN();
    expect(statisticValue(dp, 'Maximum')).toBeNaN();
  });

  it('closes periods without samples as missing when time moves on', () => {
    const p = new MetricPublisher({ periodSeconds: 60, publishDelayMs: 0 });
    p.sample(0, 30, 1);
    p.advance(180_000);
    const got = [p.nextVisible(180_000), p.nextVisible(180_000), p.nextVisible(180_000)];
    expect(got.map((d) => d?.index)).toEqual([0, 1, 2]);
    expect(got.map((d) => isPresent(d!))).toEqual([true, false, false]);
    expect(p.nextVisible(180_000)).toBeUndefined();
  });

  it('keeps memory bounded over a day of 1 s ticks', () => {
    const p = new MetricPublisher({ periodSeconds: 60 });
    let most = 0;
    let seen = 0;
    for (let s = 0; s < 86_400; s++) {
      const t = s * 1000;
      p.advance(t);
      while (p.nextVisible(t) !== undefined) seen++;
      p.sample(t, 50, 3);
      most = Math.max(most, p.pendingCount);
    }
    expect(most).toBeLessThanOrEqual(4);
    expect(seen).toBe(1440 - 4);
  });

  it('delays are calibrated per resolution: 183 s for 60-second metrics, 26 s for 20-second', () => {
    expect(defaultPublishDelayMs(60)).toBe(183_000);
    expect(defaultPublishDelayMs(300)).toBe(183_000);
    expect(defaultPublishDelayMs(20)).toBe(26_000);
  });

  it('round-trips through a JSON checkpoint', () => {
    const a = new MetricPublisher({ periodSeconds: 60 });
    const b = new MetricPublisher({ periodSeconds: 60 });
    for (let s = 0; s < 150; s++) a.sample(s * 1000, s % 7 === 0 ? Number.NaN : s, s % 7 === 0 ? 0 : 2);
    a.advance(150_000);
    b.restore(JSON.parse(JSON.stringify(a.checkpoint())));
    for (let s = 150; s < 400; s++) {
      a.sample(s * 1000, s, 1);
      b.sample(s * 1000, s, 1);
    }
    a.advance(400_000);
    b.advance(400_000);
    for (;;) {
      const x = a.nextVisible(1e9);
      const y = b.nextVisible(1e9);
      expect(y).toEqual(x);
      if (x === undefined) break;
    }
  });
});
