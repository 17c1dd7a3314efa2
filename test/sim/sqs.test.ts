import { describe, expect, it } from 'vitest';
import { analyzeScenarioText, loadScenarioText } from '../../src/scenario';
import { runVariant, Simulation } from '../../src/sim';

interface Opts {
  rate?: string;
  work?: string;
  timeout?: number;
  visibility?: number;
  batch?: number;
  window?: number;
  maxConcurrency?: number;
  reserved?: number;
  maxReceive?: number;
  duration?: string;
  messageBytes?: number;
  freeTier?: boolean;
  enabled?: boolean;
}

function queueScenario(o: Opts = {}) {
  const scaling = o.maxConcurrency ? `\n            ScalingConfig: { MaximumConcurrency: ${o.maxConcurrency} }` : '';
  const window = o.window !== undefined ? `\n            MaximumBatchingWindowInSeconds: ${o.window}` : '';
  return loadScenarioText(
    `
Name: queue
Seed: 3
Duration: ${o.duration ?? '10m'}
Transform: AWS::Serverless-2016-10-31
Pricing: { FreeTier: ${o.freeTier ?? false} }
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 200 } } }
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      MemorySize: 1024
      Timeout: ${o.timeout ?? 10}
${o.reserved !== undefined ? `      ReservedConcurrentExecutions: ${o.reserved}\n` : ''}      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
            BatchSize: ${o.batch ?? 10}
            Enabled: ${o.enabled ?? true}${window}${scaling}
  Jobs:
    Type: AWS::SQS::Queue
${o.messageBytes ? `    Metadata: { clustersim: { MessageSizeBytes: ${o.messageBytes} } }\n` : ''}    Properties:
      VisibilityTimeout: ${o.visibility ?? 60}
      RedrivePolicy: { deadLetterTargetArn: !GetAtt DLQ.Arn, maxReceiveCount: ${o.maxReceive ?? 3} }
  DLQ:
    Type: AWS::SQS::Queue
Workload:
  - Name: jobs
    Target: Jobs
    Arrivals: ${o.rate ?? '{ Pattern: constant, Rate: 10, Process: exact }'}
    Work: { DurationMs: ${o.work ?? '{ Dist: constant, Value: 50 }'} }
`,
    'queue.yaml',
  );
}

