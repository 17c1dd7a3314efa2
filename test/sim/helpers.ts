import { loadScenarioText, type Scenario } from '../../src/scenario';

/** A one-service Fargate scenario; `extra` lines are appended to the service's task definition properties. */
export function fargateScenario(opts: {
  desired?: number;
  cpu?: number;
  memory?: number;
  arch?: 'X86_64' | 'ARM64';
  duration?: string;
  rate?: number;
  cpuMs?: number;
  process?: 'poisson' | 'exact';
  queueLimit?: number;
  tasksAtStart?: 'Running' | 'Launching';
  startLatency?: string;
  ephemeralGiB?: number;
  seed?: number;
  tick?: string;
}): Scenario {
  const o = {
    desired: 2,
    cpu: 512,
    memory: 1024,
    arch: 'X86_64',
    duration: '1h',
    rate: 10,
    cpuMs: 20,
    process: 'poisson',
    queueLimit: 100,
    seed: 1,
    tick: '1s',
    ...opts,
  };
  const tdSim = [
    o.startLatency !== undefined ? `        StartLatency: ${o.startLatency}` : '',
  ].filter(Boolean);
  const text = `
Name: test
Seed: ${o.seed}
Duration: ${o.duration}
Tick: ${o.tick}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
${tdSim.length ? `    Metadata:\n      clustersim:\n${tdSim.join('\n')}\n` : ''}    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: ${o.cpu}
      Memory: ${o.memory}
      RuntimePlatform: { CpuArchitecture: ${o.arch} }
${o.ephemeralGiB !== undefined ? `      EphemeralStorage: { SizeInGiB: ${o.ephemeralGiB} }\n` : ''}  Svc:
    Type: AWS::ECS::Service
    Metadata:
      clustersim:
        QueueLimit: ${o.queueLimit}
${o.tasksAtStart !== undefined ? `        TasksAtStart: ${o.tasksAtStart}\n` : ''}    Properties:
      LaunchType: FARGATE
      DesiredCount: ${o.desired}
      TaskDefinition: !Ref Task
Workload:
  - Name: load
    Target: Svc
    Arrivals: { Pattern: constant, Rate: ${o.rate}, Process: ${o.process} }
    Work:
      CpuMs: { Dist: exponential, Mean: ${o.cpuMs} }
`;
  return loadScenarioText(text, 'test.yaml');
}
