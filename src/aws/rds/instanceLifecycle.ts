/**
 * The capacity lifecycle of one Aurora DB instance (Serverless v2 `db.serverless`, or a v1
 * cluster's single capacity), as an XState machine compiled into a table (`compileLifecycle`).
 * The machine says which moves are legal; the per-second measurement, the ACU arithmetic and
 * the timings are plain data in `DatabaseModel`, and timed ends arrive as engine events.
 *
 * - ACTIVE: serving at its capacity; may start a scale-up, take a scale-down step, or pause.
 * - SCALING: ACUs from the host's warm pool are on their way (a second or two); serving.
 * - MOVING: the pool is short, the instance is moving to a host with room; serving at its old capacity.
 * - STALLED: the switch to the new host: queries wait until it ends, then the new capacity serves.
 * - PAUSED: auto-paused at 0 ACU (no capacity charge); a connection starts RESUMING.
 * - RESUMING: coming back; queries wait until it ends.
 */
import { createMachine } from 'xstate';
import { compileLifecycle } from '../../engine';

export type InstanceState = 'ACTIVE' | 'SCALING' | 'MOVING' | 'STALLED' | 'PAUSED' | 'RESUMING';
export type InstanceEvent = 'SCALE_UP' | 'SCALED' | 'MOVE' | 'MOVED' | 'SWITCHED' | 'PAUSE' | 'RESUME' | 'RESUMED';

export const instanceMachine = createMachine({
  id: 'auroraInstance',
  initial: 'ACTIVE',
  states: {
    ACTIVE: { on: { SCALE_UP: 'SCALING', MOVE: 'MOVING', PAUSE: 'PAUSED' } },
    SCALING: { on: { SCALED: 'ACTIVE' } },
    MOVING: { on: { MOVED: 'STALLED' } },
    STALLED: { on: { SWITCHED: 'ACTIVE' } },
    PAUSED: { on: { RESUME: 'RESUMING' } },
    RESUMING: { on: { RESUMED: 'ACTIVE' } },
  },
});

export const instanceLifecycle = compileLifecycle<InstanceState, InstanceEvent>(instanceMachine);

export const IS = {
  ACTIVE: instanceLifecycle.indexOf('ACTIVE'),
  SCALING: instanceLifecycle.indexOf('SCALING'),
  MOVING: instanceLifecycle.indexOf('MOVING'),
  STALLED: instanceLifecycle.indexOf('STALLED'),
  PAUSED: instanceLifecycle.indexOf('PAUSED'),
  RESUMING: instanceLifecycle.indexOf('RESUMING'),
} as const;