describe('SQS queue and event source mapping', () => {
  it('delivers every message once, deleting each after its batch succeeds', () => {
    const r = runVariant(queueScenario());
    const q = r.resources['Jobs']!;
    expect(q['messagesSent']).toBe(6000);
    expect(q['messagesDeleted']).toBe(6000);
    expect(q['messagesRedelivered']).toBe(0);
    expect(q['backlogAtEnd']).toBe(0);
    const fn = r.resources['Worker']!;
    // At 10/s, 100 ms apart, 50 ms each: one message a batch. The first batch's 200 ms INIT keeps its
    // environment busy until 250 ms, so the messages at 100 and 200 ms start two more; then three suffice.
    expect(fn['invocations']).toBe(6000);
    expect(fn['coldStarts']).toBe(3);
    expect(r.totals.requests).toMatchObject({ arrived: 6000, served: 6000, failed: 0, queued: 0 });
  });

  it('bills sends, receives and deletes per 64 KiB chunk, and idle pollers’ empty long polls', () => {
    // 100 KiB messages: each send is 2 requests; a one-message receive is 2; a delete is 1.
    const r = runVariant(queueScenario({ messageBytes: 100 * 1024 }));
    const q = r.resources['Jobs']!;
    // Five pollers for 600 s; batches take 50 ms each (plus three 200 ms INITs): the rest of the
    // poller time is long polls of 20 s, each an empty receive.
    const idlePollerSeconds = 600 * 5 - (6000 * 50 + 3 * 200) / 1000;
    const empty = Math.floor(idlePollerSeconds / 20);
    const billed = q['billedRequests'] as number;
    expect(billed).toBe(6000 * 2 + 6000 * 2 + 6000 + empty);
    expect(q.costUsd).toBeCloseTo(billed * 0.0000004, 9);
  });

  it('takes the free tier off the queue requests', () => {
    const r = runVariant(queueScenario({ freeTier: true }));
    expect(r.resources['Jobs']!.costUsd).toBe(0);
  });

  it('starts with five pollers and adds up to 300 a minute while messages remain', () => {
    // 2,000 messages/s of 1 s work (one a batch): far beyond 5 pollers, so the backlog drives the ramp.
    const sim = new Simulation(queueScenario({ rate: '{ Pattern: constant, Rate: 2000, Process: exact }', work: '{ Dist: constant, Value: 1000 }', batch: 1, duration: '3m' }));
    const esm = sim.mappings.get('Worker.Events.Jobs')!;
    expect(esm.pollers).toBe(5);
    sim.engine.runUntil(60_000);
    // 60 s at 5 a second: 5 + 300 (± a tick).
    expect(esm.pollers).toBeGreaterThanOrEqual(300);
    expect(esm.pollers).toBeLessThanOrEqual(310);
    sim.engine.runUntil(120_000);
    expect(esm.pollers).toBeGreaterThanOrEqual(600);
    expect(esm.pollers).toBeLessThanOrEqual(610);
    expect(esm.concurrentBatches).toBeLessThanOrEqual(Math.floor(esm.pollers));
  });

  it('never runs more batches at once than MaximumConcurrency', () => {
    const r = runVariant(queueScenario({ rate: '{ Pattern: constant, Rate: 500, Process: exact }', work: '{ Dist: constant, Value: 1000 }', batch: 1, maxConcurrency: 20, duration: '5m' }));
    const m = r.resources['Worker.Events.Jobs']!;
    expect(m['peakConcurrentBatches']).toBe(20);
    expect(r.resources['Worker']!['peakConcurrency']).toBe(20);
    // 20 a second get through; the rest wait in the queue.
    expect(r.resources['Jobs']!['backlogAtEnd']).toBeGreaterThan(100_000);
  });

  it('fills batches up to BatchSize and waits the batching window for a full batch', () => {
    const full = runVariant(queueScenario({ rate: '{ Pattern: constant, Rate: 100, Process: exact }', batch: 50, window: 2 }));
    // 100 messages a second reach 50 in half a second, before the 2 s window ends.
    expect(full.resources['Worker.Events.Jobs']!['averageBatchSize']).toBeCloseTo(50, 0);
    const partial = runVariant(queueScenario({ rate: '{ Pattern: constant, Rate: 10, Process: exact }', batch: 50, window: 2 }));
    // 10 a second: the window ends first, with about 20 messages.
    const avg = partial.resources['Worker.Events.Jobs']!['averageBatchSize'] as number;
    expect(avg).toBeGreaterThan(18);
    expect(avg).toBeLessThan(22);
  });

  it('redelivers after the visibility timeout when a batch times out, then moves the message to the dead-letter queue', () => {
    // Every message takes 20 s against a 5 s timeout: each receive fails; after 3 receives the 4th moves it.
    const r = runVariant(queueScenario({ rate: '{ Pattern: steps, Steps: [ { At: 0s, Rate: 1 }, { At: 10s, Rate: 0 } ], Process: exact }', work: '{ Dist: constant, Value: 20000 }', timeout: 5, visibility: 30, duration: '10m' }));
    const q = r.resources['Jobs']!;
    expect(q['messagesSent']).toBe(10);
    expect(q['messagesReceived']).toBe(30);
    expect(q['messagesRedelivered']).toBe(20);
    expect(q['messagesToDeadLetterQueue']).toBe(10);
    expect(r.resources['DLQ']!['messagesRedrivenIn']).toBe(10);
    expect(r.resources['DLQ']!['backlogAtEnd']).toBe(10);
    expect(r.resources['Worker']!['timeouts']).toBe(30);
    expect(r.totals.requests).toMatchObject({ arrived: 10, served: 0, failed: 10, queued: 0 });
  });

  it('never hands out a message that is still being processed when the visibility timeout covers the function timeout', () => {
    // 8 s of work against a 10 s visibility timeout; then 9.999 s against exactly 10 s (the least Lambda accepts).
    const r = runVariant(queueScenario({ rate: '{ Pattern: steps, Steps: [ { At: 0s, Rate: 1 }, { At: 1s, Rate: 0 } ], Process: exact }', work: '{ Dist: constant, Value: 8000 }', timeout: 10, visibility: 10, duration: '2m' }));
    const q = r.resources['Jobs']!;
    expect(q['duplicateDeliveries']).toBe(0);
    const short = loadScenarioText(
      `
Name: dup
Seed: 1
Duration: 1m
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Metadata: { clustersim: { InitDurationMs: { Dist: constant, Value: 0 } } }
    Properties: { Runtime: nodejs22.x, Handler: i.h, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x }, MemorySize: 1024, Timeout: 10 }
  Map:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { FunctionName: !Ref Worker, EventSourceArn: !GetAtt Jobs.Arn, BatchSize: 1 }
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 10 }
Workload:
  - Name: one
    Target: Jobs
    Arrivals: { Pattern: steps, Steps: [ { At: 0s, Rate: 1 }, { At: 1s, Rate: 0 } ], Process: exact }
    Work: { DurationMs: { Dist: constant, Value: 9999 } }
`,
      'dup.yaml',
    );
    const ok = runVariant(short).resources['Jobs']!;
    expect(ok['duplicateDeliveries']).toBe(0);
    expect(ok['messagesDeleted']).toBe(1);
  });

  it('throttled batches go back to the queue and count towards maxReceiveCount', () => {
    // Reserved concurrency 1 and 2 s work at 5 messages a second: most receives are throttled.
    const r = runVariant(queueScenario({ rate: '{ Pattern: steps, Steps: [ { At: 0s, Rate: 2 }, { At: 20s, Rate: 0 } ], Process: exact }', work: '{ Dist: constant, Value: 2000 }', timeout: 3, batch: 1, reserved: 1, visibility: 5, maxReceive: 2, duration: '10m' }));
    const m = r.resources['Worker.Events.Jobs']!;
    expect(m['batchesThrottled']).toBeGreaterThan(0);
    const q = r.resources['Jobs']!;
    expect(q['messagesToDeadLetterQueue']).toBeGreaterThan(0);
    expect(r.resources['Worker']!['peakConcurrency']).toBe(1);
    const t = r.totals.requests;
    expect(t.arrived).toBe(t.served + t.failed + t.queued);
  });

  it('a disabled mapping reads nothing: messages accumulate', () => {
    const r = runVariant(queueScenario({ enabled: false }));
    expect(r.resources['Jobs']!['backlogAtEnd']).toBe(6000);
    expect(r.resources['Worker']?.['invocations'] ?? 0).toBe(0);
    expect(r.resources['Worker.Events.Jobs']!['batches']).toBe(0);
  });

  it('drops messages older than MessageRetentionPeriod', () => {
    const s = queueScenario({ enabled: false });
    (s.Resources['Jobs']!.Properties as { MessageRetentionPeriod: number }).MessageRetentionPeriod = 60;
    const r = runVariant(s);
    const q = r.resources['Jobs']!;
    // 10 a second, each kept 60 s: 600 stored at the end, the other 5,400 expired.
    expect(q['backlogAtEnd']).toBe(600);
    expect(q['messagesExpired']).toBe(5400);
    expect(r.totals.requests).toMatchObject({ arrived: 6000, failed: 5400, queued: 600 });
  });

  it('continues identically from a checkpoint', () => {
    const scenario = queueScenario({ rate: '{ Pattern: constant, Rate: 300, Process: poisson }', work: '{ Dist: exponential, Mean: 400 }', duration: '4m' });
    const straight = new Simulation(scenario);
    straight.run();
    const a = new Simulation(scenario);
    a.engine.runUntil(90_000);
    const cp = JSON.parse(JSON.stringify(a.checkpoint()));
    const b = new Simulation(scenario);
    b.restore(cp);
    b.run();
    expect(JSON.stringify(b.report())).toBe(JSON.stringify(straight.report()));
  });
});

