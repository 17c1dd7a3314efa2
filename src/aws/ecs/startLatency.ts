/**
 * How long a Fargate task spends in each start and stop phase.
 *
 * Default start model (measurements.md, "Fargate task start versus image size"): a base of
 * about 25 s (micro-VM, network interface, agent, container start) plus the image pull at about
 * 25 MiB/s, with no image cache between Fargate tasks. With the default image of 250 MiB this
 * gives 35 s, inside AWS's "30–45 seconds or longer" (aws-facts.md fact 39). The base splits as
 * PROVISIONING 10 s (network interface: "several seconds", fact 38), PENDING 13 s plus the pull,
 * ACTIVATING 2 s. A `StartLatency` knob replaces the total and keeps the phases' proportions.
 */

export interface StartPhasesMs {
  provisioningMs: number;
  /** Billing starts here: Fargate bills from the start of the image pull (fact 48). */
  pendingMs: number;
  activatingMs: number;
}

export interface StopPhasesMs {
  /** Deregistration delay (0 without a load balancer). */
  deactivatingMs: number;
  /** SIGTERM to exit. */
  stoppingMs: number;
  deprovisioningMs: number;
}

export const FARGATE_START_DEFAULTS = {
  provisioningMs: 10_000,
  pendingBaseMs: 13_000,
  activatingMs: 2_000,
  pullMiBPerSecond: 25,
} as const;

export const FARGATE_STOP_DEFAULTS: StopPhasesMs = {
  deactivatingMs: 0,
  stoppingMs: 2_000,
  deprovisioningMs: 5_000,
};

/** Start phases for an image of `imageSizeMiB`; `startLatencyMs`, when given, replaces the total. */
export function fargateStartPhases(imageSizeMiB: number, startLatencyMs?: number): StartPhasesMs {
  const d = FARGATE_START_DEFAULTS;
  const pending = d.pendingBaseMs + (imageSizeMiB / d.pullMiBPerSecond) * 1000;
  const phases = { provisioningMs: d.provisioningMs, pendingMs: pending, activatingMs: d.activatingMs };
  if (startLatencyMs === undefined) return phases;
  const total = phases.provisioningMs + phases.pendingMs + phases.activatingMs;
  const k = startLatencyMs / total;
  return {
    provisioningMs: phases.provisioningMs * k,
    pendingMs: phases.pendingMs * k,
    activatingMs: phases.activatingMs * k,
  };
}

/** Extra time for an awsvpc task's network interface on EC2 ("several seconds", fact 38). */
export const AWSVPC_ATTACH_MS = 5_000;
/** Container start after the image is there, on EC2. */
export const EC2_CONTAINER_START_MS = 3_000;

/**
 * Start phases of a task on an EC2 instance. With the image already on the instance (EC2 caches
 * images; fact 40) the task starts in `cachedPullMs`; otherwise the image is pulled at the same
 * rate as on Fargate. awsvpc tasks add the network interface attach.
 */
export function ec2StartPhases(
  imageSizeMiB: number,
  awsvpc: boolean,
  cached: boolean,
  cachedPullMs: number,
  startLatencyMs?: number,
): StartPhasesMs {
  const provisioningMs = awsvpc ? AWSVPC_ATTACH_MS : 0;
  const pull = cached ? cachedPullMs : EC2_CONTAINER_START_MS + (imageSizeMiB / FARGATE_START_DEFAULTS.pullMiBPerSecond) * 1000;
  const phases = { provisioningMs, pendingMs: pull, activatingMs: FARGATE_START_DEFAULTS.activatingMs };
  if (startLatencyMs === undefined || cached) return phases;
  const k = startLatencyMs / (phases.provisioningMs + phases.pendingMs + phases.activatingMs);
  return { provisioningMs: provisioningMs * k, pendingMs: pull * k, activatingMs: phases.activatingMs * k };
}
