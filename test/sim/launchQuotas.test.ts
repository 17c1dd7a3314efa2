import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { Simulation } from '../../src/sim';

/** Seconds until all `count` Fargate tasks of a newly created service run. */
function secondsToRun(count: number, settings: string): number {
  const s = loadScenarioText(
    `
Name: quotas
Duration: 1h
${settings}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], Cpu: 256, Memory: 512 }
  Svc:
    Type: AWS::ECS::Service
    Metadata: { clustersim: { TasksAtStart: Launching } }
    Properties: { LaunchType: FARGATE, DesiredCount: ${count}, TaskDefinition: !Ref Task }
`,
    'quotas.yaml',
  );
  const sim = new Simulation(s);
  const svc = sim.services.get('Svc')!.model;
  while (sim.step()) if (svc.running.length === count) return sim.engine.nowMs / 1000;
  return Number.POSITIVE_INFINITY;
}

describe('launch quotas bound how fast ECS scales', () => {
  it('takes the service scheduler’s 500 tasks a minute to start 2,000 Fargate tasks', () => {
    // 500 at once, then 500 a minute: the last launches at 180 s and runs 35 s later.
    const t = secondsToRun(2000, '');
    expect(t).toBeGreaterThanOrEqual(180 + 35);
    expect(t).toBeLessThan(180 + 35 + 10);
  });

  it('takes half an hour with 2020’s Fargate bucket (burst 10, 1 task a second)', () => {
    const t = secondsToRun(2000, 'Settings: { Ecs: { QuotaProfile: 2020 } }');
    expect(t).toBeGreaterThanOrEqual(1990 + 35);
    expect(t).toBeLessThan(1990 + 35 + 10);
  });

  it('follows the Fargate bucket when it is the tighter limit', () => {
    // Burst 100, then 20 a second: 2,000 tasks need 95 s of tokens; the scheduler allows 500/min.
    const t = secondsToRun(400, '');
    expect(t).toBeGreaterThanOrEqual(15 + 35);
    expect(t).toBeLessThan(15 + 35 + 5);
  });
});
