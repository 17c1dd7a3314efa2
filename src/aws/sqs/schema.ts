/**
 * Amazon SQS as CloudFormation writes it: `AWS::SQS::Queue` with its timing attributes in seconds
 * and SQS's defaults filled in, its redrive policy (dead-letter queue), and the checks that span
 * queues and their Lambda consumers.
 */
import { z } from 'zod';
import { bool, num, strictObject } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';
import { type CheckContext, type CheckIssue, refTo, validOfType } from '../../scenario/resourceCheck';
import { type FunctionProperties, queueConsumers } from '../lambda/schema';

export const SQS_QUEUE = 'AWS::SQS::Queue';

/** SQS's defaults (CloudFormation `AWS::SQS::Queue`). */
export const SQS_DEFAULTS = {
  /** s. */
  VisibilityTimeout: 30,
  /** s (4 days). */
  MessageRetentionPeriod: 345_600,
  DelaySeconds: 0,
  ReceiveMessageWaitTimeSeconds: 0,
} as const;

/** AWS's recommendation for a queue a Lambda function reads: visibility timeout ≥ 6 × the function's timeout (aws-facts 67). */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export const RedrivePolicySchema = z.looseObject({
  /** The dead-letter queue (`!GetAtt DLQ.Arn`). */
  deadLetterTargetArn: z.string({
    error: (iss) => (iss.input === undefined ? 'required: the dead-letter queue (!GetAtt MyDLQ.Arn)' : `expected a queue ARN, got ${describeValue(iss.input)}`),
  }),
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: num({ int: true, min: 1, max: 1000, unit: 'receives' }),
});

export const QueuePropertiesSchema = z
  .looseObject({
    QueueName: z.string().optional(),
    FifoQueue: bool().default(false),
    /** s, 0–43200: how long a received message stays invisible to other consumers. */
    VisibilityTimeout: num({ int: true, min: 0, max: 43_200, unit: 's' }).default(SQS_DEFAULTS.VisibilityTimeout),
    /** s, 60–1209600 (14 days). */
    MessageRetentionPeriod: num({ int: true, min: 60, max: 1_209_600, unit: 's' }).default(SQS_DEFAULTS.MessageRetentionPeriod),
    /** s, 0–900: delay before a new message becomes visible. */
    DelaySeconds: num({ int: true, min: 0, max: 900, unit: 's' }).default(SQS_DEFAULTS.DelaySeconds),
    /** s, 0–20: long polling wait of a receive. */
    ReceiveMessageWaitTimeSeconds: num({ int: true, min: 0, max: 20, unit: 's' }).default(SQS_DEFAULTS.ReceiveMessageWaitTimeSeconds),
    RedrivePolicy: RedrivePolicySchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.QueueName !== undefined && q.FifoQueue !== q.QueueName.endsWith('.fifo')) {
      ctx.addIssue({
        code: 'custom',
        path: ['QueueName'],
        message: q.FifoQueue ? `a FIFO queue's name must end in .fifo (SQS), got ${describeValue(q.QueueName)}` : `only FIFO queues (FifoQueue: true) may have a name ending in .fifo, got ${describeValue(q.QueueName)}`,
      });
    }
  });

/** SQS's largest message, bytes (1 MiB since August 2025; 256 KiB before). */
export const SQS_MAX_MESSAGE_BYTES = 1_048_576;

/** `Metadata.clustersim` of a queue. */
export const QueueSimSchema = strictObject({
  MessageSizeBytes: num({ int: true, min: 1, max: SQS_MAX_MESSAGE_BYTES, unit: 'bytes' })
    .default(1024)
    .describe('Size of each message producers send, bytes (1 to 1,048,576); default 1,024. Each 64 KiB of a request’s payload is billed as a request'),
  MessageGroups: num({ int: true, min: 1, unit: 'message groups' })
    .optional()
    .describe(
      'FIFO queues only: how many MessageGroupIds the producers use (default 1, with a warning when Lambda reads the queue). Lambda runs at most one batch per message group at a time, so all the mappings reading the queue run at most this many batches at once',
    ),
});

export type SqsQueueSim = z.output<typeof QueueSimSchema>;
export type SqsRedrivePolicy = z.output<typeof RedrivePolicySchema>;
export type SqsQueueProperties = z.output<typeof QueuePropertiesSchema>;

/**
 * Checks across queues: a redrive policy's dead-letter queue exists, is another queue and is of
 * the same kind (FIFO or standard); a queue a function reads has a visibility timeout of at least
 * 6 × the function's timeout (AWS's recommendation: a warning).
 */
export function checkSqsResources(ctx: CheckContext): CheckIssue[] {
  const out: CheckIssue[] = [];
  for (const r of validOfType(ctx, SQS_QUEUE)) {
    const q = r.Properties as SqsQueueProperties;
    const groups = (r.Sim as SqsQueueSim).MessageGroups;
    if (groups !== undefined && !q.FifoQueue) {
      out.push({ path: [r.LogicalId, 'Metadata', 'clustersim', 'MessageGroups'], message: 'only for a FIFO queue (FifoQueue: true): standard queues have no message groups' });
    }
    if (groups === undefined && q.FifoQueue && queueConsumers(ctx.scenario, r.LogicalId).length > 0) {
      out.push({
        path: [r.LogicalId, 'Properties', 'FifoQueue'],
        warning: true,
        message:
          'Lambda processes one batch at a time per message group; without Metadata.clustersim.MessageGroups (how many MessageGroupIds the producers use) the queue is taken to have 1, so its messages are processed one batch at a time',
      });
    }
    if (q.RedrivePolicy !== undefined) {
      const path = [r.LogicalId, 'Properties', 'RedrivePolicy', 'deadLetterTargetArn'];
      const dlq = refTo(ctx, q.RedrivePolicy.deadLetterTargetArn, SQS_QUEUE, path, 'an SQS queue');
      if ('issue' in dlq) out.push(dlq.issue);
      else if (dlq.id === r.LogicalId) out.push({ path, message: 'a queue cannot be its own dead-letter queue' });
      else if (!ctx.invalid.has(dlq.id)) {
        const fifo = (ctx.scenario.Resources[dlq.id]!.Properties as SqsQueueProperties).FifoQueue;
        if (fifo !== q.FifoQueue) {
          out.push({ path, message: `dead-letter queue ${dlq.id} is ${fifo ? 'FIFO' : 'standard'} but ${r.LogicalId} is ${q.FifoQueue ? 'FIFO' : 'standard'}; SQS requires the same kind` });
        }
      }
    }
    for (const c of queueConsumers(ctx.scenario, r.LogicalId)) {
      const fn = ctx.scenario.Resources[c.FunctionId];
      if (fn === undefined || ctx.invalid.has(c.FunctionId)) continue;
      const timeout = (fn.Properties as FunctionProperties).Timeout;
      // Below 1 × Timeout Lambda rejects the mapping: checkLambdaResources reports that as an error.
      if (q.VisibilityTimeout >= timeout && q.VisibilityTimeout < VISIBILITY_TIMEOUT_FACTOR * timeout) {
        out.push({
          path: [r.LogicalId, 'Properties', 'VisibilityTimeout'],
          warning: true,
          message: `${q.VisibilityTimeout} s is less than 6 × ${c.FunctionId}'s Timeout (${VISIBILITY_TIMEOUT_FACTOR * timeout} s), AWS's recommendation for a queue Lambda reads: messages may be received again while a retried batch is still running`,
        });
      }
    }
  }
  return out;
}
