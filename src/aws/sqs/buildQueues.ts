/**
 * Builds a scenario's SQS queues (every `AWS::SQS::Queue`) and links each to its dead-letter queue.
 */
import type { PriceTable } from '../../pricing';
import type { Scenario } from '../../scenario';
import { resolveResourceRef } from '../../scenario/resourceRef';
import { type QueueLatencyRecorder, QueueModel } from './QueueModel';
import { SQS_QUEUE, type SqsQueueProperties, type SqsQueueSim } from './schema';

export function buildQueues(s: Scenario, prices: PriceTable, latencyFor: (queueId: string) => QueueLatencyRecorder): Map<string, QueueModel> {
  const queues = new Map<string, QueueModel>();
  for (const r of Object.values(s.Resources)) {
    if (r.Type !== SQS_QUEUE) continue;
    const p = r.Properties as SqsQueueProperties;
    const sim = r.Sim as SqsQueueSim;
    const model = new QueueModel(
      {
        logicalId: r.LogicalId,
        type: p.FifoQueue ? 'fifo' : 'standard',
        visibilityTimeoutMs: p.VisibilityTimeout * 1000,
        retentionMs: p.MessageRetentionPeriod * 1000,
        delayMs: p.DelaySeconds * 1000,
        maxReceiveCount: p.RedrivePolicy?.maxReceiveCount,
        messageBytes: sim.MessageSizeBytes,
        messageGroups: sim.MessageGroups ?? 1,
      },
      s.TickMs,
      latencyFor(r.LogicalId),
      prices.sqs.requestChunkKiB,
    );
    queues.set(r.LogicalId, model);
  }
  for (const [id, q] of queues) {
    const arn = (s.Resources[id]!.Properties as SqsQueueProperties).RedrivePolicy?.deadLetterTargetArn;
    const dlq = arn === undefined ? undefined : resolveResourceRef(s, arn, SQS_QUEUE);
    if (dlq !== undefined) q.deadLetter = queues.get(dlq);
  }
  return queues;
}
