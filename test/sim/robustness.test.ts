import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { UnsupportedFeatureError } from '../../src/aws/ecs';
import { loadScenarioText, ScenarioError } from '../../src/scenario';
import { Simulation } from '../../src/sim';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, `../../scenarios/${name}`), 'utf8');

/** Paths in the Fargate example that a mutation may hit. */
const paths: (string | number)[][] = [
  ['Duration'],
  ['Tick'],
  ['Seed'],
  ['Start'],
  ['Region'],
  ['Resources', 'WebTask', 'Properties', 'Cpu'],
  ['Resources', 'WebTask', 'Properties', 'Memory'],
  ['Resources', 'WebTask', 'Properties', 'RuntimePlatform', 'CpuArchitecture'],
  ['Resources', 'WebTask', 'Metadata', 'clustersim', 'ImageSizeMiB'],
  ['Resources', 'WebService', 'Properties', 'DesiredCount'],
  ['Resources', 'WebService', 'Properties', 'LaunchType'],
  ['Resources', 'WebService', 'Properties', 'TaskDefinition'],
  ['Resources', 'WebService', 'Metadata', 'clustersim', 'QueueLimit'],
  ['Resources', 'WebService', 'Type'],
  ['Workload', 0, 'Target'],
  ['Workload', 0, 'Arrivals', 'Pattern'],
  ['Workload', 0, 'Arrivals', 'Peak'],
  ['Workload', 0, 'Arrivals', 'PeakAt'],
  ['Workload', 0, 'Work', 'CpuMs', 'P99'],
  ['Workload', 0, 'Work', 'CpuMs', 'Dist'],
  ['Variants', 'graviton'],
];

const values = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom('', '1s', '0s', '1ms', '-1m', 'never', 'FARGATE', 'EC2', 'ARM64', 'lognormal', 'constant', 'WebService', 'nope', '2026-13-45', 'Db', 'OrderQueue'),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('A', 'Rate', 'Value'), fc.integer(), { maxKeys: 2 }),
);

/** Paths in the queue worker (SQS, event source mapping, dead-letter queue). */
const queuePaths: (string | number)[][] = [
  ['Resources', 'OrderQueue', 'Properties', 'VisibilityTimeout'],
  ['Resources', 'OrderQueue', 'Properties', 'RedrivePolicy', 'maxReceiveCount'],
  ['Resources', 'OrderQueue', 'Properties', 'DelaySeconds'],
  ['Resources', 'OrderQueue', 'Properties', 'MessageRetentionPeriod'],
  ['Resources', 'OrderQueue', 'Metadata', 'clustersim', 'MessageSizeBytes'],
  ['Resources', 'OrderWorker', 'Properties', 'Timeout'],
  ['Resources', 'OrderWorker', 'Metadata', 'clustersim', 'MaxLifetime'],
  ['Resources', 'OrderWorker', 'Metadata', 'clustersim', 'IdleLifetime'],
  ['Resources', 'OrderWorker', 'Metadata', 'clustersim', 'SpareIdleLifetime'],
  ['Settings', 'Lambda', 'DefaultMaxLifetime'],
  ['Settings', 'Lambda', 'DefaultSpareIdleLifetime'],
  ['Resources', 'OrderWorker', 'Properties', 'ReservedConcurrentExecutions'],
  ['Resources', 'OrderWorker', 'Properties', 'Events', 'Orders', 'Properties', 'BatchSize'],
  ['Resources', 'OrderWorker', 'Properties', 'Events', 'Orders', 'Properties', 'MaximumBatchingWindowInSeconds'],
  ['Resources', 'OrderWorker', 'Properties', 'Events', 'Orders', 'Properties', 'ScalingConfig', 'MaximumConcurrency'],
  ['Workload', 0, 'Target'],
  ['Workload', 0, 'Arrivals', 'Peak'],
  ['Workload', 0, 'Work', 'DurationMs', 'Mean'],
];

/** Paths in the Lambda-on-Aurora example. */
const auroraPaths: (string | number)[][] = [
  ['Resources', 'Db', 'Properties', 'ServerlessV2ScalingConfiguration', 'MinCapacity'],
  ['Resources', 'Db', 'Properties', 'ServerlessV2ScalingConfiguration', 'MaxCapacity'],
  ['Resources', 'Db', 'Properties', 'ServerlessV2ScalingConfiguration', 'SecondsUntilAutoPause'],
  ['Resources', 'Db', 'Properties', 'EngineMode'],
  ['Resources', 'Db', 'Metadata', 'clustersim', 'WarmPoolAcu'],
  ['Resources', 'DbWriter', 'Properties', 'DBInstanceClass'],
  ['Resources', 'ApiFunction', 'Metadata', 'clustersim', 'ConnectionPoolSize'],
  ['Resources', 'ApiFunction', 'Metadata', 'clustersim', 'Database'],
  ['Resources', 'ApiFunction', 'Properties', 'Timeout'],
  ['Resources', 'ApiFunction', 'Metadata', 'clustersim', 'MaxLifetime'],
  ['Workload', 0, 'Work', 'DbQueries'],
  ['Workload', 0, 'Work', 'DbCpuMs', 'Mean'],
  ['Workload', 0, 'Arrivals', 'Peak'],
];

/** Mutates `example` at up to three of `paths` and checks the outcome: a conserving report or a located ScenarioError. */
function fuzz(example: string, paths: (string | number)[][], numRuns: number): void {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), values), { minLength: 1, maxLength: 3 }), (mutations) => {
      const doc = parseDocument(example);
      for (const [path, value] of mutations) doc.setIn(path, value);
      // Keep runs short: whatever Duration the mutation chose, the run is capped.
      const text = doc.toString();
      try {
        const scenario = loadScenarioText(text, 'mutated.yaml');
        scenario.DurationMs = Math.min(scenario.DurationMs, 120_000);
        scenario.TickMs = Math.max(Math.min(scenario.TickMs, scenario.DurationMs), scenario.DurationMs / 2000);
        const sim = new Simulation(scenario);
        sim.run();
        const r = sim.report().totals.requests;
        expect(r.served + r.failed + r.throttled + r.queued).toBe(r.arrived);
      } catch (e) {
        if (e instanceof ScenarioError) {
          for (const issue of e.issues) {
            expect(issue.line).toBeGreaterThan(0);
            expect(issue.path.length).toBeGreaterThan(0);
          }
          return;
        }
        if (e instanceof UnsupportedFeatureError) return;
        throw e;
      }
    }),
    { numRuns },
  );
}

describe('robustness', () => {
  it('answers any mutation of the Fargate example with a report or a ScenarioError, never a crash', () => {
    fuzz(read('fargate-web.yaml'), paths, 150);
  });

  it('answers any mutation of the queue worker with a report or a ScenarioError, never a crash', () => {
    fuzz(read('queue-worker.yaml'), queuePaths, 80);
  });

  it('answers any mutation of the Lambda-on-Aurora example with a report or a ScenarioError, never a crash', () => {
    fuzz(read('aurora-lambda-burst.yaml'), auroraPaths, 80);
  });
});
