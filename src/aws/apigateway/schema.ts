/**
 * API Gateway in front of Lambda, kept light: HTTP APIs (`AWS::ApiGatewayV2::Api`, `::Integration`,
 * `::Stage`; SAM `AWS::Serverless::HttpApi`) and REST APIs (`AWS::ApiGateway::RestApi`, `::Method`,
 * `::Stage`; SAM `AWS::Serverless::Api`), with stage throttling. Which functions an API invokes
 * (`apiFunctions`, `apiFunction`), including the APIs SAM creates implicitly for `HttpApi` and
 * `Api` events (`ServerlessHttpApi`, `ServerlessRestApi`: `implicitApis`).
 */
import { z } from 'zod';
import { num, oneOf } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import { type CheckContext, type CheckIssue, idsOfType, validOfType } from '../../scenario/resourceCheck';
import { resolveResourceRef } from '../../scenario/resourceRef';
import type { Scenario } from '../../scenario/types';
import { type FunctionProperties, invocationOf, type FunctionInvocation } from '../lambda/schema';

export const HTTP_API = 'AWS::ApiGatewayV2::Api';
export const HTTP_API_INTEGRATION = 'AWS::ApiGatewayV2::Integration';
export const HTTP_API_STAGE = 'AWS::ApiGatewayV2::Stage';
export const REST_API = 'AWS::ApiGateway::RestApi';
export const REST_API_METHOD = 'AWS::ApiGateway::Method';
export const REST_API_STAGE = 'AWS::ApiGateway::Stage';
export const SAM_HTTP_API = 'AWS::Serverless::HttpApi';
export const SAM_REST_API = 'AWS::Serverless::Api';
/** Every API type a workload may target. */
export const API_TYPES = [HTTP_API, REST_API, SAM_HTTP_API, SAM_REST_API] as const;

/** The logical IDs SAM gives the APIs it creates for `HttpApi` / `Api` events that name no API. */
export const SERVERLESS_HTTP_API = 'ServerlessHttpApi';
export const SERVERLESS_REST_API = 'ServerlessRestApi';

const LAMBDA_FUNCTION = 'AWS::Lambda::Function';
const SAM_FUNCTION = 'AWS::Serverless::Function';

const throttling = {
  /** Requests API Gateway lets through in a burst (token bucket size). */
  ThrottlingBurstLimit: num({ int: true, min: 0, unit: 'requests' }).optional(),
  /** Steady-state requests per second. */
  ThrottlingRateLimit: num({ min: 0, unit: 'requests/s' }).optional(),
};

export const RouteSettingsSchema = z.looseObject(throttling);

export const MethodSettingSchema = z.looseObject({
  HttpMethod: z.string().optional(),
  ResourcePath: z.string().optional(),
  ...throttling,
});

export const HttpApiPropertiesSchema = z.looseObject({
  Name: z.string().optional(),
  ProtocolType: oneOf(['HTTP', 'WEBSOCKET']).optional(),
  /** Quick create: the function every route invokes (`!GetAtt MyFunction.Arn`). */
  Target: z.string().optional(),
});

export const HttpApiIntegrationPropertiesSchema = z.looseObject({
  ApiId: z.string(),
  IntegrationType: oneOf(['AWS_PROXY', 'AWS', 'HTTP_PROXY', 'HTTP', 'MOCK']),
  /** For AWS_PROXY: the function ARN, or the `arn:…:apigateway:…:lambda:path/…/functions/<arn>/invocations` form. */
  IntegrationUri: z.string().optional(),
});

export const HttpApiStagePropertiesSchema = z.looseObject({
  ApiId: z.string(),
  StageName: z.string(),
  DefaultRouteSettings: RouteSettingsSchema.optional(),
  RouteSettings: z.record(z.string(), RouteSettingsSchema).optional(),
});

export const RestApiPropertiesSchema = z.looseObject({
  Name: z.string().optional(),
});

export const RestApiMethodPropertiesSchema = z.looseObject({
  RestApiId: z.string(),
  HttpMethod: z.string(),
  ResourceId: z.string().optional(),
  Integration: z
    .looseObject({
      Type: oneOf(['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK']),
      /** For AWS_PROXY: `arn:…:apigateway:…:lambda:path/2015-03-31/functions/<function ARN>/invocations`. */
      Uri: z.string().optional(),
    })
    .optional(),
});

export const RestApiStagePropertiesSchema = z.looseObject({
  RestApiId: z.string(),
  StageName: z.string().optional(),
  MethodSettings: z.array(MethodSettingSchema).optional(),
});

export const SamHttpApiPropertiesSchema = z.looseObject({
  Name: z.string().optional(),
  StageName: z.string().optional(),
  DefaultRouteSettings: RouteSettingsSchema.optional(),
  RouteSettings: z.record(z.string(), RouteSettingsSchema).optional(),
});

