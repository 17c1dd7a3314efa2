/**
 * AWS Lambda as CloudFormation and SAM write it: `AWS::Lambda::Function`, `AWS::Serverless::Function`
 * (with its `Events`, `AutoPublishAlias`, `ProvisionedConcurrencyConfig`, `EventInvokeConfig`),
 * `AWS::Lambda::Version`, `::Alias`, `::EventInvokeConfig`, `::EventSourceMapping` and `::Url`;
 * the simulator knobs of a function (`Metadata.clustersim`); the normalized output types model
 * code casts `ResourceModel.Properties` / `Sim` to; the helpers that follow references between
 * them (`functionOf`, `invocationOf`, `provisionedConcurrencyOf`, `eventInvokeConfigOf`,
 * `queueConsumers`); and the checks that span resources.
 */
import { z } from 'zod';
import { bool, defaultMessage, duration, num, oneOf, strictObject } from '../../scenario/fields';
import { describeValue, formatNumber } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import { DEFAULT_SPARE_IDLE_LIFETIME_MS, LAMBDA_UNRESERVED_MINIMUM, type LambdaSettings } from '../../scenario/settingsSchema';
import type { ResourceModel, Scenario } from '../../scenario/types';
import { DistSchema } from '../../scenario/workloadSchema';
import { DEFAULT_POOL, databaseClientFields } from '../../scenario/databaseClients';

export const LAMBDA_FUNCTION = 'AWS::Lambda::Function';
export const SAM_FUNCTION = 'AWS::Serverless::Function';
export const LAMBDA_VERSION = 'AWS::Lambda::Version';
export const LAMBDA_ALIAS = 'AWS::Lambda::Alias';
export const LAMBDA_EVENT_INVOKE_CONFIG = 'AWS::Lambda::EventInvokeConfig';
export const LAMBDA_EVENT_SOURCE_MAPPING = 'AWS::Lambda::EventSourceMapping';
export const LAMBDA_URL = 'AWS::Lambda::Url';
/** Both function types; `FunctionProperties` covers both. */
export const FUNCTION_TYPES = [LAMBDA_FUNCTION, SAM_FUNCTION] as const;
const SQS_QUEUE = 'AWS::SQS::Queue';

/** Lambda's managed runtimes (Lambda DG "Lambda runtimes"), for functions packaged as .zip. */
export const LAMBDA_RUNTIMES = [
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'python3.14',
  'java8.al2',
  'java11',
  'java17',
  'java21',
  'java25',
  'dotnet8',
  'dotnet10',
  'ruby3.2',
  'ruby3.3',
  'ruby3.4',
  'provided.al2',
  'provided.al2023',
] as const;
export type LambdaRuntime = (typeof LAMBDA_RUNTIMES)[number];

export const LAMBDA_ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type LambdaArchitecture = (typeof LAMBDA_ARCHITECTURES)[number];

/** Lambda's defaults for what a template leaves out (CloudFormation `AWS::Lambda::Function`). */
export const LAMBDA_DEFAULTS = {
  MemorySize: 128,
  Timeout: 3,
  EphemeralStorageSize: 512,
  /** Async invocation: how long an event may wait in the queue, s (6 h). */
  MaximumEventAgeInSeconds: 21_600,
  /** Async invocation: retries after a function error. */
  MaximumRetryAttempts: 2,
  /** Event source mapping batch size for SQS. */
  SqsBatchSize: 10,
} as const;

/** The largest batch a FIFO queue's event source mapping may read (Lambda DG, aws-facts 67). */
export const FIFO_MAX_BATCH_SIZE = 10;

const runtime = () =>
  z.string().refine((r) => (LAMBDA_RUNTIMES as readonly string[]).includes(r), {
    error: (iss) => `${describeValue(iss.input)} is not a current Lambda managed runtime; allowed: ${LAMBDA_RUNTIMES.join(', ')}`,
  });

const architectures = () =>
  z
    .array(oneOf(LAMBDA_ARCHITECTURES))
    .length(1, { error: 'a function has exactly one architecture: [x86_64] or [arm64]' })
    .default(['x86_64']);

const ProvisionedConcurrencyConfigSchema = z.looseObject({
  /** Pre-initialized execution environments kept for the alias or version. */
  ProvisionedConcurrentExecutions: num({ int: true, min: 1, unit: 'environments' }),
});

/** Async invocation limits, as `AWS::Lambda::EventInvokeConfig` and SAM's `EventInvokeConfig` write them. */
const asyncLimits = {
  /** Longest time an event waits in the async queue, s (60–21600; Lambda's default 21600). */
  MaximumEventAgeInSeconds: num({ int: true, min: 60, max: 21_600, unit: 's' }).optional(),
  /** Retries after a function error (0–2; Lambda's default 2). */
  MaximumRetryAttempts: num({ int: true, min: 0, max: 2, unit: 'retries' }).optional(),
};

const DestinationSchema = z.looseObject({
  /** SAM only: SQS, SNS, Lambda, EventBridge or S3Bucket. */
  Type: oneOf(['SQS', 'SNS', 'Lambda', 'EventBridge', 'S3Bucket']).optional(),
  /** ARN of the destination (a queue, topic, function, event bus or bucket). */
  Destination: z.string().optional(),
});

