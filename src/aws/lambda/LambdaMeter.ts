/**
 * Lambda usage meter for one function (integer usage; cost is computed at report time by
 * `lambdaLineItems`). What AWS bills (aws-facts.md 4.5, docs/models/lambda-billing.md):
 * - a request per invocation, plus one per further 64 KiB of an asynchronous event above 256 KiB;
 * - duration per invocation, rounded up to the millisecond (fact 72), × configured memory,
 *   on-demand and provisioned-concurrency invocations apart (they have different rates);
 * - the INIT phase of an on-demand cold start when it is billed (fact 69; see `isInitBilled`);
 * - configured provisioned concurrency × memory for as long as it is configured, from enable to
 *   disable rounded up to 5 minutes (fact 64);
 * - ephemeral storage configured above 512 MB × billed duration (fact 77).
 * Memory is in MB as Lambda configures it (1 MB = 1 MiB); usage is MB-ms, and a GB-second is
 * 1,024 MB × 1,000 ms. Sums stay exact integers up to 2^53 MB-ms (about 8.8 billion GB-s).
 */
import type { LambdaPrices } from '../../pricing';

/** Instruction set of a function (CloudFormation `Architectures`). */
export type LambdaArchitecture = 'x86_64' | 'arm64';

/** MB-ms in one GB-second (GB = 1,024 MB). */
export const MB_MS_PER_GB_SECOND = 1_024_000;

/** A function's (or an architecture's) billable usage. All integers. */
export interface LambdaUsage {
  /** Invocations metered. */
  invocations: number;
  /** Billed requests: one per invocation plus the extra ones of large asynchronous events. */
  requests: number;
  /** Of `requests`, those of invocations served by provisioned concurrency (outside the free tier). */
  provisionedRequests: number;
  /** Σ billed ms × memory MB of invocations served on demand. */
  durationMbMs: number;
  /** Σ billed ms × memory MB of invocations served by provisioned concurrency. */
  provisionedDurationMbMs: number;
  /** Σ billed INIT ms × memory MB of on-demand cold starts, when INIT is billed. */
  initMbMs: number;
  /** Σ configured provisioned concurrency × memory MB × ms configured (rounding included). */
  provisionedMbMs: number;
  /** Σ ephemeral storage MB above the free 512 MB × billed ms (invocations and billed INIT). */
  ephemeralExtraMbMs: number;
}

/** A usage with nothing in it. */
export function emptyLambdaUsage(): LambdaUsage {
  return {
    invocations: 0,
    requests: 0,
    provisionedRequests: 0,
    durationMbMs: 0,
    provisionedDurationMbMs: 0,
    initMbMs: 0,
    provisionedMbMs: 0,
    ephemeralExtraMbMs: 0,
  };
}

/** Adds `from` into `into` (to aggregate functions of one architecture); returns `into`. */
export function addLambdaUsage(into: LambdaUsage, from: Readonly<LambdaUsage>): LambdaUsage {
  into.invocations += from.invocations;
  into.requests += from.requests;
  into.provisionedRequests += from.provisionedRequests;
  into.durationMbMs += from.durationMbMs;
  into.provisionedDurationMbMs += from.provisionedDurationMbMs;
  into.initMbMs += from.initMbMs;
  into.provisionedMbMs += from.provisionedMbMs;
  into.ephemeralExtraMbMs += from.ephemeralExtraMbMs;
  return into;
}

/**
 * Billed ms of a run of `durationMs`: rounded up to the next whole ms (fact 72), at least 1 ms for
 * any positive duration, 0 for none. A picosecond of slack keeps float noise (120.0000000001 ms
 * from a subtraction) from billing an extra ms.
 */
export function billedDurationMs(durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return Math.max(1, Math.ceil(durationMs - 1e-9));
}

/**
 * Requests billed for one asynchronous invocation whose event is `payloadBytes` long: 1 for the
 * first 256 KiB, then 1 per further 64 KiB or part (fact 57; KiB = 1,024 bytes). Events above the
 * 1 MiB limit are billed as at the limit (Lambda rejects them).
 */
export function asyncBilledRequests(
  payloadBytes: number,
  rules: LambdaPrices['asyncPayload'] = { includedKiB: 256, chunkKiB: 64, maxKiB: 1024 },
): number {
  const bytes = Math.min(Math.max(0, payloadBytes), rules.maxKiB * 1024);
  const over = bytes - rules.includedKiB * 1024;
  return over > 0 ? 1 + Math.ceil(over / (rules.chunkKiB * 1024)) : 1;
}

/** How one function is configured, as far as billing goes. */
export interface LambdaMeterConfig {
  /** Configured memory, MB (128–10,240). */
  memoryMB: number;
  architecture: LambdaArchitecture;
  /** Configured ephemeral storage (`/tmp`), MB (512–10,240). */
  ephemeralStorageMB: number;
  /** Whether on-demand INIT time is billed (see `isInitBilled`). */
  billInit: boolean;
}

/** The billing rules the meter needs, as in the price table's `lambda` group. */
export type LambdaMeterRules = Pick<LambdaPrices, 'freeEphemeralStorageMiB' | 'provisionedRoundingSeconds'>;