export const SamRestApiPropertiesSchema = z.looseObject({
  Name: z.string().optional(),
  StageName: z.string().optional(),
  MethodSettings: z.array(MethodSettingSchema).optional(),
});

export type ApiThrottling = z.output<typeof RouteSettingsSchema>;
export type MethodSetting = z.output<typeof MethodSettingSchema>;
export type HttpApiProperties = z.output<typeof HttpApiPropertiesSchema>;
export type HttpApiIntegrationProperties = z.output<typeof HttpApiIntegrationPropertiesSchema>;
export type HttpApiStageProperties = z.output<typeof HttpApiStagePropertiesSchema>;
export type RestApiProperties = z.output<typeof RestApiPropertiesSchema>;
export type RestApiMethodProperties = z.output<typeof RestApiMethodPropertiesSchema>;
export type RestApiStageProperties = z.output<typeof RestApiStagePropertiesSchema>;
export type SamHttpApiProperties = z.output<typeof SamHttpApiPropertiesSchema>;
export type SamRestApiProperties = z.output<typeof SamRestApiPropertiesSchema>;

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

/** The function ARN inside an API Gateway Lambda integration URI, or the value itself. */
function integrationFunction(uri: string): string {
  return /:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri)?.[1] ?? uri;
}

/** SAM `HttpApi`/`Api` events of functions that land on `apiId` (an API's logical ID, or an implicit one). */
function samEventInvocations(scenario: ScenarioView, apiId: string): FunctionInvocation[] {
  const out: FunctionInvocation[] = [];
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== SAM_FUNCTION && r.Type !== LAMBDA_FUNCTION) continue;
    const f = r.Properties as FunctionProperties;
    for (const e of Object.values(f.Events ?? {})) {
      const p = (e.Properties ?? {}) as { ApiId?: string; RestApiId?: string };
      let target: string | undefined;
      if (e.Type === 'HttpApi') target = p.ApiId === undefined ? SERVERLESS_HTTP_API : resolveResourceRef(scenario, p.ApiId);
      else if (e.Type === 'Api') target = p.RestApiId === undefined ? SERVERLESS_REST_API : resolveResourceRef(scenario, p.RestApiId);
      if (target !== apiId) continue;
      // SAM wires events to the alias when AutoPublishAlias is set.
      const ref = f.AutoPublishAlias === undefined ? r.LogicalId : `${r.LogicalId}.Alias`;
      const inv = invocationOf(scenario, ref);
      if (inv) out.push(inv);
    }
  }
  return out;
}

/**
 * What an API invokes, one entry per distinct function and qualifier, in template order: its
 * quick-create `Target`, its Lambda integrations (`AWS::ApiGatewayV2::Integration`,
 * `AWS::ApiGateway::Method`), and the SAM `HttpApi`/`Api` events that name it (or, for
 * `ServerlessHttpApi`/`ServerlessRestApi`, that name no API).
 */
export function apiInvocations(scenario: ScenarioView, apiId: string): FunctionInvocation[] {
  const found: FunctionInvocation[] = [];
  const add = (ref: string | undefined) => {
    const inv = ref === undefined ? undefined : invocationOf(scenario, integrationFunction(ref));
    if (inv) found.push(inv);
  };
  const api = scenario.Resources[apiId];
  if (api?.Type === HTTP_API) add((api.Properties as HttpApiProperties).Target);
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type === HTTP_API_INTEGRATION) {
      const p = r.Properties as HttpApiIntegrationProperties;
      if (resolveResourceRef(scenario, p.ApiId, HTTP_API) === apiId) add(p.IntegrationUri);
    } else if (r.Type === REST_API_METHOD) {
      const p = r.Properties as RestApiMethodProperties;
      if (resolveResourceRef(scenario, p.RestApiId, REST_API) === apiId) add(p.Integration?.Uri);
    }
  }
  found.push(...samEventInvocations(scenario, apiId));
  const seen = new Set<string>();
  return found.filter((i) => {
    const key = `${i.FunctionId}:${i.Qualifier ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The logical IDs of the functions an API invokes (see `apiInvocations`). */
export function apiFunctions(scenario: ScenarioView, apiId: string): string[] {
  return [...new Set(apiInvocations(scenario, apiId).map((i) => i.FunctionId))];
}

/** The one function an API invokes; undefined when it invokes none or several. */
export function apiFunction(scenario: ScenarioView, apiId: string): string | undefined {
  const fns = apiFunctions(scenario, apiId);
  return fns.length === 1 ? fns[0] : undefined;
}

/** A stage's throttling as it applies to every route or method (`/*` `*`); undefined fields: not set. */
export interface StageThrottle {
  stage: string;
  rateLimit?: number;
  burstLimit?: number;
}

/**
 * The throttling of the stage a workload reaches through API `apiId`: the API's first stage in
 * template order (`AWS::ApiGatewayV2::Stage` `DefaultRouteSettings`, `AWS::ApiGateway::Stage`
 * `MethodSettings` for `/*` and `*`, or SAM's `DefaultRouteSettings` / `MethodSettings` on the
 * API). Undefined when no stage sets any; per-route settings are not modelled (a workload has no routes).
 */
export function apiStageThrottle(scenario: ScenarioView, apiId: string): StageThrottle | undefined {
  const fromRoute = (stage: string, t: ApiThrottling | undefined): StageThrottle | undefined =>
    t === undefined || (t.ThrottlingRateLimit === undefined && t.ThrottlingBurstLimit === undefined)
      ? undefined
      : { stage, rateLimit: t.ThrottlingRateLimit, burstLimit: t.ThrottlingBurstLimit };
  const fromMethods = (stage: string, m: MethodSetting[] | undefined) =>
    fromRoute(stage, m?.find((x) => (x.ResourcePath ?? '/*') === '/*' && (x.HttpMethod ?? '*') === '*'));
  const api = scenario.Resources[apiId];
  if (api?.Type === SAM_HTTP_API) {
    const p = api.Properties as SamHttpApiProperties;
    return fromRoute(p.StageName ?? '$default', p.DefaultRouteSettings);
  }
  if (api?.Type === SAM_REST_API) {
    const p = api.Properties as SamRestApiProperties;
    return fromMethods(p.StageName ?? 'Prod', p.MethodSettings);
  }
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type === HTTP_API_STAGE) {
      const p = r.Properties as HttpApiStageProperties;
      if (resolveResourceRef(scenario, p.ApiId, HTTP_API) === apiId) return fromRoute(p.StageName, p.DefaultRouteSettings);
    } else if (r.Type === REST_API_STAGE) {
      const p = r.Properties as RestApiStageProperties;
      if (resolveResourceRef(scenario, p.RestApiId, REST_API) === apiId) return fromMethods(p.StageName ?? r.LogicalId, p.MethodSettings);
    }
  }
  return undefined;
}