const DestinationConfigSchema = z.looseObject({
  OnSuccess: DestinationSchema.optional(),
  OnFailure: DestinationSchema.optional(),
});

const sqsScaling = () =>
  z
    .looseObject({
      /** Most concurrent function invocations the mapping drives (2–1000). */
      MaximumConcurrency: num({ int: true, min: 2, max: 1000, unit: 'concurrent invocations' }).optional(),
    })
    .optional();

/** How an SQS poller reads: shared by `AWS::Lambda::EventSourceMapping` and SAM `SQS` events. */
const sqsPolling = {
  /** Messages per batch (1–10000; ≤ 10 for FIFO queues), default 10. */
  BatchSize: num({ int: true, min: 1, max: 10_000, unit: 'messages' }).default(LAMBDA_DEFAULTS.SqsBatchSize),
  /** Seconds to gather a batch (0–300), default 0. */
  MaximumBatchingWindowInSeconds: num({ int: true, min: 0, max: 300, unit: 's' }).default(0),
  ScalingConfig: sqsScaling(),
  Enabled: bool().default(true),
};

function checkBatchWindow(p: { BatchSize: number; MaximumBatchingWindowInSeconds: number }, ctx: z.RefinementCtx): void {
  if (p.BatchSize > 10 && p.MaximumBatchingWindowInSeconds < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['MaximumBatchingWindowInSeconds'],
      message: `must be at least 1 s when BatchSize exceeds 10 (Lambda requires it for SQS), got ${p.MaximumBatchingWindowInSeconds}`,
    });
  }
}

/** The properties both function types share, with Lambda's defaults. */
const functionShape = {
  FunctionName: z.string().optional(),
  /** A managed runtime; required for .zip packages. */
  Runtime: runtime().optional(),
  PackageType: oneOf(['Zip', 'Image']).default('Zip'),
  Handler: z.string().optional(),
  /** MB, 128–10240 in 1 MB steps; CPU is proportional (1769 MB = 1 vCPU). */
  MemorySize: num({ int: true, min: 128, max: 10_240, unit: 'MB' }).default(LAMBDA_DEFAULTS.MemorySize),
  /** Seconds, 1–900. */
  Timeout: num({ int: true, min: 1, max: 900, unit: 's' }).default(LAMBDA_DEFAULTS.Timeout),
  /** Exactly one of x86_64, arm64. */
  Architectures: architectures(),
  /** Concurrency reserved for (and the cap of) this function; 0 throttles every invocation. */
  ReservedConcurrentExecutions: num({ int: true, min: 0, unit: 'concurrent executions' }).optional(),
  /** `/tmp` size. */
  EphemeralStorage: z
    .looseObject({ Size: num({ int: true, min: 512, max: 10_240, unit: 'MB' }) })
    .prefault({ Size: LAMBDA_DEFAULTS.EphemeralStorageSize }),
  Role: z.string().optional(),
};

function checkPackage(f: { PackageType: string; Runtime?: string }, ctx: z.RefinementCtx): void {
  if (f.PackageType === 'Zip' && f.Runtime === undefined) {
    ctx.addIssue({ code: 'custom', path: ['Runtime'], message: `required for PackageType Zip: one of ${LAMBDA_RUNTIMES.join(', ')}` });
  }
}

export const LambdaFunctionPropertiesSchema = z
  .looseObject({
    ...functionShape,
    /** The deployment package (ZipFile, S3Bucket/S3Key or ImageUri); not simulated. */
    Code: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(checkPackage);

/** SAM event types the simulator models; any other `Type` is kept and reported as not simulated. */
export const SAM_EVENT_TYPES = ['HttpApi', 'Api', 'SQS', 'Schedule', 'SNS', 'S3'] as const;
export type SamEventType = (typeof SAM_EVENT_TYPES)[number];

const required = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `required: ${what}` : `expected ${what}, got ${describeValue(iss.input)}`) });

const SCHEDULE_RE = /^(rate|cron|at)\(.+\)$/;

/** `Properties` of each modelled SAM event type. */
export const SAM_EVENT_PROPERTIES = {
  /** An HTTP API route; without `ApiId`, SAM's implicit `ServerlessHttpApi`. */
  HttpApi: z.looseObject({
    ApiId: z.string().optional(),
    Path: z.string().optional(),
    Method: z.string().optional(),
    TimeoutInMillis: num({ int: true, min: 50, max: 30_000, unit: 'ms' }).optional(),
  }),
  /** A REST API method; without `RestApiId`, SAM's implicit `ServerlessRestApi`. */
  Api: z.looseObject({
    RestApiId: z.string().optional(),
    Path: required('the resource path, e.g. /orders'),
    Method: required('the HTTP method, e.g. get or any'),
  }),
  /** An SQS event source mapping. */
  SQS: z.looseObject({ Queue: required('the queue ARN (!GetAtt MyQueue.Arn)'), ...sqsPolling }).superRefine(checkBatchWindow),
  Schedule: z.looseObject({
    Schedule: required('a schedule expression: rate(5 minutes), cron(...) or at(...)').refine((s) => SCHEDULE_RE.test(s), {
      error: (iss) => `expected rate(...), cron(...) or at(...), got ${describeValue(iss.input)}`,
    }),
    Enabled: bool().optional(),
  }),
  SNS: z.looseObject({ Topic: required('the topic ARN (!Ref MyTopic)') }),
  S3: z.looseObject({ Bucket: required('the bucket (!Ref MyBucket)'), Events: z.union([z.string(), z.array(z.string())]) }),
} satisfies Record<SamEventType, z.ZodType>;

