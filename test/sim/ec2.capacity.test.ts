import { describe, expect, it } from 'vitest';
import { IS, TS } from '../../src/aws/ecs';
import { loadScenarioText } from '../../src/scenario';
import { runVariant, Simulation } from '../../src/sim';
import { ALL_SPOT_M5, ec2Scenario } from './ec2Helpers';

const M5_LARGE_HOURLY = 0.096;

function instancesOf(sim: Simulation) {
  return [...sim.clusters[0]!.instances.values()];
}

describe('ECS on EC2: capacity, placement and billing', () => {
  it('packs four 1-vCPU tasks onto two m5.large instances and bills them per second', () => {
    const r = runVariant(ec2Scenario({ duration: '30m', desired: 4, asgDesired: 2 }));
    const asg = r.resources['Asg']!;
    expect(asg.lineItems).toHaveLength(1);
    expect(asg.lineItems[0]!.description).toBe('EC2 m5.large On-Demand (Linux)');
    expect(asg.lineItems[0]!.quantity).toBeCloseTo(1, 9);
    expect(asg.costUsd).toBeCloseTo(M5_LARGE_HOURLY, 9);
    expect(asg['peakInstances']).toBe(2);
    expect(asg['reservedCpuShare']).toBe(1);
    const svc = r.resources['Svc']!;
    expect(svc.costUsd).toBe(0);
    expect(svc['peakRunningTasks']).toBe(4);
  });

  it('keeps a task that fits nowhere in PROVISIONING until cluster auto scaling adds an instance', () => {
    const sim = new Simulation(ec2Scenario({ duration: '10m', desired: 5, asgDesired: 2 }));
    const h = sim.services.get('Svc')!;
    sim.engine.runUntil(30_000);
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(4);
    expect(h.cluster.statusCounts(h.model).PROVISIONING).toBe(1);
    // The capacity provider evaluates at 60 s: a third instance boots (40 s) and registers (10 s).
    sim.engine.runUntil(100_000);
    expect(instancesOf(sim)).toHaveLength(3);
    expect(h.cluster.statusCounts(h.model).PROVISIONING).toBe(1);
    sim.engine.runUntil(200_000);
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(5);
    sim.run();
    expect(sim.report().resources['Svc']!['tasksWaitingForCapacity']).toBe(1);
  });

  it('scales in empty instances, never one with tasks under managed termination protection', () => {
    const sim = new Simulation(ec2Scenario({ duration: '20m', desired: 2, asgDesired: 4 }));
    sim.run();
    // Spread puts the two tasks in two zones, so two instances stay; the two empty ones go.
    const insts = instancesOf(sim);
    expect(insts).toHaveLength(2);
    expect(insts.every((i) => i.tasks.length === 1)).toBe(true);
    expect(sim.clusters[0]!.asgs[0]!.terminations).toBe(2);
  });

  it('binpacks by memory onto the fullest instance that fits', () => {
    const sim = new Simulation(
      ec2Scenario({ duration: '5m', desired: 3, asgDesired: 3, taskCpu: 256, taskMemory: 512, strategies: '[{ Type: binpack, Field: memory }]', managed: false }),
    );
    sim.engine.runUntil(1000);
    const counts = instancesOf(sim).map((i) => i.tasks.length).sort();
    expect(counts).toEqual([0, 0, 3]);
  });

  it('spreads across availability zones by default', () => {
    const sim = new Simulation(ec2Scenario({ duration: '5m', desired: 4, asgDesired: 4, taskCpu: 256, taskMemory: 512, managed: false }));
    sim.engine.runUntil(1000);
    const perZone = new Map<string, number>();
    for (const i of instancesOf(sim)) perZone.set(i.zone, (perZone.get(i.zone) ?? 0) + i.tasks.length);
    expect([...perZone.values()]).toEqual([2, 2]);
  });

  it('limits awsvpc tasks by the instance type’s network interfaces', () => {
    // t3.medium: 3 network interfaces, so 2 awsvpc tasks, though CPU and memory would fit 8.
    const sim = new Simulation(
      ec2Scenario({ duration: '5m', desired: 6, asgDesired: 1, asgMax: 1, instanceType: 't3.medium', taskCpu: 256, taskMemory: 256, networkMode: 'awsvpc' }),
    );
    sim.engine.runUntil(1000);
    const h = sim.services.get('Svc')!;
    expect(h.cluster.statusCounts(h.model).RUNNING).toBe(2);
    expect(h.cluster.statusCounts(h.model).PROVISIONING).toBe(4);
  });

  it('never holds more CPU or memory than an instance has, and every task is in an ECS state', () => {
    const sim = new Simulation(ec2Scenario({ duration: '15m', desired: 7, asgDesired: 1, taskCpu: 768, taskMemory: 3000 }));
    while (sim.step()) {
      for (const inst of sim.clusters[0]!.instances.values()) {
        expect(inst.cpuFree).toBeGreaterThanOrEqual(0);
        expect(inst.memoryFreeMiB).toBeGreaterThanOrEqual(0);
        expect(inst.status).toBeGreaterThanOrEqual(IS.LAUNCHING);
        expect(inst.status).toBeLessThanOrEqual(IS.TERMINATED);
      }
      for (const t of sim.clusters[0]!.tasks.values()) {
        expect(t.status).toBeGreaterThanOrEqual(TS.PROVISIONING);
        expect(t.status).toBeLessThanOrEqual(TS.STOPPED);
      }
    }
  });
});

