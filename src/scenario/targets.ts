/**
 * Which resource types accept workload, and what a request to each must say about its work.
 * A load balancer passes its requests to the ECS service behind its listeners' default target
 * groups, so a request to it needs what that service needs. Later work adds Lambda functions,
 * queues, ...
 */
import { loadBalancerServices } from '../aws/elbv2/schema';
import type { WorkSpec } from '../workload/types';
import type { Scenario } from './types';

export interface LoadTarget {
  /** Work keys a request to this type must give. */
  requires: (keyof WorkSpec)[];
  /** For types that pass requests on: the logical ID of the resource that serves them, or why there is none. */
  servedBy?: (scenario: Pick<Scenario, 'Resources' | 'Region'>, logicalId: string) => { id: string } | { error: string };
}

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
};