/** One SAM event: `Type` and its `Properties`, normalized for modelled types and as written for others. */
export const SamEventSchema = z
  .looseObject({
    Type: z.string({ error: (iss) => (iss.input === undefined ? `required: the event type (${SAM_EVENT_TYPES.join(', ')}, ...)` : `expected an event type, got ${describeValue(iss.input)}`) }),
    Properties: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((e, ctx) => {
    const schema = (SAM_EVENT_PROPERTIES as Record<string, z.ZodType>)[e.Type];
    if (!schema) return e;
    const r = schema.safeParse(e.Properties ?? {}, { error: defaultMessage });
    if (r.success) return { ...e, Properties: r.data as Record<string, unknown> };
    for (const iss of r.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['Properties', ...iss.path.map((p) => (typeof p === 'number' ? p : String(p)))], message: iss.message });
    }
    return z.NEVER;
  });

export const SamFunctionPropertiesSchema = z
  .looseObject({
    ...functionShape,
    CodeUri: z.unknown().optional(),
    InlineCode: z.string().optional(),
    ImageUri: z.string().optional(),
    /** SAM publishes a version on each deployment and points this alias at it; events invoke the alias. */
    AutoPublishAlias: z.string().min(1).optional(),
    /** Provisioned concurrency on the `AutoPublishAlias` alias (SAM requires the alias). */
    ProvisionedConcurrencyConfig: ProvisionedConcurrencyConfigSchema.optional(),
    EventInvokeConfig: z.looseObject({ ...asyncLimits, DestinationConfig: DestinationConfigSchema.optional() }).optional(),
    Events: z.record(z.string(), SamEventSchema).optional(),
  })
  .superRefine((f, ctx) => {
    checkPackage(f, ctx);
    if (f.ProvisionedConcurrencyConfig !== undefined && f.AutoPublishAlias === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ProvisionedConcurrencyConfig'],
        message: 'needs AutoPublishAlias (SAM puts provisioned concurrency on that alias), e.g. AutoPublishAlias: live',
      });
    }
  });

export const LambdaVersionPropertiesSchema = z.looseObject({
  /** The function (`!Ref MyFunction`). */
  FunctionName: required('the function (!Ref MyFunction)'),
  Description: z.string().optional(),
  ProvisionedConcurrencyConfig: ProvisionedConcurrencyConfigSchema.optional(),
});

export const LambdaAliasPropertiesSchema = z.looseObject({
  FunctionName: required('the function (!Ref MyFunction)'),
  /** `!GetAtt MyVersion.Version`, a version number or `$LATEST`. */
  FunctionVersion: z.union([z.string(), z.number().transform(String)], {
    error: (iss) => (iss.input === undefined ? 'required: the version (!GetAtt MyVersion.Version, a number or $LATEST)' : `expected a version, got ${describeValue(iss.input)}`),
  }),
  Name: required('the alias name, e.g. live'),
  ProvisionedConcurrencyConfig: ProvisionedConcurrencyConfigSchema.optional(),
});

export const LambdaEventInvokeConfigPropertiesSchema = z.looseObject({
  FunctionName: required('the function (!Ref MyFunction)'),
  /** `$LATEST`, a version number or an alias name. */
  Qualifier: z.union([z.string(), z.number().transform(String)], {
    error: (iss) => (iss.input === undefined ? 'required: $LATEST, a version number or an alias name' : `expected a qualifier, got ${describeValue(iss.input)}`),
  }),
  ...asyncLimits,
  DestinationConfig: DestinationConfigSchema.optional(),
});

export const LambdaEventSourceMappingPropertiesSchema = z
  .looseObject({
    FunctionName: required('the function (!Ref MyFunction)'),
    /** The queue (`!GetAtt MyQueue.Arn`); only SQS sources are modelled. */
    EventSourceArn: required('the source queue (!GetAtt MyQueue.Arn)'),
    ...sqsPolling,
  })
  .superRefine(checkBatchWindow);

export const LambdaUrlPropertiesSchema = z.looseObject({
  /** The function (`!Ref MyFunction` or `!GetAtt MyFunction.Arn`). */
  TargetFunctionArn: required('the function (!GetAtt MyFunction.Arn)'),
  AuthType: oneOf(['AWS_IAM', 'NONE']),
  Qualifier: z.string().optional(),
  InvokeMode: oneOf(['BUFFERED', 'RESPONSE_STREAM']).default('BUFFERED'),
});

