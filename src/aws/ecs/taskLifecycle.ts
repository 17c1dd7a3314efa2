/**
 * The ECS task lifecycle (lastStatus), as AWS documents it: PROVISIONING → PENDING → ACTIVATING
 * → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED. A stop requested before the
 * task runs skips the states it never reached. Source: ECS Developer Guide, "Task lifecycle".
 *
 * The machine is the single definition of legal transitions; tasks store a state index and
 * move through `taskLifecycle.next` (a table compiled from this machine), so thousands of tasks
 * cost no actors and checkpoint as plain numbers.
 */
import { createMachine } from 'xstate';
import { compileLifecycle } from '../../engine';

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type TaskEvent =
  /** Network interface attached, capacity found. */
  | 'PROVISIONED'
  /** Image pulled and containers started. */
  | 'STARTED'
  /** Post-start work done (load balancer registration, service discovery). */
  | 'ACTIVATED'
  /** desiredStatus set to STOPPED. */
  | 'STOP'
  /** Pre-stop work done (deregistration). */
  | 'DEACTIVATED'
  /** Containers exited (SIGTERM, then SIGKILL after stopTimeout). */
  | 'EXITED'
  /** Network interface detached. */
  | 'DEPROVISIONED';

export const taskMachine = createMachine({
  id: 'ecsTask',
  initial: 'PROVISIONING',
  states: {
    PROVISIONING: { on: { PROVISIONED: 'PENDING', STOP: 'DEPROVISIONING' } },
    PENDING: { on: { STARTED: 'ACTIVATING', STOP: 'STOPPING' } },
    ACTIVATING: { on: { ACTIVATED: 'RUNNING', STOP: 'DEACTIVATING' } },
    RUNNING: { on: { STOP: 'DEACTIVATING' } },
    DEACTIVATING: { on: { DEACTIVATED: 'STOPPING' } },
    STOPPING: { on: { EXITED: 'DEPROVISIONING' } },
    DEPROVISIONING: { on: { DEPROVISIONED: 'STOPPED' } },
    STOPPED: { type: 'final' },
  },
});

export const taskLifecycle = compileLifecycle<TaskStatus, TaskEvent>(taskMachine);

/** State indices, hoisted for the hot path. */
export const TS = {
  PROVISIONING: taskLifecycle.indexOf('PROVISIONING'),
  PENDING: taskLifecycle.indexOf('PENDING'),
  ACTIVATING: taskLifecycle.indexOf('ACTIVATING'),
  RUNNING: taskLifecycle.indexOf('RUNNING'),
  DEACTIVATING: taskLifecycle.indexOf('DEACTIVATING'),
  STOPPING: taskLifecycle.indexOf('STOPPING'),
  DEPROVISIONING: taskLifecycle.indexOf('DEPROVISIONING'),
  STOPPED: taskLifecycle.indexOf('STOPPED'),
} as const;