/** A meter's state, JSON-able, for engine checkpoints. */
export interface LambdaMeterState {
  usage: LambdaUsage;
  /** Provisioned concurrency configured now (0 = disabled). */
  provisioned: number;
  /** Time the current level was metered up to, ms. */
  provisionedSinceMs: number;
  /** When provisioned concurrency was last enabled (0 → positive), ms; −1 while disabled. */
  provisionedEnabledAtMs: number;
}

export class LambdaMeter {
  usage: LambdaUsage = emptyLambdaUsage();
  private provisioned = 0;
  private provisionedSinceMs = 0;
  private provisionedEnabledAtMs = -1;
  private readonly extraStorageMB: number;
  private readonly roundingMs: number;

  constructor(
    readonly config: Readonly<LambdaMeterConfig>,
    rules: LambdaMeterRules,
  ) {
    if (!(config.memoryMB > 0) || !Number.isInteger(config.memoryMB)) {
      throw new RangeError(`LambdaMeter: memoryMB must be a positive integer, got ${config.memoryMB}`);
    }
    this.extraStorageMB = Math.max(0, Math.round(config.ephemeralStorageMB) - rules.freeEphemeralStorageMiB);
    this.roundingMs = rules.provisionedRoundingSeconds * 1000;
  }

  /**
   * Meters one invocation that ran `durationMs` (handler time; for an on-demand cold start the
   * INIT time goes to `init`), served by provisioned concurrency or on demand, billed as
   * `requests` requests (see `asyncBilledRequests`). Returns the billed ms. No allocation.
   */
  invoke(durationMs: number, onProvisioned: boolean, requests = 1): number {
    const ms = billedDurationMs(durationMs);
    const u = this.usage;
    u.invocations += 1;
    u.requests += requests;
    if (onProvisioned) {
      u.provisionedRequests += requests;
      u.provisionedDurationMbMs += ms * this.config.memoryMB;
    } else {
      u.durationMbMs += ms * this.config.memoryMB;
    }
    u.ephemeralExtraMbMs += ms * this.extraStorageMB;
    return ms;
  }

  /**
   * Meters the INIT phase of an on-demand cold start that took `initMs`: billed, rounded up to
   * the ms, when the function's INIT is billed; nothing otherwise. Environments of provisioned
   * concurrency initialise inside the provisioned charge: do not meter them here.
   * Returns the billed ms (0 when not billed).
   */
  init(initMs: number): number {
    if (!this.config.billInit) return 0;
    const ms = billedDurationMs(initMs);
    this.usage.initMbMs += ms * this.config.memoryMB;
    this.usage.ephemeralExtraMbMs += ms * this.extraStorageMB;
    return ms;
  }

  /**
   * Provisioned concurrency is `concurrency` from `atMs` on (0 disables it). A change of level
   * meters the old level up to `atMs`; disabling also bills the enabled span up to the next
   * multiple of the rounding (5 minutes) at the last level. Times must not go backwards.
   */
  setProvisioned(concurrency: number, atMs: number): void {
    if (!(concurrency >= 0) || !Number.isInteger(concurrency)) {
      throw new RangeError(`LambdaMeter: provisioned concurrency must be an integer ≥ 0, got ${concurrency}`);
    }
    this.meterProvisioned(atMs);
    if (concurrency === 0 && this.provisioned > 0) {
      const span = atMs - this.provisionedEnabledAtMs;
      const rounded = Math.ceil(span / this.roundingMs - 1e-12) * this.roundingMs;
      this.usage.provisionedMbMs += Math.round(rounded - span) * this.provisioned * this.config.memoryMB;
      this.provisionedEnabledAtMs = -1;
    } else if (concurrency > 0 && this.provisioned === 0) {
      this.provisionedEnabledAtMs = atMs;
    }
    this.provisioned = concurrency;
  }

  /**
   * Ends metering at the end of the run: provisioned concurrency still configured is billed up
   * to `endMs`, not rounded (it has not been disabled), as Fargate tasks still running are.
   */
  finish(endMs: number): void {
    this.meterProvisioned(endMs);
  }

  /** Provisioned concurrency configured now. */
  get provisionedConcurrency(): number {
    return this.provisioned;
  }

  checkpoint(): LambdaMeterState {
    return {
      usage: { ...this.usage },
      provisioned: this.provisioned,
      provisionedSinceMs: this.provisionedSinceMs,
      provisionedEnabledAtMs: this.provisionedEnabledAtMs,
    };
  }

  restore(state: LambdaMeterState): void {
    this.usage = { ...state.usage };
    this.provisioned = state.provisioned;
    this.provisionedSinceMs = state.provisionedSinceMs;
    this.provisionedEnabledAtMs = state.provisionedEnabledAtMs;
  }

  private meterProvisioned(atMs: number): void {
    if (atMs < this.provisionedSinceMs) {
      throw new RangeError(`LambdaMeter: time went backwards (${atMs} ms < ${this.provisionedSinceMs} ms)`);
    }
    // Integer ms keep MB-ms integral; the engine's times are whole ms.
    this.usage.provisionedMbMs += Math.round(atMs - this.provisionedSinceMs) * this.provisioned * this.config.memoryMB;
    this.provisionedSinceMs = atMs;
  }
}
