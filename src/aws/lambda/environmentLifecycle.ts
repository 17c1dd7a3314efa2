/**
 * A Lambda execution environment's lifecycle (Lambda DG, "Lambda execution environment
 * lifecycle", aws-facts fact 68): INIT (download code, start the runtime, run static code), then
 * invocations; between invocations the environment is frozen (IDLE) and may be reused; it is
 * shut down (REAPED) after an idle lifetime AWS does not publish. Provisioned environments are
 * initialised ahead and never reaped while configured.
 *
 * Compiled into a table (`compileLifecycle`): environments are rows of typed arrays.
 */
import { createMachine } from 'xstate';
import { compileLifecycle } from '../../engine';

export type EnvironmentState = 'INITIALIZING' | 'BUSY' | 'IDLE' | 'REAPED';
export type EnvironmentEvent = 'INITIALIZED' | 'INVOKE' | 'DONE' | 'REAP';

export const environmentMachine = createMachine({
  id: 'lambdaEnvironment',
  initial: 'INITIALIZING',
  states: {
    INITIALIZING: { on: { INITIALIZED: 'BUSY', DONE: 'IDLE' } },
    BUSY: { on: { DONE: 'IDLE' } },
    IDLE: { on: { INVOKE: 'BUSY', REAP: 'REAPED' } },
    REAPED: { type: 'final' },
  },
});

export const environmentLifecycle = compileLifecycle<EnvironmentState, EnvironmentEvent>(environmentMachine);

export const ES = {
  INITIALIZING: environmentLifecycle.indexOf('INITIALIZING'),
  BUSY: environmentLifecycle.indexOf('BUSY'),
  IDLE: environmentLifecycle.indexOf('IDLE'),
  REAPED: environmentLifecycle.indexOf('REAPED'),
} as const;
