import { describe, expect, it } from 'vitest';
import {
  applyAdjustment,
  findStep,
  type StepAdjustment,
  StepScalingPolicy,
  type StepScalingPolicyConfig,
  stepContains,
} from '../../../src/aws/autoscaling';
import { timeline, world } from './fakeService';

/** A policy on a 1-of-1 CPU alarm (60 s periods): fires on the first datapoint, at 243 s. */
function policy(o: Partial<StepScalingPolicyConfig> & { threshold?: number; below?: boolean }): StepScalingPolicy {
  return new StepScalingPolicy({
    name: 'step',
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
    ...o,
    alarm: {
      metricName: 'CPUUtilization',
      periodSeconds: 60,
      threshold: o.threshold ?? 60,
      comparisonOperator: o.below ? 'LessThanThreshold' : 'GreaterThanThreshold',
      evaluationPeriods: 1,
    },
  });
}

describe('step adjustments: intervals relative to the threshold', () => {
  it('the bound nearer the threshold is inclusive (AWS: [0, 10) above, (−10, 0] below)', () => {
    const above: StepAdjustment = { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 };
    const below: StepAdjustment = { metricIntervalLowerBound: -10, metricIntervalUpperBound: 0, scalingAdjustment: -1 };
    expect([0, 9.99, 10].map((d) => stepContains(above, d))).toEqual([true, true, false]);
    expect([0, -9.99, -10].map((d) => stepContains(below, d))).toEqual([true, true, false]);
    expect(stepContains({ metricIntervalUpperBound: -10, scalingAdjustment: -2 }, -10)).toBe(true);
    expect(stepContains({ metricIntervalLowerBound: 10, scalingAdjustment: 3 }, 10)).toBe(true);
  });

  it('picks the step holding the breach', () => {
    const steps: StepAdjustment[] = [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 15, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 15, metricIntervalUpperBound: 25, scalingAdjustment: 2 },
      { metricIntervalLowerBound: 25, scalingAdjustment: 4 },
    ];
    expect([0, 14, 15, 24.9, 25, 500].map((d) => findStep(steps, d)?.scalingAdjustment)).toEqual([1, 1, 2, 2, 4, 4]);
    expect(findStep(steps, -1)).toBeUndefined();
  });

  it('rejects steps that overlap or leave a gap', () => {
    const gap = [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 20, scalingAdjustment: 2 },
    ];
    const overlap = [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 5, scalingAdjustment: 2 },
    ];
    expect(() => policy({ stepAdjustments: gap })).toThrow(/gaps/);
    expect(() => policy({ stepAdjustments: overlap })).toThrow(/overlap/);
  });
});

describe('step adjustments: adjustment types (hand examples)', () => {
  it('ChangeInCapacity adds the adjustment', () => {
    expect(applyAdjustment(4, 'ChangeInCapacity', 3)).toBe(7);
    expect(applyAdjustment(4, 'ChangeInCapacity', -1)).toBe(3);
  });

  it('PercentChangeInCapacity truncates towards zero, as in AWS’s example (10 → 11 → 14 → 13)', () => {
    expect(applyAdjustment(10, 'PercentChangeInCapacity', 10)).toBe(11);
    expect(applyAdjustment(11, 'PercentChangeInCapacity', 30)).toBe(14); // 3.3 → 3
    expect(applyAdjustment(14, 'PercentChangeInCapacity', -10)).toBe(13); // −1.4 → −1
  });

  it('PercentChangeInCapacity moves at least one task, and at least MinAdjustmentMagnitude', () => {
    expect(applyAdjustment(4, 'PercentChangeInCapacity', 10)).toBe(5); // 0.4 → 1
    expect(applyAdjustment(4, 'PercentChangeInCapacity', -10)).toBe(3);
    expect(applyAdjustment(4, 'PercentChangeInCapacity', 25, 2)).toBe(6); // AWS: 25 % of 4 is 1, magnitude 2 → +2
  });

  it('ExactCapacity sets the count', () => {
    expect(applyAdjustment(4, 'ExactCapacity', 10)).toBe(10);
  });
});

