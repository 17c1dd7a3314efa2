/**
 * The kinds of the events a cluster model addresses to itself (the engine's `kind`; `arg` is
 * an id or an index). Events are data, so these numbers are part of every checkpoint: never
 * renumber them.
 *   0..  task lifecycle events (arg = task id), 100.. instance lifecycle events (arg = instance id),
 *   200 capacity-provider evaluation (arg = group index), 210/211 Spot warning for a task/instance,
 *   212 Spot instance reclaimed, 220/221 fault strikes / its window ends, 222 zone back up,
 *   230 deployment starts.
 */
import { instanceLifecycle } from './containerInstanceLifecycle';
import { taskLifecycle } from './taskLifecycle';

/** Task events by kind: kind k is `TASK_EVENTS[k]`. */
export const TASK_EVENTS = taskLifecycle.events;
/** Instance events by kind: kind `K_INSTANCE + k` is `INSTANCE_EVENTS[k]`. */
export const INSTANCE_EVENTS = instanceLifecycle.events;
export const K_INSTANCE = 100;
export const K_CAS = 200;
export const K_SPOT_TASK = 210;
export const K_SPOT_INSTANCE = 211;
export const K_SPOT_RECLAIM = 212;
export const K_FAULT = 220;
export const K_FAULT_END = 221;
export const K_ZONE_UP = 222;
export const K_DEPLOY = 230;

/** Cluster auto scaling evaluates each capacity provider once a minute (fact 17). */
export const CAS_PERIOD_MS = 60_000;
