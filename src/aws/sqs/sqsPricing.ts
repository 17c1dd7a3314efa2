/**
 * The SQS bill: requests to standard and FIFO queues at the price table's rates (aws-facts.md
 * fact 108, [C]). Every API action is a request, empty receives included, and each 64 KiB chunk
 * of a request's payload is billed as one request (a 256 KiB message is 4). The AWS Free Tier's
 * 1 M requests a month (standard and FIFO together) is applied when asked, standard requests
 * first (the order AWS lists them; AWS does not say how it splits it), as a smaller billable
 * quantity. A run is billed as one month.
 */
import type { SqsPrices } from '../../pricing';
import { type LineItem, lineItem } from '../../report';

export type SqsQueueType = 'standard' | 'fifo';

/** Billed requests by queue type (integers). */
export interface SqsUsage {
  standardRequests: number;
  fifoRequests: number;
}

/**
 * Requests billed for one API call carrying `payloadBytes` (all its messages together): one per
 * 64 KiB chunk or part, at least one (KiB = 1,024 bytes).
 */
export function sqsBilledRequests(payloadBytes: number, chunkKiB = 64): number {
  return Math.max(1, Math.ceil(Math.max(0, payloadBytes) / (chunkKiB * 1024)));
}

/** Counts a queue's billed requests. */
export class SqsMeter {
  usage: SqsUsage = { standardRequests: 0, fifoRequests: 0 };

  constructor(
    readonly queueType: SqsQueueType,
    /** `requestChunkKiB` of the price table (64). */
    readonly chunkKiB = 64,
  ) {}

  /** Meters `calls` API calls each carrying `payloadBytes`; returns the requests billed. */
  record(calls: number, payloadBytes = 0): number {
    const n = calls * sqsBilledRequests(payloadBytes, this.chunkKiB);
    if (this.queueType === 'fifo') this.usage.fifoRequests += n;
    else this.usage.standardRequests += n;
    return n;
  }
}

export interface SqsLineItemOptions {
  /** Scenario `Pricing.FreeTier`. */
  freeTier: boolean;
}

/** "SQS standard requests" and "SQS FIFO requests" lines, each only when there are such requests. */
export function sqsLineItems(usage: Readonly<SqsUsage>, prices: SqsPrices, options: SqsLineItemOptions): LineItem[] {
  let free = options.freeTier ? prices.freeTierRequestsPerMonth : 0;
  const items: LineItem[] = [];
  const add = (name: string, requests: number, rate: SqsPrices['standardRequest']): void => {
    if (requests <= 0) return;
    const covered = Math.min(free, requests);
    free -= covered;
    const description = covered > 0 ? `SQS ${name} requests (less free tier)` : `SQS ${name} requests`;
    items.push(lineItem(description, requests - covered, rate.unit, rate.usd));
  };
  add('standard', usage.standardRequests, prices.standardRequest);
  add('FIFO', usage.fifoRequests, prices.fifoRequest);
  return items;
}