/** The APIs SAM creates for `HttpApi` / `Api` events that name no API: logical ID → its SAM type. */
export function implicitApis(scenario: ScenarioView): Record<string, typeof SAM_HTTP_API | typeof SAM_REST_API> {
  const out: Record<string, typeof SAM_HTTP_API | typeof SAM_REST_API> = {};
  for (const r of Object.values(scenario.Resources)) {
    if (r.Type !== SAM_FUNCTION) continue;
    for (const e of Object.values((r.Properties as FunctionProperties).Events ?? {})) {
      const p = (e.Properties ?? {}) as { ApiId?: string; RestApiId?: string };
      if (e.Type === 'HttpApi' && p.ApiId === undefined && !scenario.Resources[SERVERLESS_HTTP_API]) out[SERVERLESS_HTTP_API] = SAM_HTTP_API;
      if (e.Type === 'Api' && p.RestApiId === undefined && !scenario.Resources[SERVERLESS_REST_API]) out[SERVERLESS_REST_API] = SAM_REST_API;
    }
  }
  return out;
}

/**
 * Checks across API resources: integrations, methods and stages name an API of the scenario;
 * SAM `HttpApi` events name an HTTP API and `Api` events a REST API when they name one.
 */
export function checkApiResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  const apiRef = (value: string, types: readonly string[], path: PathSegment[], what: string) => {
    if (types.some((t) => resolveResourceRef(ctx.scenario, value, t) !== undefined)) return;
    const known = types.flatMap((t) => idsOfType(ctx, t));
    out.push({ path, message: `${describeValue(value)} is not ${what} in this scenario; ${types.join(' or ')}: ${known.join(', ') || '(none)'}` });
  };
  for (const type of [HTTP_API_INTEGRATION, HTTP_API_STAGE]) {
    for (const r of validOfType(ctx, type)) apiRef((r.Properties as { ApiId: string }).ApiId, [HTTP_API], [r.LogicalId, 'Properties', 'ApiId'], 'an HTTP API');
  }
  for (const type of [REST_API_METHOD, REST_API_STAGE]) {
    for (const r of validOfType(ctx, type)) apiRef((r.Properties as { RestApiId: string }).RestApiId, [REST_API], [r.LogicalId, 'Properties', 'RestApiId'], 'a REST API');
  }
  for (const r of validOfType(ctx, SAM_FUNCTION)) {
    for (const [name, e] of Object.entries((r.Properties as FunctionProperties).Events ?? {})) {
      const p = (e.Properties ?? {}) as { ApiId?: string; RestApiId?: string };
      const path = (key: string): PathSegment[] => [r.LogicalId, 'Properties', 'Events', name, 'Properties', key];
      if (e.Type === 'HttpApi' && p.ApiId !== undefined) apiRef(p.ApiId, [SAM_HTTP_API, HTTP_API], path('ApiId'), 'an HTTP API');
      if (e.Type === 'Api' && p.RestApiId !== undefined) apiRef(p.RestApiId, [SAM_REST_API, REST_API], path('RestApiId'), 'a REST API');
    }
  }
  return out;
}
