import { describe, expect, it } from 'vitest';
import { StepScalingPolicy, TargetTrackingPolicy } from '../../../src/aws/autoscaling';
import { timeline, world } from './fakeService';

const tt = (name: 'cpu' | 'memory', o: { disableScaleIn?: boolean; scaleInStepFraction?: number } = {}) =>
  new TargetTrackingPolicy({
    name,
    metricType: name === 'cpu' ? 'ECSServiceAverageCPUUtilization' : 'ECSServiceAverageMemoryUtilization',
    targetValue: 50,
    ...o,
  });

describe('several policies on one service', () => {
  it('scales out if any policy says so', () => {
    const w = world({ initial: 4, cpu: () => 90, memory: () => 20 }, [tt('cpu'), tt('memory')]);
    w.engine.runUntil(400_000);
    expect(w.scaler.decisions()).toMatchObject([{ atMs: 363_000, from: 4, to: 8, policy: 'cpu' }]);
  });

  it('the larger of two scale-outs wins', () => {
    const w = world({ initial: 4, cpu: () => 60, memory: () => 90 }, [tt('cpu'), tt('memory')]);
    w.engine.runUntil(400_000);
    expect(w.scaler.decisions()).toMatchObject([{ from: 4, to: 8, policy: 'memory' }]);
  });

  it('does not scale in while another policy is at its target', () => {
    const w = world({ initial: 20, cpu: () => 10, memory: () => 48 }, [tt('cpu'), tt('memory')]);
    w.engine.run();
    expect(w.scaler.decisions()).toEqual([]);
  });

  it('scales in when every policy agrees, by the smallest reduction', () => {
    // CPU asks for 20 → 18; memory, removing at most 5 % at a time, for 20 → 19.
    const w = world({ initial: 20, cpu: () => 10, memory: () => 40 }, [tt('cpu'), tt('memory', { scaleInStepFraction: 0.05 })]);
    w.engine.runUntil(1100_000);
    expect(w.scaler.decisions()).toMatchObject([
      {
        atMs: 1083_000,
        from: 20,
        to: 19,
        policy: 'memory',
        reason: 'average memory 40 % is below the 50 % target (all 2 policies agree); 20 → 19 tasks',
      },
    ]);
  });

  it('a policy with DisableScaleIn does not veto scale-in', () => {
    const w = world({ initial: 20, cpu: () => 10, memory: () => 48 }, [tt('cpu'), tt('memory', { disableScaleIn: true })]);
    w.engine.runUntil(1100_000);
    expect(timeline(w.scaler)).toEqual(['1083s 20→18']);
  });

  it('a scale-out cuts the scale-in cooldown short', () => {
    // CPU 20 % except one minute at 90 %. Scale-in policy: −1 below 30 % with a 1200 s cooldown.
    const cpu = (t: number) => (t >= 600_000 && t < 660_000 ? 90 : 20);
    const out = new StepScalingPolicy({
      name: 'out',
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }],
      alarm: { metricName: 'CPUUtilization', periodSeconds: 60, threshold: 70, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1 },
    });
    const inward = new StepScalingPolicy({
      name: 'in',
      adjustmentType: 'ChangeInCapacity',
      cooldownSeconds: 1200,
      stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }],
      alarm: { metricName: 'CPUUtilization', periodSeconds: 60, threshold: 30, comparisonOperator: 'LessThanThreshold', evaluationPeriods: 1 },
    });
    const w = world({ initial: 10, cpu }, [out, inward]);
    w.engine.runUntil(1000_000);
    // Without the cut, the second scale-in would wait until 243 + 1200 = 1443 s.
    expect(timeline(w.scaler)).toEqual(['243s 10→9', '843s 9→11', '903s 11→10']);
  });

  it('DynamicScalingOutSuspended and DynamicScalingInSuspended stop each direction', () => {
    const noOut = world({ initial: 4, cpu: () => 90 }, [tt('cpu')], { suspendedState: { dynamicScalingOutSuspended: true } });
    noOut.engine.runUntil(3600_000);
    expect(noOut.scaler.decisions()).toEqual([]);
    const noIn = world({ initial: 20, cpu: () => 10 }, [tt('cpu')], { suspendedState: { dynamicScalingInSuspended: true } });
    noIn.engine.runUntil(3600_000);
    expect(noIn.scaler.decisions()).toEqual([]);
  });
});
