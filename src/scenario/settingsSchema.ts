/**
 * `Settings` (account- and model-level knobs: ECS launch quotas, EC2 start time, Spot, Lambda) and
 * `Pricing` (Free Tier, Savings Plans). Every key is optional with a default whose source is
 * given in docs/scenario-format.md; unknown keys are errors. Model code casts `Scenario.Settings`
 * to `ScenarioSettings` (or calls `settingsOf`).
 */
import { z } from 'zod';
import { bool, duration, num, oneOf, strictObject } from './fields';
import { formatNumber } from './issues';

/** Fargate launch bucket per quota profile: `current` (ECS DG, "Fargate throttling quotas") and the 2020 one. */
export const QUOTA_PROFILES = {
  current: { FargateLaunchBurst: 100, FargateLaunchRefillPerSecond: 20 },
  '2020': { FargateLaunchBurst: 10, FargateLaunchRefillPerSecond: 1 },
} as const;

export type QuotaProfile = keyof typeof QUOTA_PROFILES;

export const EcsSettingsSchema = strictObject({
  QuotaProfile: z
    .preprocess((v) => (typeof v === 'number' ? String(v) : v), oneOf(['current', '2020']))
    .default('current')
    .describe('Fargate launch quotas: current (burst 100, 20/s) or 2020 (burst 10, 1/s); explicit values override it'),
  FargateLaunchBurst: num({ int: true, min: 1, unit: 'tasks' })
    .optional()
    .describe('Fargate task launches in a burst (token bucket size; default from QuotaProfile: 100)'),
  FargateLaunchRefillPerSecond: num({ gt: 0, unit: 'tasks/s' })
    .optional()
    .describe('Fargate launch tokens refilled per second (default from QuotaProfile: 20)'),
  RunTaskCallsPerSecond: num({ gt: 0, unit: 'calls/s' }).default(20).describe('RunTask API calls per second (default 20)'),
  RunTaskTasksPerCall: num({ int: true, min: 1, unit: 'tasks' }).default(10).describe('Tasks one RunTask call starts (default 10)'),
  ServiceLaunchesPerMinute: num({ int: true, min: 1, unit: 'tasks/min' })
    .default(500)
    .describe('Tasks the service scheduler launches per minute per service (default 500)'),
  ProvisioningTasksPerCluster: num({ int: true, min: 1, unit: 'tasks' })
    .default(500)
    .describe('Tasks in PROVISIONING per cluster with capacity providers before ECS backs off (default 500)'),
  AwsvpcTrunking: bool()
    .default(false)
    .describe('ENI trunking (the awsvpcTrunking account setting): more awsvpc tasks per instance on supported types (default false)'),
  AgentRegistration: duration()
    .prefault('10s')
    .describe('ECS agent start and registration after the instance is up (default 10s; AWS publishes no figure)'),
  // Calibrated by the auto scaling model (src/aws/autoscaling/MetricPublisher.ts): with 3
  // datapoints to alarm, 3·60 + 183 = 363 s and 3·20 + 26 = 86 s, AWS's benchmark.
  MetricPublishDelay60: duration()
    .prefault('183s')
    .describe('Delay before a 60-second metric datapoint is visible to alarms (default 183s, calibrated to AWS: 363 s load rise to scale-out)'),
  MetricPublishDelay20: duration()
    .prefault('26s')
    .describe('Delay before a 20-second metric datapoint is visible to alarms (default 26s, calibrated to AWS: 86 s load rise to scale-out)'),
}).transform((s) => {
  const profile = QUOTA_PROFILES[s.QuotaProfile];
  return {
    ...s,
    FargateLaunchBurst: s.FargateLaunchBurst ?? profile.FargateLaunchBurst,
    FargateLaunchRefillPerSecond: s.FargateLaunchRefillPerSecond ?? profile.FargateLaunchRefillPerSecond,
  };
});

export const Ec2SettingsSchema = strictObject({
  InstanceStartLatency: duration()
    .prefault('40s')
    .describe('RunInstances to OS ready (default 40s; measured ~29–40 s); an ASG may override it'),
});

