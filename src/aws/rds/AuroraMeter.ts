/**
 * Aurora usage meter for one cluster (integer usage; cost is computed at report time by
 * `auroraLineItems`). What Aurora bills (aws-facts 45, 86, 87):
 * - serverless capacity per second: ACUs × time, metered here as half-ACU-milliseconds (ACUs
 *   move in 0.5 steps, so Σ 2 × ACU × ms stays an exact integer); nothing while paused;
 * - provisioned DB instances per second with a 10-minute minimum, metered as run ms per instance;
 * - queries, from which storage I/O requests follow (`IoPerQuery`, billed on Aurora Standard only);
 * - storage GB-months, from the configured size and the run's length.
 */

/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** A cluster's billable usage. All integers. */
export interface AuroraUsage {
  /** Σ 2 × ACUs × ms of serverless capacity (v2 and v1 alike; the meter's `mode` says which). */
  halfAcuMs: number;
  /** Queries run (each costs `IoPerQuery` storage I/O requests). */
  queries: number;
  /** Run ms of each provisioned DB instance, keyed by the instance's logical ID. */
  provisionedMs: Record<string, number>;
  /** Length of the metered run, ms (storage is billed for it). */
  runMs: number;
}

export function emptyAuroraUsage(): AuroraUsage {
  return { halfAcuMs: 0, queries: 0, provisionedMs: {}, runMs: 0 };
}

export interface AuroraMeterState {
  usage: AuroraUsage;
}

export class AuroraMeter {
  usage: AuroraUsage = emptyAuroraUsage();

  /** Meters `acu` ACUs (a multiple of 0.5) held for `ms` whole milliseconds. */
  addCapacity(acu: number, ms: number): void {
    if (!(ms > 0) || !(acu > 0)) return;
    this.usage.halfAcuMs += Math.round(acu * 2) * Math.round(ms);
  }

  /** Meters `n` queries. */
  addQueries(n: number): void {
    this.usage.queries += n;
  }

  /** Ends metering at `endMs`: provisioned instances ran the whole run. */
  finish(endMs: number, provisionedIds: readonly string[]): void {
    this.usage.runMs = Math.round(endMs);
    for (const id of provisionedIds) this.usage.provisionedMs[id] = Math.round(endMs);
  }

  checkpoint(): AuroraMeterState {
    return { usage: { ...this.usage, provisionedMs: { ...this.usage.provisionedMs } } };
  }

  restore(s: AuroraMeterState): void {
    this.usage = { ...s.usage, provisionedMs: { ...s.usage.provisionedMs } };
  }
}
