/**
 * Which resource types accept workload, and what a request to each must say about its work.
 * Some pass requests on: a load balancer to the ECS service behind its listeners' default target
 * groups; an API, a function URL, an alias or version, or an SQS queue to a Lambda function. A
 * request to them needs what the final target needs. Besides the template's resources, a workload
 * may target what SAM creates implicitly: `ServerlessHttpApi`, `ServerlessRestApi` and a function's
 * `AutoPublishAlias` alias (`MyFunction.Alias`, or SAM's logical ID `MyFunctionAlias<name>`).
 */
import { API_TYPES, apiFunctions, HTTP_API, type HttpApiProperties, implicitApis } from '../aws/apigateway/schema';
import { loadBalancerServices } from '../aws/elbv2/schema';
import {
  type FunctionProperties,
  functionOf,
  invocationOf,
  LAMBDA_ALIAS,
  LAMBDA_FUNCTION,
  LAMBDA_URL,
  LAMBDA_VERSION,
  type LambdaAliasProperties,
  type LambdaUrlProperties,
  queueConsumers,
  SAM_FUNCTION,
  samAliasId,
} from '../aws/lambda/schema';
import { SQS_QUEUE } from '../aws/sqs/schema';
import type { WorkSpec } from '../workload/types';
import { resolveResourceRef } from './resourceRef';
import type { Scenario } from './types';

type ScenarioView = Pick<Scenario, 'Resources' | 'Region'>;

/** Where a target sends its requests: a resource's logical ID, an error, or nowhere (a warning: requests stay at the target). */
export type ServedBy = { id: string } | { error: string } | { warning: string };

export interface LoadTarget {
  /** Work keys a request to this type must give. */
  requires: (keyof WorkSpec)[];
  /** For types that pass requests on: the logical ID of the resource that serves them, or why there is none. */
  servedBy?: (scenario: ScenarioView, logicalId: string) => ServedBy;
  /** Whether a workload entry aimed at this type may set `InvocationType` (Lambda functions, aliases, versions). */
  invocationType?: boolean;
}

/** Work keys only Lambda-backed targets take. */
export const LAMBDA_WORK_KEYS = ['CpuBound', 'MeasuredAtMemorySize'] as const;
/** The memory size at which a Lambda function has one vCPU, MB (aws-facts 55): `MeasuredAtMemorySize`'s default. */
export const ONE_VCPU_MEMORY_MB = 1769;

const FUNCTION_TYPES = new Set([LAMBDA_FUNCTION, SAM_FUNCTION]);

/** Whether requests to a resource of `type` end at a Lambda function. */
export function isFunctionType(type: string): boolean {
  return FUNCTION_TYPES.has(type);
}

function viaFunction(scenario: ScenarioView, ref: unknown, what: string): ServedBy {
  const fn = functionOf(scenario, ref);
  return fn === undefined ? { error: `${what} names no Lambda function of this scenario` } : { id: fn };
}

function apiServedBy(scenario: ScenarioView, id: string): ServedBy {
  const api = scenario.Resources[id];
  if (api?.Type === HTTP_API && (api.Properties as HttpApiProperties).ProtocolType === 'WEBSOCKET') {
    return { error: `${id} is a WebSocket API, which is not modelled; target an HTTP or REST API` };
  }
  const fns = apiFunctions(scenario, id);
  if (fns.length === 1) return { id: fns[0]! };
  if (fns.length === 0) {
    return {
      error: `API ${id} invokes no Lambda function: give it a Target, an AWS_PROXY integration to a function, or a function an HttpApi/Api event naming it`,
    };
  }
  return { error: `API ${id} routes to several functions (${fns.join(', ')}); the simulator does not model routes: target one of them instead` };
}

const lambdaFunction: LoadTarget = { requires: ['DurationMs'], invocationType: true };

