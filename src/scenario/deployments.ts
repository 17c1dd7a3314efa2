/**
 * The top-level `Deployments:` list: at a time, a service starts rolling to another task
 * definition. `checkDeployments` resolves the service and task definition to logical IDs and
 * checks that the task definition can run where the service runs.
 */
import { z } from 'zod';
import {
  ECS_SERVICE,
  ECS_TASK_DEFINITION,
  type EcsTaskDefinitionProperties,
  fargateTaskIssues,
  isFargateCapacity,
  serviceCapacity,
} from '../aws/ecs/schema';
import { duration, strictObject } from './fields';
import { describeValue, type IssueList } from './issues';
import { resolveResourceRef } from './resourceRef';
import type { DeploymentSpec, Scenario } from './types';

export const DeploymentSchema = strictObject({
  At: duration().describe('When the deployment starts, since Start'),
  Service: z.string().describe('Logical ID of the AWS::ECS::Service (or !Ref)'),
  TaskDefinition: z.string().describe('Logical ID of the AWS::ECS::TaskDefinition to deploy (or !Ref)'),
});

/** Resolves and checks each deployment against the scenario; issues go to `list` under `Deployments[i]`. */
export function checkDeployments(
  deployments: DeploymentSpec[],
  scenario: Pick<Scenario, 'Resources' | 'Region'>,
  durationMs: number,
  list: IssueList,
): DeploymentSpec[] {
  const idsOf = (type: string) => Object.values(scenario.Resources).filter((r) => r.Type === type).map((r) => r.LogicalId);
  deployments.forEach((d, i) => {
    const at = (key: string) => ['Deployments', i, key];
    if (d.At >= durationMs) list.add(at('At'), `must be before Duration (${durationMs} ms), got ${d.At} ms: the deployment would never start`);
    const serviceId = resolveResourceRef(scenario, d.Service, ECS_SERVICE);
    const tdId = resolveResourceRef(scenario, d.TaskDefinition, ECS_TASK_DEFINITION);
    if (serviceId === undefined) {
      list.add(at('Service'), `${describeValue(d.Service)} is not an ECS service in this scenario; services: ${idsOf(ECS_SERVICE).join(', ') || '(none)'}`);
    } else d.Service = serviceId;
    if (tdId === undefined) {
      list.add(at('TaskDefinition'), `${describeValue(d.TaskDefinition)} is not a task definition in this scenario; task definitions: ${idsOf(ECS_TASK_DEFINITION).join(', ') || '(none)'}`);
      return;
    }
    d.TaskDefinition = tdId;
    if (serviceId === undefined) return;
    const td = scenario.Resources[tdId]!;
    const compat = (td.Properties as EcsTaskDefinitionProperties).RequiresCompatibilities;
    if (isFargateCapacity(serviceCapacity(scenario, scenario.Resources[serviceId]!))) {
      const problem = compat !== undefined && !compat.includes('FARGATE') ? `it is not Fargate-compatible (RequiresCompatibilities: ${compat.join(', ')})` : fargateTaskIssues(td)[0]?.message;
      if (problem) list.add(at('TaskDefinition'), `${tdId} cannot run on Fargate, where ${serviceId} runs: ${problem}`);
    } else if (compat !== undefined && !compat.includes('EC2')) {
      list.add(at('TaskDefinition'), `${tdId} cannot run on EC2 instances, where ${serviceId} runs: RequiresCompatibilities is ${compat.join(', ')}`);
    }
  });
  return deployments;
}