describe('which cluster an Auto Scaling group joins', () => {
  it('follows ECS_CLUSTER in the launch template UserData (base64-encoded by Fn::Base64)', () => {
    const s = loadScenarioText(
      `
Name: two-clusters
Duration: 5m
Resources:
  Blue: { Type: AWS::ECS::Cluster, Properties: { ClusterName: blue } }
  Green: { Type: AWS::ECS::Cluster, Properties: { ClusterName: green } }
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: m5.large
        ImageId: ami-12345678
        UserData: !Base64 |
          #!/bin/bash
          echo ECS_CLUSTER=green >> /etc/ecs/ecs.config
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: '1', MaxSize: '1', DesiredCapacity: '1', LaunchTemplate: { LaunchTemplateId: !Ref LT, Version: '1' }, VPCZoneIdentifier: [subnet-a] }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [EC2], NetworkMode: bridge, Cpu: 256, Memory: 512 }
  BlueSvc:
    Type: AWS::ECS::Service
    Properties: { Cluster: !Ref Blue, LaunchType: EC2, DesiredCount: 1, TaskDefinition: !Ref Task }
  GreenSvc:
    Type: AWS::ECS::Service
    Properties: { Cluster: !Ref Green, LaunchType: EC2, DesiredCount: 1, TaskDefinition: !Ref Task }
`,
      'two.yaml',
    );
    const sim = new Simulation(s);
    sim.run();
    expect(sim.services.get('GreenSvc')!.model.running).toHaveLength(1);
    expect(sim.services.get('BlueSvc')!.model.running).toHaveLength(0);
  });
});

describe('the instances’ cost rate', () => {
  it('charts Spot instances at the Spot discount, not at the On-Demand price', () => {
    const spot = ALL_SPOT_M5;
    const rate = (o: Parameters<typeof ec2Scenario>[0]) => {
      const sim = new Simulation(ec2Scenario({ duration: '10m', asgDesired: 2, ...o }), { series: true });
      sim.run();
      const points = sim.clusters[0]!.asgs[0]!.series.costRate.points();
      return points[points.length - 1]!.mean;
    };
    const onDemand = rate({});
    const onSpot = rate({ mixed: spot, settings: 'Settings: { Spot: { Ec2Discount: 0.7 } }' });
    expect(onDemand).toBeCloseTo(2 * 0.096, 9);
    expect(onSpot).toBeCloseTo(2 * 0.096 * 0.3, 9);
  });
});