describe('SQS edge cases', () => {
  it('expires messages wherever they wait: two producers, and a dead-letter queue nobody reads', () => {
    const s = loadScenarioText(
      `
Name: two
Seed: 1
Duration: 5m
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { MessageRetentionPeriod: 60 }
Workload:
  - Name: a
    Target: Jobs
    Arrivals: { Pattern: constant, Rate: 10, Process: poisson }
  - Name: b
    Target: Jobs
    Arrivals: { Pattern: constant, Rate: 10, Process: poisson }
`,
      'two.yaml',
    );
    const q = runVariant(s).resources['Jobs']!;
    const sent = q['messagesSent'] as number;
    // About 20 a second kept 60 s: about 1,200 stored at the end, the rest expired.
    expect(q['backlogAtEnd'] as number).toBeGreaterThan(1000);
    expect(q['backlogAtEnd'] as number).toBeLessThan(1400);
    expect(q['messagesExpired']).toBe(sent - (q['backlogAtEnd'] as number));
    expect(q['peakAgeOfOldestMessageSeconds'] as number).toBeLessThanOrEqual(61);
  });

  it('a batch whose cold start outlasts the visibility timeout is delivered again, counted as a duplicate', () => {
    // INIT (2 s) runs outside the function's Timeout (1 s), so a cold batch ends after the
    // message's 1 s visibility timeout. Receives at 0, 1 and 2 s each find no idle environment
    // (cold: ending at 2.5, 3.5, 4.5 s); the one at 3 s finds the first environment idle and ends at
    // 3.5 s, inside its visibility timeout: that delete is the one that counts.
    const s = queueScenario({ rate: '{ Pattern: steps, Steps: [ { At: 0s, Rate: 1 }, { At: 1s, Rate: 0 } ], Process: exact }', work: '{ Dist: constant, Value: 500 }', timeout: 1, visibility: 1, maxReceive: 10, duration: '1m' });
    (s.Resources['Worker']!.Sim as { InitDurationMs: unknown }).InitDurationMs = { Dist: 'constant', Value: 2000 };
    const r = runVariant(s);
    const q = r.resources['Jobs']!;
    expect(q['messagesReceived']).toBe(4);
    expect(q['duplicateDeliveries']).toBe(3);
    expect(q['messagesDeleted']).toBe(1);
    expect(q['backlogAtEnd']).toBe(0);
    expect(r.resources['Worker']!['coldStarts']).toBe(3);
  });
});

