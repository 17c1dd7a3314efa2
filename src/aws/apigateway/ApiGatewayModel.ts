/**
 * An API Gateway API in front of a Lambda function: it throttles requests with token buckets
 * (the stage's throttling when set, and the account's 10,000 requests per second with a burst of
 * 5,000, shared by every API of the account), passes the rest to the function synchronously, and
 * counts billed requests. A request refused by either bucket gets 429.
 */
import type { Component } from '../../engine';
import { type ArrivalBatch, type ArrivalSink, WORK_KEYS, type WorkKey } from '../../workload';
import { TokenBucket, type TokenBucketState } from '../../engine';
import type { ApiFrontDoorKind } from './apiGatewayPricing';

interface Buffer {
  count: number;
  offsetsMs: Float64Array;
  work: Record<WorkKey, Float64Array | undefined>;
  tickStartMs: number;
  tickMs: number;
}

export class ApiGatewayModel implements Component {
  readonly name: string;
  /** Requests received and requests refused with 429. */
  requests = 0;
  throttled = 0;
  private readonly stage: TokenBucket | undefined;
  private readonly out: Buffer = {
    count: 0,
    offsetsMs: new Float64Array(64),
    work: Object.fromEntries(WORK_KEYS.map((k) => [k, undefined])) as Record<WorkKey, Float64Array | undefined>,
    tickStartMs: 0,
    tickMs: 0,
  };

  constructor(
    readonly logicalId: string,
    readonly kind: ApiFrontDoorKind,
    /** The account's bucket, shared by its APIs (its owner checkpoints it). */
    private readonly account: TokenBucket,
    /** The stage's throttling, when it sets one. */
    stage: { rateLimit: number; burstLimit: number } | undefined,
  ) {
    this.name = `api:${logicalId}`;
    this.stage = stage === undefined ? undefined : new TokenBucket(stage.burstLimit, stage.rateLimit);
  }

  /**
   * The API's door for one workload: its requests pass the API's throttles, then go to `target`
   * (the integration's function, invoked with that workload's work).
   */
  sinkTo(target: ArrivalSink): ArrivalSink {
    return { deliver: (batch) => this.deliver(batch, target) };
  }

  deliver(batch: ArrivalBatch, target: ArrivalSink): void {
    const out = this.out;
    if (out.offsetsMs.length < batch.count) this.grow(batch.count);
    out.tickStartMs = batch.tickStartMs;
    out.tickMs = batch.tickMs;
    let n = 0;
    for (let i = 0; i < batch.count; i++) {
      this.requests++;
      const t = batch.tickStartMs + batch.offsetsMs[i]!;
      if ((this.stage !== undefined && this.stage.take(t, 1) === 0) || this.account.take(t, 1) === 0) {
        this.throttled++;
        continue;
      }
      out.offsetsMs[n] = batch.offsetsMs[i]!;
      for (const key of WORK_KEYS) {
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
    target.deliver(out);
  }

  private grow(n: number): void {
    let size = this.out.offsetsMs.length;
    while (size < n) size *= 2;
    this.out.offsetsMs = new Float64Array(size);
    for (const key of WORK_KEYS) if (this.out.work[key] !== undefined) this.out.work[key] = new Float64Array(size);
  }

  checkpoint(): unknown {
    return { requests: this.requests, throttled: this.throttled, stage: this.stage?.checkpoint() };
  }

  restore(state: unknown): void {
    const s = state as { requests: number; throttled: number; stage?: TokenBucketState };
    this.requests = s.requests;
    this.throttled = s.throttled;
    if (s.stage !== undefined) this.stage?.restore(s.stage);
  }
}
