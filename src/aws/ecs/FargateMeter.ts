/**
 * Fargate usage meter (integer usage; cost is computed at report time).
 *
 * AWS bills a Fargate task on its requested vCPU, memory and ephemeral storage above 20 GB,
 * from the start of the image pull until the task terminates, rounded up to the second, with a
 * 1-minute minimum on Linux (5 minutes on Windows). Source: aws.amazon.com/fargate/pricing
 * (aws-facts.md facts 48–49). A task still running when the run ends is billed to the end,
 * without the minimum (it has not stopped).
 */

export interface FargateUsage {
  /** Σ billed seconds × cpu units (1024 units = 1 vCPU). */
  cpuUnitSeconds: number;
  /** Σ billed seconds × memory MiB. */
  memoryMiBSeconds: number;
  /** Σ billed seconds × ephemeral GiB above the free 20 GiB. */
  extraStorageGiBSeconds: number;
  /** Σ billed seconds (task-seconds). */
  taskSeconds: number;
  /** Tasks billed. */
  tasks: number;
}

export class FargateMeter {
  usage: FargateUsage = { cpuUnitSeconds: 0, memoryMiBSeconds: 0, extraStorageGiBSeconds: 0, taskSeconds: 0, tasks: 0 };

  constructor(
    readonly cpuUnits: number,
    readonly memoryMiB: number,
    readonly ephemeralGiB: number,
    /** Minimum billed seconds for a task that stops: 60 on Linux, 300 on Windows. */
    readonly minimumSeconds: number,
    /** Ephemeral storage per task that is not charged (20 GiB). */
    readonly freeEphemeralGiB: number,
  ) {}

  /** Bills one task from `startMs` to `endMs`; `stopped` applies the minimum. Returns the billed seconds. */
  bill(startMs: number, endMs: number, stopped: boolean): number {
    let seconds = Math.ceil(Math.max(0, endMs - startMs) / 1000 - 1e-9);
    if (stopped) seconds = Math.max(seconds, this.minimumSeconds);
    const u = this.usage;
    u.cpuUnitSeconds += seconds * this.cpuUnits;
    u.memoryMiBSeconds += seconds * this.memoryMiB;
    u.extraStorageGiBSeconds += seconds * Math.max(0, this.ephemeralGiB - this.freeEphemeralGiB);
    u.taskSeconds += seconds;
    u.tasks += 1;
    return seconds;
  }
}
