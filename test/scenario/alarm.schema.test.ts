import { describe, expect, it } from 'vitest';
import { alarmScalingPolicies, alarmService } from '../../src/aws/cloudwatch/schema';
import { brief, EC2, edit, issuesOf, load } from './helpers';

describe('AWS::CloudWatch::Alarm for step scaling', () => {
  it('loads, resolving the service it watches and the policies it triggers', () => {
    const s = load(EC2);
    const alarm = s.Resources.HighCpu!;
    expect(alarm.Properties).toMatchObject({ Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, TreatMissingData: 'missing', Threshold: 70 });
    expect(alarmService(s, alarm)).toBe('Svc');
    expect(alarmScalingPolicies(s, alarm)).toEqual(['StepPolicy']);
  });

  it('requires DatapointsToAlarm ≤ EvaluationPeriods', () => {
    expect(brief(issuesOf(edit(EC2, '      Threshold: 70\n', '      Threshold: 70\n      DatapointsToAlarm: 4\n')))).toEqual([
      '141:26 Resources.HighCpu.Properties.DatapointsToAlarm: must be ≤ EvaluationPeriods (3), got 4',
    ]);
  });

  it('accepts periods of 10, 20, 30 s or a multiple of 60 s', () => {
    expect(load(edit(EC2, 'Period: 60', 'Period: 20')).Resources.HighCpu!.Properties.Period).toBe(20);
    expect(brief(issuesOf(edit(EC2, 'Period: 60', 'Period: 45')))).toEqual([
      '138:15 Resources.HighCpu.Properties.Period: must be 10, 20, 30 or a multiple of 60 seconds, got 45',
    ]);
  });

  it('only lets alarm actions name StepScaling policies', () => {
    expect(brief(issuesOf(edit(EC2, 'AlarmActions: [!Ref StepPolicy]', 'AlarmActions: [!Ref CpuPolicy]')))).toEqual([
      '142:27 Resources.HighCpu.Properties.AlarmActions[0]: CpuPolicy is a TargetTrackingScaling policy; only StepScaling policies take alarm actions (target tracking makes its own alarms)',
    ]);
  });

  it('requires a scaling alarm to watch a metric the simulator produces, of the service its policy scales', () => {
    expect(brief(issuesOf(edit(EC2, 'MetricName: CPUUtilization', 'MetricName: RequestCount')))).toEqual([
      '133:19 Resources.HighCpu.Properties.MetricName: must be one of CPUUtilization, MemoryUtilization (the metrics the simulator produces); got "RequestCount"',
    ]);
    expect(brief(issuesOf(edit(EC2, 'Value: !GetAtt Svc.Name', 'Value: other')))).toEqual([
      '135:9 Resources.HighCpu.Properties.Dimensions: ServiceName "other" is not a service in this scenario; services: Svc',
    ]);
  });
});