export const SpotSettingsSchema = strictObject({
  InterruptionsPerInstanceHour: num({ min: 0, unit: 'per instance-hour' })
    .default(0.0001)
    .describe('Spot interruption rate per instance and hour (default 0.0001, about 7 % of instances a month: the Spot Instance Advisor 5–10 % band)'),
  Ec2Discount: num({ min: 0, max: 0.9 }).default(0.6).describe('Spot discount off EC2 On-Demand, fraction 0–0.9 (default 0.6; AWS: up to 90 %)'),
  FargateDiscount: num({ min: 0, max: 0.7 }).default(0.6).describe('Fargate Spot discount, fraction 0–0.7 (default 0.6; AWS: up to 70 %)'),
  WarningSeconds: num({ min: 0, unit: 's' }).default(120).describe('Notice before a Spot interruption, seconds (default 120)'),
});

/**
 * The legacy (pre-late-2023) account-wide Lambda burst, by region (aws-facts 61: 3000 in
 * us-east-1, us-west-2, eu-west-1; 1000 in ap-northeast-1, eu-central-1, us-east-2; else 500).
 */
export function legacyLambdaBurst(region: string): number {
  if (region === 'us-east-1' || region === 'us-west-2' || region === 'eu-west-1') return 3000;
  if (region === 'ap-northeast-1' || region === 'eu-central-1' || region === 'us-east-2') return 1000;
  return 500;
}

/** Longest idle life of a spare environment when neither the function nor the settings set one (docs/models/lambda.md). */
export const DEFAULT_SPARE_IDLE_LIFETIME_MS = 20 * 60_000;

/** Unreserved concurrency AWS keeps for every account (aws-facts 63). */
export const LAMBDA_UNRESERVED_MINIMUM = 100;

export const LambdaSettingsSchema = strictObject({
  AccountConcurrency: num({ int: true, min: LAMBDA_UNRESERVED_MINIMUM, unit: 'concurrent executions' })
    .default(1000)
    .describe('Lambda concurrency quota of the account in the Region (default 1000; AWS keeps 100 of it unreserved)'),
  ScalingModel: oneOf(['current', 'legacy'])
    .default('current')
    .describe('current: each function adds ScalingRate environments per 10 s (since late 2023); legacy: account-wide LegacyBurst then LegacyRampPerMinute'),
  ScalingRate: num({ int: true, min: 1, unit: 'environments per function per 10 s' })
    .default(1000)
    .describe('current model: new execution environments per function per 10 seconds (default 1000)'),
  LegacyBurst: num({ int: true, min: 1, unit: 'environments' })
    .optional()
    .describe('legacy model: account-wide initial burst (default by Region: 3000, 1000 or 500)'),
  LegacyRampPerMinute: num({ int: true, min: 1, unit: 'environments/min' })
    .default(500)
    .describe('legacy model: environments added per minute after the burst (default 500)'),
  BillInit: bool().default(true).describe('Bill the INIT phase of on-demand cold starts (default true: AWS bills it since 2025-08-01)'),
  // Calibrated against AWS measurements (docs/models/lambda.md, "Idle environments").
  DefaultIdleLifetime: duration({ minMs: 1 })
    .prefault('640s')
    .describe(
      'How long a function’s idle execution environments live once none of them is running, when a function sets no IdleLifetime (default 640s, 10 min 40 s; see docs/models/lambda.md)',
    ),
  DefaultSpareIdleLifetime: duration({ minMs: 1 })
    .optional()
    .describe(
      'While a function is running requests, an idle execution environment lives a time drawn between IdleLifetime and this, when a function sets no SpareIdleLifetime; at least DefaultIdleLifetime (default 20m, or DefaultIdleLifetime when that is longer; see docs/models/lambda.md)',
    ),
  DefaultMaxLifetime: duration({ minMs: 1, never: true })
    .prefault('2h')
    .describe(
      'How long an on-demand execution environment may live before Lambda recycles it, when a function sets no MaxLifetime; never: no recycling (default 2h; see docs/models/lambda.md)',
    ),
}).superRefine((v, ctx) => {
  if (v.DefaultSpareIdleLifetime !== undefined && v.DefaultSpareIdleLifetime < v.DefaultIdleLifetime) {
    ctx.addIssue({
      code: 'custom',
      path: ['DefaultSpareIdleLifetime'],
      message: `must be at least DefaultIdleLifetime (${formatNumber(v.DefaultIdleLifetime / 1000)} s): a spare environment lives at least as long as the last one`,
    });
  }
});