describe('step scaling on a synthetic service', () => {
  const twoSteps: StepAdjustment[] = [
    { metricIntervalLowerBound: 0, metricIntervalUpperBound: 15, scalingAdjustment: 2 },
    { metricIntervalLowerBound: 15, scalingAdjustment: 3 },
  ];

  it('ChangeInCapacity: CPU 85 % against a 60 % threshold takes the +3 step', () => {
    const w = world({ initial: 4, cpu: () => 85 }, [policy({ stepAdjustments: twoSteps })]);
    w.engine.runUntil(250_000);
    expect(w.scaler.decisions()).toMatchObject([
      {
        atMs: 243_000,
        from: 4,
        to: 7,
        reason: 'CPUUtilization 85 breaches the alarm threshold 60 (+25): ChangeInCapacity +3; 4 → 7 tasks',
      },
    ]);
  });

  it('during the cooldown a larger step adds only the difference (+2, then +3 adds 1)', () => {
    const cpu = (t: number) => (t < 60_000 ? 70 : 80);
    const w = world({ initial: 4, cpu }, [policy({ stepAdjustments: twoSteps })]);
    w.engine.runUntil(600_000);
    // 243 s: +2 → 6. 303 s: +3 from the 4 the cooldown started from → 7. Then nothing until the cooldown ends at 603 s.
    expect(timeline(w.scaler)).toEqual(['243s 4→6', '303s 6→7']);
    w.engine.runUntil(610_000);
    expect(timeline(w.scaler)).toEqual(['243s 4→6', '303s 6→7', '603s 7→10']);
  });

  it('PercentChangeInCapacity with MinAdjustmentMagnitude: +25 % of 4 becomes +2', () => {
    const p = policy({
      adjustmentType: 'PercentChangeInCapacity',
      minAdjustmentMagnitude: 2,
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 25 }],
    });
    const w = world({ initial: 4, cpu: () => 90 }, [p]);
    w.engine.runUntil(250_000);
    expect(timeline(w.scaler)).toEqual(['243s 4→6']);
  });

  it('ExactCapacity sets the desired count', () => {
    const p = policy({ adjustmentType: 'ExactCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 10 }] });
    const w = world({ initial: 4, cpu: () => 90 }, [p]);
    w.engine.runUntil(3600_000);
    expect(timeline(w.scaler)).toEqual(['243s 4→10']);
  });

  it('scale-in steps are blocked for the cooldown after each scale-in', () => {
    const p = policy({ threshold: 30, below: true, stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }] });
    const w = world({ initial: 10, cpu: () => 10 }, [p]);
    w.engine.runUntil(1000_000);
    expect(timeline(w.scaler)).toEqual(['243s 10→9', '543s 9→8', '843s 8→7']);
  });

  it('MetricAggregationType picks the statistic compared with the steps', () => {
    // One 95 % second per minute, 20 % otherwise: the alarm (Maximum) fires; Average 21.25 % is below every step.
    const cpu = (t: number) => (t % 60_000 === 0 ? 95 : 20);
    const steps: StepAdjustment[] = [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 20, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 20, scalingAdjustment: 5 },
    ];
    const mk = (metricAggregationType: 'Average' | 'Maximum') =>
      new StepScalingPolicy({
        name: 'step',
        adjustmentType: 'ChangeInCapacity',
        metricAggregationType,
        stepAdjustments: steps,
        alarm: {
          metricName: 'CPUUtilization',
          periodSeconds: 60,
          statistic: 'Maximum',
          threshold: 60,
          comparisonOperator: 'GreaterThanThreshold',
          evaluationPeriods: 1,
        },
      });
    const byMax = world({ initial: 4, cpu }, [mk('Maximum')]);
    byMax.engine.runUntil(250_000);
    expect(timeline(byMax.scaler)).toEqual(['243s 4→9']);
    const byAvg = world({ initial: 4, cpu }, [mk('Average')]);
    byAvg.engine.runUntil(250_000);
    expect(timeline(byAvg.scaler)).toEqual([]);
  });
});
