/**
 * The account's Lambda concurrency in a Region (aws-facts facts 59–63): a limit shared by the
 * functions without reserved concurrency (the limit less every reservation), and, in the legacy
 * scaling model, the account-wide burst and ramp.
 */
import type { Component } from '../../engine';
import { TokenBucket, type TokenBucketState } from '../../engine';

export type ScalingModel = 'current' | 'legacy';

export class LambdaAccount implements Component {
  readonly name = 'lambda-account';
  /** Concurrency in use by functions that draw from the unreserved pool. */
  unreservedInUse = 0;
  /** The legacy model's account-wide burst and +500/min ramp (as a bucket of new environments). */
  readonly legacyBucket: TokenBucket;

  constructor(
    /** Account concurrency limit (Settings.Lambda.AccountConcurrency). */
    readonly limit: number,
    /** Σ reserved concurrency and Σ provisioned concurrency of functions without a reservation. */
    readonly setAside: number,
    readonly scalingModel: ScalingModel,
    burst: number,
    rampPerMinute: number,
  ) {
    this.legacyBucket = new TokenBucket(burst, rampPerMinute / 60);
  }

  /** Concurrency the unreserved functions share. */
  get unreservedLimit(): number {
    return this.limit - this.setAside;
  }

  checkpoint(): unknown {
    return { unreservedInUse: this.unreservedInUse, legacy: this.legacyBucket.checkpoint() };
  }

  restore(state: unknown): void {
    const s = state as { unreservedInUse: number; legacy: TokenBucketState };
    this.unreservedInUse = s.unreservedInUse;
    this.legacyBucket.restore(s.legacy);
  }
}
