/**
 * Which resource types accept workload, and what a request to each must say about its work.
 * Later work adds Lambda functions, load balancers, queues, ...
 */
import type { WorkSpec } from '../workload/types';

export const LOAD_TARGETS: Record<string, { requires: (keyof WorkSpec)[] }> = {
  'AWS::ECS::Service': { requires: ['CpuMs'] },
};
