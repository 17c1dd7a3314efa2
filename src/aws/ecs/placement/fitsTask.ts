/**
 * Step 1 of ECS placement: does the instance have what the task reserves? (Fact 14: CPU,
 * memory, network interface for `awsvpc`, host port.) Constraints and strategies come after.
 */
import type { PlacementInstance, TaskNeeds } from './types';

/**
 * True when `inst` is ACTIVE and has the task's CPU units, memory, a free network interface
 * (`awsvpc` tasks) and its static host port free. An `awsvpc` task's ports live on its own
 * interface, so they never clash with other tasks' ports; host port 0 means a dynamic port.
 */
export function fitsTask(inst: PlacementInstance, needs: TaskNeeds): boolean {
  if (!inst.active || inst.cpuFree < needs.cpuUnits || inst.memoryFreeMiB < needs.memoryMiB) return false;
  if (needs.awsvpc) return inst.eniFree >= 1;
  const port = needs.hostPort;
  return port === undefined || port === 0 || inst.portsInUse === undefined || !inst.portsInUse(port);
}
