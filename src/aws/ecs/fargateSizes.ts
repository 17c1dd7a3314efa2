/**
 * The valid Fargate task sizes (task-level CPU units and memory MiB), as data.
 *
 * Source: AWS, "Amazon ECS task definition parameters for Fargate: Task size"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size),
 * as captured in reference/aws-facts.md fact 52 (1 GB = 1024 MiB). The 32 vCPU row is left out:
 * the page copies disagree on it.
 */

/** One CPU size and the memory sizes allowed with it: `fromMiB` to `toMiB` in steps of `stepMiB`, or an explicit list. */
export interface FargateSizeRow {
  cpuUnits: number;
  memoryMiB: { fromMiB: number; toMiB: number; stepMiB: number } | { listMiB: number[] };
}

export const FARGATE_SIZES: readonly FargateSizeRow[] = [
  { cpuUnits: 256, memoryMiB: { listMiB: [512, 1024, 2048] } },
  { cpuUnits: 512, memoryMiB: { fromMiB: 1024, toMiB: 4096, stepMiB: 1024 } },
  { cpuUnits: 1024, memoryMiB: { fromMiB: 2048, toMiB: 8192, stepMiB: 1024 } },
  { cpuUnits: 2048, memoryMiB: { fromMiB: 4096, toMiB: 16384, stepMiB: 1024 } },
  { cpuUnits: 4096, memoryMiB: { fromMiB: 8192, toMiB: 30720, stepMiB: 1024 } },
  { cpuUnits: 8192, memoryMiB: { fromMiB: 16384, toMiB: 61440, stepMiB: 4096 } },
  { cpuUnits: 16384, memoryMiB: { fromMiB: 32768, toMiB: 122880, stepMiB: 8192 } },
];

/** The Fargate CPU sizes in CPU units (1024 = 1 vCPU). */
export const FARGATE_CPU_UNITS: readonly number[] = FARGATE_SIZES.map((row) => row.cpuUnits);

/** Memory sizes (MiB) Fargate allows with `cpuUnits`, ascending; `undefined` when `cpuUnits` is not a Fargate CPU size. */
export function fargateMemoryChoices(cpuUnits: number): number[] | undefined {
  const row = FARGATE_SIZES.find((r) => r.cpuUnits === cpuUnits);
  if (!row) return undefined;
  if ('listMiB' in row.memoryMiB) return [...row.memoryMiB.listMiB];
  const { fromMiB, toMiB, stepMiB } = row.memoryMiB;
  const out: number[] = [];
  for (let m = fromMiB; m <= toMiB; m += stepMiB) out.push(m);
  return out;
}

/** Whether (`cpuUnits`, `memoryMiB`) is a valid Fargate task size. */
export function isValidFargateSize(cpuUnits: number, memoryMiB: number): boolean {
  return fargateMemoryChoices(cpuUnits)?.includes(memoryMiB) ?? false;
}

/** The memory allowed with `cpuUnits`, in words: `1024–4096 in steps of 1024` or `512, 1024, 2048`. */
export function describeFargateMemory(cpuUnits: number): string | undefined {
  const row = FARGATE_SIZES.find((r) => r.cpuUnits === cpuUnits);
  if (!row) return undefined;
  if ('listMiB' in row.memoryMiB) return row.memoryMiB.listMiB.join(', ');
  const { fromMiB, toMiB, stepMiB } = row.memoryMiB;
  return `${fromMiB}–${toMiB} in steps of ${stepMiB}`;
}