/** YAML under Resources: a SAM function `name` that reads `queue` one message a batch. */
const reader = (name: string, queue: string, o: { timeout?: number; reserved?: number } = {}) => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      MemorySize: 512
      Timeout: ${o.timeout ?? 2}
${o.reserved !== undefined ? `      ReservedConcurrentExecutions: ${o.reserved}\n` : ''}      Events:
        ${queue}: { Type: SQS, Properties: { Queue: !GetAtt ${queue}.Arn, BatchSize: 1 } }
`;

describe('a dead-letter queue that producers also send to', () => {
  const text = (dlqIsTarget: boolean) => `
Name: dlq-target
Seed: 5
Duration: 30m
Transform: AWS::Serverless-2016-10-31
Resources:
${reader('Worker', 'Jobs')}${reader('Sweeper', 'DLQ', { timeout: 10 })}  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 5
      RedrivePolicy: { deadLetterTargetArn: !GetAtt DLQ.Arn, maxReceiveCount: 2 }
  DLQ:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 30 }
Workload:
  - Name: jobs
    Target: Jobs
    Arrivals: { Pattern: constant, Rate: 5, Process: exact }
    Work: { DurationMs: { Dist: uniform, Min: 500, Max: 3500 } }
${dlqIsTarget ? `  - Name: direct
    Target: DLQ
    Arrivals: { Pattern: constant, Rate: 1, Process: exact }
    Work: { DurationMs: { Dist: constant, Value: 100 } }
` : ''}`;

  it('counts each message once in the totals: a redriven one as failed where it failed, not again as served', () => {
    for (const withTarget of [false, true]) {
      const r = runVariant(loadScenarioText(text(withTarget), 'dlq.yaml'));
      const t = r.totals.requests;
      const jobs = r.resources['Jobs']!;
      const dlq = r.resources['DLQ']!;
      expect(jobs['messagesToDeadLetterQueue']).toBeGreaterThan(100);
      expect(dlq['messagesRedrivenIn']).toBe(jobs['messagesToDeadLetterQueue']);
      // The sweeper deletes redriven messages too: the DLQ's own count includes them.
      expect(dlq['messagesDeleted'] as number).toBeGreaterThan(withTarget ? 1700 : 100);
      expect(t.arrived).toBe(t.served + t.failed + t.queued + t.throttled);
      expect(t.arrived).toBe(9000 + (withTarget ? 1800 : 0));
      expect(t.failed).toBeGreaterThanOrEqual(jobs['messagesToDeadLetterQueue'] as number);
      // Served: the jobs deleted, and at most the messages producers sent to the DLQ; none redriven.
      expect(t.served).toBeLessThanOrEqual((jobs['messagesDeleted'] as number) + (withTarget ? 1800 : 0));
      expect(t.queued).toBeGreaterThanOrEqual(0);
      expect(t.queued).toBeLessThanOrEqual((jobs['backlogAtEnd'] as number) + (withTarget ? (dlq['backlogAtEnd'] as number) : 0));
    }
  });
});

describe('FIFO message groups', () => {
  const fifo = (groups: string, fifoQueue = true) => `