export const LOAD_TARGETS: Record<string, LoadTarget> = {
  'AWS::ECS::Service': { requires: ['CpuMs'] },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    requires: [],
    servedBy: (scenario, id) => {
      const services = loadBalancerServices(scenario, id);
      if (services.length === 1) return { id: services[0]! };
      if (services.length === 0) {
        return {
          error: `load balancer ${id} sends requests nowhere: no AWS::ElasticLoadBalancingV2::Listener on it forwards (DefaultActions) to a target group an ECS service registers in (its LoadBalancers)`,
        };
      }
      return { error: `load balancer ${id} forwards to several services (${services.join(', ')}); target one of them instead` };
    },
  },
  [LAMBDA_FUNCTION]: lambdaFunction,
  [SAM_FUNCTION]: lambdaFunction,
  [LAMBDA_ALIAS]: { requires: [], invocationType: true, servedBy: (scenario, id) => viaFunction(scenario, id, `alias ${id}`) },
  [LAMBDA_VERSION]: { requires: [], invocationType: true, servedBy: (scenario, id) => viaFunction(scenario, id, `version ${id}`) },
  [LAMBDA_URL]: {
    requires: [],
    servedBy: (scenario, id) => viaFunction(scenario, (scenario.Resources[id]!.Properties as LambdaUrlProperties).TargetFunctionArn, `function URL ${id}`),
  },
  [SQS_QUEUE]: {
    requires: [],
    servedBy: (scenario, id) => {
      const consumers = queueConsumers(scenario, id).filter((c) => c.Enabled);
      if (consumers.length > 0) return { id: consumers[0]!.FunctionId };
      return {
        warning: `queue ${id} has no enabled consumer (no AWS::Lambda::EventSourceMapping or SAM SQS event reads it): its messages only accumulate`,
      };
    },
  },
  ...Object.fromEntries(API_TYPES.map((t) => [t, { requires: [], servedBy: apiServedBy } satisfies LoadTarget])),
};

/** The targets SAM creates implicitly (not in `Resources`): logical ID → type. */
export function implicitTargets(scenario: ScenarioView): Record<string, string> {
  const out: Record<string, string> = { ...implicitApis(scenario) };
  for (const r of Object.values(scenario.Resources)) {
    const alias = r.Type === SAM_FUNCTION ? (r.Properties as FunctionProperties).AutoPublishAlias : undefined;
    if (alias !== undefined) out[samAliasId(r.LogicalId, alias)] = LAMBDA_ALIAS;
  }
  return out;
}

/**
 * The load target `value` names, as the workload's `Target` will hold it: a resource of a type
 * that accepts load (by logical ID, name or ARN; a name shared across types means the one that
 * takes load), an implicit SAM target, or a qualified function reference (`name:alias`,
 * `MyFunction.Alias`) meaning that alias. Undefined when none matches.
 */
export function resolveLoadTarget(scenario: ScenarioView, value: string): { id: string; type: string } | undefined {
  for (const type of Object.keys(LOAD_TARGETS)) {
    const id = resolveResourceRef(scenario, value, type);
    if (id !== undefined) return { id, type };
  }
  const implicit = implicitTargets(scenario);
  if (Object.hasOwn(implicit, value)) return { id: value, type: implicit[value]! };
  const inv = invocationOf(scenario, value);
  if (inv?.Qualifier !== undefined) {
    const fn = scenario.Resources[inv.FunctionId]!.Properties as FunctionProperties;
    if (fn.AutoPublishAlias === inv.Qualifier) return { id: samAliasId(inv.FunctionId, inv.Qualifier), type: LAMBDA_ALIAS };
    const alias = Object.values(scenario.Resources).find(
      (r) => r.Type === LAMBDA_ALIAS && (r.Properties as LambdaAliasProperties).Name === inv.Qualifier && functionOf(scenario, r.LogicalId) === inv.FunctionId,
    );
    if (alias) return { id: alias.LogicalId, type: LAMBDA_ALIAS };
  }
  const id = resolveResourceRef(scenario, value);
  return id === undefined ? undefined : { id, type: scenario.Resources[id]!.Type };
}
