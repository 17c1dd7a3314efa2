/**
 * A container instance's lifecycle: the EC2 instance launches and boots, the ECS agent
 * registers it (REGISTERING), it takes tasks while ACTIVE, takes none while DRAINING (and its
 * service tasks are replaced elsewhere), and is terminated. Sources: ECS API
 * `ContainerInstance.status` (ACTIVE, DRAINING, REGISTERING, DEREGISTERING, INACTIVE) and
 * "Container instance draining" (aws-facts.md facts 7–9). Only ACTIVE ↔ DRAINING can be set by a
 * user; DRAINING is allowed only from ACTIVE.
 */
import { createMachine } from 'xstate';
import { compileLifecycle } from '../../engine';

export type InstanceStatus = 'LAUNCHING' | 'REGISTERING' | 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'TERMINATED';
export type InstanceEvent = 'BOOTED' | 'REGISTERED' | 'DRAIN' | 'ACTIVATE' | 'TERMINATE' | 'DEREGISTERED';

export const containerInstanceMachine = createMachine({
  id: 'containerInstance',
  initial: 'LAUNCHING',
  states: {
    LAUNCHING: { on: { BOOTED: 'REGISTERING', TERMINATE: 'DEREGISTERING' } },
    REGISTERING: { on: { REGISTERED: 'ACTIVE', TERMINATE: 'DEREGISTERING' } },
    ACTIVE: { on: { DRAIN: 'DRAINING', TERMINATE: 'DEREGISTERING' } },
    DRAINING: { on: { ACTIVATE: 'ACTIVE', TERMINATE: 'DEREGISTERING' } },
    DEREGISTERING: { on: { DEREGISTERED: 'TERMINATED' } },
    TERMINATED: { type: 'final' },
  },
});

export const instanceLifecycle = compileLifecycle<InstanceStatus, InstanceEvent>(containerInstanceMachine);

export const IS = {
  LAUNCHING: instanceLifecycle.indexOf('LAUNCHING'),
  REGISTERING: instanceLifecycle.indexOf('REGISTERING'),
  ACTIVE: instanceLifecycle.indexOf('ACTIVE'),
  DRAINING: instanceLifecycle.indexOf('DRAINING'),
  DEREGISTERING: instanceLifecycle.indexOf('DEREGISTERING'),
  TERMINATED: instanceLifecycle.indexOf('TERMINATED'),
} as const;
