/** The report section of an SQS queue: its bill and what happened to its messages (docs/models/sqs.md). */
import type { SqsPrices } from '../../pricing';
import { buildResourceReport, type LatencyHistogram, latencyPercentiles, type ResourceReport } from '../../report';
import type { QueueModel } from './QueueModel';
import { sqsLineItems } from './sqsPricing';

export interface QueueReportOptions {
  freeTier: boolean;
  /** Free requests left this month (shared by the account's queues); the report uses up what it covers. */
  freeRequestsLeft: number;
}

export function queueReport(q: QueueModel, prices: SqsPrices, latency: LatencyHistogram, o: QueueReportOptions): ResourceReport {
  const c = q.counters;
  const items = sqsLineItems(q.usage, { ...prices, freeTierRequestsPerMonth: o.freeRequestsLeft }, { freeTier: o.freeTier });
  return buildResourceReport('AWS::SQS::Queue', items, {
    queueType: q.config.type,
    messagesSent: c.sent,
    messagesRedrivenIn: c.redrivenIn,
    messagesReceived: c.received,
    messagesRedelivered: c.redelivered,
    duplicateDeliveries: c.duplicateDeliveries,
    messagesDeleted: c.deleted,
    messagesToDeadLetterQueue: c.toDeadLetter,
    messagesExpired: c.expired,
    backlogAtEnd: q.backlog,
    peakBacklog: c.peakBacklog,
    peakAgeOfOldestMessageSeconds: Math.round(c.peakOldestAgeMs) / 1000,
    billedRequests: q.usage.standardRequests + q.usage.fifoRequests,
    latencyMs: latencyPercentiles(latency),
  });
}
