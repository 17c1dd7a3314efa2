import { describe, expect, it } from 'vitest';
import { Alarm, breaches, MetricPublisher } from '../../../src/aws/autoscaling';

describe('Alarm (M of N datapoints)', () => {
  it('goes to ALARM only when M of the last N datapoints breach', () => {
    const a = new Alarm({ threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    expect(a.state).toBe('INSUFFICIENT_DATA');
    expect(a.observeValue(60)).toBe('OK');
    expect(a.observeValue(60)).toBe('ALARM');
    expect(a.observeValue(40)).toBe('ALARM');
    expect(a.observeValue(40)).toBe('OK');
  });

  it('with 3 of 3 needs three breaching datapoints in a row', () => {
    const a = new Alarm({ threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3 });
    expect([60, 60, 40, 60, 60].map((v) => a.observeValue(v))).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(a.observeValue(60)).toBe('ALARM');
  });

  it('treats missing datapoints as missing: they neither breach nor count, and all missing is INSUFFICIENT_DATA', () => {
    const a = new Alarm({ threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3 });
    expect(a.observeValue(Number.NaN)).toBe('INSUFFICIENT_DATA');
    a.observeValue(60);
    a.observeValue(60);
    expect(a.observeValue(Number.NaN)).toBe('OK');
    a.observeValue(Number.NaN);
    expect(a.observeValue(Number.NaN)).toBe('INSUFFICIENT_DATA');
  });

  it('compares with the operator exactly at the threshold', () => {
    expect(breaches(50, 'GreaterThanThreshold', 50)).toBe(false);
    expect(breaches(50, 'GreaterThanOrEqualToThreshold', 50)).toBe(true);
    expect(breaches(50, 'LessThanThreshold', 50)).toBe(false);
    expect(breaches(50, 'LessThanOrEqualToThreshold', 50)).toBe(true);
    expect(breaches(Number.NaN, 'LessThanThreshold', 50)).toBe(false);
  });

  it('evaluates the statistic it was given over each period', () => {
    const p = new MetricPublisher({ periodSeconds: 60, publishDelayMs: 0 });
    const max = new Alarm({ threshold: 90, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1, statistic: 'Maximum' });
    const avg = new Alarm({ threshold: 90, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1 });
    for (let s = 0; s < 60; s++) p.sample(s * 1000, s === 30 ? 95 : 20, 1);
    p.advance(60_000);
    const dp = p.nextVisible(60_000)!;
    expect(max.observe(dp)).toBe('ALARM');
    expect(avg.observe(dp)).toBe('OK');
  });

  it('rejects DatapointsToAlarm above EvaluationPeriods', () => {
    expect(
      () => new Alarm({ threshold: 1, comparisonOperator: 'LessThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 4 }),
    ).toThrow(RangeError);
  });

  it('continues identically after a JSON checkpoint', () => {
    const a = new Alarm({ threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    const b = new Alarm({ threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3, datapointsToAlarm: 2 });
    a.observeValue(60);
    a.observeValue(Number.NaN);
    b.restore(JSON.parse(JSON.stringify(a.checkpoint())));
    for (const v of [40, 60, 60, 30, Number.NaN, 70]) expect(b.observeValue(v)).toBe(a.observeValue(v));
  });
});
