/**
 * The top-level `Faults:` list: failures injected at a time (an instance fails, a zone goes down,
 * Spot capacity is reclaimed). The schema checks each entry's shape; `checkFaults` resolves
 * targets to logical IDs and checks them against the scenario's resources and zones.
 */
import { z } from 'zod';
import { AUTO_SCALING_GROUP, scenarioZones } from '../aws/ec2/schema';
import { duration, num, oneOf, strictObject } from './fields';
import { describeValue, type IssueList } from './issues';
import { resolveResourceRef } from './resourceRef';
import type { FaultSpec, Scenario } from './types';

const ECS_SERVICE = 'AWS::ECS::Service';

export const FAULT_KINDS = ['instance-failure', 'az-outage', 'spot-interruption'] as const;

export const FaultSchema = strictObject({
  At: duration().describe('When the fault happens, since Start'),
  Kind: oneOf(FAULT_KINDS),
  Target: z.string().optional().describe('Logical ID of the AutoScalingGroup or Service hit (instance-failure, spot-interruption)'),
  Zone: z.string().optional().describe('The zone (required for az-outage; a filter for the other kinds)'),
  Count: num({ int: true, min: 1, unit: 'instances' }).default(1).describe('Instances (or Spot tasks) hit (default 1)'),
  For: duration({ minMs: 1 }).optional().describe('az-outage only: how long the zone is down (default until the end)'),
}).superRefine((f, ctx) => {
  if (f.Kind === 'az-outage') {
    if (f.Zone === undefined) ctx.addIssue({ code: 'custom', path: ['Zone'], message: 'required for az-outage: the zone that goes down, e.g. us-east-1a' });
    if (f.Target !== undefined) ctx.addIssue({ code: 'custom', path: ['Target'], message: 'not used by az-outage (it hits everything in the Zone); remove it' });
  } else if (f.For !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['For'], message: `only for az-outage; ${f.Kind} is permanent (the group or service replaces what it lost)` });
  }
});

/** Resolves and checks each fault against the scenario; issues go to `list` under `Faults[i]`. */
export function checkFaults(
  faults: FaultSpec[],
  scenario: Pick<Scenario, 'Resources' | 'Region'>,
  durationMs: number,
  list: IssueList,
): FaultSpec[] {
  const asgs = Object.values(scenario.Resources).filter((r) => r.Type === AUTO_SCALING_GROUP).map((r) => r.LogicalId);
  const services = Object.values(scenario.Resources).filter((r) => r.Type === ECS_SERVICE).map((r) => r.LogicalId);
  const zones = scenarioZones(scenario);
  faults.forEach((f, i) => {
    const at = (key: string) => ['Faults', i, key];
    if (f.At >= durationMs) list.add(at('At'), `must be before Duration (${durationMs} ms), got ${f.At} ms: the fault would never happen`);
    if (f.Zone !== undefined && !zones.includes(f.Zone)) {
      list.add(at('Zone'), `${describeValue(f.Zone)} is not a zone of this scenario; zones: ${zones.join(', ')}`);
    }
    if (f.Kind === 'az-outage') return;
    const candidates = `Auto Scaling groups: ${asgs.join(', ') || '(none)'}; services: ${services.join(', ') || '(none)'}`;
    if (f.Target === undefined) {
      if (asgs.length === 1) f.Target = asgs[0];
      else list.add(['Faults', i], `required: Target, the AutoScalingGroup or Service ${f.Kind} hits (the scenario has ${asgs.length === 0 ? 'no' : 'several'} Auto Scaling groups); ${candidates}`);
      return;
    }
    const id = resolveResourceRef(scenario, f.Target, AUTO_SCALING_GROUP) ?? resolveResourceRef(scenario, f.Target, ECS_SERVICE);
    if (id === undefined) list.add(at('Target'), `${describeValue(f.Target)} is not an Auto Scaling group or ECS service in this scenario; ${candidates}`);
    else f.Target = id;
  });
  return faults;
}
