/**
 * Application Load Balancer usage meter: requests per billing hour (integers) and the hours the
 * ALB existed. LCUs are derived at report time from the requests and the scenario's traffic
 * assumptions (bytes per request and response, connection reuse and lifetime, rules per request),
 * which the simulator does not model request by request.
 *
 * Billing hours are the hours [k h, (k + 1) h) of simulated time (the run starts on the hour).
 * AWS bills "each hour or partial hour" an ALB exists (Price List: "per LoadBalancer-hour (or
 * partial hour)"), so every billing hour the ALB exists in for any part is one ALB-hour, and an
 * hour's LCUs are its traffic averaged over the whole hour.
 */
import type { AlbTargetKind } from './albLcus';

export const HOUR_MS = 3_600_000;

/** What the simulator assumes about each request's traffic; scenario settings, not AWS facts. */
export interface AlbTrafficAssumptions {
  /** Bytes per request reaching the ALB (headers and body). Default 1,000. */
  requestBytes: number;
  /** Bytes per response sent back through the ALB. Default 10,000. */
  responseBytes: number;
  /** Requests a client sends over one connection (keep-alive reuse), ≥ 1. Default 10. */
  requestsPerConnection: number;
  /** How long a client connection stays active, seconds (concurrency = new connections/s × this). Default 10. */
  connectionSeconds: number;
  /** Listener rules processed per request; the first `freeRulesPerRequest` (10) are free. Default 1. */
  rulesPerRequest: number;
  /** Target kind, for the processed-bytes dimension. Default `instances` (EC2, containers, IP). */
  targets: AlbTargetKind;
}

export const ALB_TRAFFIC_DEFAULTS: Readonly<AlbTrafficAssumptions> = Object.freeze({
  requestBytes: 1_000,
  responseBytes: 10_000,
  requestsPerConnection: 10,
  connectionSeconds: 10,
  rulesPerRequest: 1,
  targets: 'instances',
});

export interface AlbUsage {
  /** Billed ALB-hours: billing hours in which the ALB existed for any part. */
  albHours: number;
  /** Seconds the ALB existed, rounded up. */
  existedSeconds: number;
  /** Requests in billing hour k at index k (from time 0; hours before creation hold 0). */
  requestsByHour: number[];
  assumptions: Readonly<AlbTrafficAssumptions>;
}

export class AlbMeter {
  readonly assumptions: Readonly<AlbTrafficAssumptions>;
  /** Requests per billing hour, index = hour of simulated time. */
  requestsByHour: number[] = [];

  /**
   * @param options traffic assumptions overriding `ALB_TRAFFIC_DEFAULTS`.
   * @param createdAtMs when the ALB was created, ms of simulated time.
   * @throws RangeError for a negative byte count or duration, or fewer than 1 request per connection.
   */
  constructor(
    options: Partial<AlbTrafficAssumptions> = {},
    readonly createdAtMs = 0,
  ) {
    const a = { ...ALB_TRAFFIC_DEFAULTS, ...options };
    for (const k of ['requestBytes', 'responseBytes', 'connectionSeconds', 'rulesPerRequest'] as const) {
      if (!(a[k] >= 0) || !Number.isFinite(a[k])) throw new RangeError(`AlbMeter: ${k} must be a finite number ≥ 0, got ${a[k]}`);
    }
    if (!(a.requestsPerConnection >= 1) || !Number.isFinite(a.requestsPerConnection)) {
      throw new RangeError(`AlbMeter: requestsPerConnection must be ≥ 1, got ${a.requestsPerConnection}`);
    }
    this.assumptions = Object.freeze(a);
  }

  /** Counts `requests` (an integer) arriving in the tick that starts at `atMs`; the tick's hour is the hour of `atMs`. */
  record(atMs: number, requests: number): void {
    if (requests <= 0) return;
    const hour = Math.floor(atMs / HOUR_MS);
    const byHour = this.requestsByHour;
    while (byHour.length <= hour) byHour.push(0);
    byHour[hour]! += requests;
  }

  /** Usage of an ALB that exists from `createdAtMs` until `endMs` (deleted, or the run's end). */
  usage(endMs: number): AlbUsage {
    const exists = endMs > this.createdAtMs;
    return {
      albHours: exists ? Math.ceil(endMs / HOUR_MS) - Math.floor(this.createdAtMs / HOUR_MS) : 0,
      existedSeconds: exists ? Math.ceil((endMs - this.createdAtMs) / 1000 - 1e-9) : 0,
      requestsByHour: [...this.requestsByHour],
      assumptions: this.assumptions,
    };
  }
}
