import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, legacyLambdaBurst, settingsOf } from '../../src/scenario/settingsSchema';
import { brief, edit, issuesOf, load, WEB } from './helpers';

const withSettings = (yaml: string) => edit(WEB, 'Duration: 1h\n', `Duration: 1h\n${yaml}`);

describe('Settings and Pricing', () => {
  it('fills every setting with its default', () => {
    const s = load(WEB);
    expect(s.Settings).toEqual({
      Ecs: {
        QuotaProfile: 'current',
        FargateLaunchBurst: 100,
        FargateLaunchRefillPerSecond: 20,
        RunTaskCallsPerSecond: 20,
        RunTaskTasksPerCall: 10,
        ServiceLaunchesPerMinute: 500,
        ProvisioningTasksPerCluster: 500,
        AwsvpcTrunking: false,
        AgentRegistration: 10_000,
        MetricPublishDelay60: 183_000,
        MetricPublishDelay20: 26_000,
      },
      Ec2: { InstanceStartLatency: 40_000 },
      Spot: { InterruptionsPerInstanceHour: 0.0001, Ec2Discount: 0.6, FargateDiscount: 0.6, WarningSeconds: 120 },
      Lambda: {
        AccountConcurrency: 1000,
        ScalingModel: 'current',
        ScalingRate: 1000,
        LegacyBurst: 3000,
        LegacyRampPerMinute: 500,
        BillInit: true,
        DefaultIdleLifetime: 640_000,
        DefaultMaxLifetime: 7_200_000,
      },
    });
    expect(s.Pricing).toEqual({ FreeTier: false, SavingsPlan: { Ec2: 0, Fargate: 0, Lambda: 0 } });
    expect(settingsOf(s)).toEqual(DEFAULT_SETTINGS);
    expect(settingsOf({ Settings: {} })).toEqual(DEFAULT_SETTINGS);
  });

  it('applies the 2020 quota profile (Fargate burst 10, 1/s); explicit values override it', () => {
    expect(load(withSettings('Settings:\n  Ecs: { QuotaProfile: 2020 }\n')).Settings).toMatchObject({
      Ecs: { QuotaProfile: '2020', FargateLaunchBurst: 10, FargateLaunchRefillPerSecond: 1 },
    });
    expect(load(withSettings('Settings:\n  Ecs: { QuotaProfile: 2020, FargateLaunchBurst: 50 }\n')).Settings).toMatchObject({
      Ecs: { FargateLaunchBurst: 50, FargateLaunchRefillPerSecond: 1 },
    });
  });

  it('reads durations and numbers given as strings', () => {
    const s = load(withSettings("Settings:\n  Ec2: { InstanceStartLatency: 1m }\n  Ecs: { AgentRegistration: '15' }\n"));
    expect(settingsOf(s).Ec2.InstanceStartLatency).toBe(60_000);
    expect(settingsOf(s).Ecs.AgentRegistration).toBe(15_000);
  });

  it('rejects unknown keys and values out of range', () => {
    expect(brief(issuesOf(withSettings('Settings:\n  Ecs: { QuotaProfil: 2020 }\n')))).toEqual([
      '4:10 Settings.Ecs.QuotaProfil: unknown key "QuotaProfil"; allowed: QuotaProfile, FargateLaunchBurst, FargateLaunchRefillPerSecond, RunTaskCallsPerSecond, RunTaskTasksPerCall, ServiceLaunchesPerMinute, ProvisioningTasksPerCluster, AwsvpcTrunking, AgentRegistration, MetricPublishDelay60, MetricPublishDelay20',
    ]);
    expect(brief(issuesOf(withSettings('Settings:\n  Spot: { Ec2Discount: 0.95 }\nPricing:\n  SavingsPlan: { Ec2: 80 }\n')))).toEqual([
      '4:24 Settings.Spot.Ec2Discount: must be ≤ 0.9, got 0.95',
      '6:23 Pricing.SavingsPlan.Ec2: must be ≤ 72 %, got 80',
    ]);
  });

  it('takes the legacy Lambda burst from the Region unless given', () => {
    expect(settingsOf(load(edit(WEB, 'Duration: 1h\n', 'Duration: 1h\nRegion: eu-central-1\n'))).Lambda.LegacyBurst).toBe(1000);
    expect(settingsOf(load(edit(WEB, 'Duration: 1h\n', 'Duration: 1h\nRegion: sa-east-1\n'))).Lambda.LegacyBurst).toBe(500);
    expect(settingsOf(load(withSettings('Settings:\n  Lambda: { ScalingModel: legacy, LegacyBurst: 200 }\n'))).Lambda).toMatchObject({ ScalingModel: 'legacy', LegacyBurst: 200 });
    expect(settingsOf({ Settings: {}, Region: 'us-west-2' }).Lambda.LegacyBurst).toBe(3000);
    expect(legacyLambdaBurst('ap-northeast-1')).toBe(1000);
  });

  it('reads Lambda durations and rejects an account concurrency below the 100 AWS keeps unreserved', () => {
    expect(settingsOf(load(withSettings("Settings:\n  Lambda: { DefaultIdleLifetime: 5m, DefaultMaxLifetime: 2h, BillInit: 'false' }\n"))).Lambda).toMatchObject({
      DefaultIdleLifetime: 300_000,
      DefaultMaxLifetime: 7_200_000,
      BillInit: false,
    });
    expect(settingsOf(load(withSettings('Settings:\n  Lambda: { DefaultSpareIdleLifetime: 25m, DefaultMaxLifetime: never }\n'))).Lambda).toMatchObject({
      DefaultSpareIdleLifetime: 1_500_000,
      DefaultMaxLifetime: Number.POSITIVE_INFINITY,
    });
    expect(brief(issuesOf(withSettings('Settings:\n  Lambda: { DefaultIdleLifetime: 15m, DefaultSpareIdleLifetime: 12m }\n')))).toEqual([
      '4:65 Settings.Lambda.DefaultSpareIdleLifetime: must be at least DefaultIdleLifetime (900 s): a spare environment lives at least as long as the last one',
    ]);
    expect(brief(issuesOf(withSettings('Settings:\n  Lambda: { DefaultMaxLifetime: forever }\n')))).toEqual([
      '4:33 Settings.Lambda.DefaultMaxLifetime: expected a duration (250ms, 90s, 10m, 6h, 30d or a number of seconds, or never), got "forever"',
    ]);
    expect(brief(issuesOf(withSettings('Settings:\n  Lambda: { AccountConcurrency: 50, ScalingModel: old, Burst: 1 }\n')))).toEqual([
      '4:33 Settings.Lambda.AccountConcurrency: must be ≥ 100 concurrent executions, got 50',
      '4:51 Settings.Lambda.ScalingModel: must be one of current, legacy; got "old"',
      '4:56 Settings.Lambda.Burst: unknown key "Burst"; allowed: AccountConcurrency, ScalingModel, ScalingRate, LegacyBurst, LegacyRampPerMinute, BillInit, DefaultIdleLifetime, DefaultSpareIdleLifetime, DefaultMaxLifetime',
    ]);
  });
});