/** `Metadata.clustersim` of a function (either type). */
export const FunctionSimSchema = strictObject({
  InitDurationMs: DistSchema.optional().describe(
    'INIT (cold start) duration, ms, as a distribution; default: the model’s measured figure for the runtime, architecture and package type',
  ),
  IdleLifetime: duration({ minMs: 1 })
    .optional()
    .describe(
      'How long the function’s idle execution environments live once none of them is running (the last request’s end to shutdown); default Settings.Lambda.DefaultIdleLifetime',
    ),
  SpareIdleLifetime: duration({ minMs: 1 })
    .optional()
    .describe(
      'While the function is running requests, an idle (spare) execution environment lives a time drawn uniformly between IdleLifetime and this; at least IdleLifetime; default Settings.Lambda.DefaultSpareIdleLifetime',
    ),
  MaxLifetime: duration({ minMs: 1, never: true })
    .optional()
    .describe(
      'How long an on-demand execution environment may live, busy or idle, before Lambda recycles it (AWS: "every few hours"); never: no recycling; default Settings.Lambda.DefaultMaxLifetime',
    ),
  IdleSelection: oneOf(['most-recent', 'least-recent'])
    .default('most-recent')
    .describe('Which idle environment serves the next request: most-recent (the one freed last; default) or least-recent'),
  ...databaseClientFields(DEFAULT_POOL.environment, 'execution environment'),
});

/**
 * A function's idle lifetimes in ms: its own settings, else the scenario's defaults. A spare
 * lifetime shorter than the idle one is raised to it unless the function set it (then it is an
 * error, reported by `checkLambdaResources`).
 */
export function idleLifetimesOf(sim: { IdleLifetime?: number; SpareIdleLifetime?: number }, settings: Pick<LambdaSettings, 'DefaultIdleLifetime' | 'DefaultSpareIdleLifetime'>): { idleMs: number; spareMs: number } {
  const idleMs = sim.IdleLifetime ?? settings.DefaultIdleLifetime;
  const spareMs = sim.SpareIdleLifetime ?? Math.max(idleMs, settings.DefaultSpareIdleLifetime ?? DEFAULT_SPARE_IDLE_LIFETIME_MS);
  return { idleMs, spareMs };
}

/** `Metadata.clustersim` of the other Lambda types: none. */
export const LambdaNoSimSchema = strictObject({});

export type LambdaFunctionProperties = z.output<typeof LambdaFunctionPropertiesSchema>;
export type SamFunctionProperties = z.output<typeof SamFunctionPropertiesSchema>;
/** What both function types have: read this from either. */
export type FunctionProperties = LambdaFunctionProperties & Partial<Pick<SamFunctionProperties, 'AutoPublishAlias' | 'ProvisionedConcurrencyConfig' | 'EventInvokeConfig' | 'Events'>>;
export type SamEvent = z.output<typeof SamEventSchema>;
export type SamSqsEventProperties = z.output<(typeof SAM_EVENT_PROPERTIES)['SQS']>;
export type LambdaVersionProperties = z.output<typeof LambdaVersionPropertiesSchema>;
export type LambdaAliasProperties = z.output<typeof LambdaAliasPropertiesSchema>;
export type LambdaEventInvokeConfigProperties = z.output<typeof LambdaEventInvokeConfigPropertiesSchema>;
export type LambdaEventSourceMappingProperties = z.output<typeof LambdaEventSourceMappingPropertiesSchema>;
export type LambdaUrlProperties = z.output<typeof LambdaUrlPropertiesSchema>;
export type FunctionSim = z.output<typeof FunctionSimSchema>;
export type LambdaDestinationConfig = z.output<typeof DestinationConfigSchema>;

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

function isFunction(r: ResourceModel | undefined): boolean {
  return r !== undefined && (r.Type === LAMBDA_FUNCTION || r.Type === SAM_FUNCTION);
}

