/**
 * An API Gateway API in front of a Lambda function: it throttles requests with a token bucket
 * (the stage's throttling, else the account's 10,000 requests per second with a burst of 5,000),
 * answers the rest to the function synchronously, and counts billed requests.
 */
import type { Component } from '../../engine';
import type { ArrivalBatch, ArrivalSink, WorkKey } from '../../workload';
import { TokenBucket, type TokenBucketState } from '../../engine';
import type { ApiFrontDoorKind } from './apiGatewayPricing';

interface Buffer {
  count: number;
  offsetsMs: Float64Array;
  work: Record<WorkKey, Float64Array | undefined>;
  tickStartMs: number;
  tickMs: number;
}

export class ApiGatewayModel implements Component, ArrivalSink {
  readonly name: string;
  /** Requests received and requests refused with 429. */
  requests = 0;
  throttled = 0;
  private readonly bucket: TokenBucket;
  private readonly out: Buffer = {
    count: 0,
    offsetsMs: new Float64Array(64),
    work: { CpuMs: undefined, DurationMs: undefined },
    tickStartMs: 0,
    tickMs: 0,
  };

  constructor(
    readonly logicalId: string,
    readonly kind: ApiFrontDoorKind,
    rateLimitPerSecond: number,
    burstLimit: number,
    private readonly target: ArrivalSink,
  ) {
    this.name = `api:${logicalId}`;
    this.bucket = new TokenBucket(burstLimit, rateLimitPerSecond);
  }

  deliver(batch: ArrivalBatch): void {
    const out = this.out;
    if (out.offsetsMs.length < batch.count) this.grow(batch.count);
    out.tickStartMs = batch.tickStartMs;
    out.tickMs = batch.tickMs;
    let n = 0;
    for (let i = 0; i < batch.count; i++) {
      this.requests++;
      if (this.bucket.take(batch.tickStartMs + batch.offsetsMs[i]!, 1) === 0) {
        this.throttled++;
        continue;
      }
      out.offsetsMs[n] = batch.offsetsMs[i]!;
      for (const key of ['CpuMs', 'DurationMs'] as const) {
        const src = batch.work[key];
        if (src === undefined) continue;
        let dst = out.work[key];
        if (dst === undefined || dst.length < out.offsetsMs.length) {
          dst = new Float64Array(out.offsetsMs.length);
          out.work[key] = dst;
        }
        dst[n] = src[i]!;
      }
      n++;
    }
    out.count = n;
    this.target.deliver(out);
  }

  private grow(n: number): void {
    let size = this.out.offsetsMs.length;
    while (size < n) size *= 2;
    this.out.offsetsMs = new Float64Array(size);
    for (const key of ['CpuMs', 'DurationMs'] as const) if (this.out.work[key] !== undefined) this.out.work[key] = new Float64Array(size);
  }

  checkpoint(): unknown {
    return { requests: this.requests, throttled: this.throttled, bucket: this.bucket.checkpoint() };
  }

  restore(state: unknown): void {
    const s = state as { requests: number; throttled: number; bucket: TokenBucketState };
    this.requests = s.requests;
    this.throttled = s.throttled;
    this.bucket.restore(s.bucket);
  }
}
