/** When a new Spot instance or Fargate Spot task will be interrupted (Settings.Spot.InterruptionsPerInstanceHour). */
import type { ClusterWorld } from './clusterWorld';

/**
 * Draws the delay to the interruption, ms from now: exponential at the configured rate, one
 * draw from the cluster's Spot stream. Undefined when the rate is 0 or the draw falls after the end.
 */
export function drawInterruption(world: ClusterWorld): number | undefined {
  const perHour = world.spot.interruptionsPerInstanceHour;
  if (!(perHour > 0)) return undefined;
  const ms = (-Math.log(1 - world.random.next()) / perHour) * 3_600_000;
  return world.engine.nowMs + ms <= world.engine.durationMs ? ms : undefined;
}
