/**
 * `Settings` (account- and model-level knobs: ECS launch quotas, EC2 start time, Spot) and
 * `Pricing` (Free Tier, Savings Plans). Every key is optional with a default whose source is
 * given in docs/scenario-format.md; unknown keys are errors. Model code casts `Scenario.Settings`
 * to `ScenarioSettings` (or calls `settingsOf`).
 */
import { z } from 'zod';
import { bool, duration, num, oneOf, strictObject } from './fields';

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

export const SettingsSchema = strictObject({
  Ecs: EcsSettingsSchema.prefault({}),
  Ec2: Ec2SettingsSchema.prefault({}),
  Spot: SpotSettingsSchema.prefault({}),
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
/** `Scenario.Settings` after loading: durations in ms, every default filled in. */
export type ScenarioSettings = z.output<typeof SettingsSchema>;
export type SavingsPlanPercents = z.output<typeof SavingsPlanSchema>;
export type PricingSettings = z.output<typeof PricingSchema>;

/** Every setting at its default. */
export const DEFAULT_SETTINGS: ScenarioSettings = SettingsSchema.parse({});

/**
 * The scenario's settings, typed. A loaded scenario has every key; a hand-built one (tests) may
 * have fewer, and gets the defaults for the rest.
 */
export function settingsOf(scenario: { Settings: Record<string, unknown> }): ScenarioSettings {
  const s = scenario.Settings as Partial<ScenarioSettings>;
  return {
    Ecs: { ...DEFAULT_SETTINGS.Ecs, ...s.Ecs },
    Ec2: { ...DEFAULT_SETTINGS.Ec2, ...s.Ec2 },
    Spot: { ...DEFAULT_SETTINGS.Spot, ...s.Spot },
  };
}
