/**
 * The Lambda concurrency bar's scale and marks: busy environments against the function's limit.
 * A function with reserved concurrency is capped at its reservation; the rest of the account's
 * limit (the unreserved pool the other functions share) is marked too, so both show. Without a
 * reservation the function draws from the unreserved pool, whose size is the bar's end.
 */

export interface BarMark {
  /** Concurrency the mark stands at. */
  at: number;
  kind: 'reserved' | 'unreserved' | 'provisioned';
}

export interface ConcurrencyBar {
  /** Concurrency at the bar's right end. */
  scale: number;
  /** The limit that throttles this function (its reservation, or the unreserved pool). */
  limit: number;
  marks: BarMark[];
  /** The limits in words, for the block's title. */
  words: string;
}

export function concurrencyBar(reserved: number | null, provisioned: number, environments: number, unreservedLimit: number): ConcurrencyBar {
  const limit = reserved ?? unreservedLimit;
  const marks: BarMark[] = [];
  if (reserved !== null) marks.push({ at: reserved, kind: 'reserved' });
  marks.push({ at: unreservedLimit, kind: 'unreserved' });
  if (provisioned > 0) marks.push({ at: provisioned, kind: 'provisioned' });
  const scale = Math.max(1, limit, unreservedLimit, environments);
  const words = reserved !== null ? `limit ${reserved} reserved · account ${unreservedLimit} unreserved` : `limit ${unreservedLimit} (account, unreserved)`;
  return { scale, limit, marks, words };
}
