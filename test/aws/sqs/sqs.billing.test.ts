/** SQS requests priced at $0.40 (standard) and $0.50 (FIFO) per million, first 1 M free (aws-facts.md fact 108). */
import { describe, expect, it } from 'vitest';
import { SqsMeter, sqsBilledRequests, sqsLineItems } from '../../../src/aws/sqs';
import { pricesFor } from '../../../src/pricing';

const prices = pricesFor('us-east-1').sqs;

function brief(items: ReturnType<typeof sqsLineItems>): [string, number, number][] {
  return items.map((i) => [i.description, i.quantity, i.costUsd]);
}

describe('sqsBilledRequests', () => {
  it('bills each 64 KiB chunk of a payload as a request, at least one per call', () => {
    expect([0, 1, 65_536, 65_537, 256 * 1024].map((b) => sqsBilledRequests(b))).toEqual([1, 1, 1, 2, 4]);
  });
});

describe('SqsMeter', () => {
  it('counts billed requests by queue type', () => {
    const fifo = new SqsMeter('fifo');
    expect(fifo.record(10, 100 * 1024)).toBe(20);
    fifo.record(5);
    expect(fifo.usage).toEqual({ standardRequests: 0, fifoRequests: 25 });
  });
});

describe('sqsLineItems', () => {
  it('prices standard and FIFO requests without the free tier', () => {
    // 5 M × $0.0000004 = $2.00; 2 M × $0.0000005 = $1.00.
    expect(brief(sqsLineItems({ standardRequests: 5_000_000, fifoRequests: 2_000_000 }, prices, { freeTier: false }))).toEqual([
      ['SQS standard requests', 5_000_000, 2],
      ['SQS FIFO requests', 2_000_000, 1],
    ]);
  });

  it('takes the free million off standard requests first, as a smaller quantity', () => {
    expect(brief(sqsLineItems({ standardRequests: 5_000_000, fifoRequests: 2_000_000 }, prices, { freeTier: true }))).toEqual([
      ['SQS standard requests (less free tier)', 4_000_000, 1.6],
      ['SQS FIFO requests', 2_000_000, 1],
    ]);
  });

  it('passes what standard requests leave of the free tier to FIFO requests', () => {
    // 500,000 standard free; 500,000 of the FIFO free; 1.5 M × $0.0000005 = $0.75.
    expect(brief(sqsLineItems({ standardRequests: 500_000, fifoRequests: 2_000_000 }, prices, { freeTier: true }))).toEqual([
      ['SQS standard requests (less free tier)', 0, 0],
      ['SQS FIFO requests (less free tier)', 1_500_000, 0.75],
    ]);
  });

  it('shows no line for a queue type without requests', () => {
    expect(sqsLineItems({ standardRequests: 0, fifoRequests: 0 }, prices, { freeTier: true })).toEqual([]);
  });
});