export const SettingsSchema = strictObject({
  Ecs: EcsSettingsSchema.prefault({}),
  Ec2: Ec2SettingsSchema.prefault({}),
  Spot: SpotSettingsSchema.prefault({}),
  Lambda: LambdaSettingsSchema.prefault({}),
});

const percent = (max: number, what: string) =>
  num({ min: 0, max, unit: '%' }).default(0).describe(`${what} Savings Plan discount off On-Demand, percent 0–${max} (default 0)`);

export const SavingsPlanSchema = strictObject({
  Ec2: percent(72, 'EC2 (EC2 Instance or Compute)'),
  Fargate: percent(50, 'Fargate (Compute)'),
  Lambda: percent(17, 'Lambda (Compute)'),
});

export const PricingSchema = strictObject({
  FreeTier: bool().default(false).describe('Apply the AWS Free Tier allowances (default false)'),
  SavingsPlan: SavingsPlanSchema.prefault({}),
});

export type EcsSettings = z.output<typeof EcsSettingsSchema>;
export type Ec2Settings = z.output<typeof Ec2SettingsSchema>;
export type SpotSettings = z.output<typeof SpotSettingsSchema>;
/** `Settings.Lambda` after loading: `LegacyBurst` filled in from the Region, `DefaultIdleLifetime` in ms. */
export type LambdaSettings = Omit<z.output<typeof LambdaSettingsSchema>, 'LegacyBurst'> & { LegacyBurst: number };
/** `Scenario.Settings` after loading: durations in ms, every default filled in. */
export type ScenarioSettings = Omit<z.output<typeof SettingsSchema>, 'Lambda'> & { Lambda: LambdaSettings };
export type SavingsPlanPercents = z.output<typeof SavingsPlanSchema>;
export type PricingSettings = z.output<typeof PricingSchema>;

/** Validated settings with the defaults that depend on the Region filled in (`Lambda.LegacyBurst`). */
export function withRegionDefaults(settings: z.output<typeof SettingsSchema>, region: string): ScenarioSettings {
  return { ...settings, Lambda: { ...settings.Lambda, LegacyBurst: settings.Lambda.LegacyBurst ?? legacyLambdaBurst(region) } };
}

/** Every setting at its default (Region-dependent ones for us-east-1, the default Region). */
export const DEFAULT_SETTINGS: ScenarioSettings = withRegionDefaults(SettingsSchema.parse({}), 'us-east-1');

/**
 * The scenario's settings, typed. A loaded scenario has every key; a hand-built one (tests) may
 * have fewer, and gets the defaults for the rest (Region-dependent ones for its Region, else us-east-1).
 */
export function settingsOf(scenario: { Settings: Record<string, unknown>; Region?: string }): ScenarioSettings {
  const s = scenario.Settings as Partial<ScenarioSettings>;
  const lambda = { ...DEFAULT_SETTINGS.Lambda, ...s.Lambda };
  if (s.Lambda?.LegacyBurst === undefined) lambda.LegacyBurst = legacyLambdaBurst(scenario.Region ?? 'us-east-1');
  return {
    Ecs: { ...DEFAULT_SETTINGS.Ecs, ...s.Ecs },
    Ec2: { ...DEFAULT_SETTINGS.Ec2, ...s.Ec2 },
    Spot: { ...DEFAULT_SETTINGS.Spot, ...s.Spot },
    Lambda: lambda,
  };
}
