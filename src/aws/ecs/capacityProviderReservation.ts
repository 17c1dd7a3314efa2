/**
 * ECS cluster auto scaling (managed scaling of an Auto Scaling group capacity provider), as pure
 * functions: the `CapacityProviderReservation` metric and the desired capacity one evaluation
 * (every minute) leads to. The caller supplies the binpack estimate, the warm-up state and the
 * alarm timing (scale-in alarms need 15 one-minute datapoints); see docs/models/ec2-capacity.md.
 *
 * Sources: ECS Developer Guide "Amazon ECS cluster auto scaling" (archived 2023) [A-old], ECS API
 * `ManagedScaling` [A], AWS Containers blog "Deep dive on Amazon ECS cluster auto scaling" (CPR
 * = M / N × 100) and "Faster scaling-in for Amazon ECS cluster auto scaling" (50 % per step) [B];
 * aws-facts.md facts 17–24.
 */

function checkCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be an integer ≥ 0, got ${v}`);
}

/**
 * `CapacityProviderReservation`, percent: M / N × 100, with M the instances needed (instances
 * running a non-daemon task plus those the binpack estimate needs for tasks waiting for
 * capacity) and N the instances in the group. With N = 0 it is 100 when M = 0 and 200 when
 * M > 0 (ECS "always scales out to 200 %").
 *
 * While scaling in, the ECS guide publishes 100 − (empty instances) instead (2 empty → 98 %);
 * that value only says "below target" and cannot size a target-tracking step (ceil(10 × 98 /
 * 100) = 10 removes nothing), so this model uses M / N throughout: 10 instances, 2 empty → 80 %.
 * @throws RangeError if a count is not an integer ≥ 0.
 */
export function capacityProviderReservation({
  instancesRunning,
  instancesNeeded,
}: {
  instancesRunning: number;
  instancesNeeded: number;
}): number {
  checkCount('instancesRunning', instancesRunning);
  checkCount('instancesNeeded', instancesNeeded);
  if (instancesRunning === 0) return instancesNeeded === 0 ? 100 : 200;
  return (instancesNeeded / instancesRunning) * 100;
}

/** One managed-scaling evaluation's inputs. */
export interface ManagedScalingInput {
  /** N: instances in the group now (launching ones included). */
  current: number;
  /**
   * Instances the binpack estimate needs beyond the current ones for tasks waiting for capacity
   * (0 when every waiting task fits); tasks larger than the smallest instance type excluded.
   */
  pendingTasksNeedInstances: number;
  /** Instances running no non-daemon task (≤ `current`). */
  emptyInstances: number;
  /** Capacity provider `targetCapacity`, percent, > 0 and ≤ 100 (default 100). */
  targetCapacity: number;
  /** `minimumScalingStepSize` (default 1): the fewest instances one scale-out adds. */
  minStep: number;
  /** `maximumScalingStepSize` (default 10,000): the most instances one scale-out adds. */
  maxStep: number;
  /** Auto Scaling group MinSize and MaxSize. */
  minSize: number;
  maxSize: number;
  /** Some instance launched by this group is still within `instanceWarmupPeriod`: no new scale-out. */
  warmingUp: boolean;
  /**
   * The group has more than one instance type or Availability Zone: per the `ManagedScaling` API
   * reference, ECS then scales out by exactly `minStep`, ignoring `maxStep` and the demand.
   * Default false.
   */
  multipleTypesOrZones?: boolean;
}

/** M: instances needed = (current − empty) + instances needed for waiting tasks. */
export function instancesNeeded(input: Pick<ManagedScalingInput, 'current' | 'emptyInstances' | 'pendingTasksNeedInstances'>): number {
  return input.current - Math.min(input.emptyInstances, input.current) + input.pendingTasksNeedInstances;
}

function validate(i: ManagedScalingInput): void {
  for (const k of ['current', 'pendingTasksNeedInstances', 'emptyInstances', 'minStep', 'maxStep', 'minSize', 'maxSize'] as const) {
    checkCount(k, i[k]);
  }
  if (i.emptyInstances > i.current) throw new RangeError(`emptyInstances (${i.emptyInstances}) exceeds current (${i.current})`);
  if (!(i.targetCapacity > 0 && i.targetCapacity <= 100)) {
    throw new RangeError(`targetCapacity must be > 0 and ≤ 100, got ${i.targetCapacity}`);
  }
  if (i.minStep < 1 || i.maxStep < i.minStep) throw new RangeError(`need 1 ≤ minStep ≤ maxStep, got ${i.minStep} and ${i.maxStep}`);
  if (i.maxSize < i.minSize) throw new RangeError(`maxSize (${i.maxSize}) is below minSize (${i.minSize})`);
}

/**
 * The group's desired capacity after one managed-scaling evaluation, within [minSize, maxSize]:
 * - needed = ceil(M × 100 / targetCapacity) (targetCapacity < 100 keeps spare, empty instances);
 * - CPR > target: unless warming up, add clamp(needed − N, minStep, maxStep); from N = 0 add
 *   clamp(2, minStep, maxStep) (the guide's "200 %, two instances"); with several instance types
 *   or zones, exactly minStep;
 * - CPR < target: remove min(empty, N − needed, max(1, floor(N / 2))) instances (only empty
 *   instances go; at most 50 % of the group per step);
 * - otherwise (and with N = 0, M = 0) keep N.
 * @throws RangeError for counts that are not integers ≥ 0 or settings out of AWS's ranges.
 */
export function managedScalingDesired(input: ManagedScalingInput): number {
  validate(input);
  const { current: n, emptyInstances, targetCapacity, minStep, maxStep, minSize, maxSize, warmingUp } = input;
  const size = (x: number): number => Math.min(maxSize, Math.max(minSize, x));
  const step = (x: number): number => (input.multipleTypesOrZones ? minStep : Math.min(maxStep, Math.max(minStep, x)));
  const m = instancesNeeded(input);
  if (n === 0) {
    if (m === 0 || warmingUp) return size(0);
    return size(step(2));
  }
  const needed = Math.ceil((m * 100) / targetCapacity - 1e-9);
  if (m * 100 > targetCapacity * n) {
    if (warmingUp) return size(n);
    return size(n + step(needed - n));
  }
  if (m * 100 < targetCapacity * n) {
    const remove = Math.max(0, Math.min(emptyInstances, n - needed, Math.max(1, Math.floor(n / 2))));
    return size(n - remove);
  }
  return size(n);
}
