/**
 * The scenario file's top level: simulation settings, the CloudFormation template sections it
 * accepts, the resource envelope, faults and deployments. Also the JSON Schema editors use, built from these same
 * zod schemas (`scenarioJsonSchema`).
 */
import { z } from 'zod';
import { DURATION_FORMS } from './duration';
import { duration, jsonSchemaOverride, num, strictObject } from './fields';
import { describeValue } from './issues';
import { DeploymentSchema } from './deployments';
import { FaultSchema } from './faults';
import { MODELLED_TYPES } from './resourceTypes';
import { PricingSchema, SettingsSchema } from './settingsSchema';
import { WorkloadItemSchema } from './workloadSchema';

export const DEFAULT_START = '2026-01-05T00:00:00Z';
export const DEFAULT_REGION = 'us-east-1';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const StartSchema = z
  .string({ error: (iss) => `expected an ISO-8601 instant like ${DEFAULT_START}, got ${describeValue(iss.input)}` })
  .transform((text, ctx) => {
    const ms = INSTANT_RE.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: `expected an ISO-8601 instant with a zone, like ${DEFAULT_START}, got ${describeValue(text)}` });
      return z.NEVER;
    }
    return ms;
  });

export const RESOURCE_ATTRIBUTES = [
  'Type',
  'Properties',
  'Metadata',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
] as const;

const resourceShape = {
  Type: z.string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: the resource type, e.g. AWS::ECS::Service'
        : `expected a resource type like AWS::ECS::Service, got ${describeValue(iss.input)}`,
  }),
  Properties: z.record(z.string(), z.unknown()).optional(),
  Metadata: z.record(z.string(), z.unknown()).optional(),
  Condition: z.string().optional(),
  DependsOn: z.union([z.string(), z.array(z.string())]).optional(),
  DeletionPolicy: z.string().optional(),
  UpdateReplacePolicy: z.string().optional(),
  UpdatePolicy: z.unknown().optional(),
  CreationPolicy: z.unknown().optional(),
};

/** Any resource: its attributes are checked; its Properties are checked per type elsewhere. */
export const ResourceEnvelopeSchema = strictObject(resourceShape);

const topShape = {
  AWSTemplateFormatVersion: z.string().optional(),
  Transform: z.union([z.string(), z.array(z.string())]).optional(),
  Name: z.string().min(1).optional().describe('Scenario name; also AWS::StackName (default: the file name)'),
  Description: z.string().default(''),
  Seed: num({ int: true, min: 0 }).default(1).describe('Seed of every random stream (default 1)'),
  Start: StartSchema.prefault(DEFAULT_START).describe(`Simulated start instant, ISO-8601 (default ${DEFAULT_START})`),
  Duration: duration({ minMs: 1, wholeMs: true }).describe(`How long to simulate: ${DURATION_FORMS}`),
  Tick: duration({ minMs: 1, wholeMs: true }).prefault('1s').describe('Simulation step (default 1s; 1 ms to Duration)'),
  Region: z
    .string()
    .regex(REGION_RE, { error: (iss) => `expected an AWS region like us-east-1, got ${describeValue(iss.input)}` })
    .default(DEFAULT_REGION),
  Settings: SettingsSchema.prefault({}),
  Pricing: PricingSchema.prefault({}),
  Parameters: z.record(z.string(), z.looseObject({ Type: z.string(), Default: z.unknown().optional() })).optional(),
  Mappings: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))).optional(),
  Conditions: z.record(z.string(), z.unknown()).optional(),
  Globals: z.record(z.string(), z.unknown()).optional(),
  Outputs: z.record(z.string(), z.unknown()).optional(),
  Metadata: z.record(z.string(), z.unknown()).optional(),
  Resources: z.record(z.string(), ResourceEnvelopeSchema),
  Workload: z.array(WorkloadItemSchema).default([]),
  Faults: z.array(FaultSchema).default([]).describe('Failures injected at a time: instance-failure, az-outage, spot-interruption'),
  Deployments: z.array(DeploymentSchema).default([]).describe('Service deployments: at a time, a service rolls to another task definition'),
  Variants: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .describe('What-if variants: name → { "<path>": value }; null removes'),
};

/** The top level, with Resources checked only as envelopes. */
export const ScenarioFileSchema = strictObject(topShape).superRefine((s, ctx) => {
  if (s.Tick > s.Duration) {
    ctx.addIssue({ code: 'custom', path: ['Tick'], message: `must not exceed Duration (${s.Duration} ms), got ${s.Tick} ms` });
  }
});

export type ScenarioFileOutput = z.output<typeof ScenarioFileSchema>;

/** The JSON Schema of a scenario file (input form), for editors. Built from the validation schemas. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const typed = Object.entries(MODELLED_TYPES).map(([type, t]) =>
    strictObject({
      ...resourceShape,
      Type: z.literal(type),
      Properties: t.properties.optional(),
      Metadata: z.looseObject({ clustersim: t.sim.optional() }).optional(),
    }),
  );
  const fileSchema = strictObject({
    ...topShape,
    Resources: z.record(z.string(), z.union([...typed, ResourceEnvelopeSchema])),
  }).meta({ title: 'clustersim scenario', description: 'A clustersim scenario: CloudFormation/SAM resources, a workload, settings and variants' });
  return z.toJSONSchema(fileSchema, { io: 'input', unrepresentable: 'any', override: jsonSchemaOverride }) as Record<string, unknown>;
}

/** The exact text of schema/scenario.schema.json (written by scripts/gen-schema.ts). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