Name: fifo
Seed: 2
Duration: 20m
Transform: AWS::Serverless-2016-10-31
Resources:
${reader('Worker', 'Orders', { timeout: 10 })}  Orders:
    Type: AWS::SQS::Queue
${groups}    Properties: { FifoQueue: ${fifoQueue}, VisibilityTimeout: 60 }
Workload:
  - Name: orders
    Target: Orders
    Arrivals: { Pattern: constant, Rate: 20, Process: exact }
    Work: { DurationMs: { Dist: constant, Value: 400 } }
`;

  it('runs at most one batch per message group at once: one group is processed one message at a time', () => {
    const run = (groups: string) => runVariant(loadScenarioText(fifo(groups), 'fifo.yaml')).resources;
    // 20 messages/s of 400 ms need 8 batches at once; one group allows one (2.5/s): the backlog grows.
    const one = run('');
    expect(one['Worker.Events.Orders']).toMatchObject({ peakConcurrentBatches: 1 });
    expect(one['Orders']!['backlogAtEnd'] as number).toBeGreaterThan(20 * 1200 * 0.8);
    const four = run('    Metadata: { clustersim: { MessageGroups: 4 } }\n');
    expect((four['Worker.Events.Orders']!['peakConcurrentBatches'] as number)).toBe(4);
    const many = run('    Metadata: { clustersim: { MessageGroups: 100 } }\n');
    const peak = many['Worker.Events.Orders']!['peakConcurrentBatches'] as number;
    expect(peak).toBeGreaterThanOrEqual(8);
    expect(peak).toBeLessThanOrEqual(10);
    expect(many['Orders']!['backlogAtEnd'] as number).toBeLessThan(20);
  });

  it("counts the groups' batches across every mapping that reads the queue", () => {
    const two = fifo('').replace('  Orders:\n', `${reader('Second', 'Orders', { timeout: 10 })}  Orders:\n`);
    const sim = new Simulation(loadScenarioText(two, 'fifo.yaml'));
    let peak = 0;
    while (sim.step()) peak = Math.max(peak, sim.queues.get('Orders')!.model.batchesInFlight);
    const r = sim.report().resources;
    expect((r['Worker.Events.Orders']!['batches'] as number) + (r['Second.Events.Orders']!['batches'] as number)).toBeGreaterThan(1000);
    // One group: one batch at a time over both functions (2.5 a second of 400 ms messages).
    expect(peak).toBe(1);
    expect((r['Worker.Events.Orders']!['messages'] as number) + (r['Second.Events.Orders']!['messages'] as number)).toBeLessThanOrEqual(1200 * 2.5 + 1);
  });

  it('warns when a FIFO queue Lambda reads does not say how many message groups it has', () => {
    const warned = analyzeScenarioText(fifo(''), 'fifo.yaml').warnings;
    expect(warned.some((w) => /Resources\.Orders\.Properties\.FifoQueue: Lambda processes one batch at a time per message group/.test(w))).toBe(true);
    expect(analyzeScenarioText(fifo('    Metadata: { clustersim: { MessageGroups: 4 } }\n'), 'fifo.yaml').warnings.some((w) => w.includes('message group'))).toBe(false);
  });

  it('rejects MessageGroups on a standard queue, at its path', () => {
    expect(() => loadScenarioText(fifo('    Metadata: { clustersim: { MessageGroups: 4 } }\n', false), 'fifo.yaml')).toThrow(
      /fifo\.yaml:\d+:\d+: Resources\.Orders\.Metadata\.clustersim\.MessageGroups: only for a FIFO queue/,
    );
  });
});

describe('messages redriven along a chain of dead-letter queues', () => {
  const chain = (o: { bTarget: boolean; cConsumer: boolean; retB: number; retC: number }) => `
