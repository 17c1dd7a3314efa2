import { describe, expect, it } from 'vitest';
import type { SqsQueueProperties } from '../../src/aws/sqs/schema';
import { validateScenarioFile } from '../../src/scenario';
import { brief, edit, issuesOf, LAMBDA, load } from './helpers';

const queues = (props: string) => `Duration: 1h
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
${props}  DLQ:
    Type: AWS::SQS::Queue
`;
const warningsOf = (text: string) => validateScenarioFile('scenario.yaml', { readFile: () => text }).warnings;

describe('AWS::SQS::Queue', () => {
  it("fills in SQS's defaults, in seconds", () => {
    const q = load(queues('      QueueName: orders\n')).Resources.Q!.Properties as SqsQueueProperties;
    expect(q).toEqual({ QueueName: 'orders', FifoQueue: false, VisibilityTimeout: 30, MessageRetentionPeriod: 345_600, DelaySeconds: 0, ReceiveMessageWaitTimeSeconds: 0 });
  });

  it('states the ranges of its timings', () => {
    const text = queues("      VisibilityTimeout: 43201\n      MessageRetentionPeriod: '59'\n      DelaySeconds: 901\n      ReceiveMessageWaitTimeSeconds: 21\n");
    expect(brief(issuesOf(text))).toEqual([
      '6:26 Resources.Q.Properties.VisibilityTimeout: must be ≤ 43200 s, got 43201',
      '7:31 Resources.Q.Properties.MessageRetentionPeriod: must be ≥ 60 s, got 59',
      '8:21 Resources.Q.Properties.DelaySeconds: must be ≤ 900 s, got 901',
      '9:38 Resources.Q.Properties.ReceiveMessageWaitTimeSeconds: must be ≤ 20 s, got 21',
    ]);
  });

  it('requires a FIFO queue name to end in .fifo, and only a FIFO one', () => {
    expect(brief(issuesOf(queues('      FifoQueue: true\n      QueueName: orders\n')))).toEqual([
      '7:18 Resources.Q.Properties.QueueName: a FIFO queue\'s name must end in .fifo (SQS), got "orders"',
    ]);
    expect(brief(issuesOf(queues('      QueueName: orders.fifo\n')))).toEqual([
      '6:18 Resources.Q.Properties.QueueName: only FIFO queues (FifoQueue: true) may have a name ending in .fifo, got "orders.fifo"',
    ]);
    expect(load(queues("      FifoQueue: 'true'\n      QueueName: orders.fifo\n")).Resources.Q!.Properties.FifoQueue).toBe(true);
  });

  it('sends failed messages to a dead-letter queue of the same kind', () => {
    const redrive = queues('      RedrivePolicy: { deadLetterTargetArn: !GetAtt DLQ.Arn, maxReceiveCount: 5 }\n');
    expect(load(redrive).Resources.Q!.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:queue/DLQ', maxReceiveCount: 5 });
    expect(brief(issuesOf(edit(redrive, 'maxReceiveCount: 5', 'maxReceiveCount: 0')))).toEqual([
      '6:79 Resources.Q.Properties.RedrivePolicy.maxReceiveCount: must be ≥ 1 receives, got 0',
    ]);
    expect(brief(issuesOf(edit(redrive, '!GetAtt DLQ.Arn', 'nowhere')))).toEqual([
      '6:45 Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: "nowhere" is not an SQS queue in this scenario; AWS::SQS::Queue: Q, DLQ',
    ]);
    expect(brief(issuesOf(edit(redrive, '!GetAtt DLQ.Arn', '!GetAtt Q.Arn')))).toEqual([
      '6:53 Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: a queue cannot be its own dead-letter queue',
    ]);
    expect(brief(issuesOf(`${redrive}    Properties: { FifoQueue: true }\n`))).toEqual([
      '6:53 Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: dead-letter queue DLQ is FIFO but Q is standard; SQS requires the same kind',
    ]);
  });

  it("warns when a consumer's timeout is more than a sixth of the visibility timeout (AWS's recommendation)", () => {
    const text = edit(LAMBDA, 'VisibilityTimeout: 60', 'VisibilityTimeout: 59');
    expect(load(text).Resources.Jobs!.Properties.VisibilityTimeout).toBe(59);
    expect(warningsOf(text)).toContain(
      "Resources.Jobs.Properties.VisibilityTimeout: 59 s is less than 6 × Orders's Timeout (60 s), AWS's recommendation for a queue Lambda reads: messages may be received again while a retried batch is still running",
    );
    expect(warningsOf(LAMBDA).filter((w) => w.includes('VisibilityTimeout'))).toEqual([]);
  });
});
