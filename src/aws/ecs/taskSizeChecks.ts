/**
 * A task definition's size checks: the Fargate sizes and network mode for one that runs on
 * Fargate; for any other, task-level Cpu/Memory filled in from its containers.
 */
import { describeValue } from '../../scenario/issues';
import type { PathSegment } from '../../scenario/positions';
import type { CheckIssue } from '../../scenario/resourceCheck';
import type { ResourceModel } from '../../scenario/types';
import { describeFargateMemory, FARGATE_CPU_UNITS, fargateMemoryChoices } from './fargateSizes';
import { containerTotals, type EcsTaskDefinitionProperties } from './taskDefinitionSchema';

/** The Fargate size and network mode problems of a task definition (run on Fargate). */
export function fargateTaskIssues(r: ResourceModel): CheckIssue[] {
  const td = r.Properties as EcsTaskDefinitionProperties;
  const at = (key: string): PathSegment[] => [r.LogicalId, 'Properties', key];
  const cpuList = FARGATE_CPU_UNITS.join(', ');
  const out: CheckIssue[] = [];
  if (td.Cpu === undefined) {
    out.push({ path: at('Cpu'), message: `required for Fargate: one of ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (fargateMemoryChoices(td.Cpu) === undefined) {
    out.push({ path: at('Cpu'), message: `${td.Cpu} is not a Fargate size; allowed ${cpuList} (CPU units; 1024 = 1 vCPU)` });
  } else if (td.Memory === undefined) {
    out.push({ path: at('Memory'), message: `required for Fargate: with Cpu ${td.Cpu}, ${describeFargateMemory(td.Cpu)} (MiB)` });
  } else if (!fargateMemoryChoices(td.Cpu)!.includes(td.Memory)) {
    out.push({ path: at('Memory'), message: `${td.Memory} is not a Fargate size for Cpu ${td.Cpu}; allowed ${describeFargateMemory(td.Cpu)}` });
  }
  if (td.NetworkMode !== undefined && td.NetworkMode !== 'awsvpc') {
    out.push({ path: at('NetworkMode'), message: `Fargate requires awsvpc, got ${describeValue(td.NetworkMode)}` });
  }
  return out;
}

/**
 * A task definition that does not run on Fargate: task-level Cpu/Memory default to its
 * containers' sums (written into its Properties). Memory must come from one or the other, as AWS
 * requires for EC2; a task an EC2 service runs (`ec2Service`) needs CPU too.
 */
export function fillTaskSize(r: ResourceModel, ec2Service: string | undefined): CheckIssue[] {
  const td = r.Properties as EcsTaskDefinitionProperties;
  const at = (...rest: PathSegment[]): PathSegment[] => [r.LogicalId, 'Properties', ...rest];
  const out: CheckIssue[] = [];
  const totals = containerTotals(td);
  if (td.Memory === undefined) {
    if (totals.memoryMiB !== undefined) td.Memory = totals.memoryMiB;
    else if ((td.ContainerDefinitions ?? []).length === 0) {
      out.push({ path: at('Memory'), message: 'required: task-level Memory (MiB), or ContainerDefinitions with Memory or MemoryReservation' });
    } else {
      td.ContainerDefinitions!.forEach((c, i) => {
        if (c.Memory === undefined && c.MemoryReservation === undefined) {
          out.push({ path: at('ContainerDefinitions', i), message: 'required when the task sets no Memory: Memory or MemoryReservation (MiB), as AWS requires for EC2' });
        }
      });
    }
  }
  if (td.Cpu === undefined && totals.cpuUnits > 0) td.Cpu = totals.cpuUnits;
  if (ec2Service !== undefined && td.Cpu === undefined) {
    out.push({
      path: at('Cpu'),
      message: `required for ${ec2Service} on EC2: task-level Cpu or Cpu on its containers (CPU units; 1024 = 1 vCPU); the simulator shares an instance's CPU by these units`,
    });
  }
  return out;
}
