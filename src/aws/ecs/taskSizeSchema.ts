/**
 * Task-level CPU and memory as CloudFormation accepts them (numbers, or strings with units),
 * normalized to CPU units and MiB.
 */
import { z } from 'zod';
import { describeValue } from '../../scenario/issues';

const CPU_UNITS_PER_VCPU = 1024;
const MIB_PER_GIB = 1024;

/** Task-level CPU: `512`, `"512"` (CPU units) or `"1 vCPU"`, `"0.25 vCPU"`. Output: CPU units. */
export const TaskCpuSchema = z
  .union([z.number(), z.string()], {
    error: (iss) => `expected CPU units (e.g. 512) or vCPUs (e.g. "1 vCPU"), got ${describeValue(iss.input)}`,
  })
  .transform((value, ctx) => {
    const units = parseCpuUnits(value);
    if (units === undefined || units <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected CPU units (e.g. 512) or vCPUs (e.g. "1 vCPU"), got ${describeValue(value)}`,
      });
      return z.NEVER;
    }
    return units;
  });

/** Task-level memory: `2048`, `"2048"` (MiB), `"2 GB"`, `"2GB"`, `"512 MiB"`. Output: MiB (GB means GiB, as ECS reads it). */
export const TaskMemorySchema = z
  .union([z.number(), z.string()], {
    error: (iss) => `expected MiB (e.g. 2048) or GB (e.g. "2 GB"), got ${describeValue(iss.input)}`,
  })
  .transform((value, ctx) => {
    const mib = parseMemoryMiB(value);
    if (mib === undefined || mib <= 0) {
      ctx.addIssue({ code: 'custom', message: `expected MiB (e.g. 2048) or GB (e.g. "2 GB"), got ${describeValue(value)}` });
      return z.NEVER;
    }
    return mib;
  });

function parseCpuUnits(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpus?|cpu units?)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] && /^vcpu/i.test(m[2]) ? n * CPU_UNITS_PER_VCPU : n;
}

function parseMemoryMiB(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] && /^g/i.test(m[2]) ? n * MIB_PER_GIB : n;
}
