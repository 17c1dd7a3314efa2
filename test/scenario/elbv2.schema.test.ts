import { describe, expect, it } from 'vitest';
import { listenerTargetGroups, loadBalancerServices, targetGroupService } from '../../src/aws/elbv2/schema';
import { brief, EC2, edit, issuesOf, load } from './helpers';

describe('Elastic Load Balancing v2: load balancer, target group, listener', () => {
  it('loads with defaults and the deregistration delay as a number', () => {
    const s = load(EC2);
    expect(s.Resources.LB!.Properties).toMatchObject({ Type: 'application', Scheme: 'internet-facing' });
    expect(s.Resources.TG!.Properties).toMatchObject({ TargetType: 'instance', Port: 80, DeregistrationDelaySeconds: 30, HealthCheckIntervalSeconds: 30 });
    expect(load(edit(EC2, "        - { Key: deregistration_delay.timeout_seconds, Value: '30' }\n", "        - { Key: stickiness.enabled, Value: 'false' }\n")).Resources.TG!.Properties.DeregistrationDelaySeconds).toBe(300);
  });

  it('follows a load balancer through its listener and target group to the service', () => {
    const s = load(EC2);
    expect(listenerTargetGroups(s, s.Resources.Listener!)).toEqual(['TG']);
    expect(targetGroupService(s, 'TG')).toBe('Svc');
    expect(loadBalancerServices(s, 'LB')).toEqual(['Svc']);
    expect(s.Workload[0]!.Target).toBe('LB');
  });

  it("checks a workload aimed at a load balancer against the service's needs", () => {
    expect(brief(issuesOf(edit(EC2, '    Work:\n      CpuMs: { Dist: exponential, Mean: 20 }\n', '    Work: {}\n')))).toEqual([
      '147:11 Workload[0].Work.CpuMs: required for a AWS::ECS::Service target (LB forwards to Svc): a distribution in ms, e.g. { Dist: lognormal, Mean: 20, P99: 80 }',
    ]);
  });

  it('rejects a load balancer target that forwards to no service', () => {
    const text = edit(EC2, 'DefaultActions: [{ Type: forward, TargetGroupArn: !Ref TG }]', 'DefaultActions: [{ Type: fixed-response }]');
    expect(brief(issuesOf(text))).toEqual([
      '145:13 Workload[0].Target: load balancer LB sends requests nowhere: no AWS::ElasticLoadBalancingV2::Listener on it forwards (DefaultActions) to a target group an ECS service registers in (its LoadBalancers)',
    ]);
  });

  it("requires a listener's target group to exist", () => {
    expect(brief(issuesOf(edit(EC2, 'TargetGroupArn: !Ref TG }]', 'TargetGroupArn: nope }]')))).toEqual([
      '99:57 Resources.Listener.Properties.DefaultActions[0].TargetGroupArn: "nope" is not a target group in this scenario; AWS::ElasticLoadBalancingV2::TargetGroup: TG',
      '145:13 Workload[0].Target: load balancer LB sends requests nowhere: no AWS::ElasticLoadBalancingV2::Listener on it forwards (DefaultActions) to a target group an ECS service registers in (its LoadBalancers)',
    ]);
  });

  it('checks the deregistration delay range', () => {
    expect(brief(issuesOf(edit(EC2, "Value: '30'", "Value: '5000'")))).toEqual([
      '92:63 Resources.TG.Properties.TargetGroupAttributes[0].Value: must be a whole number of seconds 0–3600, got "5000"',
    ]);
  });
});