Name: chain
Seed: 7
Duration: 40m
Transform: AWS::Serverless-2016-10-31
Resources:
${reader('Worker', 'A')}${reader('BWorker', 'B', { reserved: 2 })}${o.cConsumer ? reader('CWorker', 'C', { reserved: 1 }) : ''}  A:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 5
      RedrivePolicy: { deadLetterTargetArn: !GetAtt B.Arn, maxReceiveCount: 2 }
  B:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 5
      MessageRetentionPeriod: ${o.retB}
      RedrivePolicy: { deadLetterTargetArn: !GetAtt C.Arn, maxReceiveCount: 2 }
  C:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 3, MessageRetentionPeriod: ${o.retC} }
Workload:
  - Name: jobs
    Target: A
    Arrivals: { Pattern: constant, Rate: 5, Process: exact }
    Work: { DurationMs: { Dist: uniform, Min: 500, Max: 3500 } }
${o.bTarget ? `  - Name: b
    Target: B
    Arrivals: { Pattern: constant, Rate: 1, Process: exact }
    Work: { DurationMs: { Dist: uniform, Min: 500, Max: 3500 } }
` : ''}`;

  /** The stored messages flagged as redriven in, counted from the queue's rows, match what its counters leave. */
  const check = (sim: Simulation) => {
    for (const [id, { model }] of sim.queues) {
      const s = model.checkpoint();
      let stored = 0;
      let storedRedriven = 0;
      for (let r = 0; r < s.cap; r++) {
        if (s.rows.state[r] !== 1) continue;
        stored++;
        if (s.rows.redriven[r] === 1) storedRedriven++;
      }
      const c = model.counters;
      expect(stored, id).toBe(model.backlog);
      expect(storedRedriven, id).toBe(c.redrivenIn - c.deletedRedriven - c.toDeadLetterRedriven - c.expiredRedriven);
    }
  };

  it.each([
    { bTarget: true, cConsumer: false, retB: 60, retC: 60 },
    { bTarget: true, cConsumer: true, retB: 120, retC: 600 },
    { bTarget: false, cConsumer: true, retB: 3600, retC: 60 },
  ])('counts each redriven message once as it expires, moves on or is deleted (%o)', (o) => {
    const sim = new Simulation(loadScenarioText(chain(o), 'chain.yaml'));
    let ticks = 0;
    while (sim.step()) if (++ticks % 7 === 0) check(sim);
    check(sim);
    const r = sim.report();
    const t = r.totals.requests;
    expect(t.arrived).toBe(12_000 + (o.bTarget ? 2400 : 0));
    expect(t.arrived).toBe(t.served + t.failed + t.queued + t.throttled);
    // Messages did take every way out of B.
    const b = r.resources['B']!;
    expect(b['messagesRedrivenIn'] as number).toBeGreaterThan(0);
    expect((b['messagesToDeadLetterQueue'] as number) + (b['messagesExpired'] as number)).toBeGreaterThan(0);
  });
});