function functionById(scenario: ScenarioView, value: string): string | undefined {
  for (const type of FUNCTION_TYPES) {
    const id = resolveResourceRef(scenario, value, type);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The logical ID SAM gives the alias `AutoPublishAlias` creates: `<function>Alias<name>`. */
export function samAliasId(functionId: string, alias: string): string {
  return `${functionId}Alias${alias.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** What a reference to a function, version or alias invokes. */
export interface FunctionInvocation {
  /** Logical ID of the function. */
  FunctionId: string;
  /** The alias name, or the `AWS::Lambda::Version`'s logical ID; undefined for the unpublished `$LATEST` (an unqualified reference). */
  Qualifier?: string;
  /** Provisioned concurrency configured on that qualifier (environments); 0 when none. */
  ProvisionedConcurrentExecutions: number;
}

/**
 * What `ref` invokes: a function (logical ID, name or ARN; unqualified), an `AWS::Lambda::Alias`
 * or `::Version`, a qualified name or ARN (`name:live`, `arn:…:function/name:live`), SAM's
 * `Function.Alias` or its generated alias ID `<Function>Alias<name>`. Undefined when it is none of these.
 */
export function invocationOf(scenario: ScenarioView, ref: unknown): FunctionInvocation | undefined {
  if (typeof ref !== 'string') return undefined;
  const fn = functionById(scenario, ref);
  if (fn !== undefined) return { FunctionId: fn, ProvisionedConcurrentExecutions: 0 };
  for (const type of [LAMBDA_ALIAS, LAMBDA_VERSION]) {
    const id = resolveResourceRef(scenario, ref, type);
    if (id === undefined) continue;
    const r = scenario.Resources[id]!;
    const p = r.Properties as Partial<LambdaAliasProperties & LambdaVersionProperties>;
    const target = typeof p.FunctionName === 'string' ? invocationOf(scenario, p.FunctionName) : undefined;
    if (target === undefined) return undefined;
    return {
      FunctionId: target.FunctionId,
      Qualifier: type === LAMBDA_ALIAS ? String(p.Name) : id,
      ProvisionedConcurrentExecutions: p.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0,
    };
  }
  const samAlias = /^(.+)\.Alias$/.exec(ref)?.[1];
  if (samAlias !== undefined) return samAliasInvocation(scenario, functionById(scenario, samAlias), undefined);
  for (const r of Object.values(scenario.Resources)) {
    const alias = r.Type === SAM_FUNCTION ? (r.Properties as SamFunctionProperties).AutoPublishAlias : undefined;
    if (alias !== undefined && ref === samAliasId(r.LogicalId, alias)) return samAliasInvocation(scenario, r.LogicalId, alias);
  }
  const colon = ref.lastIndexOf(':');
  if (colon > 0) {
    const base = functionById(scenario, ref.slice(0, colon));
    const qualifier = ref.slice(colon + 1);
    if (base !== undefined && qualifier !== '$LATEST') return qualifiedInvocation(scenario, base, qualifier);
    if (base !== undefined) return { FunctionId: base, ProvisionedConcurrentExecutions: 0 };
  }
  return undefined;
}

function samAliasInvocation(scenario: ScenarioView, functionId: string | undefined, alias: string | undefined): FunctionInvocation | undefined {
  if (functionId === undefined) return undefined;
  const p = scenario.Resources[functionId]!.Properties as FunctionProperties;
  const name = alias ?? p.AutoPublishAlias;
  if (name === undefined) return undefined;
  return { FunctionId: functionId, Qualifier: name, ProvisionedConcurrentExecutions: p.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0 };
}

/** A function invoked with a qualifier: SAM's alias, an alias resource with that Name, or a version. */
function qualifiedInvocation(scenario: ScenarioView, functionId: string, qualifier: string): FunctionInvocation {
  const p = scenario.Resources[functionId]!.Properties as FunctionProperties;
  if (p.AutoPublishAlias === qualifier) return samAliasInvocation(scenario, functionId, qualifier)!;
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== LAMBDA_ALIAS) continue;
    const a = r.Properties as LambdaAliasProperties;
    if (a.Name === qualifier && invocationOf(scenario, a.FunctionName)?.FunctionId === functionId) {
      return { FunctionId: functionId, Qualifier: qualifier, ProvisionedConcurrentExecutions: a.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0 };
    }
  }
  return { FunctionId: functionId, Qualifier: qualifier, ProvisionedConcurrentExecutions: 0 };
}

/** The logical ID of the function a function, version or alias reference names (see `invocationOf`); undefined when none. */
export function functionOf(scenario: ScenarioView, ref: unknown): string | undefined {
  return invocationOf(scenario, ref)?.FunctionId;
}

/** The function's aliases and versions (resources) with provisioned concurrency, and SAM's, as [logical ID or alias, environments]. */
function provisionedParts(scenario: ScenarioView, functionId: string): [string, number][] {
  const out: [string, number][] = [];
  const fn = scenario.Resources[functionId];
  if (!isFunction(fn)) return out;
  const own = (fn!.Properties as FunctionProperties).ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
  if (own !== undefined) out.push([`${functionId} (AutoPublishAlias)`, own]);
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== LAMBDA_ALIAS && r.Type !== LAMBDA_VERSION) continue;
    const p = r.Properties as LambdaAliasProperties;
    const n = p.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
    if (n !== undefined && functionOf(scenario, p.FunctionName) === functionId) out.push([r.LogicalId, n]);
  }
  return out;
}

/** Provisioned concurrency of a function: Σ over its aliases, versions and SAM `ProvisionedConcurrencyConfig`; 0 when none. */
export function provisionedConcurrencyOf(scenario: ScenarioView, functionId: string): number {
  return provisionedParts(scenario, functionId).reduce((sum, [, n]) => sum + n, 0);
}

/** A function's async invocation settings, every field filled in. */
export interface EventInvokeConfig {
  /** Longest time an event waits in the async queue, s. */
  MaximumEventAgeInSeconds: number;
  /** Retries after a function error (0–2). */
  MaximumRetryAttempts: number;
  /** Where events that failed (retries exhausted or too old) go, when configured. */
  OnFailure?: { Type?: string; Destination?: string };
  OnSuccess?: { Type?: string; Destination?: string };
  /** Logical ID of the `AWS::Lambda::EventInvokeConfig` used, if any. */
  From?: string;
}

/**
 * A function's async invocation settings: an `AWS::Lambda::EventInvokeConfig` for it (the one for
 * `qualifier` when given and present, else the first), field by field over SAM's
 * `EventInvokeConfig`, over Lambda's defaults (21600 s, 2 retries).
 */
export function eventInvokeConfigOf(scenario: ScenarioView, functionId: string, qualifier?: string): EventInvokeConfig {
  const fn = scenario.Resources[functionId];
  const sam = isFunction(fn) ? (fn!.Properties as FunctionProperties).EventInvokeConfig : undefined;
  const configs = Object.values(scenario.Resources).filter(
    (r) => r.Type === LAMBDA_EVENT_INVOKE_CONFIG && functionOf(scenario, (r.Properties as LambdaEventInvokeConfigProperties).FunctionName) === functionId,
  );
  const resource = configs.find((r) => (r.Properties as LambdaEventInvokeConfigProperties).Qualifier === qualifier) ?? configs[0];
  const p = resource?.Properties as LambdaEventInvokeConfigProperties | undefined;
  const out: EventInvokeConfig = {
    MaximumEventAgeInSeconds: p?.MaximumEventAgeInSeconds ?? sam?.MaximumEventAgeInSeconds ?? LAMBDA_DEFAULTS.MaximumEventAgeInSeconds,
    MaximumRetryAttempts: p?.MaximumRetryAttempts ?? sam?.MaximumRetryAttempts ?? LAMBDA_DEFAULTS.MaximumRetryAttempts,
  };
  const onFailure = p?.DestinationConfig?.OnFailure ?? sam?.DestinationConfig?.OnFailure;
  const onSuccess = p?.DestinationConfig?.OnSuccess ?? sam?.DestinationConfig?.OnSuccess;
  if (onFailure) out.OnFailure = { Type: onFailure.Type, Destination: onFailure.Destination };
  if (onSuccess) out.OnSuccess = { Type: onSuccess.Type, Destination: onSuccess.Destination };
  if (resource) out.From = resource.LogicalId;
  return out;
}

/** One reader of an SQS queue: an event source mapping or a SAM `SQS` event. */
export interface QueueConsumer {
  /** Logical ID of the function. */
  FunctionId: string;
  /** The alias it invokes (SAM events invoke `AutoPublishAlias` when set), undefined for `$LATEST`. */
  Qualifier?: string;
  /** The `AWS::Lambda::EventSourceMapping`'s logical ID, or `<function>.Events.<name>` for a SAM event. */
  Source: string;
  BatchSize: number;
  /** s. */
  MaximumBatchingWindowInSeconds: number;
  MaximumConcurrency?: number;
  Enabled: boolean;
}

/** The enabled and disabled readers of a queue, in template order. */
export function queueConsumers(scenario: ScenarioView, queueId: string): QueueConsumer[] {
  const out: QueueConsumer[] = [];
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type === LAMBDA_EVENT_SOURCE_MAPPING) {
      const p = r.Properties as LambdaEventSourceMappingProperties;
      const inv = invocationOf(scenario, p.FunctionName);
      if (inv === undefined || resolveResourceRef(scenario, p.EventSourceArn, SQS_QUEUE) !== queueId) continue;
      out.push({ FunctionId: inv.FunctionId, Qualifier: inv.Qualifier, Source: r.LogicalId, ...polling(p) });
    } else if (isFunction(r)) {
      const f = r.Properties as FunctionProperties;
      for (const [name, e] of Object.entries(f.Events ?? {})) {
        if (e.Type !== 'SQS') continue;
        const p = e.Properties as SamSqsEventProperties;
        if (resolveResourceRef(scenario, p.Queue, SQS_QUEUE) !== queueId) continue;
        out.push({ FunctionId: r.LogicalId, Qualifier: f.AutoPublishAlias, Source: `${r.LogicalId}.Events.${name}`, ...polling(p) });
      }
    }
  }
  return out;
}

function polling(p: SamSqsEventProperties | LambdaEventSourceMappingProperties) {
  return {
    BatchSize: p.BatchSize,
    MaximumBatchingWindowInSeconds: p.MaximumBatchingWindowInSeconds,
    MaximumConcurrency: p.ScalingConfig?.MaximumConcurrency,
    Enabled: p.Enabled,
  };
}

/** The architecture of a function (its one `Architectures` item). */
export function architectureOf(p: Pick<FunctionProperties, 'Architectures'>): LambdaArchitecture {
  return p.Architectures[0] ?? 'x86_64';
}

/**
 * Checks across Lambda resources:
 * - versions, aliases, event invoke configs, event source mappings and URLs name a function of the scenario;
 * - an alias's version belongs to its function; provisioned concurrency is not on `$LATEST`;
 * - an event invoke config's qualifier exists and no two configs share a function and qualifier;
 * - event source mappings and SAM `SQS` events read an SQS queue of the scenario (FIFO: batch ≤ 10,
 *   no batching window), whose visibility timeout is at least the function's timeout (Lambda rejects the mapping otherwise);
 * - provisioned concurrency ≤ reserved concurrency when both are set;
 * - the concurrency reserved (or provisioned, for functions without a reservation) leaves at least
 *   100 of `Settings.Lambda.AccountConcurrency` unreserved;
 * - SAM event types that are not modelled: a warning.
 */
export function checkLambdaResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const { scenario } = ctx;
  const fnRef = (value: unknown, path: PathSegment[]): FunctionInvocation | undefined => {
    const inv = invocationOf(scenario, value);
    if (inv === undefined) {
      const known = Object.values(scenario.Resources).filter(isFunction).map((r) => r.LogicalId);
      out.push({ path, message: `${describeValue(value)} is not a Lambda function in this scenario; functions: ${known.join(', ') || '(none)'}` });
    }
    return inv;
  };
  const at = (r: ResourceModel, ...rest: PathSegment[]): PathSegment[] => [r.LogicalId, 'Properties', ...rest];

  for (const r of validOfType(ctx, LAMBDA_VERSION)) fnRef((r.Properties as LambdaVersionProperties).FunctionName, at(r, 'FunctionName'));
  for (const r of validOfType(ctx, LAMBDA_ALIAS)) out.push(...checkAlias(ctx, r, fnRef));
  for (const r of validOfType(ctx, LAMBDA_URL)) fnRef((r.Properties as LambdaUrlProperties).TargetFunctionArn, at(r, 'TargetFunctionArn'));

  const invokeConfigs = new Map<string, string>();
  for (const r of validOfType(ctx, LAMBDA_EVENT_INVOKE_CONFIG)) {
    const p = r.Properties as LambdaEventInvokeConfigProperties;
    const inv = fnRef(p.FunctionName, at(r, 'FunctionName'));
    if (inv === undefined) continue;
    const key = `${inv.FunctionId}:${p.Qualifier}`;
    const other = invokeConfigs.get(key);
    if (other !== undefined) out.push({ path: at(r, 'Qualifier'), message: `${inv.FunctionId} already has an event invoke config for ${p.Qualifier} (${other}); a function has one per qualifier` });
    invokeConfigs.set(key, r.LogicalId);
    if (p.Qualifier !== '$LATEST' && !/^\d+$/.test(p.Qualifier) && !aliasNames(scenario, inv.FunctionId).includes(p.Qualifier)) {
      out.push({
        path: at(r, 'Qualifier'),
        message: `${describeValue(p.Qualifier)} is not an alias of ${inv.FunctionId}; use $LATEST, a version number or one of its aliases (${aliasNames(scenario, inv.FunctionId).join(', ') || 'none'})`,
      });
    }
  }

  for (const r of validOfType(ctx, LAMBDA_EVENT_SOURCE_MAPPING)) {
    const p = r.Properties as LambdaEventSourceMappingProperties;
    const inv = fnRef(p.FunctionName, at(r, 'FunctionName'));
    out.push(...checkSqsSource(ctx, p.EventSourceArn, p, inv?.FunctionId, (...rest) => at(r, ...rest), 'EventSourceArn'));
  }

  for (const type of FUNCTION_TYPES) {
    for (const r of validOfType(ctx, type)) {
      const f = r.Properties as FunctionProperties;
      const sim = r.Sim as FunctionSim | undefined;
      if (ctx.settings !== undefined && sim?.SpareIdleLifetime !== undefined) {
        const { idleMs, spareMs } = idleLifetimesOf(sim, ctx.settings.Lambda);
        if (spareMs < idleMs) {
          const from = sim.IdleLifetime !== undefined ? 'the function’s IdleLifetime' : 'Settings.Lambda.DefaultIdleLifetime';
          out.push({
            path: [r.LogicalId, 'Metadata', 'clustersim', 'SpareIdleLifetime'],
            message: `must be at least ${from} (${formatNumber(idleMs / 1000)} s): a spare environment lives at least as long as the last one`,
          });
        }
      }
      for (const [name, e] of Object.entries(f.Events ?? {})) {
        const ep = (...rest: PathSegment[]) => at(r, 'Events', name, ...rest);
        if (e.Type === 'SQS') {
          const p = e.Properties as SamSqsEventProperties;
          out.push(...checkSqsSource(ctx, p.Queue, p, r.LogicalId, (...rest) => ep('Properties', ...rest), 'Queue'));
        } else if (!(SAM_EVENT_TYPES as readonly string[]).includes(e.Type)) {
          out.push({ path: ep('Type'), warning: true, message: `event type ${e.Type} is kept but not simulated (modelled: ${SAM_EVENT_TYPES.join(', ')})` });
        }
      }
      const reserved = f.ReservedConcurrentExecutions;
      const provisioned = provisionedParts(scenario, r.LogicalId);
      const total = provisioned.reduce((s, [, n]) => s + n, 0);
      if (reserved !== undefined && total > reserved) {
        out.push({
          path: at(r, 'ReservedConcurrentExecutions'),
          message: `provisioned concurrency ${total} (${provisioned.map(([id, n]) => `${id} ${n}`).join(', ')}) exceeds the reserved ${reserved}; Lambda allows at most the reserved concurrency to be provisioned`,
        });
      }
    }
  }
  out.push(...checkAccountConcurrency(ctx));
  return out;
}

function aliasNames(scenario: ScenarioView, functionId: string): string[] {
  const names: string[] = [];
  const own = (scenario.Resources[functionId]?.Properties as FunctionProperties | undefined)?.AutoPublishAlias;
  if (own !== undefined) names.push(own);
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== LAMBDA_ALIAS) continue;
    const p = r.Properties as LambdaAliasProperties;
    if (functionOf(scenario, p.FunctionName) === functionId) names.push(p.Name);
  }
  return names;
}

function checkAlias(ctx: CheckContext, r: ResourceModel, fnRef: (v: unknown, path: PathSegment[]) => FunctionInvocation | undefined): CheckIssue[] {
  const out: CheckIssue[] = [];
  const p = r.Properties as LambdaAliasProperties;
  const at = (...rest: PathSegment[]): PathSegment[] => [r.LogicalId, 'Properties', ...rest];
  const inv = fnRef(p.FunctionName, at('FunctionName'));
  const version = p.FunctionVersion;
  if (version === '$LATEST') {
    if (p.ProvisionedConcurrencyConfig !== undefined) {
      out.push({ path: at('ProvisionedConcurrencyConfig'), message: 'not allowed on an alias of $LATEST: Lambda provisions only published versions (point FunctionVersion at an AWS::Lambda::Version)' });
    }
    return out;
  }
  if (/^\d+$/.test(version)) return out;
  // `!GetAtt V.Version` resolves to `<V's name>.Version`; `!Ref V` to its ARN.
  const versionId = resolveResourceRef(ctx.scenario, version.replace(/\.Version$/, ''), LAMBDA_VERSION);
  if (versionId === undefined) {
    const known = Object.values(ctx.scenario.Resources).filter((v) => v.Type === LAMBDA_VERSION).map((v) => v.LogicalId);
    out.push({ path: at('FunctionVersion'), message: `${describeValue(version)} is not a version in this scenario; use !GetAtt <version>.Version, a version number or $LATEST; ${LAMBDA_VERSION}: ${known.join(', ') || '(none)'}` });
    return out;
  }
  const of = functionOf(ctx.scenario, (ctx.scenario.Resources[versionId]!.Properties as LambdaVersionProperties).FunctionName);
  if (inv !== undefined && of !== undefined && of !== inv.FunctionId) {
    out.push({ path: at('FunctionVersion'), message: `version ${versionId} belongs to ${of}, not to ${inv.FunctionId}` });
  }
  return out;
}

function checkSqsSource(
  ctx: CheckContext,
  source: string,
  p: { BatchSize: number; MaximumBatchingWindowInSeconds: number },
  functionId: string | undefined,
  at: (...rest: PathSegment[]) => PathSegment[],
  key: string,
): CheckIssue[] {
  const q = refTo(ctx, source, SQS_QUEUE, at(key), 'an SQS queue (only SQS event sources are modelled)');
  if ('issue' in q) return [q.issue];
  if (ctx.invalid.has(q.id)) return [];
  const out: CheckIssue[] = [];
  const queue = ctx.scenario.Resources[q.id]!.Properties as { FifoQueue?: boolean; VisibilityTimeout?: number };
  if (queue.FifoQueue) {
    if (p.BatchSize > FIFO_MAX_BATCH_SIZE) {
      out.push({ path: at('BatchSize'), message: `must be ≤ ${FIFO_MAX_BATCH_SIZE} for FIFO queue ${q.id} (Lambda), got ${p.BatchSize}` });
    }
    if (p.MaximumBatchingWindowInSeconds > 0) {
      out.push({ path: at('MaximumBatchingWindowInSeconds'), message: `FIFO queue ${q.id} does not support a batching window (Lambda); remove it` });
    }
  }
  const fn = functionId === undefined ? undefined : ctx.scenario.Resources[functionId];
  if (fn !== undefined && !ctx.invalid.has(fn.LogicalId) && queue.VisibilityTimeout !== undefined) {
    const timeout = (fn.Properties as FunctionProperties).Timeout;
    if (queue.VisibilityTimeout < timeout) {
      out.push({
        path: at(key),
        message: `queue ${q.id}'s VisibilityTimeout (${queue.VisibilityTimeout} s) is less than ${fn.LogicalId}'s Timeout (${timeout} s); Lambda rejects the mapping: raise VisibilityTimeout (AWS recommends ≥ 6 × Timeout = ${6 * timeout} s)`,
      });
    }
  }
  return out;
}

function checkAccountConcurrency(ctx: CheckContext): CheckIssue[] {
  const settings = ctx.settings;
  if (settings === undefined) return [];
  const account = settings.Lambda.AccountConcurrency;
  const limit = account - LAMBDA_UNRESERVED_MINIMUM;
  const parts: { id: string; n: number; kind: 'reserved' | 'provisioned' }[] = [];
  for (const type of FUNCTION_TYPES) {
    for (const r of validOfType(ctx, type)) {
      const reserved = (r.Properties as FunctionProperties).ReservedConcurrentExecutions;
      const provisioned = provisionedConcurrencyOf(ctx.scenario, r.LogicalId);
      if (reserved !== undefined) parts.push({ id: r.LogicalId, n: reserved, kind: 'reserved' });
      else if (provisioned > 0) parts.push({ id: r.LogicalId, n: provisioned, kind: 'provisioned' });
    }
  }
  const total = parts.reduce((s, p) => s + p.n, 0);
  if (total <= limit) return [];
  const last = [...parts].reverse().find((p) => p.kind === 'reserved') ?? parts[parts.length - 1]!;
  const list = parts.map((p) => `${p.id} ${p.n}${p.kind === 'provisioned' ? ' provisioned' : ''}`).join(', ');
  return [
    {
      path: [last.id, 'Properties', last.kind === 'reserved' ? 'ReservedConcurrentExecutions' : 'ProvisionedConcurrencyConfig'],
      message: `functions reserve ${total} concurrent executions (${list}), but the account has ${account} (Settings.Lambda.AccountConcurrency) and Lambda keeps ${LAMBDA_UNRESERVED_MINIMUM} unreserved: at most ${limit} (${formatNumber(total - limit)} too many)`,
    },
  ];
}
