import { describe, expect, it } from 'vitest';
import { brief, EC2, edit, issuesOf, load, WEB } from './helpers';

const withFaults = (yaml: string, text = EC2) => `${text}${yaml}`;

describe('Faults', () => {
  it('reads faults with times in ms and targets resolved to logical IDs', () => {
    const s = load(
      withFaults(`Faults:
  - { At: 10m, Kind: instance-failure }
  - { At: 20m, Kind: az-outage, Zone: us-east-1b, For: 5m }
  - { At: 30m, Kind: spot-interruption, Target: !Ref Svc, Count: 2 }
`),
    );
    expect(s.Faults).toEqual([
      { At: 600_000, Kind: 'instance-failure', Target: 'Asg', Count: 1 },
      { At: 1_200_000, Kind: 'az-outage', Zone: 'us-east-1b', Count: 1, For: 300_000 },
      { At: 1_800_000, Kind: 'spot-interruption', Target: 'Svc', Count: 2 },
    ]);
    expect(load(EC2).Faults).toEqual([]);
  });

  it('requires a Zone of the scenario for az-outage, and For only there', () => {
    expect(brief(issuesOf(withFaults('Faults:\n  - { At: 10m, Kind: az-outage }\n  - { At: 10m, Kind: instance-failure, For: 1m }\n')))).toEqual([
      '150:5 Faults[0].Zone: required for az-outage: the zone that goes down, e.g. us-east-1a',
      '151:45 Faults[1].For: only for az-outage; instance-failure is permanent (the group or service replaces what it lost)',
    ]);
    expect(brief(issuesOf(withFaults('Faults:\n  - { At: 10m, Kind: az-outage, Zone: us-east-1c }\n')))).toEqual([
      '150:39 Faults[0].Zone: "us-east-1c" is not a zone of this scenario; zones: us-east-1a, us-east-1b',
    ]);
  });

  it('requires a fault before the end and a Target that exists; without Auto Scaling groups, a Target', () => {
    expect(brief(issuesOf(withFaults('Faults:\n  - { At: 2h, Kind: instance-failure, Target: Nope }\n')))).toEqual([
      '150:11 Faults[0].At: must be before Duration (3600000 ms), got 7200000 ms: the fault would never happen',
      '150:47 Faults[0].Target: "Nope" is not an Auto Scaling group or ECS service in this scenario; Auto Scaling groups: Asg; services: Svc',
    ]);
    expect(brief(issuesOf(withFaults('Faults:\n  - { At: 1m, Kind: spot-interruption }\n', WEB)))).toEqual([
      '25:5 Faults[0]: required: Target, the AutoScalingGroup or Service spot-interruption hits (the scenario has no Auto Scaling groups); Auto Scaling groups: (none); services: WebService',
    ]);
  });

  it('can be changed by a variant path like Faults[0].At', () => {
    const text = withFaults('Faults:\n  - { At: 10m, Kind: instance-failure }\nVariants:\n  later:\n    Faults[0].At: 40m\n');
    expect(load(text, { variant: 'later' }).Faults![0]!.At).toBe(2_400_000);
  });
});

describe('Deployments', () => {
  const withTask2 = edit(EC2, '  Svc:\n', '  Task2:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: 512, Memory: 1024 }\n  Svc:\n');

  it('reads deployments with the service and task definition resolved', () => {
    const s = load(`${withTask2}Deployments:\n  - { At: 15m, Service: !Ref Svc, TaskDefinition: !Ref Task2 }\n`);
    expect(s.Deployments).toEqual([{ At: 900_000, Service: 'Svc', TaskDefinition: 'Task2' }]);
  });

  it('requires the service and task definition to exist, and the task to run where the service runs', () => {
    expect(brief(issuesOf(`${withTask2}Deployments:\n  - { At: 15m, Service: Nope, TaskDefinition: Nope }\n`))).toEqual([
      '153:25 Deployments[0].Service: "Nope" is not an ECS service in this scenario; services: Svc',
      '153:47 Deployments[0].TaskDefinition: "Nope" is not a task definition in this scenario; task definitions: Task, Task2',
    ]);
    const fargate = `${edit(WEB, '  WebService:\n', '  Ec2Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { RequiresCompatibilities: [EC2], Cpu: 512, Memory: 1024 }\n  WebService:\n')}Deployments:\n  - { At: 15m, Service: WebService, TaskDefinition: Ec2Task }\n`;
    expect(brief(issuesOf(fargate))).toEqual([
      '28:53 Deployments[0].TaskDefinition: Ec2Task cannot run on Fargate, where WebService runs: it is not Fargate-compatible (RequiresCompatibilities: EC2)',
    ]);
  });
});
